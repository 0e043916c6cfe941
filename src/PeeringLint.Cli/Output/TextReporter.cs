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
            // A problem of the run as a whole (nothing to lint) has no file: it reads as the tool's own message.
            string where = p.Location.IsNone ? "peeringlint" : TextEscaping.Escape(p.Location.ToString());
            w.WriteLine($"{style.Bold(where)}: {sev}: {TextEscaping.Escape(p.Message)}");
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
                w.WriteLine(style.Bold(string.IsNullOrEmpty(currentFile) ? "(no file)" : TextEscaping.Escape(currentFile)));
            }

            string sev = style.Severity(f.Severity, SeverityName(f.Severity));
            w.WriteLine($"{TextEscaping.Escape(f.Location.ToString())}: {sev} {style.Bold(f.RuleId)}: {TextEscaping.Escape(f.Message)}");
            WriteSnippet(w, f.Location, documents, style);
            foreach (var r in f.Related)
            {
                w.WriteLine(style.Dim($"      = see {TextEscaping.Escape(r.Location.ToString())}: {TextEscaping.Escape(r.Message)}"));
            }

            WriteFix(w, run, f, style);
        }

        foreach (var failure in run.Result.Failures)
        {
            w.WriteLine(style.Severity(Severity.Error, "internal error") + $" in rule {failure.RuleId}: {TextEscaping.Escape(failure.Message)} (please report this bug)");
        }

        if (run.Shown.Any())
        {
            w.WriteLine();
        }

        w.WriteLine(Summary(run, style));
    }

    /// <summary>"= fix: …" under a finding with a repair: what <c>--fix</c> does, or the AWS CLI command for an export.</summary>
    private static void WriteFix(TextWriter w, LintRun run, Finding f, ConsoleStyle style)
    {
        if (f.Repairs.Count == 0)
        {
            return;
        }

        var fixes = run.FixesOf(f);
        if (fixes.Count > 0)
        {
            w.WriteLine(style.Dim($"      = fix: {TextEscaping.Escape(fixes[0].Title)} (--fix applies it)"));
            return;
        }

        foreach (var r in f.Repairs)
        {
            if (Fixes.RepairCommands.AwsCli(r) is { } command)
            {
                w.WriteLine(style.Dim($"      = fix: {TextEscaping.Escape(command)}"));
            }
        }
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

        // Input problems count: a run that could not read its inputs never says "no problems".
        int inputErrors = run.Problems.Count(p => p.Severity == InputProblemSeverity.Error) + run.Result.Failures.Count;
        int inputWarnings = run.Problems.Count(p => p.Severity == InputProblemSeverity.Warning);
        string input = string.Empty;
        if (inputErrors > 0)
        {
            input = string.Format(CultureInfo.InvariantCulture, "{0} input {1}", inputErrors, Plural(inputErrors, "error"));
        }

        if (inputWarnings > 0)
        {
            input += (input.Length > 0 ? ", " : string.Empty) + string.Format(CultureInfo.InvariantCulture, "{0} input {1}", inputWarnings, Plural(inputWarnings, "warning"));
        }

        if (inputErrors > 0)
        {
            return style.Red("✖ ") + input + "; " + (shown.Count == 0 ? "no findings" : counts) + tail;
        }

        if (shown.Count == 0)
        {
            return (input.Length > 0 ? "! " + input + "; no findings" : style.Green("✓ no problems")) + tail;
        }

        var mark = run.Failing.Any() ? style.Red("✖ ") : "! ";
        return mark + (input.Length > 0 ? input + "; " : string.Empty) + counts + tail;
    }

    internal static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    /// <summary>How many characters of a source line a snippet shows at most (the rest is cut, marked with '…').</summary>
    internal const int SnippetWidth = 160;

    private static void WriteSnippet(TextWriter w, SourceLocation loc, IReadOnlyDictionary<string, SourceDocument> documents, ConsoleStyle style)
    {
        if (loc.IsNone || !documents.TryGetValue(loc.Path, out var doc))
        {
            return;
        }

        // A bounded window of the line around the span (the line is decoded once, however many findings it holds).
        int endColumn = loc.EndLine == loc.StartLine ? loc.EndColumn : int.MaxValue;
        var window = doc.Window(loc.StartLine, loc.StartColumn, endColumn, SnippetWidth);
        string text = window.Text.Replace('\t', ' ');
        if (text.Length == 0)
        {
            return;
        }

        // Control characters are shown escaped; the caret is placed by the escaped widths.
        int spanFrom = Math.Clamp(loc.StartColumn - window.StartColumn, 0, text.Length);
        int spanTo = Math.Clamp(endColumn == int.MaxValue ? text.Length : endColumn - window.StartColumn, spanFrom, text.Length);
        string lead = window.CutBefore ? "…" : string.Empty;
        int start = lead.Length + TextEscaping.EscapedLength(text, 0, spanFrom);
        int width = Math.Max(1, TextEscaping.EscapedLength(text, spanFrom, spanTo - spanFrom));
        string line = lead + TextEscaping.Escape(text) + (window.CutAfter ? "…" : string.Empty);
        string gutter = loc.StartLine.ToString(CultureInfo.InvariantCulture);
        string pad = new(' ', gutter.Length);
        w.WriteLine(style.Dim($"  {gutter} | ") + line);
        w.WriteLine(style.Dim($"  {pad} | ") + new string(' ', start) + style.Red("^" + new string('~', width - 1)));
    }
}
