using PeeringLint.Fixes;
using PeeringLint.Rules.Routing;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// PL2001: a peering route has no route back. Builds the rule's <see cref="AddRoute"/> repair: the reciprocal
/// <c>new CfnRoute(...)</c> right after the existing one (after the loop, when the route is created in one), in the
/// repair's route table (<c>repairRouteTableSymbol</c>, or <c>repairRouteTableExpression</c> for a table an L2 Vpc
/// creates), for its destination, over its connection (<c>repairPeeringConnectionSymbol</c>). Offered only when the
/// variables are in scope and declared before.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PL2001AddReturnRouteCodeFixProvider))]
[Shared]
public sealed class PL2001AddReturnRouteCodeFixProvider : PeeringCodeFixProvider
{
    public const string EquivalenceKey = "PL2001.AddReturnRoute";

    public PL2001AddReturnRouteCodeFixProvider()
        : base(PL2001MissingReturnRoute.Rule.Id, EquivalenceKey)
    {
    }

    private protected override Fix? CreateFix(FixRequest request)
    {
        var (root, model, diagnostic) = (request.Root, request.Model, request.Diagnostic);
        var p = diagnostic.Properties;
        if (request.Repair is not AddRoute repair
            || request.Property(RepairProperties.PeeringConnection + FixProperties.SymbolSuffix) is not { } peering
            || request.Property(RepairProperties.RouteTable + FixProperties.KindSuffix) is not { } tableKind)
        {
            return null;
        }

        string destination = repair.DestinationCidr;

        // The peer's table: an L1 CfnRouteTable variable (rtb1.Ref), or a table an L2 Vpc creates, named
        // through the VPC's variable (vpc1.PublicSubnets[0].RouteTable.RouteTableId).
        string? table, tableId;
        if (tableKind == "CfnRouteTable" && p.TryGetValue(RepairProperties.RouteTable + FixProperties.SymbolSuffix, out table) && table is not null)
        {
            tableId = table + ".Ref";
        }
        else if (tableKind == "L2SubnetRouteTable" && p.TryGetValue(RepairProperties.RouteTable + FixProperties.ExpressionSuffix, out tableId) && tableId is not null)
        {
            table = tableId.Substring(0, tableId.IndexOf('.'));
        }
        else
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var creation = node.FirstAncestorOrSelf<ObjectCreationExpressionSyntax>(c => c.Type.ToString().EndsWith("CfnRoute", System.StringComparison.Ordinal));
        var statement = OutsideLoops(creation?.FirstAncestorOrSelf<StatementSyntax>());
        if (creation?.ArgumentList is not { Arguments.Count: >= 1 } args || statement?.Parent is not BlockSyntax)
        {
            return null;
        }

        if (!DeclaredBefore(model, statement, table) || !DeclaredBefore(model, statement, peering))
        {
            return null;
        }

        string id = (repair.RouteTableId + "-peering-return").Replace('/', '-');
        string scope = args.Arguments[0].ToString();
        if (statement != creation.FirstAncestorOrSelf<StatementSyntax>() && scope != "this")
        {
            // Moved out of a loop: a scope other than `this` may be a variable of the loop.
            return null;
        }

        return new Fix(
            $"Add the return route {destination} to '{repair.RouteTableId}'",
            ct => Insert(request.Document, statement, $"new CfnRoute({scope}, {Literal(id)}, new CfnRouteProps {{ RouteTableId = {tableId}, DestinationCidrBlock = {Literal(destination)}, VpcPeeringConnectionId = {peering}.Ref }});", ct));
    }

    private static string Literal(string s) => SyntaxFactory.Literal(s).ToString();

    /// <summary>
    /// The statement to add the return route after: the route's own statement, or the outermost loop around it
    /// (a route created in a <c>foreach</c> over L2 subnets gets ONE return route after the loop, not one per pass).
    /// </summary>
    private static StatementSyntax? OutsideLoops(StatementSyntax? statement)
    {
        var result = statement;
        for (var n = statement?.Parent; n is not null and not MemberDeclarationSyntax and not AnonymousFunctionExpressionSyntax and not LocalFunctionStatementSyntax; n = n.Parent)
        {
            if (n is ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
            {
                result = (StatementSyntax)n;
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="name"/> binds at the statement to a variable declared before it.</summary>
    private static bool DeclaredBefore(SemanticModel model, StatementSyntax statement, string name)
    {
        foreach (var symbol in model.LookupSymbols(statement.SpanStart, name: name))
        {
            if (symbol is ILocalSymbol local)
            {
                foreach (var r in local.DeclaringSyntaxReferences)
                {
                    if (r.SyntaxTree == statement.SyntaxTree && r.Span.End <= statement.SpanStart)
                    {
                        return true;
                    }
                }
            }
            else if (symbol is IFieldSymbol or IPropertySymbol)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Document> Insert(Document document, StatementSyntax after, string code, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(InsertStatementAfter(after, code)));
    }
}
