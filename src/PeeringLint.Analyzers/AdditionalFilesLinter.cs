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

    public static void Lint(IReadOnlyList<AdditionalText> files, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        var texts = new Dictionary<string, SourceText>(StringComparer.Ordinal);
        var sources = new List<InputSource>(files.Count);
        foreach (var file in files)
        {
            var text = file.GetText(cancellationToken);
            if (text is null || texts.ContainsKey(file.Path))
            {
                continue;
            }

            texts[file.Path] = text;
            sources.Add(InputSource.FromText(file.Path, text.ToString(), isExplicit: false));
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
