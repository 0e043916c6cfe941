using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A VPC route that sends traffic to a transit gateway, with the VPC's attachment and its associated TGW route table.</summary>
internal readonly record struct TgwBoundRoute(RouteTable Table, Route Route, Cidr Destination, Vpc Vpc, string GatewayId, TransitGatewayAttachment? Attachment, TgwAssociation Association);

/// <summary>The routes to transit gateways PL2011 and PL2012 check, and what they need from the TGW side.</summary>
internal static class TransitGatewayRoutes
{
    /// <summary>Active routes with a known destination and gateway, from VPCs in the input, in model order.</summary>
    public static IEnumerable<TgwBoundRoute> All(ModelIndex index)
    {
        var tgw = index.TransitGateways;
        if (!tgw.Any)
        {
            yield break;
        }

        foreach (var table in index.Model.RouteTables)
        {
            var vpc = index.Vpc(table.VpcId);
            if (vpc is null)
            {
                continue;
            }

            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var r = routes[i];
                if (r.TargetKind != RouteTargetKind.TransitGateway || r.TargetId is null || r.State != RouteState.Active || r.Destination?.Value is not { } dest)
                {
                    continue;
                }

                var attachment = tgw.VpcAttachment(vpc.Id, r.TargetId);
                var assoc = attachment is null ? default : tgw.AssociationOf(attachment);
                yield return new TgwBoundRoute(table, r, dest, vpc, r.TargetId, attachment, assoc);
            }
        }
    }

    /// <summary>
    /// The ranges a route to a gateway is meant to reach: its destination's overlap with the blocks of the other VPCs
    /// attached to the gateway, in attachment order; the destination itself when it overlaps none of them and is
    /// narrower than a default route.
    /// </summary>
    public static List<(Cidr Range, Vpc? Vpc)> Intended(ModelIndex index, TgwBoundRoute tr)
    {
        var result = new List<(Cidr, Vpc?)>();
        foreach (var (hit, range) in Attached(index, tr.GatewayId, tr.Destination))
        {
            if (hit.Vpc.Id != tr.Vpc.Id)
            {
                result.Add((range, hit.Vpc));
            }
        }

        if (result.Count == 0 && tr.Destination.PrefixLength > 0)
        {
            result.Add((tr.Destination, null));
        }

        return result;
    }

    /// <summary>
    /// The blocks of the VPCs attached to <paramref name="gatewayId"/> that <paramref name="destination"/> overlaps, in
    /// attachment order, each with the part of the destination it stands for (the narrower of the two).
    /// </summary>
    public static List<(TgwAttachedBlock Hit, Cidr Range)> Attached(ModelIndex index, string gatewayId, Cidr destination)
    {
        var hits = new List<TgwAttachedBlock>();
        foreach (var h in index.TransitGateways.AttachedBlocks(gatewayId).Overlapping(destination))
        {
            hits.Add(h);
        }

        hits.Sort(static (x, y) => x.Ordinal.CompareTo(y.Ordinal));
        var result = new List<(TgwAttachedBlock, Cidr)>(hits.Count);
        foreach (var h in hits)
        {
            result.Add((h, Narrower(h.Block, destination)));
        }

        return result;
    }

    /// <summary>
    /// True when the gateway delivers some part of some range of <see cref="Intended"/> (or may: a miss the input cannot
    /// prove), asked unordered and lazily: a summary route over a hub of many spokes (10.0.0.0/8 to the gateway) is
    /// answered by its first delivered range without listing the others. Allocates nothing.
    /// </summary>
    public static bool DeliversSome(ModelIndex index, TgwBoundRoute tr, TgwRouteLookup lookup)
    {
        var blocks = index.TransitGateways.AttachedBlocks(tr.GatewayId);
        var state = (tr.Destination, VpcId: tr.Vpc.Id, Lookup: lookup);
        if (blocks.AnyOverlapping(tr.Destination, state, static (s, h) => h.Vpc.Id != s.VpcId && s.Lookup.DeliversSome(Narrower(h.Block, s.Destination))))
        {
            return true;
        }

        // No other VPC's block delivers: the destination itself stands for the traffic when it overlaps none of them.
        return tr.Destination.PrefixLength > 0
            && !blocks.AnyOverlapping(tr.Destination, tr.Vpc.Id, static (vpcId, h) => h.Vpc.Id != vpcId)
            && lookup.DeliversSome(tr.Destination);
    }

    /// <summary>The narrower of two nested blocks.</summary>
    private static Cidr Narrower(Cidr block, Cidr destination) => block.PrefixLength >= destination.PrefixLength ? block : destination;

    /// <summary>Where a gateway's attachment is named for messages: "attachment 'x' of VPC 'y'".</summary>
    public static string AttachmentText(ModelIndex index, TransitGatewayAttachment a) =>
        a.VpcId is null ? $"attachment {a.Label}" : $"attachment {a.Label} of {Describe.Vpc(index, a.VpcId)}";
}
