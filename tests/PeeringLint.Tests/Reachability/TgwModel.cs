using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// A transit gateway model built from the Core records (the <see cref="Net"/> builder, one location per element, named
/// by the element so that a rendered hop shows where it points): vpc-a 10.1.0.0/16 with subnet sa 10.1.1.0/24 and
/// vpc-b 10.2.0.0/16 with subnet sb 10.2.1.0/24, both in us-east-1a; their tables rtb-a and rtb-b send the other's
/// block to tgw-1; attachments att-a and att-b (available, subnets sa and sb) are associated with tgw-rtb-1, whose
/// routes are listed (none static) and whose propagations are att-a and att-b. Every kind is covered. Tests change
/// the public parts (records are replaced with <c>with</c>) before <see cref="Index"/>.
/// </summary>
internal sealed class TgwModel
{
    public const ResourceKinds Listed = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways
        | ResourceKinds.PeeringConnections | ResourceKinds.SecurityGroups | ResourceKinds.NetworkAcls | ResourceKinds.Instances | ResourceKinds.ElasticIps
        | ResourceKinds.NetworkInterfaces | ResourceKinds.TransitGateways | ResourceKinds.TransitGatewayAttachments | ResourceKinds.TransitGatewayRouteTables
        | ResourceKinds.VpcEndpoints;

    public TgwModel()
    {
        N.Vpc("vpc-a", "10.1.0.0/16");
        N.Vpc("vpc-b", "10.2.0.0/16");
        Subnets.Add(Subnet("sa", "vpc-a", "10.1.1.0/24", "us-east-1a"));
        Subnets.Add(Subnet("sb", "vpc-b", "10.2.1.0/24", "us-east-1a"));
        RoutesA.Add(N.Route("10.1.0.0/16", RouteTargetKind.Local, "local"));
        RoutesA.Add(N.Route("10.2.0.0/16", RouteTargetKind.TransitGateway, "tgw-1"));
        RoutesB.Add(N.Route("10.2.0.0/16", RouteTargetKind.Local, "local"));
        RoutesB.Add(N.Route("10.1.0.0/16", RouteTargetKind.TransitGateway, "tgw-1"));
        Gateways.Add(new TransitGateway("tgw-1", N.Loc("tgw-1")) { Name = "tgw-1", State = "available" });
        AttA = VpcAttachment("att-a", "tgw-1", "vpc-a", "sa");
        AttB = VpcAttachment("att-b", "tgw-1", "vpc-b", "sb");
        Table1 = Table("tgw-rtb-1", "tgw-1", new[] { "att-a", "att-b" }, new[] { "att-a", "att-b" });
    }

    public Net N { get; } = new();

    public ResourceKinds Coverage { get; set; } = Listed;

    public List<Subnet> Subnets { get; } = new();

    public List<Route> RoutesA { get; } = new();

    public List<Route> RoutesB { get; } = new();

    public List<TransitGateway> Gateways { get; } = new();

    public TransitGatewayAttachment AttA { get; set; }

    public TransitGatewayAttachment AttB { get; set; }

    public TransitGatewayRouteTable Table1 { get; set; }

    /// <summary>More elements (attachments, tables, VPCs' route tables, endpoints...).</summary>
    public List<Element> Extra { get; } = new();

    public Subnet Subnet(string id, string vpc, string cidr, string? zone) =>
        new(id, N.Loc(id), vpc) { Name = id, Ipv4Cidr = Net.C(cidr, N.Loc(id + "/cidr")), AvailabilityZone = zone };

    public TransitGatewayAttachment VpcAttachment(string id, string tgw, string vpc, params string[] subnets) =>
        new(id, N.Loc(id), tgw)
        {
            Name = id,
            Kind = TransitGatewayAttachmentKind.Vpc,
            ResourceId = vpc,
            SubnetIds = subnets,
            SubnetsKnown = true,
            State = "available",
            ApplianceModeKnown = true,
        };

    public TransitGatewayAttachment PeeringAttachment(string id, string tgw, string? peer, string? peerRegion = null) =>
        new(id, N.Loc(id), tgw) { Name = id, Kind = TransitGatewayAttachmentKind.Peering, ResourceId = peer, PeerRegion = peerRegion, State = "available" };

    public TransitGatewayRouteTable Table(string id, string tgw, string[] associations, string[] propagations, params TransitGatewayRoute[] routes) =>
        new(id, N.Loc(id), tgw)
        {
            Name = id,
            RoutesKnown = true,
            PropagationsKnown = true,
            Associations = associations.Select(a => new TransitGatewayTableLink(a, N.Loc($"{id} assoc {a}"))).ToArray(),
            Propagations = propagations.Select(a => new TransitGatewayTableLink(a, N.Loc($"{id} prop {a}"))).ToArray(),
            Routes = routes,
        };

    public TransitGatewayRoute TgwRoute(string dest, params string[] attachments) =>
        new(N.Loc("tgw route " + dest), Net.C(dest, N.Loc("tgw dest " + dest))) { AttachmentIds = attachments };

    public TransitGatewayRoute Blackhole(string dest) =>
        new(N.Loc("tgw blackhole " + dest), Net.C(dest, N.Loc("tgw dest " + dest))) { State = RouteState.Blackhole };

    /// <summary>A VPC with one subnet and a main table holding <paramref name="routes"/> after its local route (an inspection or third VPC).</summary>
    public void OtherVpc(string vpc, string cidr, string subnet, string subnetCidr, string? zone, params Route[] routes)
    {
        N.Vpc(vpc, cidr);
        Subnets.Add(Subnet(subnet, vpc, subnetCidr, zone));
        N.Table("rtb-" + vpc, vpc, new[] { subnet }, routes.Prepend(N.Route(cidr, RouteTargetKind.Local, "local")).ToArray());
    }

    public ModelIndex Index()
    {
        foreach (var s in Subnets)
        {
            N.B.Subnets.Add(s);
        }

        N.Table("rtb-a", "vpc-a", Subnets.Where(s => s.VpcId == "vpc-a").Select(s => s.Id).ToArray(), RoutesA.ToArray());
        N.Table("rtb-b", "vpc-b", Subnets.Where(s => s.VpcId == "vpc-b").Select(s => s.Id).ToArray(), RoutesB.ToArray());
        foreach (var e in Gateways.Concat<Element>(new Element[] { AttA, AttB, Table1 }).Concat(Extra))
        {
            N.B.Add(e);
        }

        N.B.Coverage = Coverage;
        return N.Index();
    }

    /// <summary>The verdict, then one line per hop: direction, kind, element, verdict, code, assumed, the location's name, reason and fix.</summary>
    public static string[] Render(ReachabilityResult r) =>
        r.Hops.Select(h => $"{h.Direction} {h.Kind} {h.ElementId} {h.Verdict}{(h.Code is null ? string.Empty : " " + h.Code)}{(h.Assumed ? " assumed" : string.Empty)} @{(h.Location.IsNone ? "none" : h.Location.LogicalPath)}: {h.Reason}{(h.Fix is null ? string.Empty : " | fix: " + h.Fix)}")
            .Prepend(r.Verdict.ToString()).ToArray();

    public ReachabilityResult Eval(string from = "10.1.1.10", string to = "10.2.1.10") => ReachabilityEngineTests.Eval(Index(), from, to, "tcp", 443);

    public string[] Hops(string from = "10.1.1.10", string to = "10.2.1.10") => Render(Eval(from, to));
}
