using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>An active peering connection that no route uses.</summary>
public sealed class PL2002UnusedPeering : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2002",
        Name: "UnusedPeering",
        Title: "Active peering connection has no routes",
        Description: "An active VPC peering connection is not the target of any route in either VPC's route tables. Accepting a peering does not add routes: until a route sends the peer's CIDR to the connection, it carries no traffic.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Warning);

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
            var unknownSides = new List<PeeringSide>();
            bool incomplete = false;
            foreach (var side in new[] { p.Requester, p.Accepter })
            {
                var vpc = index.Vpc(side.VpcId);
                var tables = vpc is null ? null : index.RouteTablesOf(vpc.Id);
                if (vpc is null || tables is null || tables.Count == 0)
                {
                    unknownSides.Add(side);
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

            if (unknownSides.Count > 0)
            {
                // The other side's route tables are not in the input (another account, another stack): it may route
                // over the connection. What is known is that this side does not, so replies from it cannot return.
                string seen = string.Join(" and ", knownSides.Select(v => v.Label));
                string unseen = string.Join(" and ", unknownSides.Select(u => Describe.Vpc(index, u.VpcId) + (u.OwnerId is { } owner ? $" (account {owner})" : string.Empty)));
                context.Report(
                    p.Location,
                    $"Peering connection {p.Label} is active, but no route table of {seen} sends traffic over it; the route tables of {unseen} are not in the input, so whether that side uses it is unknown.",
                    p,
                    key: p.Id,
                    severity: Severity.Note);
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
