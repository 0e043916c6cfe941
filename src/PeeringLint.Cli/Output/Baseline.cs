using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Output;

/// <summary>
/// An earlier SARIF log (<c>--baseline old.sarif</c>) compared with this run by the results' partial
/// fingerprints (<see cref="Fingerprints.Key"/>): a finding whose fingerprint the baseline holds is
/// <c>unchanged</c>, any other is <c>new</c>, and baseline results no longer found are <c>absent</c>
/// (SARIF 2.1.0 §3.27.24). Only new findings are shown in text and fail the run.
/// </summary>
internal sealed class Baseline
{
    private readonly HashSet<string> _fingerprints;

    private Baseline(string path, HashSet<string> fingerprints, IReadOnlyList<Result> results)
    {
        Path = path;
        _fingerprints = fingerprints;
        Results = results;
    }

    /// <summary>The baseline file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The baseline's results that still describe a finding (results already marked absent are left out).</summary>
    public IReadOnlyList<Result> Results { get; }

    public bool IsNew(Finding f) => !_fingerprints.Contains(Fingerprints.Of(f));

    /// <summary>Baseline results whose fingerprint no current finding has, in the baseline's order.</summary>
    public IReadOnlyList<Result> Absent(IEnumerable<Finding> current)
    {
        var now = new HashSet<string>(current.Select(Fingerprints.Of), StringComparer.Ordinal);
        return Results.Where(r => !now.Contains(FingerprintOf(r)!)).ToList();
    }

    /// <summary>Reads a SARIF log written by PeeringLint; null (with a problem) when it cannot be used.</summary>
    public static Baseline? Load(string fullPath, string displayPath, List<InputProblem> problems)
    {
        SarifLog? log;
        try
        {
            using var reader = new StreamReader(SafeFile.OpenRead(fullPath, SafeFile.MaxBaselineBytes, "a baseline SARIF log"));
            using var json = new JsonTextReader(reader);
            log = JsonSerializer.CreateDefault().Deserialize<SarifLog>(json);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(new SourceLocation(displayPath, 1, 1, 1, 1), "cannot read the baseline: " + ex.Message));
            return null;
        }
        catch (JsonException ex)
        {
            int line = ex is JsonReaderException jr ? Math.Max(1, jr.LineNumber) : 1;
            int col = ex is JsonReaderException jc ? Math.Max(1, jc.LinePosition) : 1;
            problems.Add(new InputProblem(new SourceLocation(displayPath, line, col, line, col), "the baseline is not a SARIF log: " + ex.Message));
            return null;
        }

        if (log?.Runs is null || log.Runs.Count == 0)
        {
            problems.Add(new InputProblem(new SourceLocation(displayPath, 1, 1, 1, 1), "the baseline is not a SARIF log with at least one run"));
            return null;
        }

        var fingerprints = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<Result>();
        foreach (var run in log.Runs.Where(r => string.Equals(r.Tool?.Driver?.Name, SarifReporter.ToolName, StringComparison.Ordinal)))
        {
            foreach (var r in run.Results ?? Array.Empty<Result>())
            {
                if (r.BaselineState == BaselineState.Absent || FingerprintOf(r) is not { } fp)
                {
                    continue;
                }

                if (fingerprints.Add(fp))
                {
                    results.Add(r);
                }
            }
        }

        if (!log.Runs.Any(r => string.Equals(r.Tool?.Driver?.Name, SarifReporter.ToolName, StringComparison.Ordinal)))
        {
            problems.Add(new InputProblem(new SourceLocation(displayPath, 1, 1, 1, 1), $"the baseline holds no run of {SarifReporter.ToolName}; write it with 'peeringlint lint --format sarif'"));
            return null;
        }

        return new Baseline(displayPath, fingerprints, results);
    }

    private static string? FingerprintOf(Result r) =>
        r.PartialFingerprints is { } p && p.TryGetValue(Fingerprints.Key, out var v) && !string.IsNullOrEmpty(v) ? v : null;
}
