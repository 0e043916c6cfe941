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
