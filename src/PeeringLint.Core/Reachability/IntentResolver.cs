using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>An intent of the model with its query (null when it did not resolve) and, once evaluated, its result.</summary>
public sealed record IntentOutcome(ConnectivityIntent Intent, ReachabilityQuery? Query, ReachabilityResult? Result, InputProblem? Problem);

/// <summary>
/// Turns the model's <see cref="ConnectivityIntent"/>s into queries. An intent naming something that does not
/// exist, or a name several inputs share, is an input problem ("intent 'x': 'Instance 9' names no instance,
/// ENI or CIDR"), never a silent pass.
/// </summary>
public static class IntentResolver
{
    /// <summary>Resolves every intent of the model; unresolvable ones come back with a problem and no query.</summary>
    public static IReadOnlyList<IntentOutcome> Resolve(ModelIndex index)
    {
        var list = new List<IntentOutcome>(index.Model.Intents.Count);
        foreach (var intent in index.Model.Intents)
        {
            list.Add(Resolve(index, intent));
        }

        return list;
    }

    private static readonly ConditionalWeakTable<ModelIndex, IReadOnlyList<IntentOutcome>> Evaluated = new();

    /// <summary>Resolves and evaluates every intent of the model, once per index (PL9001 and the CLI share the result).</summary>
    public static IReadOnlyList<IntentOutcome> Evaluate(ModelIndex index) => Evaluated.GetValue(index, EvaluateAll);

    private static IReadOnlyList<IntentOutcome> EvaluateAll(ModelIndex index)
    {
        var list = new List<IntentOutcome>(index.Model.Intents.Count);
        foreach (var intent in index.Model.Intents)
        {
            var o = Resolve(index, intent);
            list.Add(o.Query is null ? o : o with { Result = ReachabilityEngine.Evaluate(index, o.Query) });
        }

        return list;
    }

    /// <summary>
    /// Resolves one intent. Its names are looked up where it was declared (<see cref="IntentSource"/>): an
    /// intent next to a network resolves in that file first; a name that matches several elements is an error
    /// listing them, except in an intents file a folder search found (a warning, and the intent is not evaluated).
    /// </summary>
    public static IntentOutcome Resolve(ModelIndex index, ConnectivityIntent intent)
    {
        string? file = intent.Source == IntentSource.Network ? intent.Location.Path : null;
        var source = Endpoint.Resolve(index, intent.From, file, intent.IdPrefix, out var error, out bool ambiguous);
        if (source is null)
        {
            return Fail(intent, intent.FromLocation, error, ambiguous);
        }

        var destination = Endpoint.Resolve(index, intent.To, file, intent.IdPrefix, out error, out ambiguous);
        if (destination is null)
        {
            return Fail(intent, intent.ToLocation, error, ambiguous);
        }

        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        int? parsed = Traffic.ParseProtocol(intent.Protocol);
        if (parsed is null)
        {
            return Fail(intent, intent.Location, $"'{intent.Protocol}' is not a protocol (use tcp, udp, icmp, icmpv6 or all)");
        }

        int protocol = parsed.Value;
        if (intent.Port is not null && (intent.Port < -1 || intent.Port > 65535))
        {
            return Fail(intent, intent.Location, $"port {intent.Port} is out of range 0-65535");
        }

        if ((protocol == Traffic.Tcp || protocol == Traffic.Udp) && intent.Port is null)
        {
            return Fail(intent, intent.Location, $"a {Traffic.ProtocolName(protocol)} intent needs a port");
        }

        if (source.Kind == EndpointKind.Internet && destination.Kind == EndpointKind.Internet)
        {
            return Fail(intent, intent.Location, "source and destination are both the internet");
        }

        return new IntentOutcome(intent, new ReachabilityQuery(source, destination, protocol, intent.Port == -1 ? null : intent.Port), null, null);
    }

    private static IntentOutcome Fail(ConnectivityIntent intent, SourceLocation? location, string? message, bool ambiguous = false)
    {
        // An intents file found in a folder may sit beside several unrelated networks: a name they share
        // does not make the input wrong, it makes the intent impossible to place. Say so, never pass it.
        if (ambiguous && intent.Source == IntentSource.Discovered)
        {
            return new(intent, null, null, new InputProblem(
                location ?? intent.Location,
                $"intent '{intent.Name}' is not evaluated: {message}, or name this intents file with --intents next to the one network it is for",
                InputProblemSeverity.Warning));
        }

        return new(intent, null, null, new InputProblem(location ?? intent.Location, $"intent '{intent.Name}': {message}"));
    }
}
