using System;
using System.Collections.Generic;
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
    public static Endpoint? Resolve(ModelIndex index, string? text, out string? error) =>
        Resolve(index, text, null, string.Empty, out error, out _);

    /// <summary>
    /// As <see cref="Resolve(ModelIndex, string?, out string?)"/>, but an instance or ENI is looked up in the
    /// elements declared in <paramref name="file"/> first (by <paramref name="idPrefix"/> + id, then by name),
    /// and only then in the whole model. <paramref name="ambiguous"/> tells that the name matched several
    /// elements (the error lists them).
    /// </summary>
    public static Endpoint? Resolve(ModelIndex index, string? text, string? file, string idPrefix, out string? error, out bool ambiguous)
    {
        error = null;
        ambiguous = false;
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

        // In the declaring file first: its ids (as written there), then its names.
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        // Without a file no element's path equals it, so the lookup needs no guard of its own.
        var local = ById(index, string.Concat(idPrefix, t));
        if (local?.Element is not null && string.Equals(local.Element.Location.Path, file, StringComparison.Ordinal))
        {
            return local;
        }

        if (t.IndexOf('/') > 0)
        {
            // An id qualified with a file key ("a/net:Instance 1") holds a '/' but is not a CIDR.
            var qualified = ById(index, t);
            if (qualified is not null)
            {
                return qualified;
            }

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

        var names = ReachabilityIndex.For(index);
        if (file is not null)
        {
            var mine = names.FindAllByName(t, file);
            if (mine.Count > 1)
            {
                ambiguous = true;
                error = Ambiguous(t, mine, "in this file");
                return null;
            }

            if (mine.Count == 1)
            {
                return For(mine[0]);
            }
        }

        var byId = ById(index, t);
        if (byId is not null)
        {
            return byId;
        }

        var all = names.FindAllByName(t, null);
        if (all.Count > 1)
        {
            ambiguous = true;
            error = Ambiguous(t, all, file is null ? "in the inputs" : "in other inputs");
            return null;
        }

        if (all.Count == 1)
        {
            return For(all[0]);
        }

        error = $"'{t}' names no instance, ENI or CIDR";
        return null;
    }

    private static Endpoint? ById(ModelIndex index, string id)
    {
        if (index.Instances.TryGetValue(id, out var instance))
        {
            return ForInstance(instance);
        }

        if (index.NetworkInterfaces.TryGetValue(id, out var eni))
        {
            return ForInterface(eni);
        }

        // An interface endpoint is its network interfaces (one per subnet, with the endpoint's security groups): the first in the input.
        if (index.ById<VpcEndpoint>().TryGetValue(id, out var vpce) && vpce.Type == VpcEndpointType.Interface)
        {
            foreach (var eniId in vpce.NetworkInterfaceIds)
            {
                if (index.NetworkInterfaces.TryGetValue(eniId, out var endpointEni))
                {
                    return ForInterface(endpointEni);
                }
            }
        }

        return null;
    }

    private static Endpoint For(Element e)
    {
        // No pattern variable in a condition: Stryker cannot compile its mutants (CS0165; docs/quality.md).
        var instance = e as Instance;
        return instance is not null ? ForInstance(instance) : ForInterface((NetworkInterface)e);
    }

    /// <summary>"'x' names 3 instances in the inputs: 'x' (a/net:x) at a/net.yaml:4:9, …; use an id".</summary>
    private static string Ambiguous(string name, IReadOnlyList<Element> candidates, string where)
    {
        const int Listed = 5;
        string kind = candidates[0] is Instance ? "instances" : "ENIs";
        var shown = new List<string>(Listed);
        for (int i = 0; i < candidates.Count && i < Listed; i++)
        {
            var e = candidates[i];
            shown.Add(e.Location.IsNone ? $"'{e.Id}'" : $"'{e.Id}' at {e.Location}");
        }

        string more = candidates.Count > Listed ? $" and {candidates.Count - Listed} more" : string.Empty;
        return $"'{name}' names {candidates.Count} {kind} {where}: {string.Join(", ", shown)}{more}; use an id";
    }

    public override string ToString() => Label;
}
