using System;
using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>What the diagram shows of one connectivity intent: the engine's verdict, the element that blocks it and why.</summary>
internal sealed record IntentVerdict(ReachabilityVerdict Verdict, string? BlockingElementId = null, string? Reason = null);

/// <summary>The diagram's view of the run's intent outcomes (evaluated once by the pipeline).</summary>
internal static class IntentVerdicts
{
    /// <summary>Nothing evaluated: every intent is drawn grey, "not evaluated".</summary>
    public static Func<ConnectivityIntent, IntentVerdict?> None { get; } = _ => null;

    /// <summary>The verdict of each intent that resolved and was evaluated; null for the others.</summary>
    public static Func<ConnectivityIntent, IntentVerdict?> From(IEnumerable<IntentOutcome> outcomes)
    {
        var map = new Dictionary<ConnectivityIntent, IntentVerdict>(ReferenceEqualityComparer.Instance);
        foreach (var o in outcomes)
        {
            if (o.Result is not { } result)
            {
                continue;
            }

            var blocking = result.Verdict == ReachabilityVerdict.NotReachable ? result.BlockingHop : null;
            string? reason = result.Verdict switch
            {
                ReachabilityVerdict.NotReachable => blocking?.Reason,
                ReachabilityVerdict.Unknown => result.UnknownHops.Count > 0 ? result.UnknownHops[0].Reason : null,
                _ => null,
            };
            map[o.Intent] = new IntentVerdict(result.Verdict, blocking?.ElementId, reason);
        }

        return intent => map.TryGetValue(intent, out var v) ? v : null;
    }
}
