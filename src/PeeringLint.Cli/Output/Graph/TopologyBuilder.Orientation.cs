using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>Layout orientation (dot): peered VPCs face each other across the peering.</summary>
internal sealed partial class TopologyBuilder
{
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
}
