using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Rules.Routing;

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
        // subnet or route) is not checked again, so each finding is reported once. The ACL's sorted entries are
        // looked up once per ACL, with its destinations.
        var acls = new Dictionary<NetworkAcl, AclChecks>(ReferenceComparer<NetworkAcl>.Instance);
        // The subnets a table serves and their ACLs, found once per table (on its first peering route), not per route.
        var served = new List<(Subnet Subnet, NetworkAcl Acl, AclChecks Checks)>();
        // The peering routes of tables whose VPC is in the input, resolved once per index for the routing rules, in
        // table then route order: such a table's rows are the next ones of this list, and its other routes (most of
        // them) are not read again. A table whose VPC is not in the input has no rows there: its routes are read here.
        var peeringRoutes = PeeringRoutes.All(index);
        int next = 0;
        foreach (var table in context.Model.RouteTables)
        {
            served.Clear();
            bool servedKnown = false;
            if (index.Vpc(table.VpcId) is null)
            {
                // Index loops over the model's lists: a foreach through the interface allocates an enumerator per table.
                var routes = table.Routes;
                for (int k = 0; k < routes.Count; k++)
                {
                    var route = routes[k];
                    var pcx = route.TargetKind == RouteTargetKind.VpcPeeringConnection ? index.Peering(route.TargetId) : null;
                    CheckRoute(context, ri, acls, served, ref servedKnown, reported, table, route, pcx);
                }

                continue;
            }

            for (; next < peeringRoutes.Count && ReferenceEquals(peeringRoutes[next].Table, table); next++)
            {
                var row = peeringRoutes[next];
                CheckRoute(context, ri, acls, served, ref servedKnown, reported, table, row.Route, row.Peering);
            }
        }
    }

    private static void CheckRoute(
        RuleContext context,
        ReachabilityIndex ri,
        Dictionary<NetworkAcl, AclChecks> acls,
        List<(Subnet Subnet, NetworkAcl Acl, AclChecks Checks)> served,
        ref bool servedKnown,
        HashSet<string> reported,
        RouteTable table,
        Route route,
        VpcPeeringConnection? pcx)
    {
        // No pattern or out variables in the conditions: Stryker cannot compile mutants of such a condition
        // (CS0165) and would leave the whole method unmutated (docs/quality.md).
        Cidr? dest = route.Destination?.Value;
        if (pcx is null || route.State == RouteState.Blackhole || dest is null || pcx.IsTerminal || table.VpcId is null
            || pcx.OtherSide(table.VpcId) is null)
        {
            return;
        }

        if (!servedKnown)
        {
            Serve(context.Index, ri, table, acls, served);
            // Stryker disable once Boolean : a shortcut; finding the same subnets again adds no destination not yet checked
            servedKnown = true;
        }

        foreach (var (subnet, acl, checks) in served)
        {
            if (!checks.Destinations.Add(dest.Value))
            {
                continue;
            }

            Check(context, acl, checks, subnet, dest.Value, pcx, reported);
        }
    }

    /// <summary>Fills <paramref name="served"/> with the subnets <paramref name="table"/> serves that have a network ACL, in order.</summary>
    private static void Serve(ModelIndex index, ReachabilityIndex ri, RouteTable table, Dictionary<NetworkAcl, AclChecks> acls, List<(Subnet Subnet, NetworkAcl Acl, AclChecks Checks)> served)
    {
        served.Clear();
        var subnets = index.SubnetsServedBy(table);
        for (int j = 0; j < subnets.Count; j++)
        {
            var subnet = subnets[j];
            var acl = index.EffectiveNetworkAcl(subnet);
            if (acl is null)
            {
                continue;
            }

            if (!acls.TryGetValue(acl, out var checks))
            {
                checks = new AclChecks(ri.SortedEntries(acl, egress: true), ri.SortedEntries(acl, egress: false));
                acls[acl] = checks;
            }

            served.Add((subnet, acl, checks));
        }
    }

    /// <summary>One ACL's entries in evaluation order and the destinations already checked against it.</summary>
    private sealed class AclChecks(NetworkAclEntry[] outbound, NetworkAclEntry[] inbound)
    {
        public NetworkAclEntry[] Outbound { get; } = outbound;

        public NetworkAclEntry[] Inbound { get; } = inbound;

        public HashSet<Cidr> Destinations { get; } = new();
    }

    private static void Check(RuleContext context, NetworkAcl acl, AclChecks checks, Subnet subnet, Cidr dest, VpcPeeringConnection pcx, HashSet<string> reported)
    {
        var all = Traffic.Request(Traffic.All, null);
        BlocksAll(context, acl, subnet, dest, pcx, all, egress: true, checks.Outbound);
        BlocksAll(context, acl, subnet, dest, pcx, all, egress: false, checks.Inbound);

        // Stateless replies: a service admitted one way whose replies the other direction drops.
        BlocksReplies(context, acl, subnet, dest, pcx, reported, egress: false, checks.Inbound, checks.Outbound);
        BlocksReplies(context, acl, subnet, dest, pcx, reported, egress: true, checks.Outbound, checks.Inbound);
    }

    private static void BlocksAll(RuleContext context, NetworkAcl acl, Subnet subnet, Cidr dest, VpcPeeringConnection pcx, Traffic all, bool egress, NetworkAclEntry[] entries)
    {
        var d = NetworkAclEvaluator.Evaluate(entries, dest, all);
        if (d.Allowed != Tri.No)
        {
            return;
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

    private static void BlocksReplies(RuleContext context, NetworkAcl acl, Subnet subnet, Cidr dest, VpcPeeringConnection pcx, HashSet<string> reported, bool egress, NetworkAclEntry[] entries, NetworkAclEntry[] back)
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
