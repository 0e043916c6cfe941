using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A route targeting a peering connection that is not active, or that is not in the input at all.</summary>
public sealed class PL2003RouteToInactivePeering : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2003",
        Name: "RouteToInactivePeering",
        Title: "Route targets a peering connection that is not active",
        Description: "A route sends traffic to a VPC peering connection that is pending acceptance, rejected, expired, failed or deleted, or that does not exist. Until the accepter accepts the request, and after a connection is deleted, such routes drop traffic (AWS shows them as blackhole).",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>
    /// The repair of a request still pending: accept it, when both VPCs are in the input and in one account, so that
    /// whoever owns the input is the accepter too. A request to another account is that account's to accept; an expired,
    /// rejected or failed one cannot be accepted any more (a new request is needed).
    /// </summary>
    private static Repair? Accept(ModelIndex index, VpcPeeringConnection pcx)
    {
        if (pcx.Status != PeeringStatus.PendingAcceptance || index.Vpc(pcx.Requester.VpcId) is not { } requester || index.Vpc(pcx.Accepter.VpcId) is not { } accepter)
        {
            return null;
        }

        bool sameAccount = requester.Account is null || accepter.Account is null || requester.Account == accepter.Account;
        return sameAccount ? new AcceptPeering(pcx.Id, pcx.StatusLocation ?? SourceLocation.None) : null;
    }

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        bool peeringsListed = context.Model.Covers(ResourceKinds.PeeringConnections);
        foreach (var table in context.Model.RouteTables)
        {
            // An indexed loop: a foreach over an IReadOnlyList allocates an enumerator per table.
            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var route = routes[i];
                if (route.TargetKind != RouteTargetKind.VpcPeeringConnection || route.TargetId is null)
                {
                    continue;
                }

                var loc = route.Location;
                string dest = route.DestinationText;
                if (index.Peerings.TryGetValue(route.TargetId, out var pcx))
                {
                    string? why = pcx.Status switch
                    {
                        PeeringStatus.PendingAcceptance => "is pending acceptance: the accepter VPC's owner has not accepted the request yet",
                        PeeringStatus.InitiatingRequest => "is still being requested (initiating-request)",
                        PeeringStatus.Rejected => "was rejected by the accepter",
                        PeeringStatus.Expired => "expired before it was accepted",
                        PeeringStatus.Failed => "failed",
                        PeeringStatus.Deleting => "is being deleted",
                        PeeringStatus.Deleted => "was deleted",
                        _ => null,
                    };

                    if (why is null && route.State == RouteState.Blackhole)
                    {
                        why = "is not usable: AWS reports the route as blackhole";
                    }

                    if (why is null)
                    {
                        continue;
                    }

                    context.Report(
                        loc,
                        $"Route {dest} in route table {table.Label} targets peering connection {pcx.Label}, which {why}; the route drops traffic.",
                        table,
                        new[] { new RelatedLocation(pcx.StatusLocation ?? pcx.Location, $"peering connection {pcx.Label} status {Describe.Status(pcx.Status)}") },
                        key: $"{table.Id}|{dest}|{pcx.Id}",
                        ignoredRules: route.IgnoredRules,
                        repair: Accept(index, pcx));
                }
                else if (route.State == RouteState.Blackhole || peeringsListed)
                {
                    string state = route.State == RouteState.Blackhole ? " (AWS reports the route as blackhole)" : string.Empty;
                    context.Report(
                        loc,
                        $"Route {dest} in route table {table.Label} targets peering connection '{route.TargetId}', which does not exist in the input{state}; the route drops traffic.",
                        table,
                        key: $"{table.Id}|{dest}|{route.TargetId}|missing",
                        ignoredRules: route.IgnoredRules);
                }
            }
        }
    }
}
