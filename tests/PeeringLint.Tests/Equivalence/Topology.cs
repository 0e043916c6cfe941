using System;
using System.Collections.Generic;
using System.Linq;

namespace PeeringLint.Tests.Equivalence;

/// <summary>
/// A network written once, in no input format: the neutral form the equivalence suite renders into tutorial YAML,
/// AWS describe-* JSON, CloudFormation JSON/YAML and CDK C#. Names are the identity of every element in every
/// form (the renderers derive ids from them and report the id → name map).
/// Each VPC has an implicit main route table (local routes only) and a default network ACL (allow all).
/// </summary>
public sealed record Topology(string Name)
{
    public const string HomeAccount = "111111111111";
    public const string Region = "us-east-1";

    public List<TVpc> Vpcs { get; init; } = new();

    public List<TPeering> Peerings { get; init; } = new();

    public List<TNat> Nats { get; init; } = new();

    public TVpc Vpc(string name) => Vpcs.Single(v => v.Name == name);

    public TVpc VpcOfSubnet(string subnet) => Vpcs.Single(v => v.Subnets.Any(s => s.Name == subnet));

    public override string ToString() => Name;
}

public sealed record TVpc(string Name, string Cidr)
{
    public string? Ipv6Cidr { get; init; }

    /// <summary>Owner; <see cref="Topology.HomeAccount"/> unless the VPC is the other side of a cross-account peering.</summary>
    public string Account { get; init; } = Topology.HomeAccount;

    /// <summary>Region; <see cref="Topology.Region"/> unless the VPC is the other side of an inter-region peering.</summary>
    public string Region { get; init; } = Topology.Region;

    public string Zone => Region + "a";

    /// <summary>An internet gateway named <c>&lt;vpc&gt;-igw</c> attached to this VPC.</summary>
    public bool InternetGateway { get; init; }

    public List<TSubnet> Subnets { get; init; } = new();

    public List<TTable> Tables { get; init; } = new();

    public List<TGroup> Groups { get; init; } = new();

    public List<TAcl> Acls { get; init; } = new();

    public List<TInstance> Instances { get; init; } = new();

    /// <summary>A virtual private gateway named <c>&lt;vpc&gt;-vgw</c> attached to this VPC.</summary>
    public bool VpnGateway { get; init; }

    public string IgwName => Name + "-igw";

    public string VgwName => Name + "-vgw";

    /// <summary>The egress-only internet gateway a route of this VPC may name (created when a route uses it).</summary>
    public string EigwName => Name + "-eigw";

    public bool UsesEgressOnlyGateway => Tables.SelectMany(t => t.Routes).Any(r => r.Kind == TTarget.EgressOnlyInternetGateway);
}

/// <summary>A subnet; <see cref="Table"/> null = the VPC's main table, <see cref="Acl"/> null = the default ACL.</summary>
public sealed record TSubnet(string Name, string Cidr)
{
    public string? Ipv6Cidr { get; init; }

    public string? Table { get; init; }

    public string? Acl { get; init; }

    public bool MapPublicIpOnLaunch { get; init; }
}

public sealed record TTable(string Name)
{
    public List<TRoute> Routes { get; init; } = new();
}

public enum TTarget
{
    /// <summary>The VPC's own internet gateway.</summary>
    InternetGateway,

    /// <summary>A peering of the topology (<see cref="TRoute.Target"/> names it).</summary>
    Peering,

    /// <summary>A NAT gateway of the topology (<see cref="TRoute.Target"/> names it).</summary>
    NatGateway,

    /// <summary>A peering connection that has been deleted: AWS shows the route as <c>blackhole</c>.</summary>
    Blackhole,

    /// <summary>The VPC's own virtual private gateway (<see cref="TVpc.VpnGateway"/>).</summary>
    VpnGateway,

    /// <summary>A transit gateway outside the topology (shared from another account): its id is all any form knows.</summary>
    TransitGateway,

    /// <summary>The VPC's egress-only internet gateway (IPv6).</summary>
    EgressOnlyInternetGateway,
}

public sealed record TRoute(string Destination, TTarget Kind, string? Target = null)
{
    public bool IsIpv6 => Destination.Contains(':', StringComparison.Ordinal);
}

public enum TStatus
{
    Active,
    PendingAcceptance,
    Failed,
    Rejected,
    Deleted,
}

public sealed record TPeering(string Name, string Requester, string Accepter)
{
    public TStatus Status { get; init; } = TStatus.Active;
}

public enum TProtocol
{
    All,
    Tcp,
    Udp,
    Icmp,
    Icmpv6,
}

/// <summary>An ingress rule: ports for tcp/udp (-1/-1 for all), a CIDR source or a group of the same VPC.</summary>
public sealed record TRule(TProtocol Protocol, int From, int To, string? Cidr, string? Group = null);

public sealed record TGroup(string Name)
{
    public List<TRule> Ingress { get; init; } = new();
}

public sealed record TAclEntry(int Rule, bool Egress, TProtocol Protocol, string Cidr, bool Allow, int From = 0, int To = 65535);

public sealed record TAcl(string Name)
{
    public List<TAclEntry> Entries { get; init; } = new();
}

public enum TPublicIp
{
    None,

    /// <summary>AssociatePublicIpAddress / an auto-assigned address.</summary>
    Auto,

    /// <summary>An Elastic IP named <c>&lt;instance&gt;-eip</c> associated with the instance.</summary>
    ElasticIp,
}

public sealed record TInstance(string Name, string Subnet, string PrivateIp)
{
    public List<string> Groups { get; init; } = new();

    public TPublicIp PublicIp { get; init; } = TPublicIp.None;

    public string EipName => Name + "-eip";
}

/// <summary>A NAT gateway in a subnet, public with an Elastic IP named <c>&lt;nat&gt;-eip</c>.</summary>
public sealed record TNat(string Name, string Subnet)
{
    public string EipName => Name + "-eip";
}

/// <summary>The five input forms.</summary>
public enum Form
{
    TutorialYaml,
    AwsJson,
    CfnJson,
    CfnYaml,
    CdkCSharp,
}

/// <summary>
/// What each form can say. A topology a form cannot express at all is skipped for that form with the reason
/// (<see cref="Unsupported"/>); a single fact a form cannot carry is left out of its comparison only
/// (<see cref="Missing"/>), never silently.
/// </summary>
public static class Expressiveness
{
    /// <summary>Facts (canonical-dump line kinds) a form does not carry, and why.</summary>
    public static IReadOnlyList<(string Fact, string Why)> Missing(Form form) => form switch
    {
        Form.TutorialYaml => new[]
        {
            ("nat", "tutorial YAML has no NAT gateway element: routes name a nat- id"),
            ("eip-nat", "tutorial YAML Elastic IPs attach to instances only"),
        },
        Form.CfnJson or Form.CfnYaml or Form.CdkCSharp => new[]
        {
            ("account", "a template does not name its account (one stack; the peer account is PeerOwnerId only)"),
            ("region", "a template does not name its region (one stack; the peer region is PeerRegion only)"),
        },
        _ => Array.Empty<(string, string)>(),
    };

    /// <summary>Why <paramref name="form"/> cannot express <paramref name="t"/> at all; empty when it can.</summary>
    public static IReadOnlyList<string> Unsupported(Topology t, Form form)
    {
        var why = new List<string>();
        if (form is Form.CfnJson or Form.CfnYaml or Form.CdkCSharp)
        {
            foreach (var p in t.Peerings)
            {
                bool cross = t.Vpc(p.Requester).Account != t.Vpc(p.Accepter).Account;
                if (p.Status is TStatus.Failed or TStatus.Rejected or TStatus.Deleted)
                {
                    why.Add($"peering '{p.Name}' is {p.Status}: a template declares a request, AWS decides that outcome");
                }
                else if (p.Status == TStatus.PendingAcceptance && !cross)
                {
                    why.Add($"peering '{p.Name}' is pending within one account: CloudFormation accepts a same-account peering itself");
                }
            }

            if (t.Vpcs.SelectMany(v => v.Tables).SelectMany(r => r.Routes).Any(r => r.Kind == TTarget.Blackhole))
            {
                why.Add("a blackhole route is a state AWS reports after its target is deleted; a template cannot declare it");
            }
        }

        return why;
    }
}
