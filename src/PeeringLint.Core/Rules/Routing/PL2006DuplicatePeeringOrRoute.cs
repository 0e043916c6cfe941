using System;
using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>Two live peering connections between the same VPCs, or two routes for one destination in one table.</summary>
public sealed class PL2006DuplicatePeeringOrRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2006",
        Name: "DuplicatePeeringOrRoute",
        Title: "Duplicate peering connection or duplicate route",
        Description: "Two peering connections join the same pair of VPCs (AWS allows only one at a time; the second request fails), or one route table holds two routes for the same destination (AWS rejects the second with RouteAlreadyExists). The peering case is a warning, the route case an error.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error);

    /// <summary>Up to this many routes in a table, duplicates are found by comparing with the earlier routes instead of a dictionary.</summary>
    internal const int ScanLimit = 32;

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        // Keyed by the two VPC ids in a fixed order; the text key of a finding is made only for a finding.
        var pairs = new Dictionary<(string, string), VpcPeeringConnection>();
        foreach (var p in context.Model.PeeringConnections)
        {
            if (p.IsTerminal || p.Requester.VpcId is null || p.Accepter.VpcId is null)
            {
                continue;
            }

            string a = p.Requester.VpcId, b = p.Accepter.VpcId;
            // Stryker disable once Equality : any fixed order of the two ids gives the same key for both orders of one pair
            var pair = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            // No out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            pairs.TryGetValue(pair, out var first);
            if (first is null)
            {
                pairs[pair] = p;
                continue;
            }

            context.Report(
                p.Location,
                $"Peering connection {p.Label} joins {Describe.Vpc(index, a)} and {Describe.Vpc(index, b)}, which {first.Label} already joins; AWS allows one peering connection per pair of VPCs.",
                p,
                new[] { new RelatedLocation(first.Location, $"peering connection {first.Label}") },
                key: $"{pair.Item1}|{pair.Item2}|{p.Id}",
                severity: Severity.Warning);
        }

        foreach (var table in context.Model.RouteTables)
        {
            var routes = table.Routes;
            // Stryker disable once Statement,Block : a shortcut; a table with fewer than two routes has no duplicate either way
            if (routes.Count < 2)
            {
                continue;
            }

            // Stryker disable once Equality : both ways find the same duplicates (PL2006DuplicatePeeringOrRouteTests); the limit only picks the faster
            if (routes.Count <= ScanLimit)
            {
                for (int i = 1; i < routes.Count; i++)
                {
                    var first = FirstEarlier(routes, i);
                    if (first is not null)
                    {
                        ReportRoute(context, table, routes[i], first);
                    }
                }
            }
            else
            {
                FindWithDictionary(context, table);
            }
        }
    }

    /// <summary>The first route before <c>routes[i]</c> with the same destination, when both count (see <see cref="Counts"/>).</summary>
    private static Route? FirstEarlier(IReadOnlyList<Route> routes, int i)
    {
        var route = routes[i];
        if (!Counts(route))
        {
            return null;
        }

        for (int j = 0; j < i; j++)
        {
            var earlier = routes[j];
            if (Counts(earlier) && SameDestination(earlier, route))
            {
                return earlier;
            }
        }

        return null;
    }

    /// <summary>The same duplicates as the scan, in linear time for a large table.</summary>
    private static void FindWithDictionary(RuleContext context, RouteTable table)
    {
        var byCidr = new Dictionary<Cidr, Route>();
        var byList = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach (var route in table.Routes)
        {
            if (!Counts(route))
            {
                continue;
            }

            var cidr = route.Destination?.Value;
            Route? first;
            if (cidr is not null)
            {
                if (!byCidr.TryGetValue(cidr.Value, out first))
                {
                    byCidr[cidr.Value] = route;
                    continue;
                }
            }
            else if (!byList.TryGetValue(route.DestinationPrefixListId!, out first))
            {
                byList[route.DestinationPrefixListId!] = route;
                continue;
            }

            ReportRoute(context, table, route, first);
        }
    }

    /// <summary>
    /// A route that takes part: not local, not propagated, with a known destination (a parsed CIDR, else a prefix list).
    /// </summary>
    private static bool Counts(Route route) =>
        !route.IsLocal && route.Origin != RouteOrigin.EnableVgwRoutePropagation && (route.Destination?.Value is not null || route.DestinationPrefixListId is not null);

    /// <summary>Equal parsed CIDRs, or, for two routes without one, equal prefix list ids.</summary>
    private static bool SameDestination(Route a, Route b)
    {
        var ca = a.Destination?.Value;
        var cb = b.Destination?.Value;
        if (ca is not null || cb is not null)
        {
            return ca == cb;
        }

        return string.Equals(a.DestinationPrefixListId, b.DestinationPrefixListId, StringComparison.Ordinal);
    }

    private static void ReportRoute(RuleContext context, RouteTable table, Route route, Route first)
    {
        string dest = route.Destination?.Value?.ToString() ?? route.DestinationPrefixListId!;
        context.Report(
            route.Destination?.Location ?? route.Location,
            $"Route table {table.Label} has two routes for {dest}; AWS rejects the second one (RouteAlreadyExists).",
            table,
            new[] { new RelatedLocation(first.Destination?.Location ?? first.Location, $"first route for {dest}") },
            key: $"{table.Id}|{dest}|dup",
            ignoredRules: route.IgnoredRules);
    }
}
