using PeeringLint.Rules.Security;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

/// <summary>The description PL4002's and PL9001's proposed security group rules carry: only what AWS accepts.</summary>
public sealed class SecurityGroupRuleTextTests
{
    [Theory]
    [InlineData("ICMP from vpc2 over peering p", "ICMP from vpc2 over peering p")]
    [InlineData(" a", " a")]
    [InlineData("a  b   c", "a b c")]
    [InlineData("ab", "ab")]
    [InlineData("._-:/()#,@[]+=&;{}!$*", "._-:/()#,@[]+=&;{}!$*")]
    [InlineData("'web' \"db\" <x> 50%", "web db x 50")]
    [InlineData("café naïve €", "caf nave ")]
    [InlineData("a\tb\u0080c", "abc")]
    public void Only_characters_aws_accepts_are_kept_and_space_runs_become_one(string text, string expected) =>
        Assert.Equal(expected, SecurityGroupRuleText.Description(text));

    [Fact]
    public void A_long_text_is_cut_at_the_limit()
    {
        Assert.Equal(new string('x', 255), SecurityGroupRuleText.Description(new string('x', 300)));
        Assert.Equal(new string('x', 254), SecurityGroupRuleText.Description(new string('x', 254)));
    }
}
