using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Reachability;
using PeeringLint.Tests.Parsers.AwsCli;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// `reach` on the corpus's transit gateway snapshots gives the disposition Batfish states for them. Each test cites
/// the Batfish source of its expected outcome. Batfish's DENIED_IN, NULL_ROUTED and NO_ROUTE are "not reachable";
/// ACCEPTED is "reachable". Batfish's traceroute evaluates the forward path only, so where Batfish stops at a
/// security group the test also checks that PeeringLint's forward path crossed the transit gateway.
/// </summary>
public sealed class TransitGatewayBatfishAgreementTests
{
    private static ModelIndex Load(params string[] parts)
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(new[] { AwsTestKit.Corpus }.Concat(parts).ToArray()));
        Assert.Empty(AwsTestKit.Errors(result));
        return new ModelIndex(result.Model);
    }

    private static void CrossesGatewayForward(ReachabilityResult r) =>
        Assert.Contains(r.Hops, h => h.Kind == HopKind.TransitGatewayRouteTable && h.Direction == HopDirection.Forward && h.Verdict == HopVerdict.Allowed);

    // batfish/batfish projects/batfish/src/test/java/org/batfish/representation/aws/AwsConfigurationTransitGatewayTest.java
    // (test-transit-gateway): testFromAtoB / testFromBtoA DENIED_IN after crossing the gateway; testFromA2toB NULL_ROUTED
    // at subnet A2 (its zone has no attachment subnet); testFromBtoA2 NULL_ROUTED at VPC A.
    [Theory]
    [InlineData("i-06ba034d88c84ef07", "i-0b14080af811fda3d")]
    [InlineData("i-0b14080af811fda3d", "i-06ba034d88c84ef07")]
    public void TransitGateway_AtoB_And_BtoA_DeniedIn(string from, string to)
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway"), from, to, "icmp");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        CrossesGatewayForward(r);
        Assert.Equal(HopKind.SecurityGroupIngress, r.BlockingHop!.Kind);
    }

    [Fact]
    public void TransitGateway_A2toB_NullRoutedAtTheSubnetWithoutAnAttachmentInItsZone()
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway"), "i-075e846ed41670385", "i-0b14080af811fda3d", "icmp");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRouteAzRestriction, r.Code);
        Assert.Equal("tgw-attach-07f5ec59e9f540021", r.BlockingHop!.ElementId);
        Assert.Contains("us-east-2a", r.BlockingHop.Reason);
    }

    [Fact]
    public void TransitGateway_BtoA2_NotReachable_RepliesCannotEnterTheGatewayFromA2sZone()
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway"), "i-0b14080af811fda3d", "i-075e846ed41670385", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Contains(r.BlockingHops, h => h.Code == ReasonCodes.TgwRouteAzRestriction && h.Direction == HopDirection.Return);
    }

    // AwsConfigurationTransitGatewayMultiTableTest.java (test-transit-gateway-multi-table): testFromAtoB and testFromBtoA
    // DENIED_IN after crossing the gateway, each attachment associated with its own table. Batfish's flow is one the
    // security groups do not admit; TCP 80 is such a flow here.
    [Theory]
    [InlineData("i-06ba034d88c84ef07", "i-0b14080af811fda3d")]
    [InlineData("i-0b14080af811fda3d", "i-06ba034d88c84ef07")]
    public void MultiTable_BothDirections_DeniedInAfterTheGateway(string from, string to)
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway-multi-table"), from, to, "tcp", 80);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        CrossesGatewayForward(r);
        Assert.Equal(HopKind.SecurityGroupIngress, r.BlockingHop!.Kind);
    }

    // AwsConfigurationTransitGatewayAsymmetricPathsTest.java: bat → fish over TGW bat, fish → bat over TGW fish,
    // both DENIED_IN at the destination instance.
    [Theory]
    [InlineData("i-04bbbcaefdd1937f9", "i-0973ce90749865a7f", "tgw-01e19888e3ba041ac")]
    [InlineData("i-0973ce90749865a7f", "i-04bbbcaefdd1937f9", "tgw-0a33c739a4f8978a8")]
    public void AsymmetricPaths_EachDirectionUsesItsOwnGateway_DeniedIn(string from, string to, string tgw)
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway-asymmetric-paths"), from, to, "tcp", 80);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        CrossesGatewayForward(r);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.TransitGatewayAttachment && h.Direction == HopDirection.Forward && h.Reason.Contains(tgw));
        Assert.Equal(HopKind.SecurityGroupIngress, r.BlockingHop!.Kind);
        Assert.DoesNotContain(r.Hops, h => h.Direction == HopDirection.Return && h.Verdict == HopVerdict.Blocked);
    }

    // AwsConfigurationTransitGatewayPeeringTest.java (test-transit-gateway-peering): bat → fish NO_ROUTE at TGW bat,
    // fish → bat NO_ROUTE at TGW fish, fish → bat2 NO_ROUTE at TGW bat after crossing the TGW peering, bat2 → fish
    // DENIED_IN at instance fish after crossing both gateways.
    [Theory]
    [InlineData("i-08f3abb6471637c66", "i-0afb0a59f6bf36397", "tgw-rtb-05d2952671d1f460a")]
    [InlineData("i-0afb0a59f6bf36397", "i-08f3abb6471637c66", "tgw-rtb-00be87593fb2cd0ae")]
    [InlineData("i-0afb0a59f6bf36397", "i-05e25e43074216229", "tgw-rtb-05d2952671d1f460a")]
    public void Peering_NoRouteAtTheGatewayBatfishNames(string from, string to, string table)
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway-peering"), from, to, "icmp");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRtbCannotRoute, r.Code);
        Assert.Equal(table, r.BlockingHop!.ElementId);
    }

    [Fact]
    public void Peering_Bat2ToFish_CrossesBothGatewaysAndIsNotReachable()
    {
        var r = ReachabilityEngineTests.Eval(Load("batfish", "test-transit-gateway-peering"), "i-05e25e43074216229", "i-0afb0a59f6bf36397", "icmp");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        var forward = r.Hops.Where(h => h.Kind == HopKind.TransitGatewayRouteTable && h.Direction == HopDirection.Forward).ToList();
        Assert.Equal(2, forward.Count);
        Assert.All(forward, h => Assert.Equal(HopVerdict.Allowed, h.Verdict));
        Assert.Contains("peering attachment", forward[0].Reason);

        // The reply comes back over the peering into TGW bat's table for that attachment, which bat2 does not propagate to.
        Assert.Contains(r.BlockingHops, h => h.Direction == HopDirection.Return && h.Code == ReasonCodes.TgwRtbNoRouteToAttachment && h.ElementId == "tgw-rtb-05d2952671d1f460a");
    }

    // pybatfish jupyter_notebooks/"Analyzing public and hybrid cloud networks.ipynb" (hybrid-cloud snapshot): a traceroute
    // from i-04cd3db5124a05ee6 (east2 private) to i-01602d9efaed4409a (east2 public) on TCP 22 is ACCEPTED through
    // tgw-06b348adabd13452d; from east2 public to west2 public's private IP it is dropped (no peering or TGW across
    // regions, the default route goes to the internet gateway); to west2 public's public IP 54.191.42.182 it is ACCEPTED.
    [Fact]
    public void HybridCloud_EastPrivateToEastPublic_AcceptedThroughTheTransitGateway()
    {
        var r = ReachabilityEngineTests.Eval(Load("pybatfish", "hybrid-cloud"), "i-04cd3db5124a05ee6", "i-01602d9efaed4409a", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.TransitGatewayRouteTable && h.ElementId == "tgw-rtb-00e37bc5142347b03" && h.Direction == HopDirection.Forward);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.TransitGatewayRouteTable && h.Direction == HopDirection.Return && h.Verdict == HopVerdict.Allowed);
    }

    [Fact]
    public void HybridCloud_AcrossRegionsToAPrivateAddress_NotReachable()
    {
        var r = ReachabilityEngineTests.Eval(Load("pybatfish", "hybrid-cloud"), "i-01602d9efaed4409a", "i-02cae6eaa9edeed70", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.NoRouteToDestination, r.Code);
    }

    [Fact]
    public void HybridCloud_AcrossRegionsToThePublicAddress_Reachable()
    {
        var r = ReachabilityEngineTests.Eval(Load("pybatfish", "hybrid-cloud"), "i-01602d9efaed4409a", "54.191.42.182", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
    }

    /// <summary>The "done when": every instance pair of the hybrid-cloud snapshot gets a definite answer.</summary>
    [Fact]
    public void HybridCloud_EveryInstancePairHasADefiniteAnswer()
    {
        var index = Load("pybatfish", "hybrid-cloud");
        var ids = new[] { "i-04cd3db5124a05ee6", "i-01602d9efaed4409a", "i-0a5d64b8b58c6dd09", "i-02cae6eaa9edeed70" };
        foreach (var a in ids)
        {
            foreach (var b in ids.Where(b => b != a))
            {
                var r = ReachabilityEngineTests.Eval(index, a, b, "tcp", 22);
                Assert.True(r.Verdict != ReachabilityVerdict.Unknown, $"{a} → {b}: unknown");
            }
        }
    }
}
