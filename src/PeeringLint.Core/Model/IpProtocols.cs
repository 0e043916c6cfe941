using System;
using System.Globalization;

namespace PeeringLint.Model;

/// <summary>AWS's IpProtocol values: the names EC2 and CloudFormation accept, or a protocol number.</summary>
public static class IpProtocols
{
    public const int All = -1;
    public const int Icmp = 1;
    public const int Tcp = 6;
    public const int Udp = 17;
    public const int Icmpv6 = 58;

    /// <summary>"-1"/"all", "tcp", "udp", "icmp", "icmpv6" (any case) or a number from -1 to 255; null otherwise.</summary>
    public static int? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string t = text.Trim();
        if (t.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }

        if (t.Equals("tcp", StringComparison.OrdinalIgnoreCase))
        {
            return Tcp;
        }

        if (t.Equals("udp", StringComparison.OrdinalIgnoreCase))
        {
            return Udp;
        }

        if (t.Equals("icmp", StringComparison.OrdinalIgnoreCase))
        {
            return Icmp;
        }

        if (t.Equals("icmpv6", StringComparison.OrdinalIgnoreCase))
        {
            return Icmpv6;
        }

        return int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) && n >= -1 && n <= 255 ? n : null;
    }
}
