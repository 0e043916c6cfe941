using System;
using System.Globalization;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>The intent overlay: each intent an edge between its endpoints, coloured by its verdict, blocking hops marked.</summary>
internal sealed partial class TopologyBuilder
{
    private void AddIntents()
    {
        var verdicts = _options.Verdicts ?? IntentVerdicts.None;
        foreach (var intent in Model.Intents)
        {
            // Place the arrow where the engine resolved the intent (its own file's instance first), not by the first name match.
            var query = Reachability.IntentResolver.Resolve(_index, intent).Query;
            if (_focusVpcs is not null && !(InFocus(query?.Source.Element) || InFocus(query?.Destination.Element)))
            {
                continue;
            }

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

    /// <summary>With --focus: whether an intent endpoint lies in a drawn VPC.</summary>
    private bool InFocus(Element? e)
    {
        string? vpc = e switch
        {
            Instance i => _index.VpcOfInstance(i),
            Subnet s => s.VpcId,
            Vpc v => v.Id,
            _ => null,
        };
        return vpc is not null && _focusVpcs!.Contains(vpc);
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
}
