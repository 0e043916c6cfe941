using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>How hops and rules read in explanations.</summary>
internal sealed partial class PathWalker
{
    private string TargetText(Route r)
    {
        if (r.IsLocal)
        {
            return "local";
        }

        return r.TargetId ?? "<unknown " + r.TargetKind + ">";
    }

    /// <summary>"instance 'web' (10.1.0.7)"; a range or the internet, whose label is its address, is named once ("10.2.0.0/24").</summary>
    private static string Named(Host h) => h.IsHost ? $"{h.Label} ({h.AddressText})" : h.Label;

    private static string GroupsText(Host h)
    {
        if (h.Groups.Count == 0)
        {
            return "security groups";
        }

        if (h.Groups.Count == 1)
        {
            return "security group " + h.Groups[0].Label;
        }

        var parts = new List<string>();
        foreach (var g in h.Groups)
        {
            parts.Add(g.Label);
        }

        return "security groups " + string.Join(", ", parts);
    }

    /// <summary>The group a suggested rule goes into: the first (a blocking hop has at least one group).</summary>
    private static string GroupNameForFix(Host h) => "security group " + h.Groups[0].Label;

    internal static string RuleTypeName(Traffic t) => t.Protocol switch
    {
        Traffic.All => "All traffic",
        Traffic.Tcp when t.FromPort == 22 && t.ToPort == 22 => "SSH (TCP 22)",
        Traffic.Tcp when t.FromPort == 80 && t.ToPort == 80 => "HTTP (TCP 80)",
        Traffic.Tcp when t.FromPort == 443 && t.ToPort == 443 => "HTTPS (TCP 443)",
        Traffic.Tcp or Traffic.Udp => $"Custom {Traffic.ProtocolName(t.Protocol)} port {(t.FromPort == t.ToPort ? t.FromPort.ToString(CultureInfo.InvariantCulture) : t.FromPort.ToString(CultureInfo.InvariantCulture) + "-" + t.ToPort.ToString(CultureInfo.InvariantCulture))}",
        Traffic.Icmp => "All ICMP - IPv4",
        Traffic.Icmpv6 => "All ICMP - IPv6",
        _ => Traffic.ProtocolName(t.Protocol),
    };

    private static string RuleText(SecurityGroupRule r)
    {
        // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        string proto = r.Protocol is null ? "?" : Traffic.ProtocolName(r.Protocol.Value);
        int? f = r.FromPort;
        int? to = r.ToPort;
        string ports = r.Protocol is Traffic.Tcp or Traffic.Udp && f is not null && to is not null
            ? (f == to ? " " + f.Value.ToString(CultureInfo.InvariantCulture) : $" {f.Value.ToString(CultureInfo.InvariantCulture)}-{to.Value.ToString(CultureInfo.InvariantCulture)}")
            : string.Empty;
        string peer = r.PeerKind switch
        {
            SgPeerKind.Cidr => r.Cidr?.ToString() ?? "?",
            SgPeerKind.PrefixList => r.PrefixListId ?? "?",
            SgPeerKind.SecurityGroup => r.GroupId ?? "?",
            _ => "?",
        };
        return $"'{proto}{ports} {(r.Direction == RuleDirection.Ingress ? "from" : "to")} {peer}'";
    }

    private static bool Contains(IReadOnlyList<string> list, string id)
    {
        foreach (var s in list)
        {
            if (s == id)
            {
                return true;
            }
        }

        return false;
    }
}
