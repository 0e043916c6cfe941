using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Inputs;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

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

    public IEnumerable<Finding> Failing => Findings.Where(f => !f.IsSuppressed && f.Severity >= Threshold);

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
        var load = new InputLoader().Load(sources, options.Load);
        problems.AddRange(load.Problems);
        timings["read"] = sw.Elapsed;
        sw.Restart();
        var result = LintEngine.Run(load.Model, options.Lint);
        timings["rules"] = sw.Elapsed;
        problems.Sort((a, b) => a.Location.CompareTo(b.Location));
        return new LintRun(load, result, problems, options.Threshold, timings);
    }
}
