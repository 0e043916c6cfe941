using PeeringLint.Fixes;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using PeeringLint.Rules.Security;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// PL4002: no security group of one side's instances admits anything from the peer VPC. Adds
/// <c>sg.AddIngressRule(Peer.Ipv4("&lt;peer cidr&gt;"), Port.AllIcmp());</c>, the rule's <see cref="AddIngressRule"/> repair
/// (ICMP, every type, from the peer's one IPv4 block), to the L2 <c>SecurityGroup</c> it names
/// (<c>repairSecurityGroupSymbol</c>, kind <c>SecurityGroup</c>), after the statement creating it or after its last
/// <c>AddIngressRule</c> call in the same block. Offered only when the group is created once in this document, stored
/// in a local, field or property.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PL4002AllowIcmpFromPeerCodeFixProvider))]
[Shared]
public sealed class PL4002AllowIcmpFromPeerCodeFixProvider : PeeringCodeFixProvider
{
    public const string EquivalenceKey = "PL4002.AllowIcmpFromPeer";

    private const string Ec2Namespace = "Amazon.CDK.AWS.EC2";

    public PL4002AllowIcmpFromPeerCodeFixProvider()
        : base(PL4002PeeringCarriesNothing.Rule.Id, EquivalenceKey)
    {
    }

    private protected override Fix? CreateFix(FixRequest request)
    {
        if (request.Repair is not AddIngressRule { Protocol: "icmp", FromPort: -1, ToPort: -1 } repair
            || request.Property(RepairProperties.SecurityGroup + FixProperties.SymbolSuffix) is not { } group
            || request.Property(RepairProperties.SecurityGroup + FixProperties.KindSuffix) != "SecurityGroup")
        {
            return null;
        }

        string cidr = repair.Cidr;

        var statement = CreatingStatement(request.Root, request.Model, group, request.CancellationToken);
        if (statement?.Parent is not BlockSyntax block)
        {
            return null;
        }

        var after = LastIngressRule(block, statement, group) ?? statement;
        return new Fix($"Allow ICMP from {cidr} in security group '{group}'", ct => Insert(request.Document, after, group, cidr, ct));
    }

    /// <summary>
    /// The one statement of the document that stores a <c>new SecurityGroup(…)</c> in <paramref name="name"/>
    /// (<c>var sg = new SecurityGroup(…);</c> or <c>sg = new SecurityGroup(…);</c>); null when there is none or several.
    /// </summary>
    private static StatementSyntax? CreatingStatement(SyntaxNode root, SemanticModel model, string name, CancellationToken cancellationToken)
    {
        StatementSyntax? found = null;
        foreach (var creation in root.DescendantNodes())
        {
            if (creation is not ObjectCreationExpressionSyntax
                || model.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol { Name: "SecurityGroup" } type
                || type.ContainingNamespace?.ToDisplayString() != Ec2Namespace)
            {
                continue;
            }

            var parent = creation.Parent;
            StatementSyntax? statement = parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax d } when d.Identifier.ValueText == name
                    && d.Parent?.Parent is LocalDeclarationStatementSyntax local => local,
                AssignmentExpressionSyntax { Left: var left, Parent: ExpressionStatementSyntax e } a when a.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && a.Right == creation && AssignedName(left) == name => e,
                _ => null,
            };
            if (statement is null)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = statement;
        }

        return found;
    }

    private static string? AssignedName(ExpressionSyntax left) => left switch
    {
        IdentifierNameSyntax id => id.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax id } => id.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The last <c>name.AddIngressRule(…);</c> statement after <paramref name="creation"/> in its block.</summary>
    private static StatementSyntax? LastIngressRule(BlockSyntax block, StatementSyntax creation, string name)
    {
        StatementSyntax? last = null;
        bool after = false;
        foreach (var s in block.Statements)
        {
            if (s == creation)
            {
                after = true;
                continue;
            }

            if (after && s is ExpressionStatementSyntax
                {
                    Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddIngressRule", Expression: var target } },
                } && AssignedName(target) == name)
            {
                last = s;
            }
        }

        return last;
    }

    private static async Task<Document> Insert(Document document, StatementSyntax after, string group, string cidr, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var changes = new List<TextChange>();

        // Peer and Port as written in the file: short names when they bind to the EC2 types (or to nothing, and
        // the using is added), else fully qualified.
        string prefix = string.Empty;
        var peer = Binding(model, after.SpanStart, "Peer");
        var port = Binding(model, after.SpanStart, "Port");
        if (peer is null && port is null && root is CompilationUnitSyntax unit)
        {
            changes.Add(AddUsing(unit, text));
        }
        else if (peer != true || port != true)
        {
            prefix = Ec2Namespace + ".";
        }

        string code = $"{group}.AddIngressRule({prefix}Peer.Ipv4({SyntaxFactory.Literal(cidr)}), {prefix}Port.AllIcmp());";
        changes.Add(InsertStatementAfter(after, code));
        return document.WithText(text.WithChanges(changes));
    }

    /// <summary>True when <paramref name="name"/> binds to the EC2 type, false when to something else, null when to nothing.</summary>
    private static bool? Binding(SemanticModel model, int position, string name)
    {
        var symbols = model.LookupNamespacesAndTypes(position, name: name);
        if (symbols.IsEmpty)
        {
            return null;
        }

        return symbols.Length == 1 && symbols[0] is INamedTypeSymbol t && t.ContainingNamespace?.ToDisplayString() == Ec2Namespace;
    }

    private static TextChange AddUsing(CompilationUnitSyntax unit, SourceText text)
    {
        string newline = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        if (unit.Usings.Count > 0)
        {
            var last = unit.Usings[unit.Usings.Count - 1];
            return new TextChange(new TextSpan(last.Span.End, 0), newline + "using " + Ec2Namespace + ";");
        }

        return new TextChange(new TextSpan(unit.FullSpan.Start, 0), "using " + Ec2Namespace + ";" + newline + newline);
    }
}
