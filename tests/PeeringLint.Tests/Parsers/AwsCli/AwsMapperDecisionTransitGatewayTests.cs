using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.AwsCli;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>Decision tests for TransitGatewayMapper (issue 22): gateways, attachments, route tables and their parts.</summary>
public sealed class AwsMapperDecisionTransitGatewayTests
{
    private const string Folder = "accounts/111111111111/eu-west-1/";

    private static LoadResult Load(params (string Name, string Json)[] files) =>
        AwsTestKit.LoadText(files.Select(f => (Folder + f.Name, f.Json)).ToArray());

    private static string[] Problems(LoadResult r) => r.Problems.Select(p => $"{p.Severity}: {p.Message}").ToArray();

    [Fact]
    public void Gateway_OptionsOwnerAndState()
    {
        var r = Load(("tgw.json", """
            {"TransitGateways": [
              {"TransitGatewayId": "tgw-1", "TransitGatewayArn": "arn", "OwnerId": "222222222222", "State": "available", "Tags": [{"Key": "Name", "Value": "hub"}],
               "Options": {"DefaultRouteTableAssociation": "disable", "DefaultRouteTablePropagation": "enable", "AssociationDefaultRouteTableId": "tgw-rtb-a", "PropagationDefaultRouteTableId": "tgw-rtb-p"}},
              {"TransitGatewayId": "tgw-2", "TransitGatewayArn": "arn", "Options": {"DefaultRouteTableAssociation": "enable", "DefaultRouteTablePropagation": "disable"}},
              {"TransitGatewayId": "tgw-3", "TransitGatewayArn": "arn", "Options": {}},
              {"TransitGatewayId": "tgw-4", "TransitGatewayArn": "arn"},
              {"TransitGatewayArn": "arn", "Options": {}}]}
            """));
        Assert.Equal(new[] { "Error: a transit gateway record has no 'TransitGatewayId'; it is skipped" }, Problems(r));
        var g = r.Model.Of<TransitGateway>();
        Assert.Equal(("hub", "222222222222", "eu-west-1", "available"), (g[0].Name, g[0].Account, g[0].Region, g[0].State));
        Assert.Equal((false, true, "tgw-rtb-a", "tgw-rtb-p"), (g[0].DefaultAssociation, g[0].DefaultPropagation, g[0].AssociationDefaultRouteTableId, g[0].PropagationDefaultRouteTableId));
        Assert.Equal((true, false), (g[1].DefaultAssociation, g[1].DefaultPropagation));
        Assert.Equal((true, true, (string?)null), (g[2].DefaultAssociation, g[2].DefaultPropagation, g[2].AssociationDefaultRouteTableId));
        Assert.Equal((true, true, "111111111111"), (g[3].DefaultAssociation, g[3].DefaultPropagation, g[3].Account));
    }

    [Fact]
    public void Gateway_CidrBlocks_AreItsOwnRanges()
    {
        var r = Load(("tgw.json", """
            {"TransitGateways": [
              {"TransitGatewayId": "tgw-1", "Options": {"TransitGatewayCidrBlocks": ["10.10.0.0/24", 7, "fd00::/64"]}},
              {"TransitGatewayId": "tgw-2", "Options": {"TransitGatewayCidrBlocks": "10.10.0.0/24"}},
              {"TransitGatewayId": "tgw-3", "Options": {}}]}
            """));
        Assert.Equal(
            new[] { "Error: expected a CIDR string for 'TransitGatewayCidrBlocks', found a number", "Error: expected a list for 'TransitGatewayCidrBlocks', found a string" },
            Problems(r));
        var g = r.Model.Of<TransitGateway>();
        Assert.Equal(new[] { "10.10.0.0/24", "fd00::/64" }, g[0].CidrBlocks.Select(c => c.Text));
        Assert.Equal("TransitGateways[0].Options.TransitGatewayCidrBlocks[0]", g[0].CidrBlocks[0].Location.LogicalPath);
        Assert.Empty(g[1].CidrBlocks);
        Assert.Empty(g[2].CidrBlocks);
    }

    [Theory]
    [InlineData("vpc", TransitGatewayAttachmentKind.Vpc)]
    [InlineData("vpn", TransitGatewayAttachmentKind.Vpn)]
    [InlineData("direct-connect-gateway", TransitGatewayAttachmentKind.DirectConnectGateway)]
    [InlineData("connect", TransitGatewayAttachmentKind.Connect)]
    [InlineData("tgw-peering", TransitGatewayAttachmentKind.Peering)]
    [InlineData("peering", TransitGatewayAttachmentKind.Peering)]
    [InlineData("network-function", TransitGatewayAttachmentKind.Unknown)]
    public void Attachment_ResourceTypes(string type, TransitGatewayAttachmentKind kind)
    {
        var r = Load(("a.json", "{\"TransitGatewayAttachments\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-1\", \"TransitGatewayId\": \"tgw-1\", \"ResourceType\": \"" + type + "\", \"ResourceId\": \"res-1\"}]}"));
        Assert.Empty(r.Problems);
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal((kind, "res-1", "tgw-1"), (a.Kind, a.ResourceId, a.TransitGatewayId));
    }

    [Theory]
    [InlineData("{\"State\": \"associated\", \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", "tgw-rtb-1", true)]
    [InlineData("{\"State\": \"associating\", \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", "tgw-rtb-1", true)]
    [InlineData("{\"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", "tgw-rtb-1", true)]
    [InlineData("{\"State\": \"disassociating\", \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", null, true)]
    [InlineData("{\"State\": \"associated\"}", null, false)]
    [InlineData("null", null, false)]
    public void Attachment_Association_OnlyALiveOneNamesTheTable_LocatedAtTheTableIdElseTheAssociation(string association, string? table, bool atTableId)
    {
        string json = "{\"TransitGatewayAttachments\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-1\", \"TransitGatewayId\": \"tgw-1\", \"TransitGatewayOwnerId\": \"333333333333\", \"ResourceType\": \"vpc\", \"ResourceOwnerId\": \"444444444444\", \"State\": \"available\", \"Association\": " + association + "}]}";
        var r = Load(("a.json", json));
        Assert.Empty(r.Problems);
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal((table, true), (a.AssociatedRouteTableId, a.AssociationKnown));
        if (association == "null")
        {
            Assert.Null(a.AssociationLocation);
        }
        else
        {
            int column = atTableId ? json.IndexOf("\"tgw-rtb-1\"", System.StringComparison.Ordinal) + 1 : json.IndexOf("\"Association\": ", System.StringComparison.Ordinal) + 16;
            Assert.Equal(("TransitGatewayAttachments[0].Association", "1:" + column), (a.AssociationLocation!.LogicalPath, AwsTestKit.At(a.AssociationLocation)));
        }

        Assert.Equal(("333333333333", "444444444444", "available", "eu-west-1"), (a.Account, a.ResourceOwnerId, a.State, a.Region));
        Assert.Empty(r.Model.Of<TransitGatewayRouteTable>());
    }

    [Fact]
    public void Attachment_WithoutId_IsAnError_AndOwnerDefaultsToTheFolder()
    {
        var r = Load(("a.json", """
            {"TransitGatewayAttachments": [
              {"TransitGatewayId": "tgw-1", "ResourceType": "vpc"},
              {"TransitGatewayAttachmentId": "tgw-attach-2", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "Tags": [{"Key": "Name", "Value": "two"}]}]}
            """));
        Assert.Equal(new[] { "Error: a transit gateway attachment record has no 'TransitGatewayAttachmentId'; it is skipped" }, Problems(r));
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal(("two", "111111111111"), (a.Name, a.Account));
    }

    [Fact]
    public void PeeringAttachment_TheAssociationGoesToThatSidesTable()
    {
        var r = Load(("a.json", """
            {"TransitGatewayAttachments": [
              {"TransitGatewayAttachmentId": "tgw-attach-p", "TransitGatewayId": "tgw-1", "ResourceType": "peering", "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}},
              {"TransitGatewayAttachmentId": "tgw-attach-q", "TransitGatewayId": "tgw-1", "ResourceType": "peering", "Association": {"State": "disassociated", "TransitGatewayRouteTableId": "tgw-rtb-2"}}]}
            """));
        Assert.Empty(r.Problems);
        var a = r.Model.Of<TransitGatewayAttachment>();
        Assert.All(a, x => Assert.Equal(((string?)null, false), (x.AssociatedRouteTableId, x.AssociationKnown)));
        var t = r.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.Equal(("tgw-rtb-1", "tgw-1", true), (t.Id, t.TransitGatewayId, t.IsFragment));
        var link = t.Associations.Single();
        Assert.Equal(("tgw-attach-p", true), (link.AttachmentId, link.Enabled));
        Assert.Equal("TransitGatewayAttachments[0].Association", link.Location.LogicalPath);
    }

    [Fact]
    public void VpcAttachment_SubnetsOwnerAndApplianceMode()
    {
        var r = Load(("v.json", """
            {"TransitGatewayVpcAttachments": [
              {"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "VpcId": "vpc-1", "VpcOwnerId": "222222222222", "State": "available",
               "SubnetIds": ["subnet-1", null, "subnet-2"], "Options": {"ApplianceModeSupport": "enable"}, "Tags": [{"Key": "Name", "Value": "one"}]},
              {"TransitGatewayAttachmentId": "tgw-attach-2", "TransitGatewayId": "tgw-1", "VpcId": "vpc-2", "SubnetIds": [], "Options": {"ApplianceModeSupport": "disable"}},
              {"TransitGatewayAttachmentId": "tgw-attach-3", "TransitGatewayId": "tgw-1", "VpcId": "vpc-3", "SubnetIds": [], "Options": {"DnsSupport": "enable"}},
              {"TransitGatewayAttachmentId": "tgw-attach-4", "TransitGatewayId": "tgw-1", "VpcId": "vpc-4", "SubnetIds": "subnet-4"},
              {"TransitGatewayId": "tgw-1", "VpcId": "vpc-5", "SubnetIds": []}]}
            """));
        Assert.Equal(2, AwsTestKit.Errors(r).Count);
        Assert.Contains("Error: a transit gateway VPC attachment record has no 'TransitGatewayAttachmentId'; it is skipped", Problems(r));
        var a = r.Model.Of<TransitGatewayAttachment>();
        Assert.Equal(new[] { "subnet-1", "subnet-2" }, a[0].SubnetIds);
        Assert.Equal((TransitGatewayAttachmentKind.Vpc, "vpc-1", "222222222222", "available", "one"), (a[0].Kind, a[0].ResourceId, a[0].ResourceOwnerId, a[0].State, a[0].Name));
        Assert.Equal(("111111111111", "eu-west-1", "tgw-1"), (a[0].Account, a[0].Region, a[0].TransitGatewayId));
        Assert.Equal(new[] { (true, true, true), (true, false, true), (true, false, false), (true, false, false) }, a.Select(x => (x.SubnetsKnown, x.ApplianceMode, x.ApplianceModeKnown)));
        Assert.Empty(a[3].SubnetIds);
    }

    [Fact]
    public void PeeringAttachmentRecord_WithoutSidesOrOwners_FallsBackToTheFolder()
    {
        var r = Load(("p.json", """
            {"TransitGatewayPeeringAttachments": [
              {"TransitGatewayAttachmentId": "tgw-attach-1", "RequesterTgwInfo": {"TransitGatewayId": "tgw-1"}, "State": "pendingAcceptance"},
              {"TransitGatewayAttachmentId": "tgw-attach-2", "AccepterTgwInfo": {"TransitGatewayId": "tgw-2", "OwnerId": "222222222222", "Region": "us-east-1"}},
              {"RequesterTgwInfo": {"TransitGatewayId": "tgw-1"}}]}
            """));
        Assert.Equal(new[] { "Error: a transit gateway peering attachment record has no 'TransitGatewayAttachmentId'; it is skipped" }, Problems(r));
        var a = r.Model.Of<TransitGatewayAttachment>();
        Assert.Equal(("tgw-1", "111111111111", "eu-west-1", (string?)null, (string?)null, (string?)null), (a[0].TransitGatewayId, a[0].Account, a[0].Region, a[0].ResourceId, a[0].ResourceOwnerId, a[0].PeerRegion));
        Assert.Equal("pendingAcceptance", a[0].State);
        Assert.Equal(((string?)null, "111111111111", "eu-west-1", "tgw-2", "222222222222", "us-east-1"), (a[1].TransitGatewayId, a[1].Account, a[1].Region, a[1].ResourceId, a[1].ResourceOwnerId, a[1].PeerRegion));
        Assert.All(a, x => Assert.Equal(TransitGatewayAttachmentKind.Peering, x.Kind));
    }

    [Fact]
    public void RouteTable_DefaultFlags()
    {
        var r = Load(("t.json", """
            {"TransitGatewayRouteTables": [
              {"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": true, "DefaultPropagationRouteTable": false, "Tags": [{"Key": "Name", "Value": "one"}]},
              {"TransitGatewayRouteTableId": "tgw-rtb-2", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": false, "DefaultPropagationRouteTable": true},
              {"TransitGatewayRouteTableId": "tgw-rtb-3", "TransitGatewayId": "tgw-1", "DefaultPropagationRouteTable": "yes"}]}
            """));
        Assert.Single(AwsTestKit.Errors(r));
        var t = r.Model.Of<TransitGatewayRouteTable>();
        Assert.Equal(new[] { (true, false), (false, true), (false, false) }, t.Select(x => (x.IsDefaultAssociationTable, x.IsDefaultPropagationTable)));
        Assert.Equal(("one", "111111111111", "eu-west-1", false), (t[0].Name, t[0].Account, t[0].Region, t[0].IsFragment));
        Assert.All(t, x => Assert.False(x.RoutesKnown || x.PropagationsKnown));
    }

    [Fact]
    public void BatfishRoutesAndPropagationItems_NeedTheirTable()
    {
        var r = Load(("tgw.json", """
            {"TransitGatewayStaticRoutes": [
               {"TransitGatewayRouteTableId": "tgw-rtb-1", "Routes": [
                  {"DestinationCidrBlock": "10.1.0.0/16", "Type": "static", "State": "active", "TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1"}, "x", {"ResourceId": "vpc-1"}]},
                  {"PrefixListId": "pl-1", "Type": "propagated", "State": "active"},
                  "not a route",
                  {"Type": "static", "State": "blackhole"}], "AdditionalRoutesAvailable": false},
               {"TransitGatewayRouteTableId": "tgw-rtb-2", "Routes": null},
               {"Routes": []}],
             "TransitGatewayPropagations": [
               {"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayRouteTablePropagations": [
                  {"TransitGatewayAttachmentId": "tgw-attach-1", "State": "enabled"}, {"TransitGatewayAttachmentId": "tgw-attach-2", "State": "enabling"},
                  {"TransitGatewayAttachmentId": "tgw-attach-3", "State": "disabled"}, {"TransitGatewayAttachmentId": "tgw-attach-4"}, {"State": "enabled"}, "x",
                  {"TransitGatewayAttachmentId": "tgw-attach-5", "State": "associated"}]},
               {"TransitGatewayRouteTableId": "tgw-rtb-2", "TransitGatewayRouteTablePropagations": null},
               {"TransitGatewayRouteTablePropagations": []}]}
            """));
        var problems = Problems(r);
        Assert.True(problems.Length == 5, string.Join("\n", problems)); // the two items without a table, two items that are no objects, one route without a destination
        Assert.Contains("Error: a transit gateway routes item has no 'TransitGatewayRouteTableId'; it is skipped", problems);
        Assert.Contains("Error: a transit gateway propagations item has no 'TransitGatewayRouteTableId'; it is skipped", problems);
        Assert.Single(problems, x => x == "Warning: a transit gateway route has no 'DestinationCidrBlock' or 'PrefixListId'; its destination is unknown");
        var t = r.Model.Of<TransitGatewayRouteTable>().OrderBy(x => x.Id).ToArray();
        Assert.Equal(new[] { "tgw-rtb-1", "tgw-rtb-2" }, t.Select(x => x.Id));
        Assert.Equal((true, false, true, true, true), (t[0].RoutesKnown, t[0].RoutesIncomplete, t[0].PropagatedRoutesListed, t[0].PropagationsKnown, t[0].IsFragment));
        Assert.Equal(3, t[0].Routes.Count);
        Assert.Equal(new[] { "tgw-attach-1" }, t[0].Routes[0].AttachmentIds);
        Assert.Equal(("pl-1", TransitGatewayRouteType.Propagated, RouteState.Active), (t[0].Routes[1].DestinationPrefixListId, t[0].Routes[1].Type, t[0].Routes[1].State));
        Assert.Equal((TransitGatewayRouteType.Static, RouteState.Blackhole), (t[0].Routes[2].Type, t[0].Routes[2].State));
        Assert.Equal(
            new[] { ("tgw-attach-1", true), ("tgw-attach-2", true), ("tgw-attach-3", false), ("tgw-attach-4", true), ("tgw-attach-5", false) },
            t[0].Propagations.Select(l => (l.AttachmentId, l.Enabled)));
        Assert.Equal((false, false, false), (t[1].RoutesKnown, t[1].PropagationsKnown, t[1].PropagatedRoutesListed));
    }

    [Fact]
    public void RoutesOutput_TableFromTheWrapperOrTheFileName_ElseSkippedWithAWarning()
    {
        const string Routes = """{"Routes": [{"DestinationCidrBlock": "10.1.0.0/16", "Type": "static", "State": "active"}], "AdditionalRoutesAvailable": true}""";
        var r = Load(
            ("named/tgw-rtb-0abc.routes.json", Routes),
            ("wrapped.json", """{"TransitGatewayRouteTableId": "tgw-rtb-0def", "Routes": [{"DestinationCidrBlock": "10.2.0.0/16", "Type": "static", "State": "active"}]}"""),
            ("anonymous.json", Routes));
        Assert.Equal(
            new[] { "Warning: search-transit-gateway-routes output does not say which transit gateway route table it lists; name the file after the table (tgw-rtb-….json) or add \"TransitGatewayRouteTableId\" next to the list. It is skipped" },
            Problems(r));
        var t = r.Model.Of<TransitGatewayRouteTable>().OrderBy(x => x.Id).ToArray();
        Assert.Equal(new[] { "tgw-rtb-0abc", "tgw-rtb-0def" }, t.Select(x => x.Id));
        Assert.Equal((true, true, false), (t[0].RoutesKnown, t[0].RoutesIncomplete, t[0].PropagatedRoutesListed));
        Assert.Equal((true, false), (t[1].RoutesKnown, t[1].RoutesIncomplete));
    }

    [Fact]
    public void PropagationAndAssociationOutputs_TableFromTheFileName()
    {
        var r = Load(
            ("tgw-rtb-1-propagations.json", """
                {"TransitGatewayRouteTablePropagations": [{"TransitGatewayAttachmentId": "tgw-attach-1", "ResourceType": "vpc", "State": "enabled"}, {"TransitGatewayAttachmentId": "tgw-attach-2", "State": "disabling"}]}
                """),
            ("tgw-rtb-1-associations.json", """
                {"Associations": [{"TransitGatewayAttachmentId": "tgw-attach-1", "State": "associating"}, {"TransitGatewayAttachmentId": "tgw-attach-2", "State": "enabled"}, {"TransitGatewayAttachmentId": "tgw-attach-3"}]}
                """),
            ("propagations.json", """{"TransitGatewayRouteTablePropagations": [{"TransitGatewayAttachmentId": "tgw-attach-9", "State": "enabled"}]}"""));
        Assert.Single(r.Problems);
        Assert.Contains("get-transit-gateway-route-table-propagations output does not say", r.Problems[0].Message);
        var t = r.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.Equal("tgw-rtb-1", t.Id);
        Assert.True(t.PropagationsKnown);
        Assert.Equal(new[] { ("tgw-attach-1", true), ("tgw-attach-2", false) }, t.Propagations.Select(l => (l.AttachmentId, l.Enabled)));
        Assert.Equal(new[] { ("tgw-attach-1", true), ("tgw-attach-2", false), ("tgw-attach-3", true) }, t.Associations.Select(l => (l.AttachmentId, l.Enabled)));
    }

    [Theory]
    [InlineData("{\"Routes\": [], \"AdditionalRoutesAvailable\": false}", true)]
    [InlineData("{\"Routes\": [], \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", true)]
    [InlineData("{\"Routes\": [{\"TransitGatewayAttachments\": []}]}", true)]
    [InlineData("{\"Routes\": [{\"Type\": \"static\", \"DestinationCidrBlock\": \"10.0.0.0/8\"}]}", true)]
    [InlineData("{\"Routes\": [{\"Type\": \"static\", \"PrefixListId\": \"pl-1\"}]}", true)]
    [InlineData("{\"Routes\": [{\"Type\": \"static\", \"DestinationCidr\": \"10.0.0.0/8\"}]}", false)]
    [InlineData("{\"Routes\": [{\"DestinationCidrBlock\": \"10.0.0.0/8\"}]}", false)]
    [InlineData("{\"Routes\": []}", false)]
    [InlineData("{\"Routes\": [\"x\"]}", false)]
    [InlineData("{\"Routes\": [], \"RouteTableId\": \"rtb-1\", \"AdditionalRoutesAvailable\": false}", false)]
    public void RoutesBody_IsTransitGatewayRoutesOutput(string json, bool expected)
    {
        var doc = PeeringLint.Parsers.Syntax.SourceDocument.FromUtf8("x.json", System.Text.Encoding.UTF8.GetBytes(json));
        var root = (PeeringLint.Parsers.Syntax.MappingNode)PeeringLint.Parsers.Syntax.JsonDecoder.Decode(doc, System.Text.Encoding.UTF8.GetBytes(json), new())!;
        Assert.Equal(expected, TransitGatewayMapper.IsTgwRoutesBody(root));
    }

    [Theory]
    [InlineData("{\"Associations\": [], \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", true)]
    [InlineData("{\"Associations\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-1\"}]}", true)]
    [InlineData("{\"Associations\": [{\"SubnetId\": \"subnet-1\"}]}", false)]
    [InlineData("{\"Associations\": [], \"RouteTableId\": \"rtb-1\", \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", false)]
    [InlineData("{\"Associations\": [], \"NetworkAclId\": \"acl-1\", \"TransitGatewayRouteTableId\": \"tgw-rtb-1\"}", false)]
    public void AssociationsBody_IsTransitGatewayAssociationsOutput(string json, bool expected)
    {
        var doc = PeeringLint.Parsers.Syntax.SourceDocument.FromUtf8("x.json", System.Text.Encoding.UTF8.GetBytes(json));
        var root = (PeeringLint.Parsers.Syntax.MappingNode)PeeringLint.Parsers.Syntax.JsonDecoder.Decode(doc, System.Text.Encoding.UTF8.GetBytes(json), new())!;
        Assert.Equal(expected, TransitGatewayMapper.IsTgwAssociationsBody(root));
    }

    [Theory]
    [InlineData("x/tgw-rtb-0a1b.json", "tgw-rtb-0a1b")]
    [InlineData("tgw-rtb-0a1b-routes.json", "tgw-rtb-0a1b")]
    [InlineData("routes-of-tgw-rtb-9.json", "tgw-rtb-9")]
    [InlineData("x/tgw-rtb-.json", null)]
    [InlineData("tgw-rtb-", null)]
    [InlineData("tgw-rtb-1/routes.json", null)]
    [InlineData("x/routes.json", null)]
    public void TableIdInTheFileName(string path, string? expected) => Assert.Equal(expected, TransitGatewayMapper.TableIdIn(path));

    [Fact]
    public void MergeTable_TheTableRecordIsTheBase_WhateverTheOrder_AndThePartsAddUp()
    {
        const string Table = """{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": false}]}""";
        const string Routes = """{"Routes": [{"DestinationCidrBlock": "10.1.0.0/16", "Type": "propagated", "State": "active"}], "AdditionalRoutesAvailable": true}""";
        const string Routes2 = """{"Routes": [{"DestinationCidrBlock": "10.2.0.0/16", "Type": "static", "State": "active"}]}""";
        const string Props = """{"TransitGatewayRouteTablePropagations": [{"TransitGatewayAttachmentId": "tgw-attach-1", "State": "enabled"}]}""";
        const string Assoc = """{"Associations": [{"TransitGatewayAttachmentId": "tgw-attach-2", "State": "associated"}]}""";
        foreach (var order in new[] { new[] { 0, 1, 2, 3, 4 }, new[] { 1, 2, 3, 4, 0 }, new[] { 4, 3, 0, 2, 1 } })
        {
            var files = new[] { ("t.json", Table), ("tgw-rtb-1.routes.json", Routes), ("tgw-rtb-1.more.json", Routes2), ("tgw-rtb-1.props.json", Props), ("tgw-rtb-1.assoc.json", Assoc) };
            var r = Load(order.Select(i => files[i]).ToArray());
            Assert.Empty(r.Problems);
            var t = r.Model.Of<TransitGatewayRouteTable>().Single();
            Assert.Equal((Folder + "t.json", "tgw-1", false), (t.Location.Path, t.TransitGatewayId, t.IsFragment));
            Assert.Equal((true, true, true, true), (t.RoutesKnown, t.RoutesIncomplete, t.PropagatedRoutesListed, t.PropagationsKnown));
            Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16" }, t.Routes.Select(x => x.DestinationText).OrderBy(x => x));
            Assert.Equal("tgw-attach-1", t.Propagations.Single().AttachmentId);
            Assert.Equal("tgw-attach-2", t.Associations.Single().AttachmentId);
        }
    }

    [Fact]
    public void MergeTable_FragmentsAloneStayAFragment_AndTheGatewayComesFromAPeeringAssociation()
    {
        var r = Load(
            ("tgw-rtb-1.routes.json", """{"Routes": [{"DestinationCidrBlock": "10.1.0.0/16", "Type": "static", "State": "active"}]}"""),
            ("a.json", """{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "TransitGatewayId": "tgw-7", "ResourceType": "peering", "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}}]}"""));
        Assert.Empty(r.Problems);
        var t = r.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.Equal(("tgw-7", true, true, false), (t.TransitGatewayId, t.IsFragment, t.RoutesKnown, t.PropagationsKnown));
        Assert.Equal("tgw-attach-p", t.Associations.Single().AttachmentId);
        Assert.Single(t.Routes);
    }

    [Fact]
    public void MergeAttachment_BothViews_EachFieldFromWhicheverHasIt()
    {
        var r = Load(
            ("a.json", """
                {"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-1", "ResourceOwnerId": "2",
                  "State": "available", "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}}]}
                """),
            ("v.json", """
                {"TransitGatewayVpcAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"],
                  "Options": {"ApplianceModeSupport": "enable"}, "Tags": [{"Key": "Name", "Value": "named"}]}]}
                """));
        Assert.Empty(r.Problems);
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal(("named", "available", "tgw-rtb-1", true), (a.Name, a.State, a.AssociatedRouteTableId, a.AssociationKnown));
        Assert.Equal(new[] { "subnet-1" }, a.SubnetIds);
        Assert.Equal((true, true, true), (a.SubnetsKnown, a.ApplianceMode, a.ApplianceModeKnown));
        Assert.Equal(Folder + "a.json", a.AssociationLocation!.Path);

        // The other order: the VPC attachment record first (files are read in path order).
        r = Load(("b-v.json", """
                {"TransitGatewayVpcAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "VpcId": "vpc-1", "SubnetIds": ["subnet-1"], "Options": {"ApplianceModeSupport": "enable"}}]}
                """),
            ("c-a.json", """
                {"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-1",
                  "ResourceOwnerId": "2", "State": "available", "Tags": [{"Key": "Name", "Value": "named"}], "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}}]}
                """));
        Assert.Empty(r.Problems);
        a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal(("tgw-1", TransitGatewayAttachmentKind.Vpc, "2", "named", "available"), (a.TransitGatewayId, a.Kind, a.ResourceOwnerId, a.Name, a.State));
        Assert.Equal(("tgw-rtb-1", true, Folder + "c-a.json"), (a.AssociatedRouteTableId, a.AssociationKnown, a.AssociationLocation!.Path));
        Assert.Equal(Folder + "b-v.json", a.Location.Path);
        Assert.Equal(new[] { "subnet-1" }, a.SubnetIds);
        Assert.Equal((true, true, true), (a.SubnetsKnown, a.ApplianceMode, a.ApplianceModeKnown));
    }

    [Fact]
    public void MergeAttachment_UnknownKindAndPeerRegion_ComeFromTheOtherView()
    {
        var r = Load(
            ("a.json", """{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "TransitGatewayId": "tgw-1", "ResourceType": "something-new"}]}"""),
            ("p.json", """
                {"TransitGatewayPeeringAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "RequesterTgwInfo": {"TransitGatewayId": "tgw-1"},
                  "AccepterTgwInfo": {"TransitGatewayId": "tgw-2", "OwnerId": "2", "Region": "us-west-2"}}]}
                """));
        Assert.Empty(r.Problems);
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal((TransitGatewayAttachmentKind.Peering, "tgw-2", "us-west-2", true), (a.Kind, a.ResourceId, a.PeerRegion, a.AssociationKnown));
    }

    [Fact]
    public void MergeAttachment_WhereBothViewsTell_TheFirstWins()
    {
        var r = Load(
            ("a.json", """
                {"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-1", "ResourceOwnerId": "2",
                  "State": "available", "Tags": [{"Key": "Name", "Value": "first"}], "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}}]}
                """),
            ("v.json", """
                {"TransitGatewayVpcAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-9", "VpcId": "vpc-9", "VpcOwnerId": "9", "State": "pending",
                  "SubnetIds": ["subnet-1"], "Tags": [{"Key": "Name", "Value": "second"}], "Options": {"ApplianceModeSupport": "enable"}}]}
                """),
            ("v2.json", """
                {"TransitGatewayVpcAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1", "TransitGatewayId": "tgw-8", "VpcId": "vpc-8", "SubnetIds": ["subnet-8"], "Options": {"ApplianceModeSupport": "disable"}}]}
                """));
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal(("tgw-1", TransitGatewayAttachmentKind.Vpc, "vpc-1", "2", "available", "first"), (a.TransitGatewayId, a.Kind, a.ResourceId, a.ResourceOwnerId, a.State, a.Name));
        Assert.Equal(new[] { "subnet-1" }, a.SubnetIds);
        Assert.Equal((true, true, true, "tgw-rtb-1"), (a.SubnetsKnown, a.ApplianceMode, a.ApplianceModeKnown, a.AssociatedRouteTableId));
    }

    [Fact]
    public void MergeAttachment_TwoPeeringViews_TheFirstKindAndRegionWin()
    {
        var r = Load(
            ("p.json", """
                {"TransitGatewayPeeringAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "RequesterTgwInfo": {"TransitGatewayId": "tgw-1"},
                  "AccepterTgwInfo": {"TransitGatewayId": "tgw-2", "Region": "us-west-2"}}]}
                """),
            ("p2.json", """
                {"TransitGatewayPeeringAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "RequesterTgwInfo": {"TransitGatewayId": "tgw-1"},
                  "AccepterTgwInfo": {"TransitGatewayId": "tgw-3", "Region": "eu-west-3"}}]}
                """),
            ("z.json", """{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "TransitGatewayId": "tgw-1", "ResourceType": "vpn"}]}"""));
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal((TransitGatewayAttachmentKind.Peering, "tgw-2", "us-west-2"), (a.Kind, a.ResourceId, a.PeerRegion));
        Assert.True(a.AssociationKnown); // describe-transit-gateway-attachments tells it (none here)
    }

    [Fact]
    public void MergeTable_TwoFragments_TheFirstIsTheBase_AndTheGatewayComesFromEither()
    {
        var r = Load(
            ("0-tgw-rtb-1.json", """{"Routes": [{"DestinationCidrBlock": "10.1.0.0/16", "Type": "static", "State": "active"}]}"""),
            ("a.json", """{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "TransitGatewayId": "tgw-7", "ResourceType": "peering", "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}}]}"""));
        Assert.Empty(r.Problems);
        var t = r.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.Equal((Folder + "0-tgw-rtb-1.json", "tgw-7", true), (t.Location.Path, t.TransitGatewayId, t.IsFragment));
    }

    [Fact]
    public void MergeTable_TheTablesOwnGatewayAndTheFirstNameWin()
    {
        var r = Load(
            ("a.json", """{"TransitGatewayAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-p", "TransitGatewayId": "tgw-7", "ResourceType": "peering", "Association": {"State": "associated", "TransitGatewayRouteTableId": "tgw-rtb-1"}}]}"""),
            ("t1.json", """{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": false}]}"""),
            ("t2.json", """{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": false, "Tags": [{"Key": "Name", "Value": "two"}]}]}"""),
            ("t3.json", """{"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": false, "Tags": [{"Key": "Name", "Value": "three"}]}]}"""));
        var t = r.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.Equal(("tgw-1", "two", Folder + "t1.json"), (t.TransitGatewayId, t.Name, t.Location.Path));
        Assert.Equal("tgw-attach-p", t.Associations.Single().AttachmentId);
    }

    [Fact]
    public void PeeringAttachmentRecord_TheRequestersOwnerAndRegion_WinOverTheFolder()
    {
        var r = Load(("p.json", """
            {"TransitGatewayPeeringAttachments": [{"TransitGatewayAttachmentId": "tgw-attach-1",
              "RequesterTgwInfo": {"TransitGatewayId": "tgw-1", "OwnerId": "222222222222", "Region": "us-east-1"}, "AccepterTgwInfo": {"TransitGatewayId": "tgw-2"}}]}
            """));
        var a = r.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal(("222222222222", "us-east-1"), (a.Account, a.Region));
    }

    [Fact]
    public void RoutesFragments_TwoPropagatedRoutesAreListed_AndALongerSecondListIsKept()
    {
        var r = Load(
            ("0-tgw-rtb-1.json", """{"Routes": [{"DestinationCidrBlock": "10.1.0.0/16", "Type": "static", "State": "active"}]}"""),
            ("1-tgw-rtb-1.json", """{"Routes": [{"DestinationCidrBlock": "10.2.0.0/16", "Type": "propagated", "State": "active"}, {"DestinationCidrBlock": "10.3.0.0/16", "Type": "propagated", "State": "active"}]}"""));
        Assert.Empty(r.Problems);
        var t = r.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.True(t.PropagatedRoutesListed);
        Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16" }, t.Routes.Select(x => x.DestinationText));
    }
}
