using System.Collections.Generic;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>The final label lines of nodes, clusters and edges, shared by every writer so that all formats say the same.</summary>
internal static class GraphText
{
    public static IReadOnlyList<string> Lines(GraphNode n)
    {
        var lines = new List<string>(n.Lines);
        if (n.Marks.Severity is { } s)
        {
            lines.Add(SeverityWord(s) + " " + n.Marks.RuleText);
        }

        foreach (var b in n.Blocks)
        {
            lines.Add("blocks: " + b);
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(GraphCluster c)
    {
        var lines = new List<string>(c.Lines);
        if (c.Marks.Severity is { } s)
        {
            lines.Add(SeverityWord(s) + " " + c.Marks.RuleText);
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(GraphEdge e)
    {
        var lines = new List<string>(e.Lines);
        if (e.Count > 1 && lines.Count > 0)
        {
            lines[0] += " ×" + e.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (e.Marks.Severity is not null)
        {
            lines.Add(e.Marks.RuleText);
        }

        return lines;
    }

    public static string SeverityWord(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>The colour an edge is drawn in (null: the default).</summary>
    public static string? EdgeColour(GraphEdge e) => e.Kind == EdgeKind.Intent
        ? GraphStyle.IntentColour(e.Intent)
        : e.Marks.Severity is { } s ? GraphStyle.Colour(s) : null;

    public static bool EdgeDashed(GraphEdge e) =>
        e.Kind == EdgeKind.PeeringSide || (e.Kind == EdgeKind.Intent && e.Intent is IntentState.NotEvaluated or IntentState.Unknown);
}
