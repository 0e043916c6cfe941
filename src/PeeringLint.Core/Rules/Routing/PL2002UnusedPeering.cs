using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>An active peering connection that no route uses.</summary>
public sealed class PL2002UnusedPeering : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "PL2002",
        "UnusedPeering",
        "Active peering connection has no routes",
        "An active VPC peering connection is not the target of any route in either VPC's route tables. Accepting a peering does not add routes: until a route sends the peer's CIDR to the connection, it carries no traffic.",
        RuleCategories.Routing,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        if (!context.Model.Covers(ResourceKinds.RouteTables) || PeeringRoutes.AnyUnresolvedPeeringTarget(context.Model))
        {
            return;
        }

        foreach (var p in context.Model.PeeringConnections)
        {
            if (p.Status != PeeringStatus.Active || index.RoutesTo(p.Id).Count > 0)
            {
                continue;
            }

            var knownSides = new List<Vpc>();
            bool incomplete = false;
            foreach (var side in new[] { p.Requester, p.Accepter })
            {
                var vpc = index.Vpc(side.VpcId);
                if (vpc is null)
                {
                    continue;
                }

                var tables = index.RouteTablesOf(vpc.Id);
                if (tables.Count == 0)
                {
                    continue;
                }

                knownSides.Add(vpc);
                foreach (var t in tables)
                {
                    incomplete |= t.RoutesIncomplete;
                }
            }

            if (knownSides.Count == 0 || incomplete || SidesOverlap(index, p))
            {
                continue;
            }

            context.Report(
                p.Location,
                $"Peering connection {p.Label} between {Describe.Vpc(index, p.Requester.VpcId)} and {Describe.Vpc(index, p.Accepter.VpcId)} is active, but no route table sends traffic over it.",
                p,
                key: p.Id);
        }
    }

    /// <summary>A peering between overlapping VPCs is PL1001's: AWS never creates it, so "unused" says nothing new.</summary>
    private static bool SidesOverlap(ModelIndex index, VpcPeeringConnection p)
    {
        foreach (var a in index.SideCidrs(p.Requester, out _))
        {
            foreach (var b in index.SideCidrs(p.Accepter, out _))
            {
                if (a.Value!.Value.Overlaps(b.Value!.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
