using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>
/// What the analyzer could read from a C# expression, with the Roslyn location of the syntax that produced it.
/// Anything it cannot follow is <see cref="UnknownValue"/>: the model turns it into an unknown, never a guess.
/// </summary>
internal abstract class CdkValue
{
    protected CdkValue(Location location)
    {
        Location = location;
    }

    public Location Location { get; }
}

internal sealed class UnknownValue : CdkValue
{
    public UnknownValue(Location location)
        : base(location)
    {
    }
}

internal sealed class StringValue : CdkValue
{
    public StringValue(string text, Location location)
        : base(location)
    {
        Text = text;
    }

    public string Text { get; }
}

internal sealed class NumberValue : CdkValue
{
    public NumberValue(double number, Location location)
        : base(location)
    {
        Number = number;
    }

    public double Number { get; }
}

internal sealed class BoolValue : CdkValue
{
    public BoolValue(bool value, Location location)
        : base(location)
    {
        Value = value;
    }

    public bool Value { get; }
}

/// <summary>An enum member such as <c>SubnetType.PUBLIC</c>.</summary>
internal sealed class EnumValue : CdkValue
{
    public EnumValue(string member, Location location)
        : base(location)
    {
        Member = member;
    }

    public string Member { get; }
}

/// <summary>
/// A reference to a construct: <c>vpc1.AttrVpcId</c> (target the variable <c>vpc1</c>, member <c>AttrVpcId</c>),
/// <c>vpc</c> itself (member empty), or a member of an inline <c>new CfnVPC(...)</c> (target its syntax).
/// </summary>
internal sealed class RefValue : CdkValue
{
    public RefValue(ISymbol? symbol, SyntaxNode? creation, string member, Location location)
        : base(location)
    {
        Symbol = symbol;
        Creation = creation;
        Member = member;
    }

    public ISymbol? Symbol { get; }

    public SyntaxNode? Creation { get; }

    public string Member { get; }
}

/// <summary><c>new CfnVPCProps { CidrBlock = "…" }</c>: the type's simple name and the assigned properties.</summary>
internal sealed class ObjectValue : CdkValue
{
    public ObjectValue(string typeName, Dictionary<string, CdkValue> properties, IReadOnlyList<CdkValue> arguments, Location location)
        : base(location)
    {
        TypeName = typeName;
        Properties = properties;
        Arguments = arguments;
    }

    public string TypeName { get; }

    public Dictionary<string, CdkValue> Properties { get; }

    public IReadOnlyList<CdkValue> Arguments { get; }

    public CdkValue? Get(string name) => Properties.TryGetValue(name, out var v) ? v : null;
}

/// <summary>A static factory call such as <c>IpAddresses.Cidr("…")</c>, <c>Peer.Ipv4("…")</c>, <c>Port.Tcp(22)</c>.</summary>
internal sealed class CallValue : CdkValue
{
    public CallValue(string method, IReadOnlyList<CdkValue> arguments, Location location)
        : base(location)
    {
        Method = method;
        Arguments = arguments;
    }

    /// <summary>Containing type's simple name, a dot, the method name: <c>Peer.Ipv4</c>.</summary>
    public string Method { get; }

    public IReadOnlyList<CdkValue> Arguments { get; }
}

internal sealed class ListValue : CdkValue
{
    public ListValue(IReadOnlyList<CdkValue> items, Location location)
        : base(location)
    {
        Items = items;
    }

    public IReadOnlyList<CdkValue> Items { get; }
}

/// <summary>
/// A subnet an L2 <c>Vpc</c> creates: <c>vpc.PublicSubnets[0]</c> (<see cref="Index"/> 0) or the variable of a
/// <c>foreach (var s in vpc.PublicSubnets)</c> whose body runs the construct creation once per subnet
/// (<see cref="Index"/> null: each subnet of the group). <see cref="Member"/> is <c>SubnetId</c>,
/// <c>RouteTableId</c> (of <c>.RouteTable</c>) or empty for the subnet itself.
/// </summary>
internal sealed class SubnetValue : CdkValue
{
    public SubnetValue(RefValue vpc, string group, int? index, string member, Location location, SyntaxNode? loop = null)
        : base(location)
    {
        Vpc = vpc;
        Group = group;
        Index = index;
        Member = member;
        Loop = loop;
    }

    public RefValue Vpc { get; }

    /// <summary><c>PublicSubnets</c>, <c>PrivateSubnets</c> or <c>IsolatedSubnets</c>.</summary>
    public string Group { get; }

    public int? Index { get; }

    public string Member { get; }

    /// <summary>The <c>foreach</c> statement, when <see cref="Index"/> is null.</summary>
    public SyntaxNode? Loop { get; }
}
