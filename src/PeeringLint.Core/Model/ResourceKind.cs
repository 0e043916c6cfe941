using System;
using System.Collections.Generic;

namespace PeeringLint.Model;

/// <summary>Resource kinds an input can carry; used to know what the inputs covered. One flag per entry of <see cref="ResourceKind.All"/>.</summary>
[Flags]
public enum ResourceKinds
{
    None = 0,
    Vpcs = 1,
    Subnets = 2,
    RouteTables = 4,
    InternetGateways = 8,
    PeeringConnections = 16,
    SecurityGroups = 32,
    NetworkAcls = 64,
    Instances = 128,
    ElasticIps = 256,
    NetworkInterfaces = 512,
    NatGateways = 1024,
    TransitGateways = 2048,
    TransitGatewayAttachments = 4096,
    TransitGatewayRouteTables = 8192,
    VpcEndpoints = 16384,
    PrefixLists = 32768,
    VpnGateways = 65536,
    CustomerGateways = 131072,
    VpnConnections = 262144,
    EgressOnlyInternetGateways = 524288,
}

/// <summary>Something that needs the element type of a <see cref="ResourceKind"/> as a type argument (a typed table per kind).</summary>
public interface IResourceKindVisitor<out TResult>
{
    TResult Visit<T>(ResourceKind<T> kind)
        where T : Element;
}

/// <summary>
/// One kind of model element: its record type, its coverage flag and its name in messages. <see cref="All"/> is the
/// one list of kinds: <see cref="NetworkModelBuilder"/>, <see cref="NetworkModel"/>, the index's by-id lookups, the
/// coverage report and the readers' per-kind tables are all built from it, so adding a kind is an entry here, its
/// record in <c>Elements.cs</c> and a mapper per input format (CONTRIBUTING.md, "Adding a resource kind").
/// </summary>
public abstract class ResourceKind
{
    private protected ResourceKind(ResourceKinds flag, string plural, string noun, bool presenceImpliesCoverage, bool reported)
    {
        Flag = flag;
        Plural = plural;
        Noun = noun;
        PresenceImpliesCoverage = presenceImpliesCoverage;
        Reported = reported;
    }

    public ResourceKinds Flag { get; }

    /// <summary>The kind's name as the outputs print it ("route tables").</summary>
    public string Plural { get; }

    /// <summary>One element's name in messages ("route table").</summary>
    public string Noun { get; }

    /// <summary>
    /// True when an input that holds any element of this kind describes the kind (a template declares what it
    /// declares). False for route tables: every VPC has an implicit main table, so one in the model proves nothing.
    /// </summary>
    public bool PresenceImpliesCoverage { get; }

    /// <summary>Listed in the coverage report (what the rules reason about).</summary>
    public bool Reported { get; }

    public abstract Type ElementType { get; }

    public abstract TResult Accept<TResult>(IResourceKindVisitor<TResult> visitor);

    /// <summary>The kinds in report order (also the order of the model's lists).</summary>
    public static IReadOnlyList<ResourceKind> All { get; } = new ResourceKind[]
    {
        new ResourceKind<Vpc>(ResourceKinds.Vpcs, "VPCs", "VPC"),
        new ResourceKind<Subnet>(ResourceKinds.Subnets, "subnets", "subnet"),
        new ResourceKind<RouteTable>(ResourceKinds.RouteTables, "route tables", "route table", presenceImpliesCoverage: false),
        new ResourceKind<VpcPeeringConnection>(ResourceKinds.PeeringConnections, "peering connections", "peering connection"),
        new ResourceKind<SecurityGroup>(ResourceKinds.SecurityGroups, "security groups", "security group"),
        new ResourceKind<NetworkAcl>(ResourceKinds.NetworkAcls, "network ACLs", "network ACL"),
        new ResourceKind<Instance>(ResourceKinds.Instances, "instances", "instance"),
        new ResourceKind<InternetGateway>(ResourceKinds.InternetGateways, "internet gateways", "internet gateway"),
        new ResourceKind<NatGateway>(ResourceKinds.NatGateways, "NAT gateways", "NAT gateway"),
        new ResourceKind<ElasticIp>(ResourceKinds.ElasticIps, "Elastic IPs", "Elastic IP address"),
        new ResourceKind<NetworkInterface>(ResourceKinds.NetworkInterfaces, "network interfaces", "network interface", reported: false),
        new ResourceKind<VpcEndpoint>(ResourceKinds.VpcEndpoints, "VPC endpoints", "VPC endpoint", reported: false),
        new ResourceKind<PrefixList>(ResourceKinds.PrefixLists, "prefix lists", "prefix list", presenceImpliesCoverage: false, reported: false),
        new ResourceKind<VpnGateway>(ResourceKinds.VpnGateways, "virtual private gateways", "virtual private gateway", reported: false),
        new ResourceKind<CustomerGateway>(ResourceKinds.CustomerGateways, "customer gateways", "customer gateway", reported: false),
        new ResourceKind<VpnConnection>(ResourceKinds.VpnConnections, "VPN connections", "VPN connection", reported: false),
        new ResourceKind<EgressOnlyInternetGateway>(ResourceKinds.EgressOnlyInternetGateways, "egress-only internet gateways", "egress-only internet gateway", reported: false),
        new ResourceKind<TransitGateway>(ResourceKinds.TransitGateways, "transit gateways", "transit gateway", reported: false),
        new ResourceKind<TransitGatewayAttachment>(ResourceKinds.TransitGatewayAttachments, "transit gateway attachments", "transit gateway attachment", reported: false),
        new ResourceKind<TransitGatewayRouteTable>(ResourceKinds.TransitGatewayRouteTables, "transit gateway route tables", "transit gateway route table", reported: false),
    };

    /// <summary>Every kind's flag.</summary>
    public static ResourceKinds AllFlags { get; } = Combine(All);

    private static readonly Dictionary<Type, ResourceKind> ByType = Index(All);

    /// <summary>The kind of an element type; throws for a type that is not in <see cref="All"/> (a missing table entry).</summary>
    public static ResourceKind Of(Type elementType) =>
        ByType.TryGetValue(elementType, out var kind)
            ? kind
            : throw new InvalidOperationException($"{elementType.Name} is not a resource kind: add it to ResourceKind.All");

    /// <summary>The kind of a flag (one flag), or null.</summary>
    public static ResourceKind? Of(ResourceKinds flag)
    {
        foreach (var kind in All)
        {
            if (kind.Flag == flag)
            {
                return kind;
            }
        }

        return null;
    }

    private static ResourceKinds Combine(IReadOnlyList<ResourceKind> kinds)
    {
        var all = ResourceKinds.None;
        foreach (var kind in kinds)
        {
            all |= kind.Flag;
        }

        return all;
    }

    private static Dictionary<Type, ResourceKind> Index(IReadOnlyList<ResourceKind> kinds)
    {
        var byType = new Dictionary<Type, ResourceKind>();
        foreach (var kind in kinds)
        {
            byType.Add(kind.ElementType, kind);
        }

        return byType;
    }
}

/// <summary>A <see cref="ResourceKind"/> whose elements are <typeparamref name="T"/>.</summary>
public sealed class ResourceKind<T> : ResourceKind
    where T : Element
{
    public ResourceKind(ResourceKinds flag, string plural, string noun, bool presenceImpliesCoverage = true, bool reported = true)
        : base(flag, plural, noun, presenceImpliesCoverage, reported)
    {
    }

    public override Type ElementType => typeof(T);

    public override TResult Accept<TResult>(IResourceKindVisitor<TResult> visitor) => visitor.Visit(this);
}
