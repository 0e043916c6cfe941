using System;
using System.Collections.Generic;
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

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        var pairs = new Dictionary<string, VpcPeeringConnection>(StringComparer.Ordinal);
        foreach (var p in context.Model.PeeringConnections)
        {
            if (p.IsTerminal || p.Requester.VpcId is null || p.Accepter.VpcId is null)
            {
                continue;
            }

            string a = p.Requester.VpcId, b = p.Accepter.VpcId;
            // Stryker disable once Equality : any fixed order of the two ids gives the same key for both orders of one pair
            string pairKey = string.CompareOrdinal(a, b) <= 0 ? a + "|" + b : b + "|" + a;
            if (!pairs.TryGetValue(pairKey, out var first))
            {
                pairs[pairKey] = p;
                continue;
            }

            context.Report(
                p.Location,
                $"Peering connection {p.Label} joins {Describe.Vpc(index, a)} and {Describe.Vpc(index, b)}, which {first.Label} already joins; AWS allows one peering connection per pair of VPCs.",
                p,
                new[] { new RelatedLocation(first.Location, $"peering connection {first.Label}") },
                key: $"{pairKey}|{p.Id}",
                severity: Severity.Warning);
        }

        foreach (var table in context.Model.RouteTables)
        {
            // Stryker disable once Statement,Block : a shortcut; a table with fewer than two routes has no duplicate either way
            if (table.Routes.Count < 2)
            {
                continue;
            }

            var seen = new Dictionary<string, Route>(StringComparer.Ordinal);
            foreach (var route in table.Routes)
            {
                if (route.IsLocal || route.Origin == RouteOrigin.EnableVgwRoutePropagation)
                {
                    continue;
                }

                string? dest = route.Destination?.Value?.ToString() ?? route.DestinationPrefixListId;
                if (dest is null)
                {
                    continue;
                }

                if (!seen.TryGetValue(dest, out var first))
                {
                    seen[dest] = route;
                    continue;
                }

                context.Report(
                    route.Destination?.Location ?? route.Location,
                    $"Route table {table.Label} has two routes for {dest}; AWS rejects the second one (RouteAlreadyExists).",
                    table,
                    new[] { new RelatedLocation(first.Destination?.Location ?? first.Location, $"first route for {dest}") },
                    key: $"{table.Id}|{dest}|dup",
                    ignoredRules: route.IgnoredRules);
            }
        }
    }
}
