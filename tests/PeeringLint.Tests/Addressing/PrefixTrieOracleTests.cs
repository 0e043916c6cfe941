using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PeeringLint.Addressing;
using Xunit;

namespace PeeringLint.Tests.Addressing;

/// <summary>
/// Every query of <see cref="PrefixTrie{T}"/> against a linear scan, in IPv4 and in IPv6 around the 64-bit boundary
/// of the address halves (mutation testing, issue 22; docs/quality.md).
/// </summary>
public sealed class PrefixTrieOracleTests
{
    /// <summary>IPv4 blocks in 10.0.0.0/16 and IPv6 blocks of 2001:db8::/32 whose prefix lengths straddle bit 64.</summary>
    private static readonly Gen<Cidr> V4 = Gen.Select(Gen.Int[0, 65535], Gen.OneOf(Gen.Int[14, 32], Gen.Const(0)), (a, p) => Cidr.FromV4((10u << 24) | (uint)a, p));

    private static readonly Gen<Cidr> V6 = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 15], Gen.OneOf(Gen.Int[60, 68], Gen.Int[0, 3].Select(i => new[] { 0, 126, 127, 128 }[i])), Gen.ULong[0, 3],
        (h, l, p, tail) => Cidr.FromV6(0x20010db800000000UL | (uint)h, ((ulong)(uint)l << 60) | tail, p));

    [Fact]
    public void Ipv4_queries_match_a_linear_scan() =>
        Gen.Select(V4.Array[0, 25], V4).Sample((cidrs, range) => Check(cidrs, range), iter: 1500);

    [Fact]
    public void Ipv6_queries_match_a_linear_scan() =>
        Gen.Select(V6.Array[0, 25], V6).Sample((cidrs, range) => Check(cidrs, range), iter: 1500);

    [Fact]
    public void The_families_have_separate_roots()
    {
        var trie = new PrefixTrie<string>();
        trie.Add(Cidr.AnyV4, "v4 default");
        trie.Add(Cidr.AnyV6, "v6 default");
        Assert.Equal(2, trie.Count);
        Assert.True(trie.TryLongestMatch(Cidr.Parse("2001:db8::/32"), out var v6, out int p6));
        Assert.Equal(new[] { "v6 default" }, v6);
        Assert.Equal(0, p6);
        Assert.Equal(new[] { "v4 default" }, trie.Overlapping(Cidr.Parse("10.0.0.0/8")).ToArray());
        Assert.Equal(new[] { (0, "v6 default") }, trie.Containing(Cidr.Parse("::1/128")).ToArray());
        Assert.False(new PrefixTrie<int>().TryLongestMatch(Cidr.AnyV4, out var none, out int pn));
        Assert.Empty(none);
        Assert.Equal(-1, pn);
    }

    private static void Check(Cidr[] cidrs, Cidr range)
    {
        var trie = new PrefixTrie<int>();
        for (int i = 0; i < cidrs.Length; i++)
        {
            trie.Add(cidrs[i], i);
        }

        Assert.Equal(cidrs.Length, trie.Count);
        var indexes = Enumerable.Range(0, cidrs.Length).ToArray();

        // Containing: shorter first, insertion order within a prefix.
        var containing = indexes.Where(i => cidrs[i].Contains(range)).OrderBy(i => cidrs[i].PrefixLength).Select(i => (cidrs[i].PrefixLength, i)).ToArray();
        Assert.Equal(containing, trie.Containing(range).ToArray());

        // Longest match: the values of the longest containing prefix.
        bool found = trie.TryLongestMatch(range, out var values, out int matched);
        Assert.Equal(containing.Length > 0, found);
        Assert.Equal(found ? containing[^1].PrefixLength : -1, matched);
        Assert.Equal(containing.Where(c => c.PrefixLength == matched).Select(c => c.i).ToArray(), values.ToArray());

        // Overlapping: containing and contained, each once.
        Assert.Equal(indexes.Where(i => cidrs[i].Overlaps(range)).ToArray(), trie.Overlapping(range).OrderBy(i => i).ToArray());

        // AnyOverlapping: asks about the values Overlapping yields, in its order, and stops at the first yes.
        var overlapping = trie.Overlapping(range).ToArray();
        var asked = new List<int>();
        Assert.False(trie.AnyOverlapping(range, asked, static (list, v) =>
        {
            list.Add(v);
            return false;
        }));
        Assert.Equal(overlapping, asked.ToArray());
        foreach (int stop in overlapping)
        {
            asked.Clear();
            Assert.True(trie.AnyOverlapping(range, (asked, stop), static (s, v) =>
            {
                s.asked.Add(v);
                return v == s.stop;
            }));
            Assert.Equal(overlapping.TakeWhile(v => v != stop).Append(stop).ToArray(), asked.ToArray());
        }

        // Partition: disjoint blocks in address order, covering the range, each with its addresses' longest match.
        var parts = trie.Partition(range);
        var next = range;
        bool first = true;
        (ulong Hi, ulong Lo) end = default;
        foreach (var (block, blockValues) in parts)
        {
            Assert.True(range.Contains(block), $"{block} in {range}");
            if (!first)
            {
                Assert.Equal(CidrBlocks.AddPower(end.Hi, end.Lo, 0), (block.Hi, block.Lo));
            }
            else
            {
                Assert.Equal((range.Hi, range.Lo), (block.Hi, block.Lo));
            }

            first = false;
            end = block.Last;
            foreach (var edge in new[] { (block.Hi, block.Lo), block.Last })
            {
                var address = range.Family == IpFamily.V4 ? Cidr.FromV4((uint)edge.Item2, 32) : Cidr.FromV6(edge.Item1, edge.Item2, 128);
                var hits = indexes.Where(i => cidrs[i].Contains(address)).ToArray();
                int best = hits.Length == 0 ? -1 : hits.Max(i => cidrs[i].PrefixLength);
                Assert.Equal(hits.Where(i => cidrs[i].PrefixLength == best).ToArray(), blockValues.ToArray());
            }
        }

        Assert.Equal(range.Last, end);

        // TryUniform: exactly when the partition is one block, with that block's values.
        bool uniform = trie.TryUniform(range, out var uniformValues);
        Assert.Equal(parts.Count == 1, uniform);
        Assert.Equal(uniform ? parts[0].Values.ToArray() : System.Array.Empty<int>(), uniformValues.ToArray());
    }
}
