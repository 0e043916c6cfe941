using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>The decision of a host's security groups for one direction, with the rule that admitted the traffic.</summary>
internal readonly record struct SgDecision(Tri Allowed, SecurityGroup? Group, SecurityGroupRule? Rule, string? UnknownWhy);

/// <summary>
/// Security group evaluation: the union of all rules of all the host's groups (allow-only). A rule admits the
/// traffic when its protocol/ports cover it and its peer (CIDR, prefix list, or referenced group) covers the
/// other end. A group reference matches hosts in the group, in the same VPC or in a peer VPC of the same region
/// over an active peering; AWS does not support references across regions.
/// </summary>
internal static class SecurityGroupEvaluator
{
    public static SgDecision Evaluate(ReachabilityIndex ri, Host self, bool ingress, Host remote, Traffic traffic)
    {
        if (self.GroupsUnknown is not null)
        {
            return new SgDecision(Tri.Unknown, null, null, self.GroupsUnknown);
        }

        string? unknownWhy = null;
        foreach (var g in self.Groups)
        {
            var rules = ingress ? g.Ingress : g.Egress;
            foreach (var r in rules)
            {
                var proto = traffic.MatchedBy(r.Protocol, r.FromPort, r.ToPort);
                if (proto == Tri.No)
                {
                    continue;
                }

                var peer = PeerMatches(ri, self, r, remote, out string? peerWhy);
                if (peer == Tri.No)
                {
                    continue;
                }

                if (proto == Tri.Yes && peer == Tri.Yes)
                {
                    return new SgDecision(Tri.Yes, g, r, null);
                }

                unknownWhy ??= peerWhy ?? $"a rule of {g.Label} may cover part of the traffic";
            }

            if (g.RulesIncomplete)
            {
                unknownWhy ??= $"{g.Label} may have rules the input does not show";
            }
        }

        return new SgDecision(unknownWhy is null ? Tri.No : Tri.Unknown, null, null, unknownWhy);
    }

    private static Tri PeerMatches(ReachabilityIndex ri, Host self, SecurityGroupRule r, Host remote, out string? why)
    {
        why = null;
        switch (r.PeerKind)
        {
            case SgPeerKind.Cidr:
                if (r.Cidr is null || r.Cidr.IsUnknown || r.Cidr.Value is null)
                {
                    why = "a rule's CIDR is unknown";
                    return Tri.Unknown;
                }

                return NetworkAclEvaluator.Covers(r.Cidr.Value.Value, remote.Address);

            case SgPeerKind.PrefixList:
                return PrefixListMatches(ri, r.PrefixListId, remote, out why);

            case SgPeerKind.SecurityGroup:
                return GroupMatches(ri, self, r, remote, out why);

            default:
                why = "a rule's source or destination is unknown";
                return Tri.Unknown;
        }
    }

    /// <summary>A rule naming a managed prefix list admits the addresses of its entries, when the input lists them.</summary>
    internal static Tri PrefixListMatches(ReachabilityIndex ri, string? id, Host remote, out string? why)
    {
        why = null;

        // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var list = ri.Index.Find<PrefixList>(id);
        if (list is null || !list.EntriesKnown)
        {
            why = $"the entries of prefix list '{id ?? "?"}' are not in the input";
            return Tri.Unknown;
        }

        var result = Tri.No;
        foreach (var e in list.Entries)
        {
            Cidr? c = e.Value;
            if (c is null)
            {
                continue;
            }

            var covers = NetworkAclEvaluator.Covers(c.Value, remote.Address);
            if (covers == Tri.Yes)
            {
                return Tri.Yes;
            }

            if (covers == Tri.Unknown)
            {
                result = Tri.Unknown;
            }
        }

        if (list.HasUnknownEntries)
        {
            result = Tri.Unknown;
        }

        if (result == Tri.Unknown)
        {
            why = $"prefix list {list.Label} covers only part of {remote.AddressText}, or has entries the input does not resolve";
        }

        return result;
    }

    private static Tri GroupMatches(ReachabilityIndex ri, Host self, SecurityGroupRule r, Host remote, out string? why)
    {
        why = null;
        if (r.GroupId is null)
        {
            why = "a rule references an unknown security group";
            return Tri.Unknown;
        }

        if (remote.External)
        {
            return Tri.No;
        }

        if (!remote.IsHost)
        {
            // Members of a group live in the group's VPC: a range in another VPC is not in it.
            string? refVpc = VpcOfGroup(ri, r);
            if (refVpc is not null && remote.Vpc is not null && refVpc != remote.Vpc.Id)
            {
                return Tri.No;
            }

            why = $"whether addresses in {remote.AddressText} belong to security group '{r.GroupId}' is not known";
            return Tri.Unknown;
        }

        if (remote.GroupsUnknown is not null)
        {
            why = remote.GroupsUnknown;
            return Tri.Unknown;
        }

        if (!Contains(remote.GroupIds, r.GroupId))
        {
            return Tri.No;
        }

        // The referenced group lives in the remote host's VPC. Across VPCs it works only over a peering in the same Region.
        string? groupVpc = VpcOfGroup(ri, r) ?? remote.Vpc?.Id;
        if (self.Vpc is null || groupVpc is null)
        {
            why = "the VPC of a referenced security group is unknown";
            return Tri.Unknown;
        }

        if (groupVpc == self.Vpc.Id)
        {
            return Tri.Yes;
        }

        bool anyActive = false;
        foreach (var p in ri.PeeringsBetween(self.Vpc.Id, groupVpc))
        {
            if (p.IsInterRegion)
            {
                continue;
            }

            if (p.Status == PeeringStatus.Active)
            {
                anyActive = true;
            }
            else if (p.Status == PeeringStatus.Unknown)
            {
                why = $"the state of peering connection {p.Label} is unknown";
            }
        }

        if (anyActive)
        {
            return Tri.Yes;
        }

        return why is null ? Tri.No : Tri.Unknown;
    }

    /// <summary>The VPC of the group a rule references: the group's own record when the input has it (even without a VPC), else what the rule says.</summary>
    private static string? VpcOfGroup(ReachabilityIndex ri, SecurityGroupRule r)
    {
        var group = ri.Index.SecurityGroup(r.GroupId);
        return group is not null ? group.VpcId : r.GroupVpcId;
    }

    private static bool Contains(IReadOnlyList<string> list, string id)
    {
        foreach (var s in list)
        {
            if (s == id)
            {
                return true;
            }
        }

        return false;
    }
}
