using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Configuration;
using PeeringLint.Engine;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Cli;

public sealed class ConfigurationTests
{
    private static (LintConfig? Config, List<InputProblem> Problems) Parse(string yaml)
    {
        var problems = new List<InputProblem>();
        var config = ConfigReader.Parse(yaml, ".peeringlint.yaml", "/repo", problems);
        return (config, problems);
    }

    [Fact]
    public void ValidFile_IsRead()
    {
        var (config, problems) = Parse("""
            version: 1
            severity_threshold: error
            rules:
              PL2003: off
              missing-return-route: warning
              PL2006:
                enabled: true
                severity: note
              PL1004: false
            ignore_paths:
              - legacy/**
              - "*.generated.json"
            parameters:
              VpcCidr: 10.0.0.0/16
              Count: 3
            intents:
              - intents/prod.yaml
            suppressions:
              - rule: PL2001
                resource: rtb-0123456789abcdef0
                justification: Return traffic goes through the transit gateway.
              - resource: pcx-1
                justification: Being deleted.
            """);
        Assert.Empty(problems);
        Assert.NotNull(config);
        Assert.Equal(Severity.Error, config!.SeverityThreshold);
        Assert.Equal(
            new[] { ("PL2003", false, (Severity?)null), ("PL2001", true, Severity.Warning), ("PL2006", true, Severity.Note), ("PL1004", false, null) },
            config.Rules.Select(r => (r.RuleId, r.Enabled, r.Severity)));
        Assert.Equal(new[] { "legacy/**", "*.generated.json" }, config.IgnorePaths);
        Assert.Equal("3", config.Parameters["Count"]);
        Assert.Equal(Path.GetFullPath("/repo/intents/prod.yaml"), config.Intents.Single());
        Assert.Equal("PL2001", config.Suppressions[0].Rule);
        Assert.Null(config.Suppressions[1].Rule);
        Assert.Equal("pcx-1", config.Suppressions[1].Resource);
    }

    [Theory]
    [InlineData("rules:\n  PL2003: off\nignore_path: [a]\n", 3, 1, "unknown key 'ignore_path'")]
    [InlineData("rules:\n  PL9999: off\n", 2, 3, "unknown rule 'PL9999'")]
    [InlineData("rules:\n  PL2003: fatal\n", 2, 11, "expected error, warning or note")]
    [InlineData("rules:\n  PL2003: { enabled: maybe }\n", 2, 22, "expected true or false for 'enabled'")]
    [InlineData("suppressions:\n  - rule: PL2001\n    resource: rtb-1\n", 2, 5, "a suppression needs 'justification'")]
    [InlineData("suppressions:\n  - resource: rtb-1\n    justification: x\n    reason: y\n", 4, 5, "unknown key 'reason' in a suppression")]
    [InlineData("ignore_paths: legacy\n", 1, 15, "expected a list of strings for 'ignore_paths'")]
    [InlineData("- just\n- a list\n", 1, 1, "expected a mapping at the top")]
    [InlineData("rules: [\n", 2, 1, "invalid YAML")]
    public void InvalidFile_IsAnErrorWithLocation(string yaml, int line, int column, string message)
    {
        var (config, problems) = Parse(yaml);
        Assert.Null(config);
        var p = problems.First();
        Assert.Equal(InputProblemSeverity.Error, p.Severity);
        Assert.Contains(message, p.Message);
        Assert.Equal((".peeringlint.yaml", line, column), (p.Location.Path, p.Location.StartLine, p.Location.StartColumn));
    }

    [Fact]
    public void EmptyFile_IsValid()
    {
        var (config, problems) = Parse("# nothing configured yet\n");
        Assert.Empty(problems);
        Assert.NotNull(config);
    }

    [Fact]
    public void Cli_InvalidConfig_Exits2WithFileLineColumn()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml", "net/broken.yaml");
        tmp.Write(".peeringlint.yaml", "rules:\n  PL2003: off\n  bogus-rule: error\n");
        var r = CliRunner.Run(tmp.Path, "lint", "net/broken.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(".peeringlint.yaml:3:3: error: unknown rule 'bogus-rule'", r.Error);
        Assert.Equal(string.Empty, r.Out);
    }

    [Fact]
    public void Cli_LintingTheConfigsOwnFolderReadsTheConfigAsConfigurationNotAsAnInput()
    {
        // A .peeringlint.yaml with an 'intents:' list of paths (the documented shape) looks like an intents file; a
        // folder walk found it and reported "expected a mapping in 'intents'" at .peeringlint.yaml:2:5.
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering.yaml", "net.yaml");
        tmp.CopyExample("nextwork-intents.yaml", "checks/intents.yaml");
        tmp.Write(".peeringlint.yaml", """
            intents:
              - checks/intents.yaml
            """);

        var r = CliRunner.Run(tmp.Path, "lint", ".", "--format", "json");

        Assert.DoesNotContain(".peeringlint.yaml", r.Out);
        Assert.DoesNotContain(".peeringlint.yaml", r.Error);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void Cli_FindsConfigAboveTheInputAndAppliesIt()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml", "net/broken.yaml");
        tmp.CopyExample("nextwork-peering-broken.yaml", "net/legacy/old.yaml");
        tmp.Write(".peeringlint.yaml", """
            rules:
              PL2003: off
              PL1002: note
            ignore_paths:
              - net/legacy/
            """);
        var r = CliRunner.Run(tmp.Path, "lint", "net", "--format", "github", "--verbose");
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain("PL2003", r.Out);
        Assert.DoesNotContain("legacy", r.Out);
        Assert.Contains("::notice file=net/broken.yaml,line=16,col=28,endLine=16,endColumn=39,title=PL1002::", r.Out);
        Assert.Contains("title=PL2001", r.Out);
        Assert.Contains("note: ignored net/legacy/old.yaml", r.Error);

        // --no-config and an explicit --config both bypass discovery.
        Assert.Contains("PL2003", CliRunner.Run(tmp.Path, "lint", "net", "--format", "github", "--no-config").Out);
        tmp.Write("other.yaml", "rules:\n  PL2001: off\n");
        var other = CliRunner.Run(tmp.Path, "lint", "net/broken.yaml", "--format", "github", "--config", "other.yaml");
        Assert.DoesNotContain("PL2001", other.Out);
        Assert.Contains("PL2003", other.Out);
    }

    [Fact]
    public void Cli_ThresholdFromConfig_AndMissingExplicitConfig()
    {
        using var tmp = new TempFolder();
        tmp.CopyExample("nextwork-peering-broken.yaml");
        tmp.Write(".peeringlint.yaml", "rules:\n  PL2001: warning\n  PL2003: warning\n  PL1002: warning\n  PL9001: warning\nseverity_threshold: error\n");
        Assert.Equal(0, CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml").ExitCode);
        Assert.Equal(1, CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--severity-threshold", "warning").ExitCode);
        var missing = CliRunner.Run(tmp.Path, "lint", "nextwork-peering-broken.yaml", "--config", "nope.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.yaml", missing.Error);
    }

    [Theory]
    [InlineData("legacy/**", "legacy/a.json", true)]
    [InlineData("legacy/**", "x/legacy/a.json", false)]
    [InlineData("legacy/", "legacy/deep/a.json", true)]
    [InlineData("*.generated.json", "a/b/vpc.generated.json", true)]
    [InlineData("*.generated.json", "a/b/vpc.json", false)]
    [InlineData("accounts/*/us-east-1/*.json", "accounts/111/us-east-1/Vpcs.json", true)]
    [InlineData("accounts/*/us-east-1/*.json", "accounts/111/eu-west-1/Vpcs.json", false)]
    [InlineData("**/tmp", "a/b/tmp/x.yaml", true)]
    [InlineData("a?.yaml", "ab.yaml", true)]
    public void Globs(string pattern, string path, bool matches) => Assert.Equal(matches, new Glob(pattern).IsMatch(path));
}
