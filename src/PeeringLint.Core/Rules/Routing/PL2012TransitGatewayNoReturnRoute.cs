using System.Collections.Generic;
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

        // Routes that enter the same gateway table for the same destination (every spoke's 10.0.0.0/8 to its hub) reach
        // the same receivers: the receiving side is worked out once per group, and a receiving table is compared with
        // the senders only where it has a gap in the senders' ranges, so a hub of n spokes costs n, not n².
        var groups = new Dictionary<(string Gateway, TransitGatewayRouteTable Forward, Cidr Destination), List<Sender>>();
        foreach (var tr in TransitGatewayRoutes.All(index))
        {
            if (tr.Attachment is null || tr.Association.Knowledge != TgwKnowledge.Known || tr.Association.Table is not { } forward)
            {
                continue;
            }

            var key = (tr.GatewayId, forward, tr.Destination);
            if (!groups.TryGetValue(key, out var senders))
            {
                senders = new List<Sender>();
                groups.Add(key, senders);
            }

            senders.Add(new Sender(tr.Table, tr.Route, tr.Vpc.Id, Sources(index, tr)));
        }

        foreach (var group in groups)
        {
            var senders = group.Value;
            var (gateway, forward, destination) = group.Key;
            var receivers = Receivers(index, gateway, destination, tgw.Lookup(forward));
            if (receivers.Count == 0)
            {
                continue;
            }

            var sourceIndex = new PrefixTrie<int>();
            var hull = (Cidr?)null;
            for (int i = 0; i < senders.Count; i++)
            {
                foreach (var c in senders[i].Sources)
                {
                    sourceIndex.Add(c, i);
                    hull = hull is { } h ? Cover(h, c) : c;
                }
            }

            if (hull is not { } senderRange)
            {
                continue;
            }

            foreach (var (vpc, tables) in receivers)
            {
                foreach (var t in tables)
                {
                    var lookup = index.Lookup(t);
                    if (lookup.HasUnknownRoutes)
                    {
                        continue;
                    }

                    foreach (int i in SendersInGaps(lookup, senderRange, sourceIndex))
                    {
                        var sender = senders[i];
                        if (sender.VpcId == vpc.Id)
                        {
                            continue;
                        }

                        var missing = Missing(lookup, sender.Sources);
                        if (missing.Count == 0)
                        {
                            continue;
                        }

                        string route = $"Route {destination} → {gateway} in route table {sender.Table.Label} reaches {vpc.Label} through the transit gateway";
                        context.Report(
                            sender.Route.Destination!.Location,
                            $"{route}, but route table {t.Label} of {vpc.Label} has no route back to {string.Join(", ", missing)}: replies never leave {vpc.Label}.",
                            sender.Table,
                            new[] { new RelatedLocation(t.Location, $"route table {t.Label} lacks a route for {string.Join(", ", missing)} (to {gateway})") },
                            key: $"{sender.Table.Id}|{destination}|{gateway}|{t.Id}",
                            ignoredRules: sender.Route.IgnoredRules);
                    }
                }
            }
        }
    }

    /// <summary>
    /// A route into a transit gateway (its destination and gateway are its group's) and the ranges its replies must
    /// return to: four references, not the whole <see cref="TgwBoundRoute"/>, as a hub's group holds thousands.
    /// </summary>
    private readonly record struct Sender(RouteTable Table, Route Route, string VpcId, List<Cidr> Sources);

    /// <summary>
    /// The VPCs the gateway delivers the group's destination to (over the forward table, to an attachment of the VPC,
    /// each attachment once, in attachment order) with the route tables of their subnets in the delivered range. The
    /// sender's own VPC is among them when it is attached; the caller skips it per sender.
    /// </summary>
    private static List<(Vpc Vpc, List<RouteTable> Tables)> Receivers(ModelIndex index, string gatewayId, Cidr destination, TgwRouteLookup forward)
    {
        var tgw = index.TransitGateways;
        var result = new List<(Vpc, List<RouteTable>)>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (h, range) in TransitGatewayRoutes.Attached(index, gatewayId, destination))
        {
            // Where the gateway delivers the request: the destination VPC's attachment.
            var r = forward.Match(range);
            if (r is null || r.State == RouteState.Blackhole || r.AttachmentIds.Count == 0
                || !tgw.Attachments.TryGetValue(r.AttachmentIds[0], out var back) || back.VpcId != h.Vpc.Id || !seen.Add(back.Id))
            {
                continue;
            }

            // The destination subnets' tables must send the replies somewhere: back to a transit gateway, over a
            // peering, anywhere but nowhere. (When they send them to this gateway, PL2011 judges that route.)
            result.Add((h.Vpc, DestinationTables(index, h.Vpc, range)));
        }

        return result;
    }

    /// <summary>
    /// The senders with a range that the table leaves without a working route somewhere: the table's gaps (no route or a
    /// blackhole) inside the senders' covering range, matched against the senders' ranges. Each sender once, in order.
    /// </summary>
    private static IEnumerable<int> SendersInGaps(RouteLookup lookup, Cidr senderRange, PrefixTrie<int> sourceIndex)
    {
        SortedSet<int>? found = null;
        foreach (var (block, r) in lookup.Resolve(senderRange))
        {
            if (r is not null && r.State != RouteState.Blackhole)
            {
                continue;
            }

            foreach (int i in sourceIndex.Overlapping(block))
            {
                (found ??= new SortedSet<int>()).Add(i);
            }
        }

        return found ?? (IEnumerable<int>)System.Array.Empty<int>();
    }

    /// <summary>The parts of the sources the table has no working route for.</summary>
    private static List<Cidr> Missing(RouteLookup lookup, List<Cidr> sources)
    {
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

        return missing;
    }

    /// <summary>The smallest block that contains both.</summary>
    private static Cidr Cover(Cidr a, Cidr b)
    {
        int prefix = System.Math.Min(a.PrefixLength, b.PrefixLength);
        while (prefix > 0 && Cidr.Truncate(a, prefix) != Cidr.Truncate(b, prefix))
        {
            prefix--;
        }

        return Cidr.Truncate(a, prefix);
    }

    /// <summary>
    /// The route tables of the destination VPC's subnets inside <paramref name="range"/>; none when the subnets are not
    /// in the input. Subnets that hold a transit gateway attachment's interfaces are left out when others remain:
    /// replies come from the workloads, and dedicated attachment subnets often have a table with the local route only.
    /// </summary>
    private static List<RouteTable> DestinationTables(ModelIndex index, Vpc vpc, Cidr range)
    {
        var attachmentSubnets = new HashSet<string>(System.StringComparer.Ordinal);
        var attachments = index.TransitGateways.AttachmentsOfVpc(vpc.Id);
        for (int i = 0; i < attachments.Count; i++)
        {
            attachmentSubnets.UnionWith(attachments[i].SubnetIds);
        }

        var inRange = new List<Subnet>();
        bool othersRemain = false;
        var subnets = index.SubnetsOf(vpc.Id);
        for (int i = 0; i < subnets.Count; i++)
        {
            var s = subnets[i];
            if (s.Ipv4Cidr?.Value is { } c && c.Overlaps(range))
            {
                inRange.Add(s);
                othersRemain |= !attachmentSubnets.Contains(s.Id);
            }
        }

        // Only when other subnets remain: a small VPC often puts the attachment in its workload subnet.
        if (othersRemain)
        {
            RemoveAttachmentSubnets(inRange, attachmentSubnets);
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

    private static void RemoveAttachmentSubnets(List<Subnet> subnets, HashSet<string> attachmentSubnets)
    {
        int kept = 0;
        for (int i = 0; i < subnets.Count; i++)
        {
            if (!attachmentSubnets.Contains(subnets[i].Id))
            {
                subnets[kept++] = subnets[i];
            }
        }

        subnets.RemoveRange(kept, subnets.Count - kept);
    }

    /// <summary>The sending subnets' blocks (those the route's table serves), else the VPC's blocks; only the destination's address family.</summary>
    private static List<Cidr> Sources(ModelIndex index, TgwBoundRoute tr)
    {
        var served = index.SubnetsServedBy(tr.Table);
        var list = new List<Cidr>(served.Count);
        for (int i = 0; i < served.Count; i++)
        {
            // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            Cidr? c = served[i].Ipv4Cidr?.Value;
            if (c is not null && c.Value.Family == tr.Destination.Family)
            {
                list.Add(c.Value);
            }
        }

        if (list.Count == 0)
        {
            var own = ModelIndex.UsableCidrs(tr.Vpc);
            for (int i = 0; i < own.Count; i++)
            {
                var c = own[i].Value!.Value;
                if (c.Family == tr.Destination.Family)
                {
                    list.Add(c);
                }
            }
        }

        return list;
    }
}
