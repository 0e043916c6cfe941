using System;
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
        // A VPC is a side of several peerings: what its instances admit is worked out once per VPC (SideFacts) and
        // asked of each peer, instead of once per peering and side.
        var sides = new Dictionary<string, SideFacts>(StringComparer.Ordinal);
        foreach (var p in context.Model.PeeringConnections)
        {
            // No pattern variables in conditions here: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            var a = index.Vpc(p.Requester.VpcId);
            var b = index.Vpc(p.Accepter.VpcId);
            if (p.Status != PeeringStatus.Active || a is null || b is null || a.Id == b.Id)
            {
                continue;
            }

            // Whether a side admits nothing from the other is asked first: most peerings carry something both ways,
            // and then their routes need not be read.
            var fa = FactsOf(sides, a);
            var fb = FactsOf(sides, b);
            bool closedA = ClosedTo(index, a, fa, b, fb);
            bool closedB = ClosedTo(index, b, fb, a, fa);
            if ((!closedA && !closedB) || !RoutedBothWays(index, p, a, fa.Cidrs, b, fb.Cidrs))
            {
                continue;
            }

            if (closedA)
            {
                Report(context, p, a, fa, b, fb);
            }

            if (closedB)
            {
                Report(context, p, b, fb, a, fa);
            }
        }
    }

    private static SideFacts FactsOf(Dictionary<string, SideFacts> sides, Vpc vpc)
    {
        if (!sides.TryGetValue(vpc.Id, out var facts))
        {
            facts = new SideFacts(ModelIndex.UsableCidrs(vpc));
            sides[vpc.Id] = facts;
        }

        return facts;
    }

    /// <summary>True when <paramref name="side"/> has instances and none of their groups can admit anything from <paramref name="peer"/>.</summary>
    private static bool ClosedTo(ModelIndex index, Vpc side, SideFacts sideFacts, Vpc peer, SideFacts peerFacts)
    {
        var instances = index.InstancesOf(side.Id);
        if (instances.Count == 0 || peer.HasUnknownCidrs)
        {
            return false;
        }

        var admission = sideFacts.Admission ??= Admission.Of(index, instances);
        return !admission.MayAdmit(peer.Id, peerFacts.Cidrs);
    }

    private static void Report(RuleContext context, VpcPeeringConnection p, Vpc side, SideFacts sideFacts, Vpc peer, SideFacts peerFacts)
    {
        var index = context.Index;
        var instances = index.InstancesOf(side.Id);
        var peerCidrs = peerFacts.Cidrs;
        string? groupToOpen = sideFacts.Admission!.GroupToOpen;
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

    /// <summary>
    /// True when a route table of each VPC sends some of the other's blocks over the peering (a route that is not a
    /// blackhole): one pass over the peering's routes for both directions.
    /// </summary>
    private static bool RoutedBothWays(ModelIndex index, VpcPeeringConnection p, Vpc a, IReadOnlyList<CidrValue> aCidrs, Vpc b, IReadOnlyList<CidrValue> bCidrs)
    {
        bool ab = false;
        bool ba = false;
        var routes = index.RoutesTo(p.Id);
        for (int k = 0; k < routes.Count; k++)
        {
            var tr = routes[k];
            Cidr? d = tr.Route.Destination?.Value;
            if (tr.Route.State == RouteState.Blackhole || d is null)
            {
                continue;
            }

            // The two VPCs differ (Analyze skips a peering of a VPC with itself): a table is on one side at most.
            string? from = tr.Table.VpcId;
            if (!ab && from == a.Id)
            {
                ab = AnyOverlaps(bCidrs, d.Value);
            }
            else if (!ba && from == b.Id)
            {
                ba = AnyOverlaps(aCidrs, d.Value);
            }

            if (ab && ba)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyOverlaps(IReadOnlyList<CidrValue> cidrs, Cidr d)
    {
        for (int j = 0; j < cidrs.Count; j++)
        {
            if (cidrs[j].Value!.Value.Overlaps(d))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One VPC as a side of its peerings: its usable blocks, and (on first need) what its instances admit.</summary>
    private sealed class SideFacts(IReadOnlyList<CidrValue> cidrs)
    {
        public IReadOnlyList<CidrValue> Cidrs { get; } = cidrs;

        public Admission? Admission { get; set; }
    }

    /// <summary>
    /// The ingress rules of every security group of a VPC's instances, reduced to what tells one peer from another:
    /// the source blocks and the VPCs of the referenced groups. Unknown (<see cref="UnknownAdmission"/>) when some instance, group or
    /// rule cannot be told (a host without an address, a group not in the input, incomplete rules, a source that is
    /// not a block or a group): then the side may admit anything and is never reported.
    /// </summary>
    private sealed class Admission
    {
        private static readonly Admission UnknownAdmission = new(null, 0, null, null);
        private static readonly List<string> NoVpcs = new(0);

        private readonly Cidr[]? _sources;
        private readonly int _sourceCount;
        private readonly List<string>? _groupVpcs;

        private Admission(Cidr[]? sources, int sourceCount, List<string>? groupVpcs, string? groupToOpen)
        {
            _sources = sources;
            _sourceCount = sourceCount;
            _groupVpcs = groupVpcs;
            GroupToOpen = groupToOpen;
        }

        /// <summary>The first group of the first instance that has groups: the one the code fix opens.</summary>
        public string? GroupToOpen { get; }

        public static Admission Of(ModelIndex index, IReadOnlyList<Instance> instances)
        {
            // The distinct groups of the instances (by id; a VPC's instances share a few groups, so a list is enough).
            var groups = new List<SecurityGroup>();
            int rules = 0;
            string? groupToOpen = null;
            for (int k = 0; k < instances.Count; k++)
            {
                var host = ExposureFacts.HostOf(index, instances[k]);
                if (host is null || host.GroupsUnknown is not null)
                {
                    return UnknownAdmission;
                }

                var hostGroups = host.Groups;
                if (groupToOpen is null && hostGroups.Count > 0)
                {
                    groupToOpen = hostGroups[0].Id;
                }

                for (int j = 0; j < hostGroups.Count; j++)
                {
                    var g = hostGroups[j];
                    if (Seen(groups, g.Id))
                    {
                        continue;
                    }

                    if (g.RulesIncomplete)
                    {
                        return UnknownAdmission;
                    }

                    groups.Add(g);
                    rules += g.Ingress.Count;
                }
            }

            var sources = new Cidr[rules];
            int count = 0;
            List<string>? groupVpcs = null;
            foreach (var g in groups)
            {
                var ingress = g.Ingress;
                for (int j = 0; j < ingress.Count; j++)
                {
                    if (!Add(index, ingress[j], sources, ref count, ref groupVpcs))
                    {
                        return UnknownAdmission;
                    }
                }
            }

            return new Admission(sources, count, groupVpcs ?? NoVpcs, groupToOpen);
        }

        private static bool Seen(List<SecurityGroup> groups, string id)
        {
            foreach (var g in groups)
            {
                if (g.Id == id)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Adds what the rule admits from; false when that cannot be told.</summary>
        private static bool Add(ModelIndex index, SecurityGroupRule r, Cidr[] sources, ref int count, ref List<string>? groupVpcs)
        {
            switch (r.PeerKind)
            {
                case SgPeerKind.Cidr:
                    Cidr? c = r.Cidr?.Value;
                    if (c is null)
                    {
                        return false;
                    }

                    sources[count++] = c.Value;
                    return true;
                case SgPeerKind.SecurityGroup:
                    var g = index.SecurityGroup(r.GroupId);
                    string? vpc = g is not null ? g.VpcId : r.GroupVpcId;
                    if (vpc is null)
                    {
                        return false;
                    }

                    groupVpcs ??= new List<string>(1);
                    groupVpcs.Add(vpc);
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>False only when no rule can admit anything from the peer VPC <paramref name="peerId"/> with these blocks.</summary>
        public bool MayAdmit(string peerId, IReadOnlyList<CidrValue> peerCidrs)
        {
            if (_sources is null || _groupVpcs is null)
            {
                return true;
            }

            foreach (var vpc in _groupVpcs)
            {
                if (vpc == peerId)
                {
                    return true;
                }
            }

            for (int k = 0; k < peerCidrs.Count; k++)
            {
                var pc = peerCidrs[k].Value!.Value;
                for (int j = 0; j < _sourceCount; j++)
                {
                    if (pc.Overlaps(_sources[j]))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
