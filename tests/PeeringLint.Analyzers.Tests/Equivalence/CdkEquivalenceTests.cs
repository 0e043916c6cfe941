using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Analyzers.Tests.TestKit;
using PeeringLint.Engine;
using PeeringLint.Tests.Equivalence;
using Xunit;

namespace PeeringLint.Analyzers.Tests.Equivalence;

/// <summary>
/// The CDK C# form of the equivalence suite: every topology (hand-written and generated, the same seed and count as
/// PeeringLint.Tests) written with L1 constructs and compiled against the real Amazon.CDK.Lib gives the same model
/// facts and the same findings as its AWS describe-* JSON form. The model is the analyzer's own
/// (<see cref="CdkModelProbe"/>); a separate check holds the analyzer's diagnostics to the same rule ids.
/// </summary>
public sealed class CdkEquivalenceTests
{
    private static readonly Lazy<IReadOnlyList<(TopologyOutcome Outcome, string AnalyzerCheck)>> Outcomes =
        new(() => Topologies.All.Concat(EquivalenceSuite.Generated()).Select(Run).ToList());

    private static (TopologyOutcome, string) Run(Topology t)
    {
        var reference = EquivalenceSuite.Load(t, Form.AwsJson);
        var why = Expressiveness.Unsupported(t, Form.CdkCSharp);
        if (why.Count > 0)
        {
            return (new TopologyOutcome(t, reference, Array.Empty<Drift>(), Array.Empty<(Drift, KnownDrift)>(), why.Select(w => (Form.CdkCSharp, w)).ToList(), Array.Empty<Form>()), string.Empty);
        }

        var cdk = CdkRenderer.Render(t);
        var compilation = CdkCompiler.Compile(new[] { ("Stack.cs", cdk.Source) });
        var model = CdkModelProbe.Build(compilation);
        var result = LintEngine.Run(model, new LintOptions { MaxDegreeOfParallelism = 1 });
        var canonical = new Canonical(model, Cfn.Aliases(t), t);
        var outcome = new FormOutcome(Form.CdkCSharp, canonical.Facts(), canonical.Findings(result.Findings), result.Failures.Select(f => "rule failure: " + f).ToList());
        var (unexplained, known) = EquivalenceSuite.Compare(t, reference, outcome);

        // The probe must be the analyzer's model: the analyzer reports exactly the probe's findings' rule ids.
        var run = CdkCompiler.RunAsync(compilation).GetAwaiter().GetResult();
        string fromAnalyzer = string.Join(",", run.Diagnostics.Select(d => d.Id).Where(id => id.StartsWith("PL", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        string fromProbe = string.Join(",", result.Findings.Where(f => !f.IsSuppressed).Select(f => f.RuleId).Order(StringComparer.Ordinal));
        string check = run.Exceptions.Count == 0 && fromAnalyzer == fromProbe ? string.Empty : $"{t.Name}: analyzer [{fromAnalyzer}] vs probe [{fromProbe}] {string.Join("; ", run.Exceptions.Select(e => e.Message))}";
        return (new TopologyOutcome(t, reference, unexplained, known, Array.Empty<(Form, string)>(), new[] { Form.CdkCSharp }), check);
    }

    private static string Report(IEnumerable<Drift> drifts) => string.Join("\n", drifts.Select(d => d.ToString()));

    private static bool IsHandWritten(Topology t) => Topologies.All.Any(h => ReferenceEquals(h, t));

    [Fact]
    public void Hand_written_topologies_mean_the_same_in_CDK_CSharp()
    {
        var outcomes = Outcomes.Value.Where(o => IsHandWritten(o.Outcome.Topology)).ToList();
        var unexplained = outcomes.SelectMany(o => o.Outcome.Unexplained).ToList();
        Assert.True(unexplained.Count == 0, Report(unexplained));
        Assert.True(outcomes.Count(o => o.Outcome.Compared.Count > 0) >= 8, "too few hand-written topologies compared in C#");
    }

    [Fact]
    public void Generated_networks_mean_the_same_in_CDK_CSharp()
    {
        var outcomes = Outcomes.Value.Where(o => !IsHandWritten(o.Outcome.Topology)).ToList();
        Assert.Equal(EquivalenceSuite.GeneratedCount, outcomes.Count);
        var unexplained = outcomes.SelectMany(o => o.Outcome.Unexplained).ToList();
        Assert.True(unexplained.Count == 0, unexplained.Count + " unexplained drifts:\n" + Report(unexplained.Take(2000)));
        Assert.True(outcomes.Count(o => o.Outcome.Compared.Count > 0) >= EquivalenceSuite.GeneratedCount / 3, "the generator hollowed the C# form out");
    }

    [Fact]
    public void The_analyzer_reports_what_the_probed_model_gives()
    {
        var mismatches = Outcomes.Value.Select(o => o.AnalyzerCheck).Where(c => c.Length > 0).ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Contains(Outcomes.Value, o => o.Outcome.Compared.Count > 0 && o.Outcome.Reference.Findings.Count > 0);
    }

    [Fact]
    public void Every_known_CDK_drift_still_drifts()
    {
        var seen = Outcomes.Value.SelectMany(o => o.Outcome.Known).Select(k => k.Known.Id).ToHashSet(StringComparer.Ordinal);
        var stale = KnownDrifts.All.Where(k => k.Forms.Contains(Form.CdkCSharp) && !seen.Contains(k.Id)).Select(k => k.Id).ToList();
        Assert.True(stale.Count == 0, "these KnownDrift entries no longer drift; remove them: " + string.Join(", ", stale));
    }
}
