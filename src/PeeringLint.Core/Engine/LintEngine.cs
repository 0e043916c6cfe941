using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>Which rules run and at what severity.</summary>
public sealed record LintOptions
{
    public static LintOptions Default { get; } = new();

    /// <summary>Only these rules (ids or slugs); null means all.</summary>
    public IReadOnlyCollection<string>? IncludeRules { get; init; }

    /// <summary>Rules (ids or slugs) that never run.</summary>
    public IReadOnlyCollection<string> ExcludeRules { get; init; } = Array.Empty<string>();

    /// <summary>Severity per rule id, replacing the descriptor's default.</summary>
    public IReadOnlyDictionary<string, Severity> SeverityOverrides { get; init; } = new Dictionary<string, Severity>();

    /// <summary>Rules run concurrently up to this many at once; 1 runs them in order.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>A rule that threw: a bug in PeeringLint, never silently dropped.</summary>
public sealed record RuleFailure(string RuleId, string Message);

public sealed record LintResult(IReadOnlyList<Finding> Findings, IReadOnlyList<RuleFailure> Failures, ModelIndex Index);

/// <summary>Runs the enabled rules over a model and returns findings in deterministic order.</summary>
public static class LintEngine
{
    public static LintResult Run(NetworkModel model, LintOptions? options = null, IReadOnlyList<Rule>? rules = null)
    {
        options ??= LintOptions.Default;
        var selected = Select(rules ?? RuleCatalog.All, options);
        var index = new ModelIndex(model);
        var perRule = new IReadOnlyList<Finding>[selected.Count];
        var failures = new RuleFailure?[selected.Count];

        void RunOne(int i)
        {
            var rule = selected[i];
            var context = new RuleContext(rule, model, index, options.SeverityOverrides.TryGetValue(rule.Descriptor.Id, out var s) ? s : null);
            try
            {
                rule.Analyze(context);
                perRule[i] = context.Findings;
            }
            catch (Exception ex)
            {
                perRule[i] = context.Findings;
                failures[i] = new RuleFailure(rule.Descriptor.Id, ex.GetType().Name + ": " + ex.Message);
            }
        }

        if (options.MaxDegreeOfParallelism <= 1 || selected.Count < 2)
        {
            for (int i = 0; i < selected.Count; i++)
            {
                RunOne(i);
            }
        }
        else
        {
            Parallel.For(0, selected.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, RunOne);
        }

        var all = new List<Finding>();
        foreach (var list in perRule)
        {
            all.AddRange(list);
        }

        all.Sort();
        return new LintResult(all, failures.Where(f => f is not null).Select(f => f!).ToArray(), index);
    }

    /// <summary>The rules that <paramref name="options"/> enable, in catalogue order.</summary>
    public static IReadOnlyList<Rule> Select(IReadOnlyList<Rule> rules, LintOptions options)
    {
        var result = new List<Rule>(rules.Count);
        foreach (var rule in rules)
        {
            if (options.IncludeRules is not null && !Matches(rule.Descriptor, options.IncludeRules))
            {
                continue;
            }

            if (Matches(rule.Descriptor, options.ExcludeRules))
            {
                continue;
            }

            result.Add(rule);
        }

        return result;
    }

    private static bool Matches(RuleDescriptor d, IReadOnlyCollection<string> names)
    {
        foreach (var n in names)
        {
            if (string.Equals(n, d.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(n, d.Slug, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
