using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Addressing;

public sealed class PL1004InvalidCidrTests
{
    [Theory]
    [InlineData("10.1.0.5/16", "host bits")]
    [InlineData("300.1.1.1/16", "not a valid CIDR")]
    [InlineData("10.1.0.0/33", "not a valid CIDR")]
    [InlineData("10.1.0.0", "not a valid CIDR")]
    [InlineData("10.0.0.0/8", "/8 prefix")]
    [InlineData("10.1.0.0/29", "/29 prefix")]
    [InlineData("::ffff:10.0.0.0/104", "not an IPv4")]
    public void Bad_vpc_blocks_are_reported(string cidr, string expected)
    {
        var findings = RuleVerifier.Verify($"vpcs:\n  - {{ name: a, cidr: \"[|{cidr}|]\" }}\n".Replace("\"[|", "[|\"").Replace("|]\"", "\"|]"), "PL1004");
        Assert.Contains(expected, findings[0].Message);
    }

    [Theory]
    [InlineData("10.1.0.0/16")]
    [InlineData("10.1.0.0/28")]
    [InlineData("172.31.0.0/16")]
    public void Valid_vpc_blocks_are_silent(string cidr) =>
        RuleVerifier.Verify($"vpcs:\n  - {{ name: a, cidr: {cidr} }}\n", "PL1004");

    [Fact]
    public void Subnet_outside_its_vpc_is_reported() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    subnets:
      - { name: s1, cidr: [|10.2.0.0/24|] }
", "PL1004");

    [Fact]
    public void Overlapping_subnets_are_reported_once_on_the_later_one() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    subnets:
      - { name: s1, cidr: 10.1.0.0/20 }
      - { name: s2, cidr: [|10.1.8.0/24|] }
      - { name: s3, cidr: 10.1.16.0/20 }
", "PL1004");

    [Fact]
    public void Subnets_of_two_vpcs_with_one_block_do_not_overlap_each_other_but_each_vpcs_own_do() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    subnets:
      - { name: a1, cidr: 10.1.0.0/16 }
  - name: b
    cidr: 10.1.0.0/16
    subnets:
      - { name: b1, cidr: 10.1.4.0/24 }
      - { name: b2, cidr: [|10.1.0.0/20|] }
      - { name: b3, cidr: [|10.1.4.0/26|] }
  - name: c
    cidr: 10.1.0.0/16
    subnets:
      - { name: c1, cidr: 10.1.4.0/24 }
", "PL1004");

    [Fact]
    public void Adjacent_subnets_are_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: [10.1.0.0/16, 10.2.0.0/16]
    subnets:
      - { name: s1, cidr: 10.1.255.0/24 }
      - { name: s2, cidr: 10.2.0.0/24 }
", "PL1004");

    [Fact]
    public void Malformed_route_and_rule_cidrs_are_reported() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    internet_gateway: igw
    route_tables:
      - name: r
        routes:
          - { destination: [|0.0.0.0/33|], target: igw }
    security_groups:
      - name: web
        ingress:
          - { type: ssh, source: [|203.0.113.7/24|] }
", "PL1004");

    [Fact]
    public void Host_bits_in_a_security_group_rule_are_a_warning_naming_the_normalized_range()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    security_groups:
      - name: web
        ingress:
          - { type: ssh, source: [|192.168.1.0/0|] }
", "PL1004");
        Assert.Equal(PeeringLint.Engine.Severity.Warning, findings[0].Severity);
        Assert.Contains("0.0.0.0/0", findings[0].Message);
    }
}
