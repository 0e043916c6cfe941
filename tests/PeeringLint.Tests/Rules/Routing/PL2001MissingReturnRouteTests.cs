using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2001MissingReturnRouteTests
{
    [Fact]
    public void One_way_route_is_reported_and_names_the_table_without_return()
    {
        var findings = RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), string.Empty), "PL2001");
        Assert.Contains("'rtb2'", findings[0].Message);
        Assert.Contains("10.1.0.0/24", findings[0].Message);
        Assert.Equal("rtb2", findings[0].Properties["returnTable"]);
    }

    [Fact]
    public void Routes_both_ways_are_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), TwoVpcs.Route("10.1.0.0/16")), "PL2001");

    [Fact]
    public void Return_route_covering_only_the_source_subnet_is_enough() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/24"), TwoVpcs.Route("10.1.0.0/24")), "PL2001");

    [Fact]
    public void Return_route_to_another_target_does_not_count() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), TwoVpcs.Route("10.1.0.0/16", "igw2")), "PL2001");

    [Fact]
    public void Return_table_is_the_one_serving_the_destination_subnet()
    {
        // vpc2's subnet uses rtb2 (no return); the main table of vpc2 has a return route but serves no subnet there.
        string routes2 = "      - name: main2\n        main: true\n        routes:\n          - { destination: 10.1.0.0/16, target: p }\n";
        string doc = TwoVpcs.Doc(TwoVpcs.Route("[|10.2.0.0/16|]"), string.Empty).Replace("peerings:", routes2 + "peerings:");
        var findings = RuleVerifier.Verify(doc, "PL2001");
        Assert.Contains("'rtb2'", findings[0].Message);
    }

    [Fact]
    public void Typo_route_into_own_vpc_is_left_to_PL1002() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.1.0.0/16"), string.Empty), "PL2001");

    [Fact]
    public void External_peer_is_unknown_and_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    route_tables:
      - name: r
        routes:
          - { destination: 10.9.0.0/16, target: p }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"", cidr: 10.9.0.0/16 }
", "PL2001");
}

public sealed class PL2001UnknownAndCoverageTests
{
    private const string NoSubnets = @"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    route_tables:
      - name: rtb1
        routes:
          - { destination: ROUTE1, target: p }
  - name: vpc2
    cidr: 10.2.0.0/16
    route_tables:
      - name: rtb2
        routes:
ROUTES2peerings:
  - { name: p, requester: vpc1, accepter: vpc2 }
";

    [Fact]
    public void Peer_without_subnets_whose_table_routes_back_is_silent() =>
        RuleVerifier.Verify(NoSubnets.Replace("ROUTE1", "10.2.0.0/16").Replace("ROUTES2", "          - { destination: 10.1.0.0/16, target: p }\n"), "PL2001");

    [Fact]
    public void Peer_without_subnets_and_no_table_routing_back_is_an_error_naming_every_table()
    {
        var findings = RuleVerifier.Verify(NoSubnets.Replace("ROUTE1", "[|10.2.0.0/16|]").Replace("ROUTES2", "          - { destination: 0.0.0.0/0, target: igw-1 }\n"), "PL2001");
        Assert.Equal(Severity.Error, findings[0].Severity);
        Assert.Contains("no route table of 'vpc2' ('rtb2', 'vpc2 main route table'", findings[0].Message);
        Assert.Equal("rtb2", findings[0].Properties["returnTable"]);
    }

    [Fact]
    public void Peer_without_subnets_whose_tables_route_back_only_part_is_a_note_saying_what_is_unknown()
    {
        // vpc1's table serves a subnet (the source is known); vpc2 has two tables, neither sends all of 10.1.0.0/24 back.
        string doc = NoSubnets.Replace("ROUTE1", "[|10.2.0.0/16|]").Replace("ROUTES2", "          - { destination: 10.1.0.0/25, target: p }\n")
            .Replace("    route_tables:\n      - name: rtb1\n", "    subnets:\n      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }\n    route_tables:\n      - name: rtb1\n");
        var findings = RuleVerifier.Verify(doc, "PL2001");
        Assert.Equal(Severity.Note, findings[0].Severity);
        Assert.Contains("the subnets of 'vpc2' are not in the input", findings[0].Message);
    }

    [Fact]
    public void Peer_without_subnets_in_a_template_with_reciprocal_routes_is_silent() =>
        RuleVerifier.Verify(Cfn("10.2.0.0/16", "10.1.0.0/16"), "PL2001");

    [Fact]
    public void Template_peer_with_no_subnet_and_no_table_of_its_own_is_a_note()
    {
        // Vpc2's subnets and route tables may live in another stack: only the main table the reader adds is known.
        string cfn = Cfn("[|10.2.0.0/16|]", "10.1.0.0/16").Replace("  Rtb2: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc2}}\n", string.Empty)
            .Replace("  R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rtb2, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Pcx}}\n", string.Empty);
        var finding = RuleVerifier.Verify(cfn, "PL2001")[0];
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Contains("'Vpc2' has no subnet and no route table of its own in the input", finding.Message);
    }

    [Fact]
    public void Template_one_way_route_without_subnets_is_still_an_error() =>
        RuleVerifier.Verify(Cfn("[|10.2.0.0/16|]", "192.168.0.0/16"), "PL2001");

    [Theory]
    [InlineData("10.2.0.0/24", "10.2.0.0/20", "10.1.0.0/16", "10.2.1.0/24, 10.2.2.0/23, 10.2.4.0/22, 10.2.8.0/21 (part of 10.2.0.0/20)")]
    [InlineData("2600:1f18:2::/64", "2600:1f18:2::/60", "2600:1f18:1::/56", "2600:1f18:2:1::/64, 2600:1f18:2:2::/63, 2600:1f18:2:4::/62, 2600:1f18:2:8::/61 (part of 2600:1f18:2::/60)")]
    public void A_more_specific_return_route_covers_only_part_and_the_rest_is_named(string returnRoute, string subnet2, string route2, string uncovered)
    {
        // VPC 1 sends back only a slice of VPC 2's subnet: replies to the rest (10.2.11.143, say) leave by the default route.
        var findings = RuleVerifier.Verify(Family(returnRoute, subnet2, "[|" + route2 + "|]"), "PL2001");
        Assert.Equal(Severity.Error, findings[0].Severity);
        Assert.Contains($"does not send {uncovered} back", findings[0].Message);
        Assert.Equal(subnet2, findings[0].Properties["returnDestination"]);
    }

    [Theory]
    [InlineData("10.2.0.0/20", "10.2.0.0/20", "10.1.0.0/16")]
    [InlineData("2600:1f18:2::/56", "2600:1f18:2::/60", "2600:1f18:1::/56")]
    public void A_return_route_covering_the_whole_subnet_is_silent(string returnRoute, string subnet2, string route2) =>
        RuleVerifier.Verify(Family(returnRoute, subnet2, route2), "PL2001");

    [Fact]
    public void Template_with_a_return_route_covering_part_of_the_subnet_names_the_rest()
    {
        string cfn = @"Resources:
  Vpc1: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}
  Vpc2: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.2.0.0/16}}
  Pcx: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc1, PeerVpcId: !Ref Vpc2}}
  Subnet1: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc1, CidrBlock: 10.1.0.0/24}}
  Subnet2: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc2, CidrBlock: 10.2.0.0/20}}
  Rtb1: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc1}}
  Rtb2: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc2}}
  A1: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet1, RouteTableId: !Ref Rtb1}}
  A2: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet2, RouteTableId: !Ref Rtb2}}
  R1: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rtb1, DestinationCidrBlock: 10.2.0.0/24, VpcPeeringConnectionId: !Ref Pcx}}
  R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rtb2, DestinationCidrBlock: [|10.1.0.0/16|], VpcPeeringConnectionId: !Ref Pcx}}
";
        var findings = RuleVerifier.Verify(cfn, "PL2001");
        Assert.Contains("route table 'Rtb1' of 'Vpc1' does not send 10.2.1.0/24, 10.2.2.0/23, 10.2.4.0/22, 10.2.8.0/21 (part of 10.2.0.0/20) back", findings[0].Message);
    }

    [Fact]
    public void Return_split_into_two_halves_covers_the_whole_subnet() =>
        RuleVerifier.Verify(Family("10.2.0.0/21", "10.2.0.0/20", "10.1.0.0/16", "          - { destination: 10.2.8.0/21, target: p }\n"), "PL2001");

    [Fact]
    public void Rest_sent_over_a_prefix_list_is_unknown_and_silent() =>
        RuleVerifier.Verify(Family("10.2.0.0/24", "10.2.0.0/20", "10.1.0.0/16", "          - { destination_prefix_list: pl-1234, target: p }\n"), "PL2001");

    [Fact]
    public void Return_through_a_private_nat_gateway_that_routes_over_the_peering_counts() =>
        RuleVerifier.Verify(Nat("VpcPeeringConnectionId: !Ref Pcx", "10.1.0.0/16"), "PL2001");

    [Fact]
    public void Return_through_a_nat_gateway_whose_subnet_sends_elsewhere_is_reported()
    {
        // The NAT subnet sends B's range to the internet gateway: replies from subnet A (and the NAT subnet) never come back.
        var findings = RuleVerifier.Run(Nat("GatewayId: !Ref IgwA", "10.1.0.0/16"), "PL2001");
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.Contains("route table 'TableA' of 'VpcA' does not send 10.2.0.0/24 back"));
        Assert.Contains(findings, f => f.Message.Contains("route table 'TableNat' of 'VpcA' does not send 10.2.0.0/24 back"));
    }

    private static string Family(string returnRoute, string subnet2, string route2, string extra1 = "")
    {
        bool v6 = subnet2.Contains(':');
        string cidrs1 = v6 ? "cidr: 10.1.0.0/16\n    ipv6_cidr: 2600:1f18:1::/56" : "cidr: 10.1.0.0/16";
        string cidrs2 = v6 ? "cidr: 10.2.0.0/16\n    ipv6_cidr: 2600:1f18:2::/56" : "cidr: 10.2.0.0/16";
        string sub1 = v6 ? "{ name: sub1, cidr: 10.1.0.0/24, ipv6_cidr: 2600:1f18:1::/64, route_table: rtb1 }" : "{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }";
        string sub2 = v6 ? $"{{ name: sub2, cidr: 10.2.0.0/24, ipv6_cidr: {subnet2}, route_table: rtb2 }}" : $"{{ name: sub2, cidr: {subnet2}, route_table: rtb2 }}";
        string def = v6 ? "::/0" : "0.0.0.0/0";
        return $@"vpcs:
  - name: vpc1
    {cidrs1}
    internet_gateway: igw1
    subnets:
      - {sub1}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: {def}, target: igw1 }}
          - {{ destination: {returnRoute}, target: p }}
{extra1}  - name: vpc2
    {cidrs2}
    internet_gateway: igw2
    subnets:
      - {sub2}
    route_tables:
      - name: rtb2
        routes:
          - {{ destination: {def}, target: igw2 }}
          - {{ destination: {route2}, target: p }}
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2 }}
";
    }

    [Fact]
    public void Return_route_over_a_transit_gateway_is_not_proof_of_a_missing_return_and_silent()
    {
        // VPC B sends replies for VPC A to a transit gateway both are attached to: asymmetric, and it works when the TGW
        // route table delivers them (PL2011/PL2012 and reach judge that). A route to an internet gateway instead is proof.
        string viaTgw = Cfn("10.2.0.0/16", "10.1.0.0/16").Replace(
            "R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rtb2, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: !Ref Pcx}}",
            "R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rtb2, DestinationCidrBlock: 10.1.0.0/16, TransitGatewayId: tgw-0123456789abcdef0}}");
        Assert.Contains("TransitGatewayId: tgw-", viaTgw);
        Assert.Empty(RuleVerifier.Run(viaTgw, "PL2001"));
        Assert.Single(RuleVerifier.Run(viaTgw.Replace("TransitGatewayId: tgw-0123456789abcdef0", "GatewayId: igw-0123456789abcdef0"), "PL2001"));
    }

    private static string Cfn(string route1, string route2) => $@"Resources:
  Vpc1: {{Type: AWS::EC2::VPC, Properties: {{CidrBlock: 10.1.0.0/16}}}}
  Vpc2: {{Type: AWS::EC2::VPC, Properties: {{CidrBlock: 10.2.0.0/16}}}}
  Pcx: {{Type: AWS::EC2::VPCPeeringConnection, Properties: {{VpcId: !Ref Vpc1, PeerVpcId: !Ref Vpc2}}}}
  Rtb1: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref Vpc1}}}}
  Rtb2: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref Vpc2}}}}
  R1: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref Rtb1, DestinationCidrBlock: {route1}, VpcPeeringConnectionId: !Ref Pcx}}}}
  R2: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref Rtb2, DestinationCidrBlock: {route2}, VpcPeeringConnectionId: !Ref Pcx}}}}
";

    [Fact]
    public void Return_through_a_nat_gateway_whose_subnet_table_has_a_route_of_unknown_destination_is_unknown_and_silent()
    {
        // TableA sends the second half of B's subnet to the NAT gateway and nothing for the first; the NAT subnet's table has a route
        // whose destination is a parameter, so where the NAT sends the replies cannot be told: no finding, not a partial one.
        string doc = "Parameters:\n  Cidr: {Type: String}\n" + Nat("VpcPeeringConnectionId: !Ref Pcx", "10.1.0.0/16")
            .Replace("DestinationCidrBlock: 10.2.0.0/16, NatGatewayId", "DestinationCidrBlock: 10.2.0.128/25, NatGatewayId")
            + "  RouteUnknown: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref TableNat, DestinationCidrBlock: !Ref Cidr, GatewayId: !Ref IgwA}}\n";
        Assert.Empty(RuleVerifier.Run(doc, "PL2001"));
        var known = RuleVerifier.Run(doc.Replace("DestinationCidrBlock: !Ref Cidr", "DestinationCidrBlock: 192.168.0.0/16"), "PL2001");
        Assert.Contains(known, f => f.Message.Contains("route table 'TableA' of 'VpcA' does not send 10.2.0.0/25 (part of 10.2.0.0/24) back"));
    }

    private static string Nat(string target, string routeB)
    {
        return $@"Resources:
  VpcA: {{Type: AWS::EC2::VPC, Properties: {{CidrBlock: 10.1.0.0/16}}}}
  VpcB: {{Type: AWS::EC2::VPC, Properties: {{CidrBlock: 10.2.0.0/16}}}}
  IgwA: {{Type: AWS::EC2::InternetGateway}}
  IgwAttach: {{Type: AWS::EC2::VPCGatewayAttachment, Properties: {{VpcId: !Ref VpcA, InternetGatewayId: !Ref IgwA}}}}
  Pcx: {{Type: AWS::EC2::VPCPeeringConnection, Properties: {{VpcId: !Ref VpcA, PeerVpcId: !Ref VpcB}}}}
  SubnetA: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref VpcA, CidrBlock: 10.1.1.0/24}}}}
  SubnetNat: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref VpcA, CidrBlock: 10.1.0.0/24}}}}
  SubnetB: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref VpcB, CidrBlock: 10.2.0.0/24}}}}
  Nat: {{Type: AWS::EC2::NatGateway, Properties: {{ConnectivityType: private, SubnetId: !Ref SubnetNat}}}}
  TableA: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref VpcA}}}}
  TableNat: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref VpcA}}}}
  TableB: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref VpcB}}}}
  AssocA: {{Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {{SubnetId: !Ref SubnetA, RouteTableId: !Ref TableA}}}}
  AssocNat: {{Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {{SubnetId: !Ref SubnetNat, RouteTableId: !Ref TableNat}}}}
  AssocB: {{Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {{SubnetId: !Ref SubnetB, RouteTableId: !Ref TableB}}}}
  RouteA: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref TableA, DestinationCidrBlock: 10.2.0.0/16, NatGatewayId: !Ref Nat}}}}
  RouteNat: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref TableNat, DestinationCidrBlock: 10.2.0.0/16, {target}}}}}
  RouteB: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref TableB, DestinationCidrBlock: {routeB}, VpcPeeringConnectionId: !Ref Pcx}}}}
";
    }
}

/// <summary>
/// The rule shares work between routes (issue 17, fifth session): the source ranges and own blocks of the table whose
/// routes it is reading, and per peer VPC its blocks and, per destination, the tables that serve it. Each case below
/// gives a wrong answer if a shared piece is reused where it does not apply.
/// </summary>
public sealed class PL2001SharedWorkTests
{
    private const string TwoByTwo = @"vpcs:
  - name: vpc1
    cidr: [10.1.0.0/16, 10.3.0.0/16]
    subnets:
      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }
      - { name: sub1b, cidr: 10.1.1.0/24, route_table: rtb1b }
    route_tables:
      - name: rtb1
        routes:
ROUTES1      - name: rtb1b
        routes:
ROUTES1B  - name: vpc2
    cidr: [10.2.0.0/16, 10.4.0.0/16]
    subnets:
      - { name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }
      - { name: sub2b, cidr: 10.2.1.0/24, route_table: rtb2b }
      - { name: sub2c, cidr: 10.4.0.0/24, route_table: rtb2b }
    route_tables:
      - name: rtb2
        routes:
ROUTES2      - name: rtb2b
        routes:
ROUTES2B peerings:
  - name: p
    requester: vpc1
    accepter: vpc2
";

    private static string Doc(string routes1, string routes1b, string routes2, string routes2b) =>
        TwoByTwo.Replace("ROUTES1B", Lines(routes1b)).Replace("ROUTES1", Lines(routes1)).Replace("ROUTES2B ", Lines(routes2b)).Replace("ROUTES2", Lines(routes2));

    // A table needs a route: an empty one gets one outside both VPCs (PL2004's, not this rule's).
    private static string Lines(string routes) => routes.Length == 0 ? TwoVpcs.Route("192.168.0.0/16") : routes;

    /// <summary>Every finding as "table destination -> return table: uncovered", in order (both directions of the peering).</summary>
    private static string[] Run(string doc) =>
        RuleVerifier.Run(doc, "PL2001")
            .Select(f => f.Key.Split('|'))
            .Select(k => $"{k[0]} {k[1]} -> {k[3]}")
            .OrderBy(x => x, System.StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Two_destinations_into_one_peer_vpc_each_ask_the_tables_of_their_own_subnets()
    {
        // rtb1's route names sub2 (served by rtb2, which routes back); rtb1b's names sub2b (served by rtb2b, which does
        // not send sub1b back): the second destination must not reuse the first one's return tables.
        var findings = Run(Doc(TwoVpcs.Route("10.2.0.0/24"), TwoVpcs.Route("10.2.1.0/24"), TwoVpcs.Route("10.1.0.0/16"), TwoVpcs.Route("10.1.0.0/24")));
        Assert.Contains("rtb1b 10.2.1.0/24 -> rtb2b", findings);
        Assert.DoesNotContain(findings, f => f.StartsWith("rtb1 ", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Each_table_asks_with_its_own_source_subnet()
    {
        // Both tables route sub2b over p, and rtb1b also vpc2's secondary block; rtb2 and rtb2b send back only sub1's
        // range: rtb1's route is silent and rtb1b's (source sub1b) are not, so the source ranges are per table.
        var findings = Run(Doc(TwoVpcs.Route("10.2.1.0/24"), TwoVpcs.Route("10.2.1.0/24") + TwoVpcs.Route("10.4.0.0/16"), TwoVpcs.Route("10.1.0.0/24"), TwoVpcs.Route("10.1.0.0/24")));
        Assert.Equal(new[] { "rtb1b 10.2.1.0/24 -> rtb2b", "rtb1b 10.4.0.0/16 -> rtb2b" }, findings.Where(f => f.StartsWith("rtb1", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void A_table_serving_two_subnets_inside_the_destination_is_asked_once()
    {
        // 10.0.0.0/13 holds both of vpc2's blocks: sub2 uses rtb2 (routes back), sub2b and sub2c use rtb2b (does not),
        // which is one finding, not one per subnet.
        var findings = Run(Doc(TwoVpcs.Route("10.0.0.0/13"), string.Empty, TwoVpcs.Route("10.1.0.0/16"), string.Empty));
        Assert.Equal(new[] { "rtb1 10.0.0.0/13 -> rtb2b" }, findings.Where(f => f.StartsWith("rtb1", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void A_route_into_the_own_vpc_s_secondary_block_is_left_to_PL1002_and_the_peer_s_secondary_block_is_checked()
    {
        // 10.3.0.0/16 is vpc1's own (secondary) block: no finding for it. 10.4.0.0/16 is vpc2's secondary block, served
        // by rtb2b only.
        var findings = Run(Doc(TwoVpcs.Route("10.3.0.0/16") + TwoVpcs.Route("10.4.0.0/16"), string.Empty, TwoVpcs.Route("10.1.0.0/16"), string.Empty));
        Assert.Equal(new[] { "rtb1 10.4.0.0/16 -> rtb2b" }, findings.Where(f => f.StartsWith("rtb1", System.StringComparison.Ordinal)));
    }
}
