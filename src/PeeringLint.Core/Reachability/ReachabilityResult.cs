using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

public enum ReachabilityVerdict
{
    Reachable,
    NotReachable,
    Unknown,
}

public enum HopVerdict
{
    Allowed,
    Blocked,
    Unknown,
}

public enum HopDirection
{
    Forward,
    Return,
}

/// <summary>What kind of element a hop evaluates.</summary>
public enum HopKind
{
    SecurityGroupEgress,
    NetworkAclOutbound,
    RouteTable,
    PeeringConnection,
    InternetGateway,
    PublicAddress,
    NetworkAclInbound,
    SecurityGroupIngress,
    StatefulReturn,
    NatGateway,
    VpnGateway,
    VpcEndpoint,
    EgressOnlyInternetGateway,
    TransitGatewayAttachment,
    TransitGatewayRouteTable,
}

/// <summary>
/// One step of a path: the element evaluated (id, label, location of the narrowest text that decided), what it
/// decided and why. <see cref="Code"/> is set when the hop blocks or cannot be judged (<see cref="ReasonCodes"/>).
/// <see cref="Fix"/> is a beginner-level suggestion for a blocking hop.
/// </summary>
public sealed record Hop(
    HopKind Kind,
    HopDirection Direction,
    string ElementId,
    string ElementLabel,
    SourceLocation Location,
    HopVerdict Verdict,
    string Reason)
{
    public string? Code { get; init; }

    public string? Fix { get; init; }

    /// <summary>The model element (security group, route table, network ACL, peering, instance…), when there is one.</summary>
    public Element? Element { get; init; }

    /// <summary>True when the hop lies on a path PeeringLint assumed after an earlier routing block (to find further blocks).</summary>
    public bool Assumed { get; init; }

    public override string ToString() => $"{Direction} {Kind} {ElementLabel}: {Verdict}: {Reason}";
}

/// <summary>The outcome of one query: a verdict and the hops in order (forward path, then the return path).</summary>
public sealed record ReachabilityResult(ReachabilityQuery Query, ReachabilityVerdict Verdict, IReadOnlyList<Hop> Hops)
{
    /// <summary>The first hop that blocks, when the verdict is NotReachable.</summary>
    public Hop? BlockingHop
    {
        get
        {
            foreach (var h in Hops)
            {
                if (h.Verdict == HopVerdict.Blocked)
                {
                    return h;
                }
            }

            return null;
        }
    }

    /// <summary>Every blocking hop, in path order (later ones may lie on an assumed path).</summary>
    public IReadOnlyList<Hop> BlockingHops => Filter(HopVerdict.Blocked);

    public IReadOnlyList<Hop> UnknownHops => Filter(HopVerdict.Unknown);

    /// <summary>Reason code of the first blocking hop.</summary>
    public string? Code => BlockingHop?.Code;

    private IReadOnlyList<Hop> Filter(HopVerdict v)
    {
        List<Hop>? list = null;
        foreach (var h in Hops)
        {
            if (h.Verdict == v)
            {
                (list ??= new List<Hop>()).Add(h);
            }
        }

        return list is null ? Array.Empty<Hop>() : list;
    }
}
