using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Security;

/// <summary>A security group rule that references a group of a peer VPC in another Region.</summary>
public sealed class PL4005CrossRegionGroupReference : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL4005",
        Name: "CrossRegionGroupReference",
        Title: "Security group rule references a group across Regions",
        Description: "A rule references a security group of a peer VPC in another Region. AWS supports referencing a peer VPC's security group only over a peering connection in the same Region; across Regions the reference is rejected (or matches nothing), so the traffic it meant to admit is dropped. Use the peer VPC's CIDR block instead.",
        Category: RuleCategories.Security,
        DefaultSeverity: Severity.Error)
    {
        Tags = new[] { "security" },
        SecuritySeverity = 2.0,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var g in context.Model.SecurityGroups)
        {
            if (g.VpcId is null)
            {
                continue;
            }

            foreach (var r in Rules(g))
            {
                // Stryker disable once all : a shortcut; a rule naming no group, or its own group, has no other VPC and is skipped below
                if (r.PeerKind != SgPeerKind.SecurityGroup || r.GroupId is null || r.GroupId == g.Id)
                {
                    continue;
                }

                var referenced = index.SecurityGroup(r.GroupId);
                string? otherVpc = referenced?.VpcId ?? r.GroupVpcId;
                if (otherVpc is null || otherVpc == g.VpcId)
                {
                    continue;
                }

                string? myRegion = g.Region ?? index.Vpc(g.VpcId)?.Region;
                string? otherRegion = referenced?.Region ?? index.Vpc(otherVpc)?.Region;
                VpcPeeringConnection? interRegion = null;
                bool sameRegionPeering = false;
                foreach (var p in index.PeeringsOf(g.VpcId))
                {
                    if (p.OtherSide(g.VpcId)?.VpcId != otherVpc)
                    {
                        continue;
                    }

                    if (p.IsInterRegion)
                    {
                        interRegion ??= p;
                    }
                    else
                    {
                        sameRegionPeering = true;
                    }
                }

                bool regionsDiffer = myRegion is not null && otherRegion is not null && myRegion != otherRegion;
                if (sameRegionPeering || (interRegion is null && !regionsDiffer))
                {
                    continue;
                }

                string regions = interRegion is not null
                    ? $"{interRegion.Requester.Region} and {interRegion.Accepter.Region}"
                    : $"{myRegion} and {otherRegion}";
                context.Report(
                    r.Location,
                    $"{(r.Direction == RuleDirection.Ingress ? "Inbound" : "Outbound")} rule of security group {g.Label} references security group '{r.GroupId}' of {Describe.Vpc(index, otherVpc)} in another Region ({regions}); AWS does not support security group references across Regions, so the rule admits nothing. Use the peer VPC's CIDR block instead.",
                    g,
                    interRegion is null ? null : new[] { new RelatedLocation(interRegion.Location, $"inter-Region peering connection {interRegion.Label}") },
                    key: $"{g.Id}|{r.Direction}|{r.GroupId}|{r.Protocol}|{r.FromPort}");
            }
        }
    }

    private static System.Collections.Generic.IEnumerable<SecurityGroupRule> Rules(SecurityGroup g)
    {
        foreach (var r in g.Ingress)
        {
            yield return r;
        }

        foreach (var r in g.Egress)
        {
            yield return r;
        }
    }
}
