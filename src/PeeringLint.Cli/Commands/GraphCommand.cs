using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Output;
using PeeringLint.Cli.Output.Graph;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint graph &lt;inputs&gt; --format dot|mermaid|svg|html [--view overview|topology] [--focus VPC]</c>: the topology with the findings on it.</summary>
internal static class GraphCommand
{
    /// <summary>Above this many VPCs, <c>--view auto</c> draws the overview.</summary>
    public const int OverviewThreshold = 30;

    public static Command Create(CommandIO io) => Create(io, SvgRenderer.FromPath);

    /// <summary>Tests pass their own renderer (a missing or a real Graphviz).</summary>
    internal static Command Create(CommandIO io, Func<SvgRenderer> renderer)
    {
        var shared = new SharedOptions("Files or folders to draw (AWS CLI JSON, CloudFormation, tutorial YAML).");
        var format = new Option<string>("--format", "-f") { Description = "Output format: dot, mermaid, svg (needs Graphviz) or html (one self-contained report).", DefaultValueFactory = _ => "dot" };
        format.AcceptOnlyFromAmong("dot", "mermaid", "svg", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output (never one of the inputs)." };
        var detail = new Option<bool>("--detail") { Description = "Show every subnet, route table and instance (by default each VPC shows a summary)." };
        var view = new Option<string>("--view") { Description = $"What to draw: overview (one node per VPC in account/region groups, peerings as edges), topology (VPCs with their routes, gateways and peerings), or auto (overview above {OverviewThreshold} VPCs, else topology).", DefaultValueFactory = _ => "auto" };
        view.AcceptOnlyFromAmong("auto", "overview", "topology");
        var focus = new Option<string?>("--focus") { Description = "Draw the topology of this VPC (id or Name tag) and the VPCs it is peered with." };
        var cmd = new Command("graph", "Draw the topology (VPCs, subnets, route tables, gateways, peerings, instances, intents) with the findings on it.") { format, output, detail, view, focus };
        shared.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var request = shared.Bind(parse, io);
            if (request is null)
            {
                return ExitCodes.InputError;
            }

            string? outPath = parse.GetValue(output) is { } o ? Path.GetFullPath(Path.Combine(io.BaseDirectory, o)) : null;
            var run = Pipeline.Run(request with { OutputPath = outPath });
            if (shared.Verbose(parse))
            {
                SharedOptions.WriteVerbose(io.Error, run);
            }

            TextReporter.WriteProblems(io.Error, run.Problems, run.Load.Documents, ConsoleStyle.Plain);
            if (run.HasInputErrors)
            {
                io.Error.WriteLine("peeringlint: error: no diagram written: fix the input errors above");
                return ExitCodes.InputError;
            }

            string viewName = parse.GetValue(view) ?? "auto";
            string? focusText = parse.GetValue(focus);
            bool wantDetail = parse.GetValue(detail);
            if (viewName == "overview" && (wantDetail || focusText is not null))
            {
                io.Error.WriteLine($"peeringlint: error: {(wantDetail ? "--detail" : "--focus")} draws the topology view; it cannot be combined with --view overview");
                return ExitCodes.InputError;
            }

            string? focusId = null;
            if (focusText is not null && !ResolveFocus(run, focusText, io.Error, out focusId))
            {
                return ExitCodes.InputError;
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            int vpcCount = run.Index.Vpcs.Count;
            bool overview = viewName == "overview" || (viewName == "auto" && focusId is null && !wantDetail && vpcCount > OverviewThreshold);
            var findings = run.Shown.ToList();
            var graph = TopologyBuilder.Build(run.Index, findings, new GraphOptions
            {
                Detail = wantDetail,
                Verdicts = IntentVerdicts.From(run.Intents),
                Title = Title(run),
                Focus = focusId,
            });

            // The overview takes its findings from the whole summary topology (the focus graph is only a part).
            Overview? ov = null;
            if (overview)
            {
                ov = Overview.Build(run.Index, graph);
            }

            string text;
            try
            {
                text = (parse.GetValue(format) ?? "dot") switch
                {
                    "mermaid" => ov is null ? MermaidWriter.Write(graph) : OverviewWriter.Mermaid(ov),
                    "svg" => ov is null ? renderer().Render(DotWriter.Write(graph)) : OverviewWriter.Svg(ov),
                    "html" => Html(run, graph, ov, focusId, renderer(), request.Inputs),
                    _ => ov is null ? DotWriter.Write(graph) : OverviewWriter.Dot(ov),
                };
            }
            catch (GraphvizException ex)
            {
                io.Error.WriteLine("peeringlint: error: " + ex.Message);
                return ExitCodes.InputError;
            }

            if (shared.Verbose(parse))
            {
                io.Error.WriteLine(FormattableString.Invariant($"timing: graph {clock.Elapsed.TotalMilliseconds:F1} ms ({(ov is not null ? "overview" : focusId is not null ? "focus" : "topology")}, {text.Length / 1024} KiB)"));
            }

            if (outPath is null)
            {
                io.Out.Write(text);
            }
            else if (!run.OutputRefused)
            {
                ReportFile.Write(outPath, w => w.Write(text));
                io.Error.WriteLine($"wrote {parse.GetValue(output)}");
            }

            return ExitCodes.Clean;
        });
        return cmd;
    }

    private static string Title(LintRun run)
    {
        var files = run.Load.Model.Files;
        return files.Count == 1 ? "PeeringLint: " + Path.GetFileName(files[0]) : $"PeeringLint: {files.Count} files";
    }

    /// <summary>Finds the <c>--focus</c> VPC by id, else by Name tag (exactly one); a clear error otherwise.</summary>
    private static bool ResolveFocus(LintRun run, string text, TextWriter error, out string? id)
    {
        id = null;
        string t = text.Trim();
        if (run.Index.Vpcs.ContainsKey(t))
        {
            id = t;
            return true;
        }

        var named = run.Index.Vpcs.Values.Where(v => v.Name == t).Select(v => v.Id).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
        if (named.Count == 0)
        {
            named = run.Index.Vpcs.Values.Where(v => string.Equals(v.Name, t, StringComparison.OrdinalIgnoreCase)).Select(v => v.Id).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal).ToList();
        }

        if (named.Count == 1)
        {
            id = named[0];
            return true;
        }

        error.WriteLine(named.Count == 0
            ? $"peeringlint: error: --focus: no VPC with the id or name '{TextEscaping.Escape(t)}' in the input"
            : $"peeringlint: error: --focus: {named.Count} VPCs are named '{TextEscaping.Escape(t)}' ({string.Join(", ", named.Select(n => TextEscaping.Escape(n)))}); give the id");
        return false;
    }

    private static string Html(LintRun run, TopologyGraph graph, Overview? overview, string? focusId, SvgRenderer renderer, System.Collections.Generic.IReadOnlyList<string> inputs)
    {
        string? svg = null;
        string? problem = null;
        if (overview is not null)
        {
            svg = OverviewWriter.Svg(overview);
        }
        else
        {
            try
            {
                svg = renderer.Render(DotWriter.Write(graph));
            }
            catch (GraphvizException ex)
            {
                problem = ex.Message + ".";
            }
        }

        var verdicts = IntentVerdicts.From(run.Intents);
        var report = new HtmlReport
        {
            Title = graph.Title,
            Files = run.Load.Model.Files,
            Findings = run.Shown.ToList(),
            Problems = run.Problems,
            Intents = run.Load.Model.Intents.Select(i => (i, verdicts(i))).ToList(),
            VpcCount = run.Load.Model.Vpcs.Count,
            PeeringCount = run.Load.Model.PeeringConnections.Count,
            Svg = svg,
            SvgProblem = problem,
            Mermaid = svg is null ? MermaidWriter.Write(graph) : string.Empty,
            Network = ReportData.Build(overview ?? Overview.Build(run.Index, focusId is null ? graph : TopologyBuilder.Build(run.Index, run.Shown.ToList(), new GraphOptions()), layout: false)),
            View = overview is not null ? "overview" : focusId is not null ? "focus" : "topology",
            Inputs = inputs,
        };
        var w = new StringWriter { NewLine = "\n" };
        HtmlReportWriter.Write(w, report);
        return w.ToString();
    }
}
