using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.ClassicLink;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of a
/// ClassicLink rule that the other tests left open.
/// </summary>
public sealed class PL5003DecisionTests
{
    [Fact]
    public void A_vpc_with_classic_link_enabled_is_a_note()
    {
        var f = RuleVerifier.Verify("vpcs:\n  - [|name: vpc1\n    cidr: 10.1.0.0/16\n    classic_link: true|]\n", "PL5003");
        Assert.Equal(Severity.Note, f[0].Severity);
    }

    [Fact]
    public void A_vpc_with_classic_link_disabled_is_silent() =>
        RuleVerifier.Verify("vpcs:\n  - name: vpc1\n    cidr: 10.1.0.0/16\n    classic_link: false\n", "PL5003");
}

public sealed class PL5001DecisionTests
{
    [Fact]
    public void Two_conflicting_routes_name_the_first_and_count_the_rest()
    {
        var f = RuleVerifier.Verify(PL5001ClassicLinkRouteConflictTests.Doc("          - { destination: 10.5.0.0/16, target: pcx-0other }\n          - { destination: 10.6.0.0/16, target: pcx-0other }\n"), "PL5001");
        Assert.Contains("the static route 10.5.0.0/16 inside 10.0.0.0/8 (and 1 more);", f[0].Message);
        Assert.Equal(2, f[0].Related.Count);
    }

    [Fact]
    public void One_conflicting_route_is_not_followed_by_a_count()
    {
        var f = RuleVerifier.Verify(PL5001ClassicLinkRouteConflictTests.Doc("          - { destination: 10.5.0.0/16, target: pcx-0other }\n"), "PL5001");
        Assert.DoesNotContain("more)", f[0].Message);
    }

    [Fact]
    public void The_local_route_of_a_vpc_inside_ten_slash_eight_is_no_conflict() =>
        RuleVerifier.Verify(PL5001ClassicLinkRouteConflictTests.Doc(string.Empty).Replace("cidr: 192.168.0.0/16", "cidr: 10.9.0.0/16").Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5001");

    [Fact]
    public void A_route_to_a_prefix_list_is_no_conflict() =>
        RuleVerifier.Verify(PL5001ClassicLinkRouteConflictTests.Doc("          - { destination_prefix_list: pl-0123456789abcdef0, target: pcx-0other }\n").Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5001");
}

public sealed class PL5002DecisionTests
{
    private const string Local = "          - { destination: 172.31.0.0/16, target: local }\n";

    [Fact]
    public void A_route_to_the_peer_over_another_peering_does_not_count() =>
        RuleVerifier.Verify(PL5002ClassicLinkMainTableRouteMissingTests.Doc(Local + "          - { destination: 192.168.0.0/16, target: pcx-0123456789abcdef0 }\n", Local), "PL5002");

    [Fact]
    public void A_route_to_the_peer_through_an_internet_gateway_does_not_count() =>
        RuleVerifier.Verify(PL5002ClassicLinkMainTableRouteMissingTests.Doc(Local + "          - { destination: 192.168.0.0/16, target: igw-0123456789abcdef0 }\n", Local), "PL5002");

    [Fact]
    public void One_route_covering_both_peer_blocks_counts() =>
        RuleVerifier.Verify(
            PL5002ClassicLinkMainTableRouteMissingTests.Doc(Local + "          - { destination: 192.168.0.0/15, target: pcx }\n", Local)
                .Replace("{ name: vpc-b, cidr: 192.168.0.0/16 }", "{ name: vpc-b, cidr: [192.168.0.0/16, 192.169.0.0/16] }")
                .Replace("[|", string.Empty).Replace("|]", string.Empty),
            "PL5002");
}

public sealed class ClassicLinkFactsDecisionTests
{
    [Fact]
    public void A_deleted_peering_with_classic_link_options_is_silent() =>
        RuleVerifier.Verify(
            "vpcs:\n  - { name: a, cidr: 10.1.0.0/16 }\n  - { name: b, cidr: 10.2.0.0/16 }\npeerings:\n  - name: p\n    requester: a\n    accepter: b\n    status: deleted\n    requester_options: { allow_egress_from_local_classic_link_to_remote_vpc: true }\n",
            "PL5003");
}
