using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Output;
using PeeringLint.Cli.Output.Graph;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint graph &lt;inputs&gt; --format dot|mermaid|svg|html</c>: the topology with the findings on it.</summary>
internal static class GraphCommand
{
    public static Command Create(CommandIO io) => Create(io, SvgRenderer.FromPath);

    /// <summary>Tests pass their own renderer (a missing or a real Graphviz).</summary>
    internal static Command Create(CommandIO io, Func<SvgRenderer> renderer)
    {
        var shared = new SharedOptions("Files or folders to draw (AWS CLI JSON, CloudFormation, tutorial YAML).");
        var format = new Option<string>("--format", "-f") { Description = "Output format: dot, mermaid, svg (needs Graphviz) or html (one self-contained report).", DefaultValueFactory = _ => "dot" };
        format.AcceptOnlyFromAmong("dot", "mermaid", "svg", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output (never one of the inputs)." };
        var detail = new Option<bool>("--detail") { Description = "Show every subnet, route table and instance (by default each VPC shows a summary)." };
        var cmd = new Command("graph", "Draw the topology (VPCs, subnets, route tables, gateways, peerings, instances, intents) with the findings on it.") { format, output, detail };
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

            var graph = TopologyBuilder.Build(run.Index, run.Shown.ToList(), new GraphOptions
            {
                Detail = parse.GetValue(detail),
                Verdicts = IntentVerdicts.From(run.Intents),
                Title = Title(run),
            });

            string text;
            try
            {
                text = (parse.GetValue(format) ?? "dot") switch
                {
                    "mermaid" => MermaidWriter.Write(graph),
                    "svg" => renderer().Render(DotWriter.Write(graph)),
                    "html" => Html(run, graph, renderer()),
                    _ => DotWriter.Write(graph),
                };
            }
            catch (GraphvizException ex)
            {
                io.Error.WriteLine("peeringlint: error: " + ex.Message);
                return ExitCodes.InputError;
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

    private static string Html(LintRun run, TopologyGraph graph, SvgRenderer renderer)
    {
        string? svg = null;
        string? problem = null;
        try
        {
            svg = renderer.Render(DotWriter.Write(graph));
        }
        catch (GraphvizException ex)
        {
            problem = ex.Message + ".";
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
        };
        var w = new StringWriter { NewLine = "\n" };
        HtmlReportWriter.Write(w, report);
        return w.ToString();
    }
}
