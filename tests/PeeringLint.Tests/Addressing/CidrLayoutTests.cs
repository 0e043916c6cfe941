using System.Runtime.CompilerServices;
using PeeringLint.Addressing;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Addressing;

/// <summary>
/// The compact forms the model keeps (issue 17): a <see cref="Cidr"/> in 24 bytes, and a <see cref="CidrValue"/>
/// that keeps its block as parts and gives back exactly the block it was made with.
/// </summary>
public sealed class CidrLayoutTests
{
    [Fact]
    public void A_cidr_takes_24_bytes()
    {
        Assert.Equal(24, Unsafe.SizeOf<Cidr>());
    }

    [Theory]
    [InlineData("10.0.0.0/16", CidrParseStatus.Ok)]
    [InlineData("10.0.0.1/16", CidrParseStatus.HostBitsSet)]
    [InlineData("0.0.0.0/0", CidrParseStatus.Ok)]
    [InlineData("255.255.255.255/32", CidrParseStatus.Ok)]
    [InlineData("::/0", CidrParseStatus.Ok)]
    [InlineData("2001:db8::/32", CidrParseStatus.Ok)]
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/128", CidrParseStatus.Ok)]
    [InlineData("2001:db8::1/64", CidrParseStatus.HostBitsSet)]
    public void A_value_gives_back_the_block_it_parsed(string text, CidrParseStatus status)
    {
        Cidr.TryParse(text, out var expected, out var problem);
        var value = CidrValue.Parse(text, SourceLocation.None);
        Assert.Equal(expected, value.Value);
        Assert.Equal(expected.Family, value.Value!.Value.Family);
        Assert.Equal(expected.PrefixLength, value.Value.Value.PrefixLength);
        Assert.Equal(status, value.Status);
        Assert.Equal(problem, value.Problem);
        Assert.Equal(text, value.Text);
        Assert.True(value.IsUsable);
        Assert.False(value.IsUnknown);
    }

    [Fact]
    public void A_malformed_or_unknown_value_has_no_block()
    {
        var bad = CidrValue.Parse("10.0.0.0/33", SourceLocation.None);
        Assert.Null(bad.Value);
        Assert.Equal(CidrParseStatus.Malformed, bad.Status);
        Assert.False(bad.IsUsable);

        var unknown = CidrValue.Unknown(SourceLocation.None, "a Ref");
        Assert.Null(unknown.Value);
        Assert.True(unknown.IsUnknown);
        Assert.Equal(CidrParseStatus.Ok, unknown.Status);
        Assert.Equal("a Ref", unknown.Problem);
        Assert.False(unknown.IsUsable);
    }

    [Fact]
    public void State_and_equality_cover_every_part()
    {
        var location = new SourceLocation("a.json", 1, 2, 1, 9);
        var a = CidrValue.Parse("10.0.0.0/16", location);
        Assert.Equal(CidrAssociationState.Associated, a.State);
        Assert.Equal(a, CidrValue.Parse("10.0.0.0/16", location));
        Assert.Equal(a.GetHashCode(), CidrValue.Parse("10.0.0.0/16", location).GetHashCode());
        Assert.NotEqual(a, CidrValue.Parse("10.0.0.0/17", location));
        Assert.NotEqual(a, CidrValue.Parse("10.1.0.0/16", location));
        Assert.NotEqual(CidrValue.Parse("::/0", location), CidrValue.Parse("0.0.0.0/0", location));
        Assert.NotEqual(a, CidrValue.Known(Cidr.Parse("10.0.0.0/16"), location with { StartColumn = 3 }));

        var failed = a with { State = CidrAssociationState.Failed };
        Assert.Equal(CidrAssociationState.Failed, failed.State);
        Assert.False(failed.IsUsable);
        Assert.Equal(a.Value, failed.Value);
        Assert.NotEqual(a, failed);
    }
}
