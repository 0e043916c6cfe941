using System.Linq;
using PeeringLint.Addressing;
using Xunit;

namespace PeeringLint.Tests.Addressing;

public sealed class CidrBlocksTests
{
    [Theory]
    [InlineData("10.0.0.0/16", 24, 3, "10.0.0.0/24 10.0.1.0/24 10.0.2.0/24")]
    [InlineData("192.168.0.0/24", 27, 2, "192.168.0.0/27 192.168.0.32/27")]
    [InlineData("10.0.0.0/8", 8, 1, "10.0.0.0/8")]
    [InlineData("2600:1f16:a5d:2a00::/56", 64, 3, "2600:1f16:a5d:2a00::/64 2600:1f16:a5d:2a01::/64 2600:1f16:a5d:2a02::/64")]
    public void Consecutive_blocks_ascend_from_the_network_address(string block, int prefix, int count, string expected)
    {
        Assert.Equal(CidrParseStatus.Ok, Cidr.TryParse(block, out var b, out _));
        Assert.Equal(expected, string.Join(" ", CidrBlocks.Consecutive(b, prefix, count).Select(c => c.ToString())));
    }

    [Fact]
    public void Ipv6_blocks_carry_into_the_high_half()
    {
        Assert.Equal(CidrParseStatus.Ok, Cidr.TryParse("2001:db8:0:ffff::/64", out var b, out _));
        Assert.Equal((b.Hi + 1, 0UL), CidrBlocks.AddPower(b.Hi, ulong.MaxValue, 0));
        Assert.Equal((b.Hi + 1, 0UL), CidrBlocks.AddPower(b.Hi, 0, 64));
        Assert.Equal((b.Hi, 5UL), CidrBlocks.AddPower(b.Hi, 5, 128));
        Assert.Equal((b.Hi + 2, 5UL), CidrBlocks.AddPower(b.Hi, 5, 65));
        Assert.Equal((b.Hi + (1UL << 63), 5UL), CidrBlocks.AddPower(b.Hi, 5, 127));
        Assert.Equal((b.Hi, 5UL + (1UL << 63)), CidrBlocks.AddPower(b.Hi, 5, 63));
    }
}
