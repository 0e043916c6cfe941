using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Configuration;
using PeeringLint.Cli.Inputs;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint lint &lt;file-or-dir&gt;...</c></summary>
internal static class LintCommand
{
    public static Command Create(CommandIO io, string? baseDirectory = null)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders to lint (AWS CLI JSON, CloudFormation, tutorial YAML).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text, json, sarif (SARIF 2.1.0) or github (GitHub Actions annotations).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "github");
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var threshold = new Option<string>("--severity-threshold") { Description = "Lowest severity that fails the run (exit code 1): note, warning or error.", DefaultValueFactory = _ => "warning" };
        threshold.AcceptOnlyFromAmong("note", "warning", "error");
        var rules = new Option<string[]>("--rules") { Description = "Run only these rules (ids or names, comma-separated or repeated)." };
        var exclude = new Option<string[]>("--exclude-rules") { Description = "Do not run these rules (ids or names, comma-separated or repeated)." };
        var parameters = ParameterOption.Create();
        var intents = new Option<string[]>("--intents") { Description = "YAML file(s) of connectivity intents to check." };
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when findings fail the threshold (input errors still exit 2)." };
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the output (NO_COLOR is honoured too)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print skipped files and phase timings to standard error." };
        var config = new Option<string?>("--config", "-c") { Description = "Configuration file (default: the nearest .peeringlint.yaml at or above the first input's folder)." };
        var noConfig = new Option<bool>("--no-config") { Description = "Do not look for a .peeringlint.yaml." };
        var baselineOpt = new Option<string?>("--baseline") { Description = "SARIF log of an earlier run: report (and fail on) only findings it does not hold." };

        var cmd = new Command("lint", "Lint network inputs and report peering mistakes.")
        {
            inputs, format, output, threshold, rules, exclude, parameters, intents, exitZero, noColor, verbose, config, noConfig, baselineOpt,
        };

        cmd.SetAction(parse =>
        {
            string baseDir = baseDirectory ?? Directory.GetCurrentDirectory();
            var inputArgs = parse.GetValue(inputs) ?? Array.Empty<string>();
            LintConfig? lintConfig = null;
            string? configPath = parse.GetValue(config) is { } cp
                ? Path.GetFullPath(Path.Combine(baseDir, cp))
                : parse.GetValue(noConfig) || inputArgs.Length == 0 ? null : ConfigDiscovery.Find(inputArgs[0], baseDir);
            if (configPath is not null)
            {
                var configProblems = new List<InputProblem>();
                lintConfig = File.Exists(configPath) || parse.GetValue(config) is null
                    ? ConfigReader.Read(configPath, InputFiles.Display(configPath, baseDir), configProblems)
                    : null;
                if (lintConfig is null)
                {
                    if (configProblems.Count == 0)
                    {
                        io.Error.WriteLine($"peeringlint: error: configuration file '{parse.GetValue(config)}' not found");
                    }

                    TextReporter.WriteProblems(io.Error, configProblems, new Dictionary<string, SourceDocument>(), ConsoleStyle.Plain);
                    return ExitCodes.InputError;
                }
            }

            // Command-line values win over the configuration's defaults.
            var given = ParameterOption.Parse(parse.GetValue(parameters), io.Error);
            if (given is null)
            {
                return ExitCodes.InputError;
            }

            var paramMap = new Dictionary<string, string>(lintConfig?.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            foreach (var kv in given)
            {
                paramMap[kv.Key] = kv.Value;
            }

            var unknownRules = Names(parse.GetValue(rules)).Concat(Names(parse.GetValue(exclude))).Where(n => RuleCatalog.Find(n) is null).ToList();
            if (unknownRules.Count > 0)
            {
                io.Error.WriteLine($"peeringlint: error: unknown rule {string.Join(", ", unknownRules.Select(r => "'" + r + "'"))}; 'peeringlint rules' lists them");
                return ExitCodes.InputError;
            }

            var include = Names(parse.GetValue(rules)).ToArray();
            var excluded = Names(parse.GetValue(exclude)).ToList();
            var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
            foreach (var setting in lintConfig?.Rules ?? Array.Empty<RuleSetting>())
            {
                if (!setting.Enabled)
                {
                    excluded.Add(setting.RuleId);
                }
                else if (setting.Severity is { } sev)
                {
                    severities[setting.RuleId] = sev;
                }
            }

            var thresholdResult = parse.GetResult(threshold);
            var severityThreshold = (thresholdResult is null || thresholdResult.Implicit) && lintConfig?.SeverityThreshold is { } configured
                ? configured
                : ParseSeverity(parse.GetValue(threshold));
            var options = new PipelineOptions
            {
                ProgressTerminal = io.IsConsole && !Console.IsErrorRedirected ? io.Error : null,
                Inputs = inputArgs.Concat(parse.GetValue(intents) ?? Array.Empty<string>()).Concat(lintConfig?.Intents ?? Array.Empty<string>()).ToArray(),
                Threshold = severityThreshold,
                Load = new LoadOptions { Parameters = paramMap },
                Lint = new LintOptions
                {
                    IncludeRules = include.Length > 0 ? include : null,
                    ExcludeRules = excluded,
                    SeverityOverrides = severities,
                },
                BaseDirectory = baseDir,
                Config = lintConfig,
                BaselinePath = parse.GetValue(baselineOpt),
            };

            var run = Pipeline.Run(options);
            if (parse.GetValue(verbose))
            {
                if (lintConfig is not null)
                {
                    io.Error.WriteLine($"note: using configuration {lintConfig.DisplayPath}");
                }

                foreach (var s in run.Ignored)
                {
                    io.Error.WriteLine($"note: ignored {s} (ignore_paths in the configuration)");
                }

                foreach (var s in run.Load.SkippedFiles)
                {
                    io.Error.WriteLine($"note: skipped {s.Path}: {s.Reason}");
                }

                foreach (var t in run.Timings)
                {
                    io.Error.WriteLine($"timing: {t.Key} {t.Value.TotalMilliseconds:F1} ms");
                }
            }

            string? outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                outPath = Path.GetFullPath(Path.Combine(baseDir, outPath));
            }

            string fmt = parse.GetValue(format) ?? "text";
            var errStyle = ConsoleStyle.ForStdout(parse.GetValue(noColor) || !io.IsConsole || Console.IsErrorRedirected);
            if (fmt != "github" || outPath is not null)
            {
                // GitHub annotations carry the input problems themselves; printing them twice clutters the log.
                TextReporter.WriteProblems(io.Error, run.Problems, run.Load.Documents, errStyle);
            }

            if (fmt is "sarif" or "github")
            {
                using var file = outPath is null ? null : new StreamWriter(outPath, false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
                var writer = file ?? io.Out;
                if (fmt == "sarif")
                {
                    SarifReporter.Write(writer, run);
                }
                else
                {
                    GitHubReporter.Write(writer, run);
                }
            }
            else if (fmt == "json")
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
