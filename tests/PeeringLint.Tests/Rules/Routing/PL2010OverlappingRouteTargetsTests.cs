using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Rules.Routing;
using PeeringLint.Tests.Reachability;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2010OverlappingRouteTargetsTests
{
    private static string WithPeering(string routeToB, string extraRoute) => new TgwTemplate
    {
        RouteToB = routeToB,
        RouteToA = "{ RouteTableId: !Ref TableB, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Peering }",
        Links = TgwTemplate.AllLinks + "\n" + $$"""
              Peering:
                Type: AWS::EC2::VPCPeeringConnection
                Properties: { VpcId: !Ref VpcA, PeerVpcId: !Ref VpcB }
              Extra:
                Type: AWS::EC2::Route
                Properties: {{extraRoute}}
            """,
    }.Text();

    [Fact]
    public void Template_peering_inside_a_gateway_range_is_a_note_that_says_where_each_part_goes()
    {
        var f = RuleVerifier.Verify(WithPeering(
            "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.0.0.0/8, TransitGatewayId: !Ref Hub }",
            "{ RouteTableId: !Ref TableA, DestinationCidrBlock: [|10.2.0.0/16|], VpcPeeringConnectionId: !Ref Peering }"), "PL2010").Single();
        Assert.Equal(Severity.Note, f.Severity);
        Assert.Contains("10.2.0.0/16 goes to peering connection 'Peering', the rest of 10.0.0.0/8 (10.0.0.0/16, 10.3.0.0/16, 10.4.0.0/14, 10.8.0.0/13 and 4 more) goes to transit gateway 'Hub'", f.Message);
    }

    [Fact]
    public void Template_gateway_route_taking_part_of_the_peers_range_is_a_warning()
    {
        var f = RuleVerifier.Verify(WithPeering(
            "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.2.0.0/16, VpcPeeringConnectionId: !Ref Peering }",
            "{ RouteTableId: !Ref TableA, DestinationCidrBlock: [|10.2.1.0/24|], TransitGatewayId: !Ref Hub }"), "PL2010").Single();
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("10.2.1.0/24 is part of 'VpcB', the peer of 'Peering', yet its traffic goes to transit gateway 'Hub'", f.Message);
    }

    [Fact]
    public void Template_disjoint_routes_are_silent() =>
        RuleVerifier.Verify(WithPeering(
            "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.2.0.0/16, VpcPeeringConnectionId: !Ref Peering }",
            "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.3.0.0/16, TransitGatewayId: !Ref Hub }"), "PL2010");

    [Fact]
    public void Tutorial_two_peerings_nested_is_a_warning()
    {
        var f = RuleVerifier.Verify("""
            vpcs:
              - name: a
                cidr: 10.1.0.0/16
                route_tables:
                  - name: r
                    main: true
                    routes:
                      - { destination: 10.2.0.0/16, target: ab }
                      - { destination: [|10.2.1.0/24|], target: ac }
              - { name: b, cidr: 10.2.0.0/16, route_tables: [{ name: rb, main: true, routes: [{ destination: 10.1.0.0/16, target: ab }] }] }
              - { name: c, cidr: 10.3.0.0/16, route_tables: [{ name: rc, main: true, routes: [{ destination: 10.1.0.0/16, target: ac }] }] }
            peerings:
              - { name: ab, requester: a, accepter: b }
              - { name: ac, requester: a, accepter: c }
            """, "PL2010").Single();
        Assert.Equal(Severity.Warning, f.Severity);
    }

    [Fact]
    public void Tutorial_nested_routes_over_one_peering_are_silent() =>
        RuleVerifier.Verify("""
            vpcs:
              - name: a
                cidr: 10.1.0.0/16
                route_tables:
                  - name: r
                    main: true
                    routes:
                      - { destination: 10.2.0.0/16, target: ab }
                      - { destination: 10.2.1.0/24, target: ab }
              - { name: b, cidr: 10.2.0.0/16, route_tables: [{ name: rb, main: true, routes: [{ destination: 10.1.0.0/16, target: ab }] }] }
            peerings:
              - { name: ab, requester: a, accepter: b }
            """, "PL2010");

    [Fact]
    public void AwsJson_peering_route_inside_the_gateway_route_is_a_note()
    {
        var n = new TgwNet { ExtraRoutesA = ", {\"DestinationCidrBlock\": \"10.2.1.0/24\", \"VpcPeeringConnectionId\": \"pcx-1\"}" };
        var f = LintEngine.Run(n.Load().Model, new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { RuleCatalog.Find("PL2010")! }).Findings.Single();
        Assert.Equal((Severity.Note, "net/route-tables.json"), (f.Severity, f.Location.Path));
        Assert.Contains("10.2.1.0/24 goes to peering connection 'pcx-1'", f.Message);
    }

    private static Route To(string cidr, RouteTargetKind kind, string target, int line) =>
        new(new SourceLocation("t.json", line, 1, 0, 0), kind, target) { Destination = CidrValue.Known(Cidr.Parse(cidr), new SourceLocation("t.json", line, 2, 0, 0)) };

    /// <summary>Tables where the order of the wider routes matters: ties, several levels, both families, /0, one target nested in itself.</summary>
    public static TheoryData<string, int> TrickyTables => new()
    {
        // two routes for one wide range over different connections (a tie), and the narrow one inside both
        { "10.0.0.0/8 pcx-1; 10.0.0.0/8 tgw-1; 10.2.0.0/16 pcx-2", 2 },
        // several levels listed narrow first, and a /0 above all
        { "10.2.3.0/24 pcx-3; 10.2.0.0/16 pcx-2; 10.0.0.0/8 tgw-1; 0.0.0.0/0 vgw-1; 10.2.3.128/25 pcx-1", 10 },
        // the same target nested in itself is no pair, a different one at the same level is
        { "10.0.0.0/8 pcx-1; 10.1.0.0/16 pcx-1; 10.1.0.0/16 pcx-2; 10.1.1.0/24 pcx-1", 2 },
        // IPv6 and IPv4 /0 do not contain each other's blocks
        { "::/0 tgw-1; 2600:1f18::/32 pcx-1; 2600:1f18:1::/48 pcx-2; 0.0.0.0/0 tgw-2; 10.0.0.0/8 pcx-1", 4 },
        // equal destinations only (no pair), and disjoint ones
        { "10.0.0.0/16 pcx-1; 10.0.0.0/16 pcx-2; 10.1.0.0/16 pcx-3", 0 },
        // a tie below a tie
        { "10.0.0.0/8 vgw-1; 10.0.0.0/8 pcx-9; 10.5.0.0/16 tgw-1; 10.5.0.0/16 pcx-8; 10.5.5.0/24 pcx-7", 8 },
    };

    [Theory]
    [MemberData(nameof(TrickyTables))]
    public void The_scan_finds_the_pairs_the_trie_finds_in_the_same_order(string table, int expected)
    {
        var candidates = table.Split("; ").Select((r, i) =>
        {
            var parts = r.Split(' ');
            var kind = parts[1].StartsWith("pcx", StringComparison.Ordinal) ? RouteTargetKind.VpcPeeringConnection
                : parts[1].StartsWith("tgw", StringComparison.Ordinal) ? RouteTargetKind.TransitGateway : RouteTargetKind.VirtualPrivateGateway;
            return To(parts[0], kind, parts[1], i + 1);
        }).ToList();
        var scanned = new List<(Route Wide, Route Narrow)>();
        var viaTrie = new List<(Route Wide, Route Narrow)>();
        PL2010OverlappingRouteTargets.ScanPairs(candidates, scanned, new Route[candidates.Count]);
        PL2010OverlappingRouteTargets.TriePairs(candidates, viaTrie);
        Assert.Equal(expected, viaTrie.Count);
        Assert.Equal(Describe(viaTrie), Describe(scanned));
    }

    [Fact]
    public void The_pairs_of_a_tricky_table_are_these()
    {
        var a = To("10.0.0.0/8", RouteTargetKind.VpcPeeringConnection, "pcx-1", 1);
        var b = To("10.0.0.0/8", RouteTargetKind.TransitGateway, "tgw-1", 2);
        var c = To("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-2", 3);
        var d = To("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-1", 4);
        var pairs = new List<(Route Wide, Route Narrow)>();
        PL2010OverlappingRouteTargets.NestedPairs(new List<Route> { c, a, d, b }, pairs, new Route[PL2010OverlappingRouteTargets.ScanLimit]);
        // c's wider routes in table order (a tie: a then b); d's only b (a has d's own target); a and b are not nested in each other
        Assert.Equal(new[] { (a, c), (b, c), (b, d) }, pairs);
    }

    [Fact]
    public void A_table_above_the_scan_limit_gives_the_same_pairs_through_the_trie()
    {
        // 40 /24s over 40 peerings inside a /16 and a /8 over two other connections (a tie on the /16)
        var candidates = new List<Route>();
        for (int i = 0; i < 40; i++)
        {
            candidates.Add(To($"10.1.{i}.0/24", RouteTargetKind.VpcPeeringConnection, $"pcx-{i}", i + 1));
        }

        candidates.Add(To("10.1.0.0/16", RouteTargetKind.TransitGateway, "tgw-1", 41));
        candidates.Add(To("10.1.0.0/16", RouteTargetKind.VirtualPrivateGateway, "vgw-1", 42));
        candidates.Add(To("10.0.0.0/8", RouteTargetKind.VpcPeeringConnection, "pcx-0", 43));
        var viaLimit = new List<(Route Wide, Route Narrow)>();
        var scanned = new List<(Route Wide, Route Narrow)>();
        PL2010OverlappingRouteTargets.NestedPairs(candidates, viaLimit, new Route[PL2010OverlappingRouteTargets.ScanLimit]);
        PL2010OverlappingRouteTargets.ScanPairs(candidates, scanned, new Route[candidates.Count]);
        // each /24: the /8 (except pcx-0's own), the two /16s; each /16: the /8
        Assert.Equal((40 * 3) - 1 + 2, viaLimit.Count);
        Assert.Equal(Describe(scanned), Describe(viaLimit));
    }

    private static List<string> Describe(List<(Route Wide, Route Narrow)> pairs) =>
        pairs.Select(p => $"{p.Wide.Destination} {p.Wide.TargetId} > {p.Narrow.Destination} {p.Narrow.TargetId}").ToList();
}
