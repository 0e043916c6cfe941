using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2004TransitivePeeringRouteTests
{
    private static string Replacing(string destination, string extra = "") =>
        TwoVpcs.Doc(string.Empty, string.Empty).Replace(
            "          - { destination: 0.0.0.0/0, target: igw1 }\n",
            $"          - {{ destination: [|{destination}|], target: p }}\n{extra}");

    [Fact]
    public void Destination_with_nothing_of_the_peer_in_it_is_an_error()
    {
        var findings = RuleVerifier.Verify(Replacing("10.3.0.0/16"), "PL2004");
        Assert.Equal(Severity.Error, findings[0].Severity);
        Assert.Contains("'vpc2' has only 10.2.0.0/16", findings[0].Message);
    }

    [Theory]
    [InlineData("0.0.0.0/0", "sends all traffic (0.0.0.0/0) over 'p': traffic to 10.2.0.0/16 reaches 'vpc2', but the rest is dropped")]
    [InlineData("10.0.0.0/8", "sends 10.0.0.0/8 over 'p': traffic to 10.2.0.0/16 reaches 'vpc2', but the rest of 10.0.0.0/8 is dropped")]
    public void Destination_holding_the_peer_is_a_warning_that_says_what_works(string destination, string text)
    {
        // AWS's own example: a private VPC sends 0.0.0.0/0 over the peering. Traffic to the peer works; the rest is dropped.
        var findings = RuleVerifier.Verify(Replacing(destination), "PL2004");
        Assert.Equal(Severity.Warning, findings[0].Severity);
        Assert.Contains(text, findings[0].Message);
        Assert.Equal("10.2.0.0/16", findings[0].Properties["reaches"]);
    }

    [Fact]
    public void Part_of_the_peer_taken_elsewhere_by_a_more_specific_route_is_not_said_to_work()
    {
        var findings = RuleVerifier.Verify(Replacing("0.0.0.0/0", "          - { destination: 10.2.128.0/17, target: igw1 }\n"), "PL2004");
        Assert.Contains("traffic to 10.2.0.0/17 reaches 'vpc2'", findings[0].Message);
    }

    [Fact]
    public void Ipv6_default_route_over_the_peering_is_a_warning_naming_the_peer_ipv6_block()
    {
        string doc = Replacing("::/0").Replace("cidr: 10.2.0.0/16\n", "cidr: 10.2.0.0/16\n    ipv6_cidr: 2600:1f18:2::/56\n").Replace("cidr: 10.1.0.0/16\n", "cidr: 10.1.0.0/16\n    ipv6_cidr: 2600:1f18:1::/56\n");
        var findings = RuleVerifier.Verify(doc, "PL2004");
        Assert.Equal(Severity.Warning, findings[0].Severity);
        Assert.Contains("traffic to 2600:1f18:2::/56 reaches 'vpc2'", findings[0].Message);
    }

    [Fact]
    public void Ipv6_default_route_to_a_peer_without_ipv6_is_an_error()
    {
        string doc = Replacing("::/0").Replace("cidr: 10.1.0.0/16\n", "cidr: 10.1.0.0/16\n    ipv6_cidr: 2600:1f18:1::/56\n");
        var finding = RuleVerifier.Verify(doc, "PL2004")[0];
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("sends all traffic (::/0) over 'p', but 'vpc2' will not forward it", finding.Message);
        Assert.False(finding.Properties.ContainsKey("reaches"));
    }

    [Theory]
    [InlineData("10.2.0.0/16")]
    [InlineData("10.2.0.0/24")]
    public void Destinations_inside_the_peer_are_silent(string destination) =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route(destination), string.Empty), "PL2004");

    [Fact]
    public void Own_vpc_destination_is_left_to_PL1002() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.1.0.0/16"), string.Empty), "PL2004");

    [Theory]
    [InlineData("cidr: 10.9.0.0/16", "10.9.1.0/24", "[|10.8.0.0/16|]")]
    [InlineData("ipv6_cidr: 2600:1f18:9::/56", "2600:1f18:9:1::/64", "[|2600:1f18:8::/56|]")]
    public void An_external_peer_s_blocks_from_the_peering_record_decide_of_either_family(string block, string inside, string outside) =>
        RuleVerifier.Verify($@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    route_tables:
      - name: r
        routes:
          - {{ destination: {inside}, target: p }}
          - {{ destination: {outside}, target: p }}
peerings:
  - name: p
    requester: a
    accepter: {{ vpc: vpc-0ext, account: ""222222222222"", {block} }}
", "PL2004");

    [Fact]
    public void A_destination_inside_the_peer_vpc_s_ipv6_block_is_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("2600:1f18:2:1::/64") + TwoVpcs.Route("[|2600:1f18:3::/56|]"), string.Empty).Replace("    cidr: 10.2.0.0/16\n", "    cidr: 10.2.0.0/16\n    ipv6_cidr: 2600:1f18:2::/56\n"), "PL2004");

    [Fact]
    public void Unknown_peer_cidrs_are_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    route_tables:
      - name: r
        routes:
          - { destination: 0.0.0.0/0, target: p }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0ext }
", "PL2004");

    [Fact]
    public void Template_default_route_over_the_peering_from_a_private_vpc_is_a_warning()
    {
        var findings = RuleVerifier.Verify(@"Resources:
  Vpc1: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}
  Vpc2: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.2.0.0/16}}
  Pcx: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc1, PeerVpcId: !Ref Vpc2}}
  Rtb1: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc1}}
  R1: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Rtb1, DestinationCidrBlock: [|0.0.0.0/0|], VpcPeeringConnectionId: !Ref Pcx}}
", "PL2004");
        Assert.Equal(Severity.Warning, findings[0].Severity);
        Assert.Contains("traffic to 10.2.0.0/16 reaches 'Vpc2', but the rest is dropped", findings[0].Message);
    }
}
