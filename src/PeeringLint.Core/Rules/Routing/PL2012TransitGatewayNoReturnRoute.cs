using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>Traffic delivered through a transit gateway whose destination subnets have no route back to the sender.</summary>
public sealed class PL2012TransitGatewayNoReturnRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2012",
        Name: "TransitGatewayNoReturnRoute",
        Title: "Transit gateway path has no route back",
        Description: "A VPC sends traffic to another VPC through a transit gateway, and the gateway delivers it, but the route table of the destination subnets has no route (or a blackhole route) back to the sending subnets. Requests arrive; replies are dropped in the destination VPC. (When the destination routes the replies to the gateway and the gateway's table lacks the way back, PL2011 reports that route.)",
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

                // The destination subnets' tables must send the replies somewhere: back to a transit gateway, over a
                // peering, anywhere but nowhere. (When they send them to this gateway, PL2011 judges that route.)
                foreach (var t in DestinationTables(index, vpc, range))
                {
                    var lookup = index.Lookup(t);
                    if (lookup.HasUnknownRoutes)
                    {
                        continue;
                    }

                    var missing = new List<Cidr>();
                    foreach (var source in sources)
                    {
                        foreach (var (block, rr) in lookup.Resolve(source))
                        {
                            if (rr is null || rr.State == RouteState.Blackhole)
                            {
                                missing.Add(block);
                            }
                        }
                    }

                    if (missing.Count == 0)
                    {
                        continue;
                    }

                    string route = $"Route {tr.Destination} → {tr.GatewayId} in route table {tr.Table.Label} reaches {vpc.Label} through the transit gateway";
                    Report(context, tr, t, $"{route}, but route table {t.Label} of {vpc.Label} has no route back to {string.Join(", ", missing)}: replies never leave {vpc.Label}.",
                        new RelatedLocation(t.Location, $"route table {t.Label} lacks a route for {string.Join(", ", missing)} (to {tr.GatewayId})"));
                }
            }
        }
    }

    /// <summary>
    /// The route tables of the destination VPC's subnets inside <paramref name="range"/>; none when the subnets are not
    /// in the input. Subnets that hold a transit gateway attachment's interfaces are left out when others remain:
    /// replies come from the workloads, and dedicated attachment subnets often have a table with the local route only.
    /// </summary>
    private static List<RouteTable> DestinationTables(ModelIndex index, Vpc vpc, Cidr range)
    {
        var attachmentSubnets = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var a in index.TransitGateways.AttachmentsOfVpc(vpc.Id))
        {
            attachmentSubnets.UnionWith(a.SubnetIds);
        }

        var inRange = new List<Subnet>();
        foreach (var s in index.SubnetsOf(vpc.Id))
        {
            if (s.Ipv4Cidr?.Value is { } c && c.Overlaps(range))
            {
                inRange.Add(s);
            }
        }

        // Only when other subnets remain: a small VPC often puts the attachment in its workload subnet.
        if (inRange.Exists(s => !attachmentSubnets.Contains(s.Id)))
        {
            inRange.RemoveAll(s => attachmentSubnets.Contains(s.Id));
        }

        var tables = new List<RouteTable>();
        foreach (var s in inRange)
        {
            if (index.EffectiveRouteTable(s) is { } t && !tables.Contains(t))
            {
                tables.Add(t);
            }
        }

        return tables;
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

    private static void Report(RuleContext context, TgwBoundRoute tr, RouteTable back, string message, RelatedLocation related) =>
        context.Report(tr.Route.Destination!.Location, message, tr.Table, new[] { related }, key: $"{tr.Table.Id}|{tr.Destination}|{tr.GatewayId}|{back.Id}", ignoredRules: tr.Route.IgnoredRules);
}
