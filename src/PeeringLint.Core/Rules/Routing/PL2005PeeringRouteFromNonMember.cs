using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A route table that routes over a peering connection its VPC is not a side of.</summary>
public sealed class PL2005PeeringRouteFromNonMember : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2005",
        Name: "PeeringRouteFromNonMember",
        Title: "Route uses a peering connection of other VPCs",
        Description: "A route table sends traffic to a VPC peering connection that joins two other VPCs. A route can only target a peering connection of its own VPC; AWS rejects the route.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var table in context.Model.RouteTables)
        {
            if (table.VpcId is null)
            {
                continue;
            }

            // An indexed loop: a foreach over an IReadOnlyList allocates an enumerator per table.
            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i];
                // No out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                var pcx = route.TargetKind == RouteTargetKind.VpcPeeringConnection ? index.Peering(route.TargetId) : null;
                if (pcx is null || pcx.Requester.VpcId is null || pcx.Accepter.VpcId is null || pcx.SideOf(table.VpcId) is not null)
                {
                    continue;
                }

                context.Report(
                    route.Location,
                    $"Route {route.DestinationText} in route table {table.Label} of VPC {Describe.Vpc(index, table.VpcId)} targets peering connection {pcx.Label}, which joins {Describe.Vpc(index, pcx.Requester.VpcId)} and {Describe.Vpc(index, pcx.Accepter.VpcId)}.",
                    table,
                    new[] { new RelatedLocation(pcx.Location, $"peering connection {pcx.Label}") },
                    key: $"{table.Id}|{route.DestinationText}|{pcx.Id}",
                    ignoredRules: route.IgnoredRules);
            }
        }
    }
}
