using PeeringLint.Aws;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Engine;

public sealed class ProtocolAndTargetTests
{
    [Theory]
    [InlineData("-1", -1)]
    [InlineData("all", -1)]
    [InlineData("TCP", 6)]
    [InlineData(" udp ", 17)]
    [InlineData("icmp", 1)]
    [InlineData("icmpv6", 58)]
    [InlineData("47", 47)]
    public void Aws_ip_protocols_parse(string text, int expected) => Assert.Equal(expected, IpProtocols.Parse(text));

    [Theory]
    [InlineData("ssh")]
    [InlineData("256")]
    [InlineData("-2")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_unknown(string? text) => Assert.Null(IpProtocols.Parse(text));

    [Theory]
    [InlineData("local", RouteTargetKind.Local)]
    [InlineData("pcx-0a1b", RouteTargetKind.VpcPeeringConnection)]
    [InlineData("igw-1", RouteTargetKind.InternetGateway)]
    [InlineData("eigw-1", RouteTargetKind.EgressOnlyInternetGateway)]
    [InlineData("vpce-1", RouteTargetKind.VpcEndpoint)]
    [InlineData("i-0abc", RouteTargetKind.Instance)]
    [InlineData("pcx-", RouteTargetKind.Unknown)]
    [InlineData("VPC 1 <> VPC 2", RouteTargetKind.Unknown)]
    public void Route_target_kind_comes_from_the_id_prefix(string id, RouteTargetKind kind) => Assert.Equal(kind, RouteTargets.KindFromId(id));
}
