using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using PeeringLint.Aws;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>Property values, names and the source order of constructs.</summary>
internal sealed partial class CdkModelBuilder
{
    private static string? Str(CdkValue? value) => (value as StringValue)?.Text;

    private static string? NameTag(ConstructFact f)
    {
        if (f.Prop("Tags") is not ListValue tags)
        {
            return null;
        }

        foreach (var t in tags.Items)
        {
            if (t is ObjectValue o && Str(o.Get("Key")) == "Name" && Str(o.Get("Value")) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>A construct's properties as a <see cref="PropertySource"/> for the semantics layer.</summary>
    private PropertySource Source(ConstructFact f) => name => Pv(f.Prop(name));

    /// <summary>
    /// A C# value as the semantics layer reads it: a literal, a reference to a construct of the compilation (with
    /// its CloudFormation type), a list, or unknown.
    /// </summary>
    private PropertyValue Pv(CdkValue? value)
    {
        switch (value)
        {
            case null:
                return PropertyValue.Absent;
            case StringValue s when s.Text.Length > 0:
                return PropertyValue.Known(s.Text);
            case ListValue list:
                var items = new List<PropertyValue>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    items.Add(Pv(item));
                }

                return PropertyValue.List(items);
            case RefValue { Member: "InternetGatewayId" } r when Resolve(r) is { Kind: "Vpc" } vf && _layouts.TryGetValue(_ids[vf], out var layout):
                // An L2 Vpc's own internet gateway.
                return layout.InternetGatewayId is { } igw ? PropertyValue.Reference(igw, AwsResourceTypes.InternetGateway) : PropertyValue.Unknown();
            case RefValue r when r.Member.Length == 0 || r.Member == "Ref" || r.Member.EndsWith("Id", StringComparison.Ordinal):
                return Resolve(r) is { } f ? PropertyValue.Reference(_ids[f], AwsTypeOf(f.Kind)) : PropertyValue.Unknown();
            case SubnetValue sv:
                return RefId(sv, "CfnSubnet", "CfnRouteTable") is { } sid
                    ? PropertyValue.Reference(sid, sv.Member == "RouteTableId" ? AwsResourceTypes.RouteTable : AwsResourceTypes.Subnet)
                    : PropertyValue.Unknown();
            default:
                return PropertyValue.Unknown();
        }
    }

    /// <summary>The CloudFormation type a construct kind synthesizes: <c>CfnVPNGateway</c> → <c>AWS::EC2::VPNGateway</c>, L2 <c>Vpc</c> → <c>AWS::EC2::VPC</c>.</summary>
    private static string AwsTypeOf(string kind) => kind switch
    {
        "Vpc" => AwsResourceTypes.Vpc,
        "SecurityGroup" => AwsResourceTypes.SecurityGroup,
        "Instance_" => AwsResourceTypes.Instance,
        _ when kind.StartsWith("Cfn", StringComparison.Ordinal) => "AWS::EC2::" + kind.Substring(3),
        _ => kind,
    };

    private void AddIds(List<string> into, CdkValue? list)
    {
        if (list is ListValue l)
        {
            foreach (var item in l.Items)
            {
                if (RefId(item, "CfnSecurityGroup", "SecurityGroup") is { } id)
                {
                    into.Add(id);
                }
            }
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    private static IReadOnlyList<T> Concat<T>(IReadOnlyList<T> a, List<T> b)
    {
        var all = new List<T>(a.Count + b.Count);
        all.AddRange(a);
        all.AddRange(b);
        return all;
    }

    private static int CompareSyntax(ConstructFact a, ConstructFact b) => CompareNodes(a.Creation, b.Creation);

    private static int CompareNodes(SyntaxNode a, SyntaxNode b)
    {
        int c = string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath);
        return c != 0 ? c : a.SpanStart.CompareTo(b.SpanStart);
    }
}
