using System;
using System.Globalization;

namespace PeeringLint.Model;

/// <summary>
/// Where a model element or value came from: a file path (relative to the invocation root, '/' separators),
/// a 1-based span (end column exclusive, as SARIF expects) and a logical path inside the document
/// (<c>Resources/PeerA/Properties/CidrBlock</c>, <c>RouteTables[0].Routes[2]</c>).
/// </summary>
public sealed record SourceLocation(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn, string? LogicalPath = null)
    : IComparable<SourceLocation>
{
    /// <summary>A location for facts that have no text of their own (an implicit main route table, say).</summary>
    public static SourceLocation None { get; } = new(string.Empty, 0, 0, 0, 0);

    public bool IsNone => StartLine == 0;

    /// <summary>
    /// Offset of the span's start in the document, or -1 when unknown. The unit depends on the reader: UTF-8
    /// bytes for JSON (Utf8JsonReader), UTF-16 code units for YAML and for the analyzer's C# spans. Use
    /// <see cref="StartLine"/>/<see cref="StartColumn"/> (1-based, UTF-16 columns in every format) to compare across formats.
    /// </summary>
    public int StartOffset { get; init; } = -1;

    /// <summary>Offset just past the span's end, in the same unit as <see cref="StartOffset"/>; -1 when unknown.</summary>
    public int EndOffset { get; init; } = -1;

    public int CompareTo(SourceLocation? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = string.CompareOrdinal(Path, other.Path);
        if (c != 0)
        {
            return c;
        }

        c = StartLine.CompareTo(other.StartLine);
        if (c != 0)
        {
            return c;
        }

        c = StartColumn.CompareTo(other.StartColumn);
        if (c != 0)
        {
            return c;
        }

        c = EndLine.CompareTo(other.EndLine);
        return c != 0 ? c : EndColumn.CompareTo(other.EndColumn);
    }

    public override string ToString() =>
        IsNone ? "(no location)" : string.Format(CultureInfo.InvariantCulture, "{0}:{1}:{2}", Path, StartLine, StartColumn);
}
