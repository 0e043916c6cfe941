using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of a routing
/// rule that the other tests left open.
/// </summary>
public sealed class PL2001DecisionTests
{
    /// <summary>vpc2 has two subnets with their own tables; only the table of 10.2.0.0/24 sends vpc1 back.</summary>
    private static string TwoPeerSubnets(string route1) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
{route1}  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - {{ name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }}
      - {{ name: sub3, cidr: 10.2.1.0/24, route_table: rtb3 }}
    route_tables:
      - name: rtb2
        routes:
          - {{ destination: 10.1.0.0/16, target: p }}
      - name: rtb3
        routes: []
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2 }}
";

    [Fact]
    public void Only_the_tables_of_peer_subnets_inside_the_destination_need_a_return_route() =>
        RuleVerifier.Verify(TwoPeerSubnets("          - { destination: 10.2.0.0/24, target: p }\n"), "PL2001");

    [Fact]
    public void A_destination_reaching_a_subnet_whose_table_lacks_the_return_is_reported()
    {
        var findings = RuleVerifier.Verify(TwoPeerSubnets("          - { destination: [|10.2.0.0/16|], target: p }\n"), "PL2001");
        Assert.Equal("rtb3", Assert.Single(findings).Properties["returnTable"]);
    }

    [Fact]
    public void A_peer_subnet_in_one_of_several_peer_blocks_covered_by_the_destination_needs_the_return()
    {
        // The destination 10.0.0.0/8 covers both blocks of vpc2; the subnet lies in the first only. It still serves
        // traffic from vpc1, so its table (no return route) is reported.
        string doc = @"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }
    route_tables:
      - name: rtb1
        routes:
          - { destination: 10.2.0.0/15, target: p }
          - { destination: [|10.0.0.0/8|], target: p }
  - name: vpc2
    cidr: [10.2.0.0/16, 10.3.0.0/16]
    subnets:
      - { name: sub2, cidr: 10.3.5.0/24, route_table: rtb2 }
    route_tables:
      - name: rtb2
        routes: []
peerings:
  - { name: p, requester: vpc1, accepter: vpc2 }
";
        var findings = RuleVerifier.Verify(doc.Replace("          - { destination: 10.2.0.0/15, target: p }\n", string.Empty), "PL2001");
        Assert.Equal("rtb2", Assert.Single(findings).Properties["returnTable"]);
    }
    [Fact]
    public void A_return_table_serving_several_peer_subnets_is_reported_once()
    {
        string doc = TwoPeerSubnets("          - { destination: [|10.2.0.0/16|], target: p }\n").Replace("route_table: rtb2 }", "route_table: rtb3 }");
        Assert.Equal("rtb3", Assert.Single(RuleVerifier.Verify(doc, "PL2001")).Properties["returnTable"]);
    }

    [Fact]
    public void A_return_route_over_another_peering_connection_does_not_count()
    {
        // vpc2 sends 10.1.0.0/16 over p23 (to vpc3), not over p: replies do not come back over p.
        string doc = TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), TwoVpcs.Route("10.1.0.0/16", "p23"), extra: "  - { name: p23, requester: vpc2, accepter: vpc3 }\n")
            .Replace("peerings:", "  - name: vpc3\n    cidr: 10.3.0.0/16\npeerings:");
        Assert.Equal("rtb2", Assert.Single(RuleVerifier.Verify(doc, "PL2001")).Properties["returnTable"]);
    }

    [Fact]
    public void A_blackhole_return_route_over_an_active_peering_does_not_send_replies_back() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), "          - { destination: 10.1.0.0/16, target: p, state: blackhole }\n"), "PL2001");

    [Fact]
    public void A_return_through_a_nat_gateway_not_in_the_input_is_unknown_and_silent()
    {
        // The first half of sub1 has no return route, the second goes to a NAT gateway the input does not hold: where the
        // NAT sends it is unknown, so there is no proof of a missing return (not even a partial one).
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), TwoVpcs.Route("10.1.0.128/25", "nat-0123456789abcdef0")), "PL2001");
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), TwoVpcs.Route("10.1.0.0/16", "nat-0123456789abcdef0")), "PL2001");
    }

    [Fact]
    public void A_single_missing_piece_of_a_source_is_named_as_part_of_it()
    {
        var f = Assert.Single(RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), TwoVpcs.Route("10.1.0.0/25")), "PL2001"));
        Assert.Contains("10.1.0.128/25 (part of 10.1.0.0/24)", f.Message);
        Assert.Equal("10.1.0.128/25", f.Properties["uncovered"]);
    }

    [Fact]
    public void Adjacent_missing_pieces_are_merged_into_the_whole_source()
    {
        // rtb2 sends 10.1.0.0/26 to its internet gateway: that piece and the unrouted rest are all missing, and are
        // named as one block, the source subnet itself.
        var f = Assert.Single(RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), TwoVpcs.Route("10.1.0.0/26", "igw2")), "PL2001"));
        Assert.Equal("10.1.0.0/24", f.Properties["uncovered"]);
        Assert.DoesNotContain("part of", f.Message);
    }

    [Fact]
    public void Unknown_sources_with_one_block_partly_routed_back_are_silent()
    {
        // rtb1 serves no subnet, so both blocks of vpc1 stand in for the sources; rtb2 sends part of the first back,
        // so some sending subnet may well be covered: not proof.
        string doc = @"vpcs:
  - name: vpc1
    cidr: [10.1.0.0/16, 10.11.0.0/16]
    route_tables:
      - name: rtb1
        routes:
          - { destination: 10.2.0.0/16, target: p }
  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - { name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }
    route_tables:
      - name: rtb2
        routes:
          - { destination: 10.1.0.0/17, target: p }
peerings:
  - { name: p, requester: vpc1, accepter: vpc2 }
";
        RuleVerifier.Verify(doc, "PL2001");
    }

    [Fact]
    public void A_peer_table_with_a_route_of_unknown_destination_is_unknown_and_silent()
    {
        // The unknown destination could be vpc-1's block sent back over the peering.
        var n = PeeringLint.Tests.Reachability.Net.Tutorial(o => o.Vpc2ReturnRoute = false);
        var unknown = new Route(n.Loc("route ?"), RouteTargetKind.InternetGateway, "igw-2");
        n.B.RouteTables[1] = n.B.RouteTables[1] with { Routes = n.B.RouteTables[1].Routes.Append(unknown).ToArray() };
        Assert.Empty(PeerNet.Run(n, "PL2001"));
        n.B.RouteTables[1] = n.B.RouteTables[1] with { Routes = n.B.RouteTables[1].Routes.Where(r => r.Destination is not null).ToArray() };
        Assert.Single(PeerNet.Run(n, "PL2001"));
    }

    [Fact]
    public void A_peer_table_with_a_peering_route_of_unknown_target_is_unknown_and_silent()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial(o => o.Vpc2ReturnRoute = false);
        n.B.RouteTables[1] = n.B.RouteTables[1] with { Routes = n.B.RouteTables[1].Routes.Append(n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, null)).ToArray() };
        Assert.Empty(PeerNet.Run(n, "PL2001"));
    }
}

/// <summary>PL2001 when the peer's subnets are not in the input (CheckWithoutPeerSubnets), on models built directly.</summary>
public sealed class PL2001WithoutPeerSubnetsTests
{
    /// <summary>vpc-1 (subnet, route 10.2.0.0/16 over pcx-12) and vpc-2 without subnets, with the given tables.</summary>
    private static PeeringLint.Tests.Reachability.Net Network(bool vpc1Subnet, params (string Id, bool Implicit, bool Incomplete, string? Return)[] tables)
    {
        var n = new PeeringLint.Tests.Reachability.Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Vpc("vpc-2", "10.2.0.0/16");
        if (vpc1Subnet)
        {
            n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        }

        n.Peering("pcx-12", "vpc-1", "vpc-2");
        n.Table("rtb-1", "vpc-1", vpc1Subnet ? new[] { "subnet-1" } : System.Array.Empty<string>(), n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-12"));
        foreach (var (id, isImplicit, incomplete, ret) in tables)
        {
            var routes = ret is null ? System.Array.Empty<Route>() : new[] { n.Route(ret, RouteTargetKind.VpcPeeringConnection, "pcx-12") };
            n.Table(id, "vpc-2", System.Array.Empty<string>(), routes);
            n.B.RouteTables[^1] = n.B.RouteTables[^1] with { IsImplicit = isImplicit, RoutesIncomplete = incomplete };
        }

        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.PeeringConnections;
        return n;
    }

    [Fact]
    public void No_table_routing_back_is_an_error_naming_the_first_table_of_the_input()
    {
        var f = Assert.Single(PeerNet.Run(Network(true, ("rtb-2a", false, false, null), ("rtb-2b", false, false, null)), "PL2001"));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal("rtb-2a", f.Properties["returnTable"]);
    }

    [Fact]
    public void The_named_table_is_one_from_the_input_rather_than_the_implicit_main_table()
    {
        var f = Assert.Single(PeerNet.Run(Network(true, ("main-2", true, false, null), ("rtb-2a", false, false, null), ("rtb-2b", false, false, null)), "PL2001"));
        Assert.Equal("rtb-2a", f.Properties["returnTable"]);
    }

    [Fact]
    public void A_table_whose_routes_are_not_all_known_makes_it_unknown_and_silent()
    {
        Assert.Empty(PeerNet.Run(Network(true, ("rtb-2a", false, false, null), ("rtb-2b", false, true, null)), "PL2001"));
        Assert.Empty(PeerNet.Run(Network(true, ("rtb-2a", false, true, null), ("rtb-2b", false, false, null)), "PL2001"));
    }

    [Fact]
    public void Unknown_sources_and_a_table_routing_part_back_are_silent() =>
        Assert.Empty(PeerNet.Run(Network(false, ("rtb-2a", false, false, "10.1.0.0/17"), ("rtb-2b", false, false, null)), "PL2001"));

    [Fact]
    public void Known_sources_and_a_table_routing_part_back_are_a_note() =>
        Assert.Equal(Severity.Note, Assert.Single(PeerNet.Run(Network(true, ("rtb-2a", false, false, "10.1.0.0/25"), ("rtb-2b", false, false, null)), "PL2001")).Severity);
}

internal static class PeerNet
{
    public static System.Collections.Generic.IReadOnlyList<Finding> Run(PeeringLint.Tests.Reachability.Net n, string ruleId)
    {
        var result = LintEngine.Run(n.Build(), new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { RuleCatalog.Find(ruleId)! });
        Assert.Empty(result.Failures);
        return result.Findings;
    }
}

public sealed class PL2002DecisionTests
{
    /// <summary>The tutorial network with no route over pcx-12 at all.</summary>
    private static PeeringLint.Tests.Reachability.Net Unused()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial(o => o.Vpc2ReturnRoute = false);
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Where(r => r.TargetKind != RouteTargetKind.VpcPeeringConnection).ToArray() };
        return n;
    }

    [Fact]
    public void Unused_peering_between_two_known_vpcs_is_a_warning() =>
        Assert.Equal(Severity.Warning, Assert.Single(PeerNet.Run(Unused(), "PL2002")).Severity);

    [Fact]
    public void Unused_peering_is_silent_when_any_table_of_a_side_has_routes_the_input_does_not_show()
    {
        // vpc-2 has two tables; the second holds routes the input could not read. It may route over the connection.
        var n = Unused();
        n.Table("rtb-2b", "vpc-2", System.Array.Empty<string>());
        n.B.RouteTables[2] = n.B.RouteTables[2] with { RoutesIncomplete = true };
        Assert.Empty(PeerNet.Run(n, "PL2002"));
    }

    [Fact]
    public void Unused_peering_is_silent_when_every_table_of_a_side_has_routes_the_input_does_not_show()
    {
        var n = Unused();
        n.B.RouteTables[1] = n.B.RouteTables[1] with { RoutesIncomplete = true };
        n.Table("rtb-2b", "vpc-2", System.Array.Empty<string>());
        n.B.RouteTables[2] = n.B.RouteTables[2] with { RoutesIncomplete = true };
        Assert.Empty(PeerNet.Run(n, "PL2002"));
    }

    [Fact]
    public void Unused_peering_is_silent_when_the_incomplete_table_comes_first()
    {
        var n = Unused();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { RoutesIncomplete = true };
        n.Table("rtb-1b", "vpc-1", System.Array.Empty<string>());
        Assert.Empty(PeerNet.Run(n, "PL2002"));
    }

    [Fact]
    public void Unused_peering_is_silent_when_the_input_does_not_describe_route_tables()
    {
        var n = Unused();
        n.B.Coverage &= ~ResourceKinds.RouteTables;
        Assert.Empty(PeerNet.Run(n, "PL2002"));
    }

    [Fact]
    public void Unused_peering_is_silent_when_a_peering_route_has_an_unknown_target()
    {
        var n = Unused();
        n.Table("rtb-x", "vpc-1", System.Array.Empty<string>(), n.Route("10.9.0.0/16", RouteTargetKind.VpcPeeringConnection, null));
        Assert.Empty(PeerNet.Run(n, "PL2002"));
    }

    [Fact]
    public void Routes_without_target_id_of_other_kinds_or_peering_routes_with_an_id_do_not_hide_an_unused_peering()
    {
        // A local route has no target id; a route to another (used) peering has one. Neither is an unresolved target.
        var n = Unused();
        n.Vpc("vpc-3", "10.3.0.0/16");
        n.Peering("pcx-13", "vpc-1", "vpc-3");
        n.Table("rtb-x", "vpc-1", System.Array.Empty<string>(), n.Route("10.1.0.0/16", RouteTargetKind.Local, null), n.Route("10.3.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-13"));
        n.Table("rtb-3", "vpc-3", System.Array.Empty<string>(), n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-13"));
        Assert.Equal("pcx-12", Assert.Single(PeerNet.Run(n, "PL2002")).ElementId);
    }

    [Fact]
    public void A_side_vpc_in_the_input_without_route_tables_is_unknown_and_a_note()
    {
        var n = Unused();
        n.B.RouteTables.RemoveAt(1);
        Assert.Equal(Severity.Note, Assert.Single(PeerNet.Run(n, "PL2002")).Severity);
    }
}

public sealed class PL2003DecisionTests
{
    /// <summary>vpc-1's table sends 10.9.0.0/16 to pcx-0gone, a connection the model does not hold.</summary>
    private static PeeringLint.Tests.Reachability.Net MissingPeering(RouteState state, bool peeringsListed)
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Append(n.Route("10.9.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-0gone", state)).ToArray() };
        if (!peeringsListed)
        {
            n.B.Coverage &= ~ResourceKinds.PeeringConnections;
        }

        return n;
    }

    [Fact]
    public void Route_to_a_peering_missing_from_an_input_that_does_not_list_peerings_is_silent() =>
        Assert.Empty(PeerNet.Run(MissingPeering(RouteState.Active, peeringsListed: false), "PL2003"));

    [Fact]
    public void Blackhole_route_to_a_missing_peering_is_reported_even_when_peerings_are_not_listed()
    {
        var f = Assert.Single(PeerNet.Run(MissingPeering(RouteState.Blackhole, peeringsListed: false), "PL2003"));
        Assert.Contains("does not exist in the input (AWS reports the route as blackhole)", f.Message);
    }

    [Fact]
    public void Active_route_to_a_peering_missing_from_a_listing_does_not_claim_blackhole()
    {
        var f = Assert.Single(PeerNet.Run(MissingPeering(RouteState.Active, peeringsListed: true), "PL2003"));
        Assert.Contains("does not exist in the input", f.Message);
        Assert.DoesNotContain("blackhole", f.Message);
    }
}

public sealed class PL2006DecisionTests
{
    /// <summary>
    /// Duplicates in a small table (found by a scan) and in one padded past <see cref="PeeringLint.Rules.Routing.PL2006DuplicatePeeringOrRoute.ScanLimit"/>
    /// routes (found by a dictionary): the same findings, each against the first route of its destination.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void Small_and_large_tables_report_the_same_duplicates(int filler)
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        Route ToList(string list, string target) => new Route(n.Loc("route " + list + " " + target), RouteTargetKind.VpcPeeringConnection, target) { DestinationPrefixListId = list };
        var cidrAndList = n.Route("10.9.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-12") with { DestinationPrefixListId = "pl-9" };
        var routes = n.B.RouteTables[0].Routes.ToList();
        var firstCidr = n.Route("10.5.0.0/16", RouteTargetKind.InternetGateway, "igw-1");
        var firstList = ToList("pl-1", "pcx-12");
        routes.Add(firstCidr);
        routes.AddRange(Enumerable.Range(0, filler).Select(i => n.Route($"172.16.{i}.0/24", RouteTargetKind.InternetGateway, "igw-1")));
        routes.Add(firstList);
        routes.Add(cidrAndList);
        routes.Add(ToList("pl-9", "pcx-12"));
        routes.Add(n.Route("10.5.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-12"));
        routes.Add(ToList("pl-1", "pcx-13"));
        routes.Add(n.Route("10.5.0.0/16", RouteTargetKind.NatGateway, "nat-1"));
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = routes.ToArray() };
        Assert.True(routes.Count > PeeringLint.Rules.Routing.PL2006DuplicatePeeringOrRoute.ScanLimit == (filler > 0));

        var findings = PeerNet.Run(n, "PL2006");
        // the route to 10.9.0.0/16 counts by its CIDR, not by its prefix list: no duplicate of the route to pl-9
        Assert.Equal(
            new[] { ("10.5.0.0/16", firstCidr.Destination!.Location), ("pl-1", firstList.Location), ("10.5.0.0/16", firstCidr.Destination!.Location) },
            findings.Select(f => (f.Message.Split(" has two routes for ")[1].Split(';')[0], Assert.Single(f.Related).Location)));
    }

    private static PeeringLint.Tests.Reachability.Net WithRoutes(params Route[] extra)
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Concat(extra).ToArray() };
        return n;
    }

    [Fact]
    public void A_route_propagated_from_a_virtual_private_gateway_does_not_duplicate_a_static_route()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        var propagated = n.Route("10.2.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1") with { Origin = RouteOrigin.EnableVgwRoutePropagation };
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Append(propagated).ToArray() };
        Assert.Empty(PeerNet.Run(n, "PL2006"));
    }

    [Fact]
    public void The_local_route_does_not_duplicate_a_route_for_the_vpc_cidr()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Prepend(n.Route("10.1.0.0/16", RouteTargetKind.Local, null)).Append(n.Route("10.1.0.0/16", RouteTargetKind.NetworkInterface, "eni-1")).ToArray() };
        Assert.Empty(PeerNet.Run(n, "PL2006"));
    }

    [Fact]
    public void Two_routes_to_one_prefix_list_are_a_duplicate()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        Route ToList(string target) => new Route(n.Loc("route pl"), RouteTargetKind.VpcPeeringConnection, target) { DestinationPrefixListId = "pl-1" };
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Append(ToList("pcx-12")).Append(ToList("pcx-12")).ToArray() };
        var f = Assert.Single(PeerNet.Run(n, "PL2006"));
        Assert.Contains("pl-1", f.Message);
    }

    [Fact]
    public void Routes_with_unknown_destinations_are_not_duplicates_of_each_other()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        Route Unknown() => new Route(n.Loc("route ?"), RouteTargetKind.InternetGateway, "igw-1");
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Append(Unknown()).Append(Unknown()).ToArray() };
        Assert.Empty(PeerNet.Run(n, "PL2006"));
    }

    [Fact]
    public void The_duplicate_points_back_at_the_destination_of_the_first_route()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        var second = n.Route("10.2.0.0/16", RouteTargetKind.InternetGateway, "igw-1");
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Append(second).ToArray() };
        var first = n.B.RouteTables[0].Routes.First(r => r.TargetKind == RouteTargetKind.VpcPeeringConnection);
        var f = Assert.Single(PeerNet.Run(n, "PL2006"));
        Assert.Equal(second.Destination!.Location, f.Location);
        Assert.Equal(first.Destination!.Location, Assert.Single(f.Related).Location);
    }
}
