using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>Finding placement: each finding on the element it names, or the narrowest drawn element whose span contains it.</summary>
internal sealed partial class TopologyBuilder
{
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
}
