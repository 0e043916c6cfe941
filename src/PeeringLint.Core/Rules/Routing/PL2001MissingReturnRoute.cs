using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A route over a peering connection with no route back from the peer's tables.</summary>
public sealed class PL2001MissingReturnRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "PL2001",
        "MissingReturnRoute",
        "Peering route has no return route",
        "A route in one VPC sends (part of) the peer VPC's CIDR over a peering connection, but a route table of the peer VPC that serves the destination subnets has no route sending the source subnet's addresses back over the same connection. Requests arrive; replies are routed elsewhere or dropped.",
        RuleCategories.Routing,
        Severity.Error)
    {
        HasCodeFix = true,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var pr in PeeringRoutes.All(index))
        {
            // AWS shows routes to a connection that is not accepted yet as blackhole; they still say where traffic is meant to go.
            bool notYetActive = pr.Peering.Status is PeeringStatus.PendingAcceptance or PeeringStatus.InitiatingRequest or PeeringStatus.Provisioning;
            if (pr.Route.Destination?.Value is not { } dest || (pr.Route.State == RouteState.Blackhole && !notYetActive) || PeeringRoutes.InsideOwnVpc(pr.Vpc, dest))
            {
                continue;
            }

            var peerVpc = index.Vpc(pr.Peer.VpcId);
            if (peerVpc is null || index.RouteTablesOf(peerVpc.Id).Count == 0)
            {
                continue;
            }

            // The part of the destination that really is the peer VPC.
            var peerPieces = new List<Cidr>();
            foreach (var block in ModelIndex.UsableCidrs(peerVpc))
            {
                var b = block.Value!.Value;
                if (b.Overlaps(dest))
                {
                    peerPieces.Add(b.PrefixLength >= dest.PrefixLength ? b : dest);
                }
            }

            if (peerPieces.Count == 0)
            {
                continue;
            }

            var returnTables = ReturnTables(index, peerVpc, peerPieces);
            var sources = SourceRanges(index, pr.Table, pr.Vpc, dest.Family);
            if (sources.Count == 0)
            {
                continue;
            }

            foreach (var t in returnTables)
            {
                var lookup = index.Lookup(t);
                if (lookup.HasUnknownRoutes || HasUnresolvedPeeringRoute(t))
                {
                    continue;
                }

                var missing = sources.Where(s => !RoutesBack(lookup, t, s.Cidr, pr.Peering.Id, notYetActive)).ToList();
                if (missing.Count == 0)
                {
                    continue;
                }

                string missingText = string.Join(", ", missing.Select(m => m.Cidr.ToString()));
                context.Report(
                    pr.Route.Destination.Location,
                    $"Route {dest} over {pr.Peering.Label} in route table {pr.Table.Label} has no return route: route table {t.Label} of {peerVpc.Label} does not send {missingText} back over {pr.Peering.Label}, so replies never arrive.",
                    pr.Table,
                    new[] { new RelatedLocation(t.Location, $"route table {t.Label} lacks a route for {missingText} over {pr.Peering.Label}") },
                    key: $"{pr.Table.Id}|{dest}|{pr.Peering.Id}|{t.Id}",
                    ignoredRules: pr.Route.IgnoredRules,
                    properties: new Dictionary<string, string>
                    {
                        ["returnTable"] = t.Id,
                        ["returnDestination"] = missing[0].Cidr.ToString(),
                        ["peeringConnection"] = pr.Peering.Id,
                    });
            }
        }
    }

    /// <summary>The peer's tables that serve subnets inside the destination; without subnets in the input, all its tables.</summary>
    private static IReadOnlyList<RouteTable> ReturnTables(ModelIndex index, Vpc peerVpc, List<Cidr> pieces)
    {
        var subnets = index.SubnetsOf(peerVpc.Id);
        if (subnets.Count == 0)
        {
            var main = index.MainRouteTableOf(peerVpc.Id);
            return main is not null ? new[] { main } : index.RouteTablesOf(peerVpc.Id);
        }

        var tables = new List<RouteTable>();
        var seen = new HashSet<string>();
        foreach (var s in subnets)
        {
            if (s.Ipv4Cidr?.Value is not { } sc && s.Ipv6Cidrs.Count == 0)
            {
                continue;
            }

            bool inside = pieces.Any(p => (s.Ipv4Cidr?.Value is { } c4 && p.Overlaps(c4)) || s.Ipv6Cidrs.Any(c6 => c6.Value is { } v6 && p.Overlaps(v6)));
            if (!inside)
            {
                continue;
            }

            var t = index.EffectiveRouteTable(s);
            if (t is not null && seen.Add(t.Id))
            {
                tables.Add(t);
            }
        }

        return tables;
    }

    /// <summary>The source addresses: the subnets the route's table serves, or the whole VPC when it serves none in the input.</summary>
    private static List<(Cidr Cidr, Element Owner)> SourceRanges(ModelIndex index, RouteTable table, Vpc vpc, IpFamily family)
    {
        var result = new List<(Cidr, Element)>();
        foreach (var s in index.SubnetsServedBy(table))
        {
            if (family == IpFamily.V4 && s.Ipv4Cidr?.Value is { } c)
            {
                result.Add((c, s));
            }
            else if (family == IpFamily.V6)
            {
                foreach (var c6 in s.Ipv6Cidrs)
                {
                    if (c6.Value is { } v)
                    {
                        result.Add((v, s));
                    }
                }
            }
        }

        if (result.Count == 0)
        {
            foreach (var c in ModelIndex.UsableCidrs(vpc))
            {
                if (c.Value!.Value.Family == family)
                {
                    result.Add((c.Value.Value, vpc));
                }
            }
        }

        return result;
    }

    private static bool RoutesBack(RouteLookup lookup, RouteTable table, Cidr source, string pcxId, bool notYetActive)
    {
        var best = lookup.Match(source);
        if (best is not null && best.TargetKind == RouteTargetKind.VpcPeeringConnection && best.TargetId == pcxId && (best.State == RouteState.Active || notYetActive))
        {
            return true;
        }

        // A return split into several more specific routes still counts as a return route.
        foreach (var r in table.Routes)
        {
            if (r.TargetKind == RouteTargetKind.VpcPeeringConnection && r.TargetId == pcxId && r.Destination?.Value is { } d && source.Contains(d))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasUnresolvedPeeringRoute(RouteTable t)
    {
        foreach (var r in t.Routes)
        {
            if (r.TargetKind is RouteTargetKind.VpcPeeringConnection or RouteTargetKind.Unknown && (r.TargetId is null || r.Destination?.IsUnknown == true))
            {
                return true;
            }
        }

        return false;
    }
}
