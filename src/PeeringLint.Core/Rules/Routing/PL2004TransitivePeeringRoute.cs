using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A route over a peering connection whose destination is not inside the peer VPC.</summary>
public sealed class PL2004TransitivePeeringRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2004",
        Name: "TransitivePeeringRoute",
        Title: "Peering route destination lies outside the peer VPC",
        Description: "A route sends addresses that are not inside the peer VPC's CIDR blocks over a peering connection. VPC peering is not transitive and carries no edge-to-edge traffic: the peer will not forward packets to its internet gateway, NAT gateway, VPN or other peerings, so traffic for those addresses is dropped.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error);

    /// <summary>Names of the properties this rule's findings carry (read by the code fixes and in SARIF/JSON output).</summary>
    public static class Keys
    {
        /// <summary>The parts of the destination that do reach the peer, comma-separated.</summary>
        public const string Reaches = "reaches";
    }

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var pr in PeeringRoutes.All(index))
        {
            // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            Cidr? destination = pr.Route.Destination?.Value;
            if (destination is null || PeeringRoutes.InsideOwnVpc(pr.Vpc, destination.Value))
            {
                continue;
            }

            var dest = destination.Value;

            // What ModelIndex.SideCidrs tells (the VPC's blocks when it is in the input, else the peering record's), asked
            // without building its list: nearly every route's destination is inside the peer (80,000 routes at 10,000 VPCs).
            var peerVpc = pr.PeerVpc;
            var v4 = peerVpc is null ? pr.Peer.Ipv4Cidrs : peerVpc.Ipv4Cidrs;
            var v6 = peerVpc is null ? pr.Peer.Ipv6Cidrs : peerVpc.Ipv6Cidrs;
            bool known = peerVpc is null ? (AnyUsable(v4) || AnyUsable(v6)) && !AnyUnknown(v4) : !peerVpc.HasUnknownCidrs;
            if (!known || Holds(v4, dest) || Holds(v6, dest))
            {
                continue;
            }

            var sameFamily = new List<CidrValue>();
            foreach (var c in index.SideCidrs(pr.Peer, out _))
            {
                if (c.Value!.Value.Family == dest.Family)
                {
                    sameFamily.Add(c);
                }
            }

            string peer = Describe.Vpc(index, pr.Peer.VpcId);

            // The route may still carry traffic to the peer's own blocks inside it (AWS's own example routes 0.0.0.0/0
            // over a peering from a private VPC): those work, everything else is dropped. That is a warning, not an error.
            var working = WorkingBlocks(index, pr, dest, sameFamily);
            string what;
            Severity? severity = null;
            if (working.Count > 0)
            {
                severity = Severity.Warning;
                string workText = string.Join(", ", working.Select(c => c.ToString()));
                what = dest.PrefixLength == 0
                    ? $"sends all traffic ({dest}) over {pr.Peering.Label}: traffic to {workText} reaches {peer}, but the rest is dropped, because {peer} will not forward it to its internet gateway, NAT gateway or other peerings"
                    : $"sends {dest} over {pr.Peering.Label}: traffic to {workText} reaches {peer}, but the rest of {dest} is dropped; peering is not transitive";
            }
            else
            {
                what = dest.PrefixLength == 0
                    ? $"sends all traffic ({dest}) over {pr.Peering.Label}, but {peer} will not forward it to its internet gateway, NAT gateway or other peerings"
                    : sameFamily.Count == 0
                        ? $"sends {dest} over {pr.Peering.Label}, but {peer} has no {(dest.Family == IpFamily.V4 ? "IPv4" : "IPv6")} CIDR block; peering is not transitive, so all of it is dropped"
                        : $"sends {dest} over {pr.Peering.Label}, but {peer} has only {Describe.Cidrs(sameFamily)}; peering is not transitive, so addresses outside the peer VPC are dropped";
            }

            context.Report(
                pr.Route.Destination!.Location,
                $"Route table {pr.Table.Label} {what}.",
                pr.Table,
                sameFamily.Count > 0 ? new[] { new RelatedLocation(sameFamily[0].Location, $"{peer} CIDR block {sameFamily[0].Value}") } : null,
                key: $"{pr.Table.Id}|{dest}|{pr.Peering.Id}",
                severity: severity,
                properties: working.Count > 0 ? new Dictionary<string, string> { [Keys.Reaches] = string.Join(",", working.Select(c => c.ToString())) } : null,
                ignoredRules: pr.Route.IgnoredRules);
        }
    }

    /// <summary>True when a usable block of the list holds <paramref name="c"/> (a block of another family never does).</summary>
    private static bool Holds(IReadOnlyList<CidrValue> blocks, Cidr c)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsUsable && blocks[i].Value!.Value.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyUsable(IReadOnlyList<CidrValue> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsUsable)
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyUnknown(IReadOnlyList<CidrValue> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsUnknown)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The parts of the peer's blocks inside the route's destination that the table really sends by this route (longest prefix match).</summary>
    private static List<Cidr> WorkingBlocks(ModelIndex index, PeeringRoute pr, Cidr dest, List<CidrValue> peerBlocks)
    {
        var lookup = index.Lookup(pr.Table);
        var result = new List<Cidr>();
        foreach (var b in peerBlocks)
        {
            var block = b.Value!.Value;
            // Stryker disable once Statement,Block : a shortcut; outside the route's destination no piece resolves to this route
            if (!dest.Contains(block))
            {
                continue;
            }

            var pieces = new List<Cidr>();
            foreach (var (piece, route) in lookup.Resolve(block))
            {
                if (ReferenceEquals(route, pr.Route))
                {
                    pieces.Add(piece);
                }
            }

            result.AddRange(PeeringRoutes.Merge(pieces));
        }

        return result;
    }
}
