using System.Linq;
using System.Text.Json;
using Xunit;

namespace PeeringLint.Tests.Cli;

/// <summary>Issue 14, class 5: a run that ends with exit 2 never sums up as "no problems" or "failed: false".</summary>
public sealed class InputProblemSummaryTests
{
    private const string Broken = "vpcs:\n  - { name: a, cidr: 10.1.0.0/16 }\n  - { name: b, cidr: 10.2.0.0/16, colour: blue }\n";

    [Fact]
    public void Text_summary_counts_input_errors_and_does_not_say_no_problems()
    {
        using var dir = new TempFolder();
        dir.Write("broken.yaml", Broken);
        var r = CliRunner.Run(dir.Path, "lint", "broken.yaml");
        Assert.Equal(2, r.ExitCode);
        string summary = r.Out.TrimEnd('\n').Split('\n').Last();
        Assert.DoesNotContain("no problems", summary);
        Assert.StartsWith("✖ 1 input error", summary);
    }

    [Fact]
    public void Json_summary_counts_input_errors_and_says_failed()
    {
        using var dir = new TempFolder();
        dir.Write("broken.yaml", Broken);
        var r = CliRunner.Run(dir.Path, "lint", "broken.yaml", "--format", "json", "--exit-zero");
        Assert.Equal(2, r.ExitCode);
        var summary = JsonDocument.Parse(r.Out).RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("inputErrors").GetInt32());
        Assert.True(summary.GetProperty("failed").GetBoolean());
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void A_clean_run_still_says_no_problems_and_not_failed()
    {
        using var dir = new TempFolder();
        dir.Write("ok.yaml", "vpcs:\n  - { name: a, cidr: 10.1.0.0/16 }\n");
        var text = CliRunner.Run(dir.Path, "lint", "ok.yaml");
        Assert.Equal(0, text.ExitCode);
        Assert.StartsWith("✓ no problems", text.Out.TrimEnd('\n').Split('\n').Last());
        var json = CliRunner.Run(dir.Path, "lint", "ok.yaml", "--format", "json");
        Assert.False(JsonDocument.Parse(json.Out).RootElement.GetProperty("summary").GetProperty("failed").GetBoolean());
    }
}
