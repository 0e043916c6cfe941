using System;
using System.Globalization;
using System.Threading;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// One string for each logical path that repeats across documents. Every account and region of an export has its own
/// <c>RouteTables[3].Routes[2].DestinationCidrBlock</c>: at 10,000 VPCs the model held about a million such strings,
/// most of them copies (bench/README.md). One direct-mapped table for the process, shared by the loader's threads:
/// lossy on collisions, bounded in size (2 MB whatever the number of cores), no locks (a slot is read once and
/// written whole; two threads racing on a slot cost one copy of a path, never a wrong one). 2^18 slots: at 10,000
/// VPCs the model holds 56,681 distinct paths, and 2^15 slots per thread left 36 MiB of copies in it (2^18: 8 MiB). <see cref="Child(string, string)"/> and <see cref="Item"/> look the joined
/// path up before making it, so a path seen before (in this file or an earlier one) costs no allocation.
/// </summary>
internal static class LogicalPaths
{
    /// <summary>One table for the process, 262,144 slots (2 MB): at 10,000 VPCs 56,681 distinct paths; a smaller table lost paths to collisions and made them again.</summary>
    private const int Slots = 1 << 18;
    private const int MaxJoined = 256;

    private static readonly string?[] Table = new string?[Slots];

    /// <summary>Where a path is joined before it is looked up (a variable-size stackalloc per join cost more).</summary>
    [ThreadStatic]
    private static char[]? _buffer;

    public static string Share(string path)
    {
        int at = Hash(path.AsSpan()) & (Slots - 1);
        var held = Volatile.Read(ref Table[at]);
        if (held is not null && string.Equals(held, path, StringComparison.Ordinal))
        {
            return held;
        }

        Volatile.Write(ref Table[at], path);
        return path;
    }

    /// <summary><c>parent + "." + key</c>, shared.</summary>
    public static string Child(string parent, string key)
    {
        int length = parent.Length + 1 + key.Length;
        if (length > MaxJoined)
        {
            return Share(parent + "." + key);
        }

        var buffer = new Span<char>(_buffer ??= new char[MaxJoined + 13], 0, length);
        parent.AsSpan().CopyTo(buffer);
        buffer[parent.Length] = '.';
        key.AsSpan().CopyTo(buffer.Slice(parent.Length + 1));
        return Lookup(buffer);
    }

    /// <summary><c>parent + "[" + index + "]"</c>, shared.</summary>
    public static string Item(string parent, int index)
    {
        if (parent.Length + 13 > MaxJoined)
        {
            return Share(parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }

        var buffer = new Span<char>(_buffer ??= new char[MaxJoined + 13], 0, parent.Length + 13);
        parent.AsSpan().CopyTo(buffer);
        buffer[parent.Length] = '[';
        int digits = 1;
        for (int rest = index / 10; rest != 0; rest /= 10)
        {
            digits++;
        }

        if (index < 0)
        {
            return Share(parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
        }

        int length = parent.Length + 1 + digits;
        for (int at = length - 1, rest = index; at > parent.Length; at--, rest /= 10)
        {
            buffer[at] = (char)('0' + (rest % 10));
        }

        buffer[length] = ']';
        return Lookup(buffer.Slice(0, length + 1));
    }

    /// <summary>
    /// FNV-1a over four characters at a time (the table is direct-mapped and lossy: a collision costs one copy of a path, never time, so no seeded hash is needed).
    /// One character at a time, the multiply chain was most of <see cref="Child"/>'s cost (7.6 % of the read phase in
    /// a trace at 10,000 VPCs).
    /// </summary>
    private static int Hash(ReadOnlySpan<char> text)
    {
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ulong>(text);
        ulong hash = 14695981039346656037;
        foreach (ulong w in words)
        {
            // The shift brings the high characters' bits down: a multiply carries bits upward only.
            hash = (hash ^ w) * 1099511628211;
            hash ^= hash >> 32;
        }

        for (int i = words.Length * 4; i < text.Length; i++)
        {
            hash = (hash ^ text[i]) * 1099511628211;
        }

        return (int)(hash ^ (hash >> 32));
    }

    private static string Lookup(ReadOnlySpan<char> path)
    {
        int at = Hash(path) & (Slots - 1);
        var held = Volatile.Read(ref Table[at]);
        if (held is not null && path.SequenceEqual(held.AsSpan()))
        {
            return held;
        }

        string text = path.ToString();
        Volatile.Write(ref Table[at], text);
        return text;
    }
}
