using System;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The decisions of <see cref="SecurityGroupEvaluator"/>: which rule list (ingress or egress) is read, which rule of
/// which group admits, why the answer is unknown (the first reason wins), and how a rule's peer — a block, a prefix
/// list or a referenced group (same VPC, peered VPC in the same Region, a range that may hold members) — covers the
/// other end (mutation testing, issue 22; docs/quality.md). vpc-a 10.1.0.0/16 and vpc-b 10.2.0.0/16.
/// </summary>
public sealed class SecurityGroupDecisionTests
{
    private static readonly Traffic Ssh = new(Traffic.Tcp, 22, 22, null);
    private static readonly SourceLocation L = SourceLocation.None;

    private static Cidr C(string text)
    {
        Assert.NotEqual(CidrParseStatus.Malformed, Cidr.TryParse(text, out var c, out _));
        return c;
    }

    private static SecurityGroupRule Rule(int? protocol, int? from, int? to, string? cidr, RuleDirection dir = RuleDirection.Ingress) =>
        new(L, dir, protocol, from, to, SgPeerKind.Cidr) { Cidr = cidr is null ? CidrValue.Unknown(L) : CidrValue.Parse(cidr, L) };

    private static SecurityGroupRule Ref(string? group, string? groupVpc = null) =>
        new(L, RuleDirection.Ingress, Traffic.Tcp, 22, 22, SgPeerKind.SecurityGroup) { GroupId = group, GroupVpcId = groupVpc };

    private static SecurityGroupRule ToList(string? list) =>
        new(L, RuleDirection.Ingress, Traffic.Tcp, 22, 22, SgPeerKind.PrefixList) { PrefixListId = list };

    private static SecurityGroup G(string id, string? vpc, SecurityGroupRule[] ingress, SecurityGroupRule[]? egress = null, bool incomplete = false) =>
        new(id, L, vpc) { Ingress = ingress, Egress = egress ?? Array.Empty<SecurityGroupRule>(), RulesIncomplete = incomplete };

    /// <summary>A model with the two VPCs, the given peerings, groups and prefix lists.</summary>
    private static ReachabilityIndex Ri(Action<Net>? configure = null)
    {
        var n = new Net();
        n.Vpc("vpc-a", "10.1.0.0/16");
        n.Vpc("vpc-b", "10.2.0.0/16");
        configure?.Invoke(n);
        return ReachabilityIndex.For(n.Index());
    }

    private static Vpc V(ReachabilityIndex ri, string id) => ri.Index.Vpcs[id];

    private static Host Member(Vpc? vpc, string ip, SecurityGroup[]? groups = null, string[]? groupIds = null, string? groupsUnknown = null) =>
        new(Endpoint.ForCidr(C(ip + "/32")), C(ip + "/32"))
        {
            Vpc = vpc,
            Element = new Instance("i-" + ip, L, null),
            Groups = groups ?? Array.Empty<SecurityGroup>(),
            GroupIds = groupIds ?? Array.Empty<string>(),
            GroupsUnknown = groupsUnknown,
        };

    private static Host Range(Vpc? vpc, string cidr) => new(Endpoint.ForCidr(C(cidr)), C(cidr)) { Vpc = vpc };

    private static Host Outside(string cidr) => new(Endpoint.ForCidr(C(cidr)), C(cidr)) { External = true };

    private static SgDecision Ingress(ReachabilityIndex ri, SecurityGroup[] groups, Host remote, Traffic? traffic = null) =>
        SecurityGroupEvaluator.Evaluate(ri, Member(V(ri, "vpc-a"), "10.1.0.10", groups), true, remote, traffic ?? Ssh);

    // --- Evaluate: the rule lists, the first rule that admits, the reasons of an unknown answer.

    [Fact]
    public void Groups_that_cannot_be_determined_make_the_answer_unknown_with_their_reason()
    {
        var ri = Ri();
        var self = Member(V(ri, "vpc-a"), "10.1.0.10", new[] { G("sg-1", "vpc-a", new[] { Rule(-1, null, null, "0.0.0.0/0") }) }, groupsUnknown: "no groups");
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "no groups"), SecurityGroupEvaluator.Evaluate(ri, self, true, Outside("203.0.113.5/32"), Ssh));
    }

    [Fact]
    public void Inbound_reads_the_ingress_rules_and_outbound_the_egress_rules()
    {
        var ri = Ri();
        var inRule = Rule(Traffic.Tcp, 22, 22, "10.2.0.0/16");
        var outRule = Rule(Traffic.Udp, 53, 53, "10.2.0.0/16", RuleDirection.Egress);
        var g = G("sg-1", "vpc-a", new[] { inRule }, new[] { outRule });
        var self = Member(V(ri, "vpc-a"), "10.1.0.10", new[] { g });
        var remote = Range(V(ri, "vpc-b"), "10.2.0.0/24");
        var dns = new Traffic(Traffic.Udp, 53, 53, null);
        Assert.Equal(new SgDecision(Tri.Yes, g, inRule, null), SecurityGroupEvaluator.Evaluate(ri, self, true, remote, Ssh));
        Assert.Equal(new SgDecision(Tri.No, null, null, null), SecurityGroupEvaluator.Evaluate(ri, self, false, remote, Ssh));
        Assert.Equal(new SgDecision(Tri.Yes, g, outRule, null), SecurityGroupEvaluator.Evaluate(ri, self, false, remote, dns));
        Assert.Equal(new SgDecision(Tri.No, null, null, null), SecurityGroupEvaluator.Evaluate(ri, self, true, remote, dns));
    }

    [Fact]
    public void The_first_rule_of_the_first_group_that_admits_is_named()
    {
        var ri = Ri();
        var admits = Rule(Traffic.Tcp, 0, 1000, "10.2.0.0/16");
        var first = G("sg-1", "vpc-a", new[] { Rule(Traffic.Udp, 22, 22, "10.2.0.0/16"), Rule(Traffic.Tcp, 22, 22, "10.3.0.0/16") });
        var second = G("sg-2", "vpc-a", new[] { Rule(Traffic.Tcp, 80, 80, "10.2.0.0/16"), admits, Rule(-1, null, null, "0.0.0.0/0") });
        Assert.Equal(new SgDecision(Tri.Yes, second, admits, null), Ingress(ri, new[] { first, second }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_rule_that_may_cover_does_not_stop_a_later_rule_from_admitting()
    {
        var ri = Ri();
        var admits = Rule(Traffic.Tcp, 22, 22, "10.2.0.0/16");
        var g = G("sg-1", "vpc-a", new[] { Rule(null, 22, 22, "10.2.0.0/16"), Rule(Traffic.Tcp, 22, 22, null), admits });
        Assert.Equal(new SgDecision(Tri.Yes, g, admits, null), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_rule_whose_protocol_is_unknown_makes_the_answer_unknown()
    {
        var ri = Ri();
        var g = G("sg-1", "vpc-a", new[] { Rule(null, 22, 22, "10.2.0.0/16") });
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule of 'sg-1' may cover part of the traffic"), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_rule_whose_block_is_unknown_gives_its_own_reason()
    {
        var ri = Ri();
        var g = G("sg-1", "vpc-a", new[] { Rule(Traffic.Tcp, 22, 22, null) });
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule's CIDR is unknown"), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_rule_without_a_block_and_a_malformed_block_are_unknown()
    {
        var ri = Ri();
        var none = new SecurityGroupRule(L, RuleDirection.Ingress, Traffic.Tcp, 22, 22, SgPeerKind.Cidr);
        var bad = Rule(Traffic.Tcp, 22, 22, "not a block");
        foreach (var r in new[] { none, bad })
        {
            var g = G("sg-1", "vpc-a", new[] { r });
            Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule's CIDR is unknown"), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
        }
    }

    [Fact]
    public void A_block_that_covers_part_of_the_range_makes_the_answer_unknown()
    {
        var ri = Ri();
        var g = G("sg-1", "vpc-a", new[] { Rule(Traffic.Tcp, 22, 22, "10.2.0.0/25") });
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule of 'sg-1' may cover part of the traffic"), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void The_first_reason_of_several_is_kept()
    {
        var ri = Ri();
        var g1 = G("sg-1", "vpc-a", new[] { Rule(Traffic.Tcp, 22, 22, null), Rule(null, 22, 22, "10.2.0.0/16") }, incomplete: true);
        var g2 = G("sg-2", "vpc-a", new[] { Rule(null, 22, 22, "10.2.0.0/16") }, incomplete: true);
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule's CIDR is unknown"), Ingress(ri, new[] { g1, g2 }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule of 'sg-2' may cover part of the traffic"), Ingress(ri, new[] { g2, g1 }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_group_that_may_have_rules_the_input_does_not_show_is_unknown_unless_another_admits()
    {
        var ri = Ri();
        var partial = G("sg-1", "vpc-a", Array.Empty<SecurityGroupRule>(), incomplete: true);
        var admits = Rule(Traffic.Tcp, 22, 22, "0.0.0.0/0");
        var open = G("sg-2", "vpc-a", new[] { admits });
        var remote = Range(V(ri, "vpc-b"), "10.2.0.0/24");
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "'sg-1' may have rules the input does not show"), Ingress(ri, new[] { partial }, remote));
        Assert.Equal(new SgDecision(Tri.Yes, open, admits, null), Ingress(ri, new[] { partial, open }, remote));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "'sg-1' may have rules the input does not show"), Ingress(ri, new[] { G("sg-0", "vpc-a", Array.Empty<SecurityGroupRule>()), partial }, remote));
    }

    [Fact]
    public void No_admitting_rule_and_nothing_unknown_is_a_no()
    {
        var ri = Ri();
        var g = G("sg-1", "vpc-a", new[] { Rule(Traffic.Tcp, 80, 80, "0.0.0.0/0"), Rule(Traffic.Tcp, 22, 22, "10.3.0.0/16") });
        Assert.Equal(new SgDecision(Tri.No, null, null, null), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
        Assert.Equal(new SgDecision(Tri.No, null, null, null), Ingress(ri, Array.Empty<SecurityGroup>(), Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_rule_whose_peer_is_unknown_is_unknown()
    {
        var ri = Ri();
        var g = G("sg-1", "vpc-a", new[] { new SecurityGroupRule(L, RuleDirection.Ingress, Traffic.Tcp, 22, 22, SgPeerKind.Unknown) });
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule's source or destination is unknown"), Ingress(ri, new[] { g }, Outside("203.0.113.5/32")));
    }

    [Fact]
    public void A_rule_whose_peer_is_unknown_but_whose_ports_do_not_match_is_passed_over()
    {
        var ri = Ri();
        var g = G("sg-1", "vpc-a", new[] { new SecurityGroupRule(L, RuleDirection.Ingress, Traffic.Tcp, 80, 80, SgPeerKind.Unknown) });
        Assert.Equal(new SgDecision(Tri.No, null, null, null), Ingress(ri, new[] { g }, Outside("203.0.113.5/32")));
    }

    // --- Prefix lists.

    private static ReachabilityIndex WithList(params CidrValue[] entries) => WithList(true, entries);

    private static ReachabilityIndex WithList(bool known, params CidrValue[] entries) =>
        Ri(n => n.B.Of<PrefixList>().Add(new PrefixList("pl-1", L) { Entries = entries, EntriesKnown = known }));

    private static CidrValue P(string text) => CidrValue.Parse(text, L);

    [Fact]
    public void A_prefix_list_that_is_not_named_or_not_in_the_input_is_unknown()
    {
        var ri = WithList(P("10.2.0.0/16"));
        var remote = Range(V(ri, "vpc-b"), "10.2.0.0/24");
        Assert.Equal(Tri.Unknown, SecurityGroupEvaluator.PrefixListMatches(ri, null, remote, out var why));
        Assert.Equal("the entries of prefix list '?' are not in the input", why);
        Assert.Equal(Tri.Unknown, SecurityGroupEvaluator.PrefixListMatches(ri, "pl-9", remote, out why));
        Assert.Equal("the entries of prefix list 'pl-9' are not in the input", why);
        Assert.Equal(Tri.Yes, SecurityGroupEvaluator.PrefixListMatches(ri, "pl-1", remote, out why));
        Assert.Null(why);
    }

    [Fact]
    public void A_prefix_list_whose_entries_are_not_listed_is_unknown()
    {
        var ri = WithList(false, P("10.2.0.0/16"));
        Assert.Equal(Tri.Unknown, SecurityGroupEvaluator.PrefixListMatches(ri, "pl-1", Range(V(ri, "vpc-b"), "10.2.0.0/24"), out var why));
        Assert.Equal("the entries of prefix list 'pl-1' are not in the input", why);
    }

    [Fact]
    public void A_prefix_list_admits_through_any_entry_that_covers_the_range_and_skips_malformed_entries()
    {
        var ri = WithList(P("not a block"), P("10.3.0.0/16"), P("10.2.0.0/25"), P("10.2.0.0/16"));
        Assert.Equal(Tri.Yes, SecurityGroupEvaluator.PrefixListMatches(ri, "pl-1", Range(V(ri, "vpc-b"), "10.2.0.0/24"), out var why));
        Assert.Null(why);
    }

    [Fact]
    public void A_prefix_list_without_a_covering_entry_does_not_admit()
    {
        var ri = WithList(P("not a block"), P("10.3.0.0/16"), P("10.1.0.0/16"));
        Assert.Equal(Tri.No, SecurityGroupEvaluator.PrefixListMatches(ri, "pl-1", Range(V(ri, "vpc-b"), "10.2.0.0/24"), out var why));
        Assert.Null(why);
        Assert.Equal(new SgDecision(Tri.No, null, null, null), Ingress(ri, new[] { G("sg-1", "vpc-a", new[] { ToList("pl-1") }) }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_prefix_list_entry_that_covers_part_of_the_range_is_unknown()
    {
        var ri = WithList(P("10.2.0.0/25"), P("10.3.0.0/16"));
        Assert.Equal(Tri.Unknown, SecurityGroupEvaluator.PrefixListMatches(ri, "pl-1", Range(V(ri, "vpc-b"), "10.2.0.0/24"), out var why));
        Assert.Equal("prefix list 'pl-1' covers only part of 10.2.0.0/24, or has entries the input does not resolve", why);
    }

    [Fact]
    public void A_prefix_list_with_an_unresolved_entry_is_unknown_unless_another_entry_covers()
    {
        var unresolved = WithList(P("10.3.0.0/16"), CidrValue.Unknown(L));
        Assert.Equal(Tri.Unknown, SecurityGroupEvaluator.PrefixListMatches(unresolved, "pl-1", Member(null, "10.2.0.5"), out var why));
        Assert.Equal("prefix list 'pl-1' covers only part of 10.2.0.5, or has entries the input does not resolve", why);
        var covered = WithList(CidrValue.Unknown(L), P("10.2.0.0/16"));
        Assert.Equal(Tri.Yes, SecurityGroupEvaluator.PrefixListMatches(covered, "pl-1", Member(null, "10.2.0.5"), out why));
        Assert.Null(why);
    }

    [Fact]
    public void A_rule_naming_a_prefix_list_admits_through_it()
    {
        var ri = WithList(P("10.2.0.0/16"));
        var r = ToList("pl-1");
        var g = G("sg-1", "vpc-a", new[] { r });
        Assert.Equal(new SgDecision(Tri.Yes, g, r, null), Ingress(ri, new[] { g }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "the entries of prefix list 'pl-2' are not in the input"), Ingress(ri, new[] { G("sg-1", "vpc-a", new[] { ToList("pl-2") }) }, Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    // --- Referenced groups.

    private static SgDecision ByRef(ReachabilityIndex ri, SecurityGroupRule rule, Host remote, Vpc? selfVpc = null, bool selfWithoutVpc = false)
    {
        var g = G("sg-self", "vpc-a", new[] { rule });
        var self = Member(selfWithoutVpc ? null : selfVpc ?? V(ri, "vpc-a"), "10.1.0.10", new[] { g });
        return SecurityGroupEvaluator.Evaluate(ri, self, true, remote, Ssh);
    }

    private static Tri AllowedByRef(ReachabilityIndex ri, SecurityGroupRule rule, Host remote) => ByRef(ri, rule, remote).Allowed;

    [Fact]
    public void A_reference_to_an_unnamed_group_is_unknown() =>
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "a rule references an unknown security group"), ByRef(Ri(), Ref(null), Outside("203.0.113.5/32")));

    [Fact]
    public void A_group_reference_never_admits_the_internet() =>
        Assert.Equal(new SgDecision(Tri.No, null, null, null), ByRef(Ri(), Ref("sg-x", "vpc-a"), Outside("10.1.0.0/24")));

    [Fact]
    public void A_range_in_another_vpc_than_the_referenced_group_is_not_in_it()
    {
        var ri = Ri(n => n.Group("sg-x", "vpc-a", null, Array.Empty<SecurityGroupRule>()));
        Assert.Equal(new SgDecision(Tri.No, null, null, null), ByRef(ri, Ref("sg-x"), Range(V(ri, "vpc-b"), "10.2.0.0/24")));

        // The group's own record wins over the VPC the rule names.
        Assert.Equal(new SgDecision(Tri.No, null, null, null), ByRef(ri, Ref("sg-x", "vpc-b"), Range(V(ri, "vpc-b"), "10.2.0.0/24")));

        // A group not in the input: the VPC the rule names.
        Assert.Equal(new SgDecision(Tri.No, null, null, null), ByRef(ri, Ref("sg-y", "vpc-a"), Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_range_that_may_hold_members_of_the_referenced_group_is_unknown()
    {
        var ri = Ri(n => n.Group("sg-x", "vpc-b", null, Array.Empty<SecurityGroupRule>()));
        const string Why = "whether addresses in 10.2.0.0/24 belong to security group 'sg-x' is not known";
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, Why), ByRef(ri, Ref("sg-x"), Range(V(ri, "vpc-b"), "10.2.0.0/24")));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, Why), ByRef(ri, Ref("sg-x", "vpc-a"), Range(V(ri, "vpc-b"), "10.2.0.0/24")));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, Why), ByRef(ri, Ref("sg-x"), Range(null, "10.2.0.0/24")));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "whether addresses in 10.2.0.0/24 belong to security group 'sg-z' is not known"), ByRef(ri, Ref("sg-z"), Range(V(ri, "vpc-b"), "10.2.0.0/24")));
    }

    [Fact]
    public void A_host_whose_groups_are_unknown_is_unknown_with_their_reason()
    {
        var ri = Ri();
        var remote = Member(V(ri, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-x" }, groupsUnknown: "the groups of 'i-2' are not in the input");
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, "the groups of 'i-2' are not in the input"), ByRef(ri, Ref("sg-x", "vpc-a"), remote));
    }

    [Fact]
    public void A_host_is_admitted_only_when_it_is_a_member_of_the_referenced_group()
    {
        var ri = Ri(n => n.Group("sg-x", "vpc-a", null, Array.Empty<SecurityGroupRule>()));
        var rule = Ref("sg-x");
        Assert.Equal(Tri.No, AllowedByRef(ri, rule, Member(V(ri, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-w", "sg-y" })));
        Assert.Equal(Tri.No, AllowedByRef(ri, rule, Member(V(ri, "vpc-a"), "10.1.0.20")));
        var d = ByRef(ri, rule, Member(V(ri, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-w", "sg-x" }));
        Assert.Equal(Tri.Yes, d.Allowed);
        Assert.Same(rule, d.Rule);
    }

    [Fact]
    public void The_referenced_groups_vpc_comes_from_its_record_then_the_rule_then_the_members_vpc()
    {
        // In the input, in the source's VPC: admitted, whatever the rule says.
        var ri = Ri(n => n.Group("sg-x", "vpc-a", null, Array.Empty<SecurityGroupRule>()));
        var inB = Member(V(ri, "vpc-b"), "10.2.0.20", groupIds: new[] { "sg-x" });
        Assert.Equal(Tri.Yes, AllowedByRef(ri, Ref("sg-x", "vpc-b"), inB));

        // Not in the input: the rule's VPC, else the member's own VPC (no peering here).
        Assert.Equal(Tri.Yes, AllowedByRef(ri, Ref("sg-y", "vpc-a"), Member(V(ri, "vpc-b"), "10.2.0.20", groupIds: new[] { "sg-y" })));
        Assert.Equal(Tri.No, AllowedByRef(ri, Ref("sg-y", "vpc-b"), Member(V(ri, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-y" })));
        Assert.Equal(Tri.Yes, AllowedByRef(ri, Ref("sg-y"), Member(V(ri, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-y" })));
        Assert.Equal(Tri.No, AllowedByRef(ri, Ref("sg-y"), Member(V(ri, "vpc-b"), "10.2.0.20", groupIds: new[] { "sg-y" })));

        // A group record without a VPC: the member's VPC.
        var noVpc = Ri(n => n.B.SecurityGroups.Add(new SecurityGroup("sg-n", L, null)));
        Assert.Equal(Tri.Yes, AllowedByRef(noVpc, Ref("sg-n", "vpc-b"), Member(V(noVpc, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-n" })));
    }

    [Fact]
    public void A_referenced_group_whose_vpc_or_the_sources_vpc_is_unknown_is_unknown()
    {
        var ri = Ri();
        const string Why = "the VPC of a referenced security group is unknown";
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, Why), ByRef(ri, Ref("sg-y"), Member(null, "10.1.0.20", groupIds: new[] { "sg-y" })));
        Assert.Equal(new SgDecision(Tri.Unknown, null, null, Why), ByRef(ri, Ref("sg-y", "vpc-a"), Member(V(ri, "vpc-a"), "10.1.0.20", groupIds: new[] { "sg-y" }), selfWithoutVpc: true));
    }

    [Theory]
    [InlineData(PeeringStatus.Active, null, null, Tri.Yes)]
    [InlineData(PeeringStatus.Active, "us-east-1", "us-east-1", Tri.Yes)]
    [InlineData(PeeringStatus.Active, "us-east-1", null, Tri.Yes)]
    [InlineData(PeeringStatus.Active, "us-east-1", "eu-west-1", Tri.No)]
    [InlineData(PeeringStatus.PendingAcceptance, null, null, Tri.No)]
    [InlineData(PeeringStatus.Deleted, null, null, Tri.No)]
    [InlineData(PeeringStatus.Unknown, null, null, Tri.Unknown)]
    [InlineData(PeeringStatus.Unknown, "us-east-1", "eu-west-1", Tri.No)]
    public void A_group_of_a_peer_vpc_is_referenced_over_an_active_peering_in_the_same_region(PeeringStatus status, string? r1, string? r2, Tri expected)
    {
        var ri = Ri(n =>
        {
            n.Group("sg-b", "vpc-b", null, Array.Empty<SecurityGroupRule>());
            n.Peering("pcx-ab", "vpc-a", "vpc-b", status, r1, r2);
        });
        var d = ByRef(ri, Ref("sg-b"), Member(V(ri, "vpc-b"), "10.2.0.20", groupIds: new[] { "sg-b" }));
        Assert.Equal(expected, d.Allowed);
        Assert.Equal(expected == Tri.Unknown ? "the state of peering connection 'pcx-ab' is unknown" : null, d.UnknownWhy);
    }

    [Fact]
    public void An_active_peering_admits_even_beside_one_in_an_unknown_state()
    {
        var ri = Ri(n =>
        {
            n.Group("sg-b", "vpc-b", null, Array.Empty<SecurityGroupRule>());
            n.Peering("pcx-1", "vpc-a", "vpc-b", PeeringStatus.Unknown);
            n.Peering("pcx-2", "vpc-b", "vpc-a", PeeringStatus.Active);
            n.Peering("pcx-3", "vpc-a", "vpc-b", PeeringStatus.Rejected);
        });
        Assert.Equal(Tri.Yes, AllowedByRef(ri, Ref("sg-b"), Member(V(ri, "vpc-b"), "10.2.0.20", groupIds: new[] { "sg-b" })));
    }

    [Fact]
    public void Peerings_of_other_vpcs_do_not_carry_a_group_reference()
    {
        var ri = Ri(n =>
        {
            n.Vpc("vpc-c", "10.3.0.0/16");
            n.Group("sg-b", "vpc-b", null, Array.Empty<SecurityGroupRule>());
            n.Peering("pcx-ac", "vpc-a", "vpc-c");
            n.Peering("pcx-bc", "vpc-b", "vpc-c");
        });
        Assert.Equal(new SgDecision(Tri.No, null, null, null), ByRef(ri, Ref("sg-b"), Member(V(ri, "vpc-b"), "10.2.0.20", groupIds: new[] { "sg-b" })));
    }
}
