using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Cli.Output;

/// <summary>
/// What a person wants in a terminal: findings grouped by file, each as <c>path:line:col: severity RULE: message</c>
/// (clickable in terminals and editors) with the source line and a caret under the span, then one summary line.
/// </summary>
internal static class TextReporter
{
    public static void WriteProblems(TextWriter w, IReadOnlyList<InputProblem> problems, IReadOnlyDictionary<string, SourceDocument> documents, ConsoleStyle style)
    {
        foreach (var p in problems)
        {
            var sev = p.Severity switch
            {
                InputProblemSeverity.Error => style.Severity(Severity.Error, "error"),
                InputProblemSeverity.Warning => style.Severity(Severity.Warning, "warning"),
                _ => style.Severity(Severity.Note, "note"),
            };
            w.WriteLine($"{style.Bold(p.Location.ToString())}: {sev}: {p.Message}");
            WriteSnippet(w, p.Location, documents, style);
        }
    }

    public static void WriteFindings(TextWriter w, LintRun run, ConsoleStyle style)
    {
        var documents = run.Load.Documents;
        string? currentFile = null;
        foreach (var f in run.Shown)
        {
            if (f.Location.Path != currentFile)
            {
                if (currentFile is not null)
                {
                    w.WriteLine();
                }

                currentFile = f.Location.Path;
                w.WriteLine(style.Bold(string.IsNullOrEmpty(currentFile) ? "(no file)" : currentFile));
            }

            string sev = style.Severity(f.Severity, SeverityName(f.Severity));
            w.WriteLine($"{f.Location}: {sev} {style.Bold(f.RuleId)}: {f.Message}");
            WriteSnippet(w, f.Location, documents, style);
            foreach (var r in f.Related)
            {
                w.WriteLine(style.Dim($"      = see {r.Location}: {r.Message}"));
            }
        }

        foreach (var failure in run.Result.Failures)
        {
            w.WriteLine(style.Severity(Severity.Error, "internal error") + $" in rule {failure.RuleId}: {failure.Message} (please report this bug)");
        }

        if (run.Shown.Any())
        {
            w.WriteLine();
        }

        w.WriteLine(Summary(run, style));
    }

    public static string Summary(LintRun run, ConsoleStyle style)
    {
        var shown = run.Shown.ToList();
        int errors = shown.Count(f => f.Severity == Severity.Error);
        int warnings = shown.Count(f => f.Severity == Severity.Warning);
        int notes = shown.Count(f => f.Severity == Severity.Note);
        int suppressed = run.Findings.Count(f => f.IsSuppressed);
        int unchanged = run.Baseline is { } baseline ? run.Findings.Count(f => !f.IsSuppressed && !baseline.IsNew(f)) : 0;
        int files = run.Load.Model.Files.Count;
        string counts = string.Format(CultureInfo.InvariantCulture, "{0} {1} ({2} {3}, {4} {5}, {6} {7})",
            shown.Count, Plural(shown.Count, "problem"), errors, Plural(errors, "error"), warnings, Plural(warnings, "warning"), notes, Plural(notes, "note"));
        string tail = string.Format(CultureInfo.InvariantCulture, " in {0} {1}", files, Plural(files, "file"));
        if (suppressed > 0)
        {
            tail += string.Format(CultureInfo.InvariantCulture, "; {0} suppressed", suppressed);
        }

        if (unchanged > 0)
        {
            tail += string.Format(CultureInfo.InvariantCulture, "; {0} unchanged since the baseline", unchanged);
        }

        if (shown.Count == 0)
        {
            return style.Green("✓ no problems") + tail;
        }

        var mark = run.Failing.Any() ? style.Red("✖ ") : "! ";
        return mark + counts + tail;
    }

    internal static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static void WriteSnippet(TextWriter w, SourceLocation loc, IReadOnlyDictionary<string, SourceDocument> documents, ConsoleStyle style)
    {
        if (loc.IsNone || !documents.TryGetValue(loc.Path, out var doc))
        {
            return;
        }

        string line = doc.GetLine(loc.StartLine).Replace('\t', ' ');
        if (line.Length == 0)
        {
            return;
        }

        const int MaxWidth = 160;
        int start = Math.Max(0, loc.StartColumn - 1);
        int offset = 0;
        if (line.Length > MaxWidth && start > MaxWidth / 2)
        {
            offset = Math.Min(start - 20, line.Length - MaxWidth);
            offset = Math.Max(0, offset);
            line = "…" + line.Substring(offset);
            start = start - offset + 1;
        }

        if (line.Length > MaxWidth)
        {
            line = line.Substring(0, MaxWidth) + "…";
        }

        int width = loc.EndLine == loc.StartLine ? Math.Max(1, loc.EndColumn - loc.StartColumn) : Math.Max(1, line.Length - start);
        width = Math.Min(width, Math.Max(1, line.Length - start));
        string gutter = loc.StartLine.ToString(CultureInfo.InvariantCulture);
        string pad = new(' ', gutter.Length);
        w.WriteLine(style.Dim($"  {gutter} | ") + line);
        w.WriteLine(style.Dim($"  {pad} | ") + new string(' ', Math.Min(start, line.Length)) + style.Red("^" + new string('~', width - 1)));
    }
}
