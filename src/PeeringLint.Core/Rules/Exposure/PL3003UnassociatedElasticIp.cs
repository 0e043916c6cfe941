using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Exposure;

/// <summary>An Elastic IP that is allocated but associated with nothing.</summary>
public sealed class PL3003UnassociatedElasticIp : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL3003",
        Name: "UnassociatedElasticIp",
        Title: "Elastic IP is not associated",
        Description: "An Elastic IP address is allocated to the account but not associated with an instance, a network interface or a NAT gateway. AWS bills public IPv4 addresses by the hour whether or not they are in use; an idle one usually means the association step was skipped (the instance still has no public address) or the address was left behind after clean-up.",
        Category: RuleCategories.Exposure,
        DefaultSeverity: Severity.Note);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var eip in context.Model.ElasticIps)
        {
            // Associated with an instance, an interface or a NAT gateway, or the input leaves it open.
            if (ElasticIpAssociations.IsAssociated(context.Index, eip, out _) != Tri.No)
            {
                continue;
            }

            context.Report(
                eip.Location,
                $"Elastic IP {eip.Label}{(eip.PublicIp is not null && eip.PublicIp != eip.Name ? " (" + eip.PublicIp + ")" : string.Empty)} is allocated but not associated with any instance, network interface or NAT gateway; it is billed while idle.",
                eip,
                key: eip.Id);
        }
    }
}
