using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>Clusters and nodes: account/region groups, VPCs, subnets, route tables, instances, gateways, peerings.</summary>
internal sealed partial class TopologyBuilder
{
    private static string GroupKey(Vpc v) => (v.Account ?? string.Empty) + "|" + (v.Region ?? string.Empty);

    private static string GroupLabel(string? account, string? region) =>
        (account is null ? "account unknown" : "account " + account) + " · " + (region ?? "region unknown");

    private GraphCluster? Group(string? account, string? region)
    {
        if (!_useGroups)
        {
            return null;
        }

        string key = (account ?? string.Empty) + "|" + (region ?? string.Empty);
        if (!_groupClusters.TryGetValue(key, out var g))
        {
            g = new GraphCluster(GraphStyle.NodeId("grp", key), ClusterKind.Group, new[] { GroupLabel(account, region) });
            _groupClusters[key] = g;
            _graph.Clusters.Add(g);
            _graph.Clusters.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }

        return g;
    }

    private GraphNode AddNode(GraphNode node, GraphCluster? cluster)
    {
        _nodes[node.Id] = node;
        (cluster?.Nodes ?? _graph.Nodes).Add(node);
        return node;
    }

    private void AddVpc(Vpc vpc)
    {
        var lines = new List<string> { vpc.Name ?? vpc.Id };
        if (vpc.Name is not null && vpc.Name != vpc.Id)
        {
            lines.Add(vpc.Id);
        }

        var cidrs = vpc.Ipv4Cidrs.Concat(vpc.Ipv6Cidrs).Select(c => c.ToString()).ToList();
        lines.Add(cidrs.Count == 0 ? "CIDR unknown" : string.Join(", ", cidrs));
        var cluster = new GraphCluster(GraphStyle.NodeId("vpc", vpc.Id), ClusterKind.Vpc, lines);
        cluster.Tooltip.Add("VPC " + vpc.Id);
        _vpcClusters[vpc.Id] = cluster;
        var group = Group(vpc.Account, vpc.Region);
        (group?.Clusters ?? _graph.Clusters).Add(cluster);

        var subnets = _index.SubnetsOf(vpc.Id).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var tables = _index.RouteTablesOf(vpc.Id).OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        var instances = _index.InstancesOf(vpc.Id).OrderBy(i => i.Id, StringComparer.Ordinal).ToList();
        bool backward = Backward(vpc.Id);
        if (!_options.Detail)
        {
            int pub = subnets.Count(s => IsPublic(s) == Tri.Yes);
            int unknown = subnets.Count(s => IsPublic(s) == Tri.Unknown);
            var summary = new List<string>
            {
                subnets.Count == 0 ? "no subnets in the input"
                    : Plural(subnets.Count, "subnet") + $" ({pub} public, {subnets.Count - pub - unknown} private"
                        + (unknown == 0 ? ")" : $", {unknown} unknown)"),
            };
            int shownTables = tables.Count(t => !t.IsImplicit || t.Routes.Count > 0);
            if (shownTables > 0)
            {
                summary.Add(Plural(shownTables, "route table"));
            }

            if (instances.Count > 0)
            {
                summary.Add(Plural(instances.Count, "instance"));
            }

            AddNode(new GraphNode(SummaryId(vpc.Id), NodeKind.Summary, summary), cluster);
            return;
        }

        foreach (var s in subnets)
        {
            var sl = new List<string> { s.Name ?? s.Id };
            if (s.Name is not null && s.Name != s.Id)
            {
                sl.Add(s.Id);
            }

            sl.Add(s.Ipv4Cidr?.ToString() ?? "CIDR unknown");
            sl.Add(SubnetRole(IsPublic(s)) + (s.AvailabilityZone is null ? string.Empty : " · " + s.AvailabilityZone));
            AddNode(new GraphNode(GraphStyle.NodeId("sn", s.Id), NodeKind.Subnet, sl), cluster).Tooltip.Add("subnet " + s.Id);
        }

        foreach (var t in tables)
        {
            if (t.IsImplicit && t.Routes.Count == 0 && _index.SubnetsServedBy(t).Count == 0)
            {
                continue;
            }

            var tl = new List<string> { (t.Name ?? t.Id) + (t.IsMain ? " (main)" : string.Empty) };
            if (t.Name is not null && t.Name != t.Id && !t.IsImplicit)
            {
                tl.Add(t.Id);
            }

            AddNode(new GraphNode(GraphStyle.NodeId("rtb", t.Id), NodeKind.RouteTable, tl), cluster).Tooltip.Add("route table " + t.Id);
        }

        foreach (var i in instances)
        {
            AddNode(new GraphNode(GraphStyle.NodeId("i", i.Id), NodeKind.Instance, InstanceLines(i)), cluster).Tooltip.Add("instance " + i.Id);
        }

        foreach (var s in subnets)
        {
            if (_index.EffectiveRouteTable(s) is { } t && _nodes.ContainsKey(GraphStyle.NodeId("rtb", t.Id)))
            {
                _graph.Edges.Add(new GraphEdge(GraphStyle.NodeId("sn", s.Id), GraphStyle.NodeId("rtb", t.Id), EdgeKind.Association) { Reversed = backward });
            }
        }

        foreach (var i in instances)
        {
            if (i.SubnetId is not null && _nodes.ContainsKey(GraphStyle.NodeId("sn", i.SubnetId)))
            {
                _graph.Edges.Add(new GraphEdge(GraphStyle.NodeId("i", i.Id), GraphStyle.NodeId("sn", i.SubnetId), EdgeKind.Association) { Reversed = backward });
            }
        }

        if (cluster.Nodes.Count == 0)
        {
            AddNode(new GraphNode(GraphStyle.NodeId("empty", vpc.Id), NodeKind.Placeholder, new[] { "no subnets or route tables in the input" }), cluster);
        }
    }

    private List<string> InstanceLines(Instance i)
    {
        var lines = new List<string> { i.Name ?? i.Id };
        if (i.Name is not null && i.Name != i.Id)
        {
            lines.Add(i.Id);
        }

        if (i.PrivateIpAddresses.Count > 0)
        {
            lines.Add("private " + string.Join(", ", i.PrivateIpAddresses));
        }

        var eips = _index.ElasticIpsOfInstance(i.Id);
        if (i.PublicIpAddress is not null)
        {
            lines.Add("public " + i.PublicIpAddress);
        }
        else if (eips.Count > 0)
        {
            lines.Add("Elastic IP " + (eips[0].PublicIp ?? eips[0].Id));
        }
        else
        {
            lines.Add(i.PublicIp switch
            {
                PublicIpMode.None => "no public IP",
                PublicIpMode.Assigned => "public IP assigned",
                _ => "public IP unknown",
            });
        }

        if (i.SecurityGroupIds.Count > 0)
        {
            lines.Add("SG: " + string.Join(", ", i.SecurityGroupIds.Select(id => _index.SecurityGroups.TryGetValue(id, out var g) ? g.GroupName ?? g.Name ?? g.Id : id)));
        }

        return lines;
    }

    /// <summary>AWS's public subnet, as the rules decide it (<see cref="PublicSubnets"/>).</summary>
    private Tri IsPublic(Subnet s) => PublicSubnets.IsPublic(_index, s);

    /// <summary>The label the diagram gives a subnet for <see cref="IsPublic"/>.</summary>
    internal static string SubnetRole(Tri isPublic) => isPublic switch
    {
        Tri.Yes => "public",
        Tri.No => "private",
        _ => "public or private: unknown",
    };

    private static string SummaryId(string vpcId) => GraphStyle.NodeId("sum", vpcId);

    private GraphNode Igw(string id)
    {
        string nid = GraphStyle.NodeId("igw", id);
        if (_nodes.TryGetValue(nid, out var n))
        {
            return n;
        }

        if (!_index.InternetGateways.TryGetValue(id, out var g))
        {
            return Missing(nid, id, "internet gateway");
        }

        var lines = new List<string> { g.Name ?? g.Id };
        if (g.Name is not null && g.Name != g.Id)
        {
            lines.Add(g.Id);
        }

        lines.Add(g.AttachedVpcIds.Count == 0 ? "internet gateway, not attached" : "internet gateway");
        var vpc = g.AttachedVpcIds.Where(v => _vpcClusters.ContainsKey(v)).OrderBy(v => v, StringComparer.Ordinal).FirstOrDefault();
        var node = AddNode(new GraphNode(nid, NodeKind.InternetGateway, lines), vpc is null ? null : _vpcClusters[vpc]);
        node.Tooltip.Add("internet gateway " + g.Id);
        return node;
    }

    private GraphNode Missing(string nid, string id, string what)
    {
        var node = AddNode(new GraphNode(nid, NodeKind.Missing, new[] { id, what + " (not in the input)" }) { Dashed = true }, null);
        node.Tooltip.Add(what + " " + id + " is referenced but not in the input");
        return node;
    }

    private GraphNode Peering(VpcPeeringConnection p)
    {
        string nid = GraphStyle.NodeId("pcx", p.Id);
        if (_nodes.TryGetValue(nid, out var existing))
        {
            return existing;
        }

        var lines = new List<string> { p.Name ?? p.Id };
        if (p.Name is not null && p.Name != p.Id)
        {
            lines.Add(p.Id);
        }

        lines.Add("peering · " + Kebab(p.Status.ToString()) + (p.IsInterRegion ? " · inter-region" : string.Empty));
        var rv = _index.Vpc(p.Requester.VpcId);
        var av = _index.Vpc(p.Accepter.VpcId);
        GraphCluster? place = null;
        if (rv is not null && av is not null && GroupKey(rv) == GroupKey(av))
        {
            place = Group(rv.Account, rv.Region);
        }

        var node = AddNode(new GraphNode(nid, NodeKind.Peering, lines), place);
        node.Tooltip.Add("peering connection " + p.Id);
        node.Tooltip.Add("requester " + (p.Requester.VpcId ?? "unknown VPC") + ", accepter " + (p.Accepter.VpcId ?? "unknown VPC"));
        return node;
    }

    private GraphNode ExternalVpc(VpcPeeringConnection p, PeeringSide side, string role)
    {
        string key = side.VpcId ?? p.Id + "/" + role;
        string nid = GraphStyle.NodeId("ext", key);
        if (_nodes.TryGetValue(nid, out var n))
        {
            return n;
        }

        var cidrs = side.Ipv4Cidrs.Concat(side.Ipv6Cidrs).Select(c => c.ToString()).ToList();
        var cluster = new GraphCluster(GraphStyle.NodeId("extvpc", key), ClusterKind.ExternalVpc, new[] { side.VpcId ?? "unknown VPC", "not in the input" });
        cluster.Tooltip.Add("external VPC " + (side.VpcId ?? "(unknown)") + ", " + role + " of " + p.Id);
        var lines = new List<string> { cidrs.Count == 0 ? "CIDR unknown" : string.Join(", ", cidrs) };
        if (side.OwnerId is not null || side.Region is not null)
        {
            lines.Add(GroupLabel(side.OwnerId, side.Region));
        }

        _graph.Clusters.Add(cluster);
        return AddNode(new GraphNode(nid, NodeKind.ExternalVpc, lines) { Dashed = true }, cluster);
    }
}
