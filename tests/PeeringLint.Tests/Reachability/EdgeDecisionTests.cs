using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The exact hops (with the element labels) of paths through the edges (PathWalker.Edges.cs), one scenario per decision of the walker: NAT
/// gateways (missing, in the wrong subnet or VPC, their subnet's route table and where it sends the traffic, the
/// internet gateway behind them, towards a VPC over a peering), virtual private gateways and their VPN connections,
/// VPC endpoints, egress-only internet gateways, routes to prefix lists whose entries are not in the input, and
/// sources that enter through a virtual private gateway. Mutation testing (issue 22, docs/quality.md): the verdicts
/// alone do not tell the alternatives apart, the exact hops do.
/// Two VPCs: vpc-a 10.1.0.0/16 (subnets sa 10.1.1.0/24 with instance a1 10.1.1.10, sn 10.1.0.0/24 for a NAT
/// gateway) and vpc-b 10.2.0.0/16 (subnet sb with instance b1 10.2.0.20, whose group admits 443 from 10.0.0.0/8 and
/// 192.168.0.0/16), peered by pcx-ab; igw-a is attached to vpc-a. Each scenario adds the route tables it needs.
/// </summary>
public sealed class EdgeDecisionTests
{
    private const ResourceKinds Listed = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways
        | ResourceKinds.PeeringConnections | ResourceKinds.SecurityGroups | ResourceKinds.Instances;

    private const string Out = "203.0.113.10";

    private const string OnPrem = "192.168.1.1";

    private static Net Base(ResourceKinds extra = ResourceKinds.None)
    {
        var n = new Net();
        n.Vpc("vpc-a", "10.1.0.0/16");
        n.Vpc("vpc-b", "10.2.0.0/16");
        n.Subnet("sa", "vpc-a", "10.1.1.0/24");
        n.Subnet("sn", "vpc-a", "10.1.0.0/24");
        n.Subnet("sb", "vpc-b", "10.2.0.0/24");
        n.Peering("pcx-ab", "vpc-a", "vpc-b");
        n.Igw("igw-a", "vpc-a");
        n.DefaultGroup("sg-a", "vpc-a");
        n.Group("sg-b", "vpc-b", "web", new[] { n.In(6, 443, 443, "10.0.0.0/8"), n.In(6, 443, 443, "192.168.0.0/16") });
        n.Instance("a1", "sa", "10.1.1.10", PublicIpMode.None, "sg-a");
        n.Instance("b1", "sb", "10.2.0.20", PublicIpMode.None, "sg-b");
        n.B.Coverage = Listed | extra;
        return n;
    }

    private static Route R(Net n, string dest, RouteTargetKind kind, string? target, RouteState state = RouteState.Active) => n.Route(dest, kind, target, state);

    /// <summary>Route table rtb-a of the source's subnet sa.</summary>
    private static void SourceTable(Net n, params Route[] routes) => n.Table("rtb-a", "vpc-a", new[] { "sa" }, routes);

    /// <summary>Route table rtb-n of the NAT gateway's subnet sn.</summary>
    private static void NatTable(Net n, params Route[] routes) => n.Table("rtb-n", "vpc-a", new[] { "sn" }, routes);

    private static void PeerTable(Net n, params Route[] routes) => n.Table("rtb-b", "vpc-b", new[] { "sb" }, routes);

    private static NatGateway Nat(Net n, string subnet = "sn", bool isPublic = true, bool eip = true, bool eipsUnknown = false, string? privateIp = null)
    {
        var nat = new NatGateway("nat-1", n.Loc("nat-1"), subnet)
        {
            VpcId = "vpc-a",
            IsPublic = isPublic,
            ElasticIpIds = eip ? new[] { "eipalloc-1" } : Array.Empty<string>(),
            ElasticIpsUnknown = eipsUnknown,
            PrivateIpAddress = privateIp,
        };
        n.B.NatGateways.Add(nat);
        n.B.Coverage |= ResourceKinds.NatGateways;
        return nat;
    }

    /// <summary>a1's traffic to <paramref name="to"/> goes to nat-1 (in sn), whose table rtb-n has <paramref name="natRoutes"/>.</summary>
    private static Net NatNet(Route[]? natRoutes = null, bool isPublic = true, bool eip = true, bool eipsUnknown = false, string? privateIp = null, string to = "0.0.0.0/0")
    {
        var n = Base();
        SourceTable(n, R(n, to, RouteTargetKind.NatGateway, "nat-1"));
        NatTable(n, natRoutes ?? new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a") });
        Nat(n, isPublic: isPublic, eip: eip, eipsUnknown: eipsUnknown, privateIp: privateIp);
        return n;
    }

    private static void Vgw(Net n, string id = "vgw-1", string? state = "available", string attachedTo = "vpc-a")
    {
        n.B.Add(new VpnGateway(id, n.Loc(id)) { State = state, AttachedVpcIds = attachedTo.Length == 0 ? Array.Empty<string>() : new[] { attachedTo } });
        n.B.Coverage |= ResourceKinds.VpnGateways;
    }

    private static void Vpn(Net n, string id, string? cgw = "cgw-1", string? state = "available", bool? staticOnly = false, params string[] routes)
    {
        n.B.Add(new VpnConnection(id, n.Loc(id))
        {
            VpnGatewayId = "vgw-1",
            CustomerGatewayId = cgw,
            State = state,
            StaticRoutesOnly = staticOnly,
            StaticRoutes = routes.Select(c => Net.C(c, n.Loc(id + " " + c))).ToArray(),
        });
        n.B.Coverage |= ResourceKinds.VpnConnections;
    }

    private static void Cgw(Net n, string id = "cgw-1", string? ip = "198.51.100.1")
    {
        n.B.Add(new CustomerGateway(id, n.Loc(id)) { IpAddress = ip });
        n.B.Coverage |= ResourceKinds.CustomerGateways;
    }

    /// <summary>a1's table sends 192.168.0.0/16 to vgw-1 (available, attached to vpc-a) and <paramref name="configure"/> adds the VPN side.</summary>
    private static string[] ToOnPrem(Action<Net> configure, bool gateway = true)
    {
        var n = Base();
        SourceTable(n, R(n, "192.168.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1"));
        if (gateway)
        {
            Vgw(n);
        }

        configure(n);
        return Hops(n, "a1", OnPrem);
    }

    private static void Endpoint(Net n, string? state = "available", VpcEndpointType type = VpcEndpointType.Gateway, string? service = "com.amazonaws.us-east-1.s3")
    {
        n.B.Add(new VpcEndpoint("vpce-1", n.Loc("vpce-1"), "vpc-a") { ServiceName = service, Type = type, State = state, RouteTableIds = new[] { "rtb-a" } });
        n.B.Coverage |= ResourceKinds.VpcEndpoints;
    }

    private static void Eigw(Net n, string attachedTo = "vpc-a")
    {
        n.B.Add(new EgressOnlyInternetGateway("eigw-1", n.Loc("eigw-1")) { AttachedVpcIds = new[] { attachedTo } });
        n.B.Coverage |= ResourceKinds.EgressOnlyInternetGateways;
    }

    /// <summary>A prefix list route whose destination list is <paramref name="list"/>.</summary>
    private static Route ListRoute(Net n, string list, RouteTargetKind kind, string? target) =>
        new(n.Loc("route " + list), kind, target) { DestinationPrefixListId = list };

    /// <summary>b1's table sends 192.168.0.0/16 as given (an on-premises source enters there, or not).</summary>
    private static string[] FromOnPrem(Action<Net> configure, string from = OnPrem, params Route[]? routes)
    {
        var n = Base();
        PeerTable(n, routes is { Length: > 0 } ? routes : new[] { R(n, "192.168.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1") });
        configure(n);
        return Hops(n, from, "b1");
    }

    private static string[] Hops(Net n, string from, string to) =>
        Render(ReachabilityEngineTests.Eval(n.Index(), from, to, "tcp", 443));

    private static string[] Render(ReachabilityResult r) =>
        r.Hops.Select(h => $"{h.Direction} {h.Kind} {h.ElementId} [{h.ElementLabel}] {h.Verdict}{(h.Code is null ? string.Empty : " " + h.Code)}: {h.Reason}{(h.Fix is null ? string.Empty : " | fix: " + h.Fix)}")
            .Prepend(r.Verdict.ToString()).ToArray();

    public static IEnumerable<object[]> Names() => Scenarios.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(Names))]
    public void Edge_hops_read_exactly(string scenario) =>
        Assert.Equal(string.Join("\n", Expected[scenario]), string.Join("\n", Scenarios[scenario]()));

    private static readonly Dictionary<string, Func<string[]>> Scenarios = new()
    {
        // ------------------------------------------------------------ NAT gateways, towards the internet
        ["nat not in the input"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-x"));
            return Hops(n, "a1", Out);
        },
        ["nat not in the listing"] = () =>
        {
            var n = Base(ResourceKinds.NatGateways);
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-x"));
            return Hops(n, "a1", Out);
        },
        ["nat without an id"] = () =>
        {
            var n = Base(ResourceKinds.NatGateways);
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, null));
            return Hops(n, "a1", Out);
        },
        ["nat subnet not in the input"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1"));
            Nat(n, subnet: "subnet-x");
            return Hops(n, "a1", Out);
        },
        ["nat in another vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1"));
            Nat(n, subnet: "sb");
            return Hops(n, "a1", Out);
        },
        ["nat in the source's own subnet"] = () =>
        {
            var n = Base();
            n.Table("rtb-a", "vpc-a", new[] { "sa" }, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1"));
            Nat(n, subnet: "sa");
            return Hops(n, "a1", Out);
        },
        ["public nat to the internet"] = () => Hops(NatNet(), "a1", Out),
        ["public nat without an elastic ip"] = () => Hops(NatNet(eip: false), "a1", Out),
        ["public nat with an unresolved elastic ip"] = () => Hops(NatNet(eip: false, eipsUnknown: true), "a1", Out),
        ["private nat to the internet gateway"] = () => Hops(NatNet(isPublic: false), "a1", Out),
        ["nat subnet without a route table"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1"));
            Nat(n);
            return Hops(n, "a1", Out);
        },
        ["nat subnet table with an unknown prefix list"] = () =>
        {
            var n = Base();
            return Hops(NatNet(new[] { ListRoute(n, "pl-x", RouteTargetKind.InternetGateway, "igw-a"), R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a") }), "a1", Out);
        },
        ["nat subnet table with routes the input does not show"] = () =>
        {
            var n = NatNet();
            n.B.RouteTables[1] = n.B.RouteTables[1] with { RoutesIncomplete = true };
            return Hops(n, "a1", Out);
        },
        ["nat subnet table with routes the input does not show and no match"] = () =>
        {
            var n = NatNet(Array.Empty<Route>());
            n.B.RouteTables[1] = n.B.RouteTables[1] with { RoutesIncomplete = true };
            return Hops(n, "a1", Out);
        },
        ["nat subnet table without a route"] = () => Hops(NatNet(Array.Empty<Route>()), "a1", Out),
        ["nat subnet table with a blackhole"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a", RouteState.Blackhole) }), "a1", Out);
        },
        ["nat subnet sends to an internet gateway not in the input"] = () =>
        {
            var n = new Net();
            var net = NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-x") });
            net.B.Coverage &= ~ResourceKinds.InternetGateways;
            return Hops(net, "a1", Out);
        },
        ["nat subnet sends to an internet gateway not in the listing"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-x") }), "a1", Out);
        },
        ["nat subnet sends to an internet gateway without an id"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, null) }), "a1", Out);
        },
        ["nat subnet sends to a detached internet gateway"] = () =>
        {
            var n = new Net();
            var net = NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-b") });
            net.Igw("igw-b", "vpc-b");
            return Hops(net, "a1", Out);
        },
        ["nat subnet sends to a virtual private gateway"] = () =>
        {
            var n = new Net();
            var net = NatNet(new[] { R(n, "192.168.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1") }, to: "192.168.0.0/16");
            Vgw(net);
            return Hops(net, "a1", OnPrem);
        },
        ["nat subnet sends to another nat gateway"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1") }), "a1", Out);
        },
        ["nat subnet sends to a peering"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.VpcPeeringConnection, "pcx-ab") }), "a1", Out);
        },
        ["nat subnet sends to classiclink's local route"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "10.0.0.0/8", RouteTargetKind.Local, "local") }, to: "10.9.0.0/16"), "a1", "10.9.9.9");
        },
        ["nat subnet sends to a transit gateway"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.TransitGateway, "tgw-1") }), "a1", Out);
        },
        ["nat subnet with a network acl"] = () =>
        {
            var n = NatNet();
            n.Acl("acl-n", "vpc-a", new[] { "sn" },
                n.Entry(100, false, 6, AclAction.Allow, "10.1.1.0/24", 443, 443),
                n.Entry(110, false, 6, AclAction.Allow, "0.0.0.0/0", 1024, 65535),
                n.Entry(100, true, 6, AclAction.Allow, "0.0.0.0/0", 443, 443),
                n.Entry(110, true, 6, AclAction.Allow, "10.1.1.0/24", 1024, 65535));
            n.B.Coverage |= ResourceKinds.NetworkAcls;
            return Hops(n, "a1", Out);
        },

        // ------------------------------------------------------------ NAT gateways, towards another VPC
        ["nat to a vpc without its private address"] = () => Hops(NatNet(to: "10.2.0.0/16"), "a1", "b1"),
        ["nat to a vpc with an unreadable private address"] = () => Hops(NatNet(privateIp: "10.1.0.x", to: "10.2.0.0/16"), "a1", "b1"),
        ["nat to a vpc from a subnet without a route table"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.NatGateway, "nat-1"));
            Nat(n, isPublic: false, privateIp: "10.1.0.5");
            return Hops(n, "a1", "b1");
        },
        ["nat to a vpc without a route"] = () => Hops(NatNet(Array.Empty<Route>(), isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16"), "a1", "b1"),
        ["nat to a vpc over a table with routes the input does not show"] = () =>
        {
            var n = new Net();
            var net = NatNet(new[] { R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab") }, isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16");
            net.B.RouteTables[1] = net.B.RouteTables[1] with { RoutesIncomplete = true };
            return Hops(net, "a1", "b1");
        },
        ["nat to a vpc over a blackhole"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab", RouteState.Blackhole) }, isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16"), "a1", "b1");
        },
        ["nat to a vpc over an internet gateway"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a") }, isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16"), "a1", "b1");
        },
        ["nat to a vpc over a peering without an id"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, null) }, isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16"), "a1", "b1");
        },
        ["nat to a vpc past an unknown prefix list"] = () =>
        {
            var n = new Net();
            return Hops(NatNet(new[] { R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"), ListRoute(n, "pl-x", RouteTargetKind.VpcPeeringConnection, "pcx-ab") }, isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16"), "a1", "b1");
        },
        ["nat to a vpc over a peering"] = () =>
        {
            var n = new Net();
            var net = NatNet(new[] { R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab") }, isPublic: false, privateIp: "10.1.0.5", to: "10.2.0.0/16");
            PeerTable(net, R(n, "10.1.0.0/24", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
            return Hops(net, "a1", "b1");
        },

        // ------------------------------------------------------------ prefix lists whose entries are not in the input
        ["unknown customer list towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"), ListRoute(n, "pl-x", RouteTargetKind.InternetGateway, "igw-a"));
            PeerTable(n, R(n, "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
            return Hops(n, "a1", "b1");
        },
        ["unknown endpoint list towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"), ListRoute(n, "pl-x", RouteTargetKind.VpcEndpoint, "vpce-1"));
            PeerTable(n, R(n, "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
            return Hops(n, "a1", "b1");
        },
        ["unknown aws list towards a vpc, an address and the internet"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"), R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"),
                ListRoute(n, "pl-aws", RouteTargetKind.InternetGateway, "igw-a"));
            PeerTable(n, R(n, "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
            n.B.Add(new PrefixList("pl-aws", n.Loc("pl-aws")) { PrefixListName = "com.amazonaws.us-east-1.dynamodb" });
            return Hops(n, "a1", "b1").Concat(Hops(n, "a1", Out)).Concat(Hops(n, "a1", "internet")).ToArray();
        },
        ["unknown customer list in the listing towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"), ListRoute(n, "pl-c", RouteTargetKind.InternetGateway, "igw-a"));
            PeerTable(n, R(n, "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
            n.B.Add(new PrefixList("pl-c", n.Loc("pl-c")) { PrefixListName = "office" });
            return Hops(n, "a1", "b1");
        },
        ["unknown list beside the local route"] = () =>
        {
            var n = Base();
            n.Table("rtb-a", "vpc-a", new[] { "sa", "sn" }, ListRoute(n, "pl-x", RouteTargetKind.InternetGateway, "igw-a"));
            n.Instance("a2", "sn", "10.1.0.20", PublicIpMode.None, "sg-a");
            return Hops(n, "a1", "a2");
        },
        ["unknown list in the return table"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
            PeerTable(n, R(n, "10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"), ListRoute(n, "pl-x", RouteTargetKind.InternetGateway, "igw-a"));
            return Hops(n, "a1", "b1");
        },

        // ------------------------------------------------------------ virtual private gateways and VPN connections
        ["vgw not in the input"] = () => ToOnPrem(n => n.B.Coverage &= ~ResourceKinds.VpnGateways, gateway: false),
        ["vgw not in the listing"] = () => ToOnPrem(n => n.B.Coverage |= ResourceKinds.VpnGateways, gateway: false),
        ["vgw without an id"] = () =>
        {
            var n = Base(ResourceKinds.VpnGateways);
            SourceTable(n, R(n, "192.168.0.0/16", RouteTargetKind.VirtualPrivateGateway, null));
            return Hops(n, "a1", OnPrem);
        },
        ["vgw pending"] = () => ToOnPrem(n => n.B.Of<VpnGateway>()[0] = n.B.Of<VpnGateway>()[0] with { State = "pending" }),
        ["vgw detached"] = () => ToOnPrem(n => n.B.Of<VpnGateway>()[0] = n.B.Of<VpnGateway>()[0] with { AttachedVpcIds = Array.Empty<string>() }),
        ["vgw without a state"] = () => ToOnPrem(n => n.B.Of<VpnGateway>()[0] = n.B.Of<VpnGateway>()[0] with { State = null }),
        ["vgw with connections not in the input"] = () => ToOnPrem(_ => { }),
        ["vgw towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1"));
            Vgw(n);
            return Hops(n, "a1", "b1");
        },
        ["vgw towards a vpc, detached"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1"));
            Vgw(n, attachedTo: "vpc-b");
            return Hops(n, "a1", "b1");
        },
        ["vpn connections: usable ones, the last one deleted"] = () => ToOnPrem(n =>
        {
            Cgw(n);
            Cgw(n, "cgw-2", ip: null);
            Vpn(n, "vpn-1");
            Vpn(n, "vpn-2", cgw: "cgw-9", state: "pending");
            Vpn(n, "vpn-3", cgw: null, state: null);
            Vpn(n, "vpn-4", cgw: "cgw-2", state: "deleted");
        }),
        ["vpn connections: one deleted, one usable"] = () => ToOnPrem(n =>
        {
            Vpn(n, "vpn-1", state: "deleted");
            Vpn(n, "vpn-2");
        }),
        ["vpn connections: all deleted"] = () => ToOnPrem(n =>
        {
            Vpn(n, "vpn-1", state: "deleting");
            Vpn(n, "vpn-2", state: "deleted");
        }),
        ["vpn static routes: none covers"] = () => ToOnPrem(n =>
        {
            Vpn(n, "vpn-1", staticOnly: true, routes: "172.16.0.0/12");
            Vpn(n, "vpn-2", staticOnly: true, routes: "10.9.0.0/16");
        }),
        ["vpn static routes: the second connection covers"] = () => ToOnPrem(n =>
        {
            Vpn(n, "vpn-1", staticOnly: true, routes: "172.16.0.0/12");
            Vpn(n, "vpn-2", staticOnly: true, routes: new[] { "10.9.0.0/16", "192.168.1.0/24" });
        }),
        ["vpn static routes: one connection uses bgp"] = () => ToOnPrem(n =>
        {
            Vpn(n, "vpn-1", staticOnly: true, routes: "172.16.0.0/12");
            Vpn(n, "vpn-2", staticOnly: null);
        }),
        ["vpn static routes: an unresolved route"] = () => ToOnPrem(n =>
        {
            n.B.Add(new VpnConnection("vpn-1", n.Loc("vpn-1"))
            {
                VpnGatewayId = "vgw-1",
                StaticRoutesOnly = true,
                StaticRoutes = new[] { Net.C("172.16.0.0/12", n.Loc("r1")), CidrValue.Unknown(n.Loc("r2"), "Ref OnPremCidr") },
            });
            n.B.Coverage |= ResourceKinds.VpnConnections;
        }),
        ["vpn gateway without connections in a listing"] = () => ToOnPrem(n => n.B.Coverage |= ResourceKinds.VpnConnections),

        // ------------------------------------------------------------ VPC endpoints
        ["endpoint not in the input"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "52.216.0.0/15", RouteTargetKind.VpcEndpoint, "vpce-x"));
            return Hops(n, "a1", "52.216.1.1");
        },
        ["endpoint without an id"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "52.216.0.0/15", RouteTargetKind.VpcEndpoint, null));
            return Hops(n, "a1", "52.216.1.1");
        },
        ["interface endpoint"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "52.216.0.0/15", RouteTargetKind.VpcEndpoint, "vpce-1"));
            Endpoint(n, type: VpcEndpointType.GatewayLoadBalancer);
            return Hops(n, "a1", "52.216.1.1");
        },
        ["gateway endpoint without a service name"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "52.216.0.0/15", RouteTargetKind.VpcEndpoint, "vpce-1"));
            Endpoint(n, state: null, service: null);
            return Hops(n, "a1", "52.216.1.1");
        },
        ["gateway endpoint towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VpcEndpoint, "vpce-1"));
            Endpoint(n);
            return Hops(n, "a1", "b1");
        },
        ["pending endpoint"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "52.216.0.0/15", RouteTargetKind.VpcEndpoint, "vpce-1"));
            Endpoint(n, state: "pending");
            return Hops(n, "a1", "52.216.1.1");
        },
        ["deleted endpoint towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.VpcEndpoint, "vpce-1"));
            Endpoint(n, state: "deleted", service: null);
            return Hops(n, "a1", "b1");
        },

        // ------------------------------------------------------------ egress-only internet gateways
        ["eigw towards a vpc"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "10.2.0.0/16", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1"));
            Eigw(n);
            return Hops(n, "a1", "b1");
        },
        ["eigw not in the input"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-x"));
            return Hops(n, "a1", Out);
        },
        ["eigw not in the listing"] = () =>
        {
            var n = Base(ResourceKinds.EgressOnlyInternetGateways);
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-x"));
            return Hops(n, "a1", Out);
        },
        ["eigw without an id"] = () =>
        {
            var n = Base(ResourceKinds.EgressOnlyInternetGateways);
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.EgressOnlyInternetGateway, null));
            return Hops(n, "a1", Out);
        },
        ["eigw for ipv4"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1"));
            Eigw(n);
            return Hops(n, "a1", Out);
        },
        ["eigw detached"] = () =>
        {
            var n = Base();
            SourceTable(n, R(n, "0.0.0.0/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1"));
            Eigw(n, attachedTo: "vpc-b");
            return Hops(n, "a1", Out);
        },

        // ------------------------------------------------------------ entering through a virtual private gateway
        ["enters through the vgw"] = () => FromOnPrem(n => Vgw(n, attachedTo: "vpc-b")),
        ["the internet does not enter through the vgw"] = () =>
        {
            var n = Base();
            PeerTable(n, R(n, "0.0.0.0/0", RouteTargetKind.VirtualPrivateGateway, "vgw-1"));
            Vgw(n, attachedTo: "vpc-b");
            return Hops(n, "internet", "b1");
        },
        ["no route table at the destination"] = () =>
        {
            var n = Base();
            Vgw(n, attachedTo: "vpc-b");
            return Hops(n, OnPrem, "b1");
        },
        ["no route to the source at the destination"] = () => FromOnPrem(n => Vgw(n, attachedTo: "vpc-b"), OnPrem, new Net().Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab")),
        ["blackhole to the vgw"] = () => FromOnPrem(n => Vgw(n, attachedTo: "vpc-b"), OnPrem, new Net().Route("192.168.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1", RouteState.Blackhole)),
        ["route to a vgw without an id"] = () => FromOnPrem(n => Vgw(n, attachedTo: "vpc-b"), OnPrem, new Net().Route("192.168.0.0/16", RouteTargetKind.VirtualPrivateGateway, null)),
        ["source behind a peering, not a gateway"] = () => FromOnPrem(n => { }, OnPrem, new Net().Route("192.168.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab")),
        ["entering vgw not in the input"] = () => FromOnPrem(n => { }),
        ["entering vgw not in the listing"] = () => FromOnPrem(n => n.B.Coverage |= ResourceKinds.VpnGateways),
        ["entering vgw detached"] = () => FromOnPrem(n => Vgw(n, attachedTo: "vpc-a")),
        ["entering vgw pending"] = () => FromOnPrem(n => Vgw(n, state: "pending", attachedTo: "vpc-b")),
        ["entering vgw deleted"] = () => FromOnPrem(n => Vgw(n, state: "deleted", attachedTo: "vpc-b")),
        ["entering vgw without a state"] = () => FromOnPrem(n => Vgw(n, state: null, attachedTo: "vpc-b")),
        ["egress-only route to the source"] = () => FromOnPrem(n => Eigw(n, "vpc-b"), OnPrem, new Net().Route("192.168.0.0/16", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1")),
        ["egress-only route without an id to the source"] = () => FromOnPrem(n => Eigw(n, "vpc-b"), OnPrem, new Net().Route("192.168.0.0/16", RouteTargetKind.EgressOnlyInternetGateway, null)),
        ["egress-only blackhole to the source"] = () => FromOnPrem(n => Eigw(n, "vpc-b"), OnPrem, new Net().Route("192.168.0.0/16", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1", RouteState.Blackhole)),
    };

    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["nat not in the input"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-x in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-x ['nat-x'] Unknown UNKNOWN_VALUE: NAT gateway 'nat-x' is not in the input",
        },
        ["nat not in the listing"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-x in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-x ['nat-x'] Blocked BAD_STATE: NAT gateway 'nat-x' is not in the input (it does not exist)",
        },
        ["nat without an id"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → <unknown NatGateway> in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway  ['?'] Unknown UNKNOWN_VALUE: NAT gateway '?' is not in the input",
        },
        ["nat subnet not in the input"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNKNOWN_VALUE: the subnet of NAT gateway 'nat-1' is not in the input",
        },
        ["nat in another vpc"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Blocked BAD_STATE: NAT gateway 'nat-1' is in 'vpc-b', not in 'vpc-a': a route can only name a NAT gateway of its own VPC",
        },
        ["nat in the source's own subnet"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sa' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward RouteTable rtb-a ['rtb-a'] Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-a' of subnet 'sa', where NAT gateway 'nat-1' sits, sends 203.0.113.10 over route 0.0.0.0/0 → nat-1, not to an internet gateway: the NAT gateway has no way out | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-a' to route table 'rtb-a'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["public nat to the internet"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-a in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward InternetGateway igw-a ['igw-a'] Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; 203.0.113.10 sees the NAT gateway's Elastic IP as the source, so instance 'a1' needs no public address of its own",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["public nat without an elastic ip"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-a in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNKNOWN_VALUE: the input names no Elastic IP for public NAT gateway 'nat-1'",
            "Forward InternetGateway igw-a ['igw-a'] Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; 203.0.113.10 sees the NAT gateway's Elastic IP as the source, so instance 'a1' needs no public address of its own",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["public nat with an unresolved elastic ip"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-a in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward InternetGateway igw-a ['igw-a'] Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; 203.0.113.10 sees the NAT gateway's Elastic IP as the source, so instance 'a1' needs no public address of its own",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["private nat to the internet gateway"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: private NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its private address; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Blocked NO_ROUTE_TO_DESTINATION: NAT gateway 'nat-1' is private (ConnectivityType private): the internet gateway drops traffic from it, so it cannot reach 203.0.113.10 | fix: use a public NAT gateway (with an Elastic IP) in a subnet that routes 0.0.0.0/0 to the internet gateway",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet without a route table"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable sn ['sn'] Unknown UNKNOWN_VALUE: subnet 'sn' of NAT gateway 'nat-1' has no route table in the input",
        },
        ["nat subnet table with an unknown prefix list"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Unknown UNKNOWN_VALUE: route pl-x → igw-a in route table 'rtb-n' sends the addresses of prefix list 'pl-x', whose entries are not in the input: whether it holds 203.0.113.10 is unknown",
        },
        ["nat subnet table with routes the input does not show"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Unknown UNKNOWN_VALUE: route table 'rtb-n' of NAT gateway 'nat-1''s subnet has routes the input does not show",
        },
        ["nat subnet table with routes the input does not show and no match"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Unknown UNKNOWN_VALUE: route table 'rtb-n' of NAT gateway 'nat-1''s subnet has routes the input does not show",
        },
        ["nat subnet table without a route"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-n' of subnet 'sn', where NAT gateway 'nat-1' sits, has no route that matches 203.0.113.10: the NAT gateway cannot send the traffic on | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-a' to route table 'rtb-n'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet table with a blackhole"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Blocked BLACKHOLE_ROUTE: route 0.0.0.0/0 → igw-a in route table 'rtb-n' of NAT gateway 'nat-1''s subnet is a blackhole | fix: delete the route and add it again with a working target",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet sends to an internet gateway not in the input"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-x in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward InternetGateway igw-x ['igw-x'] Unknown UNKNOWN_VALUE: internet gateway 'igw-x' is not in the input",
        },
        ["nat subnet sends to an internet gateway not in the listing"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-x in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward InternetGateway igw-x ['igw-x'] Blocked IGW_NOT_ATTACHED: internet gateway 'igw-x' is not in the input",
        },
        ["nat subnet sends to an internet gateway without an id"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → <unknown InternetGateway> in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward InternetGateway  ['?'] Unknown UNKNOWN_VALUE: internet gateway '?' is not in the input",
        },
        ["nat subnet sends to a detached internet gateway"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-b in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward InternetGateway igw-b ['igw-b'] Blocked IGW_NOT_ATTACHED: internet gateway 'igw-b' is not attached to 'vpc-a' | fix: attach 'igw-b' to 'vpc-a'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet sends to a virtual private gateway"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → nat-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 192.168.1.1",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here (its VPN connections are not in the input); what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet sends to another nat gateway"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-n' of subnet 'sn', where NAT gateway 'nat-1' sits, sends 203.0.113.10 over route 0.0.0.0/0 → nat-1, not to an internet gateway: the NAT gateway has no way out | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-a' to route table 'rtb-n'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet sends to a peering"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-n' of subnet 'sn', where NAT gateway 'nat-1' sits, sends 203.0.113.10 over route 0.0.0.0/0 → pcx-ab, not to an internet gateway: the NAT gateway has no way out | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-a' to route table 'rtb-n'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet sends to classiclink's local route"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 10.9.9.9",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.9.0.0/16 → nat-1 in route table 'rtb-a' matches 10.9.9.9",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-n' of subnet 'sn', where NAT gateway 'nat-1' sits, sends 10.9.9.9 over route 10.0.0.0/8 → local, not to an internet gateway: the NAT gateway has no way out | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-a' to route table 'rtb-n'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat subnet sends to a transit gateway"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Unknown UNSUPPORTED_ROUTE_TARGET: route 0.0.0.0/0 → tgw-1 in route table 'rtb-n' of NAT gateway 'nat-1''s subnet sends the traffic to a TransitGateway target, which PeeringLint does not follow",
        },
        ["nat subnet with a network acl"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → nat-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: public NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its Elastic IP; replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward NetworkAclInbound acl-n ['acl-n'] Allowed: inbound rule 100 of network ACL 'acl-n' allows TCP/443 from 10.1.1.10",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 0.0.0.0/0 → igw-a in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches 203.0.113.10",
            "Forward NetworkAclOutbound acl-n ['acl-n'] Allowed: outbound rule 100 of network ACL 'acl-n' allows TCP/443 to 203.0.113.10",
            "Forward InternetGateway igw-a ['igw-a'] Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; 203.0.113.10 sees the NAT gateway's Elastic IP as the source, so instance 'a1' needs no public address of its own",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound acl-n ['acl-n'] Allowed: inbound rule 110 of network ACL 'acl-n' allows the reply TCP ports 1024-65535 from 203.0.113.10",
            "Return NetworkAclOutbound acl-n ['acl-n'] Allowed: outbound rule 110 of network ACL 'acl-n' allows the reply TCP ports 1024-65535 to 10.1.1.10",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["nat to a vpc without its private address"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to its own private address before instance 'b1'; the input does not give that address, so the destination's security groups, network ACL and return route cannot be checked against it",
        },
        ["nat to a vpc with an unreadable private address"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to its own private address before instance 'b1'; the input does not give that address, so the destination's security groups, network ACL and return route cannot be checked against it",
        },
        ["nat to a vpc from a subnet without a route table"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table ? of its subnet 'sn' has no route for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc without a route"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table 'rtb-n' of its subnet 'sn' has no route for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc over a table with routes the input does not show"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table 'rtb-n' of its subnet 'sn' has route 10.2.0.0/16 → pcx-ab for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc over a blackhole"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table 'rtb-n' of its subnet 'sn' has route 10.2.0.0/16 → pcx-ab for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc over an internet gateway"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table 'rtb-n' of its subnet 'sn' has route 0.0.0.0/0 → igw-a for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc over a peering without an id"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table 'rtb-n' of its subnet 'sn' has route 10.2.0.0/16 → <unknown VpcPeeringConnection> for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc past an unknown prefix list"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-n ['rtb-n'] Unknown UNKNOWN_VALUE: route pl-x → pcx-ab in route table 'rtb-n' sends the addresses of prefix list 'pl-x', whose entries are not in the input: whether it holds 10.2.0.20 is unknown",
            "Forward NatGateway nat-1 ['nat-1'] Unknown UNSUPPORTED_ROUTE_TARGET: NAT gateway 'nat-1' translates instance 'a1' to 10.1.0.5; route table 'rtb-n' of its subnet 'sn' has route 10.2.0.0/16 → pcx-ab for 10.2.0.20, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
        },
        ["nat to a vpc over a peering"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → nat-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward NatGateway nat-1 ['nat-1'] Allowed: NAT gateway 'nat-1' in subnet 'sn' replaces the source 10.1.1.10 with its private address 10.1.0.5: instance 'b1' sees 10.1.0.5, and its replies come back to the NAT gateway, which sends them on to instance 'a1'",
            "Forward RouteTable rtb-n ['rtb-n'] Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-n' of NAT gateway 'nat-1''s subnet matches instance 'b1'",
            "Forward NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward PeeringConnection pcx-ab ['pcx-ab'] Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 10.0.0.0/8' of 'sg-b' admits TCP/443 from 10.1.0.5",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to 10.1.0.5 follow route 10.1.0.0/24 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["unknown customer list towards a vpc"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Unknown UNKNOWN_VALUE: route pl-x → igw-a in route table 'rtb-a' sends the addresses of prefix list 'pl-x', whose entries are not in the input: whether it holds 10.2.0.20 is unknown",
        },
        ["unknown endpoint list towards a vpc"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab ['pcx-ab'] Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 10.0.0.0/8' of 'sg-b' admits TCP/443 from instance 'a1'",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to instance 'a1' (10.1.1.10) follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["unknown aws list towards a vpc, an address and the internet"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab ['pcx-ab'] Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 10.0.0.0/8' of 'sg-b' admits TCP/443 from instance 'a1'",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to instance 'a1' (10.1.1.10) follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Unknown UNKNOWN_VALUE: route pl-aws → igw-a in route table 'rtb-a' sends the addresses of prefix list 'pl-aws', whose entries are not in the input: whether it holds 203.0.113.10 is unknown",
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to the internet (203.0.113.10)",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → igw-a in route table 'rtb-a' matches 203.0.113.10",
            "Forward PublicAddress a1 ['a1'] Blocked NO_PUBLIC_IP: instance 'a1' has no public IPv4 address and no Elastic IP, which it needs to reach the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward InternetGateway igw-a ['igw-a'] Allowed: internet gateway 'igw-a' is attached to 'vpc-a'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["unknown customer list in the listing towards a vpc"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Unknown UNKNOWN_VALUE: route pl-c → igw-a in route table 'rtb-a' sends the addresses of prefix list 'pl-c', whose entries are not in the input: whether it holds 10.2.0.20 is unknown",
        },
        ["unknown list beside the local route"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'a2'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'a2' inside 'vpc-a'",
            "Forward NetworkAclInbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-a ['sg-a'] Allowed: inbound rule 'all traffic from sg-a' of 'sg-a' admits TCP/443 from instance 'a1'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sn ['sn'] Allowed: subnet 'sn' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a ['rtb-a'] Allowed: replies to instance 'a1' (10.1.1.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["unknown list in the return table"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab ['pcx-ab'] Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 10.0.0.0/8' of 'sg-b' admits TCP/443 from instance 'a1'",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Unknown UNKNOWN_VALUE: route pl-x → igw-a in route table 'rtb-b' sends the addresses of prefix list 'pl-x', whose entries are not in the input: whether it holds 10.1.1.10 is unknown",
        },
        ["vgw not in the input"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Unknown UNKNOWN_VALUE: virtual private gateway 'vgw-1' is not in the input",
        },
        ["vgw not in the listing"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE: virtual private gateway 'vgw-1' is not in the input (it does not exist)",
        },
        ["vgw without an id"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → <unknown VirtualPrivateGateway> in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway  ['?'] Unknown UNKNOWN_VALUE: virtual private gateway '?' is not in the input",
        },
        ["vgw pending"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE: virtual private gateway 'vgw-1' is pending, not available",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vgw detached"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE_ATTACHMENT: virtual private gateway 'vgw-1' is not attached to 'vpc-a' | fix: attach 'vgw-1' to 'vpc-a'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vgw without a state"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here (its VPN connections are not in the input); what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vgw with connections not in the input"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here (its VPN connections are not in the input); what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vgw towards a vpc"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → vgw-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward VpnGateway vgw-1 ['vgw-1'] Unknown LEAVES_AWS: the route sends instance 'b1' to virtual private gateway 'vgw-1', where the path leaves AWS; whether the network beyond sends it back into 'vpc-b' is not in the input",
        },
        ["vgw towards a vpc, detached"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → vgw-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE_ATTACHMENT: virtual private gateway 'vgw-1' is not attached to 'vpc-a' | fix: attach 'vgw-1' to 'vpc-a'",
        },
        ["vpn connections: usable ones, the last one deleted"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here over VPN connection 'vpn-1' to customer gateway 'cgw-1' (198.51.100.1), VPN connection 'vpn-2' to customer gateway 'cgw-9', VPN connection 'vpn-3', VPN connection 'vpn-4' to customer gateway 'cgw-2'; what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vpn connections: one deleted, one usable"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here over VPN connection 'vpn-1' to customer gateway 'cgw-1', VPN connection 'vpn-2' to customer gateway 'cgw-1'; what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vpn connections: all deleted"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vpn-1 ['vpn-1'] Unknown BAD_STATE_VPN: every VPN connection of virtual private gateway 'vgw-1' is deleting: none carries traffic; only a Direct Connect virtual interface on the gateway (not in the input) could carry it | fix: create a new VPN connection to the gateway",
        },
        ["vpn static routes: none covers"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vpn-1 ['vpn-1'] Unknown NO_ROUTE_TO_DESTINATION: no static route of the VPN connections of virtual private gateway 'vgw-1' covers 192.168.1.1; only a Direct Connect virtual interface on the gateway (not in the input) could carry it | fix: add a static route for 192.168.1.1 to VPN connection 'vpn-1'",
        },
        ["vpn static routes: the second connection covers"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here over VPN connection 'vpn-1' to customer gateway 'cgw-1', VPN connection 'vpn-2' to customer gateway 'cgw-1'; what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vpn static routes: one connection uses bgp"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here over VPN connection 'vpn-1' to customer gateway 'cgw-1', VPN connection 'vpn-2' to customer gateway 'cgw-1'; what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vpn static routes: an unresolved route"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here over VPN connection 'vpn-1'; what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["vpn gateway without connections in a listing"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 192.168.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 192.168.0.0/16 → vgw-1 in route table 'rtb-a' matches 192.168.1.1",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: virtual private gateway 'vgw-1' is attached to 'vpc-a': the path leaves AWS here (no VPN connection in the input: Direct Connect, or none); what happens beyond is outside the input",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["endpoint not in the input"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 52.216.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Unknown UNKNOWN_VALUE: route 52.216.0.0/15 → vpce-x in route table 'rtb-a' sends the traffic to VPC endpoint 'vpce-x', which is not in the input",
        },
        ["endpoint without an id"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 52.216.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Unknown UNKNOWN_VALUE: route 52.216.0.0/15 → <unknown VpcEndpoint> in route table 'rtb-a' sends the traffic to VPC endpoint '?', which is not in the input",
        },
        ["interface endpoint"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 52.216.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 52.216.0.0/15 → vpce-1 in route table 'rtb-a' matches 52.216.1.1",
            "Forward VpcEndpoint vpce-1 ['vpce-1'] Unknown UNSUPPORTED_ROUTE_TARGET: VPC endpoint 'vpce-1' is a GatewayLoadBalancer endpoint (a middlebox such as a firewall behind a Gateway Load Balancer), which PeeringLint does not follow",
        },
        ["gateway endpoint without a service name"] = new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 52.216.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 52.216.0.0/15 → vpce-1 in route table 'rtb-a' matches 52.216.1.1",
            "Forward VpcEndpoint vpce-1 ['vpce-1'] Allowed: gateway endpoint 'vpce-1' delivers 52.216.1.1 to its service inside AWS; the path ends at the service (its endpoint policy is not evaluated)",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["gateway endpoint towards a vpc"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → vpce-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward VpcEndpoint vpce-1 ['vpce-1'] Blocked NO_ROUTE_TO_DESTINATION: gateway endpoint 'vpce-1' delivers only to com.amazonaws.us-east-1.s3, not to instance 'b1' | fix: add a route 10.2.0.0/16 → pcx-ab to route table 'rtb-a'",
        },
        ["pending endpoint"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 52.216.1.1",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 52.216.0.0/15 → vpce-1 in route table 'rtb-a' matches 52.216.1.1",
            "Forward VpcEndpoint vpce-1 ['vpce-1'] Blocked BAD_STATE: VPC endpoint 'vpce-1' is pending, not available",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["deleted endpoint towards a vpc"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 10.2.0.0/16 → vpce-1 in route table 'rtb-a' matches instance 'b1'",
            "Forward VpcEndpoint vpce-1 ['vpce-1'] Blocked BAD_STATE: VPC endpoint 'vpce-1' is deleted, not available",
        },
        ["eigw towards a vpc"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-a' sends instance 'b1' (10.2.0.20) to the egress-only internet gateway over route 10.2.0.0/16 → eigw-1; the addresses of 'vpc-b' are not reachable over the internet | fix: change the target of route 10.2.0.0/16 in route table 'rtb-a' from eigw-1 to pcx-ab",
        },
        ["eigw not in the input"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → eigw-x in route table 'rtb-a' matches 203.0.113.10",
            "Forward EgressOnlyInternetGateway eigw-x ['eigw-x'] Unknown UNKNOWN_VALUE: egress-only internet gateway 'eigw-x' is not in the input",
        },
        ["eigw not in the listing"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → eigw-x in route table 'rtb-a' matches 203.0.113.10",
            "Forward EgressOnlyInternetGateway eigw-x ['eigw-x'] Blocked BAD_STATE: egress-only internet gateway 'eigw-x' is not in the input (it does not exist)",
        },
        ["eigw without an id"] = new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → <unknown EgressOnlyInternetGateway> in route table 'rtb-a' matches 203.0.113.10",
            "Forward EgressOnlyInternetGateway  ['?'] Unknown UNKNOWN_VALUE: egress-only internet gateway '?' is not in the input",
        },
        ["eigw for ipv4"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → eigw-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward EgressOnlyInternetGateway eigw-1 ['eigw-1'] Blocked NO_ROUTE_TO_DESTINATION: egress-only internet gateway 'eigw-1' carries IPv6 only, not 203.0.113.10",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["eigw detached"] = new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a ['sg-a'] Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to 203.0.113.10",
            "Forward NetworkAclOutbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a ['rtb-a'] Allowed: route 0.0.0.0/0 → eigw-1 in route table 'rtb-a' matches 203.0.113.10",
            "Forward EgressOnlyInternetGateway eigw-1 ['eigw-1'] Blocked BAD_STATE_ATTACHMENT: egress-only internet gateway 'eigw-1' is not attached to 'vpc-a'",
            "Return StatefulReturn sg-a ['sg-a'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclInbound sa ['sa'] Allowed: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        },
        ["enters through the vgw"] = new[]
        {
            "Reachable",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: 192.168.1.1 is outside AWS, behind virtual private gateway 'vgw-1' (route 192.168.0.0/16 → vgw-1 of route table 'rtb-b'): the traffic enters 'vpc-b' here",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to 192.168.1.1 follow route 192.168.0.0/16 → vgw-1 in route table 'rtb-b'",
        },
        ["the internet does not enter through the vgw"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Blocked ENI_SG_RULES_MISMATCH: security group 'sg-b' of instance 'b1' admits no TCP/443 from the internet (203.0.113.10) | fix: add an inbound rule HTTPS (TCP 443) to security group 'sg-b' from your own address (or, for EC2 Instance Connect, from the Region's EC2 Instance Connect prefix list; 0.0.0.0/0 opens it to everyone)",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Blocked NO_ROUTE_TO_SOURCE: replies to 203.0.113.10 follow route 0.0.0.0/0 → vgw-1 in route table 'rtb-b' instead of going back over an internet gateway attached to 'vpc-b' | fix: change the target of route 0.0.0.0/0 in route table 'rtb-b' from vgw-1 to an internet gateway attached to 'vpc-b'",
        },
        ["no route table at the destination"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable sb ['sb'] Unknown UNKNOWN_VALUE: subnet 'sb' has no route table in the input",
        },
        ["no route to the source at the destination"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Blocked NO_ROUTE_TO_SOURCE: route table 'rtb-b' has no route back to 192.168.1.1; replies need a route over an internet gateway attached to 'vpc-b' | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-b' to route table 'rtb-b'",
        },
        ["blackhole to the vgw"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Blocked BLACKHOLE_ROUTE: replies to 192.168.1.1 match route 192.168.0.0/16 → vgw-1 in route table 'rtb-b', which is a blackhole | fix: change the target of route 192.168.0.0/16 in route table 'rtb-b' from vgw-1 to an internet gateway attached to 'vpc-b'",
        },
        ["route to a vgw without an id"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Blocked NO_ROUTE_TO_SOURCE: replies to 192.168.1.1 follow route 192.168.0.0/16 → <unknown VirtualPrivateGateway> in route table 'rtb-b' instead of going back over an internet gateway attached to 'vpc-b' | fix: change the target of route 192.168.0.0/16 in route table 'rtb-b' from <unknown VirtualPrivateGateway> to an internet gateway attached to 'vpc-b'",
        },
        ["source behind a peering, not a gateway"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Blocked NO_ROUTE_TO_SOURCE: replies to 192.168.1.1 follow route 192.168.0.0/16 → pcx-ab in route table 'rtb-b' instead of going back over an internet gateway attached to 'vpc-b' | fix: change the target of route 192.168.0.0/16 in route table 'rtb-b' from pcx-ab to an internet gateway attached to 'vpc-b'",
        },
        ["entering vgw not in the input"] = new[]
        {
            "Unknown",
            "Forward VpnGateway vgw-1 ['vgw-1'] Unknown UNKNOWN_VALUE: 192.168.1.1 is behind virtual private gateway 'vgw-1' (route table 'rtb-b' sends it there), which is not in the input",
        },
        ["entering vgw not in the listing"] = new[]
        {
            "NotReachable",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE: 192.168.1.1 is behind virtual private gateway 'vgw-1' (route table 'rtb-b' sends it there), which is not in the input (it does not exist)",
        },
        ["entering vgw detached"] = new[]
        {
            "NotReachable",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE_ATTACHMENT: virtual private gateway 'vgw-1' is not attached to 'vpc-b': nothing enters 'vpc-b' through it | fix: attach 'vgw-1' to 'vpc-b'",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to 192.168.1.1 follow route 192.168.0.0/16 → vgw-1 in route table 'rtb-b'",
        },
        ["entering vgw pending"] = new[]
        {
            "NotReachable",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE_ATTACHMENT: virtual private gateway 'vgw-1' is pending: nothing enters 'vpc-b' through it | fix: wait until 'vgw-1' is available (it is pending)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to 192.168.1.1 follow route 192.168.0.0/16 → vgw-1 in route table 'rtb-b'",
        },
        ["entering vgw deleted"] = new[]
        {
            "NotReachable",
            "Forward VpnGateway vgw-1 ['vgw-1'] Blocked BAD_STATE_ATTACHMENT: virtual private gateway 'vgw-1' is deleted: nothing enters 'vpc-b' through it | fix: create a virtual private gateway, attach it to 'vpc-b' and route to it ('vgw-1' is deleted)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to 192.168.1.1 follow route 192.168.0.0/16 → vgw-1 in route table 'rtb-b'",
        },
        ["entering vgw without a state"] = new[]
        {
            "Reachable",
            "Forward VpnGateway vgw-1 ['vgw-1'] Allowed: 192.168.1.1 is outside AWS, behind virtual private gateway 'vgw-1' (route 192.168.0.0/16 → vgw-1 of route table 'rtb-b'): the traffic enters 'vpc-b' here",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Allowed: replies to 192.168.1.1 follow route 192.168.0.0/16 → vgw-1 in route table 'rtb-b'",
        },
        ["egress-only route to the source"] = new[]
        {
            "NotReachable",
            "Forward EgressOnlyInternetGateway eigw-1 ['eigw-1'] Blocked EGRESS_ONLY_GATEWAY_INBOUND: route table 'rtb-b' sends 192.168.1.1 to egress-only internet gateway 'eigw-1', which carries only connections started inside 'vpc-b': 192.168.1.1 cannot open one | fix: route 192.168.0.0/16 to an internet gateway attached to 'vpc-b' if the instance must accept connections from the internet",
        },
        ["egress-only route without an id to the source"] = new[]
        {
            "NotReachable",
            "Forward EgressOnlyInternetGateway  ['?'] Blocked EGRESS_ONLY_GATEWAY_INBOUND: route table 'rtb-b' sends 192.168.1.1 to egress-only internet gateway '?', which carries only connections started inside 'vpc-b': 192.168.1.1 cannot open one | fix: route 192.168.0.0/16 to an internet gateway attached to 'vpc-b' if the instance must accept connections from the internet",
        },
        ["egress-only blackhole to the source"] = new[]
        {
            "NotReachable",
            "Forward InternetGateway vpc-b ['vpc-b'] Blocked IGW_NOT_ATTACHED: 'vpc-b' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-b', and route 0.0.0.0/0 to it",
            "Forward PublicAddress b1 ['b1'] Blocked NO_PUBLIC_IP: instance 'b1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b ['sg-b'] Allowed: inbound rule 'TCP 443 from 192.168.0.0/16' of 'sg-b' admits TCP/443 from 192.168.1.1",
            "Return StatefulReturn sg-b ['sg-b'] Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb ['sb'] Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b ['rtb-b'] Blocked BLACKHOLE_ROUTE: replies to 192.168.1.1 match route 192.168.0.0/16 → eigw-1 in route table 'rtb-b', which is a blackhole | fix: change the target of route 192.168.0.0/16 in route table 'rtb-b' from eigw-1 to an internet gateway attached to 'vpc-b'",
        },
    };
}
