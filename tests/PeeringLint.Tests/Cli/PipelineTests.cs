using System.Linq;
using PeeringLint.Cli;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Cli;

/// <summary>Issue 19 §1: lint, graph and reach bind their shared options and take one pipeline.</summary>
public sealed class PipelineTests
{
    [Fact]
    public void Graph_honours_the_configurations_rule_settings()
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        var plain = CliRunner.Run(dir.Path, "graph", "v.yaml");
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("PL1002", plain.Out);

        dir.Write(".peeringlint.yaml", "version: 1\nrules:\n  PL1002: off\n");
        var configured = CliRunner.Run(dir.Path, "graph", "v.yaml", "--verbose");
        Assert.Equal(0, configured.ExitCode);
        Assert.DoesNotContain("PL1002", configured.Out);
        Assert.Contains("note: using configuration .peeringlint.yaml", configured.Error);
        Assert.Contains("PL1002", CliRunner.Run(dir.Path, "graph", "v.yaml", "--no-config").Out);
    }

    [Fact]
    public void Graph_leaves_suppressed_findings_off_the_diagram()
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        var lint = CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", "json");
        var element = System.Text.Json.JsonDocument.Parse(lint.Out).RootElement.GetProperty("findings").EnumerateArray()
            .First(f => f.GetProperty("ruleId").GetString() == "PL1002").GetProperty("elementId").GetString();
        dir.Write(".peeringlint.yaml", $"version: 1\nsuppressions:\n  - rule: PL1002\n    resource: {element}\n    justification: drawn elsewhere\n");

        var graph = CliRunner.Run(dir.Path, "graph", "v.yaml");

        Assert.Equal(0, graph.ExitCode);
        Assert.DoesNotContain("PL1002", graph.Out);
    }

    [Fact]
    public void Reach_reads_parameters_from_the_configuration()
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering.yaml", "v.yaml");
        dir.Write(".peeringlint.yaml", "version: 1\nparameters:\n  Unused: x\n");
        var r = CliRunner.Run(dir.Path, "reach", "v.yaml", "--from", "Instance - NextWork VPC 1", "--to", "Instance - NextWork VPC 2", "--protocol", "icmp", "--verbose");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("note: using configuration .peeringlint.yaml", r.Error);
    }

    [Fact]
    public void One_run_evaluates_the_intents_once_and_shares_the_outcomes_with_the_rules()
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        var run = Pipeline.Run(new RunRequest { Inputs = new[] { "v.yaml" }, BaseDirectory = dir.Path });

        Assert.NotEmpty(run.Intents);
        Assert.Same(run.Intents, IntentResolver.Evaluate(run.Index));
        var blocked = run.Intents.Where(o => o.Result?.Verdict == ReachabilityVerdict.NotReachable).Select(o => o.Intent.Name).ToHashSet();
        var reported = run.Findings.Where(f => f.RuleId == "PL9001" && f.Properties.TryGetValue("verdict", out var v) && v == "NotReachable")
            .Select(f => f.Properties["intent"]).ToHashSet();
        Assert.NotEmpty(blocked);
        Assert.Equal(blocked, reported);
    }

    [Fact]
    public void A_run_without_rules_still_indexes_the_model()
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        var run = Pipeline.Run(new RunRequest { Inputs = new[] { "v.yaml" }, BaseDirectory = dir.Path, RunRules = false });

        Assert.Empty(run.Findings);
        Assert.Equal(2, run.Index.Vpcs.Count);
        Assert.NotEmpty(run.Intents);
    }

    [Fact]
    public void Every_lint_format_comes_from_the_reporter_table()
    {
        Assert.Equal(new[] { "text", "json", "sarif", "github", "junit", "gitlab", "azure" }, PeeringLint.Cli.Output.Reporters.Names);
        var help = CliRunner.Run(System.IO.Path.GetTempPath(), "lint", "--help");
        foreach (var name in PeeringLint.Cli.Output.Reporters.Names)
        {
            Assert.Contains(name, help.Out);
        }
    }
}
