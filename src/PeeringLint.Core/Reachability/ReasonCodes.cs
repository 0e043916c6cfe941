namespace PeeringLint.Reachability;

/// <summary>
/// Why a hop blocks (or cannot be judged). Modelled on AWS VPC Reachability Analyzer's explanation codes where
/// one fits (ENI_SG_RULES_MISMATCH, SUBNET_ACL_RESTRICTION, BAD_STATE_…); the others are PeeringLint's own.
/// docs/reachability.md lists them all.
/// </summary>
public static class ReasonCodes
{
    /// <summary>The security groups of the network interface do not admit the traffic (AWS code).</summary>
    public const string EniSgRulesMismatch = "ENI_SG_RULES_MISMATCH";

    /// <summary>The subnet's network ACL denies the traffic, explicitly or by its implicit final deny (AWS code).</summary>
    public const string SubnetAclRestriction = "SUBNET_ACL_RESTRICTION";

    /// <summary>No route in the subnet's route table matches the destination address.</summary>
    public const string NoRouteToDestination = "NO_ROUTE_TO_DESTINATION";

    /// <summary>The destination's route table does not send replies back over the path the request came in on.</summary>
    public const string NoRouteToSource = "NO_ROUTE_TO_SOURCE";

    /// <summary>The matching route is a blackhole (its target was deleted or is not usable).</summary>
    public const string BlackholeRoute = "BLACKHOLE_ROUTE";

    /// <summary>The peering connection is not active (pending acceptance, rejected, deleted…), or not in the input.</summary>
    public const string BadStateVpcPeeringConnection = "BAD_STATE_VPC_PEERING_CONNECTION";

    /// <summary>The destination is not in the peer VPC: peering is not transitive (no edge-to-edge routing).</summary>
    public const string PeeringNotTransitive = "PEERING_NOT_TRANSITIVE";

    /// <summary>The instance has neither a public IPv4 address nor an Elastic IP, so the internet cannot reach it.</summary>
    public const string NoPublicIp = "NO_PUBLIC_IP";

    /// <summary>The route names an internet gateway that is not attached to the VPC, or the VPC has none.</summary>
    public const string IgwNotAttached = "IGW_NOT_ATTACHED";

    /// <summary>A private address is sent to the internet gateway: it is not reachable over the internet.</summary>
    public const string PrivateAddressOverInternet = "PRIVATE_ADDRESS_OVER_INTERNET_GATEWAY";

    /// <summary>The route's target kind (NAT gateway, transit gateway…) is outside what PeeringLint evaluates.</summary>
    public const string UnsupportedTarget = "UNSUPPORTED_ROUTE_TARGET";

    /// <summary>The component (NAT gateway, VPC endpoint, virtual private gateway) is not in a functional state, or does not exist (AWS code).</summary>
    public const string BadState = "BAD_STATE";

    /// <summary>The gateway is not attached to the VPC whose route names it (AWS code).</summary>
    public const string BadStateAttachment = "BAD_STATE_ATTACHMENT";

    /// <summary>No VPN connection of the virtual private gateway is in a functional state (AWS code).</summary>
    public const string BadStateVpn = "BAD_STATE_VPN";

    /// <summary>The path leaves AWS (a virtual private gateway) towards a destination inside the input: whether it comes back is outside the input.</summary>
    public const string LeavesAws = "LEAVES_AWS";

    /// <summary>The destination's route back to the source goes to an egress-only internet gateway: no connection can start from outside.</summary>
    public const string EgressOnlyInbound = "EGRESS_ONLY_GATEWAY_INBOUND";

    /// <summary>A value the hop needs is unknown in the input.</summary>
    public const string UnknownValue = "UNKNOWN_VALUE";
}
