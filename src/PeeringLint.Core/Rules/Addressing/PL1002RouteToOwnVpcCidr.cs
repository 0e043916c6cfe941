using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;

namespace PeeringLint.Rules.Addressing;

/// <summary>A route whose destination is equal to or more specific than one of its own VPC's CIDR blocks.</summary>
public sealed class PL1002RouteToOwnVpcCidr : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL1002",
        Name: "RouteToOwnVpcCidr",
        Title: "Route destination lies inside the route table's own VPC",
        Description: "A route sends a destination that is equal to or more specific than one of the route table's own VPC CIDR blocks to a gateway or peering connection. The VPC's local route already owns those addresses and AWS refuses the route; for a peering route this is usually a typo for the peer VPC's CIDR.",
        Category: RuleCategories.Addressing,
        DefaultSeverity: Severity.Error)
    {
        HasCodeFix = true,
    };

    /// <summary>Names of the properties this rule's findings carry (read by the code fixes and in SARIF/JSON output).</summary>
    public static class Keys
    {
        /// <summary>The peer's single block, when the typo has exactly one likely meaning.</summary>
        public const string SuggestedDestination = "suggestedDestination";
    }

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var table in context.Model.RouteTables)
        {
            var vpc = index.Vpc(table.VpcId);
            if (vpc is null)
            {
                continue;
            }

            var own = ModelIndex.UsableCidrs(vpc);
            // Indexed loops: a foreach over an IReadOnlyList allocates an enumerator (one per route here).
            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i];
                // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                Cidr? value = route.Destination?.Value;
                if (route.IsLocal || value is null || !Applies(route.TargetKind))
                {
                    continue;
                }

                var dest = value.Value;

                for (int k = 0; k < own.Count; k++)
                {
                    var block = own[k];
                    if (!block.Value!.Value.Contains(dest))
                    {
                        continue;
                    }

                    string relation = block.Value.Value == dest ? "equal to" : "inside";
                    string hint = string.Empty;
                    var properties = new Dictionary<string, string>();
                    Repair? repair = null;
                    var peer = route.TargetKind == RouteTargetKind.VpcPeeringConnection ? index.Peering(route.TargetId)?.OtherSide(vpc.Id) : null;
                    if (peer is not null)
                    {
                        var peerCidrs = index.SideCidrs(peer, out bool known);
                        if (known && peerCidrs.Count > 0)
                        {
                            hint = $" The peer {Describe.Vpc(index, peer.VpcId)} has {Describe.Cidrs(peerCidrs)}.";
                            var candidates = new List<string>();
                            foreach (var c in peerCidrs)
                            {
                                if (c.Value!.Value.Family == dest.Family)
                                {
                                    candidates.Add(c.Value.Value.ToString());
                                }
                            }

                            if (candidates.Count == 1)
                            {
                                properties[Keys.SuggestedDestination] = candidates[0];
                                repair = new ReplaceRouteDestination(table.Id, route.Destination!.Location, dest.ToString(), candidates[0], route.TargetId);
                            }
                        }
                    }

                    context.Report(
                        route.Destination!.Location,
                        $"Route {dest} in route table {table.Label} is {relation} its own VPC {vpc.Label} block {block.Value}; the local route already covers it and AWS rejects the route.{hint}",
                        table,
                        new[] { new RelatedLocation(block.Location, $"{vpc.Label} CIDR block {block.Value}") },
                        key: $"{table.Id}|{dest}|{route.TargetId}",
                        ignoredRules: route.IgnoredRules,
                        properties: properties,
                        repair: repair);
                    // Stryker disable once Statement : a VPC's blocks do not overlap, so no second block contains the destination
                    break;
                }
            }
        }
    }

    /// <summary>
    /// AWS allows routes more specific than the local route only to middleboxes (an ENI, a NAT gateway, a
    /// Gateway Load Balancer endpoint), and only for whole subnet CIDRs; those targets are left alone.
    /// </summary>
    private static bool Applies(RouteTargetKind kind) => kind switch
    {
        RouteTargetKind.NetworkInterface or RouteTargetKind.Instance or RouteTargetKind.NatGateway or RouteTargetKind.VpcEndpoint or RouteTargetKind.Unknown => false,
        _ => true,
    };
}
