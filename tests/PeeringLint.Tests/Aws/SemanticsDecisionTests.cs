using System.Collections.Generic;
using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Tests.Parsers.CloudFormation;
using PeeringLint.Tests.Reachability;
using Xunit;

namespace PeeringLint.Tests.Aws;

/// <summary>
/// Decisions of the shared AWS semantics layer that a changed condition would flip unnoticed (issue 22, mutation
/// testing of Core/Aws): each test names the behaviour it pins.
/// </summary>
public sealed class SemanticsDecisionTests
{
    private static PropertySource Props(params (string Name, PropertyValue Value)[] values)
    {
        var map = values.ToDictionary(v => v.Name, v => v.Value);
        return p => map.TryGetValue(p, out var v) ? v : PropertyValue.Absent;
    }

    // ------------------------------------------------------------------ peering requests

    [Fact]
    public void The_accepter_defaults_to_the_stacks_account_and_region_and_is_unknown_when_not_a_literal()
    {
        Assert.Equal(("111122223333", "us-east-1"), PeeringRequests.Accepter(Props(), "111122223333", "us-east-1"));
        Assert.Equal(("444455556666", "eu-west-1"), PeeringRequests.Accepter(
            Props(("PeerOwnerId", PropertyValue.Known("444455556666")), ("PeerRegion", PropertyValue.Known("eu-west-1"))), "111122223333", "us-east-1"));
        Assert.Equal(((string?)null, (string?)null), PeeringRequests.Accepter(
            Props(("PeerOwnerId", PropertyValue.Reference("Owner", null)), ("PeerRegion", PropertyValue.Reference("Region", null))), "111122223333", "us-east-1"));
        Assert.Equal(((string?)null, (string?)null), PeeringRequests.Accepter(
            Props(("PeerOwnerId", PropertyValue.Unknown()), ("PeerRegion", PropertyValue.Unknown())), "111122223333", "us-east-1"));
    }

    [Fact]
    public void A_peer_owner_that_is_not_a_literal_is_not_the_stacks_account_even_when_its_text_matches()
    {
        // A reference's text is a model id: that it reads like the account number says nothing about the account.
        var owner = Props(("PeerOwnerId", PropertyValue.Reference("111122223333", null)));
        Assert.Equal(PeeringStatus.Unknown, PeeringRequests.StatusWhenCreated(owner, "111122223333"));
        Assert.Equal(PeeringStatus.PendingAcceptance, PeeringRequests.StatusWhenCreated(Props(("PeerOwnerId", PropertyValue.Known("111122223333"))), null));
        Assert.Equal(PeeringStatus.Active, PeeringRequests.StatusWhenCreated(Props(("PeerOwnerId", PropertyValue.Known("111122223333"))), "111122223333"));
    }

    // ------------------------------------------------------------------ property values

    [Fact]
    public void A_property_value_prints_what_it_is()
    {
        Assert.Equal("ref Vpc (AWS::EC2::VPC)", PropertyValue.Reference("Vpc", AwsResourceTypes.Vpc).ToString());
        Assert.Equal("ref Vpc", PropertyValue.Reference("Vpc", null).ToString());
        Assert.Equal("igw-1", PropertyValue.Known("igw-1").ToString());
        Assert.Equal("<unknown>", PropertyValue.Unknown("why").ToString());
        Assert.Equal("<absent>", PropertyValue.Absent.ToString());
        Assert.Equal("[a, ref B]", PropertyValue.List(new[] { PropertyValue.Known("a"), PropertyValue.Reference("B", null) }).ToString());
        Assert.Equal("a", PropertyValue.Known("a").Id);
        Assert.Equal("B", PropertyValue.Reference("B", null).Id);
        Assert.Null(PropertyValue.Unknown().Id);
        Assert.Null(PropertyValue.List(new[] { PropertyValue.Known("a") }).Id);
        Assert.False(PropertyValue.KnownOrAbsent(null).IsPresent);
        Assert.True(PropertyValue.KnownOrAbsent("x").IsPresent);
    }

    // ------------------------------------------------------------------ Elastic IPs of NAT gateways

    [Fact]
    public void Two_nat_gateways_with_unknown_addresses_leave_an_idle_address_unknown()
    {
        // Each unresolved AllocationId may be the idle address: two of them must not cancel out.
        var load = CfnTestKit.Load(("t.yaml",
            "Parameters:\n  Alloc:\n    Type: String\nResources:\n" +
            "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
            "  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}\n" +
            "  Idle: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  Nat1: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: !Ref Alloc, SubnetId: !Ref Subnet}}\n" +
            "  Nat2: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: !Ref Alloc, SubnetId: !Ref Subnet}}\n"));
        var index = new ModelIndex(load.Model);
        Assert.Equal(Tri.Unknown, ElasticIpAssociations.IsAssociated(index, load.Model.ElasticIps.Single(), out var nat));
        Assert.Null(nat);
    }

    [Fact]
    public void A_nat_gateway_names_its_address_by_allocation_id_or_public_ip()
    {
        var n = new Net();
        n.B.NatGateways.Add(new NatGateway("nat-1", n.Loc("nat-1"), "subnet-1") { ElasticIpIds = new[] { "eipalloc-1", "203.0.113.7" } });
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-1", n.Loc("e1")));
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-2", n.Loc("e2")) { PublicIp = "203.0.113.7" });
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-3", n.Loc("e3")) { PublicIp = "203.0.113.8" });
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-4", n.Loc("e4")));
        n.B.Coverage = ResourceKinds.NatGateways | ResourceKinds.ElasticIps;
        var index = n.Index();
        ElasticIp E(string id) => index.Model.ElasticIps.Single(e => e.Id == id);
        Assert.Equal(Tri.Yes, ElasticIpAssociations.IsAssociated(index, E("eipalloc-1"), out var nat1));
        Assert.Equal("nat-1", nat1!.Id);
        Assert.Equal(Tri.Yes, ElasticIpAssociations.IsAssociated(index, E("eipalloc-2"), out var nat2));
        Assert.Equal("nat-1", nat2!.Id);
        Assert.Equal(Tri.No, ElasticIpAssociations.IsAssociated(index, E("eipalloc-3"), out var nat3));
        Assert.Null(nat3);
        Assert.Equal(Tri.No, ElasticIpAssociations.IsAssociated(index, E("eipalloc-4"), out _));
    }

    // ------------------------------------------------------------------ public subnets

    private static (ModelIndex Index, Subnet Subnet) PublicNet(bool routesIncomplete, string? igwTarget, bool attached = true, bool defaultRoute = true, RouteTargetKind kind = RouteTargetKind.InternetGateway)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.0.0.0/16");
        var subnet = n.Subnet("subnet-1", "vpc-1", "10.0.1.0/24");
        n.Igw("igw-1", attached ? new[] { "vpc-1" } : new string[0]);
        var routes = defaultRoute ? new[] { n.Route("0.0.0.0/0", kind, igwTarget) } : new Route[0];
        n.B.RouteTables.Add(new RouteTable("rtb-1", n.Loc("rtb-1"), "vpc-1") { SubnetIds = new[] { "subnet-1" }, Routes = routes, RoutesIncomplete = routesIncomplete });
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways;
        var index = n.Index();
        return (index, index.Model.Subnets.Single());
    }

    [Theory]
    [InlineData(true, "igw-1", true, true, Tri.Yes)]      // the default route that is there decides, whatever else the table holds
    [InlineData(true, "igw-1", false, true, Tri.Unknown)] // an unattached gateway: another, unlisted route may still serve
    [InlineData(true, "igw-1", true, false, Tri.Unknown)] // no default route listed, but the table has unlisted routes
    [InlineData(false, "igw-1", true, false, Tri.No)]
    [InlineData(false, "igw-1", false, true, Tri.No)]
    [InlineData(false, "igw-9", true, true, Tri.No)]      // a gateway the input would list, and does not
    [InlineData(false, null, true, true, Tri.Unknown)]    // an internet gateway route whose gateway the input does not name
    public void Public_is_decided_by_the_default_route_and_its_gateway(bool incomplete, string? target, bool attached, bool defaultRoute, Tri expected)
    {
        var (index, subnet) = PublicNet(incomplete, target, attached, defaultRoute);
        Assert.Equal(expected, PublicSubnets.IsPublic(index, subnet));
    }

    [Fact]
    public void A_default_route_to_an_endpoint_the_input_does_not_name_is_a_middlebox()
    {
        var (index, subnet) = PublicNet(false, null, kind: RouteTargetKind.VpcEndpoint);
        Assert.Equal(Tri.Unknown, PublicSubnets.IsPublic(index, subnet));
    }

    [Theory]
    [InlineData("igw-", RouteTargetKind.Unknown)] // a bare prefix is not an id
    [InlineData("igw-1", RouteTargetKind.InternetGateway)]
    [InlineData("i-", RouteTargetKind.Unknown)]
    [InlineData("i-0a", RouteTargetKind.Instance)]
    [InlineData("local", RouteTargetKind.Local)]
    [InlineData("Local", RouteTargetKind.Unknown)]
    public void An_id_prefix_names_a_kind_only_when_an_id_follows(string id, RouteTargetKind kind) =>
        Assert.Equal(kind, RouteTargets.KindFromId(id));

    [Fact]
    public void A_table_with_unlisted_routes_and_a_default_route_elsewhere_is_unknown()
    {
        var (index, subnet) = PublicNet(true, "nat-1", kind: RouteTargetKind.NatGateway);
        Assert.Equal(Tri.Unknown, PublicSubnets.IsPublic(index, subnet, out var table, out var route));
        Assert.Equal("rtb-1", table!.Id);
        Assert.Equal(RouteTargetKind.NatGateway, route!.TargetKind);
    }

    // ------------------------------------------------------------------ VPN route propagation

    private static IReadOnlyList<Route> Propagated(bool coversVpns, bool listed, out bool unknown, string[] vgws, params VpnConnection[] vpns)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.0.0.0/16");
        foreach (var v in vpns)
        {
            n.B.Add(v);
        }

        n.B.RouteTables.Add(new RouteTable("rtb-1", n.Loc("rtb-1"), "vpc-1") { PropagatingVgwIds = vgws, PropagatedRoutesListed = listed });
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.RouteTables | (coversVpns ? ResourceKinds.VpnConnections : ResourceKinds.None);
        var index = n.Index();
        return VpnRoutes.Propagated(index, index.Model.RouteTables.Single(), out unknown);
    }

    private static VpnConnection Vpn(string id, string vgw, bool? staticOnly, string state = "available", params string?[] routes)
    {
        var loc = new SourceLocation("net.yaml", 1, 1, 1, 10, id);
        return new VpnConnection(id, loc)
        {
            VpnGatewayId = vgw,
            State = state,
            StaticRoutesOnly = staticOnly,
            StaticRoutes = routes.Select(r => r is null ? CidrValue.Unknown(loc) : CidrValue.Parse(r, loc)).ToArray(),
        };
    }

    [Fact]
    public void Static_connections_propagate_their_known_routes()
    {
        var routes = Propagated(true, false, out bool unknown, new[] { "vgw-1" }, Vpn("vpn-1", "vgw-1", true, "available", "192.168.0.0/16", "192.168.1.0/24"));
        Assert.False(unknown);
        Assert.Equal(new[] { "192.168.0.0/16", "192.168.1.0/24" }, routes.Select(r => r.Destination!.ToString()).ToArray());
        Assert.All(routes, r => Assert.Equal((RouteTargetKind.VirtualPrivateGateway, "vgw-1", RouteOrigin.EnableVgwRoutePropagation), (r.TargetKind, r.TargetId!, r.Origin)));
    }

    [Fact]
    public void An_unknown_static_route_is_left_out_and_makes_the_propagated_routes_unknown()
    {
        var routes = Propagated(true, false, out bool unknown, new[] { "vgw-1" }, Vpn("vpn-1", "vgw-1", true, "available", null, "192.168.1.0/24"));
        Assert.True(unknown);
        Assert.Equal(new[] { "192.168.1.0/24" }, routes.Select(r => r.Destination!.ToString()).ToArray());
    }

    [Fact]
    public void A_bgp_connection_makes_the_propagated_routes_unknown_and_keeps_the_static_ones_of_the_others()
    {
        var routes = Propagated(true, false, out bool unknown, new[] { "vgw-1" },
            Vpn("vpn-1", "vgw-1", false, "available", "10.9.0.0/16"), Vpn("vpn-2", "vgw-1", true, "available", "192.168.0.0/16"));
        Assert.True(unknown);
        Assert.Equal(new[] { "192.168.0.0/16" }, routes.Select(r => r.Destination!.ToString()).ToArray());
    }

    [Fact]
    public void A_deleted_connection_propagates_nothing()
    {
        var routes = Propagated(true, false, out bool unknown, new[] { "vgw-1" }, Vpn("vpn-1", "vgw-1", false, "deleted", "10.9.0.0/16"), Vpn("vpn-2", "vgw-1", true, "deleted", "10.8.0.0/16"));
        Assert.False(unknown);
        Assert.Empty(routes);
    }

    [Fact]
    public void Listed_propagated_routes_are_not_worked_out_again()
    {
        var routes = Propagated(true, true, out bool unknown, new[] { "vgw-1" }, Vpn("vpn-1", "vgw-1", false, "available", "10.9.0.0/16"));
        Assert.False(unknown);
        Assert.Empty(routes);
    }

    [Theory]
    [InlineData(true, false)]  // every connection is listed: a gateway without one propagates nothing
    [InlineData(false, true)]  // connections are not listed: one may exist that propagates routes
    public void A_gateway_without_connections_propagates_nothing_only_when_the_input_lists_every_connection(bool covers, bool expectUnknown)
    {
        var routes = Propagated(covers, false, out bool unknown, new[] { "vgw-1", "vgw-2" });
        Assert.Equal(expectUnknown, unknown);
        Assert.Empty(routes);
    }

    [Fact]
    public void Connections_of_another_gateway_do_not_propagate()
    {
        var routes = Propagated(true, false, out bool unknown, new[] { "vgw-1" }, Vpn("vpn-2", "vgw-2", false, "available", "10.9.0.0/16"));
        Assert.False(unknown);
        Assert.Empty(routes);
    }

    [Fact]
    public void A_template_gateway_without_connections_and_one_with_a_static_connection()
    {
        string head = "Resources:\n" +
            "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}\n" +
            "  Prop: {Type: AWS::EC2::VPNGatewayRoutePropagation, Properties: {VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref T]}}\n";
        var alone = CfnTestKit.Load(("t.yaml", head));
        var index = new ModelIndex(alone.Model);
        Assert.True(index.Lookup(alone.Model.RouteTables.Single(t => t.Id == "T")).HasUnknownRoutes);

        var withVpn = CfnTestKit.Load(("t.yaml", head +
            "  Cgw: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: 198.51.100.1, BgpAsn: 65000}}\n" +
            "  Vpn: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, VpnGatewayId: !Ref Vgw, CustomerGatewayId: !Ref Cgw, StaticRoutesOnly: true}}\n" +
            "  R: {Type: AWS::EC2::VPNConnectionRoute, Properties: {VpnConnectionId: !Ref Vpn, DestinationCidrBlock: 192.168.0.0/16}}\n"));
        index = new ModelIndex(withVpn.Model);
        var lookup = index.Lookup(withVpn.Model.RouteTables.Single(t => t.Id == "T"));
        Assert.False(lookup.HasUnknownRoutes);
        Assert.Equal(RouteTargetKind.VirtualPrivateGateway, lookup.Match(PeeringLint.Addressing.Cidr.Parse("192.168.1.1/32"))!.TargetKind);
    }
}
