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
