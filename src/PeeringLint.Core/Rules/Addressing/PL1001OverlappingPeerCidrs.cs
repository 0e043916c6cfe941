using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Addressing;

/// <summary>Peered VPCs whose IPv4 or IPv6 CIDR blocks overlap: AWS refuses to create the peering.</summary>
public sealed class PL1001OverlappingPeerCidrs : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL1001",
        Name: "OverlappingPeerCidrs",
        Title: "Peered VPCs have overlapping CIDR blocks",
        Description: "Two VPCs joined by a peering connection have matching or overlapping IPv4 or IPv6 CIDR blocks (primary or secondary). AWS refuses to create such a peering, and routes could not tell local from remote addresses.",
        Category: RuleCategories.Addressing,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var p in context.Model.PeeringConnections)
        {
            // AWS answers a request between overlapping VPCs with the status "failed"; other terminal states are history.
            bool failed = p.Status == PeeringStatus.Failed;
            if (p.IsTerminal && !failed)
            {
                continue;
            }

            var left = index.SideCidrs(p.Requester, out _);
            var right = index.SideCidrs(p.Accepter, out _);
            // Indexed loops: a foreach over an IReadOnlyList allocates an enumerator, two per peering connection here.
            for (int i = 0; i < left.Count; i++)
            {
                var a = left[i];
                for (int j = 0; j < right.Count; j++)
                {
                    var b = right[j];
                    if (!a.Value!.Value.Overlaps(b.Value!.Value))
                    {
                        continue;
                    }

                    string kind = a.Value.Value.Family == IpFamily.V4 ? "IPv4" : "IPv6";
                    string message = failed
                        ? $"Peering connection {p.Label} failed: AWS refused to peer {Describe.Vpc(index, p.Requester.VpcId)} ({a.Value}) and {Describe.Vpc(index, p.Accepter.VpcId)} ({b.Value}) because their {kind} CIDR blocks overlap."
                        : $"Peering connection {p.Label} joins {Describe.Vpc(index, p.Requester.VpcId)} ({a.Value}) and {Describe.Vpc(index, p.Accepter.VpcId)} ({b.Value}), whose {kind} CIDR blocks overlap; AWS does not peer overlapping VPCs.";
                    context.Report(
                        p.Location,
                        message,
                        p,
                        new[]
                        {
                            new RelatedLocation(a.Location, $"{Describe.Vpc(index, p.Requester.VpcId)} CIDR block {a.Value}"),
                            new RelatedLocation(b.Location, $"{Describe.Vpc(index, p.Accepter.VpcId)} CIDR block {b.Value}"),
                        },
                        key: $"{p.Id}|{a.Value}|{b.Value}");
                }
            }
        }
    }
}
