using System;
using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Fixes;

/// <summary>Repairs rendered into the tutorial YAML (docs/tutorial-yaml.md): route entries and security group rules as list items.</summary>
internal sealed partial class FixDocument
{
    private IReadOnlyList<TextEdit>? TutorialAddRoute(AddRoute r)
    {
        var table = ListItem(r.RouteTable, "route_tables");
        string? target = ListItem(r.PeeringConnection, "peerings")?.Get("name") is ScalarNode { Value: { } name }
            ? name
            : r.PeeringConnectionId.StartsWith("pcx-", StringComparison.Ordinal) ? r.PeeringConnectionId : null;
        if (table is null || target is null)
        {
            return null;
        }

        var edit = AppendItem(table, "routes", new[] { ("destination", r.DestinationCidr), ("target", target) });
        return edit is null ? null : new[] { edit };
    }

    private IReadOnlyList<TextEdit>? TutorialAddIngress(AddIngressRule r) => TutorialAddRule(r, egress: false);

    /// <summary>An <c>ingress:</c> item (<c>source:</c>) or, for an outbound rule, an <c>egress:</c> item (<c>destination:</c>).</summary>
    private IReadOnlyList<TextEdit>? TutorialAddRule(AddIngressRule r, bool egress)
    {
        var group = ListItem(r.SecurityGroup, "security_groups");
        var fields = new List<(string, string)> { ("protocol", r.Protocol) };
        if (group is null)
        {
            return null;
        }
        else if (r.Protocol is "tcp" or "udp" && r.FromPort >= 0 && r.FromPort <= r.ToPort && r.ToPort <= 65535)
        {
            fields.Add(("port", r.FromPort == r.ToPort
                ? r.FromPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : r.FromPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + r.ToPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        else if (r.Protocol != "icmp" || r.FromPort != -1 || r.ToPort != -1)
        {
            return null;
        }

        fields.Add((egress ? "destination" : "source", r.Cidr));
        if (r.Description.Length > 0)
        {
            fields.Add(("description", r.Description));
        }

        var edit = AppendItem(group, egress ? "egress" : "ingress", fields);
        return edit is null ? null : new[] { edit };
    }

    /// <summary>The peering's <c>status: pending-acceptance</c> becomes <c>active</c> (the console's "Accept request").</summary>
    private IReadOnlyList<TextEdit>? TutorialAccept(AcceptPeering r)
    {
        var scalar = At<ScalarNode>(r.Status, s => !IsKey(s) && s.Tag is null && s.Value == "pending-acceptance");
        if (scalar is null || ParentOf(scalar) is not { Key: "status", Node: MappingNode peering } || ParentOf(peering) is not { Node: SequenceNode list }
            || ParentOf(list) is not { Key: "peerings" })
        {
            return null;
        }

        int start = StartOf(scalar), end = EndOf(scalar);
        string raw = Text.Substring(start, end - start);
        string quote = raw.Length >= 2 && raw[0] is '"' or '\'' ? raw.Substring(0, 1) : string.Empty;
        return new[] { ReplaceScalar(start, end, quote + "active" + quote) };
    }

    /// <summary>
    /// The instance's <c>public_ip: none</c> becomes <c>auto</c> (the console's "Auto-assign public IP: Enable"); an
    /// instance without <c>public_ip</c> (it follows its subnet's <c>public_ip_on_launch</c>) gets the key.
    /// </summary>
    private IReadOnlyList<TextEdit>? TutorialPublicIp(AssignPublicIp r)
    {
        var instance = ListItem(r.Instance, "instances");
        if (instance is null)
        {
            return null;
        }

        switch (instance.Get("public_ip"))
        {
            case ScalarNode { Tag: null, Value: "none" } none:
            {
                int start = StartOf(none), end = EndOf(none);
                string raw = Text.Substring(start, end - start);
                string quote = raw.Length >= 2 && raw[0] is '"' or '\'' ? raw.Substring(0, 1) : string.Empty;
                return new[] { ReplaceScalar(start, end, quote + "auto" + quote) };
            }

            case null when instance.Entries.Count > 0:
            {
                var last = instance.Entries[instance.Entries.Count - 1];
                if (IsFlow(instance))
                {
                    return InsertChecked(EndOf(last.Value), ", public_ip: auto") is { } e ? new[] { e } : null;
                }

                string indent = new string(' ', Column(instance.Entries[0].Key) - 1);
                return InsertSibling(StartOf(last.Key), LineEnd(ContentEnd(instance)), Newline + indent + "public_ip: auto", sequence: false) is { } b ? new[] { b } : null;
            }

            default:
                return null;
        }
    }

    /// <summary>The mapping at <paramref name="location"/> when it is an item of a list under <paramref name="listKey"/>.</summary>
    private MappingNode? ListItem(SourceLocation location, string listKey) =>
        At<MappingNode>(location, m => ParentOf(m) is { Node: SequenceNode seq } && ParentOf(seq) is { Key: { } k } && k == listKey);
}
