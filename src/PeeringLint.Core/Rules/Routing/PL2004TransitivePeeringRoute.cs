using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A route over a peering connection whose destination is not inside the peer VPC.</summary>
public sealed class PL2004TransitivePeeringRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "PL2004",
        "TransitivePeeringRoute",
        "Peering route destination lies outside the peer VPC",
        "A route sends addresses that are not inside the peer VPC's CIDR blocks over a peering connection. VPC peering is not transitive and carries no edge-to-edge traffic: the peer will not forward packets to its internet gateway, NAT gateway, VPN or other peerings, so traffic for those addresses is dropped.",
        RuleCategories.Routing,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var pr in PeeringRoutes.All(index))
        {
            if (pr.Route.Destination?.Value is not { } dest || PeeringRoutes.InsideOwnVpc(pr.Vpc, dest))
            {
                continue;
            }

            var peerCidrs = index.SideCidrs(pr.Peer, out bool known);
            if (!known)
            {
                continue;
            }

            bool inside = false;
            var sameFamily = new List<CidrValue>();
            foreach (var c in peerCidrs)
            {
                if (c.Value!.Value.Family != dest.Family)
                {
                    continue;
                }

                sameFamily.Add(c);
                inside |= c.Value.Value.Contains(dest);
            }

            if (inside)
            {
                continue;
            }

            string peer = Describe.Vpc(index, pr.Peer.VpcId);
            string what = dest.PrefixLength == 0
                ? $"sends all traffic ({dest}) over {pr.Peering.Label}, but {peer} will not forward it to its internet gateway, NAT gateway or other peerings"
                : $"sends {dest} over {pr.Peering.Label}, but {peer} has only {Describe.Cidrs(sameFamily)}; peering is not transitive, so addresses outside the peer VPC are dropped";
            context.Report(
                pr.Route.Destination.Location,
                $"Route table {pr.Table.Label} {what}.",
                pr.Table,
                sameFamily.Count > 0 ? new[] { new RelatedLocation(sameFamily[0].Location, $"{peer} CIDR block {sameFamily[0].Value}") } : null,
                key: $"{pr.Table.Id}|{dest}|{pr.Peering.Id}",
                ignoredRules: pr.Route.IgnoredRules);
        }
    }
}
