using System;
using PeeringLint.Model;
using System.Globalization;

namespace PeeringLint.Reachability;

/// <summary>
/// One direction of a flow: an IP protocol (AWS numbers: -1 all, 6 tcp, 17 udp, 1 icmp, 58 icmpv6) and, for
/// TCP/UDP, the destination port range; for ICMP, the type (null: any type).
/// </summary>
public readonly record struct Traffic(int Protocol, int FromPort, int ToPort, int? IcmpType)
{
    public const int All = IpProtocols.All;
    public const int Tcp = IpProtocols.Tcp;
    public const int Udp = IpProtocols.Udp;
    public const int Icmp = IpProtocols.Icmp;
    public const int Icmpv6 = IpProtocols.Icmpv6;

    /// <summary>Ports a client picks for the reply direction (AWS's recommendation for network ACLs).</summary>
    public const int EphemeralFrom = 1024;
    public const int EphemeralTo = 65535;

    // Comparisons rather than `is A or B` patterns: Stryker's `or` → `and` mutant of two constants does not compile
    // (docs/quality.md), while these mutants are scored.
    public bool HasPorts => Protocol == Tcp || Protocol == Udp;

    public bool IsIcmp => Protocol == Icmp || Protocol == Icmpv6;

    /// <summary>The request of a query: protocol and port (ICMP: type; null means all ports / echo request).</summary>
    public static Traffic Request(int protocol, int? port)
    {
        if (protocol == Tcp || protocol == Udp)
        {
            return port is not null ? new Traffic(protocol, port.Value, port.Value, null) : new Traffic(protocol, 0, 65535, null);
        }

        if (protocol == Icmp || protocol == Icmpv6)
        {
            return new Traffic(protocol, 0, 0, port ?? (protocol == Icmp ? 8 : 128));
        }

        return new Traffic(protocol, 0, 65535, null);
    }

    /// <summary>
    /// The reply a stateless filter (a network ACL) sees: TCP/UDP to the client's ephemeral ports 1024–65535,
    /// ICMP echo reply for an echo request, everything for "all".
    /// </summary>
    public Traffic Reply()
    {
        if (HasPorts)
        {
            return new Traffic(Protocol, EphemeralFrom, EphemeralTo, null);
        }

        if (IsIcmp)
        {
            int? reply = (Protocol, IcmpType) switch
            {
                (Icmp, 8) => 0,
                (Icmp, 13) => 14,
                (Icmp, 15) => 16,
                (Icmp, 17) => 18,
                (Icmpv6, 128) => 129,
                _ => null,
            };
            return new Traffic(Protocol, 0, 0, reply);
        }

        return this;
    }

    /// <summary>Parses tcp, udp, icmp, icmpv6, all (also -1 and protocol numbers). Null when not understood.</summary>
    public static int? ParseProtocol(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // Friendly aliases for intents and `reach`; everything else is AWS's IpProtocol.
        switch (text.Trim().ToLowerInvariant())
        {
            case "ssh":
            case "http":
            case "https":
                return Tcp;
            case "ping":
            case "icmpv4":
                return Icmp;
            case "any":
                return All;
        }

        return IpProtocols.Parse(text);
    }

    public static string ProtocolName(int protocol) => protocol switch
    {
        All => "all traffic",
        Tcp => "TCP",
        Udp => "UDP",
        Icmp => "ICMP",
        Icmpv6 => "ICMPv6",
        _ => "protocol " + protocol.ToString(CultureInfo.InvariantCulture),
    };

    public override string ToString()
    {
        if (HasPorts)
        {
            return FromPort == ToPort
                ? string.Format(CultureInfo.InvariantCulture, "{0}/{1}", ProtocolName(Protocol), FromPort)
                : string.Format(CultureInfo.InvariantCulture, "{0} ports {1}-{2}", ProtocolName(Protocol), FromPort, ToPort);
        }

        if (IsIcmp)
        {
            string what = IcmpType switch
            {
                null => "any type",
                8 => "echo request",
                0 => "echo reply",
                128 => "echo request",
                129 => "echo reply",
                { } t => "type " + t.ToString(CultureInfo.InvariantCulture),
            };
            return $"{ProtocolName(Protocol)} {what}";
        }

        return ProtocolName(Protocol);
    }

    /// <summary>
    /// Whether a rule (security group rule or network ACL entry) with this protocol and range admits all of
    /// this traffic: Yes, No, or Unknown (the rule is partly unknown, or covers only part of the traffic).
    /// For ICMP rules, <paramref name="from"/> is the type and <paramref name="to"/> the code (-1: all).
    /// </summary>
    public Tri MatchedBy(int? protocol, int? from, int? to)
    {
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        if (protocol is null)
        {
            return Tri.Unknown;
        }

        int rp = protocol.Value;

        if (rp == All)
        {
            return Tri.Yes;
        }

        if (Protocol == All)
        {
            // The traffic is every protocol; a rule for one protocol covers part of it.
            return Tri.Unknown;
        }

        if (rp != Protocol)
        {
            return Tri.No;
        }

        if (HasPorts)
        {
            if (from is null || to is null)
            {
                return Tri.Unknown;
            }

            int f = from.Value;
            int t = to.Value;

            if (f == -1 && t == -1)
            {
                return Tri.Yes;
            }

            if (f <= FromPort && t >= ToPort)
            {
                return Tri.Yes;
            }

            return t < FromPort || f > ToPort ? Tri.No : Tri.Unknown;
        }

        if (IsIcmp)
        {
            if (from is null)
            {
                return Tri.Unknown;
            }

            int type = from.Value;

            if (type == -1)
            {
                return Tri.Yes;
            }

            if (IcmpType is null)
            {
                return Tri.Unknown;
            }

            int want = IcmpType.Value;

            if (type != want)
            {
                return Tri.No;
            }

            if (to is null || to == -1)
            {
                return Tri.Yes;
            }

            // A rule for one code of the type. Echo request/reply (and timestamp, information, address mask) have the
            // one code 0, so a rule for code 0 admits them all (FromPort 8, ToPort 0: what Terraform writes for "ping")
            // and a rule for another code admits none; for other types the traffic's code is not modelled.
            if (OnlyCodeZero(Protocol, want))
            {
                return to == 0 ? Tri.Yes : Tri.No;
            }

            return Tri.Unknown;
        }

        return Tri.Yes;
    }

    /// <summary>ICMP echo reply/request, timestamp, information and address mask; ICMPv6 echo request/reply.</summary>
    private static bool OnlyCodeZero(int protocol, int type)
    {
        if (protocol != Icmp)
        {
            return type == 128 || type == 129;
        }

        switch (type)
        {
            case 0:
            case 8:
            case 13:
            case 14:
            case 15:
            case 16:
            case 17:
            case 18:
                return true;
            default:
                return false;
        }
    }
}
