using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Fixing;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint lint &lt;file-or-dir&gt;...</c></summary>
internal static class LintCommand
{
    public static Command Create(CommandIO io)
    {
        var shared = new SharedOptions("Files or folders to lint (AWS CLI JSON, CloudFormation, tutorial YAML).");
        var format = new Option<string>("--format", "-f") { Description = "Output format: " + string.Join(", ", Reporters.Names) + ".", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Reporters.Names);
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output (never one of the inputs)." };
        var threshold = new Option<string>("--severity-threshold") { Description = "Lowest severity that fails the run (exit code 1): note, warning or error.", DefaultValueFactory = _ => "warning" };
        threshold.AcceptOnlyFromAmong("note", "warning", "error");
        var rules = new Option<string[]>("--rules") { Description = "Run only these rules (ids or names, comma-separated or repeated)." };
        var exclude = new Option<string[]>("--exclude-rules") { Description = "Do not run these rules (ids or names, comma-separated or repeated)." };
        var exitZero = new Option<bool>("--exit-zero") { Description = "Exit 0 even when findings fail the threshold (input errors still exit 2)." };
        var baseline = new Option<string?>("--baseline") { Description = "SARIF log of an earlier run: report (and fail on) only findings it does not hold." };

        var fix = new Option<bool>("--fix") { Description = "Apply the fixes of the findings that have one to the input files (CloudFormation, tutorial YAML), then report what remains." };
        var dryRun = new Option<bool>("--fix-dry-run", "--diff") { Description = "Print the fixes as a unified diff; write nothing." };

        var cmd = new Command("lint", "Lint network inputs and report peering mistakes.") { format, output, threshold, rules, exclude, exitZero, baseline, fix, dryRun };
        shared.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var request = shared.Bind(parse, io);
            var include = Names(parse.GetValue(rules)).ToArray();
            var excluded = Names(parse.GetValue(exclude)).ToArray();
            if (request is null || !KnownRules(include.Concat(excluded), io.Error))
            {
                return ExitCodes.InputError;
            }

            var thresholdResult = parse.GetResult(threshold);
            string? outPath = parse.GetValue(output) is { } o ? Path.GetFullPath(Path.Combine(io.BaseDirectory, o)) : null;
            var lintRequest = request with
            {
                Lint = request.Lint with
                {
                    IncludeRules = include.Length > 0 ? include : null,
                    ExcludeRules = request.Lint.ExcludeRules.Concat(excluded).ToArray(),
                },
                Threshold = thresholdResult is null || thresholdResult.Implicit ? request.Threshold : ParseSeverity(parse.GetValue(threshold)),
                BaselinePath = parse.GetValue(baseline),
                OutputPath = outPath,
            };
            LintRun run;
            if (parse.GetValue(fix) || parse.GetValue(dryRun))
            {
                if (FixAction.Run(lintRequest, io, dryRun: parse.GetValue(dryRun)) is { } fixedRun)
                {
                    if (parse.GetValue(dryRun))
                    {
                        // The diff is the output; the exit code says what the files hold now.
                        TextReporter.WriteProblems(io.Error, fixedRun.Problems, fixedRun.Load.Documents, ConsoleStyle.Plain);
                        return fixedRun.ExitCode(parse.GetValue(exitZero));
                    }

                    run = fixedRun;
                }
                else
                {
                    return ExitCodes.InputError;
                }
            }
            else
            {
                run = Pipeline.Run(lintRequest with { CompactLargeModel = true });
            }

            if (shared.Verbose(parse))
            {
                SharedOptions.WriteVerbose(io.Error, run);
            }

            var reporter = Reporters.Find(parse.GetValue(format) ?? "text");
            if (!reporter.ShowsProblems || outPath is not null)
            {
                var errStyle = ConsoleStyle.ForStdout(shared.NoColor(parse) || !io.IsConsole || Console.IsErrorRedirected);
                TextReporter.WriteProblems(io.Error, run.Problems, run.Load.Documents, errStyle);
            }

            if (outPath is null)
            {
                reporter.Write(io.Out, run, io.IsConsole ? ConsoleStyle.ForStdout(shared.NoColor(parse)) : ConsoleStyle.Plain);
            }
            else if (!run.OutputRefused)
            {
                ReportFile.Write(outPath, w => reporter.Write(w, run, ConsoleStyle.Plain));
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

    private static bool KnownRules(IEnumerable<string> names, TextWriter error)
    {
        var unknown = names.Where(n => RuleCatalog.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"peeringlint: error: unknown rule {string.Join(", ", unknown.Select(r => "'" + r + "'"))}; 'peeringlint rules' lists them");
        }

        return unknown.Count == 0;
    }
}
