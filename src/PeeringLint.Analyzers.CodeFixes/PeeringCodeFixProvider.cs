using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Text;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// What every PeeringLint code fix shares: one fixable id, one equivalence key, the Fix All of
/// <see cref="PeeringFixAllProvider"/>, and the loop that asks the fix for one action per diagnostic. A fix only says,
/// for one diagnostic, which action it offers (<see cref="CreateFix"/>), or null when it offers none.
/// </summary>
public abstract class PeeringCodeFixProvider : CodeFixProvider
{
    private readonly string _equivalenceKey;

    private protected PeeringCodeFixProvider(string diagnosticId, string equivalenceKey)
    {
        FixableDiagnosticIds = ImmutableArray.Create(diagnosticId);
        _equivalenceKey = equivalenceKey;
    }

    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    public sealed override FixAllProvider GetFixAllProvider() => new PeeringFixAllProvider(_equivalenceKey);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (CreateFix(new FixRequest(context.Document, root, model, diagnostic, context.CancellationToken)) is { } fix)
            {
                context.RegisterCodeFix(CodeAction.Create(fix.Title, fix.Apply, _equivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>The action this fix offers for one diagnostic, or null when it offers none there.</summary>
    private protected abstract Fix? CreateFix(FixRequest request);

    /// <summary>
    /// The text change that inserts <paramref name="code"/> as a statement of its own right after
    /// <paramref name="after"/>, with the same indentation and the file's own line ending.
    /// </summary>
    private protected static TextChange InsertStatementAfter(StatementSyntax after, string code)
    {
        string indent = string.Empty;
        foreach (var trivia in after.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                indent = trivia.ToString();
            }
        }

        string trailing = after.GetTrailingTrivia().ToFullString();
        string newline = trailing.Contains("\r\n") ? "\r\n" : "\n";
        string insertion = trailing.EndsWith("\n", StringComparison.Ordinal) ? indent + code + newline : newline + indent + code;
        return new TextChange(new TextSpan(after.FullSpan.End, 0), insertion);
    }

    /// <summary>One diagnostic to fix, with the document's syntax root and semantic model.</summary>
    private protected sealed record FixRequest(Document Document, SyntaxNode Root, SemanticModel Model, Diagnostic Diagnostic, CancellationToken CancellationToken)
    {
        /// <summary>The repair the rule decided, as the analyzer wrote it into the diagnostic's properties; null when none.</summary>
        public PeeringLint.Fixes.Repair? Repair => PeeringLint.Fixes.RepairProperties.Read(Property);

        /// <summary>A diagnostic property, or null.</summary>
        public string? Property(string key) => Diagnostic.Properties.TryGetValue(key, out var v) ? v : null;
    }

    /// <summary>An action's title and what it does to the document.</summary>
    private protected sealed record Fix(string Title, Func<CancellationToken, Task<Document>> Apply);
}
