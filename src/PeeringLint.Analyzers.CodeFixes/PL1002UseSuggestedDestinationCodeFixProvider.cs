using PeeringLint.Rules.Addressing;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// PL1002: the route's destination is its own VPC's CIDR, a typo for the peer's. When the peer VPC has exactly
/// one block of that family (the finding's <c>suggestedDestination</c>) and the destination is a string literal,
/// replace the literal with the peer's CIDR.
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
        if (!diagnostic.Properties.TryGetValue(PL1002RouteToOwnVpcCidr.Keys.SuggestedDestination, out var suggested) || suggested is null)
        {
            return null;
        }

        if (request.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        return new Fix($"Route to the peer VPC's CIDR {suggested}", ct => Replace(request.Document, literal, suggested, ct));
    }

    private static async Task<Document> Replace(Document document, LiteralExpressionSyntax literal, string cidr, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(cidr)).WithTriviaFrom(literal);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement));
    }
}
