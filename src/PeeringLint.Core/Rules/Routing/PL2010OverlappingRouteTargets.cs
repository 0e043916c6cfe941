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
        foreach (var table in context.Model.RouteTables)
        {
            List<Route>? candidates = null;
            foreach (var r in table.Routes)
            {
                if (r.Destination?.Value is not null && r.State == RouteState.Active && r.TargetId is not null && IsConnection(r.TargetKind))
                {
                    (candidates ??= new List<Route>()).Add(r);
                }
            }

            if (candidates is null || candidates.Count < 2)
            {
                continue;
            }

            var trie = new PrefixTrie<Route>();
            foreach (var r in candidates)
            {
                trie.Add(r.Destination!.Value!.Value, r);
            }

            foreach (var narrow in candidates)
            {
                var n = narrow.Destination!.Value!.Value;
                foreach (var (prefix, wide) in trie.Containing(n))
                {
                    if (prefix >= n.PrefixLength || (wide.TargetKind == narrow.TargetKind && wide.TargetId == narrow.TargetId))
                    {
                        continue;
                    }

                    Report(context, index, table, wide, narrow);
                }
            }
        }
    }

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
