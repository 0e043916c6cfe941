using System;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// One string for each logical path that repeats across documents. Every account and region of an export has its own
/// <c>RouteTables[3].Routes[2].DestinationCidrBlock</c>: at 10,000 VPCs the model held about a million such strings,
/// most of them copies (bench/README.md). A small direct-mapped table per thread, like the JSON string cache: lossy on
/// collisions, bounded in size, no locks.
/// </summary>
internal static class LogicalPaths
{
    private const int Slots = 8192;

    [ThreadStatic]
    private static string?[]? _table;

    public static string Share(string path)
    {
        var table = _table ??= new string?[Slots];
        ref var slot = ref table[(path.GetHashCode() & int.MaxValue) & (Slots - 1)];
        if (slot is not null && string.Equals(slot, path, StringComparison.Ordinal))
        {
            return slot;
        }

        slot = path;
        return path;
    }
}
