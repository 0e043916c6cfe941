using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Fixes;

namespace PeeringLint.Cli.LanguageServer;

/// <summary>One text edit of a repair: 1-based lines, UTF-16 columns, end exclusive, on a file named by its display path.</summary>
internal sealed record QuickFixEdit(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn, string NewText);

/// <summary>One repair of a finding, as text edits.</summary>
internal sealed record QuickFix(string RuleId, string Title, IReadOnlyList<QuickFixEdit> Edits);

/// <summary>
/// Where the server's code actions come from: the repairs of a finding as text edits on the input files, given the
/// text of a file by its display path (the editor's unsaved text when the document is open).
/// </summary>
internal interface IQuickFixes
{
    IReadOnlyList<QuickFix> For(Finding finding, Func<string, string?> textOf);
}

/// <summary>No repairs: the server offers no code actions.</summary>
internal sealed class NoQuickFixes : IQuickFixes
{
    public static NoQuickFixes Instance { get; } = new();

    public IReadOnlyList<QuickFix> For(Finding finding, Func<string, string?> textOf) => Array.Empty<QuickFix>();
}

/// <summary>
/// The repairs <c>lint --fix</c> and SARIF <c>fixes</c> apply (<see cref="TextFixes"/>), as the server's code actions:
/// one definition of each repair, rendered against the editor's text. AWS exports get none (their repair is an AWS CLI
/// command, not an edit).
/// </summary>
internal sealed class SharedQuickFixes : IQuickFixes
{
    public static SharedQuickFixes Instance { get; } = new();

    public IReadOnlyList<QuickFix> For(Finding finding, Func<string, string?> textOf) =>
        TextFixes.For(finding, textOf)
            .Where(f => f.Edits.Count > 0)
            .Select(f => new QuickFix(f.RuleId, f.Title, f.Edits.Select(e => new QuickFixEdit(e.Path, e.StartLine, e.StartColumn, e.EndLine, e.EndColumn, e.NewText)).ToArray()))
            .ToArray();
}
