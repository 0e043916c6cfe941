using System;
using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

internal enum IntentOutcomeKind
{
    Reachable,
    Blocked,
    Unknown,
}

/// <summary>What is known about one connectivity intent: the outcome, the element that blocks it and why.</summary>
internal sealed record IntentVerdict(IntentOutcomeKind Outcome, string? BlockingElementId = null, string? Reason = null);

/// <summary>
/// Sources of intent verdicts for the diagram. The seam is a plain <c>Func&lt;ConnectivityIntent, IntentVerdict?&gt;</c>
/// (null = nothing known, drawn grey "not evaluated"), so the reachability engine (issue 4) plugs in without the
/// graph code knowing its types: see <see cref="FromOutcomes"/> and <c>GraphCommand.EngineVerdicts</c>.
/// </summary>
internal static class IntentVerdicts
{
    public const string IntentRuleId = "PL9001";

    public static Func<ConnectivityIntent, IntentVerdict?> None { get; } = _ => null;

    /// <summary>
    /// Verdicts read from PL9001 findings (connectivity intent blocked): a finding whose <c>intent</c> property
    /// (or key prefix <c>name|</c>) names the intent makes it Blocked (or Unknown when its <c>verdict</c> property says
    /// so), with the blocking element from <c>blockingElement</c> or the finding's element. The absence of a finding
    /// proves nothing (the rule may not have run, the intent may not resolve), so it yields null, never Reachable.
    /// </summary>
    public static Func<ConnectivityIntent, IntentVerdict?> FromFindings(IEnumerable<Finding> findings)
    {
        var byIntent = new Dictionary<string, IntentVerdict>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.IsSuppressed || !string.Equals(f.RuleId, IntentRuleId, StringComparison.Ordinal))
            {
                continue;
            }

            string? name = f.Properties.TryGetValue("intent", out var n) ? n : null;
            if (name is null && f.Key.IndexOf('|') is int bar and > 0)
            {
                name = f.Key.Substring(0, bar);
            }

            if (name is null)
            {
                continue;
            }

            bool unknown = f.Properties.TryGetValue("verdict", out var v) && string.Equals(v, "Unknown", StringComparison.OrdinalIgnoreCase);
            string? blocking = f.Properties.TryGetValue("blockingElement", out var b) && b.Length > 0 ? b : f.ElementId;
            var verdict = unknown
                ? new IntentVerdict(IntentOutcomeKind.Unknown, null, f.Message)
                : new IntentVerdict(IntentOutcomeKind.Blocked, blocking, f.Message);

            // Blocked beats Unknown; the first finding (output order) wins among equals.
            if (!byIntent.TryGetValue(name, out var existing) || (existing.Outcome == IntentOutcomeKind.Unknown && verdict.Outcome == IntentOutcomeKind.Blocked))
            {
                byIntent[name] = verdict;
            }
        }

        return intent => byIntent.TryGetValue(intent.Name, out var verdict) ? verdict : null;
    }

    /// <summary>
    /// Adapter for an engine's per-intent results: the verdict as text ("Reachable", "NotReachable"/"Blocked",
    /// "Unknown"), the blocking element id and the reason. Keeps this code free of the engine's types.
    /// </summary>
    public static Func<ConnectivityIntent, IntentVerdict?> FromOutcomes(IEnumerable<(ConnectivityIntent Intent, string Verdict, string? BlockingElementId, string? Reason)> outcomes)
    {
        var map = new Dictionary<ConnectivityIntent, IntentVerdict>();
        foreach (var (intent, verdict, blocking, reason) in outcomes)
        {
            var kind = verdict switch
            {
                "Reachable" => IntentOutcomeKind.Reachable,
                "NotReachable" or "Blocked" => IntentOutcomeKind.Blocked,
                _ => IntentOutcomeKind.Unknown,
            };
            map[intent] = new IntentVerdict(kind, kind == IntentOutcomeKind.Blocked ? blocking : null, reason);
        }

        return intent => map.TryGetValue(intent, out var v) ? v : null;
    }

    /// <summary>The first source that knows something wins.</summary>
    public static Func<ConnectivityIntent, IntentVerdict?> Combine(params Func<ConnectivityIntent, IntentVerdict?>?[] sources) => intent =>
    {
        foreach (var s in sources)
        {
            if (s?.Invoke(intent) is { } v)
            {
                return v;
            }
        }

        return null;
    };
}
