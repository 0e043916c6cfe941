using System.Linq;
using PeeringLint.Engine;
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
}
