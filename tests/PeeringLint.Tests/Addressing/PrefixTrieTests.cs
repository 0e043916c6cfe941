using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PeeringLint.Addressing;
using Xunit;

namespace PeeringLint.Tests.Addressing;

public sealed class PrefixTrieTests
{
    /// <summary>Longest-prefix match against a linear scan over random tables in the 10.0.0.0/16 space.</summary>
    [Fact]
    public void Longest_match_equals_linear_scan() =>
        Gen.Select(Gen.Select(Gen.Int[0, 65535], Gen.Int[16, 32]).Array[1, 40], Gen.Int[0, 65535]).Sample((routes, probe) =>
        {
            var trie = new PrefixTrie<int>();
            var cidrs = routes.Select(r => Cidr.FromV4((10u << 24) | (uint)r.Item1, r.Item2)).ToArray();
            for (int i = 0; i < cidrs.Length; i++)
            {
                trie.Add(cidrs[i], i);
            }

            var address = Cidr.FromV4((10u << 24) | (uint)probe, 32);
            int bestPrefix = -1;
            int best = -1;
            for (int i = 0; i < cidrs.Length; i++)
            {
                if (cidrs[i].Contains(address) && cidrs[i].PrefixLength > bestPrefix)
                {
                    (bestPrefix, best) = (cidrs[i].PrefixLength, i);
                }
            }

            bool found = trie.TryLongestMatch(address, out var values, out int prefix);
            Assert.Equal(best >= 0, found);
            if (found)
            {
                Assert.Equal(bestPrefix, prefix);
                Assert.Equal(best, values[0]);
            }
        }, iter: 2000);

    /// <summary>
    /// Partition of a random range: blocks in address order, disjoint, covering the range exactly, and every address
    /// of a block (its first and last, checked against the linear scan) has that block's longest match.
    /// </summary>
    [Fact]
    public void Partition_covers_the_range_with_blocks_that_share_their_longest_match() =>
        Gen.Select(Gen.Select(Gen.Int[0, 65535], Gen.Int[16, 30]).Array[0, 30], Gen.Int[0, 65535], Gen.Int[16, 28]).Sample((routes, start, rangePrefix) =>
        {
            var trie = new PrefixTrie<int>();
            var cidrs = routes.Select(r => Cidr.FromV4((10u << 24) | (uint)r.Item1, r.Item2)).ToArray();
            for (int i = 0; i < cidrs.Length; i++)
            {
                trie.Add(cidrs[i], i);
            }

            var range = Cidr.FromV4((10u << 24) | (uint)start, rangePrefix);
            var parts = trie.Partition(range);
            ulong next = range.Lo;
            foreach (var (block, values) in parts)
            {
                Assert.True(range.Contains(block));
                Assert.Equal(next, block.Lo);
                next = block.Last.Lo + 1;
                foreach (var edge in new[] { block.Lo, block.Last.Lo })
                {
                    var address = Cidr.FromV4((uint)edge, 32);
                    int bestPrefix = -1;
                    foreach (var c in cidrs)
                    {
                        if (c.Contains(address) && c.PrefixLength > bestPrefix)
                        {
                            bestPrefix = c.PrefixLength;
                        }
                    }

                    var expected = Enumerable.Range(0, cidrs.Length).Where(i => cidrs[i].Contains(address) && cidrs[i].PrefixLength == bestPrefix).ToArray();
                    Assert.Equal(expected, values.ToArray());
                }
            }

            Assert.Equal(range.Last.Lo + 1, next);
        }, iter: 1000);

    [Fact]
    public void Partition_of_an_ipv6_range_names_the_uncovered_blocks()
    {
        var trie = new PrefixTrie<string>();
        trie.Add(Cidr.Parse("::/0"), "default");
        trie.Add(Cidr.Parse("2600:1f18:2::/64"), "pcx");
        var parts = trie.Partition(Cidr.Parse("2600:1f18:2::/62"));
        Assert.Equal(
            new[] { "2600:1f18:2::/64 pcx", "2600:1f18:2:1::/64 default", "2600:1f18:2:2::/63 default" },
            parts.Select(p => p.Block + " " + string.Join(",", p.Values)).ToArray());
    }

    [Fact]
    public void Overlapping_returns_containing_and_contained()
    {
        var trie = new PrefixTrie<string>();
        foreach (var c in new[] { "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24", "10.2.0.0/16", "192.168.0.0/16" })
        {
            trie.Add(Cidr.Parse(c), c);
        }

        var hits = trie.Overlapping(Cidr.Parse("10.1.0.0/16")).OrderBy(s => s).ToArray();
        Assert.Equal(new[] { "10.0.0.0/8", "10.1.0.0/16", "10.1.2.0/24" }, hits);
    }

    [Fact]
    public void Sweep_finds_exactly_the_overlapping_pairs() =>
        Gen.Select(Gen.Int[0, 255], Gen.Int[24, 32]).Array[0, 30].Sample(items =>
        {
            var list = items.Select((x, i) => (Cidr.FromV4((uint)x.Item1, x.Item2), i)).ToList();
            var found = new HashSet<(int, int)>();
            OverlapSweep.FindOverlaps<int>(list, (a, b) => false, (o, n) => found.Add((System.Math.Min(o.Tag, n.Tag), System.Math.Max(o.Tag, n.Tag))));
            var expected = new HashSet<(int, int)>();
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    if (list[i].Item1.Overlaps(list[j].Item1))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            Assert.Equal(expected.OrderBy(p => p), found.OrderBy(p => p));
        }, iter: 1000);
}
