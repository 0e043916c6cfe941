using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Tests.Reachability;

/// <summary>A small builder of test models from the Core records (each element gets its own location line).</summary>
internal sealed class Net
{
    private int _line;

    public NetworkModelBuilder B { get; } = new();

    public SourceLocation Loc(string what) => new("net.yaml", ++_line, 1, _line, 10, what);

    public static CidrValue C(string text, SourceLocation loc) => CidrValue.Parse(text, loc);

    public Vpc Vpc(string id, string cidr, string? region = null)
    {
        var v = new Vpc(id, Loc(id)) { Name = id, Ipv4Cidrs = new[] { C(cidr, Loc(id + "/cidr")) }, Region = region };
        B.Vpcs.Add(v);
        return v;
    }

    public Subnet Subnet(string id, string vpc, string cidr)
    {
        var s = new Subnet(id, Loc(id), vpc) { Name = id, Ipv4Cidr = C(cidr, Loc(id + "/cidr")) };
        B.Subnets.Add(s);
        return s;
    }

    public Route Route(string dest, RouteTargetKind kind, string? target, RouteState state = RouteState.Active) =>
        new(Loc("route " + dest), kind, target) { Destination = C(dest, Loc("dest " + dest)), State = state };

    public RouteTable Table(string id, string vpc, string[] subnets, params Route[] routes)
    {
        var t = new RouteTable(id, Loc(id), vpc) { Name = id, SubnetIds = subnets, Routes = routes };
        B.RouteTables.Add(t);
        return t;
    }

    public InternetGateway Igw(string id, params string[] vpcs)
    {
        var g = new InternetGateway(id, Loc(id)) { Name = id, AttachedVpcIds = vpcs };
        B.InternetGateways.Add(g);
        return g;
    }

    public VpcPeeringConnection Peering(string id, string requester, string accepter, PeeringStatus status = PeeringStatus.Active, string? rRegion = null, string? aRegion = null)
    {
        var p = new VpcPeeringConnection(id, Loc(id), new PeeringSide(requester, Loc(id + "/r")) { Region = rRegion }, new PeeringSide(accepter, Loc(id + "/a")) { Region = aRegion })
        {
            Name = id,
            Status = status,
            StatusLocation = Loc(id + "/status"),
        };
        B.PeeringConnections.Add(p);
        return p;
    }

    public SecurityGroupRule In(int protocol, int? from, int? to, string cidr) =>
        new(Loc("in " + cidr), RuleDirection.Ingress, protocol, from, to, SgPeerKind.Cidr) { Cidr = C(cidr, Loc("c " + cidr)) };

    public SecurityGroupRule InGroup(int protocol, int? from, int? to, string group, string? groupVpc = null) =>
        new(Loc("in " + group), RuleDirection.Ingress, protocol, from, to, SgPeerKind.SecurityGroup) { GroupId = group, GroupVpcId = groupVpc };

    public SecurityGroupRule Out(int protocol, int? from, int? to, string cidr) =>
        new(Loc("out " + cidr), RuleDirection.Egress, protocol, from, to, SgPeerKind.Cidr) { Cidr = C(cidr, Loc("c " + cidr)) };

    public SecurityGroup Group(string id, string vpc, string? name, SecurityGroupRule[] ingress, SecurityGroupRule[]? egress = null)
    {
        var g = new SecurityGroup(id, Loc(id), vpc)
        {
            GroupName = name ?? id,
            Name = id,
            Ingress = ingress,
            Egress = egress ?? new[] { Out(-1, null, null, "0.0.0.0/0") },
        };
        B.SecurityGroups.Add(g);
        return g;
    }

    /// <summary>AWS's default group: all traffic from members of the group itself, all traffic out.</summary>
    public SecurityGroup DefaultGroup(string id, string vpc, params SecurityGroupRule[] extra) =>
        Group(id, vpc, "default", new[] { InGroup(-1, null, null, id) }.Concat(extra).ToArray());

    public Instance Instance(string id, string subnet, string ip, PublicIpMode pub = PublicIpMode.None, params string[] groups)
    {
        var i = new Instance(id, Loc(id), subnet) { Name = id, PrivateIpAddresses = new[] { ip }, PublicIp = pub, SecurityGroupIds = groups, PublicIpLocation = Loc(id + "/public") };
        B.Instances.Add(i);
        return i;
    }

    public ElasticIp Eip(string id, string? instance)
    {
        var e = new ElasticIp(id, Loc(id)) { Name = id, InstanceId = instance, PublicIp = "198.51.100.7" };
        B.ElasticIps.Add(e);
        return e;
    }

    public NetworkAclEntry Entry(int number, bool egress, int protocol, AclAction action, string cidr, int? from = null, int? to = null, int? icmpType = null) =>
        new(Loc($"acl {number} {egress}"), number, egress, protocol, action) { Cidr = C(cidr, Loc("c")), FromPort = from, ToPort = to, IcmpType = icmpType, IcmpCode = icmpType is null ? null : -1 };

    public NetworkAcl Acl(string id, string vpc, string[] subnets, params NetworkAclEntry[] entries)
    {
        var a = new NetworkAcl(id, Loc(id), vpc) { Name = id, SubnetIds = subnets, Entries = entries };
        B.NetworkAcls.Add(a);
        return a;
    }

    public ConnectivityIntent Intent(string name, string from, string to, string protocol, int? port = null)
    {
        var i = new ConnectivityIntent(name, Loc("intent " + name), from, to, protocol) { Port = port, FromLocation = Loc("from"), ToLocation = Loc("to") };
        B.Intents.Add(i);
        return i;
    }

    public NetworkModel Build() => B.Build();

    public ModelIndex Index() => new(B.Build());

    /// <summary>
    /// The NextWork tutorial topology in its working state; <paramref name="configure"/> flips individual
    /// mistakes of the broken state.
    /// </summary>
    public static Net Tutorial(Action<TutorialOptions>? configure = null)
    {
        var o = new TutorialOptions();
        configure?.Invoke(o);
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Vpc("vpc-2", "10.2.0.0/16");
        n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        n.Subnet("subnet-2", "vpc-2", "10.2.0.0/24");
        n.Igw("igw-1", "vpc-1");
        n.Igw("igw-2", "vpc-2");
        n.Peering("pcx-12", "vpc-1", "vpc-2", o.PeeringStatus);
        n.Table("rtb-1", "vpc-1", new[] { "subnet-1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-1"), n.Route(o.Vpc1PeeringRoute, RouteTargetKind.VpcPeeringConnection, "pcx-12"));
        var routes2 = new List<Route> { n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-2") };
        if (o.Vpc2ReturnRoute)
        {
            routes2.Add(n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-12"));
        }

        n.Table("rtb-2", "vpc-2", new[] { "subnet-2" }, routes2.ToArray());
        n.DefaultGroup("sg-1", "vpc-1", o.SshOpen ? new[] { n.In(6, 22, 22, "0.0.0.0/0") } : Array.Empty<SecurityGroupRule>());
        n.DefaultGroup("sg-2", "vpc-2", o.IcmpOpen ? new[] { n.In(1, -1, -1, "10.1.0.0/16") } : Array.Empty<SecurityGroupRule>());
        n.Instance("i-1", "subnet-1", "10.1.0.10", o.PublicIp ? PublicIpMode.None : PublicIpMode.None);
        if (o.PublicIp)
        {
            n.Eip("eip-1", "i-1");
        }

        n.B.Instances[0] = n.B.Instances[0] with { Name = "Instance - NextWork VPC 1" };
        n.Instance("i-2", "subnet-2", "10.2.0.20");
        n.B.Instances[1] = n.B.Instances[1] with { Name = "Instance - NextWork VPC 2" };
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways | ResourceKinds.PeeringConnections
            | ResourceKinds.SecurityGroups | ResourceKinds.Instances | ResourceKinds.ElasticIps;
        return n;
    }
}

internal sealed class TutorialOptions
{
    public PeeringStatus PeeringStatus { get; set; } = PeeringStatus.Active;

    public string Vpc1PeeringRoute { get; set; } = "10.2.0.0/16";

    public bool Vpc2ReturnRoute { get; set; } = true;

    public bool PublicIp { get; set; } = true;

    public bool SshOpen { get; set; } = true;

    public bool IcmpOpen { get; set; } = true;
}
