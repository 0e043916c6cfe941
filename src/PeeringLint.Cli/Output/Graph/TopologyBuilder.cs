using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Cli.Output.Graph;

internal sealed record GraphOptions
{
    /// <summary>Expand subnets, route tables and instances (otherwise each VPC shows one summary node).</summary>
    public bool Detail { get; init; }

    /// <summary>Intent verdicts; null or a null answer draws the intent grey, "not evaluated".</summary>
    public Func<ConnectivityIntent, IntentVerdict?>? Verdicts { get; init; }

    public string Title { get; init; } = "PeeringLint topology";
}

/// <summary>
/// Builds a <see cref="TopologyGraph"/> from the model (through <see cref="ModelIndex"/>) and the findings: VPC clusters
/// (grouped by account/region when the input spans several), subnets, route tables, gateways, peerings as bridges,
/// instances, intents, and each finding coloured onto the element it names or the narrowest element or route whose
/// source span contains it.
/// </summary>
internal sealed class TopologyBuilder
{
    private readonly ModelIndex _index;
    private readonly GraphOptions _options;
    private readonly TopologyGraph _graph = new();
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphCluster> _vpcClusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphCluster> _groupClusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _backward = new(StringComparer.Ordinal);
    private readonly Dictionary<object, GraphEdge> _routeEdges = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, GraphEdge> _mergedRoutes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _routedVpcPeerings = new(StringComparer.Ordinal);
    private bool _useGroups;

    private TopologyBuilder(ModelIndex index, GraphOptions options)
    {
        _index = index;
        _options = options;
        _graph.Detail = options.Detail;
        _graph.Title = options.Title;
    }

    private NetworkModel Model => _index.Model;

    public static TopologyGraph Build(ModelIndex index, IReadOnlyList<Finding> findings, GraphOptions? options = null)
    {
        var b = new TopologyBuilder(index, options ?? new GraphOptions());
        b.Run(findings);
        return b._graph;
    }

    private void Run(IReadOnlyList<Finding> findings)
    {
        var vpcs = Model.Vpcs.GroupBy(v => v.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        var groups = vpcs.Select(GroupKey).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        _useGroups = groups.Count > 1;
        if (!_useGroups && vpcs.Count > 0)
        {
            _graph.Subtitle.Add(GroupLabel(vpcs[0].Account, vpcs[0].Region));
        }

        Orient(vpcs);
        foreach (var vpc in vpcs)
        {
            AddVpc(vpc);
        }

        foreach (var g in Model.InternetGateways.OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            Igw(g.Id);
        }

        foreach (var p in Model.PeeringConnections.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            Peering(p);
        }

        foreach (var t in Model.RouteTables.OrderBy(t => t.VpcId ?? string.Empty, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            AddRoutes(t);
        }

        foreach (var p in Model.PeeringConnections.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            AddPeeringSides(p);
        }

        MarkFindings(findings);
        AddIntents();
        _graph.Nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        foreach (var g in _groupClusters.Values)
        {
            g.Nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }
    }

    // ---- layout orientation (dot): peered VPCs face each other across the peering ----
    private void Orient(List<Vpc> vpcs)
    {
        var peers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in Model.PeeringConnections.OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            if (p.Requester.VpcId is { } r && p.Accepter.VpcId is { } a && r != a)
            {
                Add(peers, r, a);
                Add(peers, a, r);
            }
        }

        foreach (var v in vpcs)
        {
            if (_backward.ContainsKey(v.Id))
            {
                continue;
            }

            _backward[v.Id] = false;
            var queue = new Queue<string>();
            queue.Enqueue(v.Id);
            while (queue.Count > 0)
            {
                var cur = queue.Dequeue();
                if (!peers.TryGetValue(cur, out var list))
                {
                    continue;
                }

                foreach (var next in list)
                {
                    if (!_backward.ContainsKey(next))
                    {
                        _backward[next] = !_backward[cur];
                        queue.Enqueue(next);
                    }
                }
            }
        }

        static void Add(Dictionary<string, List<string>> d, string k, string v)
        {
            if (!d.TryGetValue(k, out var l))
            {
                d[k] = l = new List<string>();
            }

            if (!l.Contains(v))
            {
                l.Add(v);
            }
        }
    }

    private bool Backward(string? vpcId) => vpcId is not null && _backward.TryGetValue(vpcId, out var b) && b;

    // ---- clusters and nodes ----
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

    // ---- routes ----
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
            if (r.IsLocal)
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

    // ---- findings ----
    private void MarkFindings(IReadOnlyList<Finding> findings)
    {
        var spans = new Dictionary<string, List<(SourceLocation Loc, object Item)>>(StringComparer.Ordinal);
        void Span(SourceLocation loc, object item)
        {
            if (loc.IsNone)
            {
                return;
            }

            if (!spans.TryGetValue(loc.Path, out var l))
            {
                spans[loc.Path] = l = new List<(SourceLocation, object)>();
            }

            l.Add((loc, item));
        }

        var byId = new Dictionary<string, List<Element>>(StringComparer.Ordinal);
        foreach (var e in AllElements())
        {
            Span(e.Location, e);
            if (!byId.TryGetValue(e.Id, out var l))
            {
                byId[e.Id] = l = new List<Element>();
            }

            l.Add(e);
        }

        foreach (var t in Model.RouteTables)
        {
            foreach (var r in t.Routes)
            {
                Span(r.Location, new RouteRef(t, r));
            }
        }

        foreach (var f in findings)
        {
            if (f.IsSuppressed)
            {
                continue;
            }

            var marks = new List<FindingMarks>();
            if (f.ElementId is not null && byId.TryGetValue(f.ElementId, out var candidates))
            {
                var chosen = candidates.Count == 1 ? candidates : candidates.Where(c => Contains(c.Location, f.Location)).ToList();
                foreach (var c in chosen.Count > 0 ? chosen : candidates)
                {
                    marks.AddRange(MarksFor(c));
                }
            }

            if (spans.TryGetValue(f.Location.Path, out var list))
            {
                object? best = null;
                long bestSize = long.MaxValue;
                foreach (var (loc, item) in list)
                {
                    if (Contains(loc, f.Location) && Size(loc) < bestSize)
                    {
                        best = item;
                        bestSize = Size(loc);
                    }
                }

                if (best is RouteRef rr)
                {
                    marks.AddRange(_routeEdges.TryGetValue(rr.Route, out var edge) ? new[] { edge.Marks } : MarksFor(rr.Table));
                }
                else if (best is Element el)
                {
                    marks.AddRange(MarksFor(el));
                }
            }

            foreach (var m in marks.Distinct())
            {
                m.Add(f);
            }
        }
    }

    private sealed record RouteRef(RouteTable Table, Route Route);

    private IEnumerable<Element> AllElements() =>
        Model.Vpcs.Cast<Element>().Concat(Model.Subnets).Concat(Model.RouteTables).Concat(Model.InternetGateways).Concat(Model.NatGateways)
            .Concat(Model.PeeringConnections).Concat(Model.SecurityGroups).Concat(Model.NetworkAcls).Concat(Model.Instances)
            .Concat(Model.NetworkInterfaces).Concat(Model.ElasticIps);

    private static bool Contains(SourceLocation outer, SourceLocation inner) =>
        !outer.IsNone && !inner.IsNone && outer.Path == inner.Path
        && (outer.StartLine < inner.StartLine || (outer.StartLine == inner.StartLine && outer.StartColumn <= inner.StartColumn))
        && (outer.EndLine > inner.EndLine || (outer.EndLine == inner.EndLine && outer.EndColumn >= inner.EndColumn));

    private static long Size(SourceLocation l) => ((long)(l.EndLine - l.StartLine) * 100_000) + (l.EndColumn - l.StartColumn);

    /// <summary>Where an element is drawn: its node, or (collapsed/not drawn) its VPC's summary node or cluster.</summary>
    private IEnumerable<FindingMarks> MarksFor(Element e) => Targets(e).Select(t => t.Marks);

    private readonly record struct Target(FindingMarks Marks, GraphNode? Node, GraphCluster? Cluster);

    private IEnumerable<Target> Targets(Element e)
    {
        switch (e)
        {
            case Vpc v:
                if (_vpcClusters.TryGetValue(v.Id, out var vc))
                {
                    yield return new Target(vc.Marks, null, vc);
                }

                yield break;
            case Subnet s:
                foreach (var t in NodeOrVpc(GraphStyle.NodeId("sn", s.Id), s.VpcId))
                {
                    yield return t;
                }

                yield break;
            case RouteTable t:
                foreach (var x in NodeOrVpc(GraphStyle.NodeId("rtb", t.Id), t.VpcId))
                {
                    yield return x;
                }

                yield break;
            case InternetGateway g:
                foreach (var x in NodeOrVpc(GraphStyle.NodeId("igw", g.Id), null))
                {
                    yield return x;
                }

                yield break;
            case NatGateway n:
                foreach (var x in NodeOrVpc(GraphStyle.NodeId("tgt", n.Id), n.VpcId ?? (n.SubnetId is not null && _index.Subnets.TryGetValue(n.SubnetId, out var ns) ? ns.VpcId : null)))
                {
                    yield return x;
                }

                yield break;
            case VpcPeeringConnection p:
                foreach (var x in NodeOrVpc(GraphStyle.NodeId("pcx", p.Id), null))
                {
                    yield return x;
                }

                yield break;
            case Instance i:
                foreach (var x in NodeOrVpc(GraphStyle.NodeId("i", i.Id), _index.VpcOfInstance(i)))
                {
                    yield return x;
                }

                yield break;
            case SecurityGroup g:
                bool any = false;
                foreach (var i in Model.Instances.Where(i => i.SecurityGroupIds.Contains(g.Id)).OrderBy(i => i.Id, StringComparer.Ordinal))
                {
                    if (_nodes.TryGetValue(GraphStyle.NodeId("i", i.Id), out var n))
                    {
                        any = true;
                        yield return new Target(n.Marks, n, null);
                    }
                }

                if (!any)
                {
                    foreach (var x in NodeOrVpc(null, g.VpcId))
                    {
                        yield return x;
                    }
                }

                yield break;
            case NetworkAcl a:
                bool anyAcl = false;
                foreach (var sid in a.SubnetIds)
                {
                    if (_nodes.TryGetValue(GraphStyle.NodeId("sn", sid), out var n))
                    {
                        anyAcl = true;
                        yield return new Target(n.Marks, n, null);
                    }
                }

                if (!anyAcl)
                {
                    foreach (var x in NodeOrVpc(null, a.VpcId))
                    {
                        yield return x;
                    }
                }

                yield break;
            case NetworkInterface eni:
                foreach (var x in NodeOrVpc(eni.AttachedInstanceId is null ? null : GraphStyle.NodeId("i", eni.AttachedInstanceId), eni.VpcId ?? (eni.SubnetId is not null && _index.Subnets.TryGetValue(eni.SubnetId, out var es) ? es.VpcId : null)))
                {
                    yield return x;
                }

                yield break;
            case ElasticIp eip:
                string? vpcOfEip = eip.InstanceId is not null && _index.Instances.TryGetValue(eip.InstanceId, out var ei) ? _index.VpcOfInstance(ei) : null;
                foreach (var x in NodeOrVpc(eip.InstanceId is null ? null : GraphStyle.NodeId("i", eip.InstanceId), vpcOfEip))
                {
                    yield return x;
                }

                yield break;
        }
    }

    private IEnumerable<Target> NodeOrVpc(string? nodeId, string? vpcId)
    {
        if (nodeId is not null && _nodes.TryGetValue(nodeId, out var n))
        {
            yield return new Target(n.Marks, n, null);
        }
        else if (vpcId is not null && _nodes.TryGetValue(SummaryId(vpcId), out var s))
        {
            yield return new Target(s.Marks, s, null);
        }
        else if (vpcId is not null && _vpcClusters.TryGetValue(vpcId, out var c))
        {
            yield return new Target(c.Marks, null, c);
        }
    }

    // ---- intents ----
    private void AddIntents()
    {
        var verdicts = _options.Verdicts ?? IntentVerdicts.None;
        foreach (var intent in Model.Intents)
        {
            // Place the arrow where the engine resolved the intent (its own file's instance first), not by the first name match.
            var query = Reachability.IntentResolver.Resolve(_index, intent).Query;
            string from = Endpoint(intent.From, query?.Source.Element);
            string to = Endpoint(intent.To, query?.Destination.Element);
            var verdict = verdicts(intent);
            var state = verdict?.Verdict switch
            {
                ReachabilityVerdict.Reachable => IntentState.Reachable,
                ReachabilityVerdict.NotReachable => IntentState.Blocked,
                ReachabilityVerdict.Unknown => IntentState.Unknown,
                _ => IntentState.NotEvaluated,
            };
            var e = new GraphEdge(from, to, EdgeKind.Intent) { Intent = state };
            e.Lines.Add(intent.Name);
            string proto = intent.Protocol + (intent.Port is { } port ? "/" + port.ToString(CultureInfo.InvariantCulture) : string.Empty);
            switch (state)
            {
                case IntentState.Reachable:
                    e.Lines.Add(proto + " · reachable");
                    break;
                case IntentState.Blocked:
                    string? at = verdict!.BlockingElementId is { } bid ? ElementLabel(bid) : null;
                    e.Lines.Add(proto + " · blocked" + (at is null ? string.Empty : " at " + at));
                    if (verdict.BlockingElementId is { } blockId)
                    {
                        MarkBlocking(blockId, intent.Name);
                    }

                    break;
                case IntentState.Unknown:
                    e.Lines.Add(proto + " · cannot verify");
                    break;
                default:
                    e.Lines.Add(proto + " · not evaluated");
                    break;
            }

            _graph.Edges.Add(e);
        }
    }

    private string ElementLabel(string id)
    {
        var e = AllElements().FirstOrDefault(x => x.Id == id);
        return e?.Name ?? id;
    }

    private void MarkBlocking(string elementId, string intentName)
    {
        foreach (var e in AllElements().Where(x => x.Id == elementId))
        {
            foreach (var t in Targets(e))
            {
                if (t.Node is { } n && !n.Blocks.Contains(intentName))
                {
                    n.Blocks.Add(intentName);
                }
                else if (t.Cluster is { } c)
                {
                    c.Tooltip.Add("blocks " + intentName);
                    c.Lines.Add("blocks: " + intentName);
                }
            }
        }
    }

    private string Endpoint(string text, Element? resolved)
    {
        if (resolved is Instance resolvedInstance)
        {
            return FirstNode(GraphStyle.NodeId("i", resolvedInstance.Id), _index.VpcOfInstance(resolvedInstance)) ?? Generic(text.Trim());
        }

        string t = text.Trim();
        if (string.Equals(t, "internet", StringComparison.OrdinalIgnoreCase) || t == "0.0.0.0/0")
        {
            if (!_nodes.ContainsKey("internet"))
            {
                AddNode(new GraphNode("internet", NodeKind.Internet, new[] { "internet" }), null);
            }

            return "internet";
        }

        var inst = Model.Instances.Where(i => i.Id == t).Concat(Model.Instances.Where(i => i.Name == t)).FirstOrDefault();
        if (inst is not null)
        {
            return FirstNode(GraphStyle.NodeId("i", inst.Id), _index.VpcOfInstance(inst)) ?? Generic(t);
        }

        var subnet = Model.Subnets.Where(s => s.Id == t).Concat(Model.Subnets.Where(s => s.Name == t)).FirstOrDefault();
        if (subnet is not null)
        {
            return FirstNode(GraphStyle.NodeId("sn", subnet.Id), subnet.VpcId) ?? Generic(t);
        }

        var vpc = Model.Vpcs.Where(v => v.Id == t).Concat(Model.Vpcs.Where(v => v.Name == t)).FirstOrDefault();
        if (vpc is not null && _vpcClusters.TryGetValue(vpc.Id, out var c) && c.Anchor is { } a)
        {
            return a.Id;
        }

        return Generic(t);
    }

    private string? FirstNode(string nodeId, string? vpcId) =>
        _nodes.ContainsKey(nodeId) ? nodeId
        : vpcId is not null && _nodes.ContainsKey(SummaryId(vpcId)) ? SummaryId(vpcId)
        : vpcId is not null && _vpcClusters.TryGetValue(vpcId, out var c) ? c.Anchor?.Id : null;

    private string Generic(string text)
    {
        string nid = GraphStyle.NodeId("ep", text);
        if (!_nodes.ContainsKey(nid))
        {
            AddNode(new GraphNode(nid, NodeKind.Endpoint, new[] { text }) { Dashed = true }, null);
        }

        return nid;
    }

    // ---- text helpers ----
    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");

    internal static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static string TargetKindText(RouteTargetKind k) => k switch
    {
        RouteTargetKind.NatGateway => "NAT gateway",
        RouteTargetKind.TransitGateway => "transit gateway",
        RouteTargetKind.NetworkInterface => "network interface",
        RouteTargetKind.Instance => "instance",
        RouteTargetKind.VirtualPrivateGateway => "virtual private gateway",
        RouteTargetKind.VpcEndpoint => "VPC endpoint",
        RouteTargetKind.EgressOnlyInternetGateway => "egress-only internet gateway",
        RouteTargetKind.CarrierGateway => "carrier gateway",
        RouteTargetKind.LocalGateway => "local gateway",
        RouteTargetKind.CoreNetwork => "core network",
        _ => "route target",
    };
}
