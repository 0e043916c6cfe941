using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PeeringLint.Addressing;

/// <summary>IP address family of a <see cref="Cidr"/>.</summary>
public enum IpFamily : byte
{
    V4 = 4,
    V6 = 6,
}

/// <summary>
/// A network prefix (an IPv4 or IPv6 CIDR block) held as a 128-bit number, so that overlap, containment
/// and ordering are a few integer comparisons. IPv4 addresses sit in the low 32 bits.
/// Instances are always normalized: host bits are zero. The fields are laid out in 24 bytes (the two halves,
/// then the family and the prefix length as bytes): the model holds hundreds of thousands of blocks.
/// </summary>
public readonly struct Cidr : IEquatable<Cidr>, IComparable<Cidr>
{
    // Declared in layout order (a struct's fields stay in declaration order): 8 + 8 + 1 + 1 bytes, padded to 24.
    private readonly ulong _hi;
    private readonly ulong _lo;
    private readonly IpFamily _family;
    private readonly byte _prefixLength;

    private Cidr(IpFamily family, ulong hi, ulong lo, int prefix)
    {
        _hi = hi;
        _lo = lo;
        _family = family;
        _prefixLength = (byte)prefix;
    }

    public IpFamily Family => _family;

    /// <summary>High 64 bits of the network address (always 0 for IPv4).</summary>
    public ulong Hi => _hi;

    /// <summary>Low 64 bits of the network address (IPv4: the 32-bit address).</summary>
    public ulong Lo => _lo;

    public int PrefixLength => _prefixLength;

    public int MaxPrefix => Family == IpFamily.V4 ? 32 : 128;

    public static Cidr AnyV4 { get; } = new(IpFamily.V4, 0, 0, 0);

    public static Cidr AnyV6 { get; } = new(IpFamily.V6, 0, 0, 0);

    /// <summary>ClassicLink's 10.0.0.0/8.</summary>
    public static Cidr TenSlash8 { get; } = new(IpFamily.V4, 0, 10UL << 24, 8);

    /// <summary>Last address in the block (broadcast for IPv4), as (hi, lo).</summary>
    public (ulong Hi, ulong Lo) Last
    {
        get
        {
            if (Family == IpFamily.V4)
            {
                ulong size = (1UL << (32 - PrefixLength)) - 1;
                return (0, Lo | size);
            }

            var (mh, ml) = HostMask(PrefixLength);
            return (Hi | mh, Lo | ml);
        }
    }

    /// <summary>A block from the parts of one that is already normalized (the model keeps the parts, see <c>CidrValue</c>).</summary>
    internal static Cidr FromParts(IpFamily family, ulong hi, ulong lo, int prefix) => new(family, hi, lo, prefix);

    public static Cidr FromV4(uint address, int prefix)
    {
        if (prefix is < 0 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(prefix));
        }

        uint mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        return new Cidr(IpFamily.V4, 0, address & mask, prefix);
    }

    public static Cidr FromV6(ulong hi, ulong lo, int prefix)
    {
        if (prefix is < 0 or > 128)
        {
            throw new ArgumentOutOfRangeException(nameof(prefix));
        }

        var (mh, ml) = HostMask(prefix);
        return new Cidr(IpFamily.V6, hi & ~mh, lo & ~ml, prefix);
    }

    /// <summary>True when <paramref name="other"/> lies entirely inside this block (equal counts).</summary>
    public bool Contains(Cidr other)
    {
        if (other.Family != Family || other.PrefixLength < PrefixLength)
        {
            return false;
        }

        return Truncate(other, PrefixLength).Equals(this);
    }

    /// <summary>True when this block contains the single address (hi, lo) of the same family.</summary>
    public bool ContainsAddress(IpFamily family, ulong hi, ulong lo)
    {
        if (family != Family)
        {
            return false;
        }

        if (family == IpFamily.V4)
        {
            return FromV4((uint)lo, PrefixLength).Lo == Lo;
        }

        var (mh, ml) = HostMask(PrefixLength);
        return (hi & ~mh) == Hi && (lo & ~ml) == Lo;
    }

    /// <summary>Two prefixes overlap exactly when one contains the other.</summary>
    public bool Overlaps(Cidr other) => Contains(other) || other.Contains(this);

    /// <summary>The block shortened to <paramref name="prefix"/> bits.</summary>
    public static Cidr Truncate(Cidr c, int prefix)
    {
        if (prefix >= c.PrefixLength)
        {
            return c;
        }

        return c.Family == IpFamily.V4 ? FromV4((uint)c.Lo, prefix) : FromV6(c.Hi, c.Lo, prefix);
    }

    /// <summary>Bit <paramref name="index"/> of the address, counted from the most significant (0).</summary>
    public int Bit(int index)
    {
        if (Family == IpFamily.V4)
        {
            return (int)((Lo >> (31 - index)) & 1);
        }

        return index < 64 ? (int)((Hi >> (63 - index)) & 1) : (int)((Lo >> (127 - index)) & 1);
    }

    public static bool TryParse(string? text, out Cidr cidr) => TryParse(text, out cidr, out _) == CidrParseStatus.Ok;

    public static Cidr Parse(string text)
    {
        var status = TryParse(text, out var cidr, out _);
        if (status != CidrParseStatus.Ok)
        {
            throw new FormatException($"'{text}' is not a valid CIDR block ({status}).");
        }

        return cidr;
    }

    /// <summary>
    /// Strict CIDR parsing: an address, a slash and a prefix length, without leading zeros in an IPv4 octet or
    /// the prefix length (some tools read them as octal, so the text is ambiguous). When host bits are set the result is
    /// <see cref="CidrParseStatus.HostBitsSet"/> and <paramref name="cidr"/> holds the normalized block.
    /// IPv4-mapped IPv6 forms (::ffff:10.0.0.0/104) are IPv6 blocks, never IPv4.
    /// </summary>
    public static CidrParseStatus TryParse(string? text, out Cidr cidr, out string? problem)
    {
        cidr = default;
        problem = null;
        if (text is null || text.Length == 0)
        {
            problem = "empty CIDR";
            return CidrParseStatus.Malformed;
        }

        int slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1 || text.IndexOf('/', slash + 1) >= 0)
        {
            problem = "expected an address, '/', and a prefix length";
            return CidrParseStatus.Malformed;
        }

        string addressText = text.Substring(0, slash);
        string prefixText = text.Substring(slash + 1);
        if (IsDigits(prefixText) && prefixText.Length > 1 && prefixText[0] == '0')
        {
            problem = $"the prefix length '/{prefixText}' has a leading zero, which some tools read as octal; write /{prefixText.TrimStart('0').PadLeft(1, '0')}";
            return CidrParseStatus.Malformed;
        }

        if (prefixText.Length > 3 || !IsDigits(prefixText))
        {
            problem = $"prefix length '{prefixText}' is not a number";
            return CidrParseStatus.Malformed;
        }

        // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var octet = LeadingZeroOctet(addressText);
        if (octet is not null)
        {
            problem = $"the address '{addressText}' has an octet with a leading zero ('{octet}'), which some tools read as octal (010 = 8); write it without leading zeros";
            return CidrParseStatus.Malformed;
        }

        int prefix = int.Parse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture);
        if (addressText.IndexOf(':') < 0)
        {
            if (!TryParseV4(addressText, out uint v4))
            {
                problem = $"'{addressText}' is not an IPv4 address";
                return CidrParseStatus.Malformed;
            }

            if (prefix > 32)
            {
                problem = $"prefix length /{prefix} is longer than 32 bits";
                return CidrParseStatus.Malformed;
            }

            cidr = FromV4(v4, prefix);
            if ((uint)cidr.Lo != v4)
            {
                problem = $"host bits are set; the network is {cidr}";
                return CidrParseStatus.HostBitsSet;
            }

            return CidrParseStatus.Ok;
        }

        if (!TryParseV6(addressText, out ulong hi, out ulong lo))
        {
            problem = $"'{addressText}' is not an IPv6 address";
            return CidrParseStatus.Malformed;
        }

        if (prefix > 128)
        {
            problem = $"prefix length /{prefix} is longer than 128 bits";
            return CidrParseStatus.Malformed;
        }

        cidr = FromV6(hi, lo, prefix);
        if (cidr.Hi != hi || cidr.Lo != lo)
        {
            problem = $"host bits are set; the network is {cidr}";
            return CidrParseStatus.HostBitsSet;
        }

        return CidrParseStatus.Ok;
    }

    /// <summary>
    /// The first octet of the dotted-decimal part of an address (all of an IPv4 address, the tail of an IPv6 one
    /// such as ::ffff:10.0.0.0) written with a leading zero ("010"); null when there is none.
    /// </summary>
    private static string? LeadingZeroOctet(string address)
    {
        int tail = address.LastIndexOf(':') + 1;
        if (address.IndexOf('.', tail) < 0)
        {
            return null;
        }

        foreach (var octet in address.Substring(tail).Split('.'))
        {
            if (octet.Length > 1 && octet[0] == '0' && IsDigits(octet))
            {
                return octet;
            }
        }

        return null;
    }

    /// <summary>
    /// Parses a dotted-quad IPv4 address strictly (four decimal octets, no leading '+', no spaces, and no leading
    /// zeros: inet_aton reads 010 as 8, other parsers as 10, so "010.1.0.0" names no one address).
    /// </summary>
    public static bool TryParseV4(string text, out uint address)
    {
        address = 0;
        int octets = 0;
        int i = 0;
        // Every pass consumes an octet and its dot, or returns: at the end of the text it finds no digits and refuses.
        while (true)
        {
            int start = i;
            int value = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                value = (value * 10) + (text[i] - '0');
                // A fourth digit makes the value 1000 or more, or follows a leading zero (refused below).
                if (value > 255)
                {
                    return false;
                }

                i++;
            }

            if (i == start || (i - start > 1 && text[start] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            octets++;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != '.' || octets == 4)
            {
                return false;
            }

            i++;
        }

        return octets == 4;
    }

    private static bool TryParseV6(string text, out ulong hi, out ulong lo)
    {
        hi = 0;
        lo = 0;
        if (text.IndexOf('%') >= 0)
        {
            return false;
        }

        bool parsed = IPAddress.TryParse(text, out var ip);
        if (!parsed || ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        byte[] b = ip.GetAddressBytes();
        for (int k = 0; k < 8; k++)
        {
            hi = (hi << 8) | b[k];
            lo = (lo << 8) | b[k + 8];
        }

        return true;
    }

    private static bool IsDigits(string s)
    {
        foreach (char ch in s)
        {
            if (ch is < '0' or > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static (ulong Hi, ulong Lo) HostMask(int prefix)
    {
        if (prefix >= 128)
        {
            return (0, 0);
        }

        if (prefix >= 64)
        {
            return (0, ulong.MaxValue >> (prefix - 64));
        }

        return (ulong.MaxValue >> prefix, ulong.MaxValue);
    }

    public bool Equals(Cidr other) => Family == other.Family && Hi == other.Hi && Lo == other.Lo && PrefixLength == other.PrefixLength;

    public override bool Equals(object? obj) => obj is Cidr c && Equals(c);

    public override int GetHashCode()
    {
        unchecked
        {
            int h = (int)Family;
            h = (h * 397) ^ Hi.GetHashCode();
            h = (h * 397) ^ Lo.GetHashCode();
            return (h * 397) ^ PrefixLength;
        }
    }

    /// <summary>Orders by family, then network address, then prefix length (shorter first): the order a sweep needs.</summary>
    public int CompareTo(Cidr other)
    {
        int c = Family.CompareTo(other.Family);
        if (c != 0)
        {
            return c;
        }

        c = Hi.CompareTo(other.Hi);
        if (c != 0)
        {
            return c;
        }

        c = Lo.CompareTo(other.Lo);
        return c != 0 ? c : PrefixLength.CompareTo(other.PrefixLength);
    }

    public static bool operator ==(Cidr a, Cidr b) => a.Equals(b);

    public static bool operator !=(Cidr a, Cidr b) => !a.Equals(b);

    public override string ToString()
    {
        if (Family == IpFamily.V4)
        {
            uint a = (uint)Lo;
            return string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}/{4}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255, PrefixLength);
        }

        var bytes = new byte[16];
        for (int k = 0; k < 8; k++)
        {
            bytes[k] = (byte)(Hi >> (56 - (8 * k)));
            bytes[k + 8] = (byte)(Lo >> (56 - (8 * k)));
        }

        var sb = new StringBuilder(new IPAddress(bytes).ToString());
        sb.Append('/').Append(PrefixLength.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}

public enum CidrParseStatus
{
    Ok,
    HostBitsSet,
    Malformed,
}
