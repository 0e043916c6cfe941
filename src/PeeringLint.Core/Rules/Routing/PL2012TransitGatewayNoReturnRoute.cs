using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>The TGW route table that replies come back through has no route to the VPC that sent the traffic.</summary>
public sealed class PL2012TransitGatewayNoReturnRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2012",
        Name: "TransitGatewayNoReturnRoute",
        Title: "Transit gateway has no route back to the VPC that sends to it",
        Description: "A VPC sends traffic to another VPC through a transit gateway, but the TGW route table associated with the destination VPC's attachment has no route (or a blackhole route) back to the sending subnets, or sends them to another attachment; or the destination's attachment is not associated with any TGW route table. Requests arrive; replies are dropped by the transit gateway.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        var tgw = index.TransitGateways;
        foreach (var tr in TransitGatewayRoutes.All(index))
        {
            if (tr.Attachment is null || tr.Association.Knowledge != TgwKnowledge.Known || tr.Association.Table is not { } forward)
            {
                continue;
            }

            var forwardLookup = tgw.Lookup(forward);
            var sources = Sources(index, tr);
            var reported = new HashSet<string>();
            foreach (var (range, vpc) in TransitGatewayRoutes.Intended(index, tr))
            {
                if (vpc is null)
                {
                    continue;
                }

                // Where the gateway delivers the request: the destination VPC's attachment.
                var r = forwardLookup.Match(range);
                if (r is null || r.State == RouteState.Blackhole || r.AttachmentIds.Count == 0
                    || !tgw.Attachments.TryGetValue(r.AttachmentIds[0], out var back) || back.VpcId != vpc.Id || !reported.Add(back.Id))
                {
                    continue;
                }

                // Replies follow the destination VPC's own routes: only when they come back to this gateway does its table matter.
                if (sources.Count == 0 || !RepliesUseGateway(index, vpc, sources[0], tr.GatewayId))
                {
                    continue;
                }

                var assoc = tgw.AssociationOf(back);
                string route = $"Route {tr.Destination} → {tr.GatewayId} in route table {tr.Table.Label} reaches {vpc.Label} through the transit gateway";
                if (assoc.Knowledge == TgwKnowledge.Absent)
                {
                    Report(context, tr, back, $"{route}, but {vpc.Label}'s attachment {back.Label} is not associated with a TGW route table: replies to {tr.Vpc.Label} are dropped.",
                        new RelatedLocation(back.Location, $"attachment {back.Label} has no association"));
                    continue;
                }

                if (assoc.Knowledge != TgwKnowledge.Known || assoc.Table is not { } returnTable)
                {
                    continue;
                }

                var lookup = tgw.Lookup(returnTable);
                if (!lookup.RoutesKnown)
                {
                    continue;
                }

                var missing = new List<Cidr>();
                foreach (var source in sources)
                {
                    foreach (var (block, rr) in lookup.Resolve(source))
                    {
                        bool ok = rr is not null && rr.State == RouteState.Active && rr.AttachmentIds.Count > 0 && rr.AttachmentIds[0] == tr.Attachment.Id;
                        bool provedMissing = rr is null ? lookup.MissIsProved : !ok && (rr.State == RouteState.Blackhole || rr.AttachmentIds.Count == 0 || tgw.Attachments.ContainsKey(rr.AttachmentIds[0]));
                        if (provedMissing)
                        {
                            missing.Add(block);
                        }
                    }
                }

                if (missing.Count == 0)
                {
                    continue;
                }

                Report(context, tr, back, $"{route}, but TGW route table {returnTable.Label} ({TransitGatewayRoutes.AssociationText(assoc, back)}) does not send {string.Join(", ", missing)} back to attachment {tr.Attachment.Label} of {tr.Vpc.Label}: replies are dropped or go elsewhere.",
                    new RelatedLocation(returnTable.Location, $"TGW route table {returnTable.Label} lacks a route back to {tr.Vpc.Label}"));
            }
        }
    }

    /// <summary>True when a route table of <paramref name="vpc"/> sends <paramref name="source"/> to the gateway.</summary>
    private static bool RepliesUseGateway(ModelIndex index, Vpc vpc, Cidr source, string gatewayId)
    {
        foreach (var t in index.RouteTablesOf(vpc.Id))
        {
            if (index.Lookup(t).Match(source) is { TargetKind: RouteTargetKind.TransitGateway } r && r.TargetId == gatewayId && r.State == RouteState.Active)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sending subnets' blocks (those the route's table serves), else the VPC's blocks; only the destination's address family.</summary>
    private static List<Cidr> Sources(ModelIndex index, TgwBoundRoute tr)
    {
        var list = new List<Cidr>();
        foreach (var s in index.SubnetsServedBy(tr.Table))
        {
            if (s.Ipv4Cidr?.Value is { } c && c.Family == tr.Destination.Family)
            {
                list.Add(c);
            }
        }

        if (list.Count == 0)
        {
            list.AddRange(ModelIndex.UsableCidrs(tr.Vpc).Select(c => c.Value!.Value).Where(c => c.Family == tr.Destination.Family));
        }

        return list;
    }

    private static void Report(RuleContext context, TgwBoundRoute tr, TransitGatewayAttachment back, string message, RelatedLocation related) =>
        context.Report(tr.Route.Destination!.Location, message, tr.Table, new[] { related }, key: $"{tr.Table.Id}|{tr.Destination}|{tr.GatewayId}|{back.Id}", ignoredRules: tr.Route.IgnoredRules);
}
