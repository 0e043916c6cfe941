using System;
using System.Collections.Generic;
using PeeringLint.Engine;

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
