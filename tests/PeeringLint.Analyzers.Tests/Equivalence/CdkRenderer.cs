using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeeringLint.Analyzers.Tests.TestKit;
using PeeringLint.Tests.Equivalence;

namespace PeeringLint.Analyzers.Tests.Equivalence;

/// <summary>
/// The CDK C# form of a topology: the CloudFormation template of <see cref="Cfn.Template"/> written with L1 constructs,
/// one construct per line, construct id = logical id, <c>x.Ref</c> for Ref and <c>x.AttrGroupId</c> for GetAtt.
/// Constructs are declared after the ones they refer to (C# needs the variable first).
/// </summary>
public static class CdkRenderer
{
    public sealed record CdkRendering(string Source, IReadOnlyDictionary<int, string> LogicalIdByLine);

    public static CdkRendering Render(Topology t)
    {
        var resources = Cfn.Template(t)["Resources"]!.AsObject();
        var order = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        void Visit(string id)
        {
            if (state.TryGetValue(id, out int s))
            {
                if (s == 1)
                {
                    throw new InvalidOperationException("reference cycle at " + id);
                }

                return;
            }

            state[id] = 1;
            foreach (var dep in References(resources[id]!["Properties"]))
            {
                Visit(dep);
            }

            state[id] = 2;
            order.Add(id);
        }

        foreach (var (id, _) in resources)
        {
            Visit(id);
        }

        var body = new StringBuilder();
        foreach (var id in order)
        {
            var r = resources[id]!.AsObject();
            string cls = "Cfn" + r["Type"]!.GetValue<string>().Substring("AWS::EC2::".Length);
            body.Append("        var ").Append(Var(id)).Append(" = new ").Append(cls).Append("(this, ").Append(Str(id)).Append(", new ").Append(cls).Append("Props { ");
            body.Append(string.Join(", ", r["Properties"]!.AsObject().Select(p => p.Key + " = " + Value(cls, p.Key, p.Value!)))).Append(" });\n");
        }

        string source = CdkCompiler.Stack(body.ToString());
        var lines = new Dictionary<int, string>();
        var split = source.Split('\n');
        for (int i = 0; i < split.Length; i++)
        {
            int at = split[i].IndexOf("(this, \"", StringComparison.Ordinal);
            if (at >= 0)
            {
                int start = at + "(this, \"".Length;
                lines[i] = split[i].Substring(start, split[i].IndexOf('"', start) - start);
            }
        }

        return new CdkRendering(source, lines);
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o when o.Count == 1 && o["Ref"] is JsonValue r:
                yield return r.GetValue<string>();
                break;
            case JsonObject o when o.Count == 1 && o["Fn::GetAtt"] is JsonArray a:
                yield return a[0]!.GetValue<string>();
                break;
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    foreach (var x in References(v))
                    {
                        yield return x;
                    }
                }

                break;
            case JsonArray a:
                foreach (var v in a)
                {
                    foreach (var x in References(v))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }

    private static string Var(string logicalId) => "r" + logicalId;

    private static string Str(string s) => JsonSerializer.Serialize(s);

    private static string Value(string cls, string key, JsonNode node)
    {
        switch (key)
        {
            case "Tags":
                return "new[] { " + string.Join(", ", node.AsArray().Select(t => "new CfnTag { Key = " + Str(t!["Key"]!.GetValue<string>()) + ", Value = " + Str(t["Value"]!.GetValue<string>()) + " }")) + " }";
            case "SecurityGroupIngress":
                return "new[] { " + string.Join(", ", node.AsArray().Select(o => Object("CfnSecurityGroup.IngressProperty", o!.AsObject()))) + " }";
            case "NetworkInterfaces":
                return "new[] { " + string.Join(", ", node.AsArray().Select(o => Object("CfnInstance.NetworkInterfaceProperty", o!.AsObject()))) + " }";
            case "PortRange":
                return Object("CfnNetworkAclEntry.PortRangeProperty", node.AsObject());
            case "Icmp":
                return Object("CfnNetworkAclEntry.IcmpProperty", node.AsObject());
        }

        return Scalar(node);
    }

    private static string Object(string type, JsonObject o) =>
        "new " + type + " { " + string.Join(", ", o.Select(p => p.Key + " = " + (p.Value is JsonArray a ? "new[] { " + string.Join(", ", a.Select(x => Scalar(x!))) + " }" : Scalar(p.Value!)))) + " }";

    private static string Scalar(JsonNode node)
    {
        if (node is JsonObject o && o.Count == 1 && o["Ref"] is JsonValue r)
        {
            return Var(r.GetValue<string>()) + ".Ref";
        }

        if (node is JsonObject g && g.Count == 1 && g["Fn::GetAtt"] is JsonArray a)
        {
            return Var(a[0]!.GetValue<string>()) + ".Attr" + a[1]!.GetValue<string>();
        }

        if (node is JsonArray arr)
        {
            return "new[] { " + string.Join(", ", arr.Select(x => Scalar(x!))) + " }";
        }

        var v = node.AsValue();
        if (v.TryGetValue(out string? s))
        {
            return Str(s!);
        }

        if (v.TryGetValue(out bool b))
        {
            return b ? "true" : "false";
        }

        return v.GetValue<int>().ToString(CultureInfo.InvariantCulture);
    }
}
