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

public sealed class ConfiguredSeverityTests
{
    private static readonly string SecondPeering = TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), TwoVpcs.Route("10.1.0.0/16"), extra: "  - { name: p2, requester: vpc2, accepter: vpc1 }\n");

    [Theory]
    [InlineData(null, Severity.Warning)]
    [InlineData(Severity.Error, Severity.Error)]
    [InlineData(Severity.Note, Severity.Note)]
    public void A_configured_severity_wins_over_the_rules_own_choice_even_when_it_equals_the_default(Severity? configured, Severity expected)
    {
        // PL2006's default is Error; it reports a second peering as a Warning. A configuration that sets Error (the
        // default) must still make it an Error.
        var load = new PeeringLint.Parsers.Inputs.InputLoader().Load(new[] { PeeringLint.Parsers.Inputs.InputSource.FromText("t.yaml", SecondPeering) });
        var overrides = new System.Collections.Generic.Dictionary<string, Severity>();
        if (configured is { } c)
        {
            overrides["PL2006"] = c;
        }

        var result = LintEngine.Run(load.Model, new LintOptions { IncludeRules = new[] { "PL2006" }, SeverityOverrides = overrides });
        Assert.Equal(expected, Assert.Single(result.Findings).Severity);
    }
}
