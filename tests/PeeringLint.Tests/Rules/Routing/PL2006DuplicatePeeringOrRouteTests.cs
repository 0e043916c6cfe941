using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2006DuplicatePeeringOrRouteTests
{
    [Fact]
    public void Two_routes_for_one_destination_are_an_error()
    {
        var findings = RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16") + TwoVpcs.Route("[|10.2.0.0/16|]", "igw1"), TwoVpcs.Route("10.1.0.0/16")), "PL2006");
        Assert.Equal(Severity.Error, findings[0].Severity);
    }

    [Fact]
    public void Second_peering_between_the_same_vpcs_is_a_warning()
    {
        var findings = RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), TwoVpcs.Route("10.1.0.0/16"), extra: "  - [|{ name: p2, requester: vpc2, accepter: vpc1 }|]\n"), "PL2006");
        Assert.Equal(Severity.Warning, findings[0].Severity);
    }

    [Fact]
    public void Distinct_destinations_and_a_rejected_duplicate_are_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/24") + TwoVpcs.Route("10.2.1.0/24"), TwoVpcs.Route("10.1.0.0/16"), extra: "  - { name: p2, requester: vpc2, accepter: vpc1, status: rejected }\n"), "PL2006");
}
