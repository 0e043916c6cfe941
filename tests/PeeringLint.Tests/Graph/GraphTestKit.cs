using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli;
using PeeringLint.Cli.Commands;
using PeeringLint.Cli.Output.Graph;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;

namespace PeeringLint.Tests.Graph;

internal static class GraphTestKit
{
    public static string Example(string name) => TestPaths.Combine("examples", name);

    /// <summary>Runs the real CLI (Program.Run) and returns exit code and output.</summary>
    public static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>graph</c> with a chosen Graphviz (null: none installed).</summary>
    public static (int Exit, string Out, string Err) Graph(string? dotPath, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var cmd = GraphCommand.Create(new CommandIO(stdout, stderr), () => new SvgRenderer(dotPath));
        int exit = cmd.Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static string? Dot => SvgRenderer.FindOnPath(Environment.GetEnvironmentVariable("PATH"));

    /// <summary>Loads and lints files and builds the topology graph.</summary>
    public static TopologyGraph Build(bool detail, Func<ConnectivityIntent, IntentVerdict?>? verdicts, params string[] files)
    {
        var (index, findings) = Lint(files);
        return TopologyBuilder.Build(index, findings, new GraphOptions { Detail = detail, Verdicts = verdicts });
    }

    public static (ModelIndex Index, System.Collections.Generic.IReadOnlyList<Finding> Findings) Lint(params string[] files)
    {
        var sources = files.Select(f => InputSource.FromText(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var load = new InputLoader().Load(sources, LoadOptions.Default);
        var result = LintEngine.Run(load.Model);
        return (result.Index, result.Findings);
    }

    /// <summary>A temporary YAML file (deleted with the folder when the test process ends is not guaranteed; files are tiny).</summary>
    public static string TempYaml(string text)
    {
        string dir = Path.Combine(Path.GetTempPath(), "peeringlint-graph-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, "input.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
