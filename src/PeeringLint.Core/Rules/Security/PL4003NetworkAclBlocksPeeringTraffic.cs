using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Security;

/// <summary>A network ACL that drops traffic the route tables send over a peering, or its replies.</summary>
public sealed class PL4003NetworkAclBlocksPeeringTraffic : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL4003",
        Name: "NetworkAclBlocksPeeringTraffic",
        Title: "Network ACL blocks traffic routed over a peering",
        Description: "A subnet's route table sends the peer VPC's addresses over a peering connection, but the subnet's network ACL denies all traffic to (or from) the peer's range, explicitly or because no rule before the final '*' deny allows it; or it admits a service port from the peer but blocks the replies on ephemeral ports 1024-65535. Network ACLs are stateless: both directions need rules.",
        Category: RuleCategories.Security,
        DefaultSeverity: Severity.Warning)
    {
        Tags = new[] { "security" },
        SecuritySeverity = 2.0,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        var ri = ReachabilityIndex.For(index);
        var reported = new HashSet<string>();
        // What Check reports depends on the ACL and the destination alone: a pair already checked (through another
        // subnet or route) is not checked again, so each finding is reported once.
        var checkedPairs = new Dictionary<NetworkAcl, HashSet<Cidr>>(ReferenceComparer<NetworkAcl>.Instance);
        foreach (var table in context.Model.RouteTables)
        {
            foreach (var route in table.Routes)
            {
                // No pattern or out variables in the conditions: Stryker cannot compile mutants of such a condition
                // (CS0165) and would leave the whole method unmutated (docs/quality.md).
                var pcx = route.TargetKind == RouteTargetKind.VpcPeeringConnection ? index.Peering(route.TargetId) : null;
                Cidr? dest = route.Destination?.Value;
                if (pcx is null || route.State == RouteState.Blackhole || dest is null || pcx.IsTerminal || table.VpcId is null
                    || pcx.OtherSide(table.VpcId) is null)
                {
                    continue;
                }

                foreach (var subnet in index.SubnetsServedBy(table))
                {
                    var acl = index.EffectiveNetworkAcl(subnet);
                    if (acl is null)
                    {
                        continue;
                    }

                    if (!checkedPairs.TryGetValue(acl, out var dests))
                    {
                        dests = new HashSet<Cidr>();
                        checkedPairs[acl] = dests;
                    }

                    if (!dests.Add(dest.Value))
                    {
                        continue;
                    }

                    Check(context, ri, acl, subnet, dest.Value, pcx, reported);
                }
            }
        }
    }

    private static void Check(RuleContext context, ReachabilityIndex ri, NetworkAcl acl, Subnet subnet, Cidr dest, VpcPeeringConnection pcx, HashSet<string> reported)
    {
        var outbound = ri.SortedEntries(acl, egress: true);
        var inbound = ri.SortedEntries(acl, egress: false);
        var all = Traffic.Request(Traffic.All, null);
        foreach (var (egress, entries) in new[] { (true, outbound), (false, inbound) })
        {
            var d = NetworkAclEvaluator.Evaluate(entries, dest, all);
            if (d.Allowed != Tri.No)
            {
                continue;
            }

            string dir = egress ? "outbound" : "inbound";
            var e = d.Entry;
            string by = e is not null ? $"{dir} rule {e.RuleNumber.ToString(CultureInfo.InvariantCulture)} denies it" : $"no {dir} rule allows it before the final '*' deny";
            context.Report(
                d.Entry?.Location ?? acl.Location,
                $"Network ACL {acl.Label} of subnet {subnet.Label} blocks all {dir} traffic {(egress ? "to" : "from")} {dest}, which its route table sends over peering connection {pcx.Label}: {by}.",
                acl,
                new[] { new RelatedLocation(pcx.Location, $"peering connection {pcx.Label}") },
                key: $"{acl.Id}|{dir}|{dest}");
        }

        // Stateless replies: a service admitted one way whose replies the other direction drops.
        foreach (var (egress, entries, back) in new[] { (false, inbound, outbound), (true, outbound, inbound) })
        {
            foreach (var e in entries)
            {
                if (e.Action != AclAction.Allow || e.Protocol is not (Traffic.Tcp or Traffic.Udp) || e.FromPort is null || e.ToPort is null
                    || e.ToPort.Value >= Traffic.EphemeralFrom || NetworkAclEvaluator.Covers(e.Cidr, dest) == Tri.No)
                {
                    continue;
                }

                var request = Traffic.Request(e.Protocol.Value, e.FromPort.Value);
                if (NetworkAclEvaluator.Evaluate(entries, dest, request).Allowed != Tri.Yes)
                {
                    continue;
                }

                var reply = NetworkAclEvaluator.Evaluate(back, dest, request.Reply());
                if (reply.Allowed != Tri.No || !reported.Add($"{acl.Id}|reply|{egress}|{dest}|{request}"))
                {
                    continue;
                }

                string dir = egress ? "outbound" : "inbound";
                string backDir = egress ? "inbound" : "outbound";
                context.Report(
                    reply.Entry?.Location ?? acl.Location,
                    $"Network ACL {acl.Label} of subnet {subnet.Label} allows {dir} {request} {(egress ? "to" : "from")} {dest} (rule {e.RuleNumber.ToString(CultureInfo.InvariantCulture)}), but blocks the {backDir} replies on ports {Traffic.EphemeralFrom}-{Traffic.EphemeralTo}; network ACLs are stateless.",
                    acl,
                    new[] { new RelatedLocation(e.Location, $"{dir} rule {e.RuleNumber.ToString(CultureInfo.InvariantCulture)}"), new RelatedLocation(pcx.Location, $"peering connection {pcx.Label}") },
                    key: $"{acl.Id}|reply|{dir}|{dest}|{request}");
            }
        }
    }
}
