using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Rules.Exposure;

namespace PeeringLint.Rules.Security;

/// <summary>An active, routed peering where no instance on one side admits any traffic from the other VPC.</summary>
public sealed class PL4002PeeringCarriesNothing : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL4002",
        Name: "PeeringCarriesNothing",
        Title: "No security group admits traffic from the peer VPC",
        Description: "The peering connection is active and both VPCs route to each other over it, but no security group of any instance on one side admits any traffic from the other VPC's CIDR block or security groups. Security groups deny inbound traffic unless a rule admits it, so nothing from the peer reaches those instances: the peering carries nothing.",
        Category: RuleCategories.Security,
        DefaultSeverity: Severity.Warning)
    {
        Tags = new[] { "security" },
        SecuritySeverity = 2.0,
        HasCodeFix = true,
    };

    /// <summary>Names of the properties this rule's findings carry (read by the code fixes and in SARIF/JSON output).</summary>
    public static class Keys
    {
        /// <summary>Id of the security group to open (the first group of the first instance on the closed side).</summary>
        public const string SecurityGroup = "securityGroup";

        /// <summary>The peer VPC's single IPv4 block, when it has exactly one.</summary>
        public const string PeerCidr = "peerCidr";
    }

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var p in context.Model.PeeringConnections)
        {
            // No pattern variables in conditions here: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            var a = index.Vpc(p.Requester.VpcId);
            var b = index.Vpc(p.Accepter.VpcId);
            if (p.Status != PeeringStatus.Active || a is null || b is null || a.Id == b.Id)
            {
                continue;
            }

            if (!Routes(index, p, a, b) || !Routes(index, p, b, a))
            {
                continue;
            }

            Check(context, p, a, b);
            Check(context, p, b, a);
        }
    }

    private static void Check(RuleContext context, VpcPeeringConnection p, Vpc side, Vpc peer)
    {
        var index = context.Index;
        var instances = index.InstancesOf(side.Id);
        if (instances.Count == 0 || peer.HasUnknownCidrs)
        {
            return;
        }

        var peerCidrs = ModelIndex.UsableCidrs(peer);
        var seen = new HashSet<string>();
        string? groupToOpen = null;
        foreach (var i in instances)
        {
            var host = ExposureFacts.HostOf(index, i);
            if (host is null || host.GroupsUnknown is not null)
            {
                return;
            }

            if (groupToOpen is null && host.Groups.Count > 0)
            {
                groupToOpen = host.Groups[0].Id;
            }

            foreach (var g in host.Groups)
            {
                if (!seen.Add(g.Id))
                {
                    continue;
                }

                if (g.RulesIncomplete)
                {
                    return;
                }

                foreach (var r in g.Ingress)
                {
                    var admits = AdmitsFrom(index, r, peer, peerCidrs);
                    if (admits != Tri.No)
                    {
                        return;
                    }
                }
            }
        }

        var properties = FixInputs(groupToOpen, peerCidrs);
        Repair? repair = null;
        if (groupToOpen is not null && properties.TryGetValue(Keys.PeerCidr, out var cidr) && index.SecurityGroups.TryGetValue(groupToOpen, out var group))
        {
            repair = new AddIngressRule(groupToOpen, group.Location, "icmp", -1, -1, cidr, SecurityGroupRuleText.Description($"ICMP from {peer.Label} over peering {p.Label}"));
        }

        context.Report(
            p.Location,
            $"Peering connection {p.Label} is active and routed both ways, but no security group of the {instances.Count} instance{(instances.Count == 1 ? string.Empty : "s")} in {side.Label} admits any traffic from {peer.Label} ({Describe.Cidrs(peerCidrs)}): the peering carries nothing to {side.Label}.",
            p,
            new[] { new RelatedLocation(instances[0].Location, $"instance {instances[0].Label} in {side.Label}") },
            key: $"{p.Id}|{side.Id}",
            properties: properties,
            repair: repair);
    }

    /// <summary>
    /// What the "allow ICMP from the peer" code fix needs: the group to open (the first group of the first
    /// instance) and the peer's CIDR, only when the peer has exactly one usable IPv4 block.
    /// </summary>
    private static Dictionary<string, string> FixInputs(string? group, IReadOnlyList<CidrValue> peerCidrs)
    {
        var properties = new Dictionary<string, string>();
        if (group is not null)
        {
            properties[Keys.SecurityGroup] = group;
        }

        string? v4 = null;
        int count = 0;
        foreach (var c in peerCidrs)
        {
            if (c.Value?.Family == IpFamily.V4)
            {
                v4 = c.Value.Value.ToString();
                count++;
            }
        }

        if (count == 1)
        {
            properties[Keys.PeerCidr] = v4!;
        }

        return properties;
    }

    private static Tri AdmitsFrom(ModelIndex index, SecurityGroupRule r, Vpc peer, IReadOnlyList<CidrValue> peerCidrs)
    {
        switch (r.PeerKind)
        {
            case SgPeerKind.Cidr:
                Cidr? c = r.Cidr?.Value;
                if (c is null)
                {
                    return Tri.Unknown;
                }

                foreach (var pc in peerCidrs)
                {
                    if (pc.Value!.Value.Overlaps(c.Value))
                    {
                        return Tri.Yes;
                    }
                }

                return Tri.No;
            case SgPeerKind.SecurityGroup:
                var g = index.SecurityGroup(r.GroupId);
                string? vpc = g is not null ? g.VpcId : r.GroupVpcId;
                return vpc is null ? Tri.Unknown : vpc == peer.Id ? Tri.Yes : Tri.No;
            default:
                return Tri.Unknown;
        }
    }

    private static bool Routes(ModelIndex index, VpcPeeringConnection p, Vpc from, Vpc to)
    {
        foreach (var tr in index.RoutesTo(p.Id))
        {
            Cidr? d = tr.Route.Destination?.Value;
            if (tr.Table.VpcId != from.Id || tr.Route.State == RouteState.Blackhole || d is null)
            {
                continue;
            }

            foreach (var c in ModelIndex.UsableCidrs(to))
            {
                if (c.Value!.Value.Overlaps(d.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
