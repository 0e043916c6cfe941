using System.IO;
using System.Linq;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>Transit gateway records in the shapes the corpus and the AWS CLI use.</summary>
public sealed class TransitGatewayReaderTests
{
    [Fact]
    public void BatfishSnapshot_GatewayAttachmentsTablePropagationsAndStaticRoutes()
    {
        var r = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-transit-gateway"));
        Assert.Empty(AwsTestKit.Errors(r));
        var m = r.Model;
        var tgw = Assert.Single(m.Of<TransitGateway>());
        Assert.Equal(("tgw-044be4464fcc69aff", "transit-test", true, true, "tgw-rtb-0fa40c8df355dce6e"), (tgw.Id, tgw.Name, tgw.DefaultAssociation, tgw.DefaultPropagation, tgw.AssociationDefaultRouteTableId));
        Assert.True(m.Covers(ResourceKinds.TransitGateways | ResourceKinds.TransitGatewayAttachments | ResourceKinds.TransitGatewayRouteTables));

        // The attachment merges describe-transit-gateway-attachments (association) and -vpc-attachments (subnets).
        var a = m.Of<TransitGatewayAttachment>().Single(x => x.Id == "tgw-attach-07f5ec59e9f540021");
        Assert.Equal((TransitGatewayAttachmentKind.Vpc, "vpc-0404e08ceddf7f650", "tgw-rtb-0fa40c8df355dce6e"), (a.Kind, a.VpcId, a.AssociatedRouteTableId));
        Assert.True(a.SubnetsKnown);
        Assert.Equal(new[] { "subnet-006a19c846f047bd7" }, a.SubnetIds);
        Assert.EndsWith("TransitGatewayAttachments.json", a.AssociationLocation!.Path);
        var vpn = m.Of<TransitGatewayAttachment>().Single(x => x.Kind == TransitGatewayAttachmentKind.Vpn);
        Assert.False(vpn.IsUsable); // deleted

        var t = Assert.Single(m.Of<TransitGatewayRouteTable>());
        Assert.False(t.IsFragment);
        Assert.EndsWith("TransitGatewayRouteTables.json", t.Location.Path);
        Assert.True(t.RoutesKnown && t.PropagationsKnown && t.IsDefaultAssociationTable);
        Assert.Empty(t.Routes);
        Assert.Equal(new[] { "tgw-attach-07f5ec59e9f540021", "tgw-attach-0ae2696617bb06fb4" }, t.Propagations.Select(p => p.AttachmentId));
    }

    [Fact]
    public void PeeringSnapshot_SharedPeeringAttachmentKeepsEachSidesAssociation()
    {
        var r = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-transit-gateway-peering"));
        Assert.Empty(AwsTestKit.Errors(r));
        var m = r.Model;
        var peering = Assert.Single(m.Of<TransitGatewayAttachment>(), x => x.Kind == TransitGatewayAttachmentKind.Peering);
        Assert.Equal("tgw-attach-012e5d602f859dd80", peering.Id);
        var tables = m.Of<TransitGatewayRouteTable>().Where(t => t.Associations.Any(l => l.AttachmentId == peering.Id)).Select(t => t.Id).OrderBy(x => x);
        Assert.Equal(new[] { "tgw-rtb-00be87593fb2cd0ae", "tgw-rtb-05d2952671d1f460a" }, tables);
        var bat2 = m.Of<TransitGatewayRouteTable>().Single(t => t.Id == "tgw-rtb-018a5e572ec3088d1");
        var route = Assert.Single(bat2.Routes);
        Assert.Equal(("192.168.0.0/16", TransitGatewayRouteType.Static, "tgw-attach-012e5d602f859dd80"), (route.DestinationText, route.Type, route.AttachmentIds.Single()));
    }

    [Fact]
    public void DirectConnectMultiRegionSnapshot_IsNowAnInput()
    {
        var r = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-direct-connect-gateway-multi-region"));
        Assert.Empty(AwsTestKit.Errors(r));
        Assert.Equal(2, r.Model.Of<TransitGateway>().Count);
        Assert.Contains(r.Model.Of<TransitGatewayAttachment>(), a => a.Kind == TransitGatewayAttachmentKind.DirectConnectGateway);
    }

    [Fact]
    public void CliOutputs_TableNamedByFileNameOrWrapper_PropagatedRoutesListed()
    {
        var r = AwsTestKit.LoadText(
            ("x/tgw-rtb-1.routes.json", """
                {"Routes": [
                  {"DestinationCidrBlock": "10.2.0.0/16", "TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-b", "ResourceId": "vpc-b", "ResourceType": "vpc"}], "Type": "propagated", "State": "active"},
                  {"DestinationCidrBlock": "10.9.0.0/16", "Type": "static", "State": "blackhole"}],
                 "AdditionalRoutesAvailable": true}
                """),
            ("x/assoc.json", """
                {"TransitGatewayRouteTableId": "tgw-rtb-1",
                 "Associations": [{"TransitGatewayAttachmentId": "tgw-attach-a", "ResourceId": "vpc-a", "ResourceType": "vpc", "State": "associated"},
                                  {"TransitGatewayAttachmentId": "tgw-attach-c", "ResourceId": "vpc-c", "ResourceType": "vpc", "State": "disassociating"}]}
                """),
            ("x/tables.json", """{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": false}]}"""));
        Assert.Empty(r.Problems);
        var t = Assert.Single(r.Model.Of<TransitGatewayRouteTable>());
        Assert.Equal("x/tables.json", t.Location.Path); // the table's own record, not a fragment, locates it
        Assert.Equal("tgw-1", t.TransitGatewayId);
        Assert.True(t.RoutesKnown && t.RoutesIncomplete && t.PropagatedRoutesListed);
        Assert.Equal(RouteState.Blackhole, t.Routes[1].State);
        Assert.Equal(new[] { ("tgw-attach-a", true), ("tgw-attach-c", false) }, t.Associations.Select(l => (l.AttachmentId, l.Enabled)));
        Assert.Equal(2, t.Routes[0].Location.StartLine);
    }

    [Fact]
    public void ClientVpnRoutes_AreNotTransitGatewayRoutes()
    {
        // describe-client-vpn-routes (aws-cli example): a top-level Routes list whose items have a Type ("Nat") but
        // DestinationCidr and TargetSubnet. It was taken for search-transit-gateway-routes output and skipped with a
        // warning asking to name the file after a TGW route table.
        var r = AwsTestKit.LoadText(("describe-client-vpn-routes.json", """
            {"Routes": [{"ClientVpnEndpointId": "cvpn-endpoint-1", "DestinationCidr": "10.0.0.0/16", "TargetSubnet": "subnet-1", "Type": "Nat", "Origin": "associate", "Status": {"Code": "active"}}]}
            """));
        Assert.DoesNotContain(r.Problems, p => p.Message.Contains("transit gateway route table", System.StringComparison.Ordinal));
        Assert.Empty(r.Model.Of<TransitGatewayRouteTable>());

        // A blackhole TGW route has a Type and a DestinationCidrBlock but no attachments: still TGW routes.
        var tgw = AwsTestKit.LoadText(("tgw-rtb-1.json", """{"Routes": [{"DestinationCidrBlock": "10.9.0.0/16", "Type": "static", "State": "blackhole"}]}"""));
        Assert.Empty(tgw.Problems);
        Assert.Single(Assert.Single(tgw.Model.Of<TransitGatewayRouteTable>()).Routes);
    }

    [Fact]
    public void PeeringAttachmentRecord_RequesterAndAccepter()
    {
        var r = AwsTestKit.LoadText(("p.json", """
            {"TransitGatewayPeeringAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p",
              "RequesterTgwInfo": {"TransitGatewayId": "tgw-1", "OwnerId": "111111111111", "Region": "us-east-1"},
              "AccepterTgwInfo": {"TransitGatewayId": "tgw-2", "OwnerId": "222222222222", "Region": "eu-west-1"},
              "State": "available"}]}
            """));
        Assert.Empty(r.Problems);
        var a = Assert.Single(r.Model.Of<TransitGatewayAttachment>());
        Assert.Equal((TransitGatewayAttachmentKind.Peering, "tgw-1", "tgw-2", "eu-west-1"), (a.Kind, a.TransitGatewayId, a.ResourceId, a.PeerRegion));
    }

    [Fact]
    public void RecordWithoutItsId_IsAnErrorAtItsLine()
    {
        var r = AwsTestKit.LoadText(("t.json", "{\"TransitGatewayRouteTables\": [{\"TransitGatewayId\": \"tgw-1\"}]}"));
        var e = Assert.Single(AwsTestKit.Errors(r));
        Assert.Contains("no 'TransitGatewayRouteTableId'", e.Message);
        Assert.Equal(1, e.Location.StartLine);
    }
}
