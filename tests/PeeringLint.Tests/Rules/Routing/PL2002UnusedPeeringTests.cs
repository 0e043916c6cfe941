using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2002UnusedPeeringTests
{
    [Fact]
    public void Active_peering_without_routes_is_reported()
    {
        string doc = TwoVpcs.Doc(string.Empty, string.Empty).Replace("  - name: p\n    requester: vpc1\n    accepter: vpc2\n    status: active\n", "  - [|name: p\n    requester: vpc1\n    accepter: vpc2\n    status: active|]\n");
        RuleVerifier.Verify(doc, "PL2002");
    }

    [Fact]
    public void Peering_used_by_one_side_is_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), string.Empty), "PL2002");

    [Fact]
    public void Pending_peering_without_routes_is_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(string.Empty, string.Empty, "pending-acceptance"), "PL2002");

    [Fact]
    public void Peering_between_overlapping_vpcs_is_left_to_PL1001() =>
        RuleVerifier.Verify(TwoVpcs.Doc(string.Empty, string.Empty).Replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/16").Replace("10.2.0.0/24", "10.1.128.0/24"), "PL2002");
}
