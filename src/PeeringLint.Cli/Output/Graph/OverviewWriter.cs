using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>
/// Draws an <see cref="Overview"/>: SVG written here from the computed layout (no Graphviz needed), dot with the
/// positions pinned (<c>neato -n2</c>), and Mermaid. Ids match the topology view (<c>vpc_…</c>, <c>pcx_…</c>,
/// <c>tgw_…</c>); SVG elements carry <c>data-vpc</c>, <c>data-rules</c> and <c>data-sev</c> for the HTML report's
/// search and filters.
/// </summary>
internal static class OverviewWriter
{
    private const int NameChars = 24;
    private const int LineChars = 28;
    private const int TooltipMessages = 12;

    public static string Svg(Overview o)
    {
        var w = new StringWriter { NewLine = "\n" };
        Svg(w, o);
        return w.ToString();
    }

    public static void Svg(TextWriter w, Overview o)
    {
        string W = N(o.Width), H = N(o.Height);
        w.WriteLine("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>");
        w.WriteLine($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"overview\" width=\"{W}pt\" height=\"{H}pt\" viewBox=\"0 0 {W} {H}\" font-family=\"Helvetica,Arial,sans-serif\">");
        w.WriteLine($"<title>{X(o.Title)}</title>");
        w.WriteLine($"<rect class=\"background\" x=\"0\" y=\"0\" width=\"{W}\" height=\"{H}\" fill=\"#ffffff\"/>");
        w.WriteLine($"<text x=\"{N(OverviewLayout.Margin)}\" y=\"{N(OverviewLayout.Margin + 14)}\" font-size=\"16\" font-weight=\"bold\" fill=\"{GraphStyle.Text}\">{X(GraphText.Cut(o.Title))}</text>");
        double sy = OverviewLayout.Margin + 32;
        foreach (var s in o.Subtitle)
        {
            w.WriteLine($"<text x=\"{N(OverviewLayout.Margin)}\" y=\"{N(sy)}\" font-size=\"11\" fill=\"{GraphStyle.Neutral}\">{X(s)}</text>");
            sy += 14;
        }

        w.WriteLine("<g class=\"groups\">");
        foreach (var g in o.Groups)
        {
            string fill = g.Key == Overview.ExternalGroup ? "#ffffff" : g.Key == Overview.HubGroup ? "#fffaf2" : "#f6f8fa";
            string dash = g.Key == Overview.ExternalGroup ? " stroke-dasharray=\"5 4\"" : string.Empty;
            w.WriteLine($"<g id=\"{g.NodeId}\" class=\"group\"><rect x=\"{N(g.X)}\" y=\"{N(g.Y)}\" width=\"{N(g.Width)}\" height=\"{N(g.Height)}\" rx=\"6\" fill=\"{fill}\" stroke=\"#d1d5da\"{dash}/>"
                + $"<text x=\"{N(g.X + OverviewLayout.GroupPad)}\" y=\"{N(g.Y + OverviewLayout.GroupPad + 9)}\" font-size=\"11\" font-weight=\"600\" fill=\"#586069\">{X(g.Title)}</text></g>");
        }

        w.WriteLine("</g>");
        w.WriteLine("<g class=\"links\">");

        // The more lines, the fainter the unremarkable ones, so that those with a finding stand out.
        int spokes = o.Hubs.Sum(h => h.Spokes.Count);
        string spokeOpacity = O(Math.Clamp(0.18 * Math.Sqrt(100.0 / Math.Max(1, spokes)), 0.08, 0.18));
        double quiet = Math.Clamp(Math.Sqrt(200.0 / Math.Max(1, o.Peerings.Count)), 0.5, 1.0);
        foreach (var hub in o.Hubs)
        {
            foreach (var v in hub.Spokes)
            {
                w.WriteLine($"<path class=\"spoke\" data-a=\"{v.NodeId}\" data-b=\"{hub.NodeId}\" d=\"M{N(v.X)},{N(v.Y)} L{N(hub.X)},{N(hub.Y)}\" fill=\"none\" stroke=\"#e36209\" stroke-opacity=\"{spokeOpacity}\" stroke-width=\"0.8\"/>");
            }
        }

        foreach (var (a, b, label) in o.HubLinks)
        {
            w.WriteLine($"<path class=\"hublink\" data-a=\"{a.NodeId}\" data-b=\"{b.NodeId}\" d=\"{Curve(a.X, a.Y, b.X, b.Y)}\" fill=\"none\" stroke=\"#e36209\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{X(label)}</title></path>");
        }

        // Peerings with findings last, so that they are drawn on top.
        foreach (var p in o.Peerings.OrderBy(p => p.Marks.Severity.HasValue ? 1 + (int)p.Marks.Severity.Value : 0))
        {
            var (stroke, width, dash, opacity) = PeeringStyle(p);
            if (p.Marks.Severity is null)
            {
                opacity *= quiet;
            }

            string cls = "peering st-" + p.StatusText + (p.Marks.Severity is { } s ? " " + GraphStyle.ClassName(s) : string.Empty);
            w.Write($"<path id=\"{p.NodeId}\" class=\"{cls}\" data-a=\"{p.Requester.NodeId}\" data-b=\"{p.Accepter.NodeId}\"{Data(p.Marks)} d=\"{Curve(p.Requester.X, p.Requester.Y, p.Accepter.X, p.Accepter.Y)}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
            if (dash is not null)
            {
                w.Write($" stroke-dasharray=\"{dash}\"");
            }

            if (opacity < 1)
            {
                w.Write($" stroke-opacity=\"{O(opacity)}\"");
            }

            w.WriteLine($"><title>{X(string.Join("\n", PeeringTooltip(p)))}</title></path>");
        }

        w.WriteLine("</g>");
        w.WriteLine("<g class=\"nodes\">");
        foreach (var hub in o.Hubs)
        {
            double x = hub.X - (OverviewLayout.NodeWidth / 2), y = hub.Y - (OverviewLayout.NodeHeight / 2);
            string stroke = hub.Marks.Severity is { } s ? GraphStyle.Colour(s) : "#e36209";
            var tip = new List<string> { "transit gateway " + hub.Id };
            if (hub.Name is not null)
            {
                tip.Insert(0, hub.Name);
            }

            tip.Add(Plural(hub.Spokes.Count, "attached VPC") + " in the input");
            tip.AddRange(Messages(hub.Marks));
            w.WriteLine($"<g id=\"{hub.NodeId}\" class=\"hub{SevClass(hub.Marks)}\" data-tgw=\"{X(hub.Id)}\"{Data(hub.Marks)}><title>{X(string.Join("\n", tip))}</title>"
                + $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(OverviewLayout.NodeWidth)}\" height=\"{N(OverviewLayout.NodeHeight)}\" rx=\"14\" fill=\"#fff5e6\" stroke=\"{stroke}\" stroke-width=\"2\"/>"
                + $"<rect x=\"{N(x + 3)}\" y=\"{N(y + 3)}\" width=\"{N(OverviewLayout.NodeWidth - 6)}\" height=\"{N(OverviewLayout.NodeHeight - 6)}\" rx=\"11\" fill=\"none\" stroke=\"{stroke}\"/>"
                + Text(hub.X, y + 15, 11, "600", GraphStyle.Text, Fit(hub.Name ?? hub.Id, NameChars), middle: true)
                + Text(hub.X, y + 28, 10, null, "#586069", hub.Name is null ? "transit gateway" : Fit(hub.Id, LineChars), middle: true)
                + Text(hub.X, y + 41, 10, null, "#586069", Plural(hub.Spokes.Count, "attachment"), middle: true)
                + "</g>");
        }

        foreach (var v in o.Vpcs)
        {
            double x = v.X - (OverviewLayout.NodeWidth / 2), y = v.Y - (OverviewLayout.NodeHeight / 2);
            string fill = v.Marks.Severity is { } s ? GraphStyle.Fill(s) : v.External ? "#ffffff" : "#f8fbff";
            string stroke = v.Marks.Severity is { } s2 ? GraphStyle.Colour(s2) : v.External ? GraphStyle.Neutral : GraphStyle.Border;
            string sw = v.Marks.Severity is null ? "1" : "2";
            string dash = v.External ? " stroke-dasharray=\"4 3\"" : string.Empty;
            string cidr = v.Cidrs.Count == 0 ? "CIDR unknown" : v.Cidrs[0] + (v.Cidrs.Count > 1 ? " +" + (v.Cidrs.Count - 1).ToString(CultureInfo.InvariantCulture) : string.Empty);
            var lines = new List<string>();
            if (v.Name is not null)
            {
                lines.Add(v.Id);
            }
            else if (v.External)
            {
                lines.Add("not in the input");
            }

            lines.Add(cidr);
            if (v.Marks.Severity is not null)
            {
                lines.Add(Sev(v.Marks));
            }

            if (lines.Count > 2)
            {
                lines[1] += " · " + lines[2];
                lines.RemoveAt(2);
            }

            string cls = (v.External ? "vpc ext" : "vpc") + SevClass(v.Marks);
            w.WriteLine($"<g id=\"{v.NodeId}\" class=\"{cls}\" data-vpc=\"{X(v.Id)}\" data-name=\"{X(v.Name ?? v.Id)}\" data-cidrs=\"{X(string.Join(" ", v.Cidrs))}\"{Data(v.Marks)}><title>{X(string.Join("\n", VpcTooltip(v)))}</title>"
                + $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(OverviewLayout.NodeWidth)}\" height=\"{N(OverviewLayout.NodeHeight)}\" rx=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{sw}\"{dash}/>"
                + Text(x + 6, y + 15, 11, "600", GraphStyle.Text, Fit(v.Name ?? v.Id, NameChars))
                + string.Concat(lines.Select((l, i) => Text(x + 6, y + 28 + (13 * i), 10, null, "#586069", Fit(l, LineChars))))
                + "</g>");
        }

        w.WriteLine("</g>");
        w.WriteLine("</svg>");
    }

    private static string Sev(FindingMarks m) => m.Severity is { } s ? GraphText.SeverityWord(s) + " " + m.RuleText : string.Empty;

    private static string SevClass(FindingMarks m) => m.Severity is { } s ? " " + GraphStyle.ClassName(s) : string.Empty;

    private static string Data(FindingMarks m) =>
        m.Severity is { } s ? $" data-sev=\"{GraphText.SeverityWord(s)}\" data-rules=\"{X(m.RuleText)}\"" : string.Empty;

    /// <summary>Colour by status; a finding on the peering overrides it with the severity colour.</summary>
    internal static (string Stroke, double Width, string? Dash, double Opacity) PeeringStyle(OverviewPeering p)
    {
        if (p.Marks.Severity is { } s)
        {
            return (GraphStyle.Colour(s), 2.2, p.Status == PeeringStatus.Active ? null : "6 3", 0.95);
        }

        return p.Status switch
        {
            PeeringStatus.Active => ("#6a8caf", 1.1, null, 0.55),
            PeeringStatus.PendingAcceptance or PeeringStatus.InitiatingRequest or PeeringStatus.Provisioning => ("#6f42c1", 1.6, "6 3", 0.9),
            PeeringStatus.Unknown => (GraphStyle.Neutral, 1.2, "3 3", 0.8),
            _ => ("#959da5", 1.2, "2 3", 0.8),
        };
    }

    internal static string RoutesText(PeeringRoutes r) => r switch
    {
        PeeringRoutes.Both => "routes on both sides",
        PeeringRoutes.OneSide => "routes on one side only (no return route)",
        PeeringRoutes.None => "no routes",
        _ => "routes unknown (a side is not in the input)",
    };

    private static IEnumerable<string> PeeringTooltip(OverviewPeering p)
    {
        if (p.Name is not null)
        {
            yield return p.Name;
        }

        yield return "peering " + p.Id + " · " + p.StatusText;
        yield return (p.Requester.Name ?? p.Requester.Id) + " ↔ " + (p.Accepter.Name ?? p.Accepter.Id);
        yield return RoutesText(p.Routes) + (p.Overlapping ? " · CIDRs overlap" : string.Empty);
        foreach (var m in Messages(p.Marks))
        {
            yield return m;
        }
    }

    private static IEnumerable<string> VpcTooltip(OverviewVpc v)
    {
        if (v.Name is not null)
        {
            yield return v.Name;
        }

        yield return (v.External ? "VPC not in the input " : "VPC ") + v.Id;
        yield return v.Cidrs.Count == 0 ? "CIDR unknown" : string.Join(", ", v.Cidrs);
        foreach (var m in Messages(v.Marks))
        {
            yield return m;
        }
    }

    private static IEnumerable<string> Messages(FindingMarks m)
    {
        foreach (var msg in m.Messages.Take(TooltipMessages))
        {
            yield return msg;
        }

        if (m.Messages.Count > TooltipMessages)
        {
            yield return $"… and {m.Messages.Count - TooltipMessages} more";
        }
    }

    /// <summary>A gentle quadratic curve (parallel lines stay apart), bent to the left of a → b.</summary>
    private static string Curve(double x1, double y1, double x2, double y2)
    {
        double mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1;
        const double bend = 0.12;
        return $"M{N(x1)},{N(y1)} Q{N(mx - (dy * bend))},{N(my + (dx * bend))} {N(x2)},{N(y2)}";
    }

    private static string Text(double x, double y, int size, string? weight, string fill, string text, bool middle = false) =>
        $"<text x=\"{N(x)}\" y=\"{N(y)}\" font-size=\"{size}\"{(weight is null ? string.Empty : $" font-weight=\"{weight}\"")} fill=\"{fill}\"{(middle ? " text-anchor=\"middle\"" : string.Empty)}>{X(text)}</text>";

    /// <summary>Cut to fit the fixed-size box (the full text is in the tooltip).</summary>
    private static string Fit(string s, int chars)
    {
        string t = TextEscaping.Escape(s);
        if (t.Length <= chars)
        {
            return t;
        }

        int keep = chars - 1;
        if (char.IsHighSurrogate(t[keep - 1]))
        {
            keep--;
        }

        return t.Substring(0, keep) + "…";
    }

    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");

    /// <summary>An opacity, two decimals.</summary>
    private static string O(double d) => Math.Round(d, 2).ToString("0.##", CultureInfo.InvariantCulture);

    internal static string N(double d) => Math.Round(d, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>XML text and attribute escaping; control characters shown escaped (<see cref="TextEscaping"/>).</summary>
    internal static string X(string s) => WebUtility.HtmlEncode(TextEscaping.Escape(s, keepLineBreaks: true));

    // ---- dot ----

    public static string Dot(Overview o)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("graph peeringlint_overview {");
        w.WriteLine("  // Positions computed by peeringlint (pinned): render with `neato -n2 -Tsvg`, or use --format svg/html.");
        var title = new List<string> { o.Title };
        title.AddRange(o.Subtitle);
        w.WriteLine($"  graph [layout=neato, inputscale=72, notranslate=true, outputorder=edgesfirst, splines=true, overlap=true, pad=0.2, fontname=\"Helvetica\", fontsize=12, labelloc=t, labeljust=l, label={DotWriter.Quote(title)}];");
        w.WriteLine($"  node [shape=box, style=\"rounded,filled\", fixedsize=true, width={N(OverviewLayout.NodeWidth / 72)}, height={N(OverviewLayout.NodeHeight / 72)}, fillcolor=\"#f8fbff\", color=\"{GraphStyle.Border}\", fontname=\"Helvetica\", fontsize=9, fontcolor=\"{GraphStyle.Text}\", pin=true];");
        w.WriteLine("  edge [fontname=\"Helvetica\", fontsize=8];");
        foreach (var g in o.Groups)
        {
            w.WriteLine($"  subgraph cluster_{g.NodeId} {{");
            w.WriteLine($"    id=\"{g.NodeId}\"; label={DotWriter.Quote(new[] { g.Label })};");
            foreach (var hub in g.Hubs)
            {
                var attrs = new List<string>
                {
                    $"id=\"{hub.NodeId}\"",
                    "label=" + DotWriter.Quote(new[] { Fit(hub.Name ?? hub.Id, NameChars), Plural(hub.Spokes.Count, "attachment") }),
                    "shape=doubleoctagon", "style=filled", "fillcolor=\"#fff5e6\"",
                    Pos(o, hub.X, hub.Y),
                };
                attrs.AddRange(MarkAttrs(hub.Marks));
                w.WriteLine($"    {hub.NodeId} [{string.Join(", ", attrs)}];");
            }

            foreach (var v in g.Vpcs)
            {
                var lines = new List<string> { Fit(v.Name ?? v.Id, NameChars) };
                if (v.Name is not null)
                {
                    lines.Add(v.Id);
                }

                lines.Add(v.Cidrs.Count == 0 ? "CIDR unknown" : Fit(string.Join(", ", v.Cidrs), LineChars));
                var attrs = new List<string> { $"id=\"{v.NodeId}\"", "label=" + DotWriter.Quote(lines), Pos(o, v.X, v.Y), "tooltip=" + DotWriter.Quote(VpcTooltip(v)) };
                if (v.External)
                {
                    attrs.Add("style=\"rounded,dashed\"");
                }

                attrs.AddRange(MarkAttrs(v.Marks));
                w.WriteLine($"    {v.NodeId} [{string.Join(", ", attrs)}];");
            }

            w.WriteLine("  }");
        }

        foreach (var hub in o.Hubs)
        {
            foreach (var v in hub.Spokes)
            {
                w.WriteLine($"  {v.NodeId} -- {hub.NodeId} [color=\"#f5c89a\"];");
            }
        }

        foreach (var (a, b, label) in o.HubLinks)
        {
            w.WriteLine($"  {a.NodeId} -- {b.NodeId} [color=\"#e36209\", style=dashed, penwidth=2, tooltip={DotWriter.Quote(new[] { label })}];");
        }

        foreach (var p in o.Peerings)
        {
            var (stroke, width, dash, _) = PeeringStyle(p);
            var attrs = new List<string> { $"id=\"{p.NodeId}\"", $"color=\"{stroke}\"", $"penwidth={N(width)}", "tooltip=" + DotWriter.Quote(PeeringTooltip(p)) };
            if (dash is not null)
            {
                attrs.Add(dash.StartsWith("2", StringComparison.Ordinal) ? "style=dotted" : "style=dashed");
            }

            w.WriteLine($"  {p.Requester.NodeId} -- {p.Accepter.NodeId} [{string.Join(", ", attrs)}];");
        }

        w.WriteLine("}");
        return w.ToString();
    }

    private static string Pos(Overview o, double x, double y) => $"pos=\"{N(x)},{N(o.Height - y)}!\"";

    private static IEnumerable<string> MarkAttrs(FindingMarks m)
    {
        if (m.Severity is { } s)
        {
            yield return $"color=\"{GraphStyle.Colour(s)}\"";
            yield return $"fillcolor=\"{GraphStyle.Fill(s)}\"";
            yield return "penwidth=2";
        }
    }

    // ---- Mermaid ----

    public static string Mermaid(Overview o)
    {
        var w = new StringWriter { NewLine = "\n" };
        w.WriteLine("flowchart LR");
        w.WriteLine("  %% " + TextEscaping.Escape(string.Join(" · ", new[] { o.Title }.Concat(o.Subtitle)).Replace("\n", " ")).Replace("%%", "%"));
        var classes = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Class(string cls, string id)
        {
            if (!classes.TryGetValue(cls, out var l))
            {
                classes[cls] = l = new List<string>();
            }

            l.Add(id);
        }

        foreach (var g in o.Groups)
        {
            w.WriteLine($"  subgraph {g.NodeId}[{MermaidWriter.Label(new[] { g.Label })}]");
            foreach (var hub in g.Hubs)
            {
                w.WriteLine($"    {hub.NodeId}[[{MermaidWriter.Label(new[] { hub.Name ?? hub.Id, Plural(hub.Spokes.Count, "attachment") })}]]");
                Class(hub.Marks.Severity is { } s ? GraphStyle.ClassName(s) : "hub", hub.NodeId);
            }

            foreach (var v in g.Vpcs)
            {
                var lines = new List<string> { v.Name ?? v.Id };
                if (v.Name is not null)
                {
                    lines.Add(v.Id);
                }

                lines.Add(v.Cidrs.Count == 0 ? "CIDR unknown" : string.Join(", ", v.Cidrs));
                if (v.Marks.Severity is { } s)
                {
                    lines.Add(Sev(v.Marks));
                    Class(GraphStyle.ClassName(s), v.NodeId);
                }
                else if (v.External)
                {
                    Class("dashed", v.NodeId);
                }

                w.WriteLine($"    {v.NodeId}[{MermaidWriter.Label(lines.Select(GraphText.Cut))}]");
            }

            w.WriteLine("  end");
        }

        int edge = 0;
        var linkStyles = new List<string>();
        foreach (var hub in o.Hubs)
        {
            foreach (var v in hub.Spokes)
            {
                w.WriteLine($"  {v.NodeId} -.- {hub.NodeId}");
                linkStyles.Add($"  linkStyle {edge++} stroke:#f5c89a");
            }
        }

        foreach (var (a, b, label) in o.HubLinks)
        {
            w.WriteLine($"  {a.NodeId} -.-|{MermaidWriter.Label(new[] { label })}| {b.NodeId}");
            linkStyles.Add($"  linkStyle {edge++} stroke:#e36209,stroke-width:2px");
        }

        foreach (var p in o.Peerings)
        {
            var (stroke, width, _, _) = PeeringStyle(p);
            string label = p.StatusText + (p.Marks.Severity is not null ? " · " + p.Marks.RuleText : string.Empty);
            w.WriteLine($"  {p.Requester.NodeId} ---|{MermaidWriter.Label(new[] { label })}| {p.Accepter.NodeId}");
            linkStyles.Add($"  linkStyle {edge++} stroke:{stroke},stroke-width:{N(width)}px");
        }

        w.WriteLine($"  classDef sevError fill:{GraphStyle.Fill(Engine.Severity.Error)},stroke:{GraphStyle.Error},stroke-width:2px,color:{GraphStyle.Text}");
        w.WriteLine($"  classDef sevWarning fill:{GraphStyle.Fill(Engine.Severity.Warning)},stroke:{GraphStyle.Warning},stroke-width:2px,color:{GraphStyle.Text}");
        w.WriteLine($"  classDef sevNote fill:{GraphStyle.Fill(Engine.Severity.Note)},stroke:{GraphStyle.Note},stroke-width:2px,color:{GraphStyle.Text}");
        w.WriteLine("  classDef hub fill:#fff5e6,stroke:#e36209");
        w.WriteLine($"  classDef dashed fill:#ffffff,stroke:{GraphStyle.Neutral},stroke-dasharray:5 5");
        foreach (var kv in classes)
        {
            w.WriteLine($"  class {string.Join(",", kv.Value)} {kv.Key}");
        }

        foreach (var s in linkStyles)
        {
            w.WriteLine(s);
        }

        return w.ToString();
    }
}
