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

    /// <summary>The attachment between these components is not in a functional state: a gateway not attached to the VPC whose route names it, a TGW attachment deleted or pending acceptance (AWS code).</summary>
    public const string BadStateAttachment = "BAD_STATE_ATTACHMENT";

    /// <summary>No VPN connection of the virtual private gateway is in a functional state (AWS code).</summary>
    public const string BadStateVpn = "BAD_STATE_VPN";

    /// <summary>The path leaves AWS (a virtual private gateway) towards a destination inside the input: whether it comes back is outside the input.</summary>
    public const string LeavesAws = "LEAVES_AWS";

    /// <summary>The destination's route back to the source goes to an egress-only internet gateway: no connection can start from outside.</summary>
    public const string EgressOnlyInbound = "EGRESS_ONLY_GATEWAY_INBOUND";
    /// <summary>The VPC has no usable attachment to the transit gateway its route names (AWS Network Manager's route analysis code).</summary>
    public const string TgwAttachNotFound = "TGW_ATTACH_NOT_FOUND";

    /// <summary>The VPC attachment has no subnet in the availability zone the traffic comes from (AWS code).</summary>
    public const string TgwRouteAzRestriction = "TGW_ROUTE_AZ_RESTRICTION";

    /// <summary>The transit gateway attachment is not associated with a TGW route table (AWS code).</summary>
    public const string TgwAttachMissingRtbAssociation = "TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION";

    /// <summary>No route of the TGW route table matches the destination, or it leads elsewhere (AWS code).</summary>
    public const string TgwRtbCannotRoute = "TGW_RTB_CANNOT_ROUTE";

    /// <summary>The matching TGW route is a blackhole (AWS code for a TGW route in a bad state).</summary>
    public const string TgwRtbBadStateRoute = "TGW_RTB_BAD_STATE_ROUTE";

    /// <summary>Return path: the TGW route table has no route back to the source's attachment (AWS code).</summary>
    public const string TgwRtbNoRouteToAttachment = "TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT";

    /// <summary>The TGW route table's routes are not in the input (AWS code).</summary>
    public const string TgwRtbRoutesAreUnknown = "TGW_RTB_ROUTES_ARE_UNKNOWN";

    /// <summary>The path leaves the model: a VPN, Direct Connect or peered gateway that the input does not describe.</summary>
    public const string LeavesModel = "PATH_LEAVES_MODEL";

    /// <summary>A value the hop needs is unknown in the input.</summary>
    public const string UnknownValue = "UNKNOWN_VALUE";

    /// <summary>
    /// PeeringLint's own: an inspection VPC's attachment spans several availability zones without appliance mode, so the
    /// request and its replies may reach different appliances (docs/reachability.md).
    /// </summary>
    public const string ApplianceModeAsymmetry = "TGW_APPLIANCE_MODE_ASYMMETRY";

    /// <summary>PeeringLint's own: only one direction of the flow passes an inspection VPC's appliance.</summary>
    public const string InspectionOneWay = "INSPECTION_ONE_WAY";
}
