using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Exposure;

/// <summary>An instance with a public IPv4 or Elastic IP whose subnet has no route to an attached internet gateway.</summary>
public sealed class PL3002PublicIpWithoutInternetRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL3002",
        Name: "PublicIpWithoutInternetRoute",
        Title: "Instance has a public address but its subnet has no route to an internet gateway",
        Description: "The instance has a public IPv4 address or an Elastic IP, but its subnet's route table sends 0.0.0.0/0 nowhere, or not to an internet gateway attached to the VPC. Replies to internet clients have no way out, so the public address is useless (and an Elastic IP is billed for nothing).",
        Category: RuleCategories.Exposure,
        DefaultSeverity: Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var (instance, subnet, host) in ExposureFacts.PlacedInstances(index))
        {
            if (host.PublicIp != PublicIpMode.Assigned)
            {
                continue;
            }

            // Out variables in their own statement: in a condition, Stryker's mutants of it do not compile (docs/quality.md).
            var isPublic = PublicSubnets.IsPublic(index, subnet, out var table, out var route);
            if (isPublic != Tri.No)
            {
                continue;
            }

            string where = route is null
                ? "has no route for 0.0.0.0/0"
                : route.State == RouteState.Blackhole
                    ? $"sends 0.0.0.0/0 to '{route.TargetId}', a blackhole"
                    : route.TargetKind == RouteTargetKind.InternetGateway
                        ? $"sends 0.0.0.0/0 to internet gateway '{route.TargetId}', which is not attached to the VPC"
                        : $"sends 0.0.0.0/0 to '{route.TargetId}', not to an internet gateway";
            context.Report(
                host.PublicLocation ?? instance.Location,
                $"Instance {instance.Label} has {host.PublicText ?? "a public IPv4 address"}, but route table {table!.Label} of its subnet {subnet.Label} {where}: the instance cannot be reached from the internet.",
                instance,
                new[] { new RelatedLocation(route?.Location ?? table.Location, $"route table {table.Label}") },
                key: instance.Id);
        }
    }
}
