using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Rules.Security;
using PeeringLint.Tests.Reachability;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of a
/// security rule that the other tests left open.
/// </summary>
public sealed class PL4005DecisionTests
{
    /// <summary>vpc1 (us-east-1) holds sg-0aaa1111bbbb2222c; vpc2 (eu-west-1) holds db with <paramref name="rules"/>.</summary>
    private static string Doc(string rules, string peerings = "peerings:\n  - { name: p, requester: vpc1, accepter: vpc2 }\n", string extraVpc = "") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    region: us-east-1
    security_groups:
      - {{ name: app, id: sg-0aaa1111bbbb2222c }}
  - name: vpc2
    cidr: 10.2.0.0/16
    region: eu-west-1
    security_groups:
      - {{ name: peer2, id: sg-0bbb2222cccc3333d }}
      - name: db
{rules}{extraVpc}{peerings}";

    [Fact]
    public void An_outbound_reference_across_regions_is_reported_as_outbound()
    {
        var f = RuleVerifier.Verify(Doc("        egress:\n          - [|{ type: all-icmp-ipv4, destination: sg-0aaa1111bbbb2222c }|]\n"), "PL4005");
        Assert.StartsWith("Outbound rule", f[0].Message);
    }

    [Fact]
    public void An_inbound_reference_across_regions_is_reported_as_inbound_with_the_peering()
    {
        var f = RuleVerifier.Verify(Doc("        ingress:\n          - [|{ type: all-icmp-ipv4, source: sg-0aaa1111bbbb2222c }|]\n"), "PL4005");
        Assert.StartsWith("Inbound rule", f[0].Message);
        Assert.Contains("inter-Region peering connection", Assert.Single(f[0].Related).Message);
    }

    [Fact]
    public void A_reference_across_regions_without_a_peering_names_the_regions_of_the_two_vpcs()
    {
        var f = RuleVerifier.Verify(Doc("        ingress:\n          - [|{ type: all-icmp-ipv4, source: sg-0aaa1111bbbb2222c }|]\n", peerings: string.Empty), "PL4005");
        Assert.Contains("(eu-west-1 and us-east-1)", f[0].Message);
        Assert.Empty(f[0].Related);
    }

    [Fact]
    public void A_reference_to_a_group_of_the_same_vpc_is_silent() =>
        RuleVerifier.Verify(Doc("        ingress:\n          - { type: all-icmp-ipv4, source: sg-0bbb2222cccc3333d }\n"), "PL4005");

    [Fact]
    public void A_same_region_peering_to_a_third_vpc_does_not_excuse_the_reference()
    {
        // vpc2 peers with vpc3 in its own Region; the referenced group is in vpc1, another Region, not peered.
        string vpc3 = "  - name: vpc3\n    cidr: 10.3.0.0/16\n    region: eu-west-1\n";
        RuleVerifier.Verify(
            Doc("        ingress:\n          - [|{ type: all-icmp-ipv4, source: sg-0aaa1111bbbb2222c }|]\n", "peerings:\n  - { name: q, requester: vpc2, accepter: vpc3 }\n", vpc3),
            "PL4005");
    }
}

public sealed class PL4001DecisionTests
{
    private static string Doc(string groups, string instanceGroups) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - {{ name: public1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 0.0.0.0/0, target: igw1 }}
    security_groups:
{groups}    instances:
      - {{ name: web1, subnet: public1, public_ip: auto{instanceGroups} }}
";

    [Fact]
    public void Two_closed_groups_are_named_together_without_the_default_group_hint()
    {
        var f = RuleVerifier.Verify(
            Doc("      - [|name: web|]\n      - name: admin\n        ingress:\n          - { type: ssh, source: 10.1.0.0/16 }\n", ", security_groups: [web, admin]"),
            "PL4001");
        Assert.Contains("its security groups 'web' (vpc1/web), 'admin' (vpc1/admin) admit no SSH", f[0].Message);
        Assert.DoesNotContain("default security group", f[0].Message);
    }

    [Fact]
    public void One_closed_group_that_is_not_the_default_gets_no_default_group_hint()
    {
        var f = RuleVerifier.Verify(Doc("      - [|name: web|]\n", ", security_groups: [web]"), "PL4001");
        Assert.Contains("its security group 'web' (vpc1/web) admits no SSH", f[0].Message);
        Assert.DoesNotContain("default security group", f[0].Message);
    }

    [Fact]
    public void A_second_group_open_to_the_internet_keeps_the_instance_reachable() =>
        RuleVerifier.Verify(
            Doc("      - name: web\n      - name: admin\n        ingress:\n          - { type: https, source: 0.0.0.0/0 }\n", ", security_groups: [web, admin]"),
            "PL4001");
}

public sealed class PL4003DecisionTests
{
    private static string Doc(string acl, string route = "          - { destination: 10.2.0.0/16, target: p }\n", string status = "active", string subnetAcl = ", network_acl: acl1") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1{subnetAcl} }}
    route_tables:
      - name: rtb1
        routes:
{route}    network_acls:
{acl}  - name: vpc2
    cidr: 10.2.0.0/16
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2, status: {status} }}
";

    private const string DenyAll = "      - name: acl1\n        inbound: []\n        outbound: []\n";

    [Fact]
    public void Both_directions_denied_give_one_outbound_and_one_inbound_finding_with_their_words()
    {
        var f = RuleVerifier.Run(Doc(DenyAll), "PL4003");
        Assert.Equal(2, f.Count);
        Assert.Contains(f, x => x.Message.Contains("blocks all outbound traffic to 10.2.0.0/16", System.StringComparison.Ordinal));
        Assert.Contains(f, x => x.Message.Contains("blocks all inbound traffic from 10.2.0.0/16", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("          - { destination: 10.2.0.0/16, target: p, state: blackhole }\n", "active")]
    [InlineData("          - { destination: 10.2.0.0/16, target: p }\n", "deleted")]
    [InlineData("          - { destination: 10.2.0.0/16, target: pcx-0123456789abcdef0 }\n", "active")]
    public void A_route_that_carries_nothing_over_a_live_peering_is_not_checked(string route, string status) =>
        RuleVerifier.Verify(Doc(DenyAll, route, status), "PL4003");

    [Fact]
    public void A_subnet_without_a_known_network_acl_is_not_checked() =>
        RuleVerifier.Verify(Doc(DenyAll, subnetAcl: string.Empty).Replace("    network_acls:\n" + DenyAll, string.Empty), "PL4003");

    [Fact]
    public void A_service_allowed_each_way_without_the_replies_names_both_directions_each_time()
    {
        var f = RuleVerifier.Run(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }
        outbound:
          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }
"), "PL4003");
        Assert.Equal(2, f.Count);
        Assert.Contains(f, x => x.Message.Contains("allows outbound", System.StringComparison.Ordinal) && x.Message.Contains(" to 10.2.0.0/16", System.StringComparison.Ordinal)
            && x.Message.Contains("blocks the inbound replies", System.StringComparison.Ordinal));
        Assert.Contains(f, x => x.Message.Contains("allows inbound", System.StringComparison.Ordinal) && x.Message.Contains(" from 10.2.0.0/16", System.StringComparison.Ordinal)
            && x.Message.Contains("blocks the outbound replies", System.StringComparison.Ordinal));
    }
}

/// <summary>PL4003's reply check: which allow entries stand for a service, and one finding per service.</summary>
public sealed class PL4003ReplyDecisionTests
{
    private static string Doc(string inbound) => PL4003NetworkAclBlocksPeeringTrafficTests.Doc($"      - name: acl1\n        inbound:\n{inbound}        outbound:\n          - {{ rule: 100, type: https, cidr: 10.2.0.0/16, action: allow }}\n");

    private static int Replies(string inbound) => RuleVerifier.Run(Doc(inbound), "PL4003").Count(f => f.Message.Contains("allows inbound", System.StringComparison.Ordinal) && f.Message.Contains("replies", System.StringComparison.Ordinal));

    [Fact]
    public void A_tcp_service_whose_replies_are_dropped_is_reported() =>
        Assert.Equal(1, Replies("          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }\n"));

    [Fact]
    public void Two_entries_for_the_same_service_give_one_finding() =>
        Assert.Equal(1, Replies("          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }\n          - { rule: 110, type: ssh, cidr: 10.2.0.0/16, action: allow }\n"));

    [Theory]
    [InlineData("          - { rule: 100, protocol: icmp, icmp_type: 8, cidr: 10.2.0.0/16, action: allow }\n")]
    [InlineData("          - { rule: 50, type: ssh, cidr: 10.2.0.0/16, action: deny }\n          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }\n")]
    [InlineData("          - { rule: 100, protocol: tcp, ports: 1000-1024, cidr: 10.2.0.0/16, action: allow }\n")]
    [InlineData("          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: deny }\n")]
    public void Icmp_ranges_reaching_the_ephemeral_ports_and_denies_are_no_service(string inbound) =>
        Assert.Equal(0, Replies(inbound));
}

public sealed class PL4003PairDecisionTests
{
    [Fact]
    public void Two_subnets_sharing_the_network_acl_give_one_finding_per_direction()
    {
        string doc = PL4003NetworkAclBlocksPeeringTrafficTests.Doc("      - name: acl1\n        inbound: []\n        outbound: []\n").Replace(
            "      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }\n",
            "      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }\n      - { name: sub2, cidr: 10.1.1.0/24, route_table: rtb1, network_acl: acl1 }\n");
        Assert.Contains("sub2", doc);
        Assert.Equal(2, RuleVerifier.Run(doc, "PL4003").Count);
    }
}

/// <summary>PL4003 finds a table's subnets and their ACLs once per table: every subnet and every peering route still counts.</summary>
public sealed class PL4003TableDecisionTests
{
    private const string DenyAll = "        inbound: []\n        outbound: []\n";

    [Fact]
    public void Two_subnets_of_one_table_with_their_own_acls_are_each_reported()
    {
        string doc = PL4003NetworkAclBlocksPeeringTrafficTests.Doc("      - name: acl1\n" + DenyAll + "      - name: acl2\n" + DenyAll).Replace(
            "      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }\n",
            "      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }\n      - { name: sub2, cidr: 10.1.1.0/24, route_table: rtb1, network_acl: acl2 }\n");
        var f = RuleVerifier.Run(doc, "PL4003");
        Assert.Equal(4, f.Count);
        Assert.Equal(2, f.Count(x => x.Message.StartsWith("Network ACL 'acl2' (vpc1/acl2) of subnet 'sub2' ", System.StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_peering_route_of_a_table_is_checked_and_a_shared_acl_is_named_with_its_first_subnet()
    {
        string doc = PL4003NetworkAclBlocksPeeringTrafficTests.Doc("      - name: acl1\n" + DenyAll).Replace(
            "      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }\n",
            "      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }\n      - { name: sub9, cidr: 10.1.9.0/24, route_table: rtb9, network_acl: acl1 }\n").Replace(
            "          - { destination: 10.2.0.0/16, target: p }\n",
            "          - { destination: 10.2.0.0/17, target: p }\n          - { destination: 10.2.128.0/17, target: p }\n      - name: rtb9\n        routes:\n          - { destination: 10.2.0.0/17, target: p }\n");
        var f = RuleVerifier.Run(doc, "PL4003");
        Assert.Equal(4, f.Count);
        Assert.All(f, x => Assert.StartsWith("Network ACL 'acl1' (vpc1/acl1) of subnet 'sub1' ", x.Message));
        Assert.Equal(2, f.Count(x => x.Message.Contains("10.2.128.0/17", System.StringComparison.Ordinal)));
    }
}

/// <summary>PL4003 reads the routes of a table whose VPC is not in the input itself (the shared list of peering routes leaves them out).</summary>
public sealed class PL4003PartialInputDecisionTests
{
    private static IReadOnlyList<Finding> Run(bool vpcInInput)
    {
        var n = new Net();
        if (vpcInInput)
        {
            n.Vpc("vpc-a", "10.1.0.0/16");
        }

        n.Vpc("vpc-b", "10.2.0.0/16");
        n.Vpc("vpc-c", "10.3.0.0/16");
        n.Subnet("sa", "vpc-a", "10.1.0.0/24");
        n.Subnet("sc", "vpc-c", "10.3.0.0/24");
        n.Peering("pcx-ab", "vpc-a", "vpc-b");
        n.Peering("pcx-cb", "vpc-c", "vpc-b");
        n.Table("rtb-a", "vpc-a", new[] { "sa" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
        n.Table("rtb-c", "vpc-c", new[] { "sc" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-cb"));
        n.Acl("acl-a", "vpc-a", new[] { "sa" });
        n.Acl("acl-c", "vpc-c", new[] { "sc" });
        var result = LintEngine.Run(n.Build(), new LintOptions { MaxDegreeOfParallelism = 1 }, new Rule[] { new PL4003NetworkAclBlocksPeeringTraffic() });
        Assert.Empty(result.Failures);
        return result.Findings;
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_table_is_checked_whether_or_not_its_vpc_is_in_the_input(bool vpcInInput)
    {
        // Both ACLs deny everything: each blocks both directions, in table order (vpc-a's table first).
        var f = Run(vpcInInput);
        Assert.Equal(4, f.Count);
        Assert.Equal(new[] { "acl-a", "acl-a", "acl-c", "acl-c" }, f.Select(x => x.ElementId).ToArray());
    }
}

public sealed class PL4001AddressDecisionTests
{
    [Fact]
    public void An_elastic_ip_is_named_in_the_message()
    {
        string doc = @"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - { name: public1, cidr: 10.1.0.0/24, route_table: rtb1 }
    route_tables:
      - name: rtb1
        routes:
          - { destination: 0.0.0.0/0, target: igw1 }
    security_groups:
      - name: web
    instances:
      - { name: web1, subnet: public1, security_groups: [web] }
elastic_ips:
  - { name: e1, public_ip: 198.51.100.7, instance: web1 }
";
        var f = Assert.Single(RuleVerifier.Run(doc, "PL4001"));
        Assert.Contains("198.51.100.7", f.Message);
        Assert.DoesNotContain("a public IPv4 address", f.Message);
    }
}

public sealed class PL4004DecisionTests
{
    private static string Doc(string rule) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    security_groups:
      - name: web
        ingress:
{rule}";

    [Theory]
    [InlineData("          - { type: ssh, source: 0.0.0.0/0 }\n", "admits SSH (TCP 22) from 0.0.0.0/0")]
    [InlineData("          - { type: all-traffic, source: 0.0.0.0/0 }\n", "admits all traffic from 0.0.0.0/0")]
    public void The_message_names_what_the_rule_admits(string rule, string what) =>
        Assert.Contains(what, Assert.Single(RuleVerifier.Run(Doc(rule), "PL4004")).Message);
}

/// <summary>PL4002's decisions, in the two-VPC document of <see cref="PL4002PeeringCarriesNothingTests"/> (vpc1 admits vpc2; vpc2's default group is given the rules).</summary>
public sealed class PL4002DecisionTests
{
    private static string Doc(string rules2 = "") => PL4002PeeringCarriesNothingTests.Doc(rules2);

    private const string I2 = "      - { name: i2, subnet: sub2 }\n";

    [Fact]
    public void The_closed_side_gets_an_inbound_icmp_rule_from_the_peer_block_on_its_first_group()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc(), "PL4002"));
        var r = Assert.IsType<PeeringLint.Fixes.AddIngressRule>(Assert.Single(f.Repairs));
        Assert.Equal(("vpc2/default", "icmp", -1, -1, "10.1.0.0/16", "ICMP from vpc1 over peering p"), (r.SecurityGroupId, r.Protocol, r.FromPort, r.ToPort, r.Cidr, r.Description));
        Assert.True(PeeringLint.Rules.Security.PL4002PeeringCarriesNothing.Rule.HasCodeFix);
        Assert.Contains("no security group of the 1 instance in 'vpc2' admits", f.Message);
    }

    [Fact]
    public void The_requester_side_is_checked_too()
    {
        string doc = Doc("        ingress:\n          - { type: all-traffic, source: 10.1.0.0/16 }\n").Replace("          - { type: all-traffic, source: 10.2.0.0/16 }\n", string.Empty);
        var f = Assert.Single(RuleVerifier.Run(doc, "PL4002"));
        Assert.Contains("in 'vpc1' admits any traffic from 'vpc2'", f.Message);
    }

    [Fact]
    public void A_side_without_instances_is_silent() =>
        Assert.Empty(RuleVerifier.Run(Doc().Replace("    instances:\n" + I2, string.Empty), "PL4002"));

    [Fact]
    public void The_group_to_open_is_the_first_instances_first_group_and_a_shared_group_is_read_once()
    {
        string doc = Doc("      - name: web\n").Replace(I2, "      - { name: i2, subnet: sub2, security_groups: [web] }\n      - { name: i3, subnet: sub2 }\n      - { name: i4, subnet: sub2 }\n");
        var f = Assert.Single(RuleVerifier.Run(doc, "PL4002"));
        Assert.Equal("vpc2/web", f.Properties["securityGroup"]);
        Assert.Contains("no security group of the 3 instances in 'vpc2'", f.Message);
    }

    [Fact]
    public void A_rule_from_elsewhere_admits_nothing_from_the_peer() =>
        Assert.Single(RuleVerifier.Run(Doc("        ingress:\n          - { type: all-traffic, source: 172.16.0.0/12 }\n"), "PL4002"));

    [Fact]
    public void A_rule_naming_a_group_of_the_peer_vpc_admits_the_peer()
    {
        string doc = Doc("        ingress:\n          - { type: all-traffic, source: sg-0aaa1111bbbb2222c }\n");
        int first = doc.IndexOf("      - name: default\n", System.StringComparison.Ordinal);
        doc = doc.Substring(0, first) + "      - name: default\n        id: sg-0aaa1111bbbb2222c\n" + doc.Substring(first + "      - name: default\n".Length);
        Assert.Empty(RuleVerifier.Run(doc, "PL4002"));
    }

    [Fact]
    public void A_rule_naming_a_group_the_input_does_not_have_may_admit_the_peer() =>
        Assert.Empty(RuleVerifier.Run(Doc("        ingress:\n          - { type: all-traffic, source: sg-0123456789abcdef0 }\n"), "PL4002"));

    [Fact]
    public void A_blackhole_route_does_not_count_as_routed()
    {
        string doc = Doc().Replace("          - { destination: 10.2.0.0/16, target: p }\n", "          - { destination: 10.2.0.0/16, target: p, state: blackhole }\n");
        Assert.Empty(RuleVerifier.Run(doc, "PL4002"));
    }

    /// <summary>vpc2 is a side of two peerings (p with vpc1, q with vpc3); its group admits <paramref name="admitted"/>.</summary>
    private static string Hub(string admitted) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 10.2.0.0/16, target: p }}
    security_groups:
      - name: default
        ingress:
          - {{ type: all-traffic, source: 10.2.0.0/16 }}
    instances:
      - {{ name: i1, subnet: sub1 }}
  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - {{ name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }}
    route_tables:
      - name: rtb2
        routes:
          - {{ destination: 10.1.0.0/16, target: p }}
          - {{ destination: 10.3.0.0/16, target: q }}
    security_groups:
      - name: default
        ingress:
          - {{ type: all-traffic, source: {admitted} }}
    instances:
      - {{ name: i2, subnet: sub2 }}
      - {{ name: i2b, subnet: sub2 }}
  - name: vpc3
    cidr: 10.3.0.0/16
    subnets:
      - {{ name: sub3, cidr: 10.3.0.0/24, route_table: rtb3 }}
    route_tables:
      - name: rtb3
        routes:
          - {{ destination: 10.2.0.0/16, target: q }}
    security_groups:
      - name: default
        ingress:
          - {{ type: all-traffic, source: 10.2.0.0/16 }}
    instances:
      - {{ name: i3, subnet: sub3 }}
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2 }}
  - {{ name: q, requester: vpc3, accepter: vpc2 }}
";

    [Theory]
    [InlineData("10.1.0.0/24", "q")]
    [InlineData("10.3.128.0/17", "p")]
    public void A_vpc_that_is_a_side_of_two_peerings_is_judged_per_peer(string admitted, string reported)
    {
        // What vpc2's instances admit is worked out once and asked of each peer: only the peer it admits nothing from is reported.
        var f = Assert.Single(RuleVerifier.Run(Hub(admitted), "PL4002"));
        Assert.StartsWith($"Peering connection '{reported}' ", f.Message);
        Assert.Contains("no security group of the 2 instances in 'vpc2'", f.Message);
    }

    [Fact]
    public void A_vpc_that_admits_both_peers_is_silent_on_both_peerings() =>
        Assert.Empty(RuleVerifier.Run(Hub("10.0.0.0/8"), "PL4002"));

    [Fact]
    public void A_group_of_a_later_instance_that_is_not_in_the_input_keeps_the_side_silent()
    {
        string doc = Doc().Replace(I2, I2 + "      - { name: i3, subnet: sub2, security_groups: [sg-0123456789abcdef0] }\n");
        Assert.Empty(RuleVerifier.Run(doc, "PL4002"));
    }

    [Fact]
    public void A_later_rule_that_admits_the_peer_keeps_the_side_silent()
    {
        string doc = Doc("        ingress:\n          - { type: ssh, source: 172.16.0.0/12 }\n          - { type: ssh, source: 192.168.0.0/16 }\n          - { type: ssh, source: 10.1.0.0/16 }\n");
        Assert.Empty(RuleVerifier.Run(doc, "PL4002"));
    }

    [Fact]
    public void A_later_route_of_the_same_side_that_misses_the_peer_does_not_undo_an_earlier_one()
    {
        string doc = Doc().Replace("          - { destination: 10.2.0.0/16, target: p }\n", "          - { destination: 10.2.0.0/16, target: p }\n          - { destination: 10.7.0.0/16, target: p }\n");
        Assert.Contains("10.7.0.0/16", doc);
        Assert.Single(RuleVerifier.Run(doc, "PL4002"));
    }

    [Fact]
    public void The_peer_tables_routes_do_not_route_this_side()
    {
        // vpc1 routes elsewhere; vpc2's 10.0.0.0/8 covers both VPCs but is vpc2's route, not vpc1's.
        string doc = PL4002PeeringCarriesNothingTests.Doc(string.Empty, route1: "10.3.0.0/16").Replace("          - { destination: 10.1.0.0/16, target: p }\n", "          - { destination: 10.0.0.0/8, target: p }\n");
        Assert.Empty(RuleVerifier.Run(doc, "PL4002"));
    }
}

/// <summary>More of PL4005's decisions, in the document of <see cref="PL4005DecisionTests"/>.</summary>
public sealed class PL4005RegionDecisionTests
{
    private const string Reference = "        ingress:\n          - [|{ type: all-icmp-ipv4, source: sg-0aaa1111bbbb2222c }|]\n";

    private static string Doc(string rules, string peerings = "peerings:\n  - { name: p, requester: vpc1, accepter: vpc2 }\n") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    region: us-east-1
    security_groups:
      - {{ name: app, id: sg-0aaa1111bbbb2222c }}
  - name: vpc2
    cidr: 10.2.0.0/16
    region: eu-west-1
    security_groups:
      - name: db
{rules}{peerings}";

    [Fact]
    public void Over_an_inter_region_peering_the_regions_are_named_in_the_peerings_order()
    {
        var f = RuleVerifier.Verify(Doc(Reference), "PL4005");
        Assert.Contains("in another Region (us-east-1 and eu-west-1)", f[0].Message);
    }

    [Fact]
    public void A_reference_to_another_vpc_of_the_same_region_without_a_peering_is_silent() =>
        RuleVerifier.Verify(Doc(Reference.Replace("[|", string.Empty).Replace("|]", string.Empty), string.Empty).Replace("region: eu-west-1", "region: us-east-1"), "PL4005");

    [Fact]
    public void A_reference_whose_own_region_is_unknown_is_not_reported_without_a_peering() =>
        RuleVerifier.Verify(Doc(Reference.Replace("[|", string.Empty).Replace("|]", string.Empty), string.Empty).Replace("    region: eu-west-1\n", string.Empty), "PL4005");
}
