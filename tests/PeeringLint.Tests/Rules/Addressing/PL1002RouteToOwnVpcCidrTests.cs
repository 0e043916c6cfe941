using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Addressing;

public sealed class PL1002RouteToOwnVpcCidrTests
{
    private const string Tail = @"  - name: vpc2
    cidr: 10.2.0.0/16
peerings:
  - { name: p, requester: vpc1, accepter: vpc2 }
";

    [Fact]
    public void Tutorial_typo_route_is_reported_at_the_destination()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    route_tables:
      - name: rtb1
        routes:
          - { destination: [|10.1.0.0/16|], target: p }
" + Tail, "PL1002");
        Assert.Contains("10.2.0.0/16", findings[0].Message);
        Assert.Equal("10.2.0.0/16", findings[0].Properties["suggestedDestination"]);
    }

    [Fact]
    public void More_specific_than_own_block_is_reported() =>
        RuleVerifier.Verify(@"vpcs:
  - name: vpc1
    cidr: [10.1.0.0/16, 100.64.0.0/16]
    internet_gateway: igw
    route_tables:
      - name: rtb1
        routes:
          - { destination: [|100.64.3.0/24|], target: igw }
" + Tail, "PL1002");

    [Theory]
    [InlineData("10.2.0.0/16")]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.1.0.0/15")]
    public void Peer_cidr_or_wider_blocks_are_silent(string destination) =>
        RuleVerifier.Verify($@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: {destination}, target: p }}
" + Tail, "PL1002");

    [Fact]
    public void Middlebox_targets_are_allowed_more_specific_routes() =>
        RuleVerifier.Verify(@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    route_tables:
      - name: rtb1
        routes:
          - { destination: 10.1.1.0/24, target: eni-0123456789abcdef0 }
" + Tail, "PL1002");

    [Fact]
    public void Ignored_route_is_suppressed_not_dropped()
    {
        var (text, _) = Markup.Parse(@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    route_tables:
      - name: rtb1
        routes:
          - { destination: 10.1.0.0/16, target: p, ignore: [PL1002] }
" + Tail);
        var findings = RuleVerifier.Run(text, "PL1002");
        var f = Assert.Single(findings);
        Assert.True(f.IsSuppressed);
    }
}
