using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>
/// Mermaid <c>flowchart LR</c> (renders natively in GitHub Markdown): VPCs as subgraphs, labels quoted with
/// <c>#quot;</c>/<c>#lt;</c>/<c>#gt;</c> entity codes, classDef per severity, linkStyle per coloured edge.
/// </summary>
internal static class MermaidWriter
{
    public static string Write(TopologyGraph g)
    {
        var w = new StringWriter { NewLine = "\n" };
        Write(w, g);
        return w.ToString();
    }

    public static void Write(TextWriter w, TopologyGraph g)
    {
        w.WriteLine("flowchart LR");
        w.WriteLine("  %% " + Comment(string.Join(" · ", new[] { g.Title }.Concat(g.Subtitle))));
        var classes = new SortedDictionary<string, List<string>>(System.StringComparer.Ordinal);
        var styles = new List<string>();
        foreach (var c in g.Clusters)
        {
            WriteCluster(w, c, "  ", classes, styles);
        }

        foreach (var n in g.Nodes)
        {
            WriteNode(w, n, "  ", classes);
        }

        var linkStyles = new List<string>();
        for (int i = 0; i < g.Edges.Count; i++)
        {
            var e = g.Edges[i];
            w.WriteLine("  " + Edge(e));
            string idx = i.ToString(CultureInfo.InvariantCulture);
            if (GraphText.EdgeColour(e) is { } colour)
            {
                linkStyles.Add($"  linkStyle {idx} stroke:{colour},stroke-width:2px,color:{colour}");
            }
            else if (e.Kind == EdgeKind.Association || e.Kind == EdgeKind.PeeringSide)
            {
                linkStyles.Add($"  linkStyle {idx} stroke:#959da5");
            }
        }

        w.WriteLine($"  classDef sevError fill:{GraphStyle.Fill(Engine.Severity.Error)},stroke:{GraphStyle.Error},stroke-width:2px,color:{GraphStyle.Text}");
        w.WriteLine($"  classDef sevWarning fill:{GraphStyle.Fill(Engine.Severity.Warning)},stroke:{GraphStyle.Warning},stroke-width:2px,color:{GraphStyle.Text}");
        w.WriteLine($"  classDef sevNote fill:{GraphStyle.Fill(Engine.Severity.Note)},stroke:{GraphStyle.Note},stroke-width:2px,color:{GraphStyle.Text}");
        w.WriteLine($"  classDef blocks fill:{GraphStyle.Fill(Engine.Severity.Error)},stroke:{GraphStyle.Error},stroke-width:4px,color:{GraphStyle.Text}");
        w.WriteLine("  classDef subnet fill:#f6f8fa,stroke:#444d56");
        w.WriteLine("  classDef rtb fill:#fffdef,stroke:#444d56");
        w.WriteLine("  classDef igw fill:#e6ffed,stroke:#444d56");
        w.WriteLine("  classDef pcx fill:#f5f0ff,stroke:#444d56");
        w.WriteLine($"  classDef dashed fill:#ffffff,stroke:{GraphStyle.Neutral},stroke-dasharray:5 5");
        foreach (var kv in classes)
        {
            w.WriteLine($"  class {string.Join(",", kv.Value)} {kv.Key}");
        }

        foreach (var s in styles)
        {
            w.WriteLine(s);
        }

        foreach (var s in linkStyles)
        {
            w.WriteLine(s);
        }
    }

    private static void WriteCluster(TextWriter w, GraphCluster c, string indent, SortedDictionary<string, List<string>> classes, List<string> styles)
    {
        w.WriteLine($"{indent}subgraph {c.Id}[{Label(GraphText.Lines(c))}]");
        foreach (var sub in c.Clusters)
        {
            WriteCluster(w, sub, indent + "  ", classes, styles);
        }

        foreach (var n in c.Nodes)
        {
            WriteNode(w, n, indent + "  ", classes);
        }

        w.WriteLine($"{indent}end");
        if (c.Marks.Severity is { } s)
        {
            styles.Add($"  style {c.Id} fill:{GraphStyle.Fill(s)},stroke:{GraphStyle.Colour(s)},stroke-width:2px");
        }
        else if (c.Kind == ClusterKind.ExternalVpc)
        {
            styles.Add($"  style {c.Id} fill:#ffffff,stroke:{GraphStyle.Neutral},stroke-dasharray:5 5");
        }
        else if (c.Kind == ClusterKind.Group)
        {
            styles.Add($"  style {c.Id} fill:#fafbfc,stroke:#d1d5da");
        }
        else
        {
            styles.Add($"  style {c.Id} fill:#f8fbff,stroke:#444d56");
        }
    }

    private static void WriteNode(TextWriter w, GraphNode n, string indent, SortedDictionary<string, List<string>> classes)
    {
        string label = Label(GraphText.Lines(n));
        string shape = n.Kind switch
        {
            NodeKind.Peering => "{{" + label + "}}",
            NodeKind.InternetGateway => "([" + label + "])",
            NodeKind.Internet => "((" + label + "))",
            NodeKind.TransitGateway => "[[" + label + "]]",
            _ => "[" + label + "]",
        };
        w.WriteLine($"{indent}{n.Id}{shape}");
        string? cls = n.Blocks.Count > 0 ? "blocks"
            : n.Marks.Severity is { } s ? GraphStyle.ClassName(s)
            : n.Dashed ? "dashed"
            : n.Kind switch
            {
                NodeKind.Subnet => "subnet",
                NodeKind.RouteTable => "rtb",
                NodeKind.InternetGateway or NodeKind.Internet => "igw",
                NodeKind.Peering => "pcx",
                _ => null,
            };
        if (cls is not null)
        {
            if (!classes.TryGetValue(cls, out var list))
            {
                classes[cls] = list = new List<string>();
            }

            list.Add(n.Id);
        }
    }

    private static string Edge(GraphEdge e)
    {
        var lines = GraphText.Lines(e);
        string arrow = e.Kind switch
        {
            EdgeKind.Association => "---",
            EdgeKind.PeeringSide => "-.->",
            EdgeKind.Intent when GraphText.EdgeDashed(e) => "-.->",
            EdgeKind.Intent => "==>",
            _ => "-->",
        };
        return lines.Count == 0 ? $"{e.From} {arrow} {e.To}" : $"{e.From} {arrow}|{Label(lines)}| {e.To}";
    }

    /// <summary>A double-quoted Mermaid label: lines joined by &lt;br/&gt;, every special character as an entity code.</summary>
    internal static string Label(IEnumerable<string> lines) => "\"" + string.Join("<br/>", lines.Select(Escape)) + "\"";

    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '"':
                    sb.Append("#quot;");
                    break;
                case '<':
                    sb.Append("#lt;");
                    break;
                case '>':
                    sb.Append("#gt;");
                    break;
                case '#':
                    sb.Append("#35;");
                    break;
                case '&':
                    sb.Append("#amp;");
                    break;
                case '|':
                    sb.Append("#124;");
                    break;
                case '`':
                    sb.Append("#96;");
                    break;
                case '\r':
                    break;
                case '\n':
                    sb.Append(' ');
                    break;
                default:
                    TextEscaping.Append(sb, ch);
                    break;
            }
        }

        return sb.ToString();
    }

    private static string Comment(string text) => TextEscaping.Escape(text.Replace("\n", " ")).Replace("%%", "%");
}
