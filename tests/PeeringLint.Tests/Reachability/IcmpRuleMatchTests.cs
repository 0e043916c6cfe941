using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// ICMP rules name a type (FromPort) and a code (ToPort). Echo request and reply have the single code 0, so the rule
/// Terraform and Batfish's snapshots write for "ping" (type 8, code 0) admits all of a ping: it made ICMP unknown on
/// batfish/test-nat-gateway and test-transit-gateway-asymmetric-paths.
/// </summary>
public sealed class IcmpRuleMatchTests
{
    private static readonly Traffic Ping = new(1, 0, 0, 8);

    [Theory]
    [InlineData(8, 0, Tri.Yes)]
    [InlineData(8, -1, Tri.Yes)]
    [InlineData(-1, -1, Tri.Yes)]
    [InlineData(8, 3, Tri.No)]
    [InlineData(0, 0, Tri.No)]
    public void A_rule_for_type_and_code_decides_a_ping(int type, int code, Tri expected) =>
        Assert.Equal(expected, Ping.MatchedBy(1, type, code));

    [Fact]
    public void The_echo_reply_is_admitted_by_a_code_zero_rule() =>
        Assert.Equal(Tri.Yes, new Traffic(1, 0, 0, 0).MatchedBy(1, 0, 0));

    [Fact]
    public void A_code_of_a_type_with_several_codes_stays_unknown() =>
        Assert.Equal(Tri.Unknown, new Traffic(1, 0, 0, 3).MatchedBy(1, 3, 4));

    [Fact]
    public void Icmpv6_echo_request_with_code_zero_is_admitted() =>
        Assert.Equal(Tri.Yes, new Traffic(58, 0, 0, 128).MatchedBy(58, 128, 0));
}
