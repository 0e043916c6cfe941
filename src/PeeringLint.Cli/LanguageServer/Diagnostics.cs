using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.LanguageServer;

/// <summary>
/// A run's findings and input problems as protocol diagnostics, grouped by file (absolute path): code = rule id,
/// <c>codeDescription.href</c> = the rule page (the SARIF reporter's helpUri), related information from the finding's
/// related locations and path steps, tags where a rule reports something unused or retired.
/// </summary>
internal static class Diagnostics
{
    public const string Source = "peeringlint";

    /// <summary>Rules whose findings are dead weight in the file (drawn faded by editors).</summary>
    private static readonly HashSet<string> Unnecessary = new(StringComparer.Ordinal) { "PL2002", "PL2006", "PL3003" };

    /// <summary>Rules about a retired AWS feature (drawn struck through).</summary>
    private static readonly HashSet<string> Deprecated = new(StringComparer.Ordinal) { "PL5003" };

    public static string FullPath(string baseDirectory, string displayPath) => Path.GetFullPath(Path.Combine(baseDirectory, displayPath));

    public static Diagnostic ToDiagnostic(Finding f, string baseDirectory)
    {
        var related = new List<DiagnosticRelatedInformation>();
        foreach (var r in f.Related)
        {
            if (!r.Location.IsNone && r.Location.Path.Length > 0)
            {
                related.Add(new DiagnosticRelatedInformation(new Location(DocumentText.UriOf(FullPath(baseDirectory, r.Location.Path)), DocumentText.ToRange(r.Location)), r.Message));
            }
        }

        foreach (var s in f.Steps)
        {
            if (!s.Location.IsNone && s.Location.Path.Length > 0)
            {
                related.Add(new DiagnosticRelatedInformation(new Location(DocumentText.UriOf(FullPath(baseDirectory, s.Location.Path)), DocumentText.ToRange(s.Location)), (s.Blocks ? "blocked: " : "step: ") + s.Message));
            }
        }

        var tags = new List<int>();
        if (Unnecessary.Contains(f.RuleId))
        {
            tags.Add(1);
        }

        if (Deprecated.Contains(f.RuleId))
        {
            tags.Add(2);
        }

        return new Diagnostic(DocumentText.ToRange(f.Location), SeverityOf(f.Severity), f.RuleId, Source, f.Message)
        {
            CodeDescription = new CodeDescription(RuleDescriptor.DocsRoot + f.RuleId + ".md"),
            RelatedInformation = related.Count > 0 ? related : null,
            Tags = tags.Count > 0 ? tags : null,
        };
    }

    public static Diagnostic ToDiagnostic(InputProblem p) =>
        new(DocumentText.ToRange(p.Location), p.Severity switch
        {
            InputProblemSeverity.Error => 1,
            InputProblemSeverity.Warning => 2,
            _ => 3,
        }, null, Source, p.Message);

    public static int SeverityOf(Severity s) => s switch
    {
        Severity.Error => 1,
        Severity.Warning => 2,
        _ => 3,
    };

    /// <summary>True when two diagnostic lists would show the same (records compare by value, lists by reference).</summary>
    public static bool Same(IReadOnlyList<Diagnostic> a, IReadOnlyList<Diagnostic> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            var x = a[i];
            var y = b[i];
            if (x with { RelatedInformation = null, Tags = null } != y with { RelatedInformation = null, Tags = null }
                || !(x.RelatedInformation ?? Array.Empty<DiagnosticRelatedInformation>()).SequenceEqual(y.RelatedInformation ?? Array.Empty<DiagnosticRelatedInformation>())
                || !(x.Tags ?? Array.Empty<int>()).SequenceEqual(y.Tags ?? Array.Empty<int>()))
            {
                return false;
            }
        }

        return true;
    }
}
