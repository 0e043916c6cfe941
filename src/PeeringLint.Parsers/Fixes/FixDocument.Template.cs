using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Fixes;

/// <summary>
/// Repairs rendered into CloudFormation templates, YAML or JSON: a new resource (<c>AWS::EC2::Route</c>,
/// <c>AWS::EC2::SecurityGroupIngress</c>) with a logical id the template does not use yet, placed right after the
/// resource it belongs beside, indented like it, referencing the table, the peering and the group with
/// <c>!Ref</c>/<c>!GetAtt</c> (<c>{"Ref": …}</c>/<c>{"Fn::GetAtt": …}</c>) when they are resources of the same template.
/// </summary>
internal sealed partial class FixDocument
{
    private IReadOnlyList<TextEdit>? TemplateAddRoute(AddRoute r, HashSet<string> namesTaken)
    {
        var table = ResourceAt(r.RouteTable, "AWS::EC2::RouteTable");
        if (table is null || !Addressing.Cidr.TryParse(r.DestinationCidr, out var destination))
        {
            return null;
        }

        Value? peering = ResourceAt(r.PeeringConnection, "AWS::EC2::VPCPeeringConnection") is { } pcx
            ? Value.Ref(pcx.Key.Value!)
            : r.PeeringConnectionId.StartsWith("pcx-", StringComparison.Ordinal) ? Value.String(r.PeeringConnectionId) : null;
        if (peering is null)
        {
            return null;
        }

        var anchor = (r.Beside.Path == Path ? ResourceContaining(r.Beside) : null) ?? table.Value;
        string name = UniqueName(table.Value.Key.Value + "ReturnRoute", namesTaken);
        var properties = new List<(string, Value)>
        {
            ("RouteTableId", Value.Ref(table.Value.Key.Value!)),
            (destination.Family == Addressing.IpFamily.V6 ? "DestinationIpv6CidrBlock" : "DestinationCidrBlock", Value.String(r.DestinationCidr)),
            ("VpcPeeringConnectionId", peering),
        };
        return NewResource(anchor, name, "AWS::EC2::Route", properties) is { } edit ? new[] { edit } : null;
    }

    private IReadOnlyList<TextEdit>? TemplateAddIngress(AddIngressRule r, HashSet<string> namesTaken)
    {
        Value? group = null;
        var owner = ResourceAt(r.SecurityGroup, "AWS::EC2::SecurityGroup");
        if (owner is { } g)
        {
            group = Value.GetAtt(g.Key.Value!, "GroupId");
        }
        else if (r.SecurityGroupId.EndsWith(".DefaultSecurityGroup", StringComparison.Ordinal) && ResourceAt(r.SecurityGroup, "AWS::EC2::VPC") is { } vpc)
        {
            owner = vpc;
            group = Value.GetAtt(vpc.Key.Value!, "DefaultSecurityGroup");
        }

        if (owner is null || group is null || !Addressing.Cidr.TryParse(r.Cidr, out var cidr))
        {
            return null;
        }

        string name = UniqueName(owner.Value.Key.Value + (r.Protocol == "icmp" ? "IcmpFromPeer" : "IngressFromPeer"), namesTaken);
        var properties = new List<(string, Value)>
        {
            ("GroupId", group),
            ("IpProtocol", Value.String(r.Protocol)),
            ("FromPort", Value.Number(r.FromPort)),
            ("ToPort", Value.Number(r.ToPort)),
            (cidr.Family == Addressing.IpFamily.V6 ? "CidrIpv6" : "CidrIp", Value.String(r.Cidr)),
        };
        if (r.Description.Length > 0)
        {
            properties.Add(("Description", Value.String(r.Description)));
        }

        return NewResource(owner.Value, name, "AWS::EC2::SecurityGroupIngress", properties) is { } edit ? new[] { edit } : null;
    }

    private MappingNode? Resources => (Root as MappingNode)?.Get("Resources") as MappingNode;

    /// <summary>The resource whose logical id is written at <paramref name="location"/>, when it has type <paramref name="type"/>.</summary>
    private KeyValuePair<ScalarNode, SyntaxNode>? ResourceAt(SourceLocation location, string type)
    {
        var resources = Resources;
        var key = At<ScalarNode>(location, k => IsKey(k) && ParentOf(k) is { Node: var m } && ReferenceEquals(m, resources));
        if (key is null || resources is null)
        {
            return null;
        }

        foreach (var e in resources.Entries)
        {
            if (ReferenceEquals(e.Key, key))
            {
                return e.Value is MappingNode body && body.Get("Type") is ScalarNode { Value: { } t } && t == type ? e : null;
            }
        }

        return null;
    }

    /// <summary>The resource whose text holds <paramref name="location"/>.</summary>
    private KeyValuePair<ScalarNode, SyntaxNode>? ResourceContaining(SourceLocation location)
    {
        int at = Lines.Offset(location.StartLine, location.StartColumn);
        if (Resources is not { } resources || at < 0)
        {
            return null;
        }

        // Resources are in text order: the last one starting at or before the location is the only candidate.
        int lo = 0, hi = resources.Entries.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (StartOf(resources.Entries[mid].Key) <= at)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found < 0)
        {
            return null;
        }

        var e = resources.Entries[found];
        return e.Value is MappingNode && at < ContentEnd(e.Value) ? e : null;
    }

    private string UniqueName(string stem, HashSet<string> namesTaken)
    {
        var resources = Resources;
        string name = stem;
        for (int n = 2; (resources?.Has(name) ?? false) || namesTaken.Contains(name); n++)
        {
            name = stem + n.ToString(CultureInfo.InvariantCulture);
        }

        namesTaken.Add(name);
        return name;
    }

    /// <summary>A new resource right after <paramref name="anchor"/>, indented like it.</summary>
    private TextEdit? NewResource(KeyValuePair<ScalarNode, SyntaxNode> anchor, string name, string type, List<(string Key, Value Value)> properties)
    {
        int keyColumn = Column(anchor.Key);
        string ki = new(' ', keyColumn - 1);
        int step = 2;
        if (anchor.Value is MappingNode body && body.Entries.Count > 0 && body.Entries[0].Key.Location().StartLine > anchor.Key.Location().StartLine
            && Column(body.Entries[0].Key) > keyColumn)
        {
            step = Column(body.Entries[0].Key) - keyColumn;
        }

        string s1 = ki + new string(' ', step), s2 = s1 + new string(' ', step);
        var sb = new StringBuilder();
        if (IsJson)
        {
            sb.Append(',').Append(Newline).Append(ki).Append(Json(name)).Append(": {").Append(Newline)
              .Append(s1).Append("\"Type\": ").Append(Json(type)).Append(',').Append(Newline)
              .Append(s1).Append("\"Properties\": {");
            for (int i = 0; i < properties.Count; i++)
            {
                sb.Append(i == 0 ? string.Empty : ",").Append(Newline).Append(s2).Append(Json(properties[i].Key)).Append(": ").Append(properties[i].Value.ToJson());
            }

            sb.Append(Newline).Append(s1).Append('}').Append(Newline).Append(ki).Append('}');
            return InsertChecked(EndOf(anchor.Value), sb.ToString());
        }

        sb.Append(Newline).Append(ki).Append(name).Append(':')
          .Append(Newline).Append(s1).Append("Type: ").Append(type)
          .Append(Newline).Append(s1).Append("Properties:");
        foreach (var (k, v) in properties)
        {
            sb.Append(Newline).Append(s2).Append(k).Append(": ").Append(v.ToYaml());
        }

        return InsertSibling(StartOf(anchor.Key), LineEnd(ContentEnd(anchor.Value)), sb.ToString(), sequence: false);
    }

    internal static string Json(string s) => "\"" + System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping.Encode(s) + "\"";

    /// <summary>A property value of a new resource: a string, a number, a <c>Ref</c> or a <c>Fn::GetAtt</c>.</summary>
    private sealed record Value(string Text, int Kind, string? Attribute = null)
    {
        public static Value String(string s) => new(s, 0);

        public static Value Number(int n) => new(n.ToString(CultureInfo.InvariantCulture), 1);

        public static Value Ref(string logicalId) => new(logicalId, 2);

        public static Value GetAtt(string logicalId, string attribute) => new(logicalId, 3, attribute);

        public string ToYaml() => Kind switch
        {
            0 => Yaml(Text, flow: false),
            1 => Text,
            2 => "!Ref " + Text,
            _ => "!GetAtt " + Text + "." + Attribute,
        };

        public string ToJson() => Kind switch
        {
            0 => Json(Text),
            1 => Text,
            2 => "{ \"Ref\": " + Json(Text) + " }",
            _ => "{ \"Fn::GetAtt\": [" + Json(Text) + ", " + Json(Attribute!) + "] }",
        };
    }
}
