using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>The final label lines of nodes, clusters and edges, shared by every writer so that all formats say the same.</summary>
internal static class GraphText
{
    /// <summary>Lines longer than this are wrapped at spaces (keeps LR layouts narrow).</summary>
    public const int MaxLine = 32;

    /// <summary>
    /// A label line (a name, a CIDR list) longer than this is cut, with an ellipsis; the full text goes into the
    /// tooltip (<see cref="Uncut"/>). Keeps every label far below Graphviz's 16,384-character limit.
    /// </summary>
    public const int MaxLabel = 64;

    /// <summary><paramref name="line"/> cut to <see cref="MaxLabel"/> characters (ellipsis included), never inside a surrogate pair.</summary>
    public static string Cut(string line)
    {
        if (line.Length <= MaxLabel)
        {
            return line;
        }

        int keep = MaxLabel - 1;
        if (char.IsHighSurrogate(line[keep - 1]))
        {
            keep--;
        }

        return line.Substring(0, keep) + "…";
    }

    /// <summary>The label lines that <see cref="Cut"/> shortens, in full, for the tooltip.</summary>
    public static IEnumerable<string> Uncut(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            if (line.Length > MaxLabel)
            {
                yield return line;
            }
        }
    }

    public static IReadOnlyList<string> Lines(GraphNode n)
    {
        var lines = Wrap(n.Lines);
        if (n.Marks.Severity is { } s)
        {
            lines.Add(SeverityWord(s) + " " + n.Marks.RuleText);
        }

        foreach (var b in n.Blocks)
        {
            lines.Add(Cut("blocks: " + b));
        }

        return lines;
    }

    public static IReadOnlyList<string> Lines(GraphCluster c)
    {
        var lines = new List<string>(c.Lines.Select(Cut));
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

    /// <summary>Cuts lines to <see cref="MaxLabel"/>, then breaks those longer than <see cref="MaxLine"/> at spaces; words are never split.</summary>
    public static List<string> Wrap(IEnumerable<string> lines)
    {
        var result = new List<string>();
        foreach (var whole in lines)
        {
            string line = Cut(whole);
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
