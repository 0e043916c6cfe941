using System;
using System.Globalization;

namespace PeeringLint.Model;

/// <summary>
/// Where a model element or value came from: a file path (relative to the invocation root, '/' separators),
/// a 1-based span (end column exclusive, as SARIF expects) and a logical path inside the document
/// (<c>Resources/PeerA/Properties/CidrBlock</c>, <c>RouteTables[0].Routes[2]</c>). Line and column are all it
/// keeps of the span (48 bytes an object; the model holds one per element, route, rule and value, a million at
/// 10,000 VPCs): whoever needs offsets computes them from the document (the analyzer from its syntax tree).
/// </summary>
public sealed record SourceLocation(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn, string? LogicalPath = null)
    : IComparable<SourceLocation>
{
    /// <summary>A location for facts that have no text of their own (an implicit main route table, say).</summary>
    public static SourceLocation None { get; } = new(string.Empty, 0, 0, 0, 0);

    public bool IsNone => StartLine == 0;

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
