using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Analyzers;

/// <summary>
/// Lints the network templates listed as AdditionalFiles (YAML and JSON) as ONE input set, with the same
/// loader and rules as the CLI, and reports at the exact line and column inside each file. Files whose content
/// is no PeeringLint input are skipped quietly (AdditionalFiles may list unrelated files).
/// </summary>
internal static class AdditionalFilesLinter
{
    /// <summary>The cache the analyzer uses, shared by every compilation in the process (the compiler server, the IDE).</summary>
    public static TemplateSetCache Shared { get; } = new(capacity: 8);

    /// <summary>Lints the templates, or replays their diagnostics when the same contents were linted before.</summary>
    public static void LintCached(IReadOnlyList<AdditionalText> files, Action<Diagnostic> report, CancellationToken cancellationToken) =>
        Shared.Lint(files, report, cancellationToken);

    /// <summary>
    /// The diagnostics of the last template sets linted, by the paths and content checksums of their files: a compilation
    /// whose templates did not change (an edit in a C# file, the next build) reports them again without parsing a
    /// template. Diagnostics of additional files hold no syntax tree, so they are valid in any compilation.
    /// </summary>
    internal sealed class TemplateSetCache
    {
        private readonly object _gate = new();
        private readonly int _capacity;

        /// <summary>Newest first.</summary>
        private readonly List<KeyValuePair<string, Diagnostic[]>> _recent = new();

        public TemplateSetCache(int capacity)
        {
            _capacity = capacity;
        }

        /// <summary>How many times a template set was parsed and linted (not replayed).</summary>
        public int Misses { get; private set; }

        public void Lint(IReadOnlyList<AdditionalText> files, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var texts = Texts(files, cancellationToken);
            string key = Key(texts);
            Diagnostic[]? cached = null;
            lock (_gate)
            {
                int at = _recent.FindIndex(e => e.Key == key);
                if (at >= 0)
                {
                    var entry = _recent[at];
                    _recent.RemoveAt(at);
                    _recent.Insert(0, entry);
                    cached = entry.Value;
                }
            }

            if (cached is null)
            {
                var found = new List<Diagnostic>();
                AdditionalFilesLinter.Lint(texts, found.Add, cancellationToken);
                cached = found.ToArray();
                lock (_gate)
                {
                    Misses++;
                    _recent.Insert(0, new KeyValuePair<string, Diagnostic[]>(key, cached));
                    if (_recent.Count > _capacity)
                    {
                        _recent.RemoveAt(_recent.Count - 1);
                    }
                }
            }

            foreach (var d in cached)
            {
                report(d);
            }
        }
    }

    /// <summary>Paths and content checksums, in path order (the set, not the order the project lists them in).</summary>
    private static string Key(List<KeyValuePair<string, SourceText>> texts)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var t in texts)
        {
            sb.Append(t.Key).Append('\0');
            foreach (byte b in t.Value.GetChecksum())
            {
                sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            sb.Append(':').Append(t.Value.Length).Append('\n');
        }

        return sb.ToString();
    }

    private static List<KeyValuePair<string, SourceText>> Texts(IReadOnlyList<AdditionalText> files, CancellationToken cancellationToken)
    {
        var texts = new List<KeyValuePair<string, SourceText>>(files.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = file.GetText(cancellationToken);
            if (text is null || !seen.Add(file.Path))
            {
                continue;
            }

            texts.Add(new KeyValuePair<string, SourceText>(file.Path, text));
        }

        texts.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return texts;
    }

    public static IReadOnlyList<AdditionalText> Select(ImmutableArray<AdditionalText> files)
    {
        List<AdditionalText>? selected = null;
        foreach (var f in files)
        {
            string path = f.Path;
            if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                (selected ??= new List<AdditionalText>()).Add(f);
            }
        }

        return (IReadOnlyList<AdditionalText>?)selected ?? Array.Empty<AdditionalText>();
    }

    private static void Lint(List<KeyValuePair<string, SourceText>> files, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var sources = new List<InputSource>(files.Count);
        foreach (var file in files)
        {
            texts[file.Key] = file.Value;
            sources.Add(InputSource.FromText(file.Key, file.Value.ToString(), isExplicit: false));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var loaded = new InputLoader().Load(sources, new LoadOptions { MaxDegreeOfParallelism = 1, RequireInput = false });
        Location Map(SourceLocation l) => ToRoslyn(l, texts);
        foreach (var problem in loaded.Problems)
        {
            if (problem.Severity == InputProblemSeverity.Error)
            {
                report(Diagnostic.Create(PeeringDiagnostics.InputProblem, Map(problem.Location), problem.Message));
            }
        }

        if (loaded.Model.Files.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = LintEngine.Run(loaded.Model, new LintOptions { MaxDegreeOfParallelism = 1 });
        PeeringLintAnalyzer.Report(result.Findings, Map, FixProperties.Plain, report);
        PeeringLintAnalyzer.ReportFailures(result.Failures, report);
    }

    /// <summary>
    /// A location inside an additional file from the 1-based line and column (UTF-16 columns for every format;
    /// JSON offsets are UTF-8 bytes, so lines and columns are the common ground).
    /// </summary>
    private static Location ToRoslyn(SourceLocation l, Dictionary<string, SourceText> texts)
    {
        if (l.IsNone || !texts.TryGetValue(l.Path, out var text))
        {
            return Location.None;
        }

        var start = Position(text, l.StartLine, l.StartColumn);
        var end = Position(text, Math.Max(l.EndLine, l.StartLine), l.EndColumn);
        if (end.Position < start.Position)
        {
            end = start;
        }

        return Location.Create(l.Path, TextSpan.FromBounds(start.Position, end.Position), new LinePositionSpan(start.LinePosition, end.LinePosition));
    }

    private static (int Position, LinePosition LinePosition) Position(SourceText text, int line, int column)
    {
        int lineIndex = Math.Min(Math.Max(line - 1, 0), Math.Max(text.Lines.Count - 1, 0));
        var textLine = text.Lines[lineIndex];
        int character = Math.Min(Math.Max(column - 1, 0), textLine.End - textLine.Start);
        return (textLine.Start + character, new LinePosition(lineIndex, character));
    }
}
