using PeeringLint.Engine;

namespace PeeringLint.Reachability;

/// <summary>
/// What to evaluate: traffic from <see cref="Source"/> to <see cref="Destination"/> with an IP protocol
/// (AWS number: -1 all, 6 tcp, 17 udp, 1 icmp, 58 icmpv6) and a port (ICMP: the type; null: all ports, or echo request).
/// </summary>
public sealed record ReachabilityQuery(Endpoint Source, Endpoint Destination, int Protocol, int? Port = null)
{
    public Traffic Request => Traffic.Request(Protocol, Port);

    /// <summary>
    /// Builds a query from text, as the CLI and intents give it: endpoints as "internet", a CIDR, an address, an
    /// instance or ENI id, Name tag or logical id; protocol as tcp, udp, icmp, all or a number.
    /// Returns null with <paramref name="error"/> set when something does not resolve.
    /// </summary>
    public static ReachabilityQuery? Create(ModelIndex index, string from, string to, string protocol, int? port, out string? error)
    {
        var source = Endpoint.Resolve(index, from, out error);
        if (source is null)
        {
            return null;
        }

        var destination = Endpoint.Resolve(index, to, out error);
        if (destination is null)
        {
            return null;
        }

        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        int? p = Traffic.ParseProtocol(protocol);
        if (p is null)
        {
            error = $"'{protocol}' is not a protocol (use tcp, udp, icmp, icmpv6, all or a protocol number)";
            return null;
        }

        if (port is not null && (port < -1 || port > 65535))
        {
            error = $"port {port} is out of range 0-65535";
            return null;
        }

        if (source.Kind == EndpointKind.Internet && destination.Kind == EndpointKind.Internet)
        {
            error = "source and destination are both the internet";
            return null;
        }

        return new ReachabilityQuery(source, destination, p.Value, port == -1 ? null : port);
    }

    public override string ToString() => $"{Source.Label} → {Destination.Label} {Request}";
}
