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

    /// <summary>For an L2 <c>Vpc</c>: what is known of its stack's environment (decides the number of AZs).</summary>
    public StackEnvironment? Environment { get; init; }
}

/// <summary>
/// Whether the stack a construct is created in is environment-agnostic (no <c>Env</c>: two AZs). Unknown, or
/// agnostic when every stack constructor passes no <c>Env</c>; a constructor that passes its own parameter on as
/// the props makes it depend on the <c>new MyStack(…)</c> calls (<see cref="PassThrough"/>).
/// </summary>
internal sealed class StackEnvironment
{
    public static readonly StackEnvironment Unknown = new(true, System.Array.Empty<(IMethodSymbol, int)>());

    public StackEnvironment(bool isUnknown, IReadOnlyList<(IMethodSymbol Constructor, int Ordinal)> passThrough)
    {
        IsUnknown = isUnknown;
        PassThrough = passThrough;
    }

    public bool IsUnknown { get; }

    /// <summary>Stack constructors and the ordinal of their parameter passed on to <c>Stack</c> as props.</summary>
    public IReadOnlyList<(IMethodSymbol Constructor, int Ordinal)> PassThrough { get; }
}

/// <summary><c>new MyStack(app, "id", props)</c>: per parameter ordinal, whether the argument sets no <c>Env</c>.</summary>
internal sealed class StackCreationFact
{
    public StackCreationFact(IMethodSymbol constructor, bool[] withoutEnv)
    {
        Constructor = constructor;
        WithoutEnv = withoutEnv;
    }

    public IMethodSymbol Constructor { get; }

    public bool[] WithoutEnv { get; }
}

/// <summary>A method call on a construct: <c>sg.AddIngressRule(Peer.Ipv4("…"), Port.AllIcmp())</c>.</summary>
internal sealed class CallFact
{
    public CallFact(string method, CdkValue receiver, IReadOnlyList<CdkValue> arguments, SyntaxNode syntax)
    {
        Method = method;
        Receiver = receiver;
        Arguments = arguments;
        Syntax = syntax;
    }

    public string Method { get; }

    /// <summary>A <see cref="RefValue"/> (security groups) or <see cref="SubnetValue"/> (<c>AddRoute</c>).</summary>
    public CdkValue Receiver { get; }

    public IReadOnlyList<CdkValue> Arguments { get; }

    public SyntaxNode Syntax { get; }
}

/// <summary>
/// What a symbol that holds a construct without creating it stands for (issue 21): a local or a source-declared
/// field or property assigned from another construct reference or from a call (<c>var sg = CreateGroup(vpc)</c>), a
/// parameter of a method or constructor of the compilation bound at one call site, or a method of the compilation
/// (the key is the method) returning a construct. <see cref="Target"/> is a <see cref="RefValue"/> (a variable,
/// a creation or a method), or an <see cref="UnknownValue"/> when that assignment, argument or return cannot be
/// followed.
/// </summary>
internal sealed class AliasFact
{
    public AliasFact(ISymbol symbol, CdkValue target)
    {
        Symbol = symbol;
        Target = target;
    }

    public ISymbol Symbol { get; }

    public CdkValue Target { get; }
}

/// <summary>A construct imported from outside the app: <c>Vpc.FromLookup(…)</c>, <c>SecurityGroup.FromSecurityGroupId(…)</c>.</summary>
internal sealed class ImportFact
{
    public ImportFact(string what, Location location)
    {
        What = what;
        Location = location;
    }

    /// <summary>"Vpc.FromLookup".</summary>
    public string What { get; }

    public Location Location { get; }
}
