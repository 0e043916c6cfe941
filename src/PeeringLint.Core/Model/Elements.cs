using System;
using System.Collections.Generic;

namespace PeeringLint.Model;

/// <summary>
/// Base of every model element. <see cref="Id"/> is unique within one <see cref="NetworkModel"/> for its
/// kind (AWS ids, CloudFormation logical ids, tutorial names). <see cref="Location"/> points at the
/// element's own text; narrower values carry locations of their own.
/// </summary>
public abstract record Element(string Id, SourceLocation Location)
{
    /// <summary>The Name tag (or the tutorial name, or the CDK construct path).</summary>
    public string? Name { get; init; }

    /// <summary>Account id (owner) when known.</summary>
    public string? Account { get; init; }

    /// <summary>Region when known.</summary>
    public string? Region { get; init; }

    /// <summary>Rule ids suppressed in source on this element (tutorial <c>ignore:</c>, CloudFormation Metadata).</summary>
    public IReadOnlyList<string> IgnoredRules { get; init; } = Array.Empty<string>();

    /// <summary>Where the in-source suppression was written, when there is one.</summary>
    public SourceLocation? IgnoreLocation { get; init; }

    /// <summary>A human label: 'Name (id)', 'Name', or 'id'.</summary>
    public string Label => Name is null || Name == Id ? $"'{Id}'" : $"'{Name}' ({Id})";
}

public sealed record Vpc(string Id, SourceLocation Location) : Element(Id, Location)
{
    /// <summary>Primary block first, then secondary blocks, as written.</summary>
    public IReadOnlyList<CidrValue> Ipv4Cidrs { get; init; } = Array.Empty<CidrValue>();

    public IReadOnlyList<CidrValue> Ipv6Cidrs { get; init; } = Array.Empty<CidrValue>();

    public bool IsDefault { get; init; }

    /// <summary>True when the VPC's CIDR set could not be fully determined (some block unknown).</summary>
    public bool HasUnknownCidrs
    {
        get
        {
            foreach (var c in Ipv4Cidrs)
            {
                if (c.IsUnknown)
                {
                    return true;
                }
            }

            foreach (var c in Ipv6Cidrs)
            {
                if (c.IsUnknown)
                {
                    return true;
                }
            }

            return Ipv4Cidrs.Count == 0;
        }
    }

    /// <summary>ClassicLink enabled on this VPC (describe-vpc-classic-link).</summary>
    public bool? ClassicLinkEnabled { get; init; }
}

public sealed record Subnet(string Id, SourceLocation Location, string? VpcId) : Element(Id, Location)
{
    public CidrValue? Ipv4Cidr { get; init; }

    public IReadOnlyList<CidrValue> Ipv6Cidrs { get; init; } = Array.Empty<CidrValue>();

    public string? AvailabilityZone { get; init; }

    public bool? MapPublicIpOnLaunch { get; init; }
}

/// <summary>Kind of a route's target, as AWS names them in describe-route-tables.</summary>
public enum RouteTargetKind
{
    Unknown,
    Local,
    InternetGateway,
    EgressOnlyInternetGateway,
    NatGateway,
    VpcPeeringConnection,
    TransitGateway,
    NetworkInterface,
    Instance,
    VirtualPrivateGateway,
    VpcEndpoint,
    CarrierGateway,
    LocalGateway,
    CoreNetwork,
}

public enum RouteState
{
    Active,
    Blackhole,
}

public enum RouteOrigin
{
    CreateRoute,
    CreateRouteTable,
    EnableVgwRoutePropagation,
}

/// <summary>
/// One route. The destination is an IPv4/IPv6 CIDR or a managed prefix list. <see cref="TargetId"/> is
/// null when the target is unknown (an unresolved reference).
/// </summary>
public sealed record Route(SourceLocation Location, RouteTargetKind TargetKind, string? TargetId)
{
    public CidrValue? Destination { get; init; }

    public string? DestinationPrefixListId { get; init; }

    public RouteState State { get; init; } = RouteState.Active;

    public RouteOrigin Origin { get; init; } = RouteOrigin.CreateRoute;

    /// <summary>The element that declares this route when it is its own resource (a CloudFormation AWS::EC2::Route logical id).</summary>
    public string? DeclaringId { get; init; }

    public IReadOnlyList<string> IgnoredRules { get; init; } = Array.Empty<string>();

    public bool IsLocal => TargetKind == RouteTargetKind.Local;

    public string DestinationText => Destination?.ToString() ?? DestinationPrefixListId ?? "<unknown>";
}

public sealed record RouteTable(string Id, SourceLocation Location, string? VpcId) : Element(Id, Location)
{
    /// <summary>True for the VPC's main route table (used by subnets without an explicit association).</summary>
    public bool IsMain { get; init; }

    /// <summary>Subnets explicitly associated with this table.</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = Array.Empty<string>();

    /// <summary>Routes as listed; local routes appear only when the input lists them.</summary>
    public IReadOnlyList<Route> Routes { get; init; } = Array.Empty<Route>();

    /// <summary>True when the input synthesized this table (the implicit main table of a template VPC).</summary>
    public bool IsImplicit { get; init; }

    /// <summary>True when routes may exist that the input does not show (routes added by other stacks).</summary>
    public bool RoutesIncomplete { get; init; }

    /// <summary>Virtual private gateways that propagate routes into this table (PropagatingVgws, AWS::EC2::VPNGatewayRoutePropagation).</summary>
    public IReadOnlyList<string> PropagatingVgwIds { get; init; } = Array.Empty<string>();

    /// <summary>True when the input lists the routes the gateways propagated (describe-route-tables does; a template cannot).</summary>
    public bool PropagatedRoutesListed { get; init; }
}

public sealed record InternetGateway(string Id, SourceLocation Location) : Element(Id, Location)
{
    /// <summary>VPCs the gateway is attached to (state available/attached).</summary>
    public IReadOnlyList<string> AttachedVpcIds { get; init; } = Array.Empty<string>();
}

public sealed record NatGateway(string Id, SourceLocation Location, string? SubnetId) : Element(Id, Location)
{
    public string? VpcId { get; init; }

    public bool IsPublic { get; init; } = true;

    /// <summary>
    /// The gateway's Elastic IPs: allocation ids (or template EIP ids, or public IPs when no allocation id is
    /// known). Filled through <see cref="PeeringLint.Aws.ElasticIpAssociations.WithAddresses(NatGateway, System.Collections.Generic.IEnumerable{PeeringLint.Aws.PropertyValue})"/>.
    /// </summary>
    public IReadOnlyList<string> ElasticIpIds { get; init; } = Array.Empty<string>();

    /// <summary>True when the gateway names an address the input does not pin down (an unresolved AllocationId).</summary>
    public bool ElasticIpsUnknown { get; init; }

    /// <summary>The gateway's primary private IPv4 address (the source other VPCs see), when the input gives it.</summary>
    public string? PrivateIpAddress { get; init; }
}

/// <summary>Status codes of a VPC peering connection.</summary>
public enum PeeringStatus
{
    Unknown,
    InitiatingRequest,
    PendingAcceptance,
    Provisioning,
    Active,
    Rejected,
    Expired,
    Failed,
    Deleting,
    Deleted,
}

/// <summary>Per-side peering options (describe-vpc-peering-connections PeeringOptions).</summary>
public sealed record PeeringOptions
{
    public static PeeringOptions Default { get; } = new();

    public bool AllowDnsResolutionFromRemoteVpc { get; init; }

    public bool AllowEgressFromLocalClassicLinkToRemoteVpc { get; init; }

    public bool AllowEgressFromLocalVpcToRemoteClassicLink { get; init; }

    public SourceLocation? Location { get; init; }

    public bool AnyClassicLink => AllowEgressFromLocalClassicLinkToRemoteVpc || AllowEgressFromLocalVpcToRemoteClassicLink;
}

/// <summary>One side of a peering connection: the VPC and what the peering record itself says about it.</summary>
public sealed record PeeringSide(string? VpcId, SourceLocation Location)
{
    public string? OwnerId { get; init; }

    public string? Region { get; init; }

    /// <summary>CIDR blocks the peering record reports for this side (used when the VPC is not in the input).</summary>
    public IReadOnlyList<CidrValue> Ipv4Cidrs { get; init; } = Array.Empty<CidrValue>();

    public IReadOnlyList<CidrValue> Ipv6Cidrs { get; init; } = Array.Empty<CidrValue>();

    public PeeringOptions Options { get; init; } = PeeringOptions.Default;
}

public sealed record VpcPeeringConnection(string Id, SourceLocation Location, PeeringSide Requester, PeeringSide Accepter) : Element(Id, Location)
{
    public PeeringStatus Status { get; init; } = PeeringStatus.Active;

    public SourceLocation? StatusLocation { get; init; }

    /// <summary>The side whose VPC is <paramref name="vpcId"/>, or null.</summary>
    public PeeringSide? SideOf(string vpcId) =>
        Requester.VpcId == vpcId ? Requester : Accepter.VpcId == vpcId ? Accepter : null;

    /// <summary>The side opposite to <paramref name="vpcId"/>, or null when the VPC is not a side.</summary>
    public PeeringSide? OtherSide(string vpcId) =>
        Requester.VpcId == vpcId ? Accepter : Accepter.VpcId == vpcId ? Requester : null;

    public bool IsInterRegion =>
        Requester.Region is not null && Accepter.Region is not null && !string.Equals(Requester.Region, Accepter.Region, StringComparison.Ordinal);

    /// <summary>Not (yet or any more) a connection: rejected, expired, failed, deleting, deleted.</summary>
    public bool IsTerminal => Status is PeeringStatus.Rejected or PeeringStatus.Expired or PeeringStatus.Failed or PeeringStatus.Deleting or PeeringStatus.Deleted;
}

public enum RuleDirection
{
    Ingress,
    Egress,
}

/// <summary>What a security group rule admits traffic from (ingress) or to (egress).</summary>
public enum SgPeerKind
{
    Cidr,
    PrefixList,
    SecurityGroup,
    Unknown,
}

/// <summary>
/// One flattened security group rule: one protocol/port range and one peer (AWS's SecurityGroupRule shape).
/// Protocol is AWS's IpProtocol number (-1 all, 6 tcp, 17 udp, 1 icmp, 58 icmpv6) or null when unknown.
/// For ICMP, FromPort/ToPort hold the type and code (-1 = all).
/// </summary>
public sealed record SecurityGroupRule(SourceLocation Location, RuleDirection Direction, int? Protocol, int? FromPort, int? ToPort, SgPeerKind PeerKind)
{
    public CidrValue? Cidr { get; init; }

    public string? PrefixListId { get; init; }

    public string? GroupId { get; init; }

    public string? GroupOwnerId { get; init; }

    /// <summary>VPC of the referenced group when the reference names it (a peer VPC's group).</summary>
    public string? GroupVpcId { get; init; }

    public string? PeeringConnectionId { get; init; }

    public string? Description { get; init; }
}

public sealed record SecurityGroup(string Id, SourceLocation Location, string? VpcId) : Element(Id, Location)
{
    public string? GroupName { get; init; }

    public bool IsDefault => string.Equals(GroupName, "default", StringComparison.Ordinal);

    public IReadOnlyList<SecurityGroupRule> Ingress { get; init; } = Array.Empty<SecurityGroupRule>();

    public IReadOnlyList<SecurityGroupRule> Egress { get; init; } = Array.Empty<SecurityGroupRule>();

    /// <summary>True when rules may exist that the input does not show (standalone ingress resources in other stacks).</summary>
    public bool RulesIncomplete { get; init; }
}

public enum AclAction
{
    Allow,
    Deny,
}

/// <summary>A numbered network ACL entry. Rule number 32767 is the implicit catch-all deny.</summary>
public sealed record NetworkAclEntry(SourceLocation Location, int RuleNumber, bool Egress, int? Protocol, AclAction Action)
{
    public CidrValue? Cidr { get; init; }

    public int? FromPort { get; init; }

    public int? ToPort { get; init; }

    public int? IcmpType { get; init; }

    public int? IcmpCode { get; init; }
}

public sealed record NetworkAcl(string Id, SourceLocation Location, string? VpcId) : Element(Id, Location)
{
    public bool IsDefault { get; init; }

    public IReadOnlyList<string> SubnetIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<NetworkAclEntry> Entries { get; init; } = Array.Empty<NetworkAclEntry>();
}

/// <summary>Whether an instance or ENI has a public IPv4 address.</summary>
public enum PublicIpMode
{
    Unknown,
    None,
    Assigned,
}

public sealed record Instance(string Id, SourceLocation Location, string? SubnetId) : Element(Id, Location)
{
    public string? VpcId { get; init; }

    public IReadOnlyList<string> PrivateIpAddresses { get; init; } = Array.Empty<string>();

    /// <summary>The public IPv4 (auto-assigned or Elastic) when the input says which.</summary>
    public string? PublicIpAddress { get; init; }

    public PublicIpMode PublicIp { get; init; } = PublicIpMode.Unknown;

    public SourceLocation? PublicIpLocation { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> NetworkInterfaceIds { get; init; } = Array.Empty<string>();

    /// <summary>The VPC an EC2-Classic instance is ClassicLinked to.</summary>
    public string? ClassicLinkVpcId { get; init; }

    public string? State { get; init; }
}

public sealed record NetworkInterface(string Id, SourceLocation Location, string? SubnetId) : Element(Id, Location)
{
    public string? VpcId { get; init; }

    public string? AttachedInstanceId { get; init; }

    public IReadOnlyList<string> PrivateIpAddresses { get; init; } = Array.Empty<string>();

    public string? PublicIpAddress { get; init; }

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = Array.Empty<string>();

    public string? InterfaceType { get; init; }
}

public sealed record ElasticIp(string Id, SourceLocation Location) : Element(Id, Location)
{
    public string? PublicIp { get; init; }

    public string? InstanceId { get; init; }

    public string? NetworkInterfaceId { get; init; }

    public string? AssociationId { get; init; }

    /// <summary>True when the association is unknown (set by a resource the input cannot resolve).</summary>
    public bool AssociationUnknown { get; init; }

    /// <summary>What this record alone says; a NAT gateway's address is associated through the gateway (see <see cref="PeeringLint.Aws.ElasticIpAssociations"/>).</summary>
    public bool IsAssociated => InstanceId is not null || NetworkInterfaceId is not null || AssociationId is not null || AssociationUnknown;
}

/// <summary>A connectivity intent: traffic that must be able to flow (the reachability engine evaluates it; PL9001 reports it when blocked).</summary>
public sealed record ConnectivityIntent(string Name, SourceLocation Location, string From, string To, string Protocol)
{
    public int? Port { get; init; }

    public SourceLocation? FromLocation { get; init; }

    public SourceLocation? ToLocation { get; init; }

    /// <summary>Where the intent was declared, which decides where its names are looked up (docs/reachability.md).</summary>
    public IntentSource Source { get; init; } = IntentSource.Shared;

    /// <summary>
    /// For <see cref="IntentSource.Network"/>: the prefix of the declaring file's element ids ("a/net:" when
    /// several tutorial files are read in one run, else empty), so that an id written in the file still matches.
    /// </summary>
    public string IdPrefix { get; init; } = string.Empty;
}

/// <summary>Where a <see cref="ConnectivityIntent"/> was declared.</summary>
public enum IntentSource
{
    /// <summary>
    /// A separate intents file the user named (<c>--intents</c>, the config, or the command line): names are
    /// looked up in all inputs, and a name that matches in several places is an error that lists them.
    /// </summary>
    Shared,

    /// <summary>
    /// Next to a network in the same file (the tutorial YAML's <c>intents:</c>): names are looked up in that
    /// file's elements first, then in all inputs.
    /// </summary>
    Network,

    /// <summary>
    /// A separate intents file found by searching a folder, which may hold unrelated networks: names are
    /// looked up in all inputs, and a name that matches in several places leaves the intent unevaluated with a
    /// warning that lists them (name the file with <c>--intents</c> to make that an error).
    /// </summary>
    Discovered,
}
