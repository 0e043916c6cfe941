using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>
/// Two routes of one table over different connections (peering connections, transit gateways, virtual private
/// gateways) whose destinations nest: the more specific one takes part of the wider one's range.
/// </summary>
public sealed class PL2010OverlappingRouteTargets : Rule
{
    private const int MaxBlocksShown = 4;

    /// <summary>Up to this many connection routes in a table, the nested pairs come from a scan instead of a trie.</summary>
    internal const int ScanLimit = 32;

    public static readonly RuleDescriptor Rule = new(
        Id: "PL2010",
        Name: "OverlappingRouteTargets",
        Title: "Nested routes send parts of one range over different connections",
        Description: "A route table sends a range over one connection (a peering connection, a transit gateway or a virtual private gateway) and a more specific part of it over another. Longest-prefix match sends the part to the second connection and the rest to the first. It is a warning when the part belongs to the VPC at the other end of the wider route's peering connection (that VPC's addresses do not go to it), a note otherwise.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        // Reused from table to table: most tables have a handful of connection routes and no nested pair.
        var candidates = new List<Route>();
        var pairs = new List<(Route Wide, Route Narrow)>();
        var scratch = new Route[ScanLimit];
        foreach (var table in context.Model.RouteTables)
        {
            candidates.Clear();
            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var r = routes[i];
                if (r.Destination?.Value is not null && r.State == RouteState.Active && r.TargetId is not null && IsConnection(r.TargetKind))
                {
                    candidates.Add(r);
                }
            }

            // Stryker disable once Equality,Statement,Block : a shortcut; one candidate has no pair either way
            if (candidates.Count < 2)
            {
                continue;
            }

            pairs.Clear();
            NestedPairs(candidates, pairs, scratch);
            foreach (var (wide, narrow) in pairs)
            {
                Report(context, index, table, wide, narrow);
            }
        }
    }

    /// <summary>
    /// Appends each pair of candidates over different connections where the wide one's destination strictly contains the
    /// narrow one's: narrow routes in candidate order, for each its wider routes shorter prefix first, then in candidate
    /// order. Up to <see cref="ScanLimit"/> candidates a scan (no allocation), above that a prefix trie (no n² work).
    /// </summary>
    internal static void NestedPairs(List<Route> candidates, List<(Route Wide, Route Narrow)> pairs, Route[] scratch)
    {
        // Stryker disable once Equality : both ways give the same pairs (PL2010OverlappingRouteTargetsTests compares them); the limit only picks the faster
        if (candidates.Count <= ScanLimit)
        {
            ScanPairs(candidates, pairs, scratch);
        }
        else
        {
            TriePairs(candidates, pairs);
        }
    }

    /// <summary><see cref="NestedPairs"/> by comparing every two candidates (for small tables); <paramref name="byPrefix"/> holds at least as many.</summary>
    internal static void ScanPairs(List<Route> candidates, List<(Route Wide, Route Narrow)> pairs, Route[] byPrefix)
    {
        // The candidates by prefix length, stably (insertion sort): the order in which a trie walk meets the wider routes.
        for (int i = 0; i < candidates.Count; i++)
        {
            var r = candidates[i];
            int p = Destination(r).PrefixLength;
            int j = i;
            while (j > 0 && Destination(byPrefix[j - 1]).PrefixLength > p)
            {
                byPrefix[j] = byPrefix[j - 1];
                j--;
            }

            byPrefix[j] = r;
        }

        foreach (var narrow in candidates)
        {
            var n = Destination(narrow);
            for (int k = 0; k < candidates.Count; k++)
            {
                var wide = byPrefix[k];
                var w = Destination(wide);
                if (w.PrefixLength >= n.PrefixLength)
                {
                    break;
                }

                if (w.Contains(n) && !SameTarget(wide, narrow))
                {
                    pairs.Add((wide, narrow));
                }
            }
        }
    }

    /// <summary><see cref="NestedPairs"/> through a prefix trie (for large tables).</summary>
    internal static void TriePairs(List<Route> candidates, List<(Route Wide, Route Narrow)> pairs)
    {
        var trie = new PrefixTrie<Route>();
        foreach (var r in candidates)
        {
            trie.Add(Destination(r), r);
        }

        foreach (var narrow in candidates)
        {
            var n = Destination(narrow);
            foreach (var (prefix, wide) in trie.Containing(n))
            {
                if (prefix < n.PrefixLength && !SameTarget(wide, narrow))
                {
                    pairs.Add((wide, narrow));
                }
            }
        }
    }

    private static Cidr Destination(Route r) => r.Destination!.Value!.Value;

    private static bool SameTarget(Route a, Route b) => a.TargetKind == b.TargetKind && a.TargetId == b.TargetId;

    private static bool IsConnection(RouteTargetKind k) =>
        k is RouteTargetKind.VpcPeeringConnection or RouteTargetKind.TransitGateway or RouteTargetKind.VirtualPrivateGateway;

    private static void Report(RuleContext context, ModelIndex index, RouteTable table, Route wide, Route narrow)
    {
        var w = wide.Destination!.Value!.Value;
        var n = narrow.Destination!.Value!.Value;
        var rest = index.Lookup(table).Resolve(w).Where(p => ReferenceEquals(p.Route, wide)).Select(p => p.Block).ToList();
        string restText = rest.Count == 0
            ? $"nothing of {w} is left to {Target(wide)}"
            : $"the rest of {w} ({Blocks(rest)}) goes to {Target(wide)}";

        // The narrow route diverts addresses of the wide peering's own peer VPC.
        Severity severity = Severity.Note;
        string diverted = string.Empty;
        if (wide.TargetKind == RouteTargetKind.VpcPeeringConnection && index.Peerings.TryGetValue(wide.TargetId!, out var pcx)
            && table.VpcId is not null && pcx.OtherSide(table.VpcId) is { } side)
        {
            var peerBlocks = index.SideCidrs(side, out _).Where(c => c.Value!.Value.Overlaps(n)).Select(c => c.Value!.Value.Contains(n) ? n : c.Value!.Value).ToList();
            if (peerBlocks.Count > 0)
            {
                severity = Severity.Warning;
                diverted = $"; {Blocks(peerBlocks)} is part of {Describe.Vpc(index, side.VpcId)}, the peer of {pcx.Label}, yet its traffic goes to {Target(narrow)}";
            }
        }

        context.Report(
            narrow.Destination.Location,
            $"Route {n} → {Target(narrow)} in route table {table.Label} is more specific than route {w} → {Target(wide)}: {n} goes to {Target(narrow)}, {restText}{diverted}.",
            table,
            new[] { new RelatedLocation(wide.Location, $"the wider route {w} → {Target(wide)}") },
            key: $"{table.Id}|{w}|{n}",
            severity: severity,
            ignoredRules: narrow.IgnoredRules.Concat(wide.IgnoredRules).ToList());
    }

    private static string Target(Route r) => r.TargetKind switch
    {
        RouteTargetKind.VpcPeeringConnection => $"peering connection '{r.TargetId}'",
        RouteTargetKind.TransitGateway => $"transit gateway '{r.TargetId}'",
        _ => $"virtual private gateway '{r.TargetId}'",
    };

    private static string Blocks(IReadOnlyList<Cidr> blocks) =>
        blocks.Count <= MaxBlocksShown
            ? string.Join(", ", blocks)
            : string.Join(", ", blocks.Take(MaxBlocksShown)) + $" and {blocks.Count - MaxBlocksShown} more";
}
