using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>
/// One construct creation seen in the source: <c>new CfnRoute(this, "id", new CfnRouteProps { … })</c>.
/// Created in an operation callback, read at compilation end; immutable.
/// </summary>
internal sealed class ConstructFact
{
    public ConstructFact(string kind, CdkValue? constructId, ObjectValue? props, ISymbol? variable, SyntaxNode creation, string? scopeText)
    {
        Kind = kind;
        ConstructId = constructId;
        Props = props;
        Variable = variable;
        Creation = creation;
        ScopeText = scopeText;
    }

    /// <summary>"CfnVPC", "Vpc", "SecurityGroup", … (see <see cref="CdkSymbols"/>).</summary>
    public string Kind { get; }

    /// <summary>The construct id argument (a <see cref="StringValue"/> when constant).</summary>
    public CdkValue? ConstructId { get; }

    /// <summary>The props argument; null when absent or not an object creation the analyzer can read.</summary>
    public ObjectValue? Props { get; }

    /// <summary>The local, field or property the construct is stored in, if any.</summary>
    public ISymbol? Variable { get; }

    public SyntaxNode Creation { get; }

    /// <summary>Source text of the scope argument (<c>this</c>), reused by code fixes.</summary>
    public string? ScopeText { get; }

    public Location Location => Creation.GetLocation();

    public CdkValue? Prop(string name) => Props?.Get(name);
}

/// <summary>A method call on a construct: <c>sg.AddIngressRule(Peer.Ipv4("…"), Port.AllIcmp())</c>.</summary>
internal sealed class CallFact
{
    public CallFact(string method, RefValue receiver, IReadOnlyList<CdkValue> arguments, SyntaxNode syntax)
    {
        Method = method;
        Receiver = receiver;
        Arguments = arguments;
        Syntax = syntax;
    }

    public string Method { get; }

    public RefValue Receiver { get; }

    public IReadOnlyList<CdkValue> Arguments { get; }

    public SyntaxNode Syntax { get; }
}
