using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Rules.Exposure;

namespace PeeringLint.Rules.Security;

/// <summary>An instance with a public address whose security groups admit no SSH from outside the VPC.</summary>
public sealed class PL4001SshClosedToInternet : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL4001",
        Name: "SshClosedToInternet",
        Title: "Instance with a public address admits no SSH from outside its VPC",
        Description: "The instance has a public IPv4 address or an Elastic IP, but none of its security groups admits TCP port 22 (or all traffic) from any address outside the VPC. A VPC's default security group only admits traffic from its own members, so EC2 Instance Connect and SSH from the internet time out. Quiet when the groups admit other traffic from the internet (the instance serves something else and SSH is closed on purpose).",
        Category: RuleCategories.Security,
        DefaultSeverity: Severity.Note)
    {
        Tags = new[] { "security" },
        SecuritySeverity = 1.0,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var instance in context.Model.Instances)
        {
            var host = ExposureFacts.HostOf(index, instance);
            if (host is null || host.PublicIp != PublicIpMode.Assigned || host.GroupsUnknown is not null || host.Groups.Count == 0)
            {
                continue;
            }

            if (AdmitsFromOutside(host) != Tri.No)
            {
                continue;
            }

            var g = host.Groups[0];
            string groups = host.Groups.Count == 1 ? "security group " + g.Label : "security groups " + string.Join(", ", Labels(host.Groups));
            string why = host.Groups.Count == 1 && g.IsDefault ? " (a default security group only admits traffic from its own members)" : string.Empty;
            context.Report(
                g.Location,
                $"Instance {instance.Label} has {host.PublicText ?? "a public IPv4 address"}, but its {groups} admit{(host.Groups.Count == 1 ? "s" : string.Empty)} no SSH (TCP 22) from outside the VPC{why}: EC2 Instance Connect and SSH from the internet will time out.",
                g,
                new[] { new RelatedLocation(instance.Location, $"instance {instance.Label}") },
                key: instance.Id + "|" + g.Id);
        }
    }

    /// <summary>
    /// Whether some rule of the groups may admit traffic from public addresses: No only when none can. The rule
    /// reports only then, so whether such a rule admits SSH or other traffic is not worked out (it used to be, and
    /// mutation testing showed that nothing read the difference).
    /// </summary>
    private static Tri AdmitsFromOutside(Host host)
    {
        // An IPv6 rule admits nothing to an instance without an IPv6 address: one in a subnet without an IPv6 block has none.
        // In a subnet with one, whether the instance took an address is not in the model, so such a rule is unknown.
        Tri hasIpv6 = host.Subnet is null ? Tri.Unknown : host.Subnet.Ipv6Cidrs.Count == 0 ? Tri.No : Tri.Unknown;
        // Index loops: a foreach through the lists' interface allocates an enumerator per host and group.
        var groups = host.Groups;
        for (int k = 0; k < groups.Count; k++)
        {
            var g = groups[k];
            if (g.RulesIncomplete)
            {
                return Tri.Unknown;
            }

            var ingress = g.Ingress;
            for (int j = 0; j < ingress.Count; j++)
            {
                var r = ingress[j];
                // Read before the switch: a pattern variable in a condition makes Stryker's mutants fail to compile (CS0165).
                Cidr? c = r.Cidr?.Value;
                Tri fromOutside = r.PeerKind switch
                {
                    SgPeerKind.Cidr when c is not null && c.Value.Family == IpFamily.V6 && hasIpv6 != Tri.Yes =>
                        hasIpv6 == Tri.No || !ExposureFacts.HasPublicAddresses(c.Value) ? Tri.No : Tri.Unknown,
                    SgPeerKind.Cidr when c is not null => ExposureFacts.HasPublicAddresses(c.Value) ? Tri.Yes : Tri.No,
                    SgPeerKind.SecurityGroup => Tri.No,
                    _ => Tri.Unknown,
                };
                if (fromOutside != Tri.No)
                {
                    return fromOutside;
                }
            }
        }

        return Tri.No;
    }

    private static IEnumerable<string> Labels(IReadOnlyList<SecurityGroup> groups)
    {
        foreach (var g in groups)
        {
            yield return g.Label;
        }
    }
}
