using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Configuration;
using PeeringLint.Cli.Inputs;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;

namespace PeeringLint.Cli;

/// <summary>Everything one run produced: inputs, findings, problems, and how long each phase took.</summary>
internal sealed record LintRun(
    LoadResult Load,
    LintResult Result,
    IReadOnlyList<InputProblem> Problems,
    Severity Threshold,
    IReadOnlyDictionary<string, TimeSpan> Timings)
{
    public IReadOnlyList<Finding> Findings => Result.Findings;

    /// <summary>The folder paths are relative to (SARIF's %SRCROOT%).</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The <c>--baseline</c> log, when one was given.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Inputs left out by the configuration's <c>ignore_paths</c> (display paths).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = Array.Empty<string>();

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

internal sealed record PipelineOptions
{
    public IReadOnlyList<string> Inputs { get; init; } = Array.Empty<string>();

    public LintOptions Lint { get; init; } = LintOptions.Default;

    public LoadOptions Load { get; init; } = LoadOptions.Default;

    public Severity Threshold { get; init; } = Severity.Warning;

    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where a progress bar may be drawn while many files are read (standard error on a terminal), or null.</summary>
    public TextWriter? ProgressTerminal { get; init; }

    /// <summary>The configuration file in effect (its rule settings are already merged into <see cref="Lint"/>).</summary>
    public LintConfig? Config { get; init; }

    /// <summary>A SARIF log of an earlier run; only findings it lacks are new.</summary>
    public string? BaselinePath { get; init; }
}

/// <summary>Read → model → rules: the one path every command takes.</summary>
internal static class Pipeline
{
    public static LintRun Run(PipelineOptions options)
    {
        var timings = new Dictionary<string, TimeSpan>();
        var sw = Stopwatch.StartNew();
        var problems = new List<InputProblem>();
        var sources = InputFiles.Enumerate(options.Inputs, options.BaseDirectory, problems);
        var filtered = IgnoreFilter.Apply(sources, options.Config, options.BaseDirectory);
        sources = filtered.Kept;
        var ignored = filtered.Ignored;
        problems.AddRange(filtered.Warnings);

        LoadResult load;
        using (var bar = options.ProgressTerminal is { } terminal ? ProgressBar.Create(terminal, sources.Count, isTerminal: true) : null)
        {
            load = new InputLoader().Load(sources, bar is null ? options.Load : options.Load with { Progress = bar });
        }

        problems.AddRange(load.Problems);
        timings["read"] = sw.Elapsed;
        sw.Restart();
        var result = LintEngine.Run(load.Model, options.Lint);
        if (options.Config is { Suppressions.Count: > 0 } cfg)
        {
            result = result with { Findings = result.Findings.Select(f => Suppress(f, cfg)).ToArray() };
        }

        // An intent that names nothing is an input error (exit 2), never a silent pass.
        problems.AddRange(IntentResolver.Problems(result.Index));
        timings["rules"] = sw.Elapsed;
        Baseline? baseline = null;
        if (options.BaselinePath is { } bp)
        {
            var full = Path.GetFullPath(Path.Combine(options.BaseDirectory, bp));
            baseline = Baseline.Load(full, InputFiles.Display(full, options.BaseDirectory), problems);
        }

        problems.Sort((a, b) => a.Location.CompareTo(b.Location));
        return new LintRun(load, result, problems, options.Threshold, timings)
        {
            BaseDirectory = options.BaseDirectory,
            Baseline = baseline,
            Ignored = ignored,
        };
    }

    /// <summary>Marks a finding that a configuration suppression matches (in-source suppressions win).</summary>
    private static Finding Suppress(Finding f, LintConfig config)
    {
        if (f.IsSuppressed)
        {
            return f;
        }

        var match = config.Suppressions.FirstOrDefault(s => s.Matches(f));
        return match is null ? f : f with { Suppression = new FindingSuppression(SuppressionKind.External, match.Justification, match.Location) };
    }
}
