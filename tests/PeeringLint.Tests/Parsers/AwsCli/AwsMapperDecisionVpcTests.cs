using System.Linq;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>
/// Decision tests for VpcMapper and PeeringMapper (issue 22): each test is a small describe-* document whose fields pick
/// one of the alternatives the mapper chooses between.
/// </summary>
public sealed class AwsMapperDecisionVpcTests
{
    private static LoadResult Load(string json) => AwsTestKit.LoadText(("x.json", json));

    private static string[] Problems(LoadResult r) => r.Problems.Select(p => $"{p.Severity}: {p.Message}").ToArray();

    private static string[] Blocks(System.Collections.Generic.IEnumerable<CidrValue> blocks) => blocks.Select(c => c.Text!).ToArray();

    [Fact]
    public void ClassicLinkRecords_SetTheFlagEnabledOrDisabled_AndAVpcRecordKeepsItsOwnFlag()
    {
        var r = AwsTestKit.LoadText(
            ("c/Vpcs.json", """
                {"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}, {"VpcId": "vpc-2", "CidrBlock": "10.1.0.0/16"},
                          {"VpcId": "vpc-3", "CidrBlock": "10.2.0.0/16", "ClassicLinkEnabled": true}, {"VpcId": "vpc-4", "CidrBlock": "10.3.0.0/16"}]}
                """),
            ("c/ClassicLink.json", """
                {"Vpcs": [{"VpcId": "vpc-1", "ClassicLinkEnabled": false, "Tags": []}, {"VpcId": "vpc-2", "ClassicLinkEnabled": true, "Tags": []},
                          {"VpcId": "vpc-4", "ClassicLinkDnsSupported": true}]}
                """));
        Assert.Empty(r.Problems);
        Assert.Equal(new bool?[] { false, true, true, null }, r.Model.Vpcs.OrderBy(v => v.Id).Select(v => v.ClassicLinkEnabled));
        Assert.Equal(4, r.Model.Vpcs.Count);
    }

    [Fact]
    public void ClassicLinkRecord_ForAVpcNotInTheInput_IsANoteOnlyWhenEnabled()
    {
        var r = AwsTestKit.LoadText(("c/ClassicLink.json", """
            {"Vpcs": [{"VpcId": "vpc-8", "ClassicLinkEnabled": false}, {"VpcId": "vpc-9", "ClassicLinkEnabled": true}]}
            """));
        Assert.Equal(new[] { "Note: ClassicLink is enabled on VPC 'vpc-9', which is not in the input (add describe-vpcs output)" }, Problems(r));
        Assert.Empty(r.Model.Vpcs);
    }

    [Fact]
    public void ClassicLinkRecord_WithAFlagThatIsNoBoolean_IsAnErrorAndFlagsNothing()
    {
        var r = AwsTestKit.LoadText(
            ("c/Vpcs.json", """{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"""),
            ("c/ClassicLink.json", """{"Vpcs": [{"VpcId": "vpc-1", "ClassicLinkEnabled": "maybe"}]}"""));
        Assert.Equal(new[] { "Error: expected true or false for 'ClassicLinkEnabled', found 'maybe'" }, Problems(r));
        Assert.Null(r.Model.Vpcs.Single().ClassicLinkEnabled);
    }

    [Fact]
    public void ClassicLinkRecord_WithAVpcIdThatIsNoString_IsAnErrorAndFlagsNothing()
    {
        var r = AwsTestKit.LoadText(
            ("c/Vpcs.json", """{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"""),
            ("c/ClassicLink.json", """{"Vpcs": [{"VpcId": ["vpc-1"], "ClassicLinkEnabled": true}]}"""));
        Assert.Single(AwsTestKit.Errors(r));
        Assert.Null(r.Model.Vpcs.Single().ClassicLinkEnabled);
    }

    [Fact]
    public void Vpc_WithoutAnyBlock_IsAWarningAndHasNoBlocks()
    {
        var r = Load("""{"Vpcs": [{"VpcId": "vpc-1", "CidrBlockAssociationSet": []}]}""");
        Assert.Equal(new[] { "Warning: VPC 'vpc-1' has neither 'CidrBlock' nor 'CidrBlockAssociationSet'; its address range is unknown" }, Problems(r));
        Assert.Empty(r.Model.Vpcs.Single().Ipv4Cidrs);
    }

    [Fact]
    public void Vpc_WithOnlyThePrimaryBlock_HasThatBlock_AndDefaultsToNotDefault()
    {
        var r = AwsTestKit.LoadText(("accounts/111111111111/eu-west-1/Vpcs.json", """{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16"}]}"""));
        Assert.Empty(r.Problems);
        var v = r.Model.Vpcs.Single();
        Assert.Equal(new[] { "10.0.0.0/16" }, Blocks(v.Ipv4Cidrs));
        Assert.False(v.IsDefault);
        Assert.Equal(("111111111111", "eu-west-1"), (v.Account, v.Region));
    }

    [Fact]
    public void Vpc_OwnerIdOfTheRecord_WinsOverTheFolderAccount()
    {
        var r = AwsTestKit.LoadText(("accounts/111111111111/eu-west-1/Vpcs.json", """{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "222222222222", "IsDefault": true}]}"""));
        var v = r.Model.Vpcs.Single();
        Assert.Equal("222222222222", v.Account);
        Assert.True(v.IsDefault);
    }

    [Theory]
    [InlineData("10.0.0.0/16", new[] { "10.5.0.0/16", "10.6.0.0/16", "10.0.0.0/16" }, new[] { "10.0.0.0/16", "10.5.0.0/16", "10.6.0.0/16" })]
    [InlineData("10.0.0.0/16", new[] { "10.0.0.0/16", "10.5.0.0/16" }, new[] { "10.0.0.0/16", "10.5.0.0/16" })]
    [InlineData("10.9.0.0/16", new[] { "10.5.0.0/16", "10.0.0.0/16" }, new[] { "10.5.0.0/16", "10.0.0.0/16" })]
    [InlineData(null, new[] { "10.5.0.0/16", "10.0.0.0/16" }, new[] { "10.5.0.0/16", "10.0.0.0/16" })]
    [InlineData("10.0.0.0/16", new[] { "10.0.0.300/16", "10.0.0.0/16" }, new[] { "10.0.0.300/16", "10.0.0.0/16" })]
    [InlineData("10.0.0.0/16", new[] { "10.5.0.0/16", "10.0.0.300/16", "10.0.0.0/16" }, new[] { "10.0.0.0/16", "10.5.0.0/16", "10.0.0.300/16" })]
    public void Vpc_BlockSet_PutsThePrimaryBlockFirstOnlyWhenItIsInTheSetAndNotFirst(string? primary, string[] set, string[] expected)
    {
        string items = string.Join(", ", set.Select(c => $"{{\"CidrBlock\": \"{c}\", \"CidrBlockState\": {{\"State\": \"associated\"}}}}"));
        string cidr = primary is null ? string.Empty : $"\"CidrBlock\": \"{primary}\", ";
        var r = Load($$"""{"Vpcs": [{"VpcId": "vpc-1", {{cidr}}"CidrBlockAssociationSet": [{{items}}]}]}""");
        Assert.Equal(expected, Blocks(r.Model.Vpcs.Single().Ipv4Cidrs));
    }

    [Theory]
    [InlineData("associated", CidrAssociationState.Associated)]
    [InlineData("associating", CidrAssociationState.Associating)]
    [InlineData("disassociating", CidrAssociationState.Disassociating)]
    [InlineData("disassociated", CidrAssociationState.Disassociated)]
    [InlineData("failing", CidrAssociationState.Failing)]
    [InlineData("failed", CidrAssociationState.Failed)]
    public void Vpc_BlockAssociationStates_AreMapped(string state, CidrAssociationState expected)
    {
        var r = Load($$$"""{"Vpcs": [{"VpcId": "vpc-1", "CidrBlockAssociationSet": [{"CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "{{{state}}}"}}], "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18::/56", "Ipv6CidrBlockState": {"State": "{{{state}}}"}}]}]}""");
        Assert.Empty(r.Problems);
        var v = r.Model.Vpcs.Single();
        Assert.Equal(expected, v.Ipv4Cidrs.Single().State);
        Assert.Equal(expected, v.Ipv6Cidrs.Single().State);
    }

    [Theory]
    [InlineData("{\"State\": \"resizing\"}", true)]
    [InlineData("{\"State\": null}", false)]
    [InlineData("{\"StatusMessage\": \"x\"}", false)]
    public void Vpc_BlockWithAnUnknownOrMissingState_IsTakenAsAssociated(string blockState, bool warned)
    {
        var r = Load($$"""{"Vpcs": [{"VpcId": "vpc-1", "CidrBlockAssociationSet": [{"CidrBlock": "10.0.0.0/16", "CidrBlockState": {{blockState}}}]}]}""");
        Assert.Equal(warned ? new[] { "Warning: unknown CIDR block association state 'resizing'; the block is taken as associated" } : new string[0], Problems(r));
        Assert.Equal(CidrAssociationState.Associated, r.Model.Vpcs.Single().Ipv4Cidrs.Single().State);
    }

    [Fact]
    public void Vpc_Ipv6AssociationWithoutABlockYet_IsLeftOut()
    {
        var r = Load("""
            {"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16",
              "Ipv6CidrBlockAssociationSet": [{"Ipv6Pool": "Amazon", "Ipv6CidrBlockState": {"State": "associating"}}, {"Ipv6CidrBlock": "2600:1f18::/56"}]}]}
            """);
        Assert.Empty(r.Problems);
        var block = r.Model.Vpcs.Single().Ipv6Cidrs.Single();
        Assert.Equal(("2600:1f18::/56", CidrAssociationState.Associated), (block.Text, block.State));
    }

    [Fact]
    public void Subnet_MapPublicIpOnLaunch_AndTheRegionOfItsZone()
    {
        var r = Load("""
            {"Subnets": [
              {"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "ap-south-1a", "MapPublicIpOnLaunch": true,
               "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18::/64", "Ipv6CidrBlockState": {"State": "disassociated"}}]},
              {"SubnetId": "subnet-2", "VpcId": "vpc-1", "CidrBlock": "10.0.2.0/24", "MapPublicIpOnLaunch": false},
              {"SubnetId": "subnet-3", "VpcId": "vpc-1", "CidrBlock": "10.0.3.0/24"}]}
            """);
        Assert.Empty(r.Problems);
        var s = r.Model.Subnets;
        Assert.Equal(new bool?[] { true, false, false }, s.Select(x => x.MapPublicIpOnLaunch));
        Assert.Equal(("ap-south-1", "ap-south-1a", "10.0.1.0/24"), (s[0].Region, s[0].AvailabilityZone, s[0].Ipv4Cidr!.Text));
        Assert.Equal(("2600:1f18::/64", CidrAssociationState.Disassociated), (s[0].Ipv6Cidrs.Single().Text, s[0].Ipv6Cidrs.Single().State));
        Assert.Equal("vpc-1", s[1].VpcId);
    }

    // ---- peering connections ----

    private const string Sides = """
        "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "111111111111", "Region": "us-east-1", "CidrBlock": "10.1.0.0/16"},
        "AccepterVpcInfo": {"VpcId": "vpc-2", "OwnerId": "222222222222", "Region": "us-east-1", "CidrBlock": "10.2.0.0/16"}
        """;

    [Theory]
    [InlineData("initiating-request", PeeringStatus.InitiatingRequest)]
    [InlineData("pending-acceptance", PeeringStatus.PendingAcceptance)]
    [InlineData("provisioning", PeeringStatus.Provisioning)]
    [InlineData("active", PeeringStatus.Active)]
    [InlineData("rejected", PeeringStatus.Rejected)]
    [InlineData("expired", PeeringStatus.Expired)]
    [InlineData("failed", PeeringStatus.Failed)]
    [InlineData("deleting", PeeringStatus.Deleting)]
    [InlineData("deleted", PeeringStatus.Deleted)]
    public void Peering_StatusCodes_AreMapped_AndLocatedAtTheCode(string code, PeeringStatus expected)
    {
        var r = Load($$"""{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Message": "m", "Code": "{{code}}"}, {{Sides}}}]}""");
        Assert.Empty(r.Problems);
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(expected, p.Status);
        Assert.Equal("VpcPeeringConnections[0].Status.Code", p.StatusLocation!.LogicalPath);
    }

    [Fact]
    public void Peering_WithoutStatus_IsAWarningAndUnknown()
    {
        var r = Load($$"""{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", {{Sides}}}]}""");
        Assert.Equal(new[] { "Warning: peering connection 'pcx-1' has no 'Status'; its status is unknown" }, Problems(r));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(PeeringStatus.Unknown, p.Status);
        Assert.Null(p.StatusLocation);
    }

    [Fact]
    public void Peering_StatusWithoutCode_IsAWarningAtTheStatus()
    {
        var r = Load($$"""{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Message": "m"}, {{Sides}}}]}""");
        Assert.Equal(new[] { "Warning: the peering connection's 'Status' has no 'Code'; its status is unknown" }, Problems(r));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(PeeringStatus.Unknown, p.Status);
        Assert.Equal("VpcPeeringConnections[0].Status", p.StatusLocation!.LogicalPath);
    }

    [Fact]
    public void Peering_UnknownStatusCode_IsAWarning()
    {
        var r = Load($$"""{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "sleeping"}, {{Sides}}}]}""");
        Assert.Equal(new[] { "Warning: unknown peering connection status 'sleeping'; its status is unknown" }, Problems(r));
        Assert.Equal(PeeringStatus.Unknown, r.Model.PeeringConnections.Single().Status);
    }

    [Fact]
    public void Peering_StatusThatIsNoObject_IsAnErrorAndCountsAsMissing()
    {
        var r = Load($$"""{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": "active", {{Sides}}}]}""");
        var problems = Problems(r);
        Assert.Equal(2, problems.Length);
        Assert.Contains(problems, x => x.StartsWith("Error: expected an object for 'Status'", System.StringComparison.Ordinal));
        Assert.Contains("Warning: peering connection 'pcx-1' has no 'Status'; its status is unknown", problems);
        Assert.Equal(PeeringStatus.Unknown, r.Model.PeeringConnections.Single().Status);
    }

    [Fact]
    public void Peering_WithoutSides_WarnsForEach_AndTakesAccountAndRegionFromTheFolder()
    {
        var r = AwsTestKit.LoadText(("accounts/333333333333/eu-west-2/pcx.json", """{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"}}]}"""));
        Assert.Equal(
            new[] { "Warning: peering connection 'pcx-1' has no 'RequesterVpcInfo'", "Warning: peering connection 'pcx-1' has no 'AccepterVpcInfo'" },
            Problems(r));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(((string?)null, (string?)null), (p.Requester.VpcId, p.Accepter.VpcId));
        Assert.Equal(("333333333333", "eu-west-2"), (p.Account, p.Region));
    }

    [Fact]
    public void Peering_AccountAndRegion_AreTheRequesters()
    {
        var r = AwsTestKit.LoadText(("accounts/333333333333/eu-west-2/pcx.json", $$"""{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"}, {{Sides}}}]}"""));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("111111111111", "us-east-1"), (p.Account, p.Region));
    }

    [Fact]
    public void Peering_RequesterWithoutOwnerOrRegion_FallsBackToTheFolder()
    {
        var r = AwsTestKit.LoadText(("accounts/333333333333/eu-west-2/pcx.json", """
            {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"VpcId": "vpc-1"}, "AccepterVpcInfo": {"VpcId": "vpc-2", "OwnerId": "222222222222", "Region": "us-east-1"}}]}
            """));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("333333333333", "eu-west-2"), (p.Account, p.Region));
    }

    [Theory]
    [InlineData("AllowDnsResolutionFromRemoteVpc", true, false, false)]
    [InlineData("AllowEgressFromLocalClassicLinkToRemoteVpc", false, true, false)]
    [InlineData("AllowEgressFromLocalVpcToRemoteClassicLink", false, false, true)]
    public void Peering_Options_EachFlagIsRead(string flag, bool dns, bool classicToVpc, bool vpcToClassic)
    {
        var r = Load($$$"""
            {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"VpcId": "vpc-1", "PeeringOptions": {"{{{flag}}}": true, "Other": false}},
              "AccepterVpcInfo": {"VpcId": "vpc-2", "PeeringOptions": {"AllowDnsResolutionFromRemoteVpc": false, "AllowEgressFromLocalClassicLinkToRemoteVpc": false, "AllowEgressFromLocalVpcToRemoteClassicLink": false} }}]}
            """);
        Assert.Empty(r.Problems);
        var p = r.Model.PeeringConnections.Single();
        var o = p.Requester.Options;
        Assert.Equal((dns, classicToVpc, vpcToClassic), (o.AllowDnsResolutionFromRemoteVpc, o.AllowEgressFromLocalClassicLinkToRemoteVpc, o.AllowEgressFromLocalVpcToRemoteClassicLink));
        Assert.Equal("VpcPeeringConnections[0].RequesterVpcInfo.PeeringOptions", o.Location!.LogicalPath);
        Assert.False(p.Accepter.Options.AllowDnsResolutionFromRemoteVpc || p.Accepter.Options.AnyClassicLink);
        Assert.NotNull(p.Accepter.Options.Location);
    }

    [Fact]
    public void Peering_OptionsThatAreNoObjectOrNull_KeepTheDefaults()
    {
        var r = Load("""
            {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"VpcId": "vpc-1", "PeeringOptions": {"AllowDnsResolutionFromRemoteVpc": null}},
              "AccepterVpcInfo": {"VpcId": "vpc-2", "PeeringOptions": null}}]}
            """);
        var p = r.Model.PeeringConnections.Single();
        Assert.False(p.Requester.Options.AllowDnsResolutionFromRemoteVpc);
        Assert.NotNull(p.Requester.Options.Location);
        Assert.Null(p.Accepter.Options.Location);
    }

    [Theory]
    [InlineData("\"CidrBlock\": \"10.1.0.0/16\"", new[] { "10.1.0.0/16" })]
    [InlineData("\"CidrBlock\": \"10.1.0.0/16\", \"CidrBlockSet\": [{\"CidrBlock\": \"10.7.0.0/16\"}, {\"CidrBlock\": \"10.1.0.0/16\"}]", new[] { "10.1.0.0/16", "10.7.0.0/16" })]
    [InlineData("\"CidrBlockSet\": [{\"CidrBlock\": \"10.7.0.0/16\"}, {\"CidrBlock\": \"10.1.0.0/16\"}]", new[] { "10.7.0.0/16", "10.1.0.0/16" })]
    [InlineData("\"CidrBlockSet\": [{\"Other\": \"x\"}, {\"CidrBlock\": \"10.1.0.0/16\"}]", new[] { "10.1.0.0/16" })]
    [InlineData("\"CidrBlock\": \"10.1.0.0/16\", \"CidrBlockSet\": []", new[] { "10.1.0.0/16" })]
    [InlineData("\"CidrBlock\": \"10.1.0.0/16\", \"CidrBlockSet\": [{\"CidrBlock\": \"10.7.0.0/16\"}]", new[] { "10.7.0.0/16" })]
    public void Peering_SideBlocks_PrimaryAloneOrFirstInTheSet(string fields, string[] expected)
    {
        var r = Load($$$"""
            {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"VpcId": "vpc-1", {{{fields}}}, "Ipv6CidrBlockSet": [{"Ipv6CidrBlock": "2600:1f18::/56"}, {"Other": 1}]},
              "AccepterVpcInfo": {"VpcId": "vpc-2"}}]}
            """);
        Assert.Empty(r.Problems);
        var side = r.Model.PeeringConnections.Single().Requester;
        Assert.Equal(expected, Blocks(side.Ipv4Cidrs));
        Assert.Equal(new[] { "2600:1f18::/56" }, Blocks(side.Ipv6Cidrs));
    }

    private static string Pcx(string name, string status, string requester, string accepter) =>
        "{\"VpcPeeringConnections\": [{\"VpcPeeringConnectionId\": \"pcx-1\", " + status + " \"Tags\": [{\"Key\": \"Name\", \"Value\": \"" + name + "\"}], \"RequesterVpcInfo\": {" + requester + "}, \"AccepterVpcInfo\": {" + accepter + "}}]}";

    [Fact]
    public void PeeringMerge_EqualInformation_KeepsTheFirstRecord()
    {
        string a = Pcx("one", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("one", "a/1/pcx.json"), (p.Name, p.Location.Path));
    }

    [Fact]
    public void PeeringMerge_AKnownStatus_CountsAsInformation()
    {
        string a = Pcx("one", string.Empty, "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"deleted\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("two", PeeringStatus.Deleted), (p.Name, p.Status));
    }

    [Theory]
    [InlineData("\"OwnerId\": \"1\"")]
    [InlineData("\"Region\": \"us-east-1\"")]
    [InlineData("\"CidrBlock\": \"10.1.0.0/16\"")]
    [InlineData("\"Ipv6CidrBlockSet\": [{\"Ipv6CidrBlock\": \"2600:1f18::/56\"}]")]
    [InlineData("\"PeeringOptions\": {}")]
    public void PeeringMerge_EachSideField_CountsAsInformation(string field)
    {
        string a = Pcx("one", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\", " + field);
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        Assert.Equal("two", r.Model.PeeringConnections.Single().Name);

        // The same field on the requester side counts too.
        string c = Pcx("three", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\", " + field, "\"VpcId\": \"vpc-2\"");
        r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", c));
        Assert.Equal("three", r.Model.PeeringConnections.Single().Name);
    }

    [Fact]
    public void PeeringMerge_AVpcIdCountsAsInformation()
    {
        string a = Pcx("one", "\"Status\": {\"Code\": \"active\"},", "\"OwnerId\": \"1\"", "\"OwnerId\": \"2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"active\"},", "\"OwnerId\": \"1\"", "\"OwnerId\": \"2\", \"VpcId\": \"vpc-2\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        Assert.Equal("two", r.Model.PeeringConnections.Single().Name);
    }

    [Fact]
    public void PeeringMerge_EachSideComesFromTheRecordThatTellsMoreAboutIt()
    {
        // Record 1 tells more in total (the requester's blocks); record 2 tells more about the accepter.
        string a = Pcx("one", "\"Status\": {\"Code\": \"active\"},",
            "\"VpcId\": \"vpc-1\", \"OwnerId\": \"1\", \"Region\": \"us-east-1\", \"CidrBlock\": \"10.1.0.0/16\", \"CidrBlockSet\": [{\"CidrBlock\": \"10.1.0.0/16\"}, {\"CidrBlock\": \"10.11.0.0/16\"}]",
            "\"VpcId\": \"vpc-2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\", \"OwnerId\": \"2\", \"Region\": \"eu-west-1\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal("one", p.Name);
        Assert.Equal(new[] { "10.1.0.0/16", "10.11.0.0/16" }, Blocks(p.Requester.Ipv4Cidrs));
        Assert.Equal(("2", "eu-west-1"), (p.Accepter.OwnerId, p.Accepter.Region));

        // The other way round: record 2 tells more in total, record 1 more about the requester.
        r = AwsTestKit.LoadText(("a/1/pcx.json", b), ("a/2/pcx.json", a));
        p = r.Model.PeeringConnections.Single();
        Assert.Equal("one", p.Name);
        Assert.Equal(("2", "eu-west-1"), (p.Accepter.OwnerId, p.Accepter.Region));
        Assert.Equal("1", p.Requester.OwnerId);
    }

    [Fact]
    public void PeeringMerge_ASideOfAnotherVpc_IsNotTaken()
    {
        string a = Pcx("one", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\", \"OwnerId\": \"1\", \"Region\": \"us-east-1\", \"CidrBlock\": \"10.1.0.0/16\"", "\"VpcId\": \"vpc-2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-9\", \"OwnerId\": \"2\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("vpc-2", (string?)null), (p.Accepter.VpcId, p.Accepter.OwnerId));

        // A side without a VPC id may be the same VPC: the fuller one is taken.
        string c = Pcx("three", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"OwnerId\": \"2\", \"Region\": \"eu-west-1\"");
        r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", c));
        p = r.Model.PeeringConnections.Single();
        Assert.Equal(((string?)null, "2"), (p.Accepter.VpcId, p.Accepter.OwnerId));

        // ... also when the main record's side has no id.
        string d = Pcx("four", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\", \"OwnerId\": \"1\", \"Region\": \"us-east-1\", \"CidrBlock\": \"10.1.0.0/16\"", "\"OwnerId\": \"2\"");
        string e = Pcx("five", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\", \"OwnerId\": \"2\"");
        r = AwsTestKit.LoadText(("a/1/pcx.json", d), ("a/2/pcx.json", e));
        p = r.Model.PeeringConnections.Single();
        Assert.Equal(("four", "vpc-2"), (p.Name, p.Accepter.VpcId));
    }

    [Fact]
    public void PeeringMerge_TheNameComesFromTheOtherRecordWhenTheMainOneHasNone()
    {
        string a = """{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"}, "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "1"}, "AccepterVpcInfo": {"VpcId": "vpc-2"}}]}""";
        string b = Pcx("two", string.Empty, "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("two", "a/1/pcx.json"), (p.Name, p.Location.Path));
    }

    [Fact]
    public void NullFlags_ReadAsFalse()
    {
        var r = Load("""
            {"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "IsDefault": null}],
             "VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"VpcId": "vpc-1", "PeeringOptions": {"AllowDnsResolutionFromRemoteVpc": null, "AllowEgressFromLocalClassicLinkToRemoteVpc": null, "AllowEgressFromLocalVpcToRemoteClassicLink": null}},
              "AccepterVpcInfo": {"VpcId": "vpc-2"}}]}
            """);
        Assert.Empty(r.Problems);
        Assert.False(r.Model.Vpcs.Single().IsDefault);
        var o = r.Model.PeeringConnections.Single().Requester.Options;
        Assert.False(o.AllowDnsResolutionFromRemoteVpc || o.AllowEgressFromLocalClassicLinkToRemoteVpc || o.AllowEgressFromLocalVpcToRemoteClassicLink);
    }

    [Fact]
    public void PeeringMerge_SidesThatTellAsMuch_StayTheMainRecords_AndAFullerRequesterIsTaken()
    {
        string a = Pcx("one", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\", \"OwnerId\": \"1\"", "\"VpcId\": \"vpc-2\", \"OwnerId\": \"2\"");
        string b = Pcx("two", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\", \"Region\": \"us-east-1\"", "\"VpcId\": \"vpc-2\", \"Region\": \"eu-west-1\"");
        var r = AwsTestKit.LoadText(("a/1/pcx.json", a), ("a/2/pcx.json", b));
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("one", "1", (string?)null, "2", (string?)null), (p.Name, p.Requester.OwnerId, p.Requester.Region, p.Accepter.OwnerId, p.Accepter.Region));

        // The main record tells more about the accepter, the other more about the requester.
        string c = Pcx("three", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\"", "\"VpcId\": \"vpc-2\", \"OwnerId\": \"2\", \"Region\": \"eu-west-1\", \"CidrBlock\": \"10.2.0.0/16\"");
        string d = Pcx("four", "\"Status\": {\"Code\": \"active\"},", "\"VpcId\": \"vpc-1\", \"OwnerId\": \"1\"", "\"VpcId\": \"vpc-2\"");
        r = AwsTestKit.LoadText(("a/1/pcx.json", c), ("a/2/pcx.json", d));
        p = r.Model.PeeringConnections.Single();
        Assert.Equal(("three", "1", "eu-west-1"), (p.Name, p.Requester.OwnerId, p.Accepter.Region));
    }
}
