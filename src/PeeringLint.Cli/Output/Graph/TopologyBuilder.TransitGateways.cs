using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>Transit gateways as hubs: one node per gateway outside the VPCs, an edge from each attached VPC that has no route to it.</summary>
internal sealed partial class TopologyBuilder
{
    private readonly HashSet<string> _routedVpcGateways = new(StringComparer.Ordinal);

    private GraphNode Tgw(string id)
    {
        string nid = GraphStyle.NodeId("tgw", id);
        if (_nodes.TryGetValue(nid, out var n))
        {
            return n;
        }

        var tgw = _index.TransitGateways;
        if (!tgw.Gateways.TryGetValue(id, out var g) && tgw.AttachmentsOfGateway(id).Count == 0)
        {
            return Missing(nid, id, "transit gateway");
        }

        var lines = new List<string> { g?.Name ?? id };
        if (g?.Name is not null && g.Name != id)
        {
            lines.Add(id);
        }

        int spokes = tgw.AttachmentsOfGateway(id).Count(a => a.IsUsable);
        lines.Add($"transit gateway, {spokes} attachment{(spokes == 1 ? string.Empty : "s")}");
        var node = AddNode(new GraphNode(nid, NodeKind.TransitGateway, lines), null);
        node.Tooltip.Add("transit gateway " + id);
        return node;
    }

    /// <summary>Attached VPCs whose route tables send nothing to the gateway still show the spoke (dashed, like an unused peering side).</summary>
    private void AddTransitGatewaySpokes()
    {
        foreach (var a in Model.Of<TransitGatewayAttachment>().OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            if (a.Kind == TransitGatewayAttachmentKind.Peering && a.TransitGatewayId is not null && a.ResourceId is not null && a.IsUsable)
            {
                // Hub to hub: drawn once, from the gateway that lists the attachment first (with --focus, only between drawn hubs).
                if (_focusVpcs is not null && !(_nodes.ContainsKey(GraphStyle.NodeId("tgw", a.TransitGatewayId)) && _nodes.ContainsKey(GraphStyle.NodeId("tgw", a.ResourceId))))
                {
                    continue;
                }

                var from = Tgw(a.TransitGatewayId);
                var to = Tgw(a.ResourceId);
                var pe = new GraphEdge(from.Id, to.Id, EdgeKind.PeeringSide);
                pe.Lines.Add("TGW peering " + (a.Name ?? a.Id));
                _graph.Edges.Add(pe);
                continue;
            }

            if (a.VpcId is null || a.TransitGatewayId is null || !a.IsUsable || _routedVpcGateways.Contains(a.VpcId + "|" + a.TransitGatewayId)
                || !_vpcClusters.TryGetValue(a.VpcId, out var cluster) || cluster.Anchor is not { } anchor)
            {
                continue;
            }

            var hub = Tgw(a.TransitGatewayId);
            var e = new GraphEdge(anchor.Id, hub.Id, EdgeKind.PeeringSide) { TailCluster = cluster.Id };
            e.Lines.Add("attachment " + (a.Name ?? a.Id) + ", no routes");
            _graph.Edges.Add(e);
        }
    }
}
