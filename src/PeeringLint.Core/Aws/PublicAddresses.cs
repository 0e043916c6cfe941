using System.Collections.Generic;
using PeeringLint.Addressing;

namespace PeeringLint.Aws;

/// <summary>
/// Which addresses the internet can route: everything outside the ranges below (RFC 6890 special-purpose
/// blocks that are not globally reachable). One list, used by the rules (a security group rule open to the
/// world), reachability (witness addresses for "the internet") and the diagram.
/// </summary>
public static class PublicAddresses
{
    private static readonly Cidr[] NonPublicRanges =
    {
        Cidr.Parse("0.0.0.0/8"),        // "this network"
        Cidr.Parse("10.0.0.0/8"),       // RFC 1918
        Cidr.Parse("100.64.0.0/10"),    // carrier-grade NAT
        Cidr.Parse("127.0.0.0/8"),      // loopback
        Cidr.Parse("169.254.0.0/16"),   // link-local
        Cidr.Parse("172.16.0.0/12"),    // RFC 1918
        Cidr.Parse("192.168.0.0/16"),   // RFC 1918
        Cidr.Parse("224.0.0.0/3"),      // multicast and reserved
        Cidr.Parse("::/128"),           // unspecified
        Cidr.Parse("::1/128"),          // loopback
        Cidr.Parse("fc00::/7"),         // unique local
        Cidr.Parse("fe80::/10"),        // link-local
        Cidr.Parse("ff00::/8"),         // multicast
    };

    /// <summary>The ranges whose addresses the internet does not route, IPv4 then IPv6.</summary>
    public static IReadOnlyList<Cidr> NonPublic => NonPublicRanges;

    /// <summary>True when <paramref name="c"/> holds some publicly routable address (for one address: it is public).</summary>
    public static bool Includes(Cidr c)
    {
        foreach (var n in NonPublicRanges)
        {
            if (n.Family == c.Family && n.Contains(c))
            {
                return false;
            }
        }

        return true;
    }
}
