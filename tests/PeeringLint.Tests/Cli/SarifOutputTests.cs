using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PeeringLint.Cli.Commands;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Cli;

public sealed class SarifOutputTests
{
    private static JObject Parse(string sarif) => JObject.Parse(sarif);

    private static CliResult LintBroken(params string[] extra) =>
        CliRunner.InRepo(new[] { "lint", "examples/nextwork-peering-broken.yaml", "--format", "sarif", "--no-config" }.Concat(extra).ToArray());

    [Fact]
    public void BrokenExample_MatchesGolden()
    {
        var r = LintBroken();
        Assert.Equal(1, r.ExitCode);
        Golden.Verify("cli/nextwork-peering-broken.yaml.sarif", CliRunner.NormalizeSarif(r.Out, TestPaths.Root));
    }

    [Fact]
    public void CleanExample_MatchesGolden()
    {
        var r = CliRunner.InRepo("lint", "examples/nextwork-peering.yaml", "--format", "sarif", "--no-config");
        Assert.Equal(0, r.ExitCode);
        Golden.Verify("cli/nextwork-peering.yaml.sarif", CliRunner.NormalizeSarif(r.Out, TestPaths.Root));
    }

    [Fact]
    public void SameInputs_GiveByteIdenticalLogs()
    {
        var a = LintBroken();
        var b = LintBroken();
        Assert.Equal(a.Out, b.Out);
    }

    [Fact]
    public void OutputOption_WritesTheSameLogToAFile()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml");
        var toStdout = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config");
        var toFile = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config", "--output", "results.sarif");
        Assert.Equal(1, toFile.ExitCode);
        Assert.Equal(string.Empty, toFile.Out);
        Assert.Equal(toStdout.Out, tmp.Read("results.sarif"));
    }

    [Fact]
    public void Driver_CarriesTheWholeCatalogue()
    {
        var log = Parse(LintBroken().Out);
        var driver = (JObject)log["runs"]![0]!["tool"]!["driver"]!;
        Assert.Equal("PeeringLint", (string?)driver["name"]);
        Assert.Equal(ToolInfo.Version, (string?)driver["semanticVersion"]);
        Assert.Equal(ToolInfo.InformationUri, (string?)driver["informationUri"]);
        var rules = (JArray)driver["rules"]!;
        Assert.Equal(RuleCatalog.All.Select(r => r.Descriptor.Id), rules.Select(r => (string?)r["id"]));
        for (int i = 0; i < rules.Count; i++)
        {
            var d = RuleCatalog.All[i].Descriptor;
            var rule = rules[i];
            Assert.Equal(d.Name, (string?)rule["name"]);
            Assert.StartsWith(d.Title, (string?)rule["shortDescription"]!["text"]);
            Assert.StartsWith(d.Description.TrimEnd('.'), (string?)rule["fullDescription"]!["text"]);
            Assert.Equal(d.HelpUri, (string?)rule["helpUri"]);
            Assert.Equal(SarifReporter.Level(d.DefaultSeverity).ToString().ToLowerInvariant(), (string?)rule["defaultConfiguration"]?["level"] ?? "warning");
            Assert.Equal(d.Precision, (string?)rule["properties"]!["precision"]);
            Assert.Contains(d.Category.ToLowerInvariant(), rule["properties"]!["tags"]!.Select(t => (string?)t));
            Assert.Equal(ExplainCommand.Page(d.Id), (string?)rule["help"]!["markdown"]);
            Assert.Equal(d.SecuritySeverity is null, rule["properties"]!["security-severity"] is null);
        }
    }

    [Fact]
    public void Results_PointAtRulesAndRelativeFiles()
    {
        var log = Parse(LintBroken().Out);
        var run = log["runs"]![0]!;
        var root = (string?)run["originalUriBaseIds"]!["%SRCROOT%"]!["uri"];
        Assert.StartsWith("file:///", root);
        Assert.EndsWith("/", root);
        var rules = (JArray)run["tool"]!["driver"]!["rules"]!;
        var results = (JArray)run["results"]!;
        Assert.Contains(results, r => (string?)r["ruleId"] == "PL2001");
        foreach (var r in results)
        {
            Assert.Equal((string?)r["ruleId"], (string?)rules[(int)r["ruleIndex"]!]!["id"]);
            Assert.NotNull((string?)r["level"]);
            var pl = r["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("examples/nextwork-peering-broken.yaml", (string?)pl["artifactLocation"]!["uri"]);
            Assert.Equal("%SRCROOT%", (string?)pl["artifactLocation"]!["uriBaseId"]);
            foreach (var key in new[] { "startLine", "startColumn", "endLine", "endColumn" })
            {
                Assert.True((int)pl["region"]![key]! > 0, key);
            }

            Assert.False(string.IsNullOrEmpty((string?)pl["region"]!["snippet"]!["text"]));
            Assert.Matches("^[0-9a-f]{32}$", (string?)r["partialFingerprints"]!["peeringlint/v1"]);
            foreach (var rel in (JArray?)r["relatedLocations"] ?? new JArray())
            {
                Assert.True((int)rel["id"]! > 0);
                Assert.False(string.IsNullOrEmpty((string?)rel["message"]!["text"]));
            }
        }

        var pl2001 = results.First(r => (string?)r["ruleId"] == "PL2001");
        Assert.Equal("10.1.0.0/16", (string?)pl2001["locations"]![0]!["physicalLocation"]!["region"]!["snippet"]!["text"]);
        Assert.NotEmpty((JArray)pl2001["relatedLocations"]!);
    }

    [Fact]
    public void Fingerprints_SurviveLinesInsertedAbove()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml");
        var before = Parse(CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config").Out);
        tmp.CopyExample("nextwork-peering-broken.yaml", edit: t => "# one\n# two\n# three\n" + t);
        var after = Parse(CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--format", "sarif", "--no-config").Out);

        static List<(string Fp, int Line)> Prints(JObject log) => log["runs"]![0]!["results"]!
            .Select(r => ((string)r["partialFingerprints"]!["peeringlint/v1"]!, (int)r["locations"]![0]!["physicalLocation"]!["region"]!["startLine"]!))
            .ToList();

        var a = Prints(before);
        var b = Prints(after);
        Assert.NotEmpty(a);
        Assert.Equal(a.Select(x => x.Fp), b.Select(x => x.Fp));
        Assert.Equal(a.Select(x => x.Line + 3), b.Select(x => x.Line));
        Assert.Equal(a.Count, a.Select(x => x.Fp).Distinct().Count());
    }

    [Fact]
    public void SarifSdk_ReadsTheLogBack()
    {
        var text = LintBroken().Out;
        var log = JsonConvert.DeserializeObject<SarifLog>(text)!;
        Assert.Equal(SarifVersion.Current, log.Version);
        var run = Assert.Single(log.Runs);
        Assert.Equal("PeeringLint", run.Tool.Driver.Name);
        Assert.Equal(RuleCatalog.All.Count, run.Tool.Driver.Rules.Count);
        var findings = LintEngine.Run(RuleVerifier.Load(File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering-broken.yaml"))).Model).Findings;
        Assert.Equal(findings.Count, run.Results.Count);
        Assert.Equal(
            findings.Select(f => f.Severity switch { Severity.Error => FailureLevel.Error, Severity.Warning => FailureLevel.Warning, _ => FailureLevel.Note }).OrderBy(l => l),
            run.Results.Select(r => r.Level).OrderBy(l => l));
        Assert.All(run.Results, r => Assert.Equal(r.RuleId, run.Tool.Driver.Rules[r.RuleIndex].Id));
        Assert.All(run.Results, r => Assert.True(r.PartialFingerprints.ContainsKey("peeringlint/v1")));
        Assert.Equal(ColumnKind.Utf16CodeUnits, run.ColumnKind);

        // Writing the SDK's object model back gives the same bytes.
        Assert.Equal(text, SarifReporter.ToJson(log) + "\n");
    }

    [Fact]
    public void Steps_BecomeACodeFlow()
    {
        var finding = new Finding("PL2001", Severity.Error, "no way back", new Model.SourceLocation("a.yaml", 3, 5, 3, 9))
        {
            Key = "k",
            Steps = new[]
            {
                new FindingStep(new Model.SourceLocation("a.yaml", 3, 5, 3, 9), "leaves VPC a over pcx"),
                new FindingStep(new Model.SourceLocation("a.yaml", 7, 5, 7, 9), "no route back in table b", Blocks: true),
            },
        };
        var run = TestRuns.WithFindings(finding);
        var log = Parse(SarifReporter.ToJson(SarifReporter.Build(run)));
        var flow = log["runs"]![0]!["results"]![0]!["codeFlows"]![0]!["threadFlows"]![0]!["locations"]!;
        Assert.Equal(2, flow.Count());
        Assert.Equal("Leaves VPC a over pcx.".ToLowerInvariant(), ((string?)flow[0]!["location"]!["message"]!["text"])!.ToLowerInvariant());
        Assert.Equal(7, (int)flow[1]!["location"]!["physicalLocation"]!["region"]!["startLine"]!);
        Assert.Equal("essential", (string?)flow[1]!["importance"]);
    }

    [Fact]
    public void Warnings_KeepAnExplicitLevel()
    {
        // PL2001's default is error; a warning result must say so, or readers fall back to the rule's level.
        var finding = new Finding("PL2001", Severity.Warning, "lowered by configuration", new Model.SourceLocation("a.yaml", 1, 1, 1, 2)) { Key = "k" };
        var log = Parse(SarifReporter.ToJson(SarifReporter.Build(TestRuns.WithFindings(finding))));
        Assert.Equal("warning", (string?)log["runs"]![0]!["results"]![0]!["level"]);
    }

    [Fact]
    public void UnreadableInput_IsANotificationAndExitCode2()
    {
        using var tmp = new TempFolder();
        tmp.Write("bad.yaml", "vpcs: [\n");
        var r = CliRunner.Run(tmp.Path, "lint", "bad.yaml", "--format", "sarif", "--no-config");
        Assert.Equal(2, r.ExitCode);
        var inv = Parse(r.Out)["runs"]![0]!["invocations"]![0]!;
        Assert.False((bool)inv["executionSuccessful"]!);
        Assert.Equal("error", (string?)inv["toolExecutionNotifications"]![0]!["level"]);
        Assert.Equal("bad.yaml", (string?)inv["toolExecutionNotifications"]![0]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]);
    }

    [Fact]
    public void PathsWithSpaces_AreEscapedUris()
    {
        Assert.Equal("my%20folder/a%20b.yaml", SarifReporter.Artifact("my folder/a b.yaml").Uri.OriginalString);
        Assert.Equal("../x.yaml", SarifReporter.Artifact("../x.yaml").Uri.OriginalString);
    }
}
