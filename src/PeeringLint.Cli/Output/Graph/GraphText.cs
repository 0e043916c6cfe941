using System.Collections.Generic;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>The final label lines of nodes, clusters and edges, shared by every writer so that all formats say the same.</summary>
internal static class GraphText
{
    /// <summary>Lines longer than this are wrapped at spaces (keeps LR layouts narrow).</summary>
    public const int MaxLine = 32;

    public static IReadOnlyList<string> Lines(GraphNode n)
    {
        var lines = Wrap(n.Lines);
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
        var lines = Wrap(e.Lines);
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

    /// <summary>Breaks lines longer than <see cref="MaxLine"/> at spaces; words are never split.</summary>
    public static List<string> Wrap(IEnumerable<string> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length <= MaxLine)
            {
                result.Add(line);
                continue;
            }

            var current = new System.Text.StringBuilder();
            foreach (var word in line.Split(' '))
            {
                if (current.Length > 0 && current.Length + 1 + word.Length > MaxLine)
                {
                    result.Add(current.ToString());
                    current.Clear();
                }

                if (current.Length > 0)
                {
                    current.Append(' ');
                }

                current.Append(word);
            }

            result.Add(current.ToString());
        }

        return result;
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
