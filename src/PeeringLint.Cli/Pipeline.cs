using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Configuration;
using PeeringLint.Cli.Fixing;
using PeeringLint.Cli.Inputs;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;

namespace PeeringLint.Cli;

/// <summary>
/// Read → model → rules → intents: the one path every command takes. It finds the inputs, refuses an output that
/// is one of them, loads, indexes, lints and evaluates the intents once, and returns one <see cref="LintRun"/>.
/// </summary>
internal static class Pipeline
{
    /// <summary>Heap size above which the model is compacted once before the rules run (<see cref="CompactAfterLargeRead"/>).</summary>
    private const long LargeHeapBytes = 128L << 20;

    /// <summary>
    /// After a large input (an organisation's export, hundreds of MB), the model stays alive through the rules while the read
    /// phase's garbage (syntax trees promoted while their file was being mapped) waits in the older generations for a full
    /// collection. One compacting collection here lets the rules allocate into that space instead of growing the heap over
    /// it (10,000 VPCs: peak RSS −20 to −30 MiB at no measurable CPU cost; bench/README.md). Small inputs skip it, and
    /// only <c>lint</c> asks for it (<see cref="RunRequest.CompactLargeModel"/>): the language server and the fixer run
    /// the pipeline again and again.
    /// </summary>
    private static bool CompactAfterLargeRead()
    {
        if (GC.GetGCMemoryInfo().HeapSizeBytes < LargeHeapBytes)
        {
            return false;
        }

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return true;
    }

    public static LintRun Run(RunRequest request)
    {
        var timings = new Dictionary<string, TimeSpan>();
        var sw = Stopwatch.StartNew();
        var problems = new List<InputProblem>();
        var sources = WithoutConfiguration(InputFiles.Enumerate(request.Inputs.Concat(request.IntentFiles), request.BaseDirectory, problems), request);
        // Files named on the command line, the configuration and the baseline are never an output; neither is a file
        // found in a folder once it turns out to be an input (checked again after loading, below).
        var readPaths = ReadPaths(request, sources.Where(s => s.Explicit));
        if (Refuse(request, readPaths, problems))
        {
            var empty = new LoadResult(new NetworkModelBuilder().Build(), Array.Empty<InputProblem>(), new Dictionary<string, Parsers.Syntax.SourceDocument>(), Array.Empty<string>());
            return new LintRun(empty, new LintResult(Array.Empty<Finding>(), Array.Empty<RuleFailure>(), new ModelIndex(empty.Model)), problems, request.Threshold, timings)
            {
                BaseDirectory = request.BaseDirectory,
                Config = request.Config,
                ReadPaths = readPaths,
                OutputRefused = true,
            };
        }

        var filtered = IgnoreFilter.Apply(sources, request.Config, request.BaseDirectory);
        sources = request.Overlay is { } overlay ? filtered.Kept.Select(s => WithOverlay(s, overlay)).ToList() : filtered.Kept;
        var ignored = filtered.Ignored;
        problems.AddRange(filtered.Warnings);
        problems.AddRange(StackConfig.Unmatched(request.Config, sources.Select(s => s.Path), request.BaseDirectory));

        var loadOptions = request.Load;
        if (sources.Count == 0 && ignored.Count > 0)
        {
            // Still nothing to lint (exit 2), but say why: the configuration left every file out.
            problems.Add(new InputProblem(SourceLocation.None, $"nothing to lint: ignore_paths in {request.Config!.DisplayPath} leaves out all {ignored.Count} files found; --verbose lists them"));
            loadOptions = loadOptions with { RequireInput = false };
        }

        timings["find"] = sw.Elapsed;
        sw.Restart();
        LoadResult load;
        using (var bar = request.ProgressTerminal is { } terminal ? ProgressBar.Create(terminal, sources.Count, isTerminal: true) : null)
        {
            load = new InputLoader().Load(sources, bar is null ? loadOptions : loadOptions with { Progress = bar });
        }

        problems.AddRange(load.Problems);
        timings["read"] = sw.Elapsed;
        if (request.CompactLargeModel && CompactAfterLargeRead())
        {
            timings["compact"] = sw.Elapsed - timings["read"];
        }

        var skipped = new HashSet<string>(load.Skipped, StringComparer.Ordinal);
        readPaths = ReadPaths(request, sources.Where(s => s.Explicit || !skipped.Contains(s.Path)))
            .Concat(load.Followed.Select(f => Path.GetFullPath(Path.Combine(request.BaseDirectory, f))))
            .ToArray();
        bool refused = Refuse(request, readPaths, problems);
        sw.Restart();
        var result = request.RunRules
            ? LintEngine.Run(load.Model, request.Lint)
            : new LintResult(Array.Empty<Finding>(), Array.Empty<RuleFailure>(), new ModelIndex(load.Model));
        if (request.Config is { Suppressions.Count: > 0 } cfg)
        {
            result = result with { Findings = result.Findings.Select(f => Suppress(f, cfg)).ToArray() };
        }

        timings["rules"] = sw.Elapsed;
        sw.Restart();

        // Evaluated once (PL9001 and the graph share the result); an intent that names nothing is an input error
        // (exit 2), never a silent pass.
        var intents = IntentResolver.Evaluate(result.Index);
        problems.AddRange(intents.Where(o => o.Problem is not null).Select(o => o.Problem!));
        timings["intents"] = sw.Elapsed;
        Baseline? baseline = null;
        if (request.BaselinePath is { } bp)
        {
            var full = Path.GetFullPath(Path.Combine(request.BaseDirectory, bp));
            baseline = Baseline.Load(full, InputFiles.Display(full, request.BaseDirectory), problems);
        }

        problems.Sort((a, b) => a.Location.CompareTo(b.Location));
        return new LintRun(load, result, problems, request.Threshold, timings)
        {
            BaseDirectory = request.BaseDirectory,
            Config = request.Config,
            Baseline = baseline,
            Ignored = ignored,
            Intents = intents,
            OutputRefused = refused,
            Rules = request.RunRules ? LintEngine.Select(RuleCatalog.All, request.Lint).Select(r => r.Descriptor).ToArray() : Array.Empty<RuleDescriptor>(),
            ReadPaths = readPaths,
            TextOf = InputText.Reader(request, sources.Select(s => s.Path)),
        };
    }

    private static InputSource WithOverlay(InputSource source, IReadOnlyDictionary<string, string> overlay) =>
        overlay.TryGetValue(source.Path, out var text)
            ? InputSource.FromText(source.Path, text, source.Explicit) with { Folders = source.Folders }
            : source;

    /// <summary>Every file the run reads that must never be overwritten: the given inputs, the configuration and the baseline.</summary>
    /// <summary>
    /// Drops configuration files a folder walk found: <c>.peeringlint.yaml</c> is read as configuration, never as an
    /// input (its <c>intents:</c> list of paths would otherwise read as an intents file with errors).
    /// </summary>
    private static IReadOnlyList<InputSource> WithoutConfiguration(IReadOnlyList<InputSource> sources, RunRequest request)
    {
        bool IsConfiguration(InputSource s)
        {
            string name = s.Path.Substring(s.Path.LastIndexOf('/') + 1);
            return name is ConfigReader.FileName or ".peeringlint.yml"
                || (request.Config is { } config && string.Equals(s.Path, config.DisplayPath, StringComparison.Ordinal));
        }

        return sources.Any(s => !s.Explicit && IsConfiguration(s)) ? sources.Where(s => s.Explicit || !IsConfiguration(s)).ToList() : sources;
    }

    private static IReadOnlyList<string> ReadPaths(RunRequest request, IEnumerable<InputSource> sources)
    {
        var paths = new List<string>();
        foreach (var s in sources)
        {
            paths.Add(Path.GetFullPath(Path.Combine(request.BaseDirectory, s.Path)));
        }

        if (request.ConfigPath is { } config)
        {
            paths.Add(config);
        }

        paths.AddRange(request.ParameterFiles);
        if (request.BaselinePath is { } baseline)
        {
            paths.Add(Path.GetFullPath(Path.Combine(request.BaseDirectory, baseline)));
        }

        return paths;
    }

    /// <summary>Adds an input error and returns true when the report would overwrite (or write through a link to) a file the run reads.</summary>
    private static bool Refuse(RunRequest request, IReadOnlyList<string> readPaths, List<InputProblem> problems)
    {
        if (request.OutputPath is not { } output || ReportFile.SameFileAs(output, readPaths) is not { } input)
        {
            return false;
        }

        string shown = InputFiles.Display(output, request.BaseDirectory);
        string inputShown = InputFiles.Display(input, request.BaseDirectory);
        string why = shown == inputShown ? "it is an input of this run" : $"it is the same file as the input '{inputShown}' (a link)";
        problems.Add(new InputProblem(new SourceLocation(shown, 1, 1, 1, 1), $"refusing to write the report to '{shown}': {why}; choose another --output"));
        return true;
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
