using System.IO;
using PeeringLint.Cli.Configuration;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18 item 8: <c>ignore_paths</c> globs match in linear time. As a backtracking regex,
/// <c>*a*a*a*a*a*a*a*a*a*a*b</c> against a name of 40 'a's ran for minutes; these cases would hang without the fix.
/// </summary>
public sealed class GlobBacktrackingTests
{
    private const string Pathological = "*a*a*a*a*a*a*a*a*a*a*b";

    [Theory]
    [InlineData(40, "", false)]
    [InlineData(40, "b", true)]
    [InlineData(40, ".json", false)]
    [InlineData(4000, "", false)]
    public void A_pathological_pattern_is_answered_correctly_and_ends(int count, string suffix, bool matches)
    {
        var name = "dir/" + new string('a', count) + suffix;
        bool result = Bounded.Run(() => new Glob(Pathological).IsMatch(name), $"matching '{Pathological}' against {count} 'a's");
        Assert.Equal(matches, result);
    }

    [Fact]
    public void Nested_double_stars_against_a_deep_path_end()
    {
        var deep = string.Join('/', System.Linq.Enumerable.Repeat("a", 2000)) + "/x.json";
        Assert.False(Bounded.Run(() => new Glob("**/a/**/a/**/a/**/a/**/a/**/b/**").IsMatch(deep), "nested ** against a deep path"));
        Assert.True(Bounded.Run(() => new Glob("**/a/**/a/**/a/**/x.json").IsMatch(deep), "nested ** against a deep path"));
    }

    [Fact]
    public void The_cli_with_a_pathological_ignore_pattern_ends_and_keeps_the_file()
    {
        using var tmp = new TempFolder();
        tmp.Write("net/" + new string('a', 40) + ".json", "{\"Vpcs\": [{\"VpcId\": \"vpc-a\", \"CidrBlock\": \"300.1.1.1/16\"}]}");
        tmp.Write(".peeringlint.yaml", $"ignore_paths:\n  - \"{Pathological}\"\n");
        var r = Bounded.Cli(tmp.Path, new[] { "lint", "net" });
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("PL1004", r.Out);
    }
}
