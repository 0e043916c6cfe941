using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PeeringLint.Addressing;
using Xunit;

namespace PeeringLint.Tests.Addressing;

/// <summary>
/// The edges of the CIDR arithmetic and of the strict parser, each decided against an independent oracle (UInt128 for
/// the masks) or an exact status and problem text (mutation testing, issue 22; docs/quality.md).
/// </summary>
public sealed class CidrEdgeTests
{
    /// <summary>Prefix lengths around the word boundaries, where the host mask switches halves.</summary>
    private static readonly Gen<int> V6Prefix = Gen.OneOf(Gen.Int[0, 128], Gen.Int[0, 6].Select(i => new[] { 0, 1, 63, 64, 65, 127, 128 }[i]));

    private static readonly Gen<int> V4Prefix = Gen.OneOf(Gen.Int[0, 32], Gen.Int[0, 3].Select(i => new[] { 0, 1, 31, 32 }[i]));

    private static UInt128 Value(ulong hi, ulong lo) => ((UInt128)hi << 64) | lo;

    private static UInt128 Mask(int prefix) => prefix == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefix);

    [Fact]
    public void Ipv6_network_last_address_bits_and_membership_agree_with_UInt128() =>
        Gen.Select(Gen.ULong, Gen.ULong, V6Prefix, Gen.Select(Gen.ULong, Gen.ULong)).Sample((hi, lo, prefix, probe) =>
        {
            var c = Cidr.FromV6(hi, lo, prefix);
            var network = Value(hi, lo) & Mask(prefix);
            var last = network | ~Mask(prefix);
            Assert.Equal(network, Value(c.Hi, c.Lo));
            Assert.Equal(last, Value(c.Last.Hi, c.Last.Lo));
            Assert.Equal(128, c.MaxPrefix);
            for (int i = 0; i < 128; i++)
            {
                Assert.Equal((int)((network >> (127 - i)) & 1), c.Bit(i));
            }

            // A probe inside the block (the block's own bits, random host bits) and a random one.
            var inside = network | (Value(probe.Item1, probe.Item2) & ~Mask(prefix));
            Assert.True(c.ContainsAddress(IpFamily.V6, (ulong)(inside >> 64), (ulong)inside));
            var any = Value(probe.Item1, probe.Item2);
            Assert.Equal((any & Mask(prefix)) == network, c.ContainsAddress(IpFamily.V6, probe.Item1, probe.Item2));
            Assert.False(c.ContainsAddress(IpFamily.V4, 0, (ulong)inside & 0xFFFFFFFF));
        }, iter: 3000);

    [Fact]
    public void Ipv4_network_last_address_bits_and_truncation_agree_with_uint_masks() =>
        Gen.Select(Gen.UInt, V4Prefix, V4Prefix, Gen.UInt).Sample((address, prefix, shorter, probe) =>
        {
            uint mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
            var c = Cidr.FromV4(address, prefix);
            Assert.Equal((ulong)(address & mask), c.Lo);
            Assert.Equal(0UL, c.Hi);
            Assert.Equal((0UL, (ulong)((address & mask) | ~mask)), c.Last);
            Assert.Equal(32, c.MaxPrefix);
            for (int i = 0; i < 32; i++)
            {
                Assert.Equal((int)(((address & mask) >> (31 - i)) & 1), c.Bit(i));
            }

            Assert.Equal((probe & mask) == (address & mask), c.ContainsAddress(IpFamily.V4, 0, probe));
            Assert.False(c.ContainsAddress(IpFamily.V6, 0, address));
            var t = Cidr.Truncate(c, shorter);
            Assert.Equal(shorter >= prefix ? c : Cidr.FromV4(address, shorter), t);
            Assert.True(t.Contains(c));
            Assert.Equal(shorter >= prefix, c.Contains(t));
        }, iter: 3000);

    [Fact]
    public void Truncating_an_ipv6_block_keeps_its_family_and_leading_bits() =>
        Gen.Select(Gen.ULong, Gen.ULong, V6Prefix, V6Prefix).Sample((hi, lo, prefix, shorter) =>
        {
            var c = Cidr.FromV6(hi, lo, prefix);
            var t = Cidr.Truncate(c, shorter);
            Assert.Equal(IpFamily.V6, t.Family);
            Assert.Equal(Math.Min(prefix, shorter), t.PrefixLength);
            Assert.Equal(Value(hi, lo) & Mask(Math.Min(prefix, shorter)), Value(t.Hi, t.Lo));
            Assert.True(t.Contains(c));
            Assert.Equal(shorter >= prefix, c.Contains(t));
        }, iter: 2000);

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(32, false)]
    [InlineData(33, true)]
    public void Ipv4_prefix_lengths_outside_0_to_32_are_refused(int prefix, bool throws)
    {
        var ex = Record.Exception(() => Cidr.FromV4(0x0A000000, prefix));
        Assert.Equal(throws, ex is ArgumentOutOfRangeException);
        Assert.Equal(throws, ex is not null);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    [InlineData(128, false)]
    [InlineData(129, true)]
    public void Ipv6_prefix_lengths_outside_0_to_128_are_refused(int prefix, bool throws)
    {
        var ex = Record.Exception(() => Cidr.FromV6(1, 1, prefix));
        Assert.Equal(throws, ex is ArgumentOutOfRangeException);
        Assert.Equal(throws, ex is not null);
    }

    [Fact]
    public void Blocks_of_different_families_neither_contain_nor_overlap_each_other()
    {
        var v4 = Cidr.AnyV4;
        var v6 = Cidr.AnyV6;
        Assert.False(v4.Contains(v6));
        Assert.False(v6.Contains(v4));
        Assert.False(v4.Overlaps(v6));
        Assert.False(v6.Contains(Cidr.FromV6(0, 10UL << 24, 128)) && v4.Contains(Cidr.FromV6(0, 10UL << 24, 128)));
        Assert.True(v4.Contains(Cidr.TenSlash8));
        Assert.Equal("10.0.0.0/8", Cidr.TenSlash8.ToString());
        Assert.Equal("0.0.0.0/0", Cidr.AnyV4.ToString());
        Assert.Equal("::/0", Cidr.AnyV6.ToString());
    }

    [Fact]
    public void A_shorter_block_is_not_inside_a_longer_one_with_the_same_network_address()
    {
        var slash16 = Cidr.Parse("10.1.0.0/16");
        var slash24 = Cidr.Parse("10.1.0.0/24");
        Assert.True(slash16.Contains(slash24));
        Assert.False(slash24.Contains(slash16));
        Assert.True(slash24.Overlaps(slash16));
        Assert.True(slash16.Contains(slash16));
    }

    /// <summary>Status, normalized block and problem text of the parser's edge cases.</summary>
    [Theory]
    [InlineData("0.0.0.0/0", CidrParseStatus.Ok, "0.0.0.0/0", null)]
    [InlineData("9.9.9.9/32", CidrParseStatus.Ok, "9.9.9.9/32", null)]
    [InlineData("255.255.255.255/32", CidrParseStatus.Ok, "255.255.255.255/32", null)]
    [InlineData("10.0.0.1/31", CidrParseStatus.HostBitsSet, "10.0.0.0/31", "host bits are set; the network is 10.0.0.0/31")]
    [InlineData("::/128", CidrParseStatus.Ok, "::/128", null)]
    [InlineData("::1/128", CidrParseStatus.Ok, "::1/128", null)]
    [InlineData("::0123/128", CidrParseStatus.Ok, "::123/128", null)]
    [InlineData("2001:db8:1:2:3:4:5:6/128", CidrParseStatus.Ok, "2001:db8:1:2:3:4:5:6/128", null)]
    [InlineData("2001:db8::1/64", CidrParseStatus.HostBitsSet, "2001:db8::/64", "host bits are set; the network is 2001:db8::/64")]
    [InlineData("2001:db8:0:1::/32", CidrParseStatus.HostBitsSet, "2001:db8::/32", "host bits are set; the network is 2001:db8::/32")]
    [InlineData("2001:db8::/0", CidrParseStatus.HostBitsSet, "::/0", "host bits are set; the network is ::/0")]
    [InlineData(null, CidrParseStatus.Malformed, null, "empty CIDR")]
    [InlineData("", CidrParseStatus.Malformed, null, "empty CIDR")]
    [InlineData("/16", CidrParseStatus.Malformed, null, "expected an address, '/', and a prefix length")]
    [InlineData("10.0.0.0/", CidrParseStatus.Malformed, null, "expected an address, '/', and a prefix length")]
    [InlineData("10.0.0.0//16", CidrParseStatus.Malformed, null, "expected an address, '/', and a prefix length")]
    [InlineData("10.0.0.0/016", CidrParseStatus.Malformed, null, "the prefix length '/016' has a leading zero, which some tools read as octal; write /16")]
    [InlineData("0.0.0.0/00", CidrParseStatus.Malformed, null, "the prefix length '/00' has a leading zero, which some tools read as octal; write /0")]
    [InlineData("10.0.0.0/1000", CidrParseStatus.Malformed, null, "prefix length '1000' is not a number")]
    [InlineData("10.0.0.0/1a", CidrParseStatus.Malformed, null, "prefix length '1a' is not a number")]
    [InlineData("10.0.0.0/0x", CidrParseStatus.Malformed, null, "prefix length '0x' is not a number")]
    [InlineData("10.0.0.0/ 8", CidrParseStatus.Malformed, null, "prefix length ' 8' is not a number")]
    [InlineData("010.0.0.0/8", CidrParseStatus.Malformed, null, "the address '010.0.0.0' has an octet with a leading zero ('010'), which some tools read as octal (010 = 8); write it without leading zeros")]
    [InlineData("10.0.0.00/8", CidrParseStatus.Malformed, null, "the address '10.0.0.00' has an octet with a leading zero ('00'), which some tools read as octal (010 = 8); write it without leading zeros")]
    [InlineData("::ffff:010.0.0.0/104", CidrParseStatus.Malformed, null, "the address '::ffff:010.0.0.0' has an octet with a leading zero ('010'), which some tools read as octal (010 = 8); write it without leading zeros")]
    [InlineData(".010.1.2/24", CidrParseStatus.Malformed, null, "the address '.010.1.2' has an octet with a leading zero ('010'), which some tools read as octal (010 = 8); write it without leading zeros")]
    [InlineData("1.2.3.0000000000000000000000000009/32", CidrParseStatus.Malformed, null, "the address '1.2.3.0000000000000000000000000009' has an octet with a leading zero ('0000000000000000000000000009'), which some tools read as octal (010 = 8); write it without leading zeros")]
    [InlineData("0a.0.0.0/8", CidrParseStatus.Malformed, null, "'0a.0.0.0' is not an IPv4 address")]
    [InlineData("10.0.0.0/33", CidrParseStatus.Malformed, null, "prefix length /33 is longer than 32 bits")]
    [InlineData("10.0.0.0/128", CidrParseStatus.Malformed, null, "prefix length /128 is longer than 32 bits")]
    [InlineData("::/129", CidrParseStatus.Malformed, null, "prefix length /129 is longer than 128 bits")]
    [InlineData("1.2.3.4.5/32", CidrParseStatus.Malformed, null, "'1.2.3.4.5' is not an IPv4 address")]
    [InlineData("1.2.3.4./32", CidrParseStatus.Malformed, null, "'1.2.3.4.' is not an IPv4 address")]
    [InlineData("1.2.3./24", CidrParseStatus.Malformed, null, "'1.2.3.' is not an IPv4 address")]
    [InlineData("1.2.3/24", CidrParseStatus.Malformed, null, "'1.2.3' is not an IPv4 address")]
    [InlineData("1..2.3/24", CidrParseStatus.Malformed, null, "'1..2.3' is not an IPv4 address")]
    [InlineData(".1.2.3/24", CidrParseStatus.Malformed, null, "'.1.2.3' is not an IPv4 address")]
    [InlineData("1.2.3.4a/32", CidrParseStatus.Malformed, null, "'1.2.3.4a' is not an IPv4 address")]
    [InlineData("256.0.0.0/8", CidrParseStatus.Malformed, null, "'256.0.0.0' is not an IPv4 address")]
    [InlineData("1000.0.0.0/8", CidrParseStatus.Malformed, null, "'1000.0.0.0' is not an IPv4 address")]
    [InlineData("+1.0.0.0/8", CidrParseStatus.Malformed, null, "'+1.0.0.0' is not an IPv4 address")]
    [InlineData("fe80::1%eth0/64", CidrParseStatus.Malformed, null, "'fe80::1%eth0' is not an IPv6 address")]
    [InlineData("2001:db8::g/64", CidrParseStatus.Malformed, null, "'2001:db8::g' is not an IPv6 address")]
    public void Parser_edge_cases(string? text, CidrParseStatus status, string? block, string? problem)
    {
        Assert.Equal(status, Cidr.TryParse(text, out var c, out var why));
        Assert.Equal(problem, why);
        Assert.Equal(status == CidrParseStatus.Ok, Cidr.TryParse(text, out _));
        if (block is not null)
        {
            Assert.Equal(block, c.ToString());
        }
        else
        {
            Assert.Equal(default, c);
        }
    }

    [Fact]
    public void Parse_throws_a_format_error_naming_the_text_and_the_status()
    {
        var ex = Assert.Throws<FormatException>(() => Cidr.Parse("10.0.0.1/24"));
        Assert.Equal("'10.0.0.1/24' is not a valid CIDR block (HostBitsSet).", ex.Message);
        Assert.Equal(Cidr.FromV4(0x0A000000, 24), Cidr.Parse("10.0.0.0/24"));
    }

    [Theory]
    [InlineData("0.0.0.0", 0u)]
    [InlineData("1.2.3.4", 0x01020304u)]
    [InlineData("255.255.255.255", 0xFFFFFFFFu)]
    [InlineData("109.0.99.90", 0x6D00635Au)]
    public void Dotted_quads_parse_to_their_32_bit_value(string text, uint expected)
    {
        Assert.True(Cidr.TryParseV4(text, out uint a));
        Assert.Equal(expected, a);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1.2.3.4.")]
    [InlineData("1.2.3.4.5")]
    [InlineData("1.2.3")]
    [InlineData("01.2.3.4")]
    [InlineData("0001.2.3.4")]
    [InlineData("1.2.3.0255")]
    [InlineData("1.2.3.0000000000000000000000000009")]
    [InlineData("1.2.3.256")]
    [InlineData("1.2.3.-4")]
    [InlineData("1.2.3.4 ")]
    [InlineData("1.2.3.:")]
    [InlineData("1/2.3.4")]
    public void Dotted_quads_that_name_no_one_address_are_refused(string text)
    {
        Assert.False(Cidr.TryParseV4(text, out _));
    }

    [Fact]
    public void Equality_needs_family_network_and_prefix_to_agree()
    {
        var a = Cidr.FromV6(1, 2, 128);
        Assert.True(a == Cidr.FromV6(1, 2, 128));
        Assert.False(a != Cidr.FromV6(1, 2, 128));
        Assert.True(a.Equals((object)Cidr.FromV6(1, 2, 128)));
        Assert.False(a.Equals((object)"::1:0:0:0:2/128"));
        Assert.False(a.Equals((object?)null));
        foreach (var other in new[] { Cidr.FromV6(3, 2, 128), Cidr.FromV6(1, 3, 128), Cidr.FromV6(1, 2, 127) })
        {
            Assert.False(a == other);
            Assert.True(a != other);
            Assert.False(a.Equals((object)other));
        }

        Assert.NotEqual(Cidr.FromV4(0, 0), Cidr.FromV6(0, 0, 0));
        Assert.NotEqual(Cidr.FromV4(0x0A000000, 8), Cidr.FromV4(0x0A000000, 16));
        Assert.Equal(Cidr.FromV4(0x0A000000, 8).GetHashCode(), Cidr.Parse("10.0.0.0/8").GetHashCode());
    }

    /// <summary>Hash codes spread blocks that differ in one field (network address, prefix length or family).</summary>
    [Fact]
    public void Hash_codes_separate_neighbouring_blocks()
    {
        var blocks = new List<Cidr>();
        for (uint a = 0; a < 64; a++)
        {
            blocks.Add(Cidr.FromV4(0x0A000000 | a, 32));
            blocks.Add(Cidr.FromV6(a, 0, 64));
            blocks.Add(Cidr.FromV6(0, a, 128));
        }

        for (int p = 0; p <= 32; p++)
        {
            blocks.Add(Cidr.FromV4(0, p));
            blocks.Add(Cidr.FromV6(0, 0, p));
        }

        var distinct = blocks.Distinct().ToList();
        Assert.Equal(distinct.Count, distinct.Select(b => b.GetHashCode()).Distinct().Count());
    }

    /// <summary>The sweep's order: family, then network address (high half before low half), then shorter prefix first.</summary>
    [Fact]
    public void Blocks_sort_by_family_then_address_then_prefix_length()
    {
        var expected = new[]
        {
            Cidr.FromV4(0x0A000000, 8),
            Cidr.FromV4(0x0A000000, 16),
            Cidr.FromV4(0x0A010000, 16),
            Cidr.FromV6(0, 1, 128),
            Cidr.FromV6(0, ulong.MaxValue, 128),
            Cidr.FromV6(1, 0, 64),
            Cidr.FromV6(1, 0, 65),
            Cidr.FromV6(1, 5, 128),
            Cidr.FromV6(2, 0, 64),
        };
        var shuffled = expected.Reverse().ToList();
        shuffled.Sort();
        Assert.Equal(expected, shuffled);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(0, expected[i].CompareTo(expected[i]));
            for (int j = i + 1; j < expected.Length; j++)
            {
                Assert.True(expected[i].CompareTo(expected[j]) < 0, $"{expected[i]} < {expected[j]}");
                Assert.True(expected[j].CompareTo(expected[i]) > 0, $"{expected[j]} > {expected[i]}");
            }
        }
    }

    [Theory]
    [InlineData("1::/16")]
    [InlineData("0:1::/32")]
    [InlineData("ff00:ee:dd00:cc:bb00:aa:9900:88/128")]
    [InlineData("1:2:3:4:5:6:7:8/128")]
    [InlineData("::ffff:10.1.2.3/128")]
    public void Ipv6_text_round_trips_every_byte(string text) => Assert.Equal(text, Cidr.Parse(text).ToString());
}
