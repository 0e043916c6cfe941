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
}

/// <summary>
/// One self-contained HTML file, viewable offline: summary, legend, the diagram (inline SVG, or the Mermaid text
/// when Graphviz is missing), the findings table (sortable by clicking a header; a few lines of inline script,
/// no CDN) and the intents.
/// </summary>
internal static class HtmlReportWriter
{
    private const string Css = """
        body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#24292e;margin:24px;line-height:1.4}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px;border-bottom:1px solid #e1e4e8;padding-bottom:4px}
        .muted{color:#6a737d}.counts span{display:inline-block;margin-right:14px;font-weight:600}
        .error{color:#d73a49}.warning{color:#b08800}.note{color:#0366d6}.ok{color:#28a745}
        .legend span{display:inline-block;margin-right:16px}.sw{display:inline-block;width:12px;height:12px;border:2px solid;border-radius:3px;vertical-align:-2px;margin-right:4px}
        .diagram{border:1px solid #e1e4e8;border-radius:6px;padding:8px;overflow:auto;background:#fff}
        .diagram svg{max-width:100%;height:auto;cursor:zoom-in}.diagram.zoom svg{max-width:none;cursor:zoom-out}
        table{border-collapse:collapse;width:100%;font-size:13px}th,td{border:1px solid #e1e4e8;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#f6f8fa;cursor:pointer;user-select:none;white-space:nowrap}th:after{content:" \2195";color:#959da5}
        td.loc{font-family:SFMono-Regular,Consolas,monospace;white-space:nowrap}pre{background:#f6f8fa;padding:8px;overflow:auto;font-size:12px}
        .notice{background:#fff8c5;border:1px solid #dbab09;border-radius:6px;padding:8px}
        """;

    private const string Script = """
        document.querySelectorAll(".diagram").forEach(function(d){d.addEventListener("click",function(){d.classList.toggle("zoom");});});
        document.querySelectorAll("table.sortable").forEach(function(t){
          t.querySelectorAll("th").forEach(function(th,i){
            th.addEventListener("click",function(){
              var asc=th.getAttribute("data-dir")!=="asc";th.setAttribute("data-dir",asc?"asc":"desc");
              var rows=Array.prototype.slice.call(t.tBodies[0].rows);
              rows.sort(function(a,b){
                var x=a.cells[i].getAttribute("data-sort")||a.cells[i].textContent,y=b.cells[i].getAttribute("data-sort")||b.cells[i].textContent;
                return (asc?1:-1)*x.localeCompare(y,undefined,{numeric:true});
              });
              rows.forEach(function(r){t.tBodies[0].appendChild(r);});
            });
          });
        });
        """;

    public static void Write(TextWriter w, HtmlReport r)
    {
        var shown = r.Findings.Where(f => !f.IsSuppressed).ToList();
        int errors = shown.Count(f => f.Severity == Severity.Error);
        int warnings = shown.Count(f => f.Severity == Severity.Warning);
        int notes = shown.Count(f => f.Severity == Severity.Note);

        w.WriteLine("<!DOCTYPE html>");
        w.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        w.WriteLine($"<title>{E(r.Title)}</title>");
        w.WriteLine("<style>" + Css + "</style></head><body>");
        w.WriteLine($"<h1>{E(r.Title)}</h1>");
        w.WriteLine($"<p class=\"muted\">{E(string.Join(", ", r.Files))}</p>");
        w.WriteLine("<p class=\"counts\">"
            + $"<span class=\"error\">{errors} {Plural(errors, "error")}</span>"
            + $"<span class=\"warning\">{warnings} {Plural(warnings, "warning")}</span>"
            + $"<span class=\"note\">{notes} {Plural(notes, "note")}</span>"
            + $"<span class=\"muted\">{r.VpcCount} {Plural(r.VpcCount, "VPC")}, {r.PeeringCount} {Plural(r.PeeringCount, "peering connection")}</span></p>");
        if (shown.Count == 0)
        {
            w.WriteLine("<p class=\"ok\">✓ no problems found</p>");
        }

        w.WriteLine("<h2>Diagram</h2>");
        w.WriteLine("<p class=\"legend\">"
            + Swatch(GraphStyle.Error, "error") + Swatch(GraphStyle.Warning, "warning") + Swatch(GraphStyle.Note, "note")
            + Swatch(GraphStyle.Reachable, "intent reachable") + Swatch(GraphStyle.Neutral, "intent not evaluated (dashed)")
            + "<span class=\"muted\">Click the diagram to see it full size. Boxes are VPCs; arrows from a route table are its routes, labelled with the destination; the hexagon is the peering connection.</span></p>");
        if (r.Svg is not null)
        {
            int start = r.Svg.IndexOf("<svg", StringComparison.Ordinal);
            w.WriteLine("<div class=\"diagram\">");
            w.WriteLine(start >= 0 ? r.Svg.Substring(start) : r.Svg);
            w.WriteLine("</div>");
        }
        else
        {
            w.WriteLine($"<p class=\"notice\">{E(r.SvgProblem ?? "No SVG diagram.")} Below is the diagram as Mermaid text: paste it into a Markdown file on GitHub (inside a <code>```mermaid</code> block) or into a Mermaid viewer to see it.</p>");
            w.WriteLine($"<pre class=\"mermaid-source\">{E(r.Mermaid)}</pre>");
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
                w.WriteLine($"<tr><td class=\"{sev}\" data-sort=\"{2 - (int)f.Severity}\">{sev}</td><td>{E(f.RuleId)}</td><td class=\"loc\" data-sort=\"{E(locSort)}\">{E(loc)}</td><td>{E(f.ElementId ?? string.Empty)}</td><td>{E(f.Message)}</td></tr>");
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
        w.WriteLine("<script>" + Script + "</script>");
        w.WriteLine("</body></html>");
    }

    private static string Swatch(string colour, string text) =>
        $"<span><span class=\"sw\" style=\"border-color:{colour}\"></span>{E(text)}</span>";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string E(string s) => WebUtility.HtmlEncode(TextEscaping.Escape(s, keepLineBreaks: true));
}
