using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>
/// A route over a peering connection, resolved against the model: its table, VPC, connection and far side, and the
/// far side's VPC when the input has it.
/// </summary>
internal readonly record struct PeeringRoute(RouteTable Table, Route Route, Vpc Vpc, VpcPeeringConnection Peering, PeeringSide Peer, Vpc? PeerVpc);

internal static class PeeringRoutes
{
    // Built once per index and shared by the rules that walk peering routes (they run in parallel; Lazy builds it once).
    private static readonly ConditionalWeakTable<ModelIndex, Lazy<IReadOnlyList<PeeringRoute>>> Cache = new();

    /// <summary>
    /// Every route whose target is a peering connection in the input and whose table's VPC is a side of it, in table
    /// then route order. Routes with an unknown target, an unknown table VPC, or a connection not in the input are left out.
    /// </summary>
    public static IReadOnlyList<PeeringRoute> All(ModelIndex index) =>
        Cache.GetValue(index, i => new Lazy<IReadOnlyList<PeeringRoute>>(() => Build(i))).Value;

    private static IReadOnlyList<PeeringRoute> Build(ModelIndex index)
    {
        // Sized once: no more routes target a connection of the input than the index holds under their ids (80,000 at
        // 10,000 VPCs: a growing list copied itself eight times, bench/README.md, fifth session).
        int capacity = 0;
        foreach (var id in index.Peerings.Keys)
        {
            capacity += index.RoutesTo(id).Count;
        }

        var result = new List<PeeringRoute>(capacity);
        var tables = index.Model.RouteTables;
        for (int t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var vpc = index.Vpc(table.VpcId);
            if (vpc is null)
            {
                continue;
            }

            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i];
                // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                var pcx = route.TargetKind == RouteTargetKind.VpcPeeringConnection ? index.Peering(route.TargetId) : null;
                var peer = pcx?.OtherSide(vpc.Id);
                if (pcx is null || peer is null)
                {
                    continue;
                }

                result.Add(new PeeringRoute(table, route, vpc, pcx, peer, index.Vpc(peer.VpcId)));
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="c"/> lies inside one of the VPC's own usable blocks (PL1002's territory).</summary>
    public static bool InsideOwnVpc(Vpc vpc, Cidr c) => AnyUsableContains(vpc.Ipv4Cidrs, c) || AnyUsableContains(vpc.Ipv6Cidrs, c);

    private static bool AnyUsableContains(IReadOnlyList<CidrValue> blocks, Cidr c)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsUsable && blocks[i].Value!.Value.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the model holds a peering route whose target could not be resolved (it might be any connection).</summary>
    public static bool AnyUnresolvedPeeringTarget(NetworkModel model)
    {
        foreach (var t in model.RouteTables)
        {
            foreach (var r in t.Routes)
            {
                if (r.TargetKind == RouteTargetKind.VpcPeeringConnection && r.TargetId is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Joins neighbouring blocks that together form one block (in address order), so "10.2.1.0/24, 10.2.2.0/23" stays short.</summary>
    public static List<Cidr> Merge(IEnumerable<Cidr> blocks)
    {
        var stack = new List<Cidr>();
        foreach (var b in blocks)
        {
            var current = b;
            while (stack.Count > 0 && current.PrefixLength > 0 && stack[stack.Count - 1].PrefixLength == current.PrefixLength
                && Cidr.Truncate(stack[stack.Count - 1], current.PrefixLength - 1).Equals(Cidr.Truncate(current, current.PrefixLength - 1)))
            {
                current = Cidr.Truncate(current, current.PrefixLength - 1);
                stack.RemoveAt(stack.Count - 1);
            }

            stack.Add(current);
        }

        return stack;
    }
}
