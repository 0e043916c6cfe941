using PeeringLint.Addressing;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The decisions of <see cref="NetworkAclEvaluator"/>: the first entry that matches decides, an entry whose match is
/// uncertain makes the outcome unknown only when an allow and a deny are both possible, ICMP entries match by type
/// and code, and a block covers an address range wholly, partly or not at all (mutation testing, issue 22).
/// </summary>
public sealed class NetworkAclDecisionTests
{
    private static readonly Traffic Ssh = new(Traffic.Tcp, 22, 22, null);
    private static readonly Cidr Host = C("10.1.0.10/32");

    private static Cidr C(string text)
    {
        Cidr.TryParse(text, out var c, out _);
        return c;
    }

    private static NetworkAclEntry E(int number, AclAction action, string? cidr, int? protocol = Traffic.Tcp, int? from = 22, int? to = 22) =>
        new(new SourceLocation("acl.yaml", number, 1, number, 5), number, false, protocol, action)
        {
            Cidr = cidr is null ? null : CidrValue.Parse(cidr, SourceLocation.None),
            FromPort = from,
            ToPort = to,
        };

    private static NetworkAclEntry Icmp(int number, AclAction action, int protocol, int? type, int? code) =>
        new(SourceLocation.None, number, false, protocol, action)
        {
            Cidr = CidrValue.Parse("0.0.0.0/0", SourceLocation.None),
            FromPort = 5000,
            ToPort = 5000,
            IcmpType = type,
            IcmpCode = code,
        };

    [Fact]
    public void The_first_matching_entry_allows()
    {
        var allow = E(100, AclAction.Allow, "10.1.0.0/16");
        var d = NetworkAclEvaluator.Evaluate(new[] { allow, E(200, AclAction.Deny, "0.0.0.0/0") }, Host, Ssh);
        Assert.Equal(new AclDecision(Tri.Yes, allow, null), d);
    }

    [Fact]
    public void The_first_matching_entry_denies()
    {
        var deny = E(100, AclAction.Deny, "10.1.0.0/16");
        var d = NetworkAclEvaluator.Evaluate(new[] { deny, E(200, AclAction.Allow, "0.0.0.0/0") }, Host, Ssh);
        Assert.Equal(new AclDecision(Tri.No, deny, null), d);
    }

    [Fact]
    public void Entries_that_do_not_match_are_passed_over()
    {
        var allow = E(300, AclAction.Allow, "10.1.0.0/16");
        var d = NetworkAclEvaluator.Evaluate(new[] { E(100, AclAction.Deny, "10.2.0.0/16"), E(200, AclAction.Deny, "10.1.0.0/16", Traffic.Tcp, 80, 80), allow }, Host, Ssh);
        Assert.Equal(new AclDecision(Tri.Yes, allow, null), d);
    }

    [Fact]
    public void No_entry_matches_the_implicit_deny_decides() =>
        Assert.Equal(new AclDecision(Tri.No, null, null), NetworkAclEvaluator.Evaluate(new[] { E(100, AclAction.Allow, "10.2.0.0/16") }, Host, Ssh));

    [Fact]
    public void An_empty_direction_denies() =>
        Assert.Equal(new AclDecision(Tri.No, null, null), NetworkAclEvaluator.Evaluate(System.Array.Empty<NetworkAclEntry>(), Host, Ssh));

    [Fact]
    public void An_uncertain_allow_before_a_sure_allow_allows()
    {
        var maybe = E(100, AclAction.Allow, null);
        var allow = E(200, AclAction.Allow, "0.0.0.0/0");
        Assert.Equal(new AclDecision(Tri.Yes, allow, maybe), NetworkAclEvaluator.Evaluate(new[] { maybe, allow }, Host, Ssh));
    }

    [Fact]
    public void An_uncertain_deny_before_a_sure_deny_denies()
    {
        var maybe = E(100, AclAction.Deny, null);
        var deny = E(200, AclAction.Deny, "0.0.0.0/0");
        Assert.Equal(new AclDecision(Tri.No, deny, maybe), NetworkAclEvaluator.Evaluate(new[] { maybe, deny }, Host, Ssh));
    }

    [Fact]
    public void An_uncertain_deny_before_a_sure_allow_is_unknown()
    {
        var maybe = E(100, AclAction.Deny, null);
        var allow = E(200, AclAction.Allow, "0.0.0.0/0");
        Assert.Equal(new AclDecision(Tri.Unknown, allow, maybe), NetworkAclEvaluator.Evaluate(new[] { maybe, allow }, Host, Ssh));
    }

    [Fact]
    public void An_uncertain_allow_before_a_sure_deny_is_unknown()
    {
        var maybe = E(100, AclAction.Allow, null);
        var deny = E(200, AclAction.Deny, "0.0.0.0/0");
        Assert.Equal(new AclDecision(Tri.Unknown, deny, maybe), NetworkAclEvaluator.Evaluate(new[] { maybe, deny }, Host, Ssh));
    }

    [Fact]
    public void An_uncertain_allow_before_the_implicit_deny_is_unknown_and_the_first_uncertain_entry_is_named()
    {
        var first = E(100, AclAction.Allow, null);
        var second = E(200, AclAction.Allow, null);
        Assert.Equal(new AclDecision(Tri.Unknown, null, first), NetworkAclEvaluator.Evaluate(new[] { first, second }, Host, Ssh));
    }

    [Fact]
    public void Only_uncertain_denies_before_the_implicit_deny_deny()
    {
        var first = E(100, AclAction.Deny, null);
        Assert.Equal(new AclDecision(Tri.No, null, first), NetworkAclEvaluator.Evaluate(new[] { first }, Host, Ssh));
    }

    [Fact]
    public void A_block_that_covers_part_of_the_range_is_uncertain()
    {
        var part = E(100, AclAction.Allow, "10.1.0.0/25");
        var d = NetworkAclEvaluator.Evaluate(new[] { part }, C("10.1.0.0/24"), Ssh);
        Assert.Equal(new AclDecision(Tri.Unknown, null, part), d);
    }

    [Theory]
    [InlineData("10.1.0.0/16", Traffic.Tcp, 22, 22, Tri.Yes)]
    [InlineData("10.1.0.0/16", Traffic.Tcp, 80, 80, Tri.No)]
    [InlineData("10.2.0.0/16", Traffic.Tcp, 22, 22, Tri.No)]
    [InlineData("10.1.0.0/16", Traffic.Tcp, 20, 21, Tri.No)]
    [InlineData("10.1.0.0/16", Traffic.Tcp, null, 22, Tri.Unknown)]
    [InlineData("10.1.0.0/16", null, 22, 22, Tri.Unknown)]
    [InlineData(null, Traffic.Tcp, 22, 22, Tri.Unknown)]
    [InlineData("10.1.0.10/32", Traffic.All, null, null, Tri.Yes)]
    [InlineData("10.1.0.0/16", Traffic.Udp, 22, 22, Tri.No)]
    public void An_entry_matches_by_block_and_by_protocol_and_ports(string? cidr, int? protocol, int? from, int? to, Tri expected) =>
        Assert.Equal(expected, NetworkAclEvaluator.Matches(E(100, AclAction.Allow, cidr, protocol, from, to), Host, Ssh));

    [Fact]
    public void A_partly_covering_block_with_a_matching_protocol_is_uncertain() =>
        Assert.Equal(Tri.Unknown, NetworkAclEvaluator.Matches(E(100, AclAction.Allow, "10.1.0.0/25"), C("10.1.0.0/24"), Ssh));

    [Fact]
    public void A_partly_covering_block_with_another_protocol_does_not_match() =>
        Assert.Equal(Tri.No, NetworkAclEvaluator.Matches(E(100, AclAction.Allow, "10.1.0.0/25", Traffic.Udp), C("10.1.0.0/24"), Ssh));

    [Theory]
    [InlineData(Traffic.Icmp, 8, -1, Tri.Yes)]
    [InlineData(Traffic.Icmp, 8, 0, Tri.Yes)]
    [InlineData(Traffic.Icmp, 8, 3, Tri.No)]
    [InlineData(Traffic.Icmp, 0, -1, Tri.No)]
    [InlineData(Traffic.Icmp, -1, -1, Tri.Yes)]
    [InlineData(Traffic.Icmp, null, null, Tri.Unknown)]
    public void An_icmp_entry_matches_by_type_and_code_not_by_ports(int protocol, int? type, int? code, Tri expected) =>
        Assert.Equal(expected, NetworkAclEvaluator.Matches(Icmp(100, AclAction.Allow, protocol, type, code), Host, new Traffic(Traffic.Icmp, 0, 0, 8)));

    [Theory]
    [InlineData(128, -1, Tri.Yes)]
    [InlineData(128, 0, Tri.Yes)]
    [InlineData(128, 1, Tri.No)]
    [InlineData(129, -1, Tri.No)]
    public void An_icmpv6_entry_matches_by_type_and_code(int type, int code, Tri expected)
    {
        var e = Icmp(100, AclAction.Allow, Traffic.Icmpv6, type, code) with { Cidr = CidrValue.Parse("::/0", SourceLocation.None) };
        Assert.Equal(expected, NetworkAclEvaluator.Matches(e, C("2001:db8::1/128"), new Traffic(Traffic.Icmpv6, 0, 0, 128)));
    }

    [Fact]
    public void A_tcp_entry_matches_by_ports_even_when_it_carries_an_icmp_type()
    {
        var e = E(100, AclAction.Allow, "0.0.0.0/0", Traffic.Tcp, 22, 22) with { IcmpType = 3, IcmpCode = 3 };
        Assert.Equal(Tri.Yes, NetworkAclEvaluator.Matches(e, Host, Ssh));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/24", Tri.Yes)]
    [InlineData("10.1.0.0/24", "10.1.0.0/24", Tri.Yes)]
    [InlineData("10.1.0.0/25", "10.1.0.0/24", Tri.Unknown)]
    [InlineData("10.1.1.0/24", "10.1.0.0/24", Tri.No)]
    [InlineData("::/0", "10.1.0.0/24", Tri.No)]
    [InlineData("0.0.0.0/0", "2001:db8::/64", Tri.No)]
    [InlineData("2001:db8::/32", "2001:db8::/64", Tri.Yes)]
    public void A_block_covers_a_range_wholly_partly_or_not(string rule, string remote, Tri expected)
    {
        Assert.Equal(expected, NetworkAclEvaluator.Covers(C(rule), C(remote)));
        Assert.Equal(expected, NetworkAclEvaluator.Covers(CidrValue.Parse(rule, SourceLocation.None), C(remote)));
    }

    [Fact]
    public void An_absent_unknown_or_malformed_block_is_uncertain()
    {
        Assert.Equal(Tri.Unknown, NetworkAclEvaluator.Covers((CidrValue?)null, Host));
        Assert.Equal(Tri.Unknown, NetworkAclEvaluator.Covers(CidrValue.Unknown(SourceLocation.None), Host));
        Assert.Equal(Tri.Unknown, NetworkAclEvaluator.Covers(CidrValue.Parse("not a block", SourceLocation.None), Host));
    }
}
