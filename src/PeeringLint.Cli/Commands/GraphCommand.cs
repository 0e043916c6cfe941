using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PeeringLint.Cli.Output;
using PeeringLint.Cli.Output.Graph;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint graph &lt;inputs&gt; --format dot|mermaid|svg|html</c>: the topology with the findings on it.</summary>
internal static class GraphCommand
{
    public static Command Create(CommandIO io) => Create(io, SvgRenderer.FromPath);

    /// <summary>Tests pass their own renderer (a missing or a real Graphviz).</summary>
    internal static Command Create(CommandIO io, Func<SvgRenderer> renderer)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders to draw (AWS CLI JSON, CloudFormation, tutorial YAML).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: dot, mermaid, svg (needs Graphviz) or html (one self-contained report).", DefaultValueFactory = _ => "dot" };
        format.AcceptOnlyFromAmong("dot", "mermaid", "svg", "html");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var detail = new Option<bool>("--detail") { Description = "Show every subnet, route table and instance (by default each VPC shows a summary)." };
        var intents = new Option<string[]>("--intents") { Description = "YAML file(s) of connectivity intents to draw." };
        var parameters = ParameterOption.Create();

        var cmd = new Command("graph", "Draw the topology (VPCs, subnets, route tables, gateways, peerings, instances, intents) with the findings on it.")
        {
            inputs, format, output, detail, intents, parameters,
        };

        cmd.SetAction(parse =>
        {
            var paramMap = ParameterOption.Parse(parse.GetValue(parameters), io.Error);
            if (paramMap is null)
            {
                return ExitCodes.InputError;
            }

            var run = Pipeline.Run(new PipelineOptions
            {
                Inputs = (parse.GetValue(inputs) ?? Array.Empty<string>()).Concat(parse.GetValue(intents) ?? Array.Empty<string>()).ToArray(),
                Load = new LoadOptions { Parameters = paramMap },
            });
            TextReporter.WriteProblems(io.Error, run.Problems, run.Load.Documents, ConsoleStyle.Plain);
            if (run.HasInputErrors)
            {
                io.Error.WriteLine("peeringlint: error: no diagram written: fix the input errors above");
                return ExitCodes.InputError;
            }

            string fmt = parse.GetValue(format) ?? "dot";
            var verdicts = Verdicts(run);
            var graph = TopologyBuilder.Build(run.Result.Index, run.Findings, new GraphOptions
            {
                Detail = parse.GetValue(detail),
                Verdicts = verdicts,
                Title = Title(run),
            });

            string text;
            switch (fmt)
            {
                case "mermaid":
                    text = MermaidWriter.Write(graph);
                    break;
                case "svg":
                    try
                    {
                        text = renderer().Render(DotWriter.Write(graph));
                    }
                    catch (GraphvizException ex)
                    {
                        io.Error.WriteLine("peeringlint: error: " + ex.Message);
                        return ExitCodes.InputError;
                    }

                    break;
                case "html":
                    text = Html(run, graph, verdicts, renderer());
                    break;
                default:
                    text = DotWriter.Write(graph);
                    break;
            }

            string? outPath = parse.GetValue(output);
            if (outPath is null)
            {
                io.Out.Write(text);
            }
            else
            {
                File.WriteAllText(outPath, text, new UTF8Encoding(false));
                io.Error.WriteLine($"wrote {outPath}");
            }

            return ExitCodes.Clean;
        });
        return cmd;
    }

    /// <summary>
    /// Intent verdicts: the reachability engine's when it is available, else what PL9001 findings say.
    /// </summary>
    internal static Func<ConnectivityIntent, IntentVerdict?> Verdicts(LintRun run) =>
        IntentVerdicts.Combine(EngineVerdicts(run.Result.Index), IntentVerdicts.FromFindings(run.Findings));

    /// <summary>The reachability engine's verdict for each intent (green reachable, red blocked with the blocking hop).</summary>
    internal static Func<ConnectivityIntent, IntentVerdict?>? EngineVerdicts(ModelIndex index) =>
        IntentVerdicts.FromOutcomes(IntentResolver.Evaluate(index).Where(o => o.Result is not null).Select(o => (o.Intent, o.Result!.Verdict.ToString(), o.Result.BlockingHop?.ElementId, o.Result.BlockingHop?.Reason)));

    private static string Title(LintRun run)
    {
        var files = run.Load.Model.Files;
        return files.Count == 1 ? "PeeringLint: " + Path.GetFileName(files[0]) : $"PeeringLint: {files.Count} files";
    }

    private static string Html(LintRun run, TopologyGraph graph, Func<ConnectivityIntent, IntentVerdict?> verdicts, SvgRenderer renderer)
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

        var report = new HtmlReport
        {
            Title = graph.Title,
            Files = run.Load.Model.Files,
            Findings = run.Findings,
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
