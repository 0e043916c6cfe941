using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Addressing;

/// <summary>A VPC peered with two VPCs whose CIDR blocks overlap each other.</summary>
public sealed class PL1003PeersOverlapEachOther : Rule
{
    public static readonly RuleDescriptor Rule = new(
        "PL1003",
        "PeersOverlapEachOther",
        "VPC is peered with two VPCs whose CIDR blocks overlap",
        "A VPC has peering connections to two different VPCs whose CIDR blocks overlap each other. A route table can send each address to only one target, so traffic for the overlapping range can reach only one of the peers.",
        RuleCategories.Addressing,
        Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var vpc in context.Model.Vpcs)
        {
            var peerings = index.PeeringsOf(vpc.Id);
            if (peerings.Count < 2)
            {
                continue;
            }

            var items = new List<(Cidr, (VpcPeeringConnection Pcx, PeeringSide Side, CidrValue Block))>();
            foreach (var p in peerings)
            {
                if (p.IsTerminal || p.OtherSide(vpc.Id) is not { } side)
                {
                    continue;
                }

                foreach (var c in index.SideCidrs(side, out _))
                {
                    items.Add((c.Value!.Value, (p, side, c)));
                }
            }

            OverlapSweep.FindOverlaps(
                items,
                (a, b) => a.Pcx.Id == b.Pcx.Id || (a.Side.VpcId is not null && a.Side.VpcId == b.Side.VpcId),
                (outer, inner) =>
                {
                    var (a, b) = outer.Tag.Pcx.Location.CompareTo(inner.Tag.Pcx.Location) <= 0 ? (outer.Tag, inner.Tag) : (inner.Tag, outer.Tag);
                    context.Report(
                        b.Pcx.Location,
                        $"VPC {vpc.Label} is peered with {Describe.Vpc(index, a.Side.VpcId)} ({a.Block.Value}) over {a.Pcx.Label} and with {Describe.Vpc(index, b.Side.VpcId)} ({b.Block.Value}) over {b.Pcx.Label}; the blocks overlap, so traffic for the overlap can reach only one of them.",
                        b.Pcx,
                        new[]
                        {
                            new RelatedLocation(a.Pcx.Location, $"peering connection {a.Pcx.Label}"),
                            new RelatedLocation(a.Block.Location, $"{Describe.Vpc(index, a.Side.VpcId)} CIDR block {a.Block.Value}"),
                            new RelatedLocation(b.Block.Location, $"{Describe.Vpc(index, b.Side.VpcId)} CIDR block {b.Block.Value}"),
                        },
                        key: $"{vpc.Id}|{a.Pcx.Id}|{a.Block.Value}|{b.Pcx.Id}|{b.Block.Value}");
                });
        }
    }
}
