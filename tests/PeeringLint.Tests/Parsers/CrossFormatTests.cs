using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Parsers;

/// <summary>The tutorial's broken state, written in every input format, gives the same rule ids.</summary>
public sealed class CrossFormatTests
{
    private static IReadOnlyList<string> RuleIds(params string[] paths)
    {
        var sources = new List<InputSource>();
        foreach (var p in paths)
        {
            string full = TestPaths.Combine(p.Split('/'));
            var files = Directory.Exists(full) ? Directory.GetFiles(full, "*.json", SearchOption.AllDirectories) : new[] { full };
            sources.AddRange(files.Select(f => new InputSource(Path.GetRelativePath(TestPaths.Root, f).Replace('\\', '/'), () => File.ReadAllBytes(f), true)));
        }

        var load = new InputLoader().Load(sources);
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        var result = LintEngine.Run(load.Model);
        Assert.Empty(result.Failures);
        return result.Findings.Where(f => !f.IsSuppressed).Select(f => f.RuleId).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToArray();
    }

    private static readonly string[] Tutorial = { "PL1002", "PL2001", "PL2003", "PL3001", "PL9001" };

    [Fact]
    public void Tutorial_yaml_reports_the_tutorial_mistakes() =>
        Assert.Equal(Tutorial, RuleIds("examples/nextwork-peering-broken.yaml"));

    [Theory]
    [InlineData("examples/cloudformation/nextwork-broken.yaml")]
    [InlineData("examples/cloudformation/nextwork-broken.json")]
    public void CloudFormation_reports_the_same(string template) =>
        Assert.Equal(Tutorial, RuleIds(template, "examples/nextwork-intents.yaml"));

    /// <summary>AWS refused the typo route (PL1002) when the learner tried it, so a real export cannot hold it.</summary>
    [Fact]
    public void Aws_json_export_reports_the_same_except_what_AWS_refused() =>
        Assert.Equal(Tutorial.Where(id => id != "PL1002"), RuleIds("examples/aws-json/nextwork-broken", "examples/nextwork-intents.yaml"));

    [Theory]
    [InlineData("examples/nextwork-peering.yaml")]
    [InlineData("examples/cloudformation/nextwork-working.yaml")]
    [InlineData("examples/aws-json/nextwork-working")]
    public void Working_states_have_no_errors_or_warnings(string input)
    {
        var sources = new List<string> { input };
        if (!input.EndsWith("nextwork-peering.yaml", StringComparison.Ordinal))
        {
            sources.Add("examples/nextwork-intents.yaml");
        }

        var ids = RuleIds(sources.ToArray());
        var blocking = new[] { "PL1001", "PL1002", "PL1003", "PL1004", "PL2001", "PL2002", "PL2003", "PL2004", "PL2005", "PL2006", "PL9001" };
        Assert.Empty(ids.Intersect(blocking));
    }
}

/// <summary>What one reader covers is not undone by another reader of the same run.</summary>
public sealed class CrossFormatCoverageTests
{
    [Fact]
    public void A_tutorial_topology_beside_a_template_keeps_the_templates_transit_gateway_coverage()
    {
        var sources = new[] { "examples/transit-gateway/hub-and-spoke.yaml", "examples/nextwork-peering.yaml" }
            .Select(p => new InputSource(p, () => File.ReadAllBytes(TestPaths.Combine(p.Split('/'))), true))
            .ToArray();
        var alone = new InputLoader().Load(sources.Take(1).ToArray());
        Assert.True(alone.Model.Covers(ResourceKinds.TransitGateways));

        var both = new InputLoader().Load(sources);
        Assert.True(both.Model.Covers(ResourceKinds.TransitGateways));
        Assert.True(both.Model.Covers(ResourceKinds.Vpcs | ResourceKinds.RouteTables));
    }
}
