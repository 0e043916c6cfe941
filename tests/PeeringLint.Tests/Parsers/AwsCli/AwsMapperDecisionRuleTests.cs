using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>Decision tests for RouteTableMapper, SecurityGroupMapper and NetworkAclMapper (issue 22).</summary>
public sealed class AwsMapperDecisionRuleTests
{
    private static LoadResult Load(string json) => AwsTestKit.LoadText(("x.json", json));

    private static string[] Problems(LoadResult r) => r.Problems.Select(p => $"{p.Severity}: {p.Message}").ToArray();

    private static RouteTable Table(string associations, string routes = "[]", string extra = "")
    {
        var r = Load("{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-1\", " + extra + "\"Associations\": " + associations + ", \"Routes\": " + routes + "}]}");
        Assert.Empty(r.Problems);
        return r.Model.RouteTables.Single();
    }

    [Theory]
    [InlineData("associated", true)]
    [InlineData("associating", true)]
    [InlineData("disassociating", false)]
    [InlineData("disassociated", false)]
    [InlineData("failed", false)]
    public void RouteTable_OnlyLiveAssociationsCount(string state, bool live)
    {
        var t = Table($$$"""[{"Main": true, "AssociationState": {"State": "{{{state}}}"}}, {"Main": false, "SubnetId": "subnet-1", "AssociationState": {"State": "{{{state}}}"}}]""");
        Assert.Equal(live, t.IsMain);
        Assert.Equal(live ? new[] { "subnet-1" } : new string[0], t.SubnetIds);
    }

    [Fact]
    public void RouteTable_AssociationWithoutAState_IsLive_AndOneMainAssociationAnywhereMakesTheTableMain()
    {
        var t = Table("""[{"Main": false, "SubnetId": "subnet-1"}, {"Main": true, "AssociationState": {"StatusMessage": "x"}}, {"Main": false, "SubnetId": "subnet-2", "AssociationState": {"State": null}}, {"SubnetId": "subnet-3"}]""");
        Assert.True(t.IsMain);
        Assert.Equal(new[] { "subnet-1", "subnet-2", "subnet-3" }, t.SubnetIds);
    }

    [Fact]
    public void RouteTable_WithoutMainAssociation_IsNotMain()
    {
        var t = Table("""[{"SubnetId": "subnet-1"}, {"Main": false, "SubnetId": "subnet-2"}]""");
        Assert.False(t.IsMain);
        Assert.True(t.PropagatedRoutesListed);
    }

    [Fact]
    public void RouteTable_PropagatingGateways_AreListed()
    {
        var t = Table("[]", extra: """ "PropagatingVgws": [{"GatewayId": "vgw-1"}, {"Other": "x"}, {"GatewayId": "vgw-2"}], """);
        Assert.Equal(new[] { "vgw-1", "vgw-2" }, t.PropagatingVgwIds);
    }

    [Theory]
    [InlineData("\"DestinationCidrBlock\": \"10.1.0.0/16\", \"DestinationIpv6CidrBlock\": \"2600:1f18::/56\"", "10.1.0.0/16")]
    [InlineData("\"DestinationIpv6CidrBlock\": \"2600:1f18::/56\", \"DestinationCidrBlock\": \"10.1.0.0/16\"", "2600:1f18::/56")]
    public void Route_TheFirstDestinationFieldWins(string fields, string expected)
    {
        var t = Table("[]", "[{" + fields + ", \"GatewayId\": \"igw-1\"}]");
        Assert.Equal(expected, t.Routes.Single().Destination!.Text);
    }

    [Theory]
    [InlineData("\"State\": \"blackhole\"", RouteState.Blackhole, RouteOrigin.CreateRoute)]
    [InlineData("\"State\": \"active\", \"Origin\": \"CreateRoute\"", RouteState.Active, RouteOrigin.CreateRoute)]
    [InlineData("\"Origin\": \"CreateRouteTable\"", RouteState.Active, RouteOrigin.CreateRouteTable)]
    [InlineData("\"Origin\": \"EnableVgwRoutePropagation\"", RouteState.Active, RouteOrigin.EnableVgwRoutePropagation)]
    [InlineData("\"Origin\": \"Something\", \"State\": \"pending\"", RouteState.Active, RouteOrigin.CreateRoute)]
    public void Route_StateAndOrigin(string fields, RouteState state, RouteOrigin origin)
    {
        var t = Table("[]", "[{\"DestinationCidrBlock\": \"10.1.0.0/16\", \"GatewayId\": \"vgw-1\", " + fields + "}]");
        var route = t.Routes.Single();
        Assert.Equal((state, origin), (route.State, route.Origin));
    }

    [Theory]
    [InlineData("\"NetworkInterfaceId\": \"eni-1\", \"InstanceId\": \"i-1\"", RouteTargetKind.Instance, "i-1")]
    [InlineData("\"GatewayId\": \"igw-1\", \"VpcPeeringConnectionId\": \"pcx-1\"", RouteTargetKind.VpcPeeringConnection, "pcx-1")]
    [InlineData("\"VpcPeeringConnectionId\": \"pcx-1\", \"GatewayId\": \"igw-1\"", RouteTargetKind.VpcPeeringConnection, "pcx-1")]
    [InlineData("\"GatewayId\": \"\", \"NatGatewayId\": \"nat-1\"", RouteTargetKind.NatGateway, "nat-1")]
    [InlineData("\"TransitGatewayId\": \"tgw-1\", \"NatGatewayId\": \"nat-1\"", RouteTargetKind.NatGateway, "nat-1")]
    [InlineData("\"GatewayId\": \"local\", \"NetworkInterfaceId\": \"eni-1\"", RouteTargetKind.Local, "local")]
    [InlineData("\"GatewayId\": \"gw-unknown\"", RouteTargetKind.Unknown, "gw-unknown")]
    public void Route_TheTargetFieldOfHighestPrecedenceNamesTheNextHop_WhateverTheOrder(string fields, RouteTargetKind kind, string id)
    {
        var t = Table("[]", "[{\"DestinationCidrBlock\": \"10.1.0.0/16\", " + fields + "}]");
        var route = t.Routes.Single();
        Assert.Equal((kind, id), (route.TargetKind, route.TargetId));
    }

    [Fact]
    public void Route_WithoutDestinationOrTarget_IsAWarningEach()
    {
        var r = Load("""
            {"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": [
              {"GatewayId": "igw-1"},
              {"DestinationCidrBlock": "10.1.0.0/16"},
              {"DestinationPrefixListId": "pl-1", "GatewayId": "vpce-1"}]}]}
            """);
        Assert.Equal(
            new[]
            {
                "Warning: a route has no 'DestinationCidrBlock', 'DestinationIpv6CidrBlock' or 'DestinationPrefixListId'; its destination is unknown",
                "Warning: a route names no target (GatewayId, NatGatewayId, VpcPeeringConnectionId, ...); its target is unknown",
            },
            Problems(r));
        var routes = r.Model.RouteTables.Single().Routes;
        Assert.Equal(3, routes.Count);
        Assert.Equal((RouteTargetKind.Unknown, (string?)null), (routes[1].TargetKind, routes[1].TargetId));
        Assert.Equal("pl-1", routes[2].DestinationPrefixListId);
    }

    // ---- security groups ----

    private static SecurityGroup Group(string permissions, string egress = "[]", string extra = "")
    {
        var r = Load("{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"VpcId\": \"vpc-1\", " + extra + "\"IpPermissions\": " + permissions + ", \"IpPermissionsEgress\": " + egress + "}]}");
        Assert.Empty(r.Problems);
        return r.Model.SecurityGroups.Single();
    }

    [Theory]
    [InlineData("\"GroupName\": \"web\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"tagged\"}], ", "tagged", "web")]
    [InlineData("\"GroupName\": \"web\", ", "web", "web")]
    [InlineData("", null, null)]
    public void SecurityGroup_NameTagFirst_ThenGroupName(string fields, string? name, string? groupName)
    {
        var g = Group("[]", extra: fields);
        Assert.Equal((name, groupName), (g.Name, g.GroupName));
    }

    [Fact]
    public void SecurityGroup_UnknownOrMissingProtocol_IsAWarningAndUnknown()
    {
        var r = Load("""
            {"SecurityGroups": [{"GroupId": "sg-1", "VpcId": "vpc-1", "IpPermissions": [
              {"IpProtocol": "sctp-ish", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]},
              {"FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]}
            """);
        Assert.Equal(
            new[] { "Warning: unknown IpProtocol 'sctp-ish'; the rule's protocol is unknown", "Warning: a permission has no 'IpProtocol'; its protocol is unknown" },
            Problems(r));
        var rules = r.Model.SecurityGroups.Single().Ingress;
        Assert.All(rules, x => Assert.Null(x.Protocol));
        Assert.Equal((22, 22), (rules[1].FromPort!.Value, rules[1].ToPort!.Value));
    }

    [Theory]
    [InlineData("\"-1\"", null, null)]
    [InlineData("\"tcp\"", 0, 65535)]
    [InlineData("\"17\"", 0, 65535)]
    public void SecurityGroup_AllTraffic_DropsThePorts(string protocol, int? from, int? to)
    {
        var g = Group("[{\"IpProtocol\": " + protocol + ", \"FromPort\": 0, \"ToPort\": 65535, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}]");
        var rule = g.Ingress.Single();
        Assert.Equal((from, to), (rule.FromPort, rule.ToPort));
    }

    [Fact]
    public void SecurityGroup_PeerWithoutItsField_IsAWarningAndAnUnknownPeer()
    {
        var r = Load("""
            {"SecurityGroups": [{"GroupId": "sg-1", "VpcId": "vpc-1", "IpPermissions": [
              {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443,
               "IpRanges": [{"Description": "no block"}],
               "Ipv6Ranges": [{"CidrIpv6": "2600:1f18::/56", "Description": "v6"}],
               "PrefixListIds": [{"PrefixListId": "pl-1", "Description": "s3"}, {"Description": "no list"}]}]}]}
            """);
        Assert.Equal(
            new[] { "Warning: a rule peer has no 'CidrIp'; the rule's peer is unknown", "Warning: a rule peer has no 'PrefixListId'; the rule's peer is unknown" },
            Problems(r));
        var rules = r.Model.SecurityGroups.Single().Ingress;
        Assert.Equal(
            new[] { (SgPeerKind.Cidr, (string?)null, (string?)null, (string?)"no block"), (SgPeerKind.Cidr, "2600:1f18::/56", null, "v6"), (SgPeerKind.PrefixList, null, "pl-1", "s3"), (SgPeerKind.PrefixList, null, null, "no list") },
            rules.Select(x => (x.PeerKind, x.Cidr?.Text, x.PrefixListId, x.Description)));
    }

    [Fact]
    public void SecurityGroup_GroupPairs_NamedByIdOrName_ElseUnknown()
    {
        var r = Load("""
            {"SecurityGroups": [{"GroupId": "sg-1", "VpcId": "vpc-1", "IpPermissions": [], "IpPermissionsEgress": [
              {"IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "UserIdGroupPairs": [
                {"GroupName": "classic-group", "UserId": "111111111111", "Description": "by name"},
                {"UserId": "111111111111"},
                {"GroupId": "sg-2"}]}]}]}
            """);
        Assert.Equal(new[] { "Warning: a group pair names no 'GroupId'; the rule's peer is unknown" }, Problems(r));
        var rules = r.Model.SecurityGroups.Single().Egress;
        Assert.Equal(new[] { SgPeerKind.SecurityGroup, SgPeerKind.Unknown, SgPeerKind.SecurityGroup }, rules.Select(x => x.PeerKind));
        Assert.All(rules, x => Assert.Equal((RuleDirection.Egress, 17, 53, 53), (x.Direction, x.Protocol!.Value, x.FromPort!.Value, x.ToPort!.Value)));
        Assert.Equal(("by name", "111111111111", (string?)null), (rules[0].Description, rules[0].GroupOwnerId, rules[0].GroupId));
        Assert.Equal("sg-2", rules[2].GroupId);
    }

    [Fact]
    public void SecurityGroup_RuleWithoutDescription_HasNone()
    {
        var g = Group("[{\"IpProtocol\": \"tcp\", \"FromPort\": 22, \"ToPort\": 22, \"IpRanges\": [{\"CidrIp\": \"10.0.0.0/8\"}]}]");
        var rule = g.Ingress.Single();
        Assert.Equal(((string?)null, "10.0.0.0/8", RuleDirection.Ingress), (rule.Description, rule.Cidr!.Text, rule.Direction));
    }

    // ---- network ACLs ----

    private static LoadResult Acl(string entries, string associations = "[]", string extra = "") =>
        Load("{\"NetworkAcls\": [{\"NetworkAclId\": \"acl-1\", \"VpcId\": \"vpc-1\", " + extra + "\"Associations\": " + associations + ", \"Entries\": " + entries + "}]}");

    [Fact]
    public void NetworkAcl_AssociationsWithoutSubnet_AreLeftOut_AndIsDefaultDefaultsToFalse()
    {
        var r = Acl("[]", """[{"NetworkAclAssociationId": "aclassoc-1"}, {"SubnetId": "subnet-2"}, {"SubnetId": ""}]""");
        Assert.Empty(r.Problems);
        var acl = r.Model.NetworkAcls.Single();
        Assert.Equal(new[] { "subnet-2" }, acl.SubnetIds);
        Assert.False(acl.IsDefault);
    }

    [Fact]
    public void NetworkAcl_IsDefaultIsRead()
    {
        var r = Acl("[]", extra: "\"IsDefault\": true, ");
        Assert.True(r.Model.NetworkAcls.Single().IsDefault);
    }

    [Theory]
    [InlineData("\"Protocol\": \"xyz\"", "Warning: unknown Protocol 'xyz'; the entry's protocol is unknown", null)]
    [InlineData("\"Protocol\": null", null, null)]
    [InlineData("\"Egress\": false", null, null)]
    [InlineData("\"Protocol\": \"tcp\"", null, 6)]
    public void NetworkAclEntry_Protocol(string field, string? warning, int? protocol)
    {
        var r = Acl("[{\"RuleNumber\": 100, \"RuleAction\": \"allow\", \"CidrBlock\": \"0.0.0.0/0\", " + field + "}]");
        Assert.Equal(warning is null ? new string[0] : new[] { warning }, Problems(r));
        Assert.Equal(protocol, r.Model.NetworkAcls.Single().Entries.Single().Protocol);
    }

    [Theory]
    [InlineData("\"RuleAction\": \"allow\"", AclAction.Allow, false)]
    [InlineData("\"RuleAction\": \"deny\"", AclAction.Deny, false)]
    [InlineData("\"RuleAction\": \"ALLOW\"", AclAction.Deny, true)]
    [InlineData("\"Egress\": true", AclAction.Deny, false)]
    public void NetworkAclEntry_Action(string field, AclAction action, bool warned)
    {
        var r = Acl("[{\"RuleNumber\": 100, \"Protocol\": \"-1\", \"CidrBlock\": \"0.0.0.0/0\", " + field + "}]");
        Assert.Equal(warned ? new[] { "Warning: unknown RuleAction 'ALLOW'; the entry is taken as deny" } : new string[0], Problems(r));
        Assert.Equal(action, r.Model.NetworkAcls.Single().Entries.Single().Action);
    }

    [Theory]
    [InlineData("\"CidrBlock\": \"10.0.0.0/8\", \"Ipv6CidrBlock\": \"::/0\"", "10.0.0.0/8")]
    [InlineData("\"Ipv6CidrBlock\": \"::/0\", \"CidrBlock\": \"10.0.0.0/8\"", "::/0")]
    public void NetworkAclEntry_TheFirstBlockFieldWins(string fields, string expected)
    {
        var r = Acl("[{\"RuleNumber\": 100, \"Protocol\": \"-1\", \"RuleAction\": \"allow\", " + fields + "}]");
        Assert.Equal(expected, r.Model.NetworkAcls.Single().Entries.Single().Cidr!.Text);
    }

    [Fact]
    public void NetworkAclEntry_PortsAndIcmp_PartlyGivenOrNoObject()
    {
        var r = Acl("""
            [{"RuleNumber": 100, "Protocol": "6", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 1024}},
             {"RuleNumber": 110, "Protocol": "6", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"To": 2048}},
             {"RuleNumber": 120, "Protocol": "1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "IcmpTypeCode": {"Type": 8}},
             {"RuleNumber": 130, "Protocol": "1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "IcmpTypeCode": {"Code": 0}},
             {"RuleNumber": 140, "Protocol": "6", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": null, "IcmpTypeCode": null}]
            """);
        var e = r.Model.NetworkAcls.Single().Entries;
        Assert.Equal((1024, (int?)null), (e[0].FromPort, e[0].ToPort));
        Assert.Equal(((int?)null, 2048), (e[1].FromPort, e[1].ToPort));
        Assert.Equal((8, (int?)null), (e[2].IcmpType, e[2].IcmpCode));
        Assert.Equal(((int?)null, 0), (e[3].IcmpType, e[3].IcmpCode));
        Assert.Equal(((int?)null, (int?)null, (int?)null, (int?)null), (e[4].FromPort, e[4].ToPort, e[4].IcmpType, e[4].IcmpCode));
    }

    [Fact]
    public void NetworkAclEntry_WithoutRuleNumber_IsAnErrorAndSkipped()
    {
        var r = Acl("""[{"Protocol": "-1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}, {"RuleNumber": 200, "Protocol": "-1", "RuleAction": "deny", "CidrBlock": "0.0.0.0/0", "Egress": true}]""");
        Assert.Equal(new[] { "Error: a network ACL entry has no 'RuleNumber'; it is skipped" }, Problems(r));
        var entry = r.Model.NetworkAcls.Single().Entries.Single();
        Assert.Equal((200, true, AclAction.Deny, -1), (entry.RuleNumber, entry.Egress, entry.Action, entry.Protocol!.Value));
    }

    [Fact]
    public void NullFlags_ReadAsFalse()
    {
        var t = Table("""[{"Main": null, "SubnetId": "subnet-1"}]""");
        Assert.False(t.IsMain);
        var r = Acl("""[{"RuleNumber": 100, "Egress": null, "Protocol": "-1", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}]""", extra: "\"IsDefault\": null, ");
        Assert.Empty(r.Problems);
        var acl = r.Model.NetworkAcls.Single();
        Assert.False(acl.IsDefault);
        Assert.False(acl.Entries.Single().Egress);
    }

    [Fact]
    public void RouteTable_TwoMainAssociations_StillMain()
    {
        var t = Table("""[{"Main": true}, {"Main": true}]""");
        Assert.True(t.IsMain);
    }

    [Fact]
    public void Route_DuplicatedTargetField_TheFirstValueNamesTheHop()
    {
        var r = Load("""{"RouteTables": [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "igw-1", "GatewayId": "igw-2"}]}]}""");
        Assert.Equal(new[] { "Error: duplicate key 'GatewayId' in a JSON object" }, Problems(r));
        Assert.Equal("igw-1", r.Model.RouteTables.Single().Routes.Single().TargetId);
    }
}
