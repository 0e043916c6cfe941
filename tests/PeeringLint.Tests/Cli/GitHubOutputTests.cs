using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Cli;

public sealed class GitHubOutputTests
{
    [Fact]
    public void BrokenExample_MatchesGolden()
    {
        var r = CliRunner.InRepo("lint", "examples/nextwork-peering-broken.yaml", "--format", "github", "--no-config");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("::error file=examples/nextwork-peering-broken.yaml,line=30,col=28,endLine=30,endColumn=39,title=PL2001::", r.Out);
        Golden.Verify("cli/nextwork-peering-broken.yaml.github.txt", r.Out);
    }

    [Fact]
    public void CleanExample_PrintsOnlyNotices()
    {
        var r = CliRunner.InRepo("lint", "examples/nextwork-peering.yaml", "--format", "github", "--no-config");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Out.Split('\n', System.StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith("::notice ", l));
    }

    [Theory]
    [InlineData("50% done", "50%25 done")]
    [InlineData("line1\nline2\r\n", "line1%0Aline2%0D%0A")]
    [InlineData("a: b, c", "a: b, c")]
    public void Message_IsEscaped(string raw, string escaped) => Assert.Equal(escaped, GitHubReporter.EscapeData(raw));

    [Theory]
    [InlineData("dir/a,b:c.yaml", "dir/a%2Cb%3Ac.yaml")]
    [InlineData("100%\n", "100%25%0A")]
    public void Property_IsEscaped(string raw, string escaped) => Assert.Equal(escaped, GitHubReporter.EscapeProperty(raw));

    [Fact]
    public void Severities_MapToCommands()
    {
        var run = TestRuns.WithFindings(
            new Finding("PL2006", Severity.Note, "a note", new SourceLocation("x,y.yaml", 2, 1, 4, 3)) { Key = "1" },
            new Finding("PL2004", Severity.Warning, "100% wrong:\nreally", new SourceLocation("x.yaml", 5, 2, 5, 9)) { Key = "2" });
        var w = new System.IO.StringWriter();
        GitHubReporter.Write(w, run);
        Assert.Equal(
            "::notice file=x%2Cy.yaml,line=2,endLine=4,title=PL2006::a note\n" +
            "::warning file=x.yaml,line=5,col=2,endLine=5,endColumn=9,title=PL2004::100%25 wrong:%0Areally\n",
            w.ToString());
    }
}
