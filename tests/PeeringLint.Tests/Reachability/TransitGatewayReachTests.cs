using System.Linq;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>Paths through a transit gateway, one broken part at a time (<see cref="TgwNet"/>).</summary>
public sealed class TransitGatewayReachTests
{
    private static ReachabilityResult Ab(TgwNet n, string from = "i-a", string to = "i-b") => ReachabilityEngineTests.Eval(n.Index(), from, to, "tcp", 443);

    [Fact]
    public void HubAndSpoke_ReachableBothWays_EveryHopAtItsLine()
    {
        var r = Ab(new TgwNet());
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        var tgwHops = r.Hops.Where(h => h.Kind is HopKind.TransitGatewayAttachment or HopKind.TransitGatewayRouteTable).ToList();
        Assert.Equal(4, tgwHops.Count); // attachment + table, forward and return
        Assert.All(tgwHops, h => Assert.False(h.Location.IsNone));
        var table = tgwHops.First(h => h.Kind == HopKind.TransitGatewayRouteTable);
        Assert.Equal("net/propagations-tgw-rtb-1.json", table.Location.Path);
        Assert.Contains("10.2.0.0/16 (propagated)", table.Reason);
    }

    [Fact]
    public void StaticBlackhole_BlocksWithTgwRtbBadStateRoute()
    {
        var r = Ab(new TgwNet { StaticRoutes = "{\"Routes\": [{\"DestinationCidrBlock\": \"10.2.1.0/24\", \"State\": \"blackhole\", \"Type\": \"static\"}], \"AdditionalRoutesAvailable\": false}" });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRtbBadStateRoute, r.Code);
        Assert.Equal("net/routes-tgw-rtb-1.json", r.BlockingHop!.Location.Path);
        Assert.Contains("blackhole", r.BlockingHop.Reason);
    }

    [Fact]
    public void NoPropagationOfTheDestination_BlocksWithTgwRtbCannotRoute()
    {
        var r = Ab(new TgwNet { Propagations = "{\"TransitGatewayRouteTablePropagations\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-a\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}]}" });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRtbCannotRoute, r.Code);
        Assert.Equal("tgw-rtb-1", r.BlockingHop!.ElementId);
        Assert.NotNull(r.BlockingHop.Fix);
    }

    [Fact]
    public void NoReturnPropagation_BlocksTheRepliesWithNoRouteToAttachment()
    {
        var r = Ab(new TgwNet { Propagations = "{\"TransitGatewayRouteTablePropagations\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-b\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}]}" });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRtbNoRouteToAttachment, r.Code);
        Assert.Equal(HopDirection.Return, r.BlockingHop!.Direction);
    }

    [Fact]
    public void PropagationsNotExported_IsUnknownNotBlocked()
    {
        var r = Ab(new TgwNet { Propagations = null });
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.Hops, h => h.Code == ReasonCodes.TgwRtbRoutesAreUnknown && h.Reason.Contains("get-transit-gateway-route-table-propagations"));
    }

    [Fact]
    public void StaticRoutesNotExported_IsUnknown()
    {
        var r = Ab(new TgwNet { StaticRoutes = null });
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.Hops, h => h.Code == ReasonCodes.TgwRtbRoutesAreUnknown && h.Reason.Contains("search-transit-gateway-routes"));
    }

    [Fact]
    public void AttachmentNotAssociated_BlocksWithMissingAssociation()
    {
        var r = Ab(new TgwNet { AssociationA = string.Empty });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwAttachMissingRtbAssociation, r.Code);
        Assert.Equal("tgw-attach-a", r.BlockingHop!.ElementId);
    }

    [Fact]
    public void AttachmentWithoutASubnetInTheSourceZone_BlocksWithAzRestriction()
    {
        var r = Ab(new TgwNet(), from: "i-a2");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRouteAzRestriction, r.Code);
        Assert.Contains("us-east-1b", r.BlockingHop!.Reason);
    }

    [Fact]
    public void PendingAttachment_BlocksWithBadStateAttachment()
    {
        var r = Ab(new TgwNet { StateA = "pendingAcceptance" });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.BadStateAttachment, r.Code);
    }

    [Fact]
    public void NoReturnRouteInTheDestinationVpc_BlocksWithNoRouteToSource()
    {
        var r = Ab(new TgwNet { RouteBtoA = "\"DestinationCidrBlock\": \"192.168.0.0/16\", \"TransitGatewayId\": \"tgw-1\"" });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.NoRouteToSource, r.Code);
        Assert.Contains("tgw-1", r.BlockingHop!.Fix);
    }

    [Fact]
    public void RouteToATransitGatewayTheVpcIsNotAttachedTo_BlocksWithAttachNotFound()
    {
        var r = Ab(new TgwNet { RouteAtoB = "\"DestinationCidrBlock\": \"10.2.0.0/16\", \"TransitGatewayId\": \"tgw-9\"" });
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwAttachNotFound, r.Code);
    }

    [Fact]
    public void VpnAttachmentPropagating_MatchStandsButAMissIsUnknown()
    {
        string props = "{\"TransitGatewayRouteTablePropagations\": [" +
            "{\"TransitGatewayAttachmentId\": \"tgw-attach-a\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}," +
            "{\"TransitGatewayAttachmentId\": \"tgw-attach-b\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}," +
            "{\"TransitGatewayAttachmentId\": \"tgw-attach-vpn\", \"ResourceType\": \"vpn\", \"State\": \"enabled\"}]}";
        var n = new TgwNet { Propagations = props, ExtraRoutesA = ", {\"DestinationCidrBlock\": \"0.0.0.0/0\", \"TransitGatewayId\": \"tgw-1\"}" };
        const string vpn = ", {\"TransitGatewayAttachmentId\": \"tgw-attach-vpn\", \"TransitGatewayId\": \"tgw-1\", \"ResourceType\": \"vpn\", \"ResourceId\": \"vpn-1\", \"State\": \"available\"}";
        var files = n.Files().Select(f => f.Path == "net/transit-gateway-attachments.json"
            ? (f.Path, f.Text.Insert(f.Text.LastIndexOf(']'), vpn))
            : f).ToArray();
        var index = new PeeringLint.Engine.ModelIndex(PeeringLint.Tests.Parsers.AwsCli.AwsTestKit.LoadText(files).Model);
        Assert.Equal(ReachabilityVerdict.Reachable, ReachabilityEngineTests.Eval(index, "i-a", "i-b", "tcp", 443).Verdict);
        Assert.Equal(ReachabilityVerdict.Unknown, ReachabilityEngineTests.Eval(index, "i-a", "172.16.0.1", "tcp", 443).Verdict);
    }

    [Fact]
    public void RoutesFileWithoutATableName_WarnsAndTheTableStaysUnknown()
    {
        var n = new TgwNet { StaticRoutes = null };
        var files = n.Files().Append(("net/routes.json", "{\"Routes\": [], \"AdditionalRoutesAvailable\": false}")).ToArray();
        var r = PeeringLint.Tests.Parsers.AwsCli.AwsTestKit.LoadText(files);
        Assert.Contains(r.Problems, p => p.Message.Contains("does not say which transit gateway route table") && p.Location.Path == "net/routes.json");
        Assert.False(r.Model.Of<TransitGatewayRouteTable>().Single().RoutesKnown);
    }
}
