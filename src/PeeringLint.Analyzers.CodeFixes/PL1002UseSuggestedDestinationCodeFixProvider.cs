using PeeringLint.Fixes;
using PeeringLint.Rules.Addressing;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// PL1002: the route's destination is its own VPC's CIDR, a typo for the peer's. When the rule's repair is
/// <see cref="ReplaceRouteDestination"/> (the peer VPC has exactly one block of that family) and the destination is a
/// string literal, replace the literal with the repair's destination.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PL1002UseSuggestedDestinationCodeFixProvider))]
[Shared]
public sealed class PL1002UseSuggestedDestinationCodeFixProvider : PeeringCodeFixProvider
{
    public const string EquivalenceKey = "PL1002.UsePeerCidr";

    public PL1002UseSuggestedDestinationCodeFixProvider()
        : base(PL1002RouteToOwnVpcCidr.Rule.Id, EquivalenceKey)
    {
    }

    private protected override Fix? CreateFix(FixRequest request)
    {
        var diagnostic = request.Diagnostic;
        if (request.Repair is not ReplaceRouteDestination repair)
        {
            return null;
        }

        string suggested = repair.NewDestination;

        if (request.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        return new Fix(repair.Title, ct => Replace(request.Document, literal, suggested, ct));
    }

    private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string cidr, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(cidr)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
    }
}
