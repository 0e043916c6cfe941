using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A VPC route to a transit gateway that cannot carry the traffic: no attachment, no association, or no TGW route to the destination.</summary>
public sealed class PL2011TransitGatewayCannotRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2011",
        Name: "TransitGatewayCannotRoute",
        Title: "Route to a transit gateway that cannot deliver the traffic",
        Description: "A route table sends a range to a transit gateway, but the gateway drops the traffic: the VPC has no attachment to the gateway, the VPC's attachment is not associated with a TGW route table, or the associated TGW route table has no route (or a blackhole route) for any part of the destination. A summary route the gateway delivers for part of its range (segmented TGW route tables) is a design and is not reported; neither is a TGW route whose attachment the input does not show, nor a route to the gateway's own CIDR blocks (TransitGatewayCidrBlocks: the gateway's end of Connect peers' GRE tunnels, which it answers without a TGW route). Only what the input proves is reported: a TGW route table whose routes or propagations are not in the input is not judged.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        var tgw = index.TransitGateways;
        foreach (var tr in TransitGatewayRoutes.All(index))
        {
            if (tr.Attachment is null)
            {
                // Proof needs the attachments listed (an export of them, or the gateway's own template).
                bool listed = context.Model.Covers(ResourceKinds.TransitGatewayAttachments) && (tgw.Gateways.ContainsKey(tr.GatewayId) || tgw.AttachmentsOfGateway(tr.GatewayId).Count > 0);
                if (listed)
                {
                    Report(context, tr, $"{RouteText(tr)} sends traffic to a transit gateway {tr.Vpc.Label} is not attached to: the gateway never receives it.", null);
                }

                continue;
            }

            if (tr.Association.Knowledge == TgwKnowledge.Absent)
            {
                Report(context, tr, $"{RouteText(tr)} sends traffic over attachment {tr.Attachment.Label}, which is not associated with a TGW route table: the transit gateway drops everything that arrives over it.",
                    new RelatedLocation(tr.Association.Location, $"attachment {tr.Attachment.Label} has no association"));
                continue;
            }

            if (tr.Association.Knowledge != TgwKnowledge.Known || tr.Association.Table is not { } table)
            {
                continue;
            }

            var lookup = tgw.Lookup(table);
            if (!lookup.RoutesKnown || MayBeGatewayOwnRange(index, tr))
            {
                continue;
            }

            // A route that the gateway delivers for part of its range is a summary over segmented TGW route tables (spokes
            // that reach the egress VPC but not each other, an ingress VPC kept from the egress VPC): a design, not a
            // mistake. Only a route the gateway delivers nowhere is proof. The first delivered range settles it.
            if (TransitGatewayRoutes.DeliversSome(index, tr, lookup))
            {
                continue;
            }

            // Nothing is delivered: every part is a proved miss or a blackhole; name them in attachment order.
            var missing = new List<string>();
            var blackholes = new List<PeeringLint.Model.TransitGatewayRoute>();
            foreach (var (range, vpc) in TransitGatewayRoutes.Intended(index, tr))
            {
                foreach (var (block, r) in lookup.Resolve(range))
                {
                    string where = vpc is null ? block.ToString() : $"{block} ({vpc.Label})";
                    if (r is null)
                    {
                        missing.Add(where);
                    }
                    else
                    {
                        missing.Add(where + $" (blackhole {r.DestinationText})");
                        blackholes.Add(r);
                    }
                }
            }

            if (missing.Count == 0)
            {
                continue;
            }

            var related = new List<RelatedLocation> { new(table.Location, $"TGW route table {table.Label}, {tr.Association.TextFor(tr.Attachment)}") };
            related.AddRange(blackholes.Select(b => new RelatedLocation(b.Location, $"blackhole route {b.DestinationText}")));
            Report(context, tr, $"{RouteText(tr)} sends traffic to the transit gateway, but TGW route table {table.Label} ({tr.Association.TextFor(tr.Attachment)}) has no working route for {string.Join(", ", missing)}: the transit gateway drops it.", related.ToArray());
        }
    }

    /// <summary>
    /// True when the destination overlaps the gateway's own ranges (TransitGatewayCidrBlocks, the gateway's end of Connect
    /// peers' GRE tunnels): the gateway answers those itself, without a TGW route table, so the VPC route AWS's Connect
    /// setup asks for is not a miss. An unknown block may be any range.
    /// </summary>
    private static bool MayBeGatewayOwnRange(ModelIndex index, TgwBoundRoute tr)
    {
        var gateway = index.Find<TransitGateway>(tr.GatewayId);
        if (gateway is null)
        {
            return false;
        }

        foreach (var block in gateway.CidrBlocks)
        {
            // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            Cidr? own = block.Value;
            if (block.IsUnknown || (own is not null && own.Value.Overlaps(tr.Destination)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Route 10.2.0.0/16 → tgw-1 in route table 'rtb-a'", made only for a route that is reported.</summary>
    private static string RouteText(TgwBoundRoute tr) => $"Route {tr.Destination} → {tr.GatewayId} in route table {tr.Table.Label}";

    private static void Report(RuleContext context, TgwBoundRoute tr, string message, params RelatedLocation[]? related) =>
        context.Report(tr.Route.Destination!.Location, message, tr.Table, related, key: $"{tr.Table.Id}|{tr.Destination}|{tr.GatewayId}", ignoredRules: tr.Route.IgnoredRules);
}
