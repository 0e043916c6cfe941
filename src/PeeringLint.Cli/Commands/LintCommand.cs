using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint lint &lt;file-or-dir&gt;...</c></summary>
internal static class LintCommand
{
    public static Command Create(CommandIO io)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders to lint (AWS CLI JSON, CloudFormation, tutorial YAML).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var threshold = new Option<string>("--severity-threshold") { Description = "Lowest severity that fails the run (exit code 1): note, warning or error.", DefaultValueFactory = _ => "warning" };
        threshold.AcceptOnlyFromAmong("note", "warning", "error");
        var rules = new Option<string[]>("--rules") { Description = "Run only these rules (ids or names, comma-separated or repeated).", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude-rules") { Description = "Do not run these rules (ids or names, comma-separated or repeated).", AllowMultipleArgumentsPerToken = true };
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "CloudFormation parameter value, Name=Value (repeatable)." };
        var intents = new Option<string[]>("--intents") { Description = "YAML file(s) of connectivity intents to check." };
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when findings fail the threshold (input errors still exit 2)." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output (NO_COLOR is honoured too)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print skipped files and phase timings to standard error." };

        var cmd = new Command("lint", "Lint network inputs and report peering mistakes.")
        {
            inputs, format, output, threshold, rules, exclude, parameters, intents, exitZero, noColor, verbose,
        };

        cmd.SetAction(parse =>
        {
            var paramMap = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in parse.GetValue(parameters) ?? Array.Empty<string>())
            {
                int eq = p.IndexOf('=');
                if (eq <= 0)
                {
                    io.Error.WriteLine($"peeringlint: error: --parameter expects Name=Value, found '{p}'");
                    return ExitCodes.InputError;
                }

                paramMap[p.Substring(0, eq)] = p.Substring(eq + 1);
            }

            var unknownRules = Names(parse.GetValue(rules)).Concat(Names(parse.GetValue(exclude))).Where(n => RuleCatalog.Find(n) is null).ToList();
            if (unknownRules.Count > 0)
            {
                io.Error.WriteLine($"peeringlint: error: unknown rule {string.Join(", ", unknownRules.Select(r => "'" + r + "'"))}; 'peeringlint rules' lists them");
                return ExitCodes.InputError;
            }

            var include = Names(parse.GetValue(rules)).ToArray();
            var options = new PipelineOptions
            {
                Inputs = (parse.GetValue(inputs) ?? Array.Empty<string>()).Concat(parse.GetValue(intents) ?? Array.Empty<string>()).ToArray(),
                Threshold = ParseSeverity(parse.GetValue(threshold)),
                Load = new LoadOptions { Parameters = paramMap },
                Lint = new LintOptions
                {
                    IncludeRules = include.Length > 0 ? include : null,
                    ExcludeRules = Names(parse.GetValue(exclude)).ToArray(),
                },
            };

            var run = Pipeline.Run(options);
            if (parse.GetValue(verbose))
            {
                foreach (var s in run.Load.Skipped)
                {
                    io.Error.WriteLine($"note: skipped {s}: not a PeeringLint input");
                }

                foreach (var t in run.Timings)
                {
                    io.Error.WriteLine($"timing: {t.Key} {t.Value.TotalMilliseconds:F1} ms");
                }
            }

            var errStyle = ConsoleStyle.ForStdout(parse.GetValue(noColor) || !io.IsConsole || Console.IsErrorRedirected);
            TextReporter.WriteProblems(io.Error, run.Problems, run.Load.Documents, errStyle);

            string? outPath = parse.GetValue(output);
            string fmt = parse.GetValue(format) ?? "text";
            if (fmt == "json")
            {
                using var stream = outPath is null ? new MemoryStream() : (Stream)File.Create(outPath);
                JsonReporter.Write(stream, run);
                if (outPath is null)
                {
                    io.Out.Write(System.Text.Encoding.UTF8.GetString(((MemoryStream)stream).ToArray()));
                    io.Out.WriteLine();
                }
            }
            else if (outPath is not null)
            {
                using var file = new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                TextReporter.WriteFindings(file, run, ConsoleStyle.Plain);
            }
            else
            {
                var style = io.IsConsole ? ConsoleStyle.ForStdout(parse.GetValue(noColor)) : ConsoleStyle.Plain;
                TextReporter.WriteFindings(io.Out, run, style);
            }

            return run.ExitCode(parse.GetValue(exitZero));
        });
        return cmd;
    }

    internal static IEnumerable<string> Names(string[]? values) =>
        (values ?? Array.Empty<string>()).SelectMany(v => v.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)).Select(v => v.Trim()).Where(v => v.Length > 0);

    internal static Severity ParseSeverity(string? s) => s switch
    {
        "note" => Severity.Note,
        "error" => Severity.Error,
        _ => Severity.Warning,
    };
}
