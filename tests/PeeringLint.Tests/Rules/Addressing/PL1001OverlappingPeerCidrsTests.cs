using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Addressing;

public sealed class PL1001OverlappingPeerCidrsTests
{
    private static string Doc(string a, string b, string status = "active") => $@"vpcs:
  - {{ name: a, cidr: {a} }}
  - {{ name: b, cidr: {b} }}
peerings:
  - [|name: p
    requester: a
    accepter: b
    status: {status}|]
";

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.128.0/17")]
    [InlineData("10.1.0.0/16", "10.1.0.0/16")]
    [InlineData("[10.1.0.0/16, 172.16.0.0/16]", "[10.2.0.0/16, 172.16.8.0/24]")]
    public void Overlapping_blocks_are_reported_on_the_peering(string a, string b) =>
        RuleVerifier.Verify(Doc(a, b), "PL1001");

    [Theory]
    [InlineData("10.1.0.0/16", "10.2.0.0/16")]
    [InlineData("10.1.255.0/24", "10.2.0.0/24")]
    [InlineData("10.1.0.0/16", "10.0.0.0/16")]
    public void Disjoint_blocks_are_silent(string a, string b) =>
        RuleVerifier.Verify(Doc(a, b).Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1001");

    [Fact]
    public void Rejected_peering_is_history_and_silent() =>
        RuleVerifier.Verify(Doc("10.1.0.0/16", "10.1.0.0/16", "rejected").Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1001");

    [Fact]
    public void External_peer_uses_the_cidr_the_peering_reports()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
peerings:
  - [|name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"", cidr: 10.1.128.0/17 }|]
", "PL1001");
        Assert.Contains("10.1.128.0/17", findings[0].Message);
    }

    [Fact]
    public void External_peer_without_cidr_is_unknown_and_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"" }
", "PL1001");

    [Fact]
    public void Ipv6_overlap_is_reported()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16, ipv6_cidr: 2600:1f18:1:100::/56 }
  - { name: b, cidr: 10.2.0.0/16, ipv6_cidr: 2600:1f18:1:100::/56 }
peerings:
  - [|name: p
    requester: a
    accepter: b|]
", "PL1001");
        Assert.Contains("IPv6", findings[0].Message);
    }
}
