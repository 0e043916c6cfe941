using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.ClassicLink;

/// <summary>Egress to a remote ClassicLink enabled on a VPC whose route tables hold static routes inside 10.0.0.0/8.</summary>
public sealed class PL5001ClassicLinkRouteConflict : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL5001",
        Name: "ClassicLinkRouteConflict",
        Title: "Remote ClassicLink option conflicts with routes in 10.0.0.0/8",
        Description: "AllowEgressFromLocalVpcToRemoteClassicLink makes AWS add a 10.0.0.0/8 → local route to every route table of the local VPC. AWS refuses to enable the option while any of those tables holds a static route inside 10.0.0.0/8, peering routes included.",
        Category: RuleCategories.ClassicLink,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var (p, side) in ClassicLinkFacts.LiveSides(context.Model))
        {
            if (!side.Options.AllowEgressFromLocalVpcToRemoteClassicLink || side.VpcId is null)
            {
                continue;
            }

            var conflicts = new List<(RouteTable Table, Route Route)>();
            foreach (var t in index.RouteTablesOf(side.VpcId))
            {
                foreach (var r in t.Routes)
                {
                    // No pattern variable in the condition: Stryker cannot compile its mutants (CS0165; docs/quality.md).
                    Cidr? d = r.Destination?.Value;
                    if (!r.IsLocal && r.Origin == RouteOrigin.CreateRoute && d is not null && Cidr.TenSlash8.Contains(d.Value))
                    {
                        conflicts.Add((t, r));
                    }
                }
            }

            if (conflicts.Count == 0)
            {
                continue;
            }

            var related = new List<RelatedLocation>();
            foreach (var (t, r) in conflicts)
            {
                related.Add(new RelatedLocation(r.Destination!.Location, $"static route {r.DestinationText} in route table {t.Label}"));
            }

            var first = conflicts[0];
            context.Report(
                side.Options.Location ?? side.Location,
                $"Peering connection {p.Label} enables AllowEgressFromLocalVpcToRemoteClassicLink for {Describe.Vpc(index, side.VpcId)}, but route table {first.Table.Label} holds the static route {first.Route.DestinationText} inside 10.0.0.0/8{(conflicts.Count > 1 ? $" (and {conflicts.Count - 1} more)" : string.Empty)}; AWS cannot add its 10.0.0.0/8 → local route and refuses the option.",
                p,
                related,
                key: $"{p.Id}|{side.VpcId}");
        }
    }
}
