using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.ClassicLink;

/// <summary>Local ClassicLink egress enabled, but the main route table has no route to the peer over the connection.</summary>
public sealed class PL5002ClassicLinkMainTableRouteMissing : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL5002",
        Name: "ClassicLinkMainTableRouteMissing",
        Title: "Linked EC2-Classic instances have no route to the peer",
        Description: "AllowEgressFromLocalClassicLinkToRemoteVpc lets linked EC2-Classic instances reach the peer VPC, but a linked instance belongs to no subnet and uses only the VPC's main route table. Unless the main table routes the peer's CIDR to the peering connection, the option has no effect, whatever the custom tables say.",
        Category: RuleCategories.ClassicLink,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var (p, side) in ClassicLinkFacts.LiveSides(context.Model))
        {
            if (!side.Options.AllowEgressFromLocalClassicLinkToRemoteVpc || side.VpcId is null)
            {
                continue;
            }

            var main = index.MainRouteTableOf(side.VpcId);
            var other = p.OtherSide(side.VpcId);
            if (main is null || main.RoutesIncomplete || other is null)
            {
                continue;
            }

            // EC2-Classic instances are IPv4 only: a route to the peer's IPv6 block carries nothing for them.
            var sideCidrs = index.SideCidrs(other, out bool known);
            var peerCidrs = sideCidrs.Where(c => c.Value!.Value.Family == IpFamily.V4).ToList();
            if (!known || peerCidrs.Count == 0)
            {
                continue;
            }

            bool routed = false;
            foreach (var r in main.Routes)
            {
                // No pattern variable in the condition: Stryker cannot compile its mutants (CS0165; docs/quality.md).
                Cidr? d = r.Destination?.Value;
                if (r.TargetKind == RouteTargetKind.VpcPeeringConnection && (r.TargetId == p.Id || r.TargetId is null) && d is not null)
                {
                    foreach (var c in peerCidrs)
                    {
                        routed |= c.Value!.Value.Overlaps(d.Value);
                    }
                }
            }

            if (routed)
            {
                continue;
            }

            context.Report(
                side.Options.Location ?? side.Location,
                $"Peering connection {p.Label} enables AllowEgressFromLocalClassicLinkToRemoteVpc for {Describe.Vpc(index, side.VpcId)}, but its main route table {main.Label} has no route for {Describe.Cidrs(peerCidrs)} over the connection; linked EC2-Classic instances use only the main table.",
                p,
                new[] { new RelatedLocation(main.Location, $"main route table {main.Label}") },
                key: $"{p.Id}|{side.VpcId}|main");
        }
    }
}
