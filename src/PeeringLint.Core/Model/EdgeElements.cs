using System;
using System.Collections.Generic;

namespace PeeringLint.Model;

/// <summary>
/// A managed prefix list (describe-managed-prefix-lists with get-managed-prefix-list-entries, describe-prefix-lists,
/// <c>AWS::EC2::PrefixList</c>). Routes whose destination is the list and security-group rules that name it are
/// evaluated against <see cref="Entries"/> when <see cref="EntriesKnown"/>.
/// </summary>
public sealed record PrefixList(string Id, SourceLocation Location) : Element(Id, Location)
{
    /// <summary>The list's name (<c>com.amazonaws.us-east-1.s3</c> for an AWS-managed list).</summary>
    public string? PrefixListName { get; init; }

    /// <summary>The CIDR blocks of the list, as written.</summary>
    public IReadOnlyList<CidrValue> Entries { get; init; } = Array.Empty<CidrValue>();

    /// <summary>True when the input lists the entries (a describe-managed-prefix-lists record alone does not).</summary>
    public bool EntriesKnown { get; init; }

    /// <summary>True for AWS's own lists (owner <c>AWS</c> or a <c>com.amazonaws.</c> name): service address ranges.</summary>
    public bool IsAwsManaged => string.Equals(Account, "AWS", StringComparison.Ordinal)
        || (PrefixListName is not null && PrefixListName.StartsWith("com.amazonaws.", StringComparison.Ordinal));

    /// <summary>True when some entry is unknown (an unresolved template value).</summary>
    public bool HasUnknownEntries
    {
        get
        {
            foreach (var e in Entries)
            {
                if (e.IsUnknown)
                {
                    return true;
                }
            }

            return !EntriesKnown;
        }
    }
}

/// <summary>The type of a VPC endpoint.</summary>
public enum VpcEndpointType
{
    Unknown,
    Gateway,
    Interface,
    GatewayLoadBalancer,
}

/// <summary>
/// A VPC endpoint (describe-vpc-endpoints, <c>AWS::EC2::VPCEndpoint</c>). A gateway endpoint (S3, DynamoDB) is the
/// target of routes to its service's prefix list in <see cref="RouteTableIds"/>; an interface endpoint is network
/// interfaces in <see cref="SubnetIds"/> guarded by <see cref="SecurityGroupIds"/>.
/// </summary>
public sealed record VpcEndpoint(string Id, SourceLocation Location, string? VpcId) : Element(Id, Location)
{
    public string? ServiceName { get; init; }

    public VpcEndpointType Type { get; init; } = VpcEndpointType.Gateway;

    public string? State { get; init; }

    public IReadOnlyList<string> RouteTableIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> SubnetIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> NetworkInterfaceIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = Array.Empty<string>();

    /// <summary>False for a state that carries no traffic (pending, rejected, deleted, failed...); true when the state is not given.</summary>
    public bool IsUsable => State is null or "available" or "Available";
}

/// <summary>A virtual private gateway (describe-vpn-gateways, <c>AWS::EC2::VPNGateway</c>): where a path leaves AWS for a VPN or Direct Connect.</summary>
public sealed record VpnGateway(string Id, SourceLocation Location) : Element(Id, Location)
{
    /// <summary>VPCs the gateway is attached to (attachment state attached/attaching, or a template attachment).</summary>
    public IReadOnlyList<string> AttachedVpcIds { get; init; } = Array.Empty<string>();

    public string? State { get; init; }

    public long? AmazonSideAsn { get; init; }
}

/// <summary>A customer gateway (describe-customer-gateways, <c>AWS::EC2::CustomerGateway</c>): the on-premises end of a VPN.</summary>
public sealed record CustomerGateway(string Id, SourceLocation Location) : Element(Id, Location)
{
    public string? IpAddress { get; init; }

    public long? BgpAsn { get; init; }

    public string? State { get; init; }
}

/// <summary>
/// A site-to-site VPN connection (describe-vpn-connections, <c>AWS::EC2::VPNConnection</c> with its
/// <c>AWS::EC2::VPNConnectionRoute</c>s). With <see cref="StaticRoutesOnly"/> the routes a virtual private gateway
/// propagates are <see cref="StaticRoutes"/>; with BGP they are not in the input.
/// </summary>
public sealed record VpnConnection(string Id, SourceLocation Location) : Element(Id, Location)
{
    public string? VpnGatewayId { get; init; }

    public string? TransitGatewayId { get; init; }

    public string? CustomerGatewayId { get; init; }

    public string? State { get; init; }

    /// <summary>True, false, or null when the input does not say (AWS's default is BGP: false).</summary>
    public bool? StaticRoutesOnly { get; init; }

    /// <summary>The on-premises ranges of the connection's static routes.</summary>
    public IReadOnlyList<CidrValue> StaticRoutes { get; init; } = Array.Empty<CidrValue>();

    /// <summary>False for a state that carries no traffic (deleting, deleted); true when the state is not given.</summary>
    public bool IsUsable => State is null or "available" or "pending";
}

/// <summary>An egress-only internet gateway (describe-egress-only-internet-gateways, <c>AWS::EC2::EgressOnlyInternetGateway</c>): outbound-only IPv6.</summary>
public sealed record EgressOnlyInternetGateway(string Id, SourceLocation Location) : Element(Id, Location)
{
    public IReadOnlyList<string> AttachedVpcIds { get; init; } = Array.Empty<string>();
}
