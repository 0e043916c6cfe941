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

    private IReadOnlyList<TextEdit>? TemplateAddIngress(AddIngressRule r, HashSet<string> namesTaken) => TemplateAddRule(r, namesTaken, egress: false);

    /// <summary>An <c>AWS::EC2::SecurityGroupIngress</c> or, for an outbound rule, <c>AWS::EC2::SecurityGroupEgress</c> resource.</summary>
    private IReadOnlyList<TextEdit>? TemplateAddRule(AddIngressRule r, HashSet<string> namesTaken, bool egress)
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

        string name = UniqueName(owner.Value.Key.Value + (egress ? (r.Protocol == "icmp" ? "IcmpToPeer" : "EgressToPeer") : r.Protocol == "icmp" ? "IcmpFromPeer" : "IngressFromPeer"), namesTaken);
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

        return NewResource(owner.Value, name, egress ? "AWS::EC2::SecurityGroupEgress" : "AWS::EC2::SecurityGroupIngress", properties) is { } edit ? new[] { edit } : null;
    }

    /// <summary>Properties of <c>AWS::EC2::Instance</c> that CloudFormation rejects beside <c>NetworkInterfaces</c> and this fix does not move.</summary>
    private static readonly string[] InterfaceConflicts = { "NetworkInterfaces", "SecurityGroups", "PrivateIpAddress", "Ipv6AddressCount", "Ipv6Addresses", "LaunchTemplate" };

    /// <summary>
    /// PL3001: the instance's <c>SubnetId</c> (and <c>SecurityGroupIds</c>) move into a primary network interface with
    /// <c>AssociatePublicIpAddress: true</c> (CloudFormation takes the subnet and groups either on the instance or on
    /// its interfaces, not both). Only when the instance has a <c>SubnetId</c> on one line and nothing else that would
    /// have to move (a launch template, addresses, named groups, interfaces already): otherwise no fix.
    /// </summary>
    private IReadOnlyList<TextEdit>? TemplatePublicIp(AssignPublicIp r)
    {
        if (ResourceAt(r.Instance, "AWS::EC2::Instance") is not { } instance || instance.Value is not MappingNode body
            || body.Get("Properties") is not MappingNode props || (!IsJson && IsFlow(props)))
        {
            return null;
        }

        KeyValuePair<ScalarNode, SyntaxNode>? subnet = null, groups = null;
        foreach (var e in props.Entries)
        {
            if (Array.IndexOf(InterfaceConflicts, e.Key.Value) >= 0)
            {
                return null;
            }

            if (e.Key.Value == "SubnetId")
            {
                subnet = e;
            }
            else if (e.Key.Value == "SecurityGroupIds")
            {
                groups = e;
            }
        }

        if (subnet is not { } sn || !StartsLine(sn.Key) || (groups is { } g0 && !StartsLine(g0.Key)))
        {
            return null;
        }

        var edits = IsJson ? JsonInterface(sn, groups) : YamlInterface(sn, groups);
        return edits is not null && StillParses(edits) ? edits : null;
    }

    private bool StartsLine(SyntaxNode node)
    {
        int at = StartOf(node);
        return at >= 0 && IndentOf(at).Length == at - Lines.LineStart(at);
    }

    /// <summary>The offset of the <c>:</c> after a key, or -1.</summary>
    private int ColonAfter(ScalarNode key)
    {
        int i = EndOf(key);
        while (i < Text.Length && Text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < Text.Length && Text[i] == ':' ? i : -1;
    }

    /// <summary>The text of lines <paramref name="from"/> (a line start) to <paramref name="to"/>, each indented by <paramref name="shift"/> more.</summary>
    private string Shifted(int from, int to, int shift)
    {
        var sb = new StringBuilder();
        string pad = new(' ', shift);
        int i = from;
        while (i < to)
        {
            int end = LineEnd(i);
            if (end > to)
            {
                end = to;
            }

            string line = Text.Substring(i, end - i);
            sb.Append(line.Trim().Length == 0 ? string.Empty : pad).Append(line);
            int next = end < Text.Length && Text[end] == '\r' ? end + 2 : end + 1;
            if (next < to)
            {
                sb.Append(Newline);
            }

            i = next;
        }

        return sb.ToString();
    }

    private IReadOnlyList<TextEdit>? YamlInterface(KeyValuePair<ScalarNode, SyntaxNode> subnet, KeyValuePair<ScalarNode, SyntaxNode>? groups)
    {
        int colon = ColonAfter(subnet.Key);
        if (colon < 0 || ContentEnd(subnet.Value) > LineEnd(colon))
        {
            return null;
        }

        string subnetText = Text.Substring(colon + 1, LineEnd(colon) - colon - 1).Trim();
        if (subnetText.Length == 0 || subnetText[0] == '#')
        {
            return null;
        }

        string ki = IndentOf(StartOf(subnet.Key));
        string item = ki + "  - ", inner = ki + "    ";
        var sb = new StringBuilder();
        sb.Append("NetworkInterfaces:")
          .Append(Newline).Append(item).Append("DeviceIndex: \"0\"")
          .Append(Newline).Append(inner).Append("AssociatePublicIpAddress: true")
          .Append(Newline).Append(inner).Append("SubnetId: ").Append(subnetText);
        var edits = new List<TextEdit>();
        if (groups is { } g)
        {
            int gColon = ColonAfter(g.Key);
            if (gColon < 0)
            {
                return null;
            }

            int gLineEnd = LineEnd(gColon);
            string rest = Text.Substring(gColon + 1, gLineEnd - gColon - 1).Trim();
            int gEnd = LineEnd(ContentEnd(g.Value));
            sb.Append(Newline).Append(inner).Append("GroupSet:");
            if (gEnd == gLineEnd)
            {
                if (rest.Length == 0 || rest[0] == '#')
                {
                    return null;
                }

                sb.Append(' ').Append(rest);
            }
            else
            {
                if (rest.Length > 0 && rest[0] != '#')
                {
                    return null; // a tag or anchor on the key's line, its value below: not moved
                }

                int first = gLineEnd < Text.Length && Text[gLineEnd] == '\r' ? gLineEnd + 2 : gLineEnd + 1;
                sb.Append(Newline).Append(Shifted(first, gEnd, inner.Length - ki.Length));
            }

            // The whole lines of SecurityGroupIds go, with their line break.
            int start = Lines.LineStart(StartOf(g.Key));
            int after = gEnd < Text.Length ? (Text[gEnd] == '\r' ? gEnd + 2 : gEnd + 1) : gEnd;
            edits.Add(Replace(start, Math.Min(after, Text.Length), string.Empty));
        }

        edits.Insert(0, Replace(StartOf(subnet.Key), LineEnd(colon), sb.ToString()));
        return edits;
    }

    private IReadOnlyList<TextEdit>? JsonInterface(KeyValuePair<ScalarNode, SyntaxNode> subnet, KeyValuePair<ScalarNode, SyntaxNode>? groups)
    {
        int subnetStart = StartOf(subnet.Value), subnetEnd = EndOf(subnet.Value);
        if (subnetStart < 0 || subnetEnd <= subnetStart)
        {
            return null;
        }

        string ki = IndentOf(StartOf(subnet.Key));
        string step = "  ";
        string s1 = ki + step, s2 = s1 + step;
        var sb = new StringBuilder();
        sb.Append("\"NetworkInterfaces\": [").Append(Newline)
          .Append(s1).Append('{').Append(Newline)
          .Append(s2).Append("\"DeviceIndex\": \"0\",").Append(Newline)
          .Append(s2).Append("\"AssociatePublicIpAddress\": true,").Append(Newline)
          .Append(s2).Append("\"SubnetId\": ").Append(Reindented(subnetStart, subnetEnd, s2.Length - ki.Length));
        var edits = new List<TextEdit>();
        if (groups is { } g)
        {
            int gs = StartOf(g.Value), ge = EndOf(g.Value);
            if (gs < 0 || ge <= gs)
            {
                return null;
            }

            sb.Append(',').Append(Newline).Append(s2).Append("\"GroupSet\": ").Append(Reindented(gs, ge, s2.Length - ki.Length));

            // The entry goes with one of its commas: the one after it, else the one before it.
            int i = ge;
            while (i < Text.Length && char.IsWhiteSpace(Text[i]))
            {
                i++;
            }

            if (i < Text.Length && Text[i] == ',')
            {
                if (Text.Substring(i + 1, LineEnd(i) - i - 1).Trim().Length > 0)
                {
                    return null;
                }

                edits.Add(Replace(Lines.LineStart(StartOf(g.Key)), LineEnd(i) < Text.Length ? LineEnd(i) + (Text[LineEnd(i)] == '\r' ? 2 : 1) : LineEnd(i), string.Empty));
            }
            else
            {
                int j = StartOf(g.Key) - 1;
                while (j >= 0 && char.IsWhiteSpace(Text[j]))
                {
                    j--;
                }

                if (j < 0 || Text[j] != ',')
                {
                    return null;
                }

                edits.Add(Replace(j, ge, string.Empty));
            }
        }

        sb.Append(Newline).Append(s1).Append('}').Append(Newline).Append(ki).Append(']');
        edits.Insert(0, Replace(StartOf(subnet.Key), subnetEnd, sb.ToString()));
        return edits;
    }

    /// <summary>A JSON value's text with its continuation lines indented by <paramref name="shift"/> more.</summary>
    private string Reindented(int start, int end, int shift)
    {
        string text = Text.Substring(start, end - start);
        return text.Replace(Newline, Newline + new string(' ', Math.Max(0, shift)));
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
