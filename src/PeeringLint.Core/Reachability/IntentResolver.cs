using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>An intent of the model with its query (null when it did not resolve) and, once evaluated, its result.</summary>
public sealed record IntentOutcome(ConnectivityIntent Intent, ReachabilityQuery? Query, ReachabilityResult? Result, InputProblem? Problem);

/// <summary>
/// Turns the model's <see cref="ConnectivityIntent"/>s into queries. An intent naming something that does not
/// exist is an input problem ("intent 'x': 'Instance 9' names no instance, ENI or CIDR"), never a silent pass.
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

    public static IntentOutcome Resolve(ModelIndex index, ConnectivityIntent intent)
    {
        var source = Endpoint.Resolve(index, intent.From, out var error);
        if (source is null)
        {
            return Fail(intent, intent.FromLocation, error);
        }

        var destination = Endpoint.Resolve(index, intent.To, out error);
        if (destination is null)
        {
            return Fail(intent, intent.ToLocation, error);
        }

        if (Traffic.ParseProtocol(intent.Protocol) is not { } protocol)
        {
            return Fail(intent, intent.Location, $"'{intent.Protocol}' is not a protocol (use tcp, udp, icmp, icmpv6 or all)");
        }

        if (intent.Port is { } port && (port < -1 || port > 65535))
        {
            return Fail(intent, intent.Location, $"port {port} is out of range 0-65535");
        }

        if (protocol is Traffic.Tcp or Traffic.Udp && intent.Port is null)
        {
            return Fail(intent, intent.Location, $"a {Traffic.ProtocolName(protocol)} intent needs a port");
        }

        if (source.Kind == EndpointKind.Internet && destination.Kind == EndpointKind.Internet)
        {
            return Fail(intent, intent.Location, "source and destination are both the internet");
        }

        return new IntentOutcome(intent, new ReachabilityQuery(source, destination, protocol, intent.Port == -1 ? null : intent.Port), null, null);
    }

    private static IntentOutcome Fail(ConnectivityIntent intent, SourceLocation? location, string? message) =>
        new(intent, null, null, new InputProblem(location ?? intent.Location, $"intent '{intent.Name}': {message}"));
}
