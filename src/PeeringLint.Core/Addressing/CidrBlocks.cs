using System.Collections.Generic;

namespace PeeringLint.Addressing;

/// <summary>
/// Smaller blocks carved out of a larger one, as AWS's <c>Fn::Cidr</c> (and the CDK's subnet split) lay them out:
/// consecutive, ascending from the block's network address.
/// </summary>
public static class CidrBlocks
{
    /// <summary>
    /// The first <paramref name="count"/> blocks of length <paramref name="prefix"/> inside <paramref name="block"/>,
    /// in ascending order from its network address. The caller checks that <paramref name="prefix"/> is at least the
    /// block's own and that the block holds <paramref name="count"/> of them.
    /// </summary>
    public static IReadOnlyList<Cidr> Consecutive(Cidr block, int prefix, int count)
    {
        int hostBits = block.MaxPrefix - prefix;
        var list = new List<Cidr>(count);
        ulong hi = block.Hi;
        ulong lo = block.Lo;
        for (int i = 0; i < count; i++)
        {
            list.Add(block.Family == IpFamily.V4 ? Cidr.FromV4((uint)lo, prefix) : Cidr.FromV6(hi, lo, prefix));
            (hi, lo) = AddPower(hi, lo, hostBits);
        }

        return list;
    }

    /// <summary>(hi, lo) + 2^power as a 128-bit number.</summary>
    internal static (ulong Hi, ulong Lo) AddPower(ulong hi, ulong lo, int power)
    {
        if (power >= 64)
        {
            return power >= 128 ? (hi, lo) : (hi + (1UL << (power - 64)), lo);
        }

        ulong add = 1UL << power;
        ulong sum = lo + add;
        return (sum < lo ? hi + 1 : hi, sum);
    }
}
