using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2004TransitivePeeringRouteTests
{
    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.3.0.0/16")]
    [InlineData("10.0.0.0/8")]
    public void Destinations_outside_the_peer_are_reported(string destination) =>
        RuleVerifier.Verify(TwoVpcs.Doc(string.Empty, string.Empty).Replace("  - name: p\n", "  - name: p\n").Replace(
            "          - { destination: 0.0.0.0/0, target: igw1 }\n",
            $"          - {{ destination: [|{destination}|], target: p }}\n"), "PL2004");

    [Theory]
    [InlineData("10.2.0.0/16")]
    [InlineData("10.2.0.0/24")]
    public void Destinations_inside_the_peer_are_silent(string destination) =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route(destination), string.Empty), "PL2004");

    [Fact]
    public void Own_vpc_destination_is_left_to_PL1002() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.1.0.0/16"), string.Empty), "PL2004");

    [Fact]
    public void Unknown_peer_cidrs_are_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    route_tables:
      - name: r
        routes:
          - { destination: 0.0.0.0/0, target: p }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0ext }
", "PL2004");
}
