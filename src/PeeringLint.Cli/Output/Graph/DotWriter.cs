using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>
/// Graphviz dot: left to right, VPCs as clusters (inside account/region clusters for multi-account inputs),
/// compact labels, <c>concentrate</c> for big inputs. Node and cluster ids become SVG element ids.
/// </summary>
internal static class DotWriter
{
    public static string Write(TopologyGraph g)
    {
        var w = new StringWriter { NewLine = "\n" };
        Write(w, g);
        return w.ToString();
    }

    public static void Write(TextWriter w, TopologyGraph g)
    {
        w.WriteLine("digraph peeringlint {");
        var title = new List<string> { g.Title };
        title.AddRange(g.Subtitle);
        w.WriteLine($"  graph [rankdir=LR, compound=true, newrank=true, nodesep=0.25, ranksep=0.4, pad=0.2, fontname=\"Helvetica\", fontsize=12, labelloc=t, labeljust=l, label={Quote(title)}];");
        w.WriteLine($"  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", color=\"{GraphStyle.Border}\", fontname=\"Helvetica\", fontsize=10, fontcolor=\"{GraphStyle.Text}\", margin=\"0.12,0.06\"];");
        w.WriteLine($"  edge [color=\"#959da5\", fontname=\"Helvetica\", fontsize=9, fontcolor=\"{GraphStyle.Text}\", arrowsize=0.7];");
        foreach (var c in g.Clusters)
        {
            WriteCluster(w, c, "  ");
        }

        foreach (var n in g.Nodes)
        {
            WriteNode(w, n, "  ");
        }

        foreach (var e in g.Edges)
        {
            WriteEdge(w, e);
        }

        w.WriteLine("}");
    }

    private static void WriteCluster(TextWriter w, GraphCluster c, string indent)
    {
        w.WriteLine($"{indent}subgraph cluster_{c.Id} {{");
        string inner = indent + "  ";
        var attrs = new List<string>
        {
            $"id=\"{c.Id}\"",
            "label=" + LeftJustified(GraphText.Lines(c)),
            "labeljust=l",
        };
        switch (c.Kind)
        {
            case ClusterKind.Group:
                attrs.Add("style=\"rounded,filled\"");
                attrs.Add("fillcolor=\"#fafbfc\"");
                attrs.Add("color=\"#d1d5da\"");
                break;
            case ClusterKind.ExternalVpc:
                attrs.Add("style=\"rounded,dashed\"");
                attrs.Add($"color=\"{GraphStyle.Neutral}\"");
                attrs.Add($"fontcolor=\"{GraphStyle.Neutral}\"");
                break;
            default:
                attrs.Add("style=\"rounded,filled\"");
                attrs.Add("fillcolor=\"#f8fbff\"");
                attrs.Add($"color=\"{GraphStyle.Border}\"");
                break;
        }

        if (c.Marks.Severity is { } s)
        {
            attrs.Add($"color=\"{GraphStyle.Colour(s)}\"");
            attrs.Add($"fontcolor=\"{GraphStyle.Colour(s)}\"");
            attrs.Add("penwidth=2");
        }

        var tip = GraphText.Uncut(c.Lines).Concat(c.Tooltip).Concat(c.Marks.Messages).ToList();
        if (tip.Count > 0)
        {
            attrs.Add("tooltip=" + Quote(tip));
        }

        foreach (var a in attrs)
        {
            w.WriteLine($"{inner}{a};");
        }

        foreach (var sub in c.Clusters)
        {
            WriteCluster(w, sub, inner);
        }

        foreach (var n in c.Nodes)
        {
            WriteNode(w, n, inner);
        }

        w.WriteLine($"{indent}}}");
    }

    private static void WriteNode(TextWriter w, GraphNode n, string indent)
    {
        var attrs = new List<string> { $"id=\"{n.Id}\"", "label=" + Quote(GraphText.Lines(n)) };
        string style = "rounded,filled";
        switch (n.Kind)
        {
            case NodeKind.Subnet:
                attrs.Add("fillcolor=\"#f6f8fa\"");
                break;
            case NodeKind.RouteTable:
                attrs.Add("shape=note");
                style = "filled";
                attrs.Add("fillcolor=\"#fffdef\"");
                break;
            case NodeKind.InternetGateway:
                attrs.Add("fillcolor=\"#e6ffed\"");
                break;
            case NodeKind.Peering:
                attrs.Add("shape=hexagon");
                style = "filled";
                attrs.Add("fillcolor=\"#f5f0ff\"");
                break;
            case NodeKind.TransitGateway:
                attrs.Add("shape=doubleoctagon");
                style = "filled";
                attrs.Add("fillcolor=\"#fff5e6\"");
                break;
            case NodeKind.Internet:
                attrs.Add("shape=ellipse");
                style = "filled";
                attrs.Add("fillcolor=\"#e6ffed\"");
                break;
            case NodeKind.Placeholder:
                attrs.Add($"fontcolor=\"{GraphStyle.Neutral}\"");
                break;
        }

        if (n.Dashed)
        {
            style += ",dashed";
            attrs.Add($"color=\"{GraphStyle.Neutral}\"");
        }

        attrs.Add($"style=\"{style}\"");
        if (n.Marks.Severity is { } s)
        {
            attrs.Add($"color=\"{GraphStyle.Colour(s)}\"");
            attrs.Add($"fillcolor=\"{GraphStyle.Fill(s)}\"");
            attrs.Add("penwidth=2");
        }

        if (n.Blocks.Count > 0)
        {
            attrs.Add($"color=\"{GraphStyle.Error}\"");
            attrs.Add("penwidth=3");
        }

        var tip = GraphText.Uncut(n.Lines).Concat(GraphText.Uncut(n.Blocks.Select(b => "blocks: " + b))).Concat(n.Tooltip).Concat(n.Marks.Messages).ToList();
        if (tip.Count > 0)
        {
            attrs.Add("tooltip=" + Quote(tip));
        }

        w.WriteLine($"{indent}{n.Id} [{string.Join(", ", attrs)}];");
    }

    private static void WriteEdge(TextWriter w, GraphEdge e)
    {
        var attrs = new List<string>();
        var lines = GraphText.Lines(e);
        if (lines.Count > 0)
        {
            attrs.Add("label=" + Quote(lines));
        }

        if (GraphText.EdgeColour(e) is { } colour)
        {
            attrs.Add($"color=\"{colour}\"");
            attrs.Add($"fontcolor=\"{colour}\"");
            attrs.Add("penwidth=2");
        }
        else if (e.Kind == EdgeKind.Route)
        {
            attrs.Add($"color=\"{GraphStyle.Border}\"");
        }

        if (GraphText.EdgeDashed(e))
        {
            attrs.Add("style=dashed");
        }

        if (e.Kind == EdgeKind.Association)
        {
            attrs.Add("arrowhead=none");
            attrs.Add("arrowtail=none");
        }

        if (e.Kind == EdgeKind.Intent && e.From != "internet")
        {
            // Intents between instances must not pull the layout apart; the internet may sit on the left.
            attrs.Add("constraint=false");
        }

        var edgeTip = GraphText.Uncut(e.Lines).Concat(e.Marks.Messages).ToList();
        if (edgeTip.Count > 0)
        {
            attrs.Add("tooltip=" + Quote(edgeTip));
        }

        string from = e.From, to = e.To;
        string? tail = e.TailCluster, head = e.HeadCluster;
        if (e.Reversed)
        {
            (from, to) = (to, from);
            (tail, head) = (head, tail);
            attrs.Add("dir=back");
        }

        if (tail is not null)
        {
            attrs.Add($"ltail=cluster_{tail}");
        }

        if (head is not null)
        {
            attrs.Add($"lhead=cluster_{head}");
        }

        w.WriteLine(attrs.Count == 0 ? $"  {from} -> {to};" : $"  {from} -> {to} [{string.Join(", ", attrs)}];");
    }

    /// <summary>Like <see cref="Quote"/> with every line left-justified (cluster labels).</summary>
    internal static string LeftJustified(IEnumerable<string> lines)
    {
        string q = Quote(lines, "\\l");
        return q.Substring(0, q.Length - 1) + "\\l\"";
    }

    /// <summary>Longest piece of one quoted string; longer text is written as "…" + "…" (Graphviz refuses quoted strings over 16,384 characters).</summary>
    internal const int MaxQuoted = 4000;

    /// <summary>
    /// A dot double-quoted string, lines joined by centred line breaks. Control characters are shown escaped
    /// (<see cref="TextEscaping"/>); long text is split into concatenated pieces.
    /// </summary>
    internal static string Quote(IEnumerable<string> lines, string separator = "\\n")
    {
        var sb = new StringBuilder("\"");
        int piece = 0;
        bool first = true;
        foreach (var raw in lines)
        {
            if (!first)
            {
                sb.Append(separator);
                piece += separator.Length;
            }

            first = false;
            string line = TextEscaping.Escape(raw, keepLineBreaks: true);
            for (int i = 0; i < line.Length; i++)
            {
                char ch = line[i];
                if (piece >= MaxQuoted && !char.IsLowSurrogate(ch))
                {
                    sb.Append("\" + \"");
                    piece = 0;
                }

                switch (ch)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    case '\r':
                        break;
                    case '\n':
                        sb.Append("\\n");
                        break;
                    default:
                        sb.Append(ch);
                        break;
                }

                piece++;
            }
        }

        return sb.Append('"').ToString();
    }
}
