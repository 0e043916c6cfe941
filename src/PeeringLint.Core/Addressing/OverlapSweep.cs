using System;
using System.Collections.Generic;

namespace PeeringLint.Addressing;

/// <summary>
/// Finds overlapping pairs among tagged CIDR blocks with one sort and one sweep: O(n log n + k) for
/// k reported pairs. Prefixes either nest or are disjoint, so after sorting by (start, prefix length) a
/// block overlaps exactly the still-open blocks on a stack of enclosing blocks.
/// </summary>
public static class OverlapSweep
{
    /// <summary>
    /// Reports each overlapping pair (outer, inner) once, where outer contains inner. Pairs whose
    /// <paramref name="sameGroup"/> returns true are skipped (for example two blocks of the same VPC).
    /// </summary>
    public static void FindOverlaps<T>(IReadOnlyList<(Cidr Cidr, T Tag)> items, Func<T, T, bool> sameGroup, Action<(Cidr Cidr, T Tag), (Cidr Cidr, T Tag)> report)
    {
        if (items.Count < 2)
        {
            return;
        }

        var sorted = new List<(Cidr Cidr, T Tag)>(items);
        sorted.Sort((a, b) => a.Cidr.CompareTo(b.Cidr));
        var open = new List<(Cidr Cidr, T Tag)>();
        foreach (var item in sorted)
        {
            while (open.Count > 0 && !open[open.Count - 1].Cidr.Contains(item.Cidr))
            {
                open.RemoveAt(open.Count - 1);
            }

            foreach (var outer in open)
            {
                if (!sameGroup(outer.Tag, item.Tag))
                {
                    report(outer, item);
                }
            }

            open.Add(item);
        }
    }
}
