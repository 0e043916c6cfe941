using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Tests.Equivalence;

/// <summary>What one form of one topology gave: its canonical facts and findings, and any input problem.</summary>
public sealed record FormOutcome(Form Form, IReadOnlyList<string> Facts, IReadOnlyList<string> Findings, IReadOnlyList<string> Problems);

/// <summary>The outcome of comparing every form of one topology with the reference form.</summary>
public sealed record TopologyOutcome(Topology Topology, FormOutcome Reference, IReadOnlyList<Drift> Unexplained, IReadOnlyList<(Drift Drift, KnownDrift Known)> Known, IReadOnlyList<(Form Form, string Why)> Skipped, IReadOnlyList<Form> Compared);

/// <summary>
/// Renders a topology into the forms InputLoader reads, loads each one through the real readers, runs the rules,
/// and compares facts and findings with the AWS describe-* JSON form (what AWS itself reports).
/// </summary>
public static class EquivalenceSuite
{
    public const int Seed = 20261129;
    public const int GeneratedCount = 40;

    public static readonly Form[] LoaderForms = { Form.TutorialYaml, Form.CfnJson, Form.CfnYaml };

    public static IEnumerable<Topology> Generated() => Enumerable.Range(0, GeneratedCount).Select(i => TopologyGenerator.Generate(Seed + i));

    public static FormOutcome Load(Topology t, Rendering r)
    {
        string folder = r.Form.ToString();
        var sources = r.Files.Select(f => InputSource.FromText(folder + "/" + f.Path, f.Text)).ToList();
        var load = new InputLoader().Load(sources, new LoadOptions { MaxDegreeOfParallelism = 1 });
        var problems = load.Problems.Where(p => p.Severity == PeeringLint.Model.InputProblemSeverity.Error).Select(p => p.ToString()!).ToList();
        var result = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 });
        problems.AddRange(result.Failures.Select(f => "rule failure: " + f));
        var canonical = new Canonical(load.Model, r.Aliases, t);
        return new FormOutcome(r.Form, canonical.Facts(), canonical.Findings(result.Findings), problems);
    }

    public static FormOutcome Load(Topology t, Form form) => Load(t, Renderers.Render(t, form));

    /// <summary>Compares <paramref name="outcome"/> with the reference; known drift is split from the rest.</summary>
    public static (List<Drift> Unexplained, List<(Drift, KnownDrift)> Known) Compare(Topology t, FormOutcome reference, FormOutcome outcome)
    {
        var drifts = Comparison.Diff(t.Name, outcome.Form, reference.Facts, outcome.Facts);
        drifts.AddRange(Comparison.Diff(t.Name, outcome.Form, reference.Findings, outcome.Findings));
        var unexplained = new List<Drift>();
        var known = new List<(Drift, KnownDrift)>();
        foreach (var d in drifts)
        {
            if (KnownDrifts.Find(d) is { } k)
            {
                known.Add((d, k));
            }
            else
            {
                unexplained.Add(d);
            }
        }

        unexplained.AddRange(outcome.Problems.Select(p => new Drift(t.Name, outcome.Form, true, "input problem: " + p)));
        return (unexplained, known);
    }

    public static TopologyOutcome Run(Topology t)
    {
        var reference = Load(t, Form.AwsJson);
        var unexplained = reference.Problems.Select(p => new Drift(t.Name, Form.AwsJson, true, "input problem: " + p)).ToList();
        var known = new List<(Drift, KnownDrift)>();
        var skipped = new List<(Form, string)>();
        var compared = new List<Form>();
        foreach (var form in LoaderForms)
        {
            var why = Expressiveness.Unsupported(t, form);
            if (why.Count > 0)
            {
                skipped.AddRange(why.Select(w => (form, w)));
                continue;
            }

            compared.Add(form);
            var (u, k) = Compare(t, reference, Load(t, form));
            unexplained.AddRange(u);
            known.AddRange(k);
        }

        return new TopologyOutcome(t, reference, unexplained, known, skipped, compared);
    }

    private static readonly Lazy<IReadOnlyList<TopologyOutcome>> LazyHandWritten = new(() => Topologies.All.Select(Run).ToList());
    private static readonly Lazy<IReadOnlyList<TopologyOutcome>> LazyGenerated = new(() => Generated().Select(Run).ToList());

    public static IReadOnlyList<TopologyOutcome> HandWritten => LazyHandWritten.Value;

    public static IReadOnlyList<TopologyOutcome> GeneratedOutcomes => LazyGenerated.Value;
}
