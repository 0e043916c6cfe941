using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Addressing;

public sealed class PL1003PeersOverlapEachOtherTests
{
    private static string Doc(string b, string c, string statusC = "active") => $@"vpcs:
  - {{ name: a, cidr: 10.10.0.0/16 }}
  - {{ name: b, cidr: {b} }}
  - {{ name: c, cidr: {c} }}
peerings:
  - name: a-b
    requester: a
    accepter: b
  - [|name: a-c
    requester: a
    accepter: c
    status: {statusC}|]
";

    [Theory]
    [InlineData("192.168.0.0/16", "192.168.0.0/16")]
    [InlineData("192.168.0.0/16", "192.168.4.0/22")]
    public void Two_peers_with_overlapping_blocks_are_reported(string b, string c) =>
        RuleVerifier.Verify(Doc(b, c), "PL1003");

    [Theory]
    [InlineData("192.168.0.0/17", "192.168.128.0/17")]
    [InlineData("10.1.255.0/24", "10.2.0.0/24")]
    public void Disjoint_peers_are_silent(string b, string c) =>
        RuleVerifier.Verify(Doc(b, c).Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1003");

    [Fact]
    public void Deleted_peering_does_not_count() =>
        RuleVerifier.Verify(Doc("192.168.0.0/16", "192.168.0.0/16", "deleted").Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1003");
}
