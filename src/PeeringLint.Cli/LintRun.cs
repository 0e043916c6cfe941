using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Configuration;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;

namespace PeeringLint.Cli;

/// <summary>What a command asks of the <see cref="Pipeline"/>: the inputs and everything that shapes how they are read and linted.</summary>
internal sealed record RunRequest
{
    /// <summary>Files and folders named on the command line.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = Array.Empty<string>();

    /// <summary>Connectivity intent files (<c>--intents</c> and the configuration's <c>intents:</c>).</summary>
    public IReadOnlyList<string> IntentFiles { get; init; } = Array.Empty<string>();

    public LoadOptions Load { get; init; } = LoadOptions.Default;

    /// <summary>Which rules run, at what severity. Ignored when <see cref="RunRules"/> is false.</summary>
    public LintOptions Lint { get; init; } = LintOptions.Default;

    /// <summary>False for commands that need the model and its index but no findings (<c>reach</c>).</summary>
    public bool RunRules { get; init; } = true;

    /// <summary>
    /// Compact a large model once between reading and the rules (<c>Pipeline.CompactAfterLargeRead</c>): worth it in a
    /// one-shot <c>lint</c> of an organisation's export, not in the language server or the fixer, which run again and
    /// again and would pay a blocking full collection each time.
    /// </summary>
    public bool CompactLargeModel { get; init; }

    public Severity Threshold { get; init; } = Severity.Warning;

    /// <summary>The folder relative paths resolve against and display paths are relative to (SARIF's %SRCROOT%).</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where a progress bar may be drawn while many files are read (standard error on a terminal), or null.</summary>
    public TextWriter? ProgressTerminal { get; init; }

    /// <summary>The configuration in effect (its rule settings are already in <see cref="Lint"/>), and its file.</summary>
    public LintConfig? Config { get; init; }

    public string? ConfigPath { get; init; }

    /// <summary>Parameter files the run reads (<c>--parameters-file</c> and the stacks' <c>parameter_file</c>), absolute: never an output.</summary>
    public IReadOnlyList<string> ParameterFiles { get; init; } = Array.Empty<string>();

    /// <summary>A SARIF log of an earlier run; only findings it lacks are new.</summary>
    public string? BaselinePath { get; init; }

    /// <summary>The file the report will be written to (absolute), or null for standard output: never one the run reads.</summary>
    public string? OutputPath { get; init; }

    /// <summary>
    /// Texts that stand in for input files (display path → text): <c>lint --fix</c> re-lints its edits before it writes
    /// them. Null: every input is read from disk.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Overlay { get; init; }
}

/// <summary>
/// Everything one run produced, consumed as it is by every reporter, the graph and <c>reach</c>: the loaded inputs,
/// the findings, the input problems, the intents' outcomes (evaluated once), and the files the run read.
/// </summary>
internal sealed record LintRun(
    LoadResult Load,
    LintResult Result,
    IReadOnlyList<InputProblem> Problems,
    Severity Threshold,
    IReadOnlyDictionary<string, TimeSpan> Timings)
{
    public IReadOnlyList<Finding> Findings => Result.Findings;

    public ModelIndex Index => Result.Index;

    /// <summary>What the inputs cover: kinds described, each VPC's resources, peer VPCs outside the input (one pass over the VPCs).</summary>
    public Coverage Coverage => Coverage.Of(Index);

    /// <summary>The folder paths are relative to (SARIF's %SRCROOT%).</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The configuration file in effect, or null.</summary>
    public LintConfig? Config { get; init; }

    /// <summary>The <c>--baseline</c> log, when one was given.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Inputs left out by the configuration's <c>ignore_paths</c> (display paths).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = Array.Empty<string>();

    /// <summary>Every connectivity intent with its resolution and, when it resolved, its reachability result.</summary>
    public IReadOnlyList<IntentOutcome> Intents { get; init; } = Array.Empty<IntentOutcome>();

    /// <summary>True when the report must not be written: <see cref="RunRequest.OutputPath"/> is, or links to, a file the run reads.</summary>
    public bool OutputRefused { get; init; }

    /// <summary>The rules that ran, in catalogue order (none for <c>reach</c>).</summary>
    public IReadOnlyList<RuleDescriptor> Rules { get; init; } = Array.Empty<RuleDescriptor>();

    /// <summary>Absolute paths of every file the run read or may read (inputs, configuration, baseline): never an output.</summary>
    public IReadOnlyList<string> ReadPaths { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The current text of an input file of this run (display path), for rendering fixes: the overlay's text, or the file
    /// read again; null for a file that is not an input (a nested template the run only followed) or cannot be read.
    /// </summary>
    public Func<string, string?> TextOf { get; init; } = _ => null;

    private Dictionary<Finding, IReadOnlyList<Fixes.TextFix>>? _fixes;

    /// <summary>The text fixes of a finding (<see cref="Fixes.TextFixes"/>), computed once per run.</summary>
    public IReadOnlyList<Fixes.TextFix> FixesOf(Finding finding)
    {
        lock (Findings)
        {
            _fixes ??= new Dictionary<Finding, IReadOnlyList<Fixes.TextFix>>(ReferenceEqualityComparer.Instance);
            if (!_fixes.TryGetValue(finding, out var fixes))
            {
                fixes = finding.Repairs.Count == 0 ? Array.Empty<Fixes.TextFix>() : Fixes.TextFixes.For(finding, TextOf);
                _fixes[finding] = fixes;
            }

            return fixes;
        }
    }

    /// <summary>Findings a person should see: not suppressed and, with a baseline, new.</summary>
    public IEnumerable<Finding> Shown => Findings.Where(f => !f.IsSuppressed && (Baseline is null || Baseline.IsNew(f)));

    /// <summary>Findings that fail the run: shown ones at or above the threshold.</summary>
    public IEnumerable<Finding> Failing => Shown.Where(f => f.Severity >= Threshold);

    public bool HasInputErrors => Problems.Any(p => p.Severity == InputProblemSeverity.Error) || Result.Failures.Count > 0;

    public int ExitCode(bool exitZero)
    {
        if (HasInputErrors)
        {
            return ExitCodes.InputError;
        }

        return !exitZero && Failing.Any() ? ExitCodes.Findings : ExitCodes.Clean;
    }
}
