using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.TestKit;

/// <summary>An expected finding span: 1-based start line/column, end column exclusive, optional rule id.</summary>
internal sealed record ExpectedSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, string? RuleId)
{
    public override string ToString() => $"{RuleId ?? "*"}@{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}

/// <summary>Loads tutorial YAML (with markup), runs one rule, and compares ids and spans exactly.</summary>
internal static class RuleVerifier
{
    public static LoadResult Load(string yaml, string path = "test.yaml")
    {
        var result = new InputLoader().Load(new[] { InputSource.FromText(path, yaml) });
        var errors = result.Problems.Where(p => p.Severity == InputProblemSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "input problems: " + string.Join("; ", errors));
        return result;
    }

    public static IReadOnlyList<Finding> Run(string yaml, string ruleId)
    {
        var load = Load(yaml);
        var rule = RuleCatalog.Find(ruleId) ?? throw new ArgumentException("no rule " + ruleId);
        var result = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { rule });
        Assert.Empty(result.Failures);
        return result.Findings;
    }

    /// <summary>
    /// Asserts that <paramref name="ruleId"/> reports exactly at the marked spans (none marked: no finding).
    /// Spans marked with another id are ignored for this rule.
    /// </summary>
    public static IReadOnlyList<Finding> Verify(string markup, string ruleId)
    {
        var (text, spans) = Markup.Parse(markup);
        var findings = Run(text, ruleId);
        var expected = spans.Where(s => s.RuleId is null || s.RuleId == ruleId).Select(s => new ExpectedSpan(s.StartLine, s.StartColumn, s.EndLine, s.EndColumn, ruleId)).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
        var actual = findings.Select(f => new ExpectedSpan(f.Location.StartLine, f.Location.StartColumn, f.Location.EndLine, f.Location.EndColumn, f.RuleId)).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            $"expected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", actual)}]\nmessages:\n{string.Join("\n", findings.Select(f => f.Message))}");
        return findings;
    }
}
