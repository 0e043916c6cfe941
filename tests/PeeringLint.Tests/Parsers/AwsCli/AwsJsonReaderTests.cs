using System;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.AwsCli;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

public sealed class AwsJsonReaderTests
{
    [Theory]
    [InlineData("{\"Vpcs\": []}", true)]
    [InlineData("{\"Reservations\": [], \"NextToken\": \"x\"}", true)]
    [InlineData("{\"status_code\": 200, \"data\": {\"SecurityGroups\": [], \"ResponseMetadata\": {}}}", true)]
    [InlineData("{\"version\": \"1.0\", \"examples\": {\"DescribeVpcs\": []}}", true)]
    [InlineData("{\"name\": \"pkg\", \"version\": \"1.0.0\", \"dependencies\": {}}", false)]
    [InlineData("{\"Resources\": {}, \"Vpcs\": []}", false)]
    [InlineData("{\"TransitGateways\": []}", true)]
    [InlineData("{\"LoadBalancers\": []}", false)]
    [InlineData("{\"Routes\": [{\"DestinationCidrBlock\": \"10.0.0.0/16\", \"Type\": \"static\"}], \"AdditionalRoutesAvailable\": false}", true)]
    [InlineData("{\"RouteTableId\": \"rtb-1\", \"Routes\": [], \"Associations\": []}", true)]
    [InlineData("{\"Routes\": [{\"path\": \"/\"}]}", false)]
    [InlineData("[{\"VpcId\": \"vpc-1\"}]", false)]
    public void RecognisesByTopLevelKey(string json, bool expected)
    {
        var doc = SourceDocument.FromUtf8("x.json", System.Text.Encoding.UTF8.GetBytes(json));
        var root = JsonDecoder.Decode(doc, System.Text.Encoding.UTF8.GetBytes(json), new())!;
        Assert.Equal(expected, new AwsJsonFormat().Recognizes(root));
    }

    [Fact]
    public void MergedFileWithSeveralKeysAndEmptyLists()
    {
        var r = AwsTestKit.LoadText(("all.json", """
            {
                "Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "111111111111", "IsDefault": true}],
                "Subnets": [{"SubnetId": "subnet-1", "VpcId": "vpc-1", "CidrBlock": "10.0.1.0/24", "AvailabilityZone": "eu-west-1b"}],
                "VpcPeeringConnections": [],
                "NatGateways": []
            }
            """));
        Assert.Empty(r.Problems);
        var m = r.Model;
        Assert.Equal(ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.PeeringConnections | ResourceKinds.NatGateways, m.Coverage);
        var vpc = Assert.Single(m.Vpcs);
        Assert.True(vpc.IsDefault);
        Assert.Equal(("111111111111", "eu-west-1"), (vpc.Account, vpc.Region));
        var subnet = Assert.Single(m.Subnets);
        Assert.Equal(("eu-west-1b", false, "111111111111"), (subnet.AvailabilityZone, subnet.MapPublicIpOnLaunch, subnet.Account));
    }

    [Fact]
    public void UnrelatedJsonInAFolderIsSkipped()
    {
        var r = AwsTestKit.LoadText(
            ("dump/package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}"),
            ("dump/vpcs.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}]}"));
        Assert.Empty(r.Problems);
        Assert.Equal(new[] { "dump/package.json" }, r.Skipped);
        Assert.Single(r.Model.Vpcs);
    }

    [Fact]
    public void WrongTypesAreReportedWithLocationsAndOtherFilesStillLoad()
    {
        var r = AwsTestKit.LoadText(
            ("a/bad.json", """
            {
                "Vpcs": {"VpcId": "vpc-1"},
                "Subnets": [
                    {"SubnetId": "subnet-1", "VpcId": "vpc-2", "CidrBlock": ["10.0.0.0/24"], "MapPublicIpOnLaunch": "sometimes"},
                    "subnet-2"
                ]
            }
            """),
            ("a/good.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-2\", \"CidrBlock\": \"10.0.0.0/16\"}]}"));
        var errors = AwsTestKit.Errors(r).Select(p => p.ToString()).ToArray();
        Assert.Equal(
            new[]
            {
                "a/bad.json:2:13: error: expected a list for 'Vpcs', found a mapping",
                "a/bad.json:4:65: error: expected a CIDR string for 'CidrBlock', found a list",
                "a/bad.json:4:105: error: expected true or false for 'MapPublicIpOnLaunch', found 'sometimes'",
                "a/bad.json:5:9: error: expected an object for an item of 'Subnets', found a string",
            },
            errors);
        Assert.Single(r.Model.Vpcs);
        var subnet = Assert.Single(r.Model.Subnets);
        Assert.Null(subnet.Ipv4Cidr);
    }

    [Fact]
    public void InvalidCidrIsKeptForPL1004()
    {
        var r = AwsTestKit.LoadText(("vpcs.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.300/16\"}]}"));
        Assert.Empty(r.Problems);
        var c = r.Model.Vpcs[0].Ipv4Cidrs.Single();
        Assert.Equal(CidrParseStatus.Malformed, c.Status);
        var f = Assert.Single(LintEngine.Run(r.Model).Findings);
        Assert.Equal(("PL1004", "vpcs.json:1:43"), (f.RuleId, f.Location.ToString()));
    }

    [Theory]
    [InlineData("\"GatewayId\": \"local\"", RouteTargetKind.Local, "local")]
    [InlineData("\"GatewayId\": \"igw-1\"", RouteTargetKind.InternetGateway, "igw-1")]
    [InlineData("\"GatewayId\": \"vgw-1\"", RouteTargetKind.VirtualPrivateGateway, "vgw-1")]
    [InlineData("\"GatewayId\": \"vpce-1\"", RouteTargetKind.VpcEndpoint, "vpce-1")]
    [InlineData("\"EgressOnlyInternetGatewayId\": \"eigw-1\"", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1")]
    [InlineData("\"NatGatewayId\": \"nat-1\"", RouteTargetKind.NatGateway, "nat-1")]
    [InlineData("\"VpcPeeringConnectionId\": \"pcx-1\"", RouteTargetKind.VpcPeeringConnection, "pcx-1")]
    [InlineData("\"TransitGatewayId\": \"tgw-1\"", RouteTargetKind.TransitGateway, "tgw-1")]
    [InlineData("\"NetworkInterfaceId\": \"eni-1\"", RouteTargetKind.NetworkInterface, "eni-1")]
    [InlineData("\"InstanceId\": \"i-1\", \"InstanceOwnerId\": \"1\", \"NetworkInterfaceId\": \"eni-1\"", RouteTargetKind.Instance, "i-1")]
    [InlineData("\"CarrierGatewayId\": \"cagw-1\"", RouteTargetKind.CarrierGateway, "cagw-1")]
    [InlineData("\"LocalGatewayId\": \"lgw-1\"", RouteTargetKind.LocalGateway, "lgw-1")]
    [InlineData("\"CoreNetworkArn\": \"arn:aws:networkmanager::1:core-network/x\"", RouteTargetKind.CoreNetwork, "arn:aws:networkmanager::1:core-network/x")]
    public void RouteTargets(string target, RouteTargetKind kind, string id)
    {
        var r = AwsTestKit.LoadText(("rt.json", "{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-1\", \"Routes\": [{\"DestinationCidrBlock\": \"0.0.0.0/0\", " + target + ", \"State\": \"active\"}]}]}"));
        Assert.Empty(r.Problems);
        var route = r.Model.RouteTables[0].Routes.Single();
        Assert.Equal((kind, id), (route.TargetKind, route.TargetId));
    }

    [Fact]
    public void RouteTableAssociationsRoutesAndDestinations()
    {
        var r = AwsTestKit.LoadText(("rt.json", """
            {"RouteTables": [{
                "RouteTableId": "rtb-1", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "main"}],
                "Associations": [
                    {"Main": true, "RouteTableAssociationId": "rtbassoc-1", "RouteTableId": "rtb-1", "AssociationState": {"State": "associated"}},
                    {"Main": false, "SubnetId": "subnet-1", "AssociationState": {"State": "associated"}},
                    {"Main": false, "SubnetId": "subnet-2", "AssociationState": {"State": "disassociated"}}
                ],
                "Routes": [
                    {"DestinationIpv6CidrBlock": "2600:1f18::/56", "GatewayId": "local", "Origin": "CreateRouteTable", "State": "active"},
                    {"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-1", "Origin": "CreateRoute", "State": "active"},
                    {"DestinationCidrBlock": "172.16.0.0/12", "GatewayId": "vgw-1", "Origin": "EnableVgwRoutePropagation", "State": "active"},
                    {"DestinationCidrBlock": "10.9.0.0/16", "VpcPeeringConnectionId": "pcx-9", "Origin": "CreateRoute", "State": "blackhole"}
                ]
            }]}
            """));
        Assert.Empty(r.Problems);
        var t = r.Model.RouteTables.Single();
        Assert.Equal(("main", true), (t.Name, t.IsMain));
        Assert.Equal(new[] { "subnet-1" }, t.SubnetIds);
        Assert.Equal("2600:1f18::/56", t.Routes[0].Destination!.Text);
        Assert.Equal(RouteOrigin.CreateRouteTable, t.Routes[0].Origin);
        Assert.Equal(("pl-63a5400a", null), (t.Routes[1].DestinationPrefixListId, t.Routes[1].Destination));
        Assert.Equal(RouteOrigin.EnableVgwRoutePropagation, t.Routes[2].Origin);
        Assert.Equal(RouteState.Blackhole, t.Routes[3].State);
        Assert.Equal("RouteTables[0].Routes[3]", t.Routes[3].Location.LogicalPath);
    }

    [Theory]
    [InlineData("-1", -1)]
    [InlineData("tcp", 6)]
    [InlineData("6", 6)]
    [InlineData("udp", 17)]
    [InlineData("icmp", 1)]
    [InlineData("icmpv6", 58)]
    [InlineData("50", 50)]
    public void SecurityGroupProtocols(string protocol, int number) => Assert.Equal(number, SecurityGroupMapper.Protocol(protocol));

    [Fact]
    public void SecurityGroupPermissionsAreFlattenedOnePeerPerRule()
    {
        var r = AwsTestKit.LoadText(("sg.json", """
            {
                "SecurityGroups": [
                    {
                        "GroupId": "sg-1",
                        "GroupName": "default",
                        "VpcId": "vpc-1",
                        "OwnerId": "111111111111",
                        "IpPermissions": [
                            {
                                "IpProtocol": "tcp",
                                "FromPort": 22,
                                "ToPort": 22,
                                "IpRanges": [{"CidrIp": "10.0.0.0/16"}, {"CidrIp": "10.1.0.0/16", "Description": "peer"}],
                                "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
                                "PrefixListIds": [{"PrefixListId": "pl-1"}],
                                "UserIdGroupPairs": [
                                    {"GroupId": "sg-1", "UserId": "111111111111"},
                                    {"GroupId": "sg-9", "UserId": "222222222222", "VpcId": "vpc-9", "VpcPeeringConnectionId": "pcx-1", "PeeringStatus": "active"}
                                ]
                            },
                            {"IpProtocol": "icmp", "FromPort": 8, "ToPort": -1, "IpRanges": [{"CidrIp": "10.1.0.0/16"}]}
                        ],
                        "IpPermissionsEgress": [
                            {"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}], "Ipv6Ranges": [], "PrefixListIds": [], "UserIdGroupPairs": []}
                        ]
                    }
                ]
            }
            """));
        Assert.Empty(r.Problems);
        var g = r.Model.SecurityGroups.Single();
        Assert.True(g.IsDefault);
        Assert.Equal(7, g.Ingress.Count);
        Assert.All(g.Ingress.Take(6), x => Assert.Equal((6, 22, 22), (x.Protocol!.Value, x.FromPort!.Value, x.ToPort!.Value)));
        Assert.Equal(new[] { SgPeerKind.Cidr, SgPeerKind.Cidr, SgPeerKind.Cidr, SgPeerKind.PrefixList, SgPeerKind.SecurityGroup, SgPeerKind.SecurityGroup, SgPeerKind.Cidr }, g.Ingress.Select(x => x.PeerKind));
        Assert.Equal("peer", g.Ingress[1].Description);
        Assert.Equal("::/0", g.Ingress[2].Cidr!.Text);
        Assert.Equal("pl-1", g.Ingress[3].PrefixListId);
        var peerGroup = g.Ingress[5];
        Assert.Equal(("sg-9", "222222222222", "vpc-9", "pcx-1"), (peerGroup.GroupId, peerGroup.GroupOwnerId, peerGroup.GroupVpcId, peerGroup.PeeringConnectionId));
        Assert.Equal("SecurityGroups[0].IpPermissions[0].UserIdGroupPairs[1]", peerGroup.Location.LogicalPath);
        Assert.Equal("13:61", AwsTestKit.At(g.Ingress[1].Location));
        Assert.Equal("13:72", AwsTestKit.At(g.Ingress[1].Cidr!.Location));
        Assert.Equal((1, 8, -1), (g.Ingress[6].Protocol!.Value, g.Ingress[6].FromPort!.Value, g.Ingress[6].ToPort!.Value));
        var egress = Assert.Single(g.Egress);
        Assert.Equal((RuleDirection.Egress, -1, (int?)null), (egress.Direction, egress.Protocol!.Value, egress.FromPort));
    }

    [Fact]
    public void NetworkAclEntriesAndAssociations()
    {
        var r = AwsTestKit.LoadText(("acl.json", """
            {"NetworkAcls": [{
                "NetworkAclId": "acl-1", "VpcId": "vpc-1", "IsDefault": true,
                "Associations": [{"NetworkAclAssociationId": "aclassoc-1", "NetworkAclId": "acl-1", "SubnetId": "subnet-1"}],
                "Entries": [
                    {"RuleNumber": 100, "Egress": false, "Protocol": "6", "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}},
                    {"RuleNumber": 110, "Egress": false, "Protocol": "1", "RuleAction": "allow", "CidrBlock": "10.1.0.0/16", "IcmpTypeCode": {"Type": -1, "Code": -1}},
                    {"RuleNumber": 120, "Egress": true, "Protocol": "-1", "RuleAction": "allow", "Ipv6CidrBlock": "::/0"},
                    {"RuleNumber": 32767, "Egress": false, "Protocol": "-1", "RuleAction": "deny", "CidrBlock": "0.0.0.0/0"}
                ]
            }]}
            """));
        Assert.Empty(r.Problems);
        var acl = r.Model.NetworkAcls.Single();
        Assert.True(acl.IsDefault);
        Assert.Equal(new[] { "subnet-1" }, acl.SubnetIds);
        var e = acl.Entries;
        Assert.Equal((100, false, 6, AclAction.Allow, 22, 22), (e[0].RuleNumber, e[0].Egress, e[0].Protocol!.Value, e[0].Action, e[0].FromPort!.Value, e[0].ToPort!.Value));
        Assert.Equal((1, -1, -1), (e[1].Protocol!.Value, e[1].IcmpType!.Value, e[1].IcmpCode!.Value));
        Assert.Equal((true, "::/0"), (e[2].Egress, e[2].Cidr!.Text));
        Assert.Equal((32767, AclAction.Deny), (e[3].RuleNumber, e[3].Action));
    }

    [Fact]
    public void InstancesInterfacesAndAddresses()
    {
        var r = AwsTestKit.LoadText(
            ("accounts/123456789012/eu-west-1/Reservations.json", """
            {"Reservations": [{"OwnerId": "123456789012", "Instances": [
                {
                    "InstanceId": "i-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.1.5",
                    "PublicIpAddress": "54.1.2.3", "Placement": {"AvailabilityZone": "eu-west-1a"}, "State": {"Code": 16, "Name": "running"},
                    "SecurityGroups": [{"GroupId": "sg-1", "GroupName": "default"}],
                    "Tags": [{"Key": "Name", "Value": "web"}],
                    "NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "PrivateIpAddresses": [{"PrivateIpAddress": "10.0.1.5", "Primary": true}, {"PrivateIpAddress": "10.0.1.6", "Primary": false}]}]
                },
                {"InstanceId": "i-2", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.1.7", "State": {"Name": "stopped"}}
            ]}]}
            """),
            ("accounts/123456789012/eu-west-1/NetworkInterfaces.json", """
            {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "InterfaceType": "interface",
              "Attachment": {"InstanceId": "i-1"}, "Association": {"PublicIp": "54.1.2.3"}, "Groups": [{"GroupId": "sg-1"}],
              "PrivateIpAddress": "10.0.1.5", "TagSet": [{"Key": "Name", "Value": "web-eni"}]}]}
            """),
            ("accounts/123456789012/eu-west-1/Addresses.json", """
            {"Addresses": [
                {"AllocationId": "eipalloc-1", "PublicIp": "54.1.2.3", "InstanceId": "i-1", "AssociationId": "eipassoc-1", "NetworkInterfaceId": "eni-1", "Domain": "vpc"},
                {"PublicIp": "54.9.9.9", "Domain": "standard", "InstanceId": ""}
            ]}
            """));
        Assert.Empty(r.Problems);
        var m = r.Model;
        var i1 = m.Instances[0];
        Assert.Equal(("web", "running", PublicIpMode.Assigned, "54.1.2.3"), (i1.Name, i1.State, i1.PublicIp, i1.PublicIpAddress));
        Assert.Equal(new[] { "10.0.1.5", "10.0.1.6" }, i1.PrivateIpAddresses);
        Assert.Equal(new[] { "sg-1" }, i1.SecurityGroupIds);
        Assert.Equal(new[] { "eni-1" }, i1.NetworkInterfaceIds);
        Assert.Equal(("123456789012", "eu-west-1"), (i1.Account, i1.Region));
        Assert.NotNull(i1.PublicIpLocation);
        Assert.Equal(PublicIpMode.None, m.Instances[1].PublicIp);

        var eni = m.NetworkInterfaces.Single();
        Assert.Equal(("web-eni", "i-1", "54.1.2.3", "interface"), (eni.Name, eni.AttachedInstanceId, eni.PublicIpAddress, eni.InterfaceType));
        Assert.Equal(new[] { "sg-1" }, eni.SecurityGroupIds);

        Assert.Equal(new[] { "eipalloc-1", "54.9.9.9" }, m.ElasticIps.Select(e => e.Id));
        Assert.True(m.ElasticIps[0].IsAssociated);
        Assert.False(m.ElasticIps[1].IsAssociated);
        Assert.All(m.ElasticIps, e => Assert.Equal(("123456789012", "eu-west-1"), (e.Account, e.Region)));
    }

    [Fact]
    public void FolderAndFileNameHints()
    {
        var r = AwsTestKit.LoadText(
            ("snap/Vpcs-ap-south-1.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}]}"),
            ("snap/999999999999/eu-central-1/ec2-describe-vpcs.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-2\", \"CidrBlock\": \"10.1.0.0/16\"}]}"),
            ("snap/us-gov-west-1/RouteTables.json", "{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-9\", \"Routes\": []}]}"));
        Assert.Empty(r.Problems);
        Assert.Equal(((string?)null, "ap-south-1"), (r.Model.Vpcs[1].Account, r.Model.Vpcs[1].Region));
        Assert.Equal(("999999999999", "eu-central-1"), (r.Model.Vpcs[0].Account, r.Model.Vpcs[0].Region));
        Assert.Equal("us-gov-west-1", r.Model.RouteTables[0].Region);
    }

    [Fact]
    public void CrossRegionPeeringToAVpcNotInTheInputIsExternal()
    {
        var r = AwsTestKit.LoadText(("pcx.json", """
            {
                "Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "OwnerId": "111111111111"}],
                "VpcPeeringConnections": [{
                    "VpcPeeringConnectionId": "pcx-1",
                    "Status": {"Code": "active", "Message": "Active"},
                    "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "111111111111", "Region": "us-east-1", "CidrBlock": "10.0.0.0/16"},
                    "AccepterVpcInfo": {"VpcId": "vpc-ext", "OwnerId": "222222222222", "Region": "eu-west-1", "CidrBlock": "10.0.0.0/24",
                        "CidrBlockSet": [{"CidrBlock": "10.0.0.0/24"}, {"CidrBlock": "10.5.0.0/16"}],
                        "Ipv6CidrBlockSet": [{"Ipv6CidrBlock": "2600:1f18:1::/56"}]}
                }]
            }
            """));
        Assert.Empty(r.Problems);
        var p = r.Model.PeeringConnections.Single();
        Assert.True(p.IsInterRegion);
        Assert.Equal(new[] { "10.0.0.0/24", "10.5.0.0/16" }, p.Accepter.Ipv4Cidrs.Select(c => c.Text));
        Assert.Equal("2600:1f18:1::/56", p.Accepter.Ipv6Cidrs.Single().Text);
        Assert.Equal("us-east-1", r.Model.Vpcs[0].Region);

        // The external side's CIDRs come from the peering record: the overlap with vpc-1 is reported.
        var f = Assert.Single(LintEngine.Run(r.Model).Findings);
        Assert.Equal("PL1001", f.RuleId);
    }

    [Fact]
    public void SamePeeringFromTwoAccountsPrefersTheFullerRecord()
    {
        const string Deleted = """{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"}, "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "1"}, "AccepterVpcInfo": {"VpcId": "vpc-2", "OwnerId": "2"}}]}""";
        const string Full = """{"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"}, "Tags": [{"Key": "Name", "Value": "one"}], "RequesterVpcInfo": {"VpcId": "vpc-1", "OwnerId": "1", "Region": "us-east-1", "CidrBlock": "10.1.0.0/16"}, "AccepterVpcInfo": {"VpcId": "vpc-2", "OwnerId": "2", "Region": "us-east-1", "CidrBlock": "10.2.0.0/16", "PeeringOptions": {"AllowDnsResolutionFromRemoteVpc": true}}}]}""";
        var r = AwsTestKit.LoadText(("a/1/pcx.json", Deleted), ("a/2/pcx.json", Full));
        Assert.Empty(r.Problems);
        var p = r.Model.PeeringConnections.Single();
        Assert.Equal(("one", "a/2/pcx.json"), (p.Name, p.Location.Path));
        Assert.True(p.Accepter.Options.AllowDnsResolutionFromRemoteVpc);
        Assert.Equal("10.1.0.0/16", p.Requester.Ipv4Cidrs.Single().Text);
    }

    [Fact]
    public void DuplicateRecordsInDifferentFilesAreNotedNotErrors()
    {
        const string Vpcs = "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}]}";
        var r = AwsTestKit.LoadText(("x/a.json", Vpcs), ("x/b.json", Vpcs));
        var note = Assert.Single(r.Problems);
        Assert.Equal(InputProblemSeverity.Note, note.Severity);
        Assert.Equal("x/b.json:1:11: note: VPC 'vpc-1' is described again; keeping the first description at x/a.json:1:11", note.ToString());
        Assert.Single(r.Model.Vpcs);
    }

    [Fact]
    public void ClassicLinkOutputsAnnotateVpcsAndInstances()
    {
        var r = AwsTestKit.LoadText(
            ("c/ClassicLink.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"ClassicLinkEnabled\": true, \"Tags\": []}]}"),
            ("c/ClassicLinkInstances.json", "{\"Instances\": [{\"InstanceId\": \"i-classic\", \"VpcId\": \"vpc-1\", \"Groups\": [{\"GroupId\": \"sg-1\"}], \"Tags\": []}]}"),
            ("c/Vpcs.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}]}"));
        Assert.Empty(r.Problems);
        var vpc = Assert.Single(r.Model.Vpcs);
        Assert.True(vpc.ClassicLinkEnabled);
        Assert.Equal("vpc-1", r.Model.Instances.Single().ClassicLinkVpcId);
        Assert.False(r.Model.Covers(ResourceKinds.Instances));
    }

    [Fact]
    public void PlaceboRecordingsAreUnwrappedAndLaterCallsWin()
    {
        const string Call1 = """{"status_code": 200, "data": {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "a", "VpcId": "vpc-1", "IpPermissions": []}], "ResponseMetadata": {"RetryAttempts": 0}}}""";
        const string Call2 = """{"status_code": 200, "data": {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "a", "VpcId": "vpc-1", "IpPermissions": [{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}], "ResponseMetadata": {"HTTPHeaders": {"date": {"__class__": "datetime", "year": 2020, "month": 1, "day": 2, "hour": 3, "minute": 4, "second": 5, "microsecond": 0}}}}}""";
        const string Call10 = """{"status_code": 200, "data": {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "a", "VpcId": "vpc-1", "IpPermissions": [{"IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]}]}}""";
        var r = AwsTestKit.LoadText(("t/ec2.DescribeSecurityGroups_1.json", Call1), ("t/ec2.DescribeSecurityGroups_10.json", Call10), ("t/ec2.DescribeSecurityGroups_2.json", Call2));
        Assert.Empty(r.Problems);
        var g = r.Model.SecurityGroups.Single();
        Assert.Equal(17, g.Ingress.Single().Protocol);
        Assert.Equal("data.SecurityGroups[0]", g.Location.LogicalPath);
    }

    [Fact]
    public void RecordWithoutIdIsAnError()
    {
        var r = AwsTestKit.LoadText(("v.json", "{\"Vpcs\": [{\"CidrBlock\": \"10.0.0.0/16\"}]}"));
        var e = Assert.Single(r.Problems);
        Assert.Equal("v.json:1:11: error: a VPC record has no 'VpcId'; it is skipped", e.ToString());
        Assert.Empty(r.Model.Vpcs);
        Assert.True(r.Model.Covers(ResourceKinds.Vpcs));
    }

    [Fact]
    public void VpcCidrAssociationsPrimaryFirstWithStates()
    {
        var r = AwsTestKit.LoadText(("v.json", """
            {"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16",
              "CidrBlockAssociationSet": [
                {"CidrBlock": "10.5.0.0/16", "CidrBlockState": {"State": "associating"}},
                {"CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}}],
              "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18::/56", "Ipv6CidrBlockState": {"State": "associated"}, "Ipv6Pool": "Amazon"}]}]}
            """));
        Assert.Empty(r.Problems);
        var v = r.Model.Vpcs.Single();
        Assert.Equal(new[] { ("10.0.0.0/16", CidrAssociationState.Associated), ("10.5.0.0/16", CidrAssociationState.Associating) }, v.Ipv4Cidrs.Select(c => (c.Text!, c.State)));
        Assert.Equal("2600:1f18::/56", v.Ipv6Cidrs.Single().Text);
    }

    [Fact]
    public void ExplicitUnrecognisedFileIsAnError()
    {
        var r = new InputLoader().Load(new[] { InputSource.FromText("package.json", "{\"name\": \"x\"}") });
        Assert.True(r.HasErrors);
    }
}
