using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>Route edges: each route from its table to its target, and the peering's two sides.</summary>
internal sealed partial class TopologyBuilder
{
    private void AddRoutes(RouteTable t)
    {
        string? source = null;
        bool inVpc = t.VpcId is not null && _vpcClusters.ContainsKey(t.VpcId);
        if (_options.Detail || !inVpc)
        {
            source = GraphStyle.NodeId("rtb", t.Id);
            if (!_nodes.ContainsKey(source))
            {
                var lines = new List<string> { t.Name ?? t.Id, "route table" + (t.VpcId is null ? string.Empty : " of " + t.VpcId) };
                if (t.Routes.All(r => r.IsLocal))
                {
                    return;
                }

                AddNode(new GraphNode(source, NodeKind.RouteTable, lines), inVpc ? _vpcClusters[t.VpcId!] : null);
            }
        }
        else
        {
            source = SummaryId(t.VpcId!);
        }

        foreach (var r in t.Routes)
        {
            if (r.IsLocal || (_focusPeerings is not null && r.TargetKind == RouteTargetKind.VpcPeeringConnection && r.TargetId is { } pid && !_focusPeerings.Contains(pid)))
            {
                continue;
            }

            var (target, peering) = RouteTarget(r, t.VpcId);
            string dest = r.Destination?.ToString() ?? r.DestinationPrefixListId ?? "unknown destination";
            bool reversed = peering && Backward(t.VpcId);
            if (peering && t.VpcId is not null)
            {
                _routedVpcPeerings.Add(t.VpcId + "|" + r.TargetId);
            }

            if (!_options.Detail && inVpc)
            {
                string key = source + "|" + target + "|" + dest;
                if (_mergedRoutes.TryGetValue(key, out var merged))
                {
                    merged.Count++;
                    _routeEdges[r] = merged;
                    continue;
                }

                var me = new GraphEdge(source, target, EdgeKind.Route) { Reversed = reversed };
                me.Lines.Add(dest);
                _mergedRoutes[key] = me;
                _routeEdges[r] = me;
                _graph.Edges.Add(me);
                continue;
            }

            var e = new GraphEdge(source, target, EdgeKind.Route) { Reversed = reversed };
            e.Lines.Add(dest + (r.State == RouteState.Blackhole ? " (blackhole)" : string.Empty));
            _routeEdges[r] = e;
            _graph.Edges.Add(e);
        }
    }

    private (string Node, bool Peering) RouteTarget(Route r, string? vpcId)
    {
        if (r.TargetId is null)
        {
            string nid = "unknown_target";
            if (!_nodes.ContainsKey(nid))
            {
                AddNode(new GraphNode(nid, NodeKind.Missing, new[] { "unknown target", "the input does not say" }) { Dashed = true }, null);
            }

            return (nid, false);
        }

        switch (r.TargetKind)
        {
            case RouteTargetKind.VpcPeeringConnection:
                if (_index.Peerings.TryGetValue(r.TargetId, out var p))
                {
                    return (Peering(p).Id, true);
                }

                string pid = GraphStyle.NodeId("pcx", r.TargetId);
                return (_nodes.TryGetValue(pid, out var pn) ? pn.Id : Missing(pid, r.TargetId, "peering connection").Id, false);
            case RouteTargetKind.InternetGateway:
                return (Igw(r.TargetId).Id, false);
            case RouteTargetKind.TransitGateway:
                if (vpcId is not null)
                {
                    _routedVpcGateways.Add(vpcId + "|" + r.TargetId);
                }

                return (Tgw(r.TargetId).Id, false);
            default:
                string tid = GraphStyle.NodeId("tgt", r.TargetId);
                if (!_nodes.ContainsKey(tid))
                {
                    GraphCluster? place = null;
                    if (r.TargetKind == RouteTargetKind.NatGateway && _index.NatGateways.TryGetValue(r.TargetId, out var nat))
                    {
                        string? natVpc = nat.VpcId ?? (nat.SubnetId is not null && _index.Subnets.TryGetValue(nat.SubnetId, out var ns) ? ns.VpcId : null);
                        place = natVpc is not null && _vpcClusters.TryGetValue(natVpc, out var vc) ? vc : null;
                    }
                    else if (r.TargetKind is RouteTargetKind.NetworkInterface or RouteTargetKind.Instance or RouteTargetKind.VpcEndpoint or RouteTargetKind.EgressOnlyInternetGateway
                        && vpcId is not null && _vpcClusters.TryGetValue(vpcId, out var own))
                    {
                        place = own;
                    }

                    AddNode(new GraphNode(tid, NodeKind.RouteTarget, new[] { r.TargetId, TargetKindText(r.TargetKind) }), place).Tooltip.Add(TargetKindText(r.TargetKind) + " " + r.TargetId);
                }

                return (tid, false);
        }
    }

    private void AddPeeringSides(VpcPeeringConnection p)
    {
        string pcx = GraphStyle.NodeId("pcx", p.Id);
        foreach (var (side, role) in new[] { (p.Requester, "requester"), (p.Accepter, "accepter") })
        {
            bool requester = role == "requester";
            if (side.VpcId is not null && _vpcClusters.TryGetValue(side.VpcId, out var cluster))
            {
                if (_routedVpcPeerings.Contains(side.VpcId + "|" + p.Id) || cluster.Anchor is not { } anchor)
                {
                    continue;
                }

                // Semantic direction requester → peering → accepter; laid out so that the VPC sits on its own side.
                bool backward = Backward(side.VpcId);
                var e = requester
                    ? new GraphEdge(anchor.Id, pcx, EdgeKind.PeeringSide) { TailCluster = cluster.Id, Reversed = backward }
                    : new GraphEdge(pcx, anchor.Id, EdgeKind.PeeringSide) { HeadCluster = cluster.Id, Reversed = !backward };
                e.Lines.Add(role + ", no routes");
                _graph.Edges.Add(e);
            }
            else
            {
                var ext = ExternalVpc(p, side, role);
                var e = requester ? new GraphEdge(ext.Id, pcx, EdgeKind.PeeringSide) : new GraphEdge(pcx, ext.Id, EdgeKind.PeeringSide);
                e.Lines.Add(role);
                _graph.Edges.Add(e);
            }
        }
    }
}
