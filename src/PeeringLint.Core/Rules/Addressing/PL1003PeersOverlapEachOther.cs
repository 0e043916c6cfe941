using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Addressing;

/// <summary>
/// A VPC peered with two or more VPCs whose CIDR blocks overlap each other. One finding per group of peers
/// that overlap (a connected component of the overlap relation), not one per pair: N peers with the same block
/// give one finding, not N(N-1)/2. The groups come from one sort and one sweep over the peers' blocks; the
/// names and related locations a finding lists are capped.
/// </summary>
public sealed class PL1003PeersOverlapEachOther : Rule
{
    /// <summary>How many peers a message names (the rest are counted) and how many related locations it lists.</summary>
    internal const int MaxNamed = 5;

    public static readonly RuleDescriptor Rule = new(
        Id: "PL1003",
        Name: "PeersOverlapEachOther",
        Title: "VPC is peered with two VPCs whose CIDR blocks overlap",
        Description: "A VPC has peering connections to two or more different VPCs whose CIDR blocks overlap each other. A route table can send each address to only one target, so traffic for the overlapping range can reach only one of the peers.",
        Category: RuleCategories.Addressing,
        DefaultSeverity: Severity.Warning);

    public override RuleDescriptor Descriptor => Rule;

    /// <summary>Up to this many peering connections of a VPC, its peers are told apart by a scan instead of a dictionary.</summary>
    internal const int ScanLimit = 32;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        // Reused from VPC to VPC; a VPC whose peers' blocks do not overlap allocates nothing more.
        var peers = new List<(VpcPeeringConnection Pcx, PeeringSide Side)>();
        var blocks = new List<(Cidr Cidr, int Peer, CidrValue Block)>();
        foreach (var vpc in context.Model.Vpcs)
        {
            var peerings = index.PeeringsOf(vpc.Id);
            // Stryker disable once Statement,Block : a shortcut; fewer than two connections give fewer than two peers, skipped below
            if (peerings.Count < 2)
            {
                continue;
            }

            // One entry per peer (the other VPC, or the connection when that VPC is unknown).
            peers.Clear();
            blocks.Clear();
            // Stryker disable once Equality : both ways tell the same peers apart (PL1003PeersOverlapEachOtherTests); the limit only picks the faster
            var peerOf = peerings.Count <= ScanLimit ? null : new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (int k = 0; k < peerings.Count; k++)
            {
                var p = peerings[k];
                // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                var side = p.IsTerminal ? null : p.OtherSide(vpc.Id);
                if (side is null)
                {
                    continue;
                }

                int peer = PeerIndex(peers, peerOf, p, side);
                var cidrs = index.SideCidrs(side, out _);
                for (int c = 0; c < cidrs.Count; c++)
                {
                    blocks.Add((cidrs[c].Value!.Value, peer, cidrs[c]));
                }
            }

            // Stryker disable once Statement,Block : a shortcut; one peer forms no group of two
            if (peers.Count < 2)
            {
                continue;
            }

            blocks.Sort(static (a, b) => a.Cidr.CompareTo(b.Cidr));
            // Stryker disable once Statement,Block : a shortcut; without it the grouping below finds no group either
            if (!AnyRunOfTwoPeers(blocks))
            {
                continue;
            }

            var found = new List<Peer>(peers.Count);
            foreach (var (pcx, side) in peers)
            {
                found.Add(new Peer(pcx, side));
            }

            foreach (var group in Groups(found, blocks))
            {
                Report(context, index, vpc, group, found);
            }
        }
    }

    /// <summary>
    /// The index of the peer that <paramref name="side"/> of <paramref name="p"/> stands for, added when new: the same VPC
    /// over two connections is one peer; a side whose VPC is unknown is its connection. <paramref name="peerOf"/> (keys
    /// "vpc:" and "pcx:" ids) is null for a scan.
    /// </summary>
    private static int PeerIndex(List<(VpcPeeringConnection Pcx, PeeringSide Side)> peers, Dictionary<string, int>? peerOf, VpcPeeringConnection p, PeeringSide side)
    {
        if (peerOf is not null)
        {
            string peerKey = side.VpcId is not null ? "vpc:" + side.VpcId : "pcx:" + p.Id;
            if (!peerOf.ContainsKey(peerKey))
            {
                peerOf[peerKey] = peers.Count;
                peers.Add((p, side));
            }

            return peerOf[peerKey];
        }

        for (int i = 0; i < peers.Count; i++)
        {
            var known = peers[i];
            bool same = side.VpcId is not null
                ? string.Equals(known.Side.VpcId, side.VpcId, System.StringComparison.Ordinal)
                : known.Side.VpcId is null && string.Equals(known.Pcx.Id, p.Id, System.StringComparison.Ordinal);
            if (same)
            {
                return i;
            }
        }

        peers.Add((p, side));
        return peers.Count - 1;
    }

    /// <summary>True when some run of nested blocks (see <see cref="Groups"/>) holds blocks of two different peers.</summary>
    private static bool AnyRunOfTwoPeers(List<(Cidr Cidr, int Peer, CidrValue Block)> blocks)
    {
        int start = 0;
        for (int i = 1; i < blocks.Count; i++)
        {
            if (!blocks[start].Cidr.Contains(blocks[i].Cidr))
            {
                start = i;
            }
            else if (blocks[i].Peer != blocks[start].Peer)
            {
                return true;
            }
        }

        // Stryker disable once Boolean : a shortcut; a true here only costs the full grouping, which finds no group
        return false;
    }

    /// <summary>
    /// The groups of peers that overlap, each with at least two peers. CIDR blocks either nest or are disjoint,
    /// so after sorting (the caller sorts <paramref name="blocks"/>), the blocks inside one outermost block form one run; every peer with a block in a run
    /// overlaps the run's outermost block, so a run with two or more peers joins them all. Peers in several runs
    /// join those runs (union-find).
    /// </summary>
    private static List<List<int>> Groups(List<Peer> peers, List<(Cidr Cidr, int Peer, CidrValue Block)> blocks)
    {
        var parent = Enumerable.Range(0, peers.Count).ToArray();
        int start = 0;
        for (int i = 1; i <= blocks.Count; i++)
        {
            if (i < blocks.Count && blocks[start].Cidr.Contains(blocks[i].Cidr))
            {
                continue;
            }

            // blocks[start..i) is one run under blocks[start].
            var distinct = new HashSet<int>();
            for (int j = start; j < i; j++)
            {
                distinct.Add(blocks[j].Peer);
            }

            if (distinct.Count >= 2)
            {
                for (int j = start; j < i; j++)
                {
                    // Every block of another peer overlaps the outermost block; the outermost peer's own nested blocks may not.
                    if (j == start || blocks[j].Peer != blocks[start].Peer)
                    {
                        peers[blocks[j].Peer].Overlapping.Add(blocks[j].Block);
                    }

                    Union(parent, blocks[start].Peer, blocks[j].Peer);
                }
            }

            start = i;
        }

        var groups = new Dictionary<int, List<int>>();
        for (int p = 0; p < peers.Count; p++)
        {
            // A peer without an overlapping block was never joined to another: its set has one member and is dropped below.
            int root = Find(parent, p);
            if (!groups.ContainsKey(root))
            {
                groups[root] = new List<int>();
            }

            groups[root].Add(p);
        }

        var result = groups.Values.Where(g => g.Count >= 2).ToList();
        foreach (var members in result)
        {
            members.Sort((a, b) => peers[a].Pcx.Location.CompareTo(peers[b].Pcx.Location));
        }

        result.Sort((a, b) => peers[a[a.Count - 1]].Pcx.Location.CompareTo(peers[b[b.Count - 1]].Pcx.Location));
        return result;
    }

    private static void Report(RuleContext context, ModelIndex index, Vpc vpc, List<int> group, List<Peer> peers)
    {
        // Reported on the last of the group's peering connections (for two peers: the later one).
        var last = peers[group[group.Count - 1]];
        string Named(Peer p) => $"{Describe.Vpc(index, p.Side.VpcId)} ({string.Join(", ", p.Overlapping.Select(b => b.Value).Distinct().Take(3))}{(p.Overlapping.Select(b => b.Value).Distinct().Count() > 3 ? ", …" : string.Empty)}) over {p.Pcx.Label}";

        string message;
        if (group.Count == 2)
        {
            var first = peers[group[0]];
            message = $"VPC {vpc.Label} is peered with {Named(first)} and with {Named(last)}; the blocks overlap, so traffic for the overlap can reach only one of them.";
        }
        else
        {
            var named = group.Take(MaxNamed).Select(i => Named(peers[i]));
            string more = group.Count > MaxNamed ? string.Format(CultureInfo.InvariantCulture, ", and {0} more", group.Count - MaxNamed) : string.Empty;
            message = string.Format(CultureInfo.InvariantCulture, "VPC {0} is peered with {1} VPCs whose CIDR blocks overlap: {2}{3}; traffic for an overlapping range can reach only one of them.", vpc.Label, group.Count, string.Join(", ", named), more);
        }

        // Related: the other connections and the overlapping blocks of the first peers, at most 2 × MaxNamed.
        var related = new List<RelatedLocation>();
        foreach (int i in group.Take(MaxNamed))
        {
            var p = peers[i];
            if (!ReferenceEquals(p, last))
            {
                related.Add(new RelatedLocation(p.Pcx.Location, $"peering connection {p.Pcx.Label}"));
            }
        }

        foreach (int i in group.Take(MaxNamed))
        {
            var p = peers[i];
            var block = p.Overlapping[0];
            related.Add(new RelatedLocation(block.Location, $"{Describe.Vpc(index, p.Side.VpcId)} CIDR block {block.Value}"));
        }

        if (!group.Take(MaxNamed).Contains(group[group.Count - 1]))
        {
            var block = last.Overlapping[0];
            related.Add(new RelatedLocation(block.Location, $"{Describe.Vpc(index, last.Side.VpcId)} CIDR block {block.Value}"));
        }

        // The key names every member, so the fingerprint changes when the group does (two peers: as before, per pair).
        var key = new StringBuilder(vpc.Id);
        foreach (int i in group)
        {
            key.Append('|').Append(peers[i].Pcx.Id).Append('|').Append(peers[i].Overlapping[0].Value);
        }

        context.Report(last.Pcx.Location, message, last.Pcx, related, key: key.ToString());
    }

    private static int Find(int[] parent, int x)
    {
        while (parent[x] != x)
        {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }

        return x;
    }

    private static void Union(int[] parent, int a, int b)
    {
        int ra = Find(parent, a), rb = Find(parent, b);
        if (ra != rb)
        {
            parent[rb] = ra;
        }
    }

    private sealed class Peer
    {
        public Peer(VpcPeeringConnection pcx, PeeringSide side)
        {
            Pcx = pcx;
            Side = side;
        }

        public VpcPeeringConnection Pcx { get; }

        public PeeringSide Side { get; }

        /// <summary>This peer's blocks that overlap another peer's (in sorted order).</summary>
        public List<CidrValue> Overlapping { get; } = new();
    }
}
