using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>
/// Reads a C# expression (as an <see cref="IOperation"/>) into a <see cref="CdkValue"/>: constants, string
/// interpolation of constants, locals with a single initializer, readonly fields initialized in the same file,
/// object initializers, static factories (<c>IpAddresses.Cidr</c>, <c>Peer.Ipv4</c>, <c>Port.Tcp</c>) and
/// references to constructs. Everything else is unknown. Never throws for unexpected shapes.
/// </summary>
internal sealed class ValueReader
{
    private const int MaxDepth = 8;
    private readonly CdkSymbols _symbols;
    private readonly CancellationToken _cancellationToken;

    public ValueReader(CdkSymbols symbols, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _cancellationToken = cancellationToken;
    }

    public CdkValue Read(IOperation? operation) => Read(operation, 0);

    /// <summary>The variable (or inline creation) a construct-typed expression denotes, or null.</summary>
    public static RefValue? ConstructReference(IOperation? operation, string member, Location location)
    {
        var op = Unwrap(operation);
        return op switch
        {
            ILocalReferenceOperation l => new RefValue(l.Local, null, member, location),
            IFieldReferenceOperation f => new RefValue(f.Field, null, member, location),
            IPropertyReferenceOperation p when p.Instance is null or IInstanceReferenceOperation || InSource(p.Property) => new RefValue(p.Property, null, member, location),
            IInvocationOperation call when ReturnsFromSource(call) => new RefValue(call.TargetMethod.OriginalDefinition, null, member, location),
            IParameterReferenceOperation pr => new RefValue(pr.Parameter, null, member, location),
            IObjectCreationOperation c => new RefValue(null, c.Syntax, member, location),
            _ => null,
        };
    }

    /// <summary>True for a symbol declared in the compilation's source (a user's stack property, helper method, …).</summary>
    public static bool InSource(ISymbol symbol) => !symbol.DeclaringSyntaxReferences.IsEmpty;

    /// <summary>A call of a method of the compilation that returns a construct: <c>CreateSecurityGroup(vpc)</c>.</summary>
    public static bool ReturnsFromSource(IInvocationOperation call) =>
        call.TargetMethod.MethodKind == MethodKind.Ordinary && InSource(call.TargetMethod) && !call.TargetMethod.ReturnsVoid;

    public static IOperation? Unwrap(IOperation? op)
    {
        while (op is IConversionOperation conv)
        {
            op = conv.Operand;
        }

        return op;
    }

    private CdkValue Read(IOperation? operation, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (operation is null)
        {
            return new UnknownValue(Location.None);
        }

        var location = operation.Syntax.GetLocation();
        var op = Unwrap(operation)!;
        if (depth > MaxDepth)
        {
            return new UnknownValue(location);
        }

        if (op is IFieldReferenceOperation enumField && enumField.Field.ContainingType?.TypeKind == TypeKind.Enum)
        {
            return new EnumValue(enumField.Field.Name, location);
        }

        if (op.ConstantValue.HasValue)
        {
            return FromConstant(op.ConstantValue.Value, location);
        }

        switch (op)
        {
            case IInterpolatedStringOperation interpolated:
                return ReadInterpolated(interpolated, location, depth);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add:
                if (Read(add.LeftOperand, depth + 1) is StringValue left && Read(add.RightOperand, depth + 1) is StringValue right)
                {
                    return new StringValue(left.Text + right.Text, location);
                }

                return new UnknownValue(location);
            case ILocalReferenceOperation subnetLocal when _symbols.IsSubnet(subnetLocal.Local.Type):
                return ReadSubnet(subnetLocal, string.Empty, location, depth);
            case IArrayElementReferenceOperation element:
                return ReadSubnet(element, string.Empty, location, depth);
            case IPropertyReferenceOperation { Property.Name: "RouteTableId", Instance: { } rtInstance } when Follow(rtInstance, depth) is IPropertyReferenceOperation { Property.Name: "RouteTable", Instance: { } owner } && _symbols.IsSubnet(owner.Type):
                // subnet.RouteTable.RouteTableId, or a local holding subnet.RouteTable.
                return ReadSubnet(owner, "RouteTableId", location, depth);
            case IPropertyReferenceOperation { Property.Name: "SubnetId", Instance: { } subnetInstance } when _symbols.IsSubnet(subnetInstance.Type):
                return ReadSubnet(subnetInstance, "SubnetId", location, depth);
            case ILocalReferenceOperation local:
                if (_symbols.IsConstruct(local.Local.Type))
                {
                    return new RefValue(local.Local, null, string.Empty, location);
                }

                return FollowLocal(local, location, depth);
            case IFieldReferenceOperation field:
                if (_symbols.IsConstruct(field.Field.Type))
                {
                    return new RefValue(field.Field, null, string.Empty, location);
                }

                if (field.Instance is { } inst && _symbols.IsConstruct(inst.Type))
                {
                    return ConstructReference(inst, field.Field.Name, location) ?? (CdkValue)new UnknownValue(location);
                }

                return FollowField(field, location, depth);
            case IPropertyReferenceOperation { Instance: null, Property.ContainingType: { Name: "Port" } portType } staticPort
                when portType.ToDisplayString() == CdkSymbols.Ec2Namespace + "Port":
                // Port.SSH, Port.HTTPS, …: static properties read as the calls they stand for.
                return new CallValue("Port." + staticPort.Property.Name, Array.Empty<CdkValue>(), location);
            case IPropertyReferenceOperation sourceProp when InSource(sourceProp.Property) && _symbols.IsConstruct(sourceProp.Property.Type):
                // network.Vpc, props.Vpc: a construct-typed property of the user's code, resolved through what is assigned to it.
                return new RefValue(sourceProp.Property, null, string.Empty, location);
            case IInvocationOperation helper when ReturnsFromSource(helper) && _symbols.IsConstruct(helper.Type):
                // CreateSecurityGroup(vpc): resolved through what the method returns.
                return new RefValue(helper.TargetMethod.OriginalDefinition, null, string.Empty, location);
            case IPropertyReferenceOperation prop:
                if (prop.Instance is { } instance && _symbols.IsConstruct(Unwrap(instance)?.Type))
                {
                    return ConstructReference(instance, prop.Property.Name, location) ?? (CdkValue)new UnknownValue(location);
                }

                if (_symbols.IsConstruct(prop.Property.Type) && (prop.Instance is null or IInstanceReferenceOperation))
                {
                    return new RefValue(prop.Property, null, string.Empty, location);
                }

                return new UnknownValue(location);
            case IParameterReferenceOperation parameter when _symbols.IsConstruct(parameter.Parameter.Type):
                return new RefValue(parameter.Parameter, null, string.Empty, location);
            case IObjectCreationOperation creation:
                if (_symbols.IsConstruct(creation.Type))
                {
                    return new RefValue(null, creation.Syntax, string.Empty, location);
                }

                return ReadObject(creation, location, depth);
            case IAnonymousObjectCreationOperation:
                return new UnknownValue(location);
            case IArrayCreationOperation array:
                return ReadArray(array.Initializer?.ElementValues, location, depth);
            case IInvocationOperation invocation when invocation.TargetMethod.IsStatic:
                return ReadCall(invocation, location, depth);
            default:
                return new UnknownValue(location);
        }
    }

    /// <summary>
    /// A subnet of an L2 VPC: <c>vpc.PublicSubnets[0]</c>, a local initialized with one, or the variable of a
    /// <c>foreach</c> over <c>vpc.PublicSubnets</c> (<c>PrivateSubnets</c>, <c>IsolatedSubnets</c>) read inside its
    /// body where the body runs unconditionally; anything else is unknown.
    /// </summary>
    private CdkValue ReadSubnet(IOperation? operation, string member, Location location, int depth)
    {
        var op = Unwrap(operation);
        switch (op)
        {
            case IArrayElementReferenceOperation { Indices.Length: 1 } element
                when SubnetGroup(element.ArrayReference, location) is { } g
                    && element.Indices[0].ConstantValue is { HasValue: true, Value: int i } && i >= 0:
                return new SubnetValue(g.Vpc, g.Group, i, member, location);
            case ILocalReferenceOperation local:
                var refs = local.Local.DeclaringSyntaxReferences;
                if (refs.Length != 1 || local.SemanticModel is not { } model || refs[0].SyntaxTree != model.SyntaxTree)
                {
                    break;
                }

                switch (refs[0].GetSyntax(_cancellationToken))
                {
                    case ForEachStatementSyntax loop when model.GetOperation(loop, _cancellationToken) is IForEachLoopOperation forEach
                        && SubnetGroup(forEach.Collection, location) is { } g
                        && RunsOncePerIteration(local.Syntax, loop):
                        return new SubnetValue(g.Vpc, g.Group, null, member, location, loop);
                    case VariableDeclaratorSyntax { Initializer.Value: { } init } declarator when depth < MaxDepth && !IsReassigned(declarator, local.Local.Name):
                        return ReadSubnet(model.GetOperation(init, _cancellationToken), member, location, depth + 1);
                }

                break;
        }

        return new UnknownValue(location);
    }

    /// <summary>
    /// The operation a local stands for: the initializer of a local declared once, in this syntax tree, and never
    /// assigned again (followed up to <see cref="MaxDepth"/> locals); any other operation unchanged.
    /// </summary>
    private IOperation? Follow(IOperation? operation, int depth)
    {
        var op = Unwrap(operation);
        while (op is ILocalReferenceOperation local && depth++ < MaxDepth)
        {
            var refs = local.Local.DeclaringSyntaxReferences;
            if (refs.Length != 1 || local.SemanticModel is not { } model || refs[0].SyntaxTree != model.SyntaxTree
                || refs[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } init } declarator
                || IsReassigned(declarator, local.Local.Name))
            {
                return op;
            }

            op = Unwrap(model.GetOperation(init, _cancellationToken));
        }

        return op;
    }

    /// <summary><c>vpc.PublicSubnets</c> (or Private/Isolated) on a construct reference, or a local holding it.</summary>
    private (RefValue Vpc, string Group)? SubnetGroup(IOperation? operation, Location location)
    {
        if (Follow(operation, 0) is IPropertyReferenceOperation { Property.Name: "PublicSubnets" or "PrivateSubnets" or "IsolatedSubnets", Instance: { } vpc } p
            && ConstructReference(vpc, string.Empty, location) is { } r)
        {
            return (r, p.Property.Name);
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="node"/> (inside the loop's body) is evaluated exactly once per iteration: only
    /// blocks, expression and declaration statements lie between, no conditional expression or lambda, and the body
    /// has no jump statement.
    /// </summary>
    internal static bool RunsOncePerIteration(SyntaxNode node, ForEachStatementSyntax loop)
    {
        for (var n = node.Parent; ; n = n.Parent)
        {
            if (n is null)
            {
                return false;
            }

            if (n == loop.Statement)
            {
                break;
            }

            switch (n)
            {
                case ForEachStatementSyntax f when f == loop:
                    return false;
                case BlockSyntax or ExpressionStatementSyntax or LocalDeclarationStatementSyntax:
                    continue;
                case StatementSyntax:
                case AnonymousFunctionExpressionSyntax:
                case ConditionalExpressionSyntax:
                case ConditionalAccessExpressionSyntax:
                case SwitchExpressionSyntax:
                case BinaryExpressionSyntax b when b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression)
                    || b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalAndExpression)
                    || b.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.LogicalOrExpression):
                case AssignmentExpressionSyntax a when a.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceAssignmentExpression):
                    return false;
            }
        }

        if (loop.Statement is not (BlockSyntax or ExpressionStatementSyntax or LocalDeclarationStatementSyntax))
        {
            return false;
        }

        foreach (var d in loop.Statement.DescendantNodesAndSelf())
        {
            if (d is BreakStatementSyntax or ContinueStatementSyntax or ReturnStatementSyntax or GotoStatementSyntax or ThrowStatementSyntax or YieldStatementSyntax or ThrowExpressionSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static CdkValue FromConstant(object? value, Location location) => value switch
    {
        string s => new StringValue(s, location),
        bool b => new BoolValue(b, location),
        int i => new NumberValue(i, location),
        long l => new NumberValue(l, location),
        double d => new NumberValue(d, location),
        float f => new NumberValue(f, location),
        short sh => new NumberValue(sh, location),
        byte by => new NumberValue(by, location),
        _ => new UnknownValue(location),
    };

    private CdkValue ReadInterpolated(IInterpolatedStringOperation interpolated, Location location, int depth)
    {
        var sb = new StringBuilder();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string s:
                    sb.Append(s);
                    break;
                case IInterpolationOperation { Alignment: null, FormatString: null } hole:
                    var v = Read(hole.Expression, depth + 1);
                    if (v is StringValue sv)
                    {
                        sb.Append(sv.Text);
                    }
                    else if (v is NumberValue nv)
                    {
                        sb.Append(nv.Number.ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        return new UnknownValue(location);
                    }

                    break;
                default:
                    return new UnknownValue(location);
            }
        }

        return new StringValue(sb.ToString(), location);
    }

    /// <summary>A local with an initializer that is never assigned again in its method: its initializer's value.</summary>
    private CdkValue FollowLocal(ILocalReferenceOperation local, Location location, int depth)
    {
        var refs = local.Local.DeclaringSyntaxReferences;
        if (refs.Length != 1 || refs[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } init } declarator)
        {
            return new UnknownValue(location);
        }

        if (local.SemanticModel is not { } model || declarator.SyntaxTree != model.SyntaxTree || IsReassigned(declarator, local.Local.Name))
        {
            return new UnknownValue(location);
        }

        var value = Read(model.GetOperation(init, _cancellationToken), depth + 1);
        return value;
    }

    /// <summary>A readonly field initialized in the same file (const fields are constants already).</summary>
    private CdkValue FollowField(IFieldReferenceOperation field, Location location, int depth)
    {
        if (!field.Field.IsReadOnly || field.SemanticModel is not { } model)
        {
            return new UnknownValue(location);
        }

        var refs = field.Field.DeclaringSyntaxReferences;
        if (refs.Length != 1 || refs[0].GetSyntax(_cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } init } declarator
            || declarator.SyntaxTree != model.SyntaxTree)
        {
            return new UnknownValue(location);
        }

        return Read(model.GetOperation(init, _cancellationToken), depth + 1);
    }

    /// <summary>True when the enclosing member assigns the local again (or passes it by ref/out).</summary>
    private static bool IsReassigned(VariableDeclaratorSyntax declarator, string name)
    {
        SyntaxNode? body = declarator.Parent;
        while (body is not null && body is not MemberDeclarationSyntax && body is not AnonymousFunctionExpressionSyntax && body is not LocalFunctionStatementSyntax)
        {
            body = body.Parent;
        }

        if (body is null)
        {
            return true;
        }

        foreach (var node in body.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } when id.Identifier.ValueText == name:
                    return true;
                case PrefixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } when id.Identifier.ValueText == name:
                    return true;
                case PostfixUnaryExpressionSyntax { Operand: IdentifierNameSyntax id } when id.Identifier.ValueText == name:
                    return true;
                case ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax id } when id.Identifier.ValueText == name:
                    return true;
            }
        }

        return false;
    }

    private CdkValue ReadObject(IObjectCreationOperation creation, Location location, int depth)
    {
        var args = new List<CdkValue>(creation.Arguments.Length);
        foreach (var a in creation.Arguments)
        {
            args.Add(Read(a.Value, depth + 1));
        }

        var props = new Dictionary<string, CdkValue>(StringComparer.Ordinal);
        if (creation.Initializer is { } init)
        {
            foreach (var i in init.Initializers)
            {
                if (i is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assign)
                {
                    props[target.Property.Name] = Read(assign.Value, depth + 1);
                }
                else if (i is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation member })
                {
                    props[member.Property.Name] = new UnknownValue(i.Syntax.GetLocation());
                }
            }
        }

        return new ObjectValue(creation.Type?.Name ?? string.Empty, props, args, location);
    }

    private CdkValue ReadArray(IEnumerable<IOperation>? elements, Location location, int depth)
    {
        if (elements is null)
        {
            return new UnknownValue(location);
        }

        var items = new List<CdkValue>();
        foreach (var e in elements)
        {
            items.Add(Read(e, depth + 1));
        }

        return new ListValue(items, location);
    }

    private CdkValue ReadCall(IInvocationOperation invocation, Location location, int depth)
    {
        var method = invocation.TargetMethod;
        var args = new CdkValue[method.Parameters.Length];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = new UnknownValue(location);
        }

        foreach (var a in invocation.Arguments)
        {
            if (a.Parameter is { } p && p.Ordinal < args.Length)
            {
                args[p.Ordinal] = a.ArgumentKind == ArgumentKind.DefaultValue ? new UnknownValue(location) : Read(a.Value, depth + 1);
            }
        }

        return new CallValue((method.ContainingType?.Name ?? string.Empty) + "." + method.Name, args, location);
    }
}
