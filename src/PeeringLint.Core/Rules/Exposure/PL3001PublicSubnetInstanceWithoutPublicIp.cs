using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Exposure;

/// <summary>An instance in a public subnet with neither a public IPv4 address nor an Elastic IP.</summary>
public sealed class PL3001PublicSubnetInstanceWithoutPublicIp : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL3001",
        Name: "PublicSubnetInstanceWithoutPublicIp",
        Title: "Instance in a public subnet has no public IPv4 address",
        Description: "The instance's subnet routes 0.0.0.0/0 to an attached internet gateway, but the instance has no public IPv4 address and no Elastic IP. An internet gateway only translates for instances with a public address, so nothing on the internet can reach it: EC2 Instance Connect and SSH fail with 'No public IPv4 address assigned'.",
        Category: RuleCategories.Exposure,
        DefaultSeverity: Severity.Note);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var (instance, subnet, host) in ExposureFacts.PlacedInstances(index))
        {
            if (host.PublicIp != PublicIpMode.None)
            {
                continue;
            }

            // Out variables in their own statement: in a condition, Stryker's mutants of it do not compile (docs/quality.md).
            var isPublic = PublicSubnets.IsPublic(index, subnet, out var table, out var route);
            if (isPublic != Tri.Yes)
            {
                continue;
            }

            context.Report(
                instance.PublicIpLocation ?? instance.Location,
                $"Instance {instance.Label} is in public subnet {subnet.Label} (route table {table!.Label} sends 0.0.0.0/0 to '{route!.TargetId}') but has no public IPv4 address and no Elastic IP, so it cannot be reached from the internet (EC2 Instance Connect, SSH).",
                instance,
                new[] { new RelatedLocation(route.Location, $"route 0.0.0.0/0 → {route.TargetId}") },
                key: instance.Id);
        }
    }
}
