using System;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

public enum EndpointKind
{
    /// <summary>Any address on the internet (reached through an internet gateway).</summary>
    Internet,

    /// <summary>An address range: inside a VPC of the model, or outside all of them (then it is on the internet).</summary>
    Cidr,

    Instance,

    NetworkInterface,
}

/// <summary>
/// A source or destination of a reachability query: <c>internet</c>, a CIDR (or a single address), or an
/// instance or network interface named by id, Name tag or logical id.
/// </summary>
public sealed record Endpoint
{
    private Endpoint(EndpointKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public EndpointKind Kind { get; }

    /// <summary>What the user wrote.</summary>
    public string Text { get; }

    /// <summary>The block, for <see cref="EndpointKind.Cidr"/>.</summary>
    public Cidr? Cidr { get; private init; }

    /// <summary>The instance or network interface, for those kinds.</summary>
    public Element? Element { get; private init; }

    public static Endpoint Internet { get; } = new(EndpointKind.Internet, "internet");

    public static Endpoint ForCidr(Cidr cidr, string? text = null) => new(EndpointKind.Cidr, text ?? cidr.ToString()) { Cidr = cidr };

    public static Endpoint ForInstance(Instance instance) => new(EndpointKind.Instance, instance.Id) { Element = instance };

    public static Endpoint ForInterface(NetworkInterface eni) => new(EndpointKind.NetworkInterface, eni.Id) { Element = eni };

    /// <summary>A label for messages: "the internet", "10.1.0.0/16", "instance 'Instance 1' (i-…)".</summary>
    public string Label => Kind switch
    {
        EndpointKind.Internet => "the internet",
        EndpointKind.Cidr => Cidr!.Value.ToString(),
        EndpointKind.Instance => "instance " + Element!.Label,
        _ => "network interface " + Element!.Label,
    };

    /// <summary>
    /// Resolves <paramref name="text"/>: "internet" (any case), a CIDR or a single IPv4 address, else an instance
    /// or network interface by id, then by Name tag (exact, then ignoring case). Returns null and sets
    /// <paramref name="error"/> when nothing (or more than one element) matches.
    /// </summary>
    public static Endpoint? Resolve(ModelIndex index, string? text, out string? error)
    {
        error = null;
        var t = text?.Trim();
        if (t is null || t.Length == 0)
        {
            error = "an empty name names no instance, ENI or CIDR";
            return null;
        }

        if (string.Equals(t, "internet", StringComparison.OrdinalIgnoreCase) || string.Equals(t, "0.0.0.0/0", StringComparison.Ordinal))
        {
            return Internet;
        }

        if (t.IndexOf('/') > 0)
        {
            var status = Addressing.Cidr.TryParse(t, out var c, out var problem);
            if (status == CidrParseStatus.Malformed)
            {
                error = $"'{t}' is not a valid CIDR ({problem})";
                return null;
            }

            return ForCidr(c, t);
        }

        if (Addressing.Cidr.TryParseV4(t, out uint address))
        {
            return ForCidr(Addressing.Cidr.FromV4(address, 32), t);
        }

        if (index.Instances.TryGetValue(t, out var instance))
        {
            return ForInstance(instance);
        }

        if (index.NetworkInterfaces.TryGetValue(t, out var eni))
        {
            return ForInterface(eni);
        }

        var names = ReachabilityIndex.For(index);
        var byName = names.FindByName(t, out bool ambiguous);
        if (ambiguous)
        {
            error = $"'{t}' names more than one instance or ENI; use an id";
            return null;
        }

        switch (byName)
        {
            case Instance i:
                return ForInstance(i);
            case NetworkInterface n:
                return ForInterface(n);
        }

        error = $"'{t}' names no instance, ENI or CIDR";
        return null;
    }

    public override string ToString() => Label;
}
