using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
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

/// <summary>More of PL1004's decisions: which blocks are checked, in which order overlapping subnets are told.</summary>
public sealed class PL1004CheckDecisionTests
{
    private static string Vpc(string subnets, string cidr = "10.1.0.0/16", string extra = "") =>
        $"vpcs:\n  - name: a\n    cidr: {cidr}\n    subnets:\n{subnets}{extra}";

    [Fact]
    public void A_subnet_smaller_than_a_slash_28_is_reported_for_its_size()
    {
        var f = RuleVerifier.Verify(Vpc("      - { name: s1, cidr: [|10.1.0.0/29|] }\n"), "PL1004");
        Assert.Contains("Subnet 's1' CIDR block 10.1.0.0/29 has a /29 prefix", f[0].Message);
    }

    [Fact]
    public void A_subnet_that_contains_an_earlier_one_is_reported_after_sorting_by_block()
    {
        // s1 (a /24) is declared first, s2 (the /20 around it) second: only sorting puts the /20 first and finds the overlap.
        var f = RuleVerifier.Verify(Vpc("      - { name: s1, cidr: 10.1.1.0/24 }\n      - { name: s2, cidr: [|10.1.0.0/20|] }\n"), "PL1004");
        Assert.Contains("Subnet 's2' (10.1.0.0/20) overlaps subnet 's1' (10.1.1.0/24)", f[0].Message);
    }

    [Fact]
    public void Many_equal_subnets_are_each_told_against_the_first_declared()
    {
        // More than 16 equal blocks: the sort is no longer an insertion sort, so only the tie-break on location keeps the first declared one first.
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            sb.Append("      - { name: s").Append(i).Append(", cidr: 10.1.0.0/24 }\n");
        }

        var findings = RuleVerifier.Run(Vpc(sb.ToString()), "PL1004");
        Assert.Equal(39, findings.Count);
        Assert.All(findings, f => Assert.EndsWith("overlaps subnet 's0' (10.1.0.0/24) in VPC 'a'; AWS rejects overlapping subnets.", f.Message));
    }

    [Fact]
    public void A_vpc_block_with_host_bits_is_reported_once_not_also_for_its_size()
    {
        var f = RuleVerifier.Verify("vpcs:\n  - { name: a, cidr: [|10.0.0.1/8|] }\n", "PL1004");
        Assert.Contains("has host bits set", f[0].Message);
    }

    [Fact]
    public void A_subnet_of_a_vpc_whose_block_is_malformed_is_not_said_to_lie_outside_it()
    {
        var f = RuleVerifier.Verify(Vpc("      - { name: s1, cidr: 10.1.0.0/24 }\n", "[|\"10.1.0.0/33\"|]"), "PL1004");
        Assert.Contains("not a valid CIDR", f[0].Message);
    }

    [Fact]
    public void An_ipv4_value_given_as_an_ipv6_block_is_told_the_family_expected()
    {
        var f = RuleVerifier.Verify("vpcs:\n  - { name: a, cidr: 10.1.0.0/16, ipv6_cidr: [|10.2.0.0/16|] }\n", "PL1004");
        Assert.Contains("is not an IPv6 block", f[0].Message);
    }

    [Fact]
    public void A_malformed_ipv6_block_of_a_subnet_is_reported() =>
        RuleVerifier.Verify(Vpc("      - { name: s1, cidr: 10.1.0.0/24, ipv6_cidr: [|\"2600:1f18::/129\"|] }\n"), "PL1004");

    [Fact]
    public void Outbound_rules_are_checked_and_rules_naming_groups_or_prefix_lists_are_skipped()
    {
        string groups = "    security_groups:\n      - name: web\n        egress:\n          - { type: https, destination: [|10.2.0.5/16|] }\n          - { type: https, destination: self }\n"
            + "        ingress:\n          - { type: https, source: self }\n    route_tables:\n      - name: rtb1\n        routes:\n          - { destination_prefix_list: pl-0123456789abcdef0, target: igw-0123456789abcdef0 }\n";
        var f = RuleVerifier.Verify(Vpc("      - { name: s1, cidr: 10.1.0.0/24 }\n", extra: groups), "PL1004");
        Assert.StartsWith("The outbound rule of security group 'web'", f[0].Message);
        Assert.Equal(Severity.Warning, f[0].Severity);
        Assert.Contains("so the rule matches all of 10.2.0.0/16", f[0].Message);
    }
}

public sealed class PL1001DecisionTests
{
    [Fact]
    public void An_overlap_on_a_live_peering_is_not_told_as_a_failed_request()
    {
        var f = Assert.Single(RuleVerifier.Run("vpcs:\n  - { name: a, cidr: 10.1.0.0/16 }\n  - { name: b, cidr: 10.1.0.0/16 }\npeerings:\n  - { name: p, requester: a, accepter: b }\n", "PL1001"));
        Assert.DoesNotContain("failed", f.Message);
        Assert.Contains("whose IPv4 CIDR blocks overlap", f.Message);
    }
}

public sealed class PL1002TargetDecisionTests
{
    [Fact]
    public void The_local_route_is_not_a_route_to_the_own_block()
    {
        string doc = "vpcs:\n  - name: vpc1\n    cidr: 10.1.0.0/16\n    route_tables:\n      - name: rtb1\n        routes:\n          - { destination: 10.1.0.0/16, target: local }\n";
        Assert.Empty(RuleVerifier.Run(doc, "PL1002"));
    }

    [Fact]
    public void The_rule_declares_its_code_fix() => Assert.True(PeeringLint.Rules.Addressing.PL1002RouteToOwnVpcCidr.Rule.HasCodeFix);
}

public sealed class PL1003PeerDecisionTests
{
    /// <summary>
    /// Peers told apart by a scan (few connections) and by a dictionary (padded past
    /// <see cref="PeeringLint.Rules.Addressing.PL1003PeersOverlapEachOther.ScanLimit"/> with disjoint peers): a VPC over two
    /// connections is one peer, two records of one connection to an unknown VPC are one peer, and a record without a VPC
    /// is its own peer even when it shares its id with a connection to a known VPC.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(40)]
    public void Small_and_large_hubs_tell_the_same_peers_apart(int filler)
    {
        var n = new PeeringLint.Tests.Reachability.Net();
        n.Vpc("hub", "10.250.0.0/16");
        n.Vpc("a", "10.1.0.0/16");
        n.Peering("p1", "hub", "a");
        n.Peering("p2", "a", "hub");
        for (int i = 0; i < filler; i++)
        {
            n.Vpc($"f{i}", $"172.20.{i}.0/24");
            n.Peering($"pf{i}", "hub", $"f{i}");
        }

        VpcPeeringConnection Unknown(string id, string? vpc, string cidr)
        {
            var p = new VpcPeeringConnection(id, n.Loc(id), new PeeringSide("hub", n.Loc(id + "/r")), new PeeringSide(vpc, n.Loc(id + "/a")) { Ipv4Cidrs = new[] { PeeringLint.Tests.Reachability.Net.C(cidr, n.Loc(id + "/cidr")) } })
            {
                Status = PeeringStatus.Active,
            };
            n.B.PeeringConnections.Add(p);
            return p;
        }

        Unknown("p3", null, "10.1.128.0/17");
        Unknown("p3", null, "10.1.128.0/17");
        Unknown("p4", "vpc-gone", "10.1.0.0/24");
        Unknown("p5", "vpc-gone", "10.1.0.0/24");
        Unknown("p1", null, "10.1.64.0/18");

        var f = Assert.Single(LintEngine.Run(n.Build(), new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { RuleCatalog.Find("PL1003")! }).Findings);
        Assert.Contains("peered with 4 VPCs", f.Message);
        Assert.Equal("hub|p1|10.1.0.0/16|p3|10.1.128.0/17|p4|10.1.0.0/24|p1|10.1.64.0/18", f.Key);
    }

    [Fact]
    public void Two_connections_to_the_same_vpc_are_one_peer()
    {
        string doc = "vpcs:\n  - { name: hub, cidr: 10.250.0.0/16 }\n  - { name: a, cidr: 10.1.0.0/16 }\npeerings:\n  - { name: p1, requester: hub, accepter: a }\n  - { name: p2, requester: a, accepter: hub }\n";
        Assert.Empty(RuleVerifier.Run(doc, "PL1003"));
    }
}
