using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2003RouteToInactivePeeringTests
{
    [Theory]
    [InlineData("pending-acceptance", "pending acceptance")]
    [InlineData("rejected", "rejected")]
    [InlineData("expired", "expired")]
    [InlineData("failed", "failed")]
    [InlineData("deleted", "deleted")]
    public void Routes_to_a_peering_that_is_not_active_are_reported(string status, string words)
    {
        var findings = RuleVerifier.Verify(
            TwoVpcs.Doc("          - [|{ destination: 10.2.0.0/16, target: p }|]\n", "          - [|{ destination: 10.1.0.0/16, target: p }|]\n", status),
            "PL2003");
        Assert.All(findings, f => Assert.Contains(words, f.Message));
    }

    [Theory]
    [InlineData("active")]
    [InlineData("provisioning")]
    public void Routes_to_an_active_or_provisioning_peering_are_silent(string status) =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), TwoVpcs.Route("10.1.0.0/16"), status), "PL2003");

    [Fact]
    public void Route_to_a_peering_id_missing_from_a_complete_input_is_reported()
    {
        var findings = RuleVerifier.Verify(TwoVpcs.Doc("          - [|{ destination: 10.2.0.0/16, target: pcx-0deadbeef }|]\n", string.Empty), "PL2003");
        Assert.Contains("does not exist", findings[0].Message);
    }

    [Fact]
    public void Blackhole_route_to_an_active_peering_is_reported() =>
        RuleVerifier.Verify(TwoVpcs.Doc("          - [|{ destination: 10.2.0.0/16, target: p, state: blackhole }|]\n", TwoVpcs.Route("10.1.0.0/16")), "PL2003");
}
