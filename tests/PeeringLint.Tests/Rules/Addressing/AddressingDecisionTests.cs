using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Addressing;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of an
/// addressing rule that the other tests left open.
/// </summary>
public sealed class PL1003DecisionTests
{
    /// <summary>A hub peered with the given peers (name, CIDR list in YAML), one connection each, in this order.</summary>
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

    private static Finding Single(string yaml) => Assert.Single(RuleVerifier.Run(yaml, "PL1003"));

    [Fact]
    public void Two_overlapping_peers_relate_the_first_connection_and_both_blocks()
    {
        var f = Single(Hub(("b", "192.168.0.0/16"), ("c", "192.168.4.0/22")));
        Assert.Equal(
            new[] { "peering connection 'hub-b'", "'b' CIDR block 192.168.0.0/16", "'c' CIDR block 192.168.4.0/22" },
            f.Related.Select(r => r.Message).ToArray());
        Assert.Contains("hub-b", f.Key);
        Assert.Contains("hub-c", f.Key);
    }

    [Fact]
    public void Exactly_as_many_peers_as_are_named_get_no_more_suffix()
    {
        var f = Single(Hub(("b", "192.168.0.0/16"), ("c", "192.168.0.0/16"), ("d", "192.168.0.0/16"), ("e", "192.168.0.0/16"), ("g", "192.168.0.0/16")));
        Assert.Contains("peered with 5 VPCs", f.Message);
        Assert.DoesNotContain("more", f.Message);
        Assert.Equal(4 + 5, f.Related.Count);
    }

    [Fact]
    public void Six_peers_name_five_and_relate_the_last_block_too()
    {
        var f = Single(Hub(("b", "192.168.0.0/16"), ("c", "192.168.0.0/16"), ("d", "192.168.0.0/16"), ("e", "192.168.0.0/16"), ("g", "192.168.0.0/16"), ("h", "192.168.0.0/16")));
        Assert.Contains(", and 1 more", f.Message);
        Assert.Equal(5 + 5 + 1, f.Related.Count);
        Assert.Equal("'h' CIDR block 192.168.0.0/16", f.Related[^1].Message);
    }

    [Fact]
    public void A_peer_with_more_than_three_overlapping_blocks_is_shortened()
    {
        var f = Single(Hub(("b", "[192.168.0.0/24, 192.168.1.0/24, 192.168.2.0/24, 192.168.3.0/24]"), ("c", "192.168.0.0/16")));
        Assert.Contains("192.168.2.0/24, …)", f.Message);
    }

    [Fact]
    public void A_peer_with_three_overlapping_blocks_is_named_in_full()
    {
        var f = Single(Hub(("b", "[192.168.0.0/24, 192.168.1.0/24, 192.168.2.0/24]"), ("c", "192.168.0.0/16")));
        Assert.Contains("192.168.2.0/24) over", f.Message);
    }
}

public sealed class PL1002DecisionTests
{
    private static string Doc(string destination, string target = "p") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: {destination}, target: {target} }}
  - name: vpc2
    cidr: 10.2.0.0/16
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2 }}
";

    [Fact]
    public void A_route_equal_to_the_own_block_says_equal_to()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc("10.1.0.0/16"), "PL1002"));
        Assert.Contains("is equal to its own VPC", f.Message);
    }

    [Fact]
    public void A_route_inside_the_own_block_says_inside()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc("10.1.5.0/24"), "PL1002"));
        Assert.Contains("is inside its own VPC", f.Message);
    }

    [Fact]
    public void A_route_to_an_internet_gateway_gets_no_peer_hint()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc("10.1.5.0/24", "igw-0123456789abcdef0"), "PL1002"));
        Assert.DoesNotContain("The peer", f.Message);
        Assert.False(f.Properties.ContainsKey("suggestedDestination"));
    }
}

public sealed class PL1004DecisionTests
{
    [Fact]
    public void A_malformed_ipv6_block_of_a_vpc_is_reported() =>
        RuleVerifier.Verify("vpcs:\n  - { name: a, cidr: 10.1.0.0/16, ipv6_cidr: [|\"2600:1f18::/129\"|] }\n", "PL1004");

    [Fact]
    public void A_malformed_subnet_block_is_reported_once_and_not_checked_against_its_vpc()
    {
        var f = RuleVerifier.Verify("vpcs:\n  - name: a\n    cidr: 10.1.0.0/16\n    subnets:\n      - { name: s1, cidr: [|\"10.9.0.0/33\"|] }\n", "PL1004");
        Assert.Contains("not a valid CIDR", f[0].Message);
    }

    [Fact]
    public void A_network_acl_entry_with_host_bits_is_a_warning_naming_the_range_matched()
    {
        var f = RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    network_acls:
      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: [|10.2.0.5/16|], action: allow }
", "PL1004");
        Assert.Equal(PeeringLint.Engine.Severity.Warning, f[0].Severity);
        Assert.Contains("matches all of 10.2.0.0/16", f[0].Message);
    }
}
