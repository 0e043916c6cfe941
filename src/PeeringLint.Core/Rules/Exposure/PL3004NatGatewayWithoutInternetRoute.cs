using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Exposure;

/// <summary>
/// A route table sends its default route to a public NAT gateway whose own subnet has no route to an attached
/// internet gateway: the subnets behind the NAT gateway have no way to the internet.
/// </summary>
public sealed class PL3004NatGatewayWithoutInternetRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL3004",
        Name: "NatGatewayWithoutInternetRoute",
        Title: "Private subnets send internet traffic to a NAT gateway whose subnet has no route to an internet gateway",
        Description: "A route table sends 0.0.0.0/0 to a public NAT gateway, but the subnet the NAT gateway sits in is not public: its route table sends 0.0.0.0/0 nowhere, to a blackhole, or not to an internet gateway attached to the VPC. The NAT gateway translates the traffic and then has no way out, so nothing behind it reaches the internet.",
        Category: RuleCategories.Exposure,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var table in index.Model.RouteTables)
        {
            // No pattern or out variables in the conditions: Stryker cannot compile mutants of such a condition (CS0165)
            // and would leave the whole method unmutated (docs/quality.md).
            var lookup = index.Lookup(table);
            var route = lookup.HasUnknownRoutes ? null : lookup.Match(Cidr.AnyV4);
            if (route is null || route.TargetKind != RouteTargetKind.NatGateway || route.State != RouteState.Active || route.TargetId is null)
            {
                continue;
            }

            index.NatGateways.TryGetValue(route.TargetId, out var nat);
            var natSubnet = nat is not null && nat.IsPublic ? index.Subnet(nat.SubnetId) : null;
            if (nat is null || natSubnet is null)
            {
                continue;
            }

            var served = index.SubnetsServedBy(table);
            if (served.Count == 0)
            {
                continue;
            }

            var isPublic = PublicSubnets.IsPublic(index, natSubnet, out var natTable, out var natRoute);
            if (isPublic != Tri.No)
            {
                continue;
            }

            string where = natRoute is null
                ? "has no route for 0.0.0.0/0"
                : natRoute.State == RouteState.Blackhole
                    ? $"sends 0.0.0.0/0 to '{natRoute.TargetId}', a blackhole"
                    : natRoute.TargetKind == RouteTargetKind.InternetGateway
                        ? $"sends 0.0.0.0/0 to internet gateway '{natRoute.TargetId}', which is not attached to the VPC"
                        : $"sends 0.0.0.0/0 to '{natRoute.TargetId ?? "?"}', not to an internet gateway";
            var instances = InstancesIn(index, served);
            string behind = instances.Count == 0
                ? $"subnet{(served.Count == 1 ? string.Empty : "s")} {Names(served)}"
                : $"subnet{(served.Count == 1 ? string.Empty : "s")} {Names(served)} ({instances.Count} instance{(instances.Count == 1 ? string.Empty : "s")}, e.g. {instances[0].Label})";
            var related = new List<RelatedLocation>
            {
                new(nat.Location, $"NAT gateway {nat.Label} in subnet {natSubnet.Label}"),
                new(natRoute?.Location ?? natTable!.Location, $"route table {natTable!.Label} of the NAT gateway's subnet"),
            };
            context.Report(
                route.Location,
                $"Route table {table.Label} sends 0.0.0.0/0 to NAT gateway {nat.Label}, but route table {natTable.Label} of the NAT gateway's subnet {natSubnet.Label} {where}: {behind} cannot reach the internet through it.",
                table,
                related,
                key: table.Id + "|" + nat.Id,
                ignoredRules: route.IgnoredRules);
        }
    }

    private static List<Instance> InstancesIn(ModelIndex index, IReadOnlyList<Subnet> subnets)
    {
        var ids = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var s in subnets)
        {
            ids.Add(s.Id);
        }

        // The subnets a table serves are one VPC's: look among that VPC's instances, not the whole model's.
        var candidates = subnets.Count > 0 && subnets[0].VpcId is { } vpcId ? index.InstancesOf(vpcId) : index.Model.Instances;
        var result = new List<Instance>();
        foreach (var i in candidates)
        {
            if (i.SubnetId is not null && ids.Contains(i.SubnetId))
            {
                result.Add(i);
            }
        }

        return result;
    }

    private static string Names(IReadOnlyList<Subnet> subnets)
    {
        var parts = new List<string>(subnets.Count);
        foreach (var s in subnets)
        {
            parts.Add(s.Label);
        }

        return string.Join(", ", parts);
    }
}
