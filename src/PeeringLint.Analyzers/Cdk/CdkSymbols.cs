using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>
/// The CDK types the analyzer understands, resolved once per compilation. <see cref="TryCreate"/> returns null
/// when <c>Amazon.CDK.AWS.EC2.CfnVPC</c> is not referenced, and the analyzer then registers nothing for C#.
/// </summary>
internal sealed class CdkSymbols
{
    public const string Ec2Namespace = "Amazon.CDK.AWS.EC2.";

    /// <summary>Construct types by their simple name; the key is what the model builder switches on.</summary>
    private static readonly string[] ConstructTypeNames =
    {
        "CfnVPC", "CfnVPCCidrBlock", "CfnSubnet", "CfnRouteTable", "CfnRoute", "CfnSubnetRouteTableAssociation",
        "CfnInternetGateway", "CfnVPCGatewayAttachment", "CfnVPCPeeringConnection", "CfnSecurityGroup",
        "CfnSecurityGroupIngress", "CfnSecurityGroupEgress", "CfnNetworkAcl", "CfnNetworkAclEntry",
        "CfnSubnetNetworkAclAssociation", "CfnInstance", "CfnEIP", "CfnEIPAssociation", "CfnNatGateway",
        "CfnVPNGateway", "CfnVPCEndpoint", "CfnPrefixList", "CfnCustomerGateway", "CfnVPNConnection", "CfnVPNConnectionRoute",
        "CfnVPNGatewayRoutePropagation", "CfnEgressOnlyInternetGateway",
        "CfnTransitGateway", "CfnTransitGatewayAttachment", "CfnTransitGatewayVpcAttachment", "CfnTransitGatewayPeeringAttachment",
        "CfnTransitGatewayRouteTable", "CfnTransitGatewayRoute", "CfnTransitGatewayRouteTableAssociation", "CfnTransitGatewayRouteTablePropagation",
        "Vpc", "SecurityGroup", "Instance_",
    };

    private readonly Dictionary<INamedTypeSymbol, string> _constructs;

    private CdkSymbols(Dictionary<INamedTypeSymbol, string> constructs, INamedTypeSymbol? iconstruct, INamedTypeSymbol? isecurityGroup, INamedTypeSymbol? isubnet, INamedTypeSymbol? stack)
    {
        _constructs = constructs;
        IConstruct = iconstruct;
        ISecurityGroup = isecurityGroup;
        ISubnet = isubnet;
        Stack = stack;
    }

    public INamedTypeSymbol? IConstruct { get; }

    public INamedTypeSymbol? ISecurityGroup { get; }

    public INamedTypeSymbol? ISubnet { get; }

    /// <summary><c>Amazon.CDK.Stack</c>.</summary>
    public INamedTypeSymbol? Stack { get; }

    public static CdkSymbols? TryCreate(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(Ec2Namespace + "CfnVPC") is null)
        {
            return null;
        }

        var map = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var name in ConstructTypeNames)
        {
            if (compilation.GetTypeByMetadataName(Ec2Namespace + name) is { } t)
            {
                map[t] = name;
            }
        }

        return new CdkSymbols(
            map,
            compilation.GetTypeByMetadataName("Constructs.IConstruct"),
            compilation.GetTypeByMetadataName(Ec2Namespace + "ISecurityGroup"),
            compilation.GetTypeByMetadataName(Ec2Namespace + "ISubnet"),
            compilation.GetTypeByMetadataName("Amazon.CDK.Stack"));
    }

    /// <summary>The construct kind of <paramref name="type"/> ("CfnVPC", "Vpc", …) or null.</summary>
    public string? KindOf(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && _constructs.TryGetValue(named, out var kind) ? kind : null;

    /// <summary>True for construct classes and construct interfaces (IVpc, ISecurityGroup, CfnVPC, …).</summary>
    public bool IsConstruct(ITypeSymbol? type) => Implements(type, IConstruct);

    public bool IsSecurityGroup(ITypeSymbol? type) => Implements(type, ISecurityGroup);

    /// <summary>True for <c>ISubnet</c> and the subnet classes (<c>Subnet</c>, <c>PublicSubnet</c>, …).</summary>
    public bool IsSubnet(ITypeSymbol? type) => Implements(type, ISubnet);

    /// <summary>True for a user class deriving (directly or not) from <c>Amazon.CDK.Stack</c>.</summary>
    public bool IsStackClass(ITypeSymbol? type)
    {
        if (Stack is null || type is not INamedTypeSymbol { TypeKind: TypeKind.Class } named)
        {
            return false;
        }

        for (var t = named.BaseType; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, Stack))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Implements(ITypeSymbol? type, INamedTypeSymbol? iface)
    {
        if (type is null || iface is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, iface))
        {
            return true;
        }

        foreach (var i in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(i, iface))
            {
                return true;
            }
        }

        return false;
    }
}
