using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// PL1002: the route's destination is its own VPC's CIDR, a typo for the peer's. When the peer VPC has exactly
/// one block of that family (the finding's <c>suggestedDestination</c>) and the destination is a string literal,
/// replace the literal with the peer's CIDR.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PL1002UseSuggestedDestinationCodeFixProvider))]
[Shared]
public sealed class PL1002UseSuggestedDestinationCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "PL1002.UsePeerCidr";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("PL1002");

    public override FixAllProvider GetFixAllProvider() => new PeeringFixAllProvider(EquivalenceKey);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue("suggestedDestination", out var suggested) || suggested is null)
            {
                continue;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Route to the peer VPC's CIDR {suggested}",
                    ct => Replace(context.Document, literal, suggested, ct),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string cidr, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(cidr)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
    }
}
