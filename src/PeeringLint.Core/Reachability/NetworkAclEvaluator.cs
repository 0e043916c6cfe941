using PeeringLint.Addressing;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>The decision of a network ACL for one direction of traffic.</summary>
internal readonly record struct AclDecision(Tri Allowed, NetworkAclEntry? Entry, NetworkAclEntry? FirstUncertain);

/// <summary>
/// Network ACL evaluation as AWS does it: entries of one direction in ascending rule number, the first entry
/// that matches decides, and a packet no entry matches is denied (the implicit "*" rule). Three-valued: an entry
/// whose match cannot be told makes the result Unknown unless every possible outcome agrees.
/// </summary>
internal static class NetworkAclEvaluator
{
    /// <param name="sorted">Entries of the direction, in rule-number order.</param>
    /// <param name="remote">The other party's addresses (source for inbound, destination for outbound).</param>
    public static AclDecision Evaluate(NetworkAclEntry[] sorted, Cidr remote, Traffic traffic)
    {
        bool mayAllow = false;
        bool mayDeny = false;
        NetworkAclEntry? uncertain = null;
        foreach (var e in sorted)
        {
            var m = Matches(e, remote, traffic);
            if (m == Tri.No)
            {
                continue;
            }

            if (e.Action == AclAction.Allow)
            {
                mayAllow = true;
            }
            else
            {
                mayDeny = true;
            }

            if (m == Tri.Yes)
            {
                return new AclDecision(mayAllow && mayDeny ? Tri.Unknown : e.Action == AclAction.Allow ? Tri.Yes : Tri.No, e, uncertain);
            }

            uncertain ??= e;
        }

        // The implicit final deny.
        return new AclDecision(mayAllow ? Tri.Unknown : Tri.No, null, uncertain);
    }

    public static Tri Matches(NetworkAclEntry e, Cidr remote, Traffic traffic)
    {
        var address = Covers(e.Cidr, remote);
        if (address == Tri.No)
        {
            return Tri.No;
        }

        // Comparisons rather than an `is A or B` pattern, whose `and` mutant does not compile (docs/quality.md).
        var proto = e.Protocol == Traffic.Icmp || e.Protocol == Traffic.Icmpv6
            ? traffic.MatchedBy(e.Protocol, e.IcmpType, e.IcmpCode)
            : traffic.MatchedBy(e.Protocol, e.FromPort, e.ToPort);
        if (proto == Tri.No)
        {
            return Tri.No;
        }

        return address == Tri.Yes && proto == Tri.Yes ? Tri.Yes : Tri.Unknown;
    }

    /// <summary>Whether the rule's block covers all of <paramref name="remote"/>: Yes, No (disjoint), Unknown (partly, or the rule's block is unknown).</summary>
    public static Tri Covers(CidrValue? rule, Cidr remote)
    {
        // No pattern variable in the condition: Stryker cannot compile its mutants (CS0165; docs/quality.md).
        if (rule is null || rule.IsUnknown || rule.Value is null)
        {
            return Tri.Unknown;
        }

        return Covers(rule.Value.Value, remote);
    }

    /// <remarks>Blocks of different families contain neither the other (Cidr.Contains): No.</remarks>
    public static Tri Covers(Cidr rule, Cidr remote)
    {
        if (rule.Contains(remote))
        {
            return Tri.Yes;
        }

        return remote.Contains(rule) ? Tri.Unknown : Tri.No;
    }
}
