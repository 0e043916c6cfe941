using System;
using System.Net;
using CsCheck;
using PeeringLint.Addressing;
using Xunit;

namespace PeeringLint.Tests.Addressing;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.1.0.0/16", "10.1.0.0/16", CidrParseStatus.Ok)]
    [InlineData("0.0.0.0/0", "0.0.0.0/0", CidrParseStatus.Ok)]
    [InlineData("10.1.0.5/16", "10.1.0.0/16", CidrParseStatus.HostBitsSet)]
    [InlineData("2600:1f18:1:100::/56", "2600:1f18:1:100::/56", CidrParseStatus.Ok)]
    [InlineData("::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104", CidrParseStatus.Ok)]
    public void Parses_and_normalizes(string text, string expected, CidrParseStatus status)
    {
        Assert.Equal(status, Cidr.TryParse(text, out var c, out _));
        Assert.Equal(expected, c.ToString());
    }

    [Theory]
    [InlineData("300.1.1.1/16")]
    [InlineData("10.1.0.0/33")]
    [InlineData("10.1.0.0")]
    [InlineData("10.1.0/16")]
    [InlineData("10.1.0.0/-1")]
    [InlineData("10.1.0.0/16/2")]
    [InlineData(" 10.1.0.0/16")]
    [InlineData("::/129")]
    [InlineData("")]
    public void Rejects_malformed(string text) => Assert.Equal(CidrParseStatus.Malformed, Cidr.TryParse(text, out _, out _));

    [Fact]
    public void Ipv4_mapped_ipv6_is_never_ipv4() =>
        Assert.Equal(IpFamily.V6, Cidr.Parse("::ffff:10.0.0.0/104").Family);

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.1.0.0/16", true)]
    [InlineData("10.1.255.0/24", "10.2.0.0/24", false)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", false)]
    public void Containment(string outer, string inner, bool contains) =>
        Assert.Equal(contains, Cidr.Parse(outer).Contains(Cidr.Parse(inner)));

    /// <summary>Overlap and containment against IPNetwork2 as an independent oracle.</summary>
    [Fact]
    public void Overlap_and_containment_agree_with_IPNetwork2() =>
        Gen.Select(Gen.UInt, Gen.Int[0, 32], Gen.UInt, Gen.Int[0, 32]).Sample((a, pa, b, pb) =>
        {
            var x = Cidr.FromV4(a, pa);
            var y = Cidr.FromV4(b, pb);
            var nx = System.Net.IPNetwork2.Parse(x.ToString());
            var ny = System.Net.IPNetwork2.Parse(y.ToString());
            Assert.Equal(nx.Contains(ny), x.Contains(y));
            Assert.Equal(nx.Overlap(ny), x.Overlaps(y));
        }, iter: 5000);

    /// <summary>Overlap against a brute-force oracle on a small address space (the low 8 bits).</summary>
    [Fact]
    public void Overlap_matches_brute_force_on_small_spaces() =>
        Gen.Select(Gen.Int[0, 255], Gen.Int[24, 32], Gen.Int[0, 255], Gen.Int[24, 32]).Sample((a, pa, b, pb) =>
        {
            var x = Cidr.FromV4((uint)a, pa);
            var y = Cidr.FromV4((uint)b, pb);
            bool brute = false;
            for (uint addr = 0; addr < 256; addr++)
            {
                brute |= x.ContainsAddress(IpFamily.V4, 0, addr) && y.ContainsAddress(IpFamily.V4, 0, addr);
            }

            Assert.Equal(brute, x.Overlaps(y));
        }, iter: 3000);

    [Fact]
    public void Ipv6_round_trips_and_nests()
    {
        var outer = Cidr.Parse("2001:db8::/32");
        var inner = Cidr.Parse("2001:db8:abcd:12::/64");
        Assert.True(outer.Contains(inner));
        Assert.False(inner.Contains(outer));
        Assert.Equal("2001:db8:abcd:12::/64", inner.ToString());
        Assert.Equal(IPAddress.Parse("2001:db8::").ToString() + "/32", outer.ToString());
    }
}
