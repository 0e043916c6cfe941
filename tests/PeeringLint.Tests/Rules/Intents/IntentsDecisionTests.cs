using System.Linq;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Intents;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of PL9001
/// that the other tests left open.
/// </summary>
public sealed class PL9001DecisionTests
{
    private const string Doc = @"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }
    route_tables:
      - name: rtb1
        routes:
          - { destination: 10.2.0.0/16, target: p }
    instances:
      - { name: i1, subnet: sub1, private_ip: 10.1.0.10 }
  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - { name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }
    route_tables:
      - name: rtb2
        routes:
          - { destination: 10.1.0.0/16, target: p }
    security_groups:
      - name: default
    instances:
      - { name: i2, subnet: sub2, private_ip: 10.2.0.20 }
peerings:
  - { name: p, requester: vpc1, accepter: vpc2, status: pending-acceptance }
intents:
  - { name: ping, from: i1, to: i2, protocol: icmp }
";

    [Fact]
    public void Every_blocking_hop_after_the_first_is_listed_and_related()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc, "PL9001"));
        Assert.Contains(" Further along the path, also: ", f.Message);
        Assert.EndsWith(".", f.Message);
        Assert.True(f.Related.Count >= 2, string.Join("; ", f.Related.Select(r => r.Message)));
        Assert.Contains(f.Related, r => r.Message.Contains("security group"));
    }

    [Fact]
    public void The_hops_property_numbers_each_hop_on_its_own_line_with_its_direction_and_reason_code()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc, "PL9001"));
        var lines = f.Properties["hops"].Split('\n');
        Assert.True(lines.Length >= 2, f.Properties["hops"]);
        for (int i = 0; i < lines.Length; i++)
        {
            string number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(lines[i].StartsWith(number + ". forward ", System.StringComparison.Ordinal) || lines[i].StartsWith(number + ". return ", System.StringComparison.Ordinal), lines[i]);
        }

        Assert.StartsWith("1. forward ", lines[0]);
        Assert.Contains(lines, l => l.Contains(". return ", System.StringComparison.Ordinal));

        Assert.Contains(lines, l => l.Contains("BLOCKED (", System.StringComparison.Ordinal));
    }

    [Fact]
    public void One_blocking_hop_gives_no_further_along_sentence_and_no_hop_is_assumed_on_a_routed_path()
    {
        var f = Assert.Single(RuleVerifier.Run(PL9001ConnectivityIntentBlockedTests.Doc("      - name: default\n"), "PL9001"));
        Assert.DoesNotContain("Further along", f.Message);
        Assert.EndsWith("; add an inbound rule All ICMP - IPv4 from 10.1.0.0/16 to security group 'default' (vpc2/default).", f.Message);
        Assert.DoesNotContain("[on the path", f.Properties["hops"]);
    }

    [Fact]
    public void The_second_blocking_reason_follows_the_first_sentence_without_a_separator()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc, "PL9001"));
        int further = f.Message.IndexOf(". Further along the path, also: ", System.StringComparison.Ordinal);
        Assert.True(further > 0, f.Message);
        string rest = f.Message.Substring(further + ". Further along the path, also: ".Length);
        Assert.False(rest.StartsWith(";", System.StringComparison.Ordinal), f.Message);
        Assert.StartsWith(f.Related[1].Message, rest);
    }

    [Fact]
    public void An_unknown_intent_is_reported_at_the_first_unknown_hop_with_its_code_and_reason()
    {
        string doc = PL9001ConnectivityIntentBlockedTests.Doc("      - name: default\n        ingress:\n          - { type: all-icmp-ipv4, source: pl-0e4bcff02b13bef1e }\n");
        var f = Assert.Single(RuleVerifier.Run(doc, "PL9001"));
        int groupLine = System.Array.FindIndex(doc.Split('\n'), l => l.Contains("pl-0e4bcff02b13bef1e")) - 1;
        Assert.Equal(groupLine, f.Location.StartLine);
        Assert.Contains("cannot be verified: cannot tell whether security group 'default' (vpc2/default) of instance 'i2' admits ICMP echo request", f.Message);
        Assert.Equal("UNKNOWN_VALUE", f.Properties["reasonCode"]);
    }

    [Fact]
    public void Three_blocking_hops_list_the_second_and_third_separated()
    {
        string doc = Doc.Replace("      - { name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }", "      - { name: sub2, cidr: 10.2.0.0/24, route_table: rtb2, network_acl: acl2 }")
            .Replace("    security_groups:\n      - name: default\n", "    network_acls:\n      - { name: acl2, inbound: [], outbound: [] }\n    security_groups:\n      - name: default\n");
        var f = Assert.Single(RuleVerifier.Run(doc, "PL9001"));
        string rest = f.Message.Substring(f.Message.IndexOf("also: ", System.StringComparison.Ordinal) + "also: ".Length);
        Assert.True(f.Related.Count >= 3, f.Message);
        Assert.StartsWith(f.Related[1].Message + "; " + f.Related[2].Message, rest);
    }

    [Fact]
    public void Hops_after_a_missing_route_are_marked_as_assumed()
    {
        string doc = PL9001ConnectivityIntentBlockedTests.Doc("      - name: default\n").Replace("          - { destination: 10.2.0.0/16, target: p }\n", string.Empty);
        var f = Assert.Single(RuleVerifier.Run(doc, "PL9001"));
        Assert.Contains(" [on the path the traffic would take once routed]", f.Properties["hops"]);
    }
}

/// <summary>PL9001's repair: which rule, on which group, for which block (the finding's fix, not only its text).</summary>
public sealed class PL9001RepairDecisionTests
{
    private static readonly string Closed = PL9001ConnectivityIntentBlockedTests.Doc("      - name: default\n");

    private static PeeringLint.Fixes.Repair? RepairOf(string doc) =>
        Assert.Single(RuleVerifier.Run(doc, "PL9001")).Repairs.SingleOrDefault();

    [Fact]
    public void A_peered_source_is_admitted_by_an_inbound_icmp_rule_from_its_vpc_block()
    {
        var r = Assert.IsType<PeeringLint.Fixes.AddIngressRule>(RepairOf(Closed));
        Assert.Equal(("icmp", -1, -1, "10.1.0.0/16", "ICMP for intent ping"), (r.Protocol, r.FromPort, r.ToPort, r.Cidr, r.Description));
        Assert.EndsWith("default", r.SecurityGroupId, System.StringComparison.Ordinal);
        Assert.Contains("vpc2", r.SecurityGroupId, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp", 22, "TCP 22 for intent ping")]
    [InlineData("udp", 53, "UDP 53 for intent ping")]
    public void A_tcp_or_udp_intent_is_admitted_on_its_one_port(string protocol, int port, string description)
    {
        var r = Assert.IsType<PeeringLint.Fixes.AddIngressRule>(RepairOf(Closed.Replace("protocol: icmp }", $"protocol: {protocol}, port: {port} }}")));
        Assert.Equal((protocol, port, port, "10.1.0.0/16", description), (r.Protocol, r.FromPort, r.ToPort, r.Cidr, r.Description));
    }

    [Fact]
    public void The_port_of_a_tcp_intent_is_a_property()
    {
        var f = Assert.Single(RuleVerifier.Run(Closed.Replace("protocol: icmp }", "protocol: tcp, port: 22 }"), "PL9001"));
        Assert.Equal("22", f.Properties["port"]);
        Assert.False(Assert.Single(RuleVerifier.Run(Closed, "PL9001")).Properties.ContainsKey("port"));
    }

    [Fact]
    public void An_intent_for_all_traffic_gets_no_fix()
    {
        // The intent without a protocol is all traffic: which protocol to open is a choice.
        string doc = Closed.Replace("  - { name: ping, from: i1, to: i2, protocol: icmp }", "  - { name: ping, from: i1, to: i2 }");
        Assert.NotEqual(Closed, doc);
        Assert.Null(RepairOf(doc));
    }

    [Fact]
    public void Two_groups_on_the_destination_get_no_fix()
    {
        string doc = PL9001ConnectivityIntentBlockedTests.Doc("      - name: web\n      - name: db\n")
            .Replace("      - { name: i2, subnet: sub2, private_ip: 10.2.0.20 }\n", "      - { name: i2, subnet: sub2, private_ip: 10.2.0.20, security_groups: [web, db] }\n");
        Assert.Null(RepairOf(doc));
    }

    [Fact]
    public void An_intent_from_the_internet_gets_no_fix()
    {
        string doc = Closed.Replace("from: i1, to: i2, protocol: icmp", "from: internet, to: i1, protocol: tcp, port: 22");
        Assert.Null(RepairOf(doc));
    }

    [Fact]
    public void A_source_vpc_with_two_blocks_gets_no_fix() =>
        Assert.Null(RepairOf(Closed.Replace("    cidr: 10.1.0.0/16\n", "    cidr: [10.1.0.0/16, 10.3.0.0/16]\n")));

    [Fact]
    public void Two_active_peerings_between_the_vpcs_still_give_the_fix() =>
        Assert.IsType<PeeringLint.Fixes.AddIngressRule>(RepairOf(Closed.Replace("status: active }\n", "status: active }\n  - { name: p2, requester: vpc2, accepter: vpc1 }\n")));

    [Fact]
    public void A_source_in_the_same_vpc_without_a_known_address_gets_no_fix()
    {
        string doc = PL9001ConnectivityIntentBlockedTests.Doc("      - name: web\n")
            .Replace("      - { name: i2, subnet: sub2, private_ip: 10.2.0.20 }\n", "      - { name: i2, subnet: sub2, private_ip: 10.2.0.20, security_groups: [web] }\n      - { name: i3, subnet: sub2, security_groups: [web] }\n")
            .Replace("from: i1, to: i2", "from: i3, to: i2");
        Assert.Null(RepairOf(doc));
    }

    [Fact]
    public void A_source_group_that_lets_nothing_out_gets_an_outbound_rule_to_the_destination_vpc_block()
    {
        string doc = PL9001ConnectivityIntentBlockedTests.Doc(PL9001ConnectivityIntentBlockedTests.IcmpOpen).Replace(
            "    instances:\n      - { name: i1,",
            "    security_groups:\n      - name: default\n        egress:\n          - { type: https, destination: 0.0.0.0/0 }\n    instances:\n      - { name: i1,");
        var r = Assert.IsType<PeeringLint.Fixes.AddEgressRule>(RepairOf(doc));
        Assert.Equal(("icmp", -1, -1, "10.2.0.0/16"), (r.Protocol, r.FromPort, r.ToPort, r.Cidr));
        Assert.Contains("vpc1", r.SecurityGroupId, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_in_the_same_vpc_is_admitted_by_its_own_address()
    {
        // A default group admits its own members: the two instances share a group without rules instead.
        string doc = PL9001ConnectivityIntentBlockedTests.Doc("      - name: web\n")
            .Replace("      - { name: i2, subnet: sub2, private_ip: 10.2.0.20 }\n", "      - { name: i2, subnet: sub2, private_ip: 10.2.0.20, security_groups: [web] }\n      - { name: i3, subnet: sub2, private_ip: 10.2.0.30, security_groups: [web] }\n")
            .Replace("from: i1, to: i2", "from: i3, to: i2");
        var r = Assert.IsType<PeeringLint.Fixes.AddIngressRule>(RepairOf(doc));
        Assert.Equal("10.2.0.30/32", r.Cidr);
    }

    [Fact]
    public void A_source_given_as_a_block_is_admitted_by_that_block()
    {
        var r = Assert.IsType<PeeringLint.Fixes.AddIngressRule>(RepairOf(Closed.Replace("from: i1, to: i2", "from: 10.1.0.0/24, to: i2")));
        Assert.Equal("10.1.0.0/24", r.Cidr);
    }
}

/// <summary>
/// PL9001's repair for a blocked inbound hop, asked directly: paths the input formats cannot express yet (a source in
/// another VPC reached without an active peering) and hops the engine does not produce (other reason codes).
/// </summary>
public sealed class PL9001GroupRepairDecisionTests
{
    private static PeeringLint.Fixes.Repair? Repair(string status, string from = "i1", string code = PeeringLint.Reachability.ReasonCodes.EniSgRulesMismatch)
    {
        var model = RuleVerifier.Load(PL9001ConnectivityIntentBlockedTests.Doc("      - name: default\n", status)).Model;
        var index = new PeeringLint.Engine.ModelIndex(model);
        var query = PeeringLint.Reachability.ReachabilityQuery.Create(index, from, "i2", "icmp", null, out string? error);
        Assert.True(query is not null, error);
        var group = index.SecurityGroup("vpc2/default")!;
        var hop = new PeeringLint.Reachability.Hop(PeeringLint.Reachability.HopKind.SecurityGroupIngress, PeeringLint.Reachability.HopDirection.Forward, group.Id, group.Label, group.Location, PeeringLint.Reachability.HopVerdict.Blocked, "blocked") { Code = code, Element = group };
        return PeeringLint.Rules.Intents.PL9001ConnectivityIntentBlocked.GroupRepair(index, query!, hop, "ping", ingress: true);
    }

    [Fact]
    public void A_source_vpc_joined_by_an_active_peering_is_admitted_by_its_block() =>
        Assert.Equal("10.1.0.0/16", Assert.IsType<PeeringLint.Fixes.AddIngressRule>(Repair("active")).Cidr);

    [Theory]
    [InlineData("pending-acceptance")]
    [InlineData("rejected")]
    public void A_source_vpc_without_an_active_peering_gets_no_fix(string status) => Assert.Null(Repair(status));

    [Fact]
    public void A_hop_blocked_for_another_reason_gets_no_fix() =>
        Assert.Null(Repair("active", code: PeeringLint.Reachability.ReasonCodes.UnknownValue));

    [Fact]
    public void A_source_block_of_the_other_family_gets_no_fix() => Assert.Null(Repair("active", from: "2001:db8::/32"));
}
