using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>Walks one concrete path (one source host, one destination host) and records its hops.</summary>
internal sealed partial class PathWalker
{
    private readonly ReachabilityIndex _ri;
    private readonly ModelIndex _index;
    /// <summary>The source as the destination sees it: the source host, or a NAT gateway's address once the path passed one (PathWalker.Edges.cs).</summary>
    private Host _s;
    private readonly Host _d;
    private readonly Traffic _t;
    private readonly List<Hop> _hops = new();
    private bool _assumed;

    public PathWalker(ReachabilityIndex ri, Host source, Host destination, Traffic traffic)
    {
        _ri = ri;
        _index = ri.Index;
        _s = source;
        _d = destination;
        _t = traffic;
    }

    public IReadOnlyList<Hop> Hops => _hops;

    private enum Via
    {
        Local,
        Peering,
        InternetGateway,

        /// <summary>The path left through an edge (NAT gateway, virtual private gateway, endpoint, egress-only gateway): see PathWalker.Edges.cs.</summary>
        Edge,
        TransitGateway,
    }

    public ReachabilityVerdict Walk()
    {
        bool completed = WalkAll();
        bool blocked = _hops.Exists(h => h.Verdict == HopVerdict.Blocked);
        if (blocked)
        {
            return ReachabilityVerdict.NotReachable;
        }

        return completed && !_hops.Exists(h => h.Verdict == HopVerdict.Unknown) ? ReachabilityVerdict.Reachable : ReachabilityVerdict.Unknown;
    }

    /// <summary>False when the walk had to stop because the path itself became unknown.</summary>
    private bool WalkAll()
    {
        if (_s.External && _d.External)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, null, _s.Label, SourceLocation.None, HopVerdict.Unknown, $"{_s.AddressText} and {_d.AddressText} are both outside the VPCs of the input", ReasonCodes.UnknownValue);
            return false;
        }

        if (!_s.External && (_s.Vpc is null || _s.Subnet is null))
        {
            return Stop(_s);
        }

        if (!_d.External && (_d.Vpc is null || _d.Subnet is null))
        {
            return Stop(_d);
        }

        bool sameSubnet = !_s.External && !_d.External && _s.Subnet!.Id == _d.Subnet!.Id;
        Via via;
        VpcPeeringConnection? pcx = null;

        // Forward: the source side.
        if (!_s.External)
        {
            if (_s.IsHost)
            {
                SecurityGroupHop(_s, ingress: false, _d);
            }

            if (!sameSubnet)
            {
                AclHop(_s.Subnet!, egress: true, _d.Address, _t, HopDirection.Forward);
            }

            if (!RouteForward(out via, out pcx))
            {
                return false;
            }
        }
        else if (EdgeIngress(out via, out bool entered))
        {
            if (!entered)
            {
                return false;
            }
        }
        else
        {
            via = Via.InternetGateway;
            InternetIngress();
        }

        // Forward: the destination side.
        if (!_d.External)
        {
            if (!sameSubnet)
            {
                AclHop(_d.Subnet!, egress: false, _s.Address, _t, HopDirection.Forward);
            }

            if (_d.IsHost)
            {
                SecurityGroupHop(_d, ingress: true, _s);
            }
        }

        // Return.
        if (_d.IsHost || _s.IsHost)
        {
            var g = _d.IsHost && _d.Groups.Count > 0 ? _d.Groups[0] : _s.IsHost && _s.Groups.Count > 0 ? _s.Groups[0] : null;
            Add(HopKind.StatefulReturn, HopDirection.Return, g?.Id, g?.Label ?? "security groups", g?.Location ?? SourceLocation.None, HopVerdict.Allowed,
                "security groups are stateful: the reply is allowed back without a rule of its own", null, element: g);
        }

        var reply = _t.Reply();
        if (!_d.External)
        {
            if (!sameSubnet)
            {
                AclHop(_d.Subnet!, egress: true, _s.Address, reply, HopDirection.Return);
            }

            if (!RouteBack(via, pcx))
            {
                return false;
            }
        }

        EdgeReturn(reply);
        if (!_s.External && !sameSubnet)
        {
            AclHop(_s.Subnet!, egress: false, _d.Address, reply, HopDirection.Return);
        }

        return true;
    }

    private bool Stop(Host h)
    {
        var e = h.Element;
        string why = h.Vpc is null ? $"the VPC of {h.Label} is not in the input" : $"the subnet of {h.Label} is not in the input";
        Add(HopKind.RouteTable, HopDirection.Forward, e?.Id, h.Label, e?.Location ?? SourceLocation.None, HopVerdict.Unknown, why, ReasonCodes.UnknownValue, element: e);
        return false;
    }

    private void Add(HopKind kind, HopDirection dir, string? id, string label, SourceLocation location, HopVerdict verdict, string reason, string? code, string? fix = null, Element? element = null)
    {
        _hops.Add(new Hop(kind, dir, id ?? string.Empty, label, location, verdict, reason)
        {
            Code = code,
            Fix = fix,
            Element = element,
            Assumed = _assumed,
        });
    }
}
