using System.Collections.Generic;

namespace PeeringLint.Addressing;

/// <summary>
/// A binary trie keyed by prefix bits, one root per address family. Insert is O(prefix length);
/// longest-prefix match and "everything that overlaps" queries walk one root-to-leaf path plus the
/// subtree below the query, never the whole set. Used for route lookup and overlap detection at scale.
/// </summary>
public sealed class PrefixTrie<T>
{
    private readonly Node _v4 = new();
    private readonly Node _v6 = new();

    public int Count { get; private set; }

    public void Add(Cidr cidr, T value)
    {
        var node = Root(cidr.Family);
        for (int i = 0; i < cidr.PrefixLength; i++)
        {
            int bit = cidr.Bit(i);
            ref Node? child = ref bit == 0 ? ref node.Zero : ref node.One;
            child ??= new Node();
            node = child;
        }

        (node.Values ??= new List<T>(1)).Add(value);
        Count++;
    }

    /// <summary>The values stored at the longest prefix that contains <paramref name="cidr"/> (an address is a /32 or /128).</summary>
    public bool TryLongestMatch(Cidr cidr, out IReadOnlyList<T> values, out int matchedPrefix)
    {
        var node = Root(cidr.Family);
        values = System.Array.Empty<T>();
        matchedPrefix = -1;
        for (int i = 0; ; i++)
        {
            if (node.Values is not null)
            {
                values = node.Values;
                matchedPrefix = i;
            }

            if (i == cidr.PrefixLength)
            {
                break;
            }

            var next = cidr.Bit(i) == 0 ? node.Zero : node.One;
            if (next is null)
            {
                break;
            }

            node = next;
        }

        return matchedPrefix >= 0;
    }

    /// <summary>Every stored prefix that contains <paramref name="cidr"/> (shorter first).</summary>
    public IEnumerable<(int Prefix, T Value)> Containing(Cidr cidr)
    {
        var node = Root(cidr.Family);
        for (int i = 0; ; i++)
        {
            if (node.Values is not null)
            {
                foreach (var v in node.Values)
                {
                    yield return (i, v);
                }
            }

            if (i == cidr.PrefixLength)
            {
                yield break;
            }

            var next = cidr.Bit(i) == 0 ? node.Zero : node.One;
            if (next is null)
            {
                yield break;
            }

            node = next;
        }
    }

    /// <summary>Every stored value whose prefix overlaps <paramref name="cidr"/>: those containing it and those inside it.</summary>
    public IEnumerable<T> Overlapping(Cidr cidr)
    {
        var node = Root(cidr.Family);
        for (int i = 0; i < cidr.PrefixLength; i++)
        {
            if (node.Values is not null)
            {
                foreach (var v in node.Values)
                {
                    yield return v;
                }
            }

            var next = cidr.Bit(i) == 0 ? node.Zero : node.One;
            if (next is null)
            {
                yield break;
            }

            node = next;
        }

        var stack = new Stack<Node>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (n.Values is not null)
            {
                foreach (var v in n.Values)
                {
                    yield return v;
                }
            }

            if (n.One is not null)
            {
                stack.Push(n.One);
            }

            if (n.Zero is not null)
            {
                stack.Push(n.Zero);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="test"/> holds for some value <see cref="Overlapping"/> yields; asks in the same order and
    /// stops at the first yes. Allocates nothing (a static lambda and a state value instead of an iterator per query).
    /// </summary>
    public bool AnyOverlapping<TState>(Cidr cidr, TState state, System.Func<TState, T, bool> test)
    {
        var node = Root(cidr.Family);
        for (int i = 0; i < cidr.PrefixLength; i++)
        {
            if (AnyValue(node, state, test))
            {
                return true;
            }

            var next = cidr.Bit(i) == 0 ? node.Zero : node.One;
            if (next is null)
            {
                return false;
            }

            node = next;
        }

        return AnyBelow(node, state, test);
    }

    private static bool AnyBelow<TState>(Node node, TState state, System.Func<TState, T, bool> test) =>
        AnyValue(node, state, test)
        || (node.Zero is not null && AnyBelow(node.Zero, state, test))
        || (node.One is not null && AnyBelow(node.One, state, test));

    private static bool AnyValue<TState>(Node node, TState state, System.Func<TState, T, bool> test)
    {
        if (node.Values is not null)
        {
            foreach (var v in node.Values)
            {
                if (test(state, v))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Splits <paramref name="range"/> into disjoint blocks, in address order, each paired with the values of its
    /// longest matching prefix (empty where nothing matches). Every address of the range lies in exactly one block,
    /// and all its addresses share that longest match. Walks the path to the range and the subtree below it only.
    /// </summary>
    public IReadOnlyList<(Cidr Block, IReadOnlyList<T> Values)> Partition(Cidr range)
    {
        var result = new List<(Cidr, IReadOnlyList<T>)>();
        IReadOnlyList<T> inherited = System.Array.Empty<T>();
        Node? node = Root(range.Family);
        for (int i = 0; i < range.PrefixLength && node is not null; i++)
        {
            if (node.Values is not null)
            {
                inherited = node.Values;
            }

            node = range.Bit(i) == 0 ? node.Zero : node.One;
        }

        if (node is null)
        {
            result.Add((range, inherited));
            return result;
        }

        PartitionBelow(node, range, inherited, result);
        return result;
    }

    /// <summary>
    /// True when <see cref="Partition"/> would return <paramref name="range"/> as one block: every address of it has the
    /// same longest match, whose values are <paramref name="values"/> (empty: nothing matches). Allocates nothing.
    /// </summary>
    public bool TryUniform(Cidr range, out IReadOnlyList<T> values)
    {
        IReadOnlyList<T> inherited = System.Array.Empty<T>();
        Node? node = Root(range.Family);
        for (int i = 0; i < range.PrefixLength && node is not null; i++)
        {
            if (node.Values is not null)
            {
                inherited = node.Values;
            }

            node = range.Bit(i) == 0 ? node.Zero : node.One;
        }

        if (node is not null)
        {
            if (node.Values is not null)
            {
                inherited = node.Values;
            }

            if (node.Zero is not null || node.One is not null)
            {
                if (range.PrefixLength != range.MaxPrefix)
                {
                    values = System.Array.Empty<T>();
                    return false;
                }
            }
        }

        values = inherited;
        return true;
    }

    private static void PartitionBelow(Node node, Cidr block, IReadOnlyList<T> inherited, List<(Cidr, IReadOnlyList<T>)> result)
    {
        if (node.Values is not null)
        {
            inherited = node.Values;
        }

        if ((node.Zero is null && node.One is null) || block.PrefixLength == block.MaxPrefix)
        {
            result.Add((block, inherited));
            return;
        }

        var (zero, one) = Halves(block);
        if (node.Zero is null)
        {
            result.Add((zero, inherited));
        }
        else
        {
            PartitionBelow(node.Zero, zero, inherited, result);
        }

        if (node.One is null)
        {
            result.Add((one, inherited));
        }
        else
        {
            PartitionBelow(node.One, one, inherited, result);
        }
    }

    /// <summary>The two halves of a block one bit longer (the block must be shorter than a single address).</summary>
    private static (Cidr Zero, Cidr One) Halves(Cidr block)
    {
        int p = block.PrefixLength + 1;
        if (block.Family == IpFamily.V4)
        {
            uint a = (uint)block.Lo;
            return (Cidr.FromV4(a, p), Cidr.FromV4(a | (1u << (32 - p)), p));
        }

        ulong hi = block.Hi, lo = block.Lo;
        return p <= 64
            ? (Cidr.FromV6(hi, lo, p), Cidr.FromV6(hi | (1UL << (64 - p)), lo, p))
            : (Cidr.FromV6(hi, lo, p), Cidr.FromV6(hi, lo | (1UL << (128 - p)), p));
    }

    private Node Root(IpFamily family) => family == IpFamily.V4 ? _v4 : _v6;

    private sealed class Node
    {
        public Node? Zero;
        public Node? One;

        /// <summary>Null, or the values stored at this prefix (never empty: <see cref="Add"/> creates it with its first value).</summary>
        public List<T>? Values;
    }
}
