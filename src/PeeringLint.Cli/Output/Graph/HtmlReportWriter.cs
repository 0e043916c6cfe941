using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>What the HTML report shows.</summary>
internal sealed record HtmlReport
{
    public string Title { get; init; } = "PeeringLint report";

    public IReadOnlyList<string> Files { get; init; } = Array.Empty<string>();

    public IReadOnlyList<Finding> Findings { get; init; } = Array.Empty<Finding>();

    public IReadOnlyList<InputProblem> Problems { get; init; } = Array.Empty<InputProblem>();

    public IReadOnlyList<(ConnectivityIntent Intent, IntentVerdict? Verdict)> Intents { get; init; } = Array.Empty<(ConnectivityIntent, IntentVerdict?)>();

    public int VpcCount { get; init; }

    public int PeeringCount { get; init; }

    /// <summary>The diagram as SVG (Graphviz); null when Graphviz is missing.</summary>
    public string? Svg { get; init; }

    /// <summary>The diagram as Mermaid text, shown when there is no SVG.</summary>
    public string Mermaid { get; init; } = string.Empty;

    /// <summary>Why there is no SVG.</summary>
    public string? SvgProblem { get; init; }

    /// <summary>The network as JSON (<see cref="ReportData"/>) for the matrix, the focus panel and search; null leaves them out.</summary>
    public string? Network { get; init; }

    /// <summary>Which diagram the report shows: overview, topology or focus.</summary>
    public string View { get; init; } = "topology";

    /// <summary>The inputs as given, for the <c>--focus</c> command the focus panel suggests.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = Array.Empty<string>();
}

/// <summary>
/// One self-contained HTML file, viewable offline: summary, a search and filter bar, legend, the diagram (inline
/// SVG with pan and zoom, or the Mermaid text when Graphviz is missing), the VPC × VPC peering matrix, a focus
/// panel per VPC, the findings table (sortable) and the intents. Script and styles are inline and hand-written
/// (<see cref="HtmlReportScript"/>); no CDN, no library.
/// </summary>
internal static class HtmlReportWriter
{
    public static void Write(TextWriter w, HtmlReport r)
    {
        var shown = r.Findings.Where(f => !f.IsSuppressed).ToList();
        int errors = shown.Count(f => f.Severity == Severity.Error);
        int warnings = shown.Count(f => f.Severity == Severity.Warning);
        int notes = shown.Count(f => f.Severity == Severity.Note);

        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>{E(r.Title)}</title>");
        w.WriteLine("<style>" + HtmlReportScript.Css + "</style>");
        w.WriteLine("<script>" + HtmlReportScript.ErrorHook + "</script></head>");
        w.WriteLine($"<body data-view=\"{E(r.View)}\" data-inputs=\"{E(string.Join(" ", r.Inputs.Select(ShellWord)))}\">");
        w.WriteLine("<div id=\"script-errors\" hidden></div>");
        w.WriteLine($"<h1>{E(r.Title)}</h1>");
        w.WriteLine(r.Files.Count <= 3
            ? $"<p class=\"muted\">{E(string.Join(", ", r.Files))}</p>"
            : $"<details class=\"muted\"><summary>{r.Files.Count} input files</summary>{E(string.Join(", ", r.Files))}</details>");
        w.WriteLine("<p class=\"counts\">"
            + $"<span class=\"error\">{errors} {Plural(errors, "error")}</span>"
            + $"<span class=\"warning\">{warnings} {Plural(warnings, "warning")}</span>"
            + $"<span class=\"note\">{notes} {Plural(notes, "note")}</span>"
            + $"<span class=\"muted\">{r.VpcCount} {Plural(r.VpcCount, "VPC")}, {r.PeeringCount} {Plural(r.PeeringCount, "peering connection")}</span></p>");
        if (shown.Count == 0)
        {
            w.WriteLine("<p class=\"ok\">✓ no problems found</p>");
        }

        var rules = shown.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
        w.WriteLine("<div class=\"toolbar\"><input type=\"search\" id=\"q\" placeholder=\"Search VPCs by name, id or CIDR (Enter: zoom to it)\" aria-label=\"search\">"
            + "<select id=\"sev\" aria-label=\"severity\"><option value=\"\">everything</option><option value=\"error\">errors</option><option value=\"warning\">errors and warnings</option><option value=\"note\">any finding</option></select>"
            + "<select id=\"rule\" aria-label=\"rule\"><option value=\"\">all rules</option>" + string.Concat(rules.Select(x => $"<option value=\"{E(x)}\">{E(x)}</option>")) + "</select>"
            + "<span id=\"status\" class=\"muted\"></span></div>");
        w.WriteLine("<h2>Diagram</h2>");
        string legend = r.View == "overview"
            ? "Boxes are VPCs in their account/region group, coloured by their worst finding; lines are peering connections (blue-grey active, purple dashed pending, grey dotted inactive; red, amber or blue when a finding is on the peering); orange boxes are transit gateways, with faint lines to their attached VPCs. Scroll to zoom, drag to pan, click a VPC for its focus."
            : "Boxes are VPCs; arrows from a route table are its routes, labelled with the destination; the hexagon is the peering connection. Scroll to zoom, drag to pan, click a VPC for its focus.";
        w.WriteLine("<p class=\"legend\">"
            + Swatch(GraphStyle.Error, "error") + Swatch(GraphStyle.Warning, "warning") + Swatch(GraphStyle.Note, "note")
            + (r.View == "overview" ? Swatch("#6a8caf", "peering active") + Swatch("#6f42c1", "peering pending") + Swatch("#e36209", "transit gateway")
                : Swatch(GraphStyle.Reachable, "intent reachable") + Swatch(GraphStyle.Neutral, "intent not evaluated (dashed)"))
            + $"<span class=\"muted\">{E(legend)}</span></p>");
        if (r.Svg is not null)
        {
            int start = r.Svg.IndexOf("<svg", StringComparison.Ordinal);
            w.WriteLine("<div class=\"diagram-wrap\">");
            w.WriteLine("<div class=\"diagram\">");
            w.WriteLine(start >= 0 ? r.Svg.Substring(start) : r.Svg);
            w.WriteLine("</div>");
            w.WriteLine("<div class=\"zoombar\"><button id=\"zin\" title=\"zoom in\">+</button><button id=\"zout\" title=\"zoom out\">−</button><button id=\"zfit\" title=\"fit\">⤢</button><button id=\"zshow\" title=\"zoom to the focused VPC\" hidden>◎</button></div>");
            w.WriteLine("</div>");
        }
        else
        {
            w.WriteLine($"<p class=\"notice\">{E(r.SvgProblem ?? "No SVG diagram.")} Below is the diagram as Mermaid text: paste it into a Markdown file on GitHub (inside a <code>```mermaid</code> block) or into a Mermaid viewer to see it.</p>");
            w.WriteLine($"<pre class=\"mermaid-source\">{E(r.Mermaid)}</pre>");
        }

        if (r.Network is not null && r.PeeringCount > 0)
        {
            w.WriteLine("<h2>Peering matrix</h2>");
            w.WriteLine("<div class=\"mx-controls\"><label>sort by <select id=\"mxsort\"><option value=\"name\">name</option><option value=\"id\">id</option><option value=\"group\">account and region</option><option value=\"worst\">worst finding</option><option value=\"degree\">number of peerings</option></select></label>"
                + "<label>cell <select id=\"mxsize\"><option value=\"auto\">auto</option><option value=\"6\">small</option><option value=\"10\">medium</option><option value=\"16\">large</option></select></label>"
                + "<span id=\"mxstates\">" + string.Concat(ReportData.States.Select((st, i) => $"<label><input type=\"checkbox\" value=\"{i}\" checked> {Swatch(MatrixColours[i], st)}</label>")) + "</span></div>");
            w.WriteLine("<p class=\"muted\">Each cell is a peering between the row and column VPC, coloured by its state (a cell outlined in dark has a finding on the peering). The search box and the severity and rule filters apply here too. Hover for details; click for the VPC's focus. <span id=\"mxcount\"></span></p>");
            w.WriteLine("<div id=\"matrix-wrap\"><div id=\"matrix-space\"></div><canvas id=\"matrix-canvas\"></canvas></div>");
        }

        w.WriteLine("<h2>Findings</h2>");
        if (shown.Count == 0)
        {
            w.WriteLine("<p class=\"muted\">None.</p>");
        }
        else
        {
            w.WriteLine("<table class=\"sortable\" id=\"findings\"><thead><tr><th>Severity</th><th>Rule</th><th>Location</th><th>Element</th><th>Message</th></tr></thead><tbody>");
            foreach (var f in shown)
            {
                string sev = GraphText.SeverityWord(f.Severity);
                string loc = f.Location.ToString();
                string locSort = string.Format(CultureInfo.InvariantCulture, "{0}:{1:D6}:{2:D6}", f.Location.Path, f.Location.StartLine, f.Location.StartColumn);
                w.WriteLine($"<tr data-sev=\"{sev}\" data-rule=\"{E(f.RuleId)}\"><td class=\"{sev}\" data-sort=\"{2 - (int)f.Severity}\">{sev}</td><td>{E(f.RuleId)}</td><td class=\"loc\" data-sort=\"{E(locSort)}\">{E(loc)}</td><td>{E(f.ElementId ?? string.Empty)}</td><td>{E(f.Message)}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
        }

        if (r.Intents.Count > 0)
        {
            w.WriteLine("<h2>Connectivity intents</h2>");
            w.WriteLine("<table class=\"sortable\" id=\"intents\"><thead><tr><th>Intent</th><th>From</th><th>To</th><th>Traffic</th><th>Verdict</th></tr></thead><tbody>");
            foreach (var (intent, verdict) in r.Intents)
            {
                string traffic = intent.Protocol + (intent.Port is { } p ? "/" + p.ToString(CultureInfo.InvariantCulture) : string.Empty);
                string cls = verdict?.Verdict switch
                {
                    ReachabilityVerdict.Reachable => "ok",
                    ReachabilityVerdict.NotReachable => "error",
                    ReachabilityVerdict.Unknown => "warning",
                    _ => "muted",
                };
                string text = verdict is null ? "not evaluated" : verdict.Verdict switch
                {
                    ReachabilityVerdict.Reachable => "reachable",
                    ReachabilityVerdict.NotReachable => "blocked" + (verdict.BlockingElementId is null ? string.Empty : " at " + verdict.BlockingElementId),
                    _ => "cannot verify",
                };
                if (verdict?.Reason is { } reason)
                {
                    text += ": " + reason;
                }

                w.WriteLine($"<tr><td>{E(intent.Name)}</td><td>{E(intent.From)}</td><td>{E(intent.To)}</td><td>{E(traffic)}</td><td class=\"{cls}\">{E(text)}</td></tr>");
            }

            w.WriteLine("</tbody></table>");
        }

        if (r.Problems.Count > 0)
        {
            w.WriteLine("<h2>Input problems</h2><ul>");
            foreach (var p in r.Problems)
            {
                w.WriteLine($"<li class=\"loc\">{E(p.ToString())}</li>");
            }

            w.WriteLine("</ul>");
        }

        w.WriteLine("<p class=\"muted\">Generated by peeringlint graph.</p>");
        w.WriteLine("<div id=\"tip\" hidden></div>");
        w.WriteLine("<aside id=\"focus\" hidden><button class=\"close\" id=\"focus-close\" title=\"close\">×</button><div id=\"focus-body\"></div></aside>");
        if (r.Network is not null)
        {
            w.WriteLine("<script type=\"application/json\" id=\"network-data\">" + r.Network + "</script>");
        }

        w.WriteLine("<script>" + HtmlReportScript.Script + "</script>");
        w.WriteLine("</body></html>");
    }

    /// <summary>The matrix colours, in the order of <see cref="ReportData.States"/> (the script uses the same list).</summary>
    private static readonly string[] MatrixColours = { "#28a745", "#6f42c1", "#e36209", "#959da5", "#b31d28", "#d1d5da", "#79b8ff" };

    /// <summary>A path as a shell word: quoted when it has anything but safe characters.</summary>
    private static string ShellWord(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or ':' or '\\' or '+' or '=') ? s : "'" + s.Replace("'", "'\\''") + "'";

    private static string Swatch(string colour, string text) =>
        $"<span><span class=\"sw\" style=\"border-color:{colour}\"></span>{E(text)}</span>";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string E(string s) => WebUtility.HtmlEncode(TextEscaping.Escape(s, keepLineBreaks: true));
}
