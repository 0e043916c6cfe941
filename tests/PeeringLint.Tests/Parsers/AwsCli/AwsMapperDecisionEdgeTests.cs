using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>Decision tests for InstanceMapper, GatewayMapper and EdgeMapper (issue 22).</summary>
public sealed class AwsMapperDecisionEdgeTests
{
    private const string Folder = "accounts/111111111111/eu-west-1/";

    private static LoadResult Load(string json) => AwsTestKit.LoadText((Folder + "x.json", json));

    private static string[] Problems(LoadResult r) => r.Problems.Select(p => $"{p.Severity}: {p.Message}").ToArray();

    // ---- instances, interfaces, addresses ----

    [Fact]
    public void Reservation_WithoutOwner_TakesTheFolderAccount_AndPathsNameTheReservation()
    {
        var r = Load("""
            {"Reservations": [{"ReservationId": "r-1", "Instances": [
              {"InstanceId": "i-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "State": {"Name": "running"}, "Placement": {"AvailabilityZone": "us-west-2c"}},
              "not an instance",
              {"InstanceId": "i-2", "SubnetId": "subnet-1", "VpcId": "vpc-1"}]}]}
            """);
        Assert.Single(AwsTestKit.Errors(r));
        var i = r.Model.Instances;
        Assert.Equal(new[] { "i-1", "i-2" }, i.Select(x => x.Id));
        Assert.Equal(("111111111111", "us-west-2"), (i[0].Account, i[0].Region));
        Assert.Equal("eu-west-1", i[1].Region);
        Assert.Equal("Reservations[0].Instances[2]", i[1].Location.LogicalPath);
        Assert.Equal(PublicIpMode.None, i[1].PublicIp);
    }

    [Fact]
    public void Reservation_WhoseInstancesAreNoList_IsAnError()
    {
        var r = Load("""{"Reservations": [{"ReservationId": "r-1", "OwnerId": "2", "Instances": {"InstanceId": "i-1"}}, {"ReservationId": "r-2", "OwnerId": "2"}]}""");
        Assert.Single(AwsTestKit.Errors(r));
        Assert.Empty(r.Model.Instances);
    }

    [Theory]
    [InlineData("\"State\": {\"Code\": 0, \"Name\": \"pending\"}, ", PublicIpMode.Unknown)]
    [InlineData("\"ImageId\": \"ami-1\", ", PublicIpMode.Unknown)]
    [InlineData("\"State\": {\"Code\": 16, \"Name\": \"running\"}, ", PublicIpMode.None)]
    [InlineData("\"State\": {\"Name\": \"pending\"}, \"PublicIpAddress\": \"54.1.2.3\", ", PublicIpMode.Assigned)]
    public void RunInstancesOutput_WithoutAPublicAddress_IsUnknownOnlyWhilePending(string fields, PublicIpMode mode)
    {
        var r = AwsTestKit.LoadText(("launch/run.json", "{\"OwnerId\": \"123456789012\", \"ReservationId\": \"r-1\", \"Instances\": [{" + fields + "\"InstanceId\": \"i-1\", \"SubnetId\": \"subnet-1\", \"VpcId\": \"vpc-1\"}]}"));
        Assert.Empty(r.Problems);
        var i = r.Model.Instances.Single();
        Assert.Equal(mode, i.PublicIp);
        Assert.Equal("Instances[0]", i.Location.LogicalPath);
        Assert.Equal("123456789012", i.Account);
    }

    [Fact]
    public void Instance_EmptyPublicAddress_IsNone_WithoutALocation()
    {
        var r = Load("""{"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PublicIpAddress": ""}]}]}""");
        var i = r.Model.Instances.Single();
        Assert.Equal((PublicIpMode.None, (string?)null), (i.PublicIp, i.PublicIpAddress));
        Assert.Null(i.PublicIpLocation);
    }

    [Fact]
    public void Instance_InterfacesAndAddresses_AreListedOnceEach()
    {
        var r = Load("""
            {"Reservations": [{"ReservationId": "r-1", "Instances": [{"InstanceId": "i-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.1.5",
              "SecurityGroups": [{"GroupId": "sg-1"}, {"GroupName": "no id"}, {"GroupId": "sg-2"}, {"GroupId": "sg-1"}],
              "NetworkInterfaces": [
                {"NetworkInterfaceId": "eni-1", "PrivateIpAddress": "10.0.1.5", "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5"}, {"PrivateIpAddress": "10.0.1.6"}, {"Primary": false}]},
                {"NetworkInterfaceId": "eni-2", "PrivateIpAddress": "10.0.2.7", "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.6"}]},
                {"NetworkInterfaceId": "eni-1"},
                {"PrivateIpAddress": "10.0.3.8"}]}]}]}
            """);
        Assert.Empty(r.Problems);
        var i = r.Model.Instances.Single();
        Assert.Equal(new[] { "eni-1", "eni-2" }, i.NetworkInterfaceIds);
        Assert.Equal(new[] { "10.0.1.5", "10.0.1.6", "10.0.2.7", "10.0.3.8" }, i.PrivateIpAddresses);
        Assert.Equal(new[] { "sg-1", "sg-2" }, i.SecurityGroupIds);
    }

    [Fact]
    public void TopLevelInstances_FullRecordIsAnInstance_ClassicLinkRecordLinksOne()
    {
        var r = Load("""
            {"Instances": [
              {"InstanceId": "i-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "State": {"Name": "running"}},
              {"InstanceId": "i-1", "VpcId": "vpc-9", "Groups": [], "Tags": []},
              {"InstanceId": "i-2", "VpcId": "vpc-9", "Groups": []},
              {"InstanceId": "i-3", "VpcId": null, "Groups": []}]}
            """);
        var i = r.Model.Instances.OrderBy(x => x.Id).ToArray();
        Assert.Equal(new[] { "i-1", "i-2" }, i.Select(x => x.Id));
        Assert.Equal(("vpc-1", "vpc-9", PublicIpMode.None), (i[0].VpcId, i[0].ClassicLinkVpcId, i[0].PublicIp));
        Assert.Equal((null, "vpc-9", "111111111111", "eu-west-1"), (i[1].VpcId, i[1].ClassicLinkVpcId, i[1].Account, i[1].Region));
    }

    [Fact]
    public void NetworkInterface_AddressesPrimaryFirstOnceEach_RegionFromZone()
    {
        var r = Load("""
            {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "AvailabilityZone": "us-east-2b",
              "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.6"}, {"PrivateIpAddress": "10.0.1.5"}, {"Primary": true}], "PrivateIpAddress": "10.0.1.5",
              "Groups": [{"GroupId": "sg-1"}, {"GroupId": "sg-1"}], "Attachment": {"DeviceIndex": 0}, "Association": {"IpOwnerId": "amazon"}}]}
            """);
        Assert.Empty(r.Problems);
        var n = r.Model.NetworkInterfaces.Single();
        Assert.Equal(new[] { "10.0.1.5", "10.0.1.6" }, n.PrivateIpAddresses);
        Assert.Equal(("us-east-2", "vpc-1", (string?)null, (string?)null), (n.Region, n.VpcId, n.AttachedInstanceId, n.PublicIpAddress));
        Assert.Equal(new[] { "sg-1" }, n.SecurityGroupIds);
    }

    [Fact]
    public void Address_IdIsTheAllocationElseThePublicIp_ElseAnError()
    {
        var r = Load("""
            {"Addresses": [
              {"AllocationId": "eipalloc-1", "PublicIp": "54.1.1.1", "Domain": "vpc", "NetworkBorderGroup": "us-west-2", "Tags": [{"Key": "Name", "Value": "one"}]},
              {"PublicIp": "54.2.2.2", "Domain": "vpc", "NetworkBorderGroup": "us-west-2-lax-1", "NetworkInterfaceId": "eni-1"},
              {"Domain": "vpc", "AssociationId": "eipassoc-3"}]}
            """);
        Assert.Equal(new[] { "Error: an address record has neither 'AllocationId' nor 'PublicIp'; it is skipped" }, Problems(r));
        var e = r.Model.ElasticIps;
        Assert.Equal(new[] { "eipalloc-1", "54.2.2.2" }, e.Select(x => x.Id));
        Assert.Equal(("one", "us-west-2", "54.1.1.1"), (e[0].Name, e[0].Region, e[0].PublicIp));
        Assert.Equal(("eu-west-1", "eni-1", "111111111111"), (e[1].Region, e[1].NetworkInterfaceId, e[1].Account));
    }

    // ---- internet and NAT gateways ----

    [Fact]
    public void InternetGateway_AttachedOrAvailableOrStatelessAttachmentsCount()
    {
        var r = Load("""
            {"InternetGateways": [{"InternetGatewayId": "igw-1", "Attachments": [
              {"State": "available", "VpcId": "vpc-1"}, {"State": "attached", "VpcId": "vpc-2"}, {"VpcId": "vpc-3"},
              {"State": "detached", "VpcId": "vpc-4"}, {"State": "attaching", "VpcId": "vpc-5"}, {"State": "available"}]}]}
            """);
        Assert.Empty(r.Problems);
        Assert.Equal(new[] { "vpc-1", "vpc-2", "vpc-3" }, r.Model.InternetGateways.Single().AttachedVpcIds);
    }

    [Fact]
    public void NatGateway_FieldsConnectivityAndAddresses()
    {
        var r = Load("""
            {"NatGateways": [
              {"NatGatewayId": "nat-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "ConnectivityType": "public", "Tags": [{"Key": "Name", "Value": "n1"}],
               "NatGatewayAddresses": [{"AllocationId": "eipalloc-1", "PublicIp": "54.1.1.1", "PrivateIp": "10.0.0.5", "IsPrimary": false},
                                       {"PublicIp": "54.2.2.2", "PrivateIp": "10.0.0.6", "IsPrimary": true},
                                       "not an address",
                                       {"PrivateIp": "10.0.0.7", "IsPrimary": true}]},
              {"NatGatewayId": "nat-2", "SubnetId": "subnet-2", "ConnectivityType": "private", "NatGatewayAddresses": [{"PrivateIp": "10.0.0.9"}, {"PrivateIp": "10.0.0.10", "IsPrimary": false}]},
              {"NatGatewayId": "nat-3", "SubnetId": "subnet-3", "NatGatewayAddresses": [{"NetworkInterfaceId": "eni-1"}, {"PrivateIp": "10.0.0.11", "IsPrimary": "True"}]},
              {"NatGatewayId": "nat-4", "SubnetId": "subnet-4", "NatGatewayAddresses": "none", "OtherField": 1},
              {"SubnetId": "subnet-5", "VpcId": "vpc-5"}]}
            """);
        Assert.Equal(3, AwsTestKit.Errors(r).Count);
        Assert.Contains("Error: a NAT gateway record has no 'NatGatewayId'; it is skipped", Problems(r));
        var n = r.Model.NatGateways;
        Assert.Equal(new[] { "nat-1", "nat-2", "nat-3", "nat-4" }, n.Select(x => x.Id));
        Assert.Equal(("n1", "subnet-1", "vpc-1", true, "10.0.0.6"), (n[0].Name, n[0].SubnetId, n[0].VpcId, n[0].IsPublic, n[0].PrivateIpAddress));
        Assert.Equal(new[] { "eipalloc-1", "54.2.2.2" }, n[0].ElasticIpIds);
        Assert.Equal(("111111111111", "eu-west-1"), (n[0].Account, n[0].Region));
        Assert.Equal((false, "10.0.0.9", (string?)null), (n[1].IsPublic, n[1].PrivateIpAddress, n[1].VpcId));
        Assert.Empty(n[1].ElasticIpIds);
        Assert.Equal((true, "10.0.0.11"), (n[2].IsPublic, n[2].PrivateIpAddress));
        Assert.Equal(((string?)null, (string?)null), (n[3].PrivateIpAddress, n[3].Name));
    }

    // ---- endpoints, prefix lists, VPN, egress-only gateways ----

    [Theory]
    [InlineData("\"VpcEndpointType\": \"Gateway\", ", VpcEndpointType.Gateway)]
    [InlineData("", VpcEndpointType.Gateway)]
    [InlineData("\"VpcEndpointType\": \"interface\", ", VpcEndpointType.Interface)]
    [InlineData("\"VpcEndpointType\": \"Interface\", ", VpcEndpointType.Interface)]
    [InlineData("\"VpcEndpointType\": \"GatewayLoadBalancer\", ", VpcEndpointType.GatewayLoadBalancer)]
    [InlineData("\"VpcEndpointType\": \"Resource\", ", VpcEndpointType.Unknown)]
    public void VpcEndpoint_Type(string field, VpcEndpointType type)
    {
        var r = Load("{\"VpcEndpoints\": [{\"VpcEndpointId\": \"vpce-1\", \"VpcId\": \"vpc-1\", " + field + "\"ServiceName\": \"com.amazonaws.eu-west-1.s3\"}]}");
        Assert.Empty(r.Problems);
        Assert.Equal(type, r.Model.Of<VpcEndpoint>().Single().Type);
    }

    [Fact]
    public void VpcEndpoint_ListsAndState()
    {
        var r = Load("""
            {"VpcEndpoints": [{"VpcEndpointId": "vpce-1", "VpcId": "vpc-1", "ServiceName": "com.amazonaws.eu-west-1.s3", "State": "pendingAcceptance",
              "RouteTableIds": ["rtb-1", null, "rtb-2"], "SubnetIds": ["subnet-1"], "NetworkInterfaceIds": ["eni-1", "eni-2"],
              "Groups": [{"GroupId": "sg-1", "GroupName": "a"}, {"GroupName": "b"}, {"GroupId": "sg-3"}]},
              {"VpcEndpointId": "vpce-2", "VpcId": "vpc-1", "ServiceName": "x", "RouteTableIds": "rtb-1"}]}
            """);
        Assert.Single(AwsTestKit.Errors(r));
        var e = r.Model.Of<VpcEndpoint>();
        Assert.Equal(("com.amazonaws.eu-west-1.s3", "pendingAcceptance"), (e[0].ServiceName, e[0].State));
        Assert.Equal(new[] { "rtb-1", "rtb-2" }, e[0].RouteTableIds);
        Assert.Equal(new[] { "subnet-1" }, e[0].SubnetIds);
        Assert.Equal(new[] { "eni-1", "eni-2" }, e[0].NetworkInterfaceIds);
        Assert.Equal(new[] { "sg-1", "sg-3" }, e[0].SecurityGroupIds);
        Assert.Empty(e[1].RouteTableIds);
    }

    [Fact]
    public void PrefixList_AccountNameAndEntries()
    {
        var r = Load("""
            {"PrefixLists": [
              {"PrefixListId": "pl-1", "PrefixListName": "com.amazonaws.eu-west-1.s3", "Cidrs": ["52.218.0.0/17", "3.5.64.0/21"]},
              {"PrefixListId": "pl-2", "PrefixListName": "corp", "Tags": [{"Key": "Name", "Value": "Corp"}]},
              {"PrefixListId": "pl-3", "PrefixListName": "com.amazonaws.global.cloudfront", "OwnerId": "999999999999",
               "Entries": [{"Cidr": "10.0.0.0/8", "Description": "a"}, {"Description": "no block"}, {"Cidr": "192.168.0.0/16"}]},
              {"PrefixListId": "pl-4", "Cidrs": "52.0.0.0/8"},
              {"PrefixListId": "pl-5", "PrefixListName": "amazon-ish.com.amazonaws.x", "Entries": []}]}
            """);
        Assert.Single(AwsTestKit.Errors(r));
        var p = r.Model.Of<PrefixList>();
        Assert.Equal(("com.amazonaws.eu-west-1.s3", "AWS", true), (p[0].Name, p[0].Account, p[0].EntriesKnown));
        Assert.Equal(new[] { "52.218.0.0/17", "3.5.64.0/21" }, p[0].Entries.Select(c => c.Text));
        Assert.Equal(("Corp", "corp", "111111111111", false), (p[1].Name, p[1].PrefixListName, p[1].Account, p[1].EntriesKnown));
        Assert.Equal(("999999999999", true), (p[2].Account, p[2].EntriesKnown));
        Assert.Equal(new[] { "10.0.0.0/8", "192.168.0.0/16" }, p[2].Entries.Select(c => c.Text));
        Assert.Equal((true, 0), (p[3].EntriesKnown, p[3].Entries.Count));
        Assert.Equal(("111111111111", true), (p[4].Account, p[4].EntriesKnown));
    }

    [Fact]
    public void VpnGateway_AttachmentsStatesAndAsn()
    {
        var r = Load("""
            {"VpnGateways": [
              {"VpnGatewayId": "vgw-1", "State": "available", "AmazonSideAsn": 64512, "VpcAttachments": [
                {"State": "attached", "VpcId": "vpc-1"}, {"State": "attaching", "VpcId": "vpc-2"}, {"State": "available", "VpcId": "vpc-3"}, {"VpcId": "vpc-4"},
                {"State": "detaching", "VpcId": "vpc-5"}, {"State": "detached", "VpcId": "vpc-6"}, {"State": "attached"}]},
              {"VpnGatewayId": "vgw-2", "AmazonSideAsn": "not a number", "VpcAttachments": []}]}
            """);
        Assert.Empty(r.Problems);
        var g = r.Model.Of<VpnGateway>();
        Assert.Equal(new[] { "vpc-1", "vpc-2", "vpc-3", "vpc-4" }, g[0].AttachedVpcIds);
        Assert.Equal(("available", 64512L), (g[0].State, g[0].AmazonSideAsn));
        Assert.Null(g[1].AmazonSideAsn);
    }

    [Fact]
    public void CustomerGateway_AddressAsnAndState()
    {
        var r = Load("""{"CustomerGateways": [{"CustomerGatewayId": "cgw-1", "IpAddress": "203.0.113.1", "BgpAsn": "65000", "State": "available"}]}""");
        Assert.Empty(r.Problems);
        var c = r.Model.Of<CustomerGateway>().Single();
        Assert.Equal(("203.0.113.1", 65000L, "available"), (c.IpAddress, c.BgpAsn, c.State));
    }

    [Fact]
    public void VpnConnection_GatewaysOptionsAndLiveStaticRoutes()
    {
        var r = Load("""
            {"VpnConnections": [
              {"VpnConnectionId": "vpn-1", "CustomerGatewayId": "cgw-1", "VpnGatewayId": "vgw-1", "State": "available", "Options": {"StaticRoutesOnly": true},
               "Routes": [{"DestinationCidrBlock": "192.168.1.0/24", "State": "available"}, {"DestinationCidrBlock": "192.168.2.0/24", "State": "pending"},
                          {"DestinationCidrBlock": "192.168.3.0/24"}, {"DestinationCidrBlock": "192.168.4.0/24", "State": "deleted"}, {"State": "available"}]},
              {"VpnConnectionId": "vpn-2", "CustomerGatewayId": "cgw-1", "TransitGatewayId": "tgw-1", "Options": {"StaticRoutesOnly": false}},
              {"VpnConnectionId": "vpn-3", "CustomerGatewayId": "cgw-1", "Options": {"EnableAcceleration": false}}]}
            """);
        Assert.Empty(r.Problems);
        var v = r.Model.Of<VpnConnection>();
        Assert.Equal(("cgw-1", "vgw-1", (string?)null, "available", (bool?)true), (v[0].CustomerGatewayId, v[0].VpnGatewayId, v[0].TransitGatewayId, v[0].State, v[0].StaticRoutesOnly));
        Assert.Equal(new[] { "192.168.1.0/24", "192.168.2.0/24", "192.168.3.0/24" }, v[0].StaticRoutes.Select(c => c.Text));
        Assert.Equal(("tgw-1", (bool?)false), (v[1].TransitGatewayId, v[1].StaticRoutesOnly));
        Assert.Null(v[2].StaticRoutesOnly);
    }

    [Fact]
    public void EgressOnlyInternetGateway_Attachments()
    {
        var r = Load("""{"EgressOnlyInternetGateways": [{"EgressOnlyInternetGatewayId": "eigw-1", "Attachments": [{"State": "attached", "VpcId": "vpc-1"}, {"State": "detached", "VpcId": "vpc-2"}]}]}""");
        Assert.Empty(r.Problems);
        Assert.Equal(new[] { "vpc-1" }, r.Model.Of<EgressOnlyInternetGateway>().Single().AttachedVpcIds);
    }

    [Fact]
    public void TopLevelInstances_AFullRecordWithoutState_HasNoPublicAddress()
    {
        // Not run-instances output: a missing PublicIpAddress means none, whatever the state.
        var r = Load("""{"Instances": [{"InstanceId": "i-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.1.5"}]}""");
        Assert.Empty(r.Problems);
        Assert.Equal(PublicIpMode.None, r.Model.Instances.Single().PublicIp);
    }

    [Fact]
    public void NatGateway_WrongTypedField_IsReportedAtItsPath()
    {
        var r = Load("""{"NatGateways": [{"NatGatewayId": "nat-1", "SubnetId": "subnet-1", "VpcId": {"Id": "vpc-1"}}]}""");
        var e = Assert.Single(AwsTestKit.Errors(r));
        Assert.Equal("NatGateways[0].VpcId", e.Location.LogicalPath);
        Assert.Null(r.Model.NatGateways.Single().VpcId);
    }
}
