using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Fixes;
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
        var instances = index.Model.Instances;
        for (int k = 0; k < instances.Count; k++)
        {
            // An instance whose own record gives it a public address needs no host worked out: it is not this rule's.
            var instance = instances[k];
            // Stryker disable once all : a shortcut; such an instance's host has PublicIp Assigned and is passed by below (HostDecisionTests)
            if (Host.OwnsPublicAddress(instance))
            {
                continue;
            }

            // The instances ExposureFacts.PlacedInstances yields: subnet in the input, host known.
            var subnet = index.Subnet(instance.SubnetId);
            if (subnet is null)
            {
                continue;
            }

            var host = ExposureFacts.HostOf(index, instance);
            if (host is null || host.PublicIp != PublicIpMode.None)
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
                key: instance.Id,
                repair: AdmitsSshFromTheInternet(host) ? new AssignPublicIp(instance.Id, instance.Location) : null);
        }
    }

    private static readonly Cidr[] PrivateRanges = Parse("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10");

    /// <summary>
    /// Whether the input says the instance is meant to be reached from the internet, which makes the repair (a public
    /// IPv4 address at launch) the one meant rather than a choice: a security group of the instance admits SSH (TCP 22)
    /// from a public IPv4 range (0.0.0.0/0, your address): EC2 Instance Connect and SSH are waiting for the address.
    /// An instance reached only over a peering or from inside its VPC (the tutorial's second instance) sits in a public
    /// subnet without needing an address, and giving it one would expose it: no fix.
    /// </summary>
    private static bool AdmitsSshFromTheInternet(Host host)
    {
        if (host.GroupsUnknown is not null)
        {
            return false;
        }

        var groups = host.Groups;
        for (int k = 0; k < groups.Count; k++)
        {
            var ingress = groups[k].Ingress;
            for (int j = 0; j < ingress.Count; j++)
            {
                var r = ingress[j];
                bool ssh = r.Protocol is null or IpProtocols.All
                    || (r.Protocol == IpProtocols.Tcp && (r.FromPort ?? 0) <= 22 && (r.ToPort ?? 65535) >= 22 && (r.FromPort ?? 0) >= 0);
                if (ssh && r.Cidr?.Value is { Family: IpFamily.V4 } c && !IsPrivate(c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsPrivate(Cidr c)
    {
        foreach (var p in PrivateRanges)
        {
            if (p.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    private static Cidr[] Parse(params string[] blocks)
    {
        var result = new Cidr[blocks.Length];
        for (int i = 0; i < blocks.Length; i++)
        {
            Cidr.TryParse(blocks[i], out result[i]);
        }

        return result;
    }
}
