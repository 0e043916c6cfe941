using System.Linq;
using Newtonsoft.Json.Linq;
using Xunit;

namespace PeeringLint.Tests.Cli;

public sealed class SuppressionAndBaselineTests
{
    private static JArray Results(string sarif) => (JArray)JObject.Parse(sarif)["runs"]![0]!["results"]!;

    [Fact]
    public void InSourceSuppression_StaysInSarifAndIsCountedInText()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml", edit: t => t.Replace(
            "      - name: NextWork-2-rtb-public\n",
            "      - name: NextWork-2-rtb-public\n        ignore: [PL2001]\n"));
        var sarif = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config");
        var pl2001 = Results(sarif.Out).Single(r => (string?)r["ruleId"] == "PL2001");
        var s = pl2001["suppressions"]![0]!;
        Assert.Equal("inSource", (string?)s["kind"]);
        Assert.Equal("accepted", (string?)s["status"]);
        Assert.False(string.IsNullOrEmpty((string?)s["justification"]));

        var text = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--no-config");
        Assert.DoesNotContain("PL2001", text.Out);
        Assert.Contains("1 suppressed", text.Out);
    }

    [Fact]
    public void ConfigSuppression_ByResourceId_IsExternal()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml");
        tmp.Write(".peeringlint.yaml", """
            suppressions:
              - rule: PL2003
                resource: NextWork-2-rtb-public
                justification: The accepter account accepts on Mondays.
            """);
        var sarif = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif");
        var pl2003 = Results(sarif.Out).Where(r => (string?)r["ruleId"] == "PL2003").ToList();
        Assert.Equal(2, pl2003.Count);
        var suppressed = Assert.Single(pl2003, r => r["suppressions"] is not null);
        Assert.Equal("external", (string?)suppressed["suppressions"]![0]!["kind"]);
        Assert.Equal("The accepter account accepts on Mondays.", (string?)suppressed["suppressions"]![0]!["justification"]);
        Assert.Equal(".peeringlint.yaml", (string?)suppressed["suppressions"]![0]!["location"]!["physicalLocation"]!["artifactLocation"]!["uri"]);

        var gh = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "github");
        Assert.Equal(1, gh.Out.Split('\n').Count(l => l.Contains("title=PL2003")));
    }

    [Fact]
    public void Baseline_OfTheSameInputs_MarksAllUnchangedAndPasses()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml");
        Assert.Equal(1, CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config", "-o", "old.sarif").ExitCode);

        var sarif = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config", "--baseline", "old.sarif");
        Assert.Equal(0, sarif.ExitCode);
        Assert.All(Results(sarif.Out), r => Assert.Equal("unchanged", (string?)r["baselineState"]));

        var json = JObject.Parse(CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "json", "--no-config", "--baseline", "old.sarif").Out);
        Assert.Equal(json["findings"]!.Count(), (int)json["summary"]!["unchanged"]!);
        Assert.True(json["findings"]!.Count() >= 4);
        Assert.False((bool)json["summary"]!["failed"]!);
        Assert.All(json["findings"]!, f => Assert.Equal("unchanged", (string?)f["baselineState"]));

        var text = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--no-config", "--baseline", "old.sarif");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"{json["findings"]!.Count()} unchanged since the baseline", text.Out);
        Assert.DoesNotContain("PL2001", text.Out);
    }

    [Fact]
    public void Baseline_ReportsNewAndAbsentResults()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml");

        // The legacy state had only the typo route (PL1002); PL2001/PL2003 are new since.
        CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config", "--rules", "PL1002", "-o", "old.sarif");
        var r = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config", "--baseline", "old.sarif", "--exclude-rules", "PL1002");
        Assert.Equal(1, r.ExitCode);
        var results = Results(r.Out);
        Assert.All(results.Where(x => (string?)x["ruleId"] != "PL1002"), x => Assert.Equal("new", (string?)x["baselineState"]));
        var absent = Assert.Single(results, x => (string?)x["baselineState"] == "absent");
        Assert.Equal("PL1002", (string?)absent["ruleId"]);
        Assert.Equal(1, (int)absent["ruleIndex"]!);

        // Exit code counts only new results: with everything in the baseline except PL2001 disabled, nothing fails.
        var onlyOld = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--no-config", "--baseline", "old.sarif", "--rules", "PL1002");
        Assert.Equal(0, onlyOld.ExitCode);
    }

    [Fact]
    public void Baseline_ThatIsNotSarif_IsAnInputError()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering.yaml");
        tmp.Write("old.sarif", "{ not json");
        var r = CliRunner.Run(tmp.Path, "lint", "nextwork-peering.yaml", "--no-config", "--baseline", "old.sarif");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("old.sarif:1:", r.Error);
    }
}
