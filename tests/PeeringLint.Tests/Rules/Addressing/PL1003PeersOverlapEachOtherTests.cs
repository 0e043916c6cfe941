using System.Linq;
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

public sealed class PL1003GroupTests
{
    /// <summary>A hub peered with the given peers (name, CIDR list in YAML).</summary>
    private static string Hub(params (string Name, string Cidr)[] peers)
    {
        var sb = new System.Text.StringBuilder("vpcs:\n  - { name: hub, cidr: 10.250.0.0/16 }\n");
        foreach (var (name, cidr) in peers)
        {
            sb.Append("  - { name: ").Append(name).Append(", cidr: ").Append(cidr).Append(" }\n");
        }

        sb.Append("peerings:\n");
        foreach (var (name, _) in peers)
        {
            sb.Append("  - { name: hub-").Append(name).Append(", requester: hub, accepter: ").Append(name).Append(" }\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void Four_hundred_peers_with_one_block_give_one_finding_with_capped_names_and_related_locations()
    {
        var peers = System.Linq.Enumerable.Range(0, 400).Select(i => ($"p{i:D3}", "10.2.0.0/16")).ToArray();
        var findings = RuleVerifier.Run(Hub(peers), "PL1003");
        var f = Assert.Single(findings);
        Assert.Contains("peered with 400 VPCs whose CIDR blocks overlap", f.Message);
        Assert.Contains("and 395 more", f.Message);
        Assert.DoesNotContain("p005", f.Message);
        Assert.True(f.Message.Length < 1000, f.Message);
        Assert.True(f.Related.Count <= 2 * 5 + 1, $"{f.Related.Count} related locations");
        Assert.Equal(2 + 400 + 1 + 400, f.Location.StartLine); // on the last peering connection
    }

    [Fact]
    public void Disjoint_groups_give_one_finding_each_and_a_peer_that_overlaps_nobody_stays_out()
    {
        var findings = RuleVerifier.Run(Hub(("a", "10.1.0.0/16"), ("b", "10.1.0.0/24"), ("c", "10.3.0.0/16"), ("d", "10.3.128.0/17"), ("e", "10.9.0.0/16")), "PL1003");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.DoesNotContain("'e'", f.Message));
        Assert.Contains(findings, f => f.Message.Contains("10.1.0.0/24") && !f.Message.Contains("10.3."));
        Assert.Contains(findings, f => f.Message.Contains("10.3.128.0/17") && !f.Message.Contains("10.1."));
    }

    [Fact]
    public void A_peer_with_two_blocks_joins_the_peers_each_block_overlaps_into_one_group()
    {
        var findings = RuleVerifier.Run(Hub(("x", "[10.1.0.0/16, 10.2.0.0/16]"), ("y", "10.1.0.0/16"), ("z", "10.2.4.0/24")), "PL1003");
        var f = Assert.Single(findings);
        Assert.Contains("peered with 3 VPCs", f.Message);
    }
}
