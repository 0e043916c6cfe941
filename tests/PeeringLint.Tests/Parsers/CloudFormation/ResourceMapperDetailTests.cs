using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>
/// More decisions of the CloudFormation resource mapper (issue 22, the survivors of its first mutation run): which
/// kinds a run covers when a kind appears twice or last, which of two properties wins, what every element takes from
/// its stack and tags, the default security group's rules, and where a problem inside a rule points.
/// </summary>
public sealed class ResourceMapperDetailTests
{
    private const string Head =
        "Parameters:\n  P:\n    Type: String\nResources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16, Tags: [{Key: Name, Value: prod}]}}\n";

    private static readonly Dictionary<string, string> Stack = new() { ["AWS::AccountId"] = "111122223333", ["AWS::Region"] = "eu-west-1" };

    private static LoadResult Load(string resources, Dictionary<string, string>? parameters = null) =>
        CfnTestKit.Load(parameters, ("t.yaml", Head + resources));

    // ------------------------------------------------------------------ coverage

    [Fact]
    public void A_kind_declared_twice_stays_covered()
    {
        var load = Load(
            "  Vpc2: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}\n" +
            "  S1: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  S2: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}\n" +
            "  G1: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  G2: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  Acl1: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}\n" +
            "  Acl2: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}\n" +
            "  I1: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref S1}}\n" +
            "  I2: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref S1}}\n" +
            "  E1: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  E2: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  Vgw1: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}\n" +
            "  Vgw2: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}\n" +
            "  Cgw1: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: 198.51.100.1, BgpAsn: 65000}}\n" +
            "  Cgw2: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: 198.51.100.2, BgpAsn: 65000}}\n" +
            "  Vpn1: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, VpnGatewayId: !Ref Vgw1, CustomerGatewayId: !Ref Cgw1}}\n" +
            "  Vpn2: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, VpnGatewayId: !Ref Vgw2, CustomerGatewayId: !Ref Cgw2}}\n" +
            "  Tgw1: {Type: AWS::EC2::TransitGateway}\n" +
            "  Tgw2: {Type: AWS::EC2::TransitGateway}\n" +
            "  Trt1: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Tgw1}}\n" +
            "  Trt2: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Tgw1}}\n" +
            "  Att1: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: !Ref Tgw1, VpcId: !Ref Vpc, SubnetIds: [!Ref S1]}}\n" +
            "  Att2: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: !Ref Tgw2, VpcId: !Ref Vpc, SubnetIds: [!Ref S2]}}\n" +
            "  Peer1: {Type: AWS::EC2::TransitGatewayPeeringAttachment, Properties: {TransitGatewayId: !Ref Tgw1, PeerTransitGatewayId: !Ref Tgw2}}\n" +
            "  Peer2: {Type: AWS::EC2::TransitGatewayPeeringAttachment, Properties: {TransitGatewayId: !Ref Tgw2, PeerTransitGatewayId: !Ref Tgw1}}\n" +
            "  Rt1: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  Rt2: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n");
        Assert.Empty(load.Problems);
        foreach (var k in new[]
        {
            ResourceKinds.Vpcs, ResourceKinds.RouteTables, ResourceKinds.Subnets, ResourceKinds.SecurityGroups, ResourceKinds.NetworkAcls,
            ResourceKinds.Instances, ResourceKinds.ElasticIps, ResourceKinds.VpnGateways, ResourceKinds.CustomerGateways, ResourceKinds.VpnConnections,
            ResourceKinds.TransitGateways, ResourceKinds.TransitGatewayRouteTables, ResourceKinds.TransitGatewayAttachments,
        })
        {
            Assert.True(load.Model.Covers(k), k.ToString());
        }
    }

    [Theory]
    [InlineData("  Rt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n")]
    [InlineData("  Tgw: {Type: AWS::EC2::TransitGateway}\n  Peer: {Type: AWS::EC2::TransitGatewayPeeringAttachment, Properties: {TransitGatewayId: !Ref Tgw, PeerTransitGatewayId: tgw-9}}\n")]
    public void The_last_resource_adds_its_kind_to_those_already_covered(string last)
    {
        var load = Load("  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" + last);
        Assert.True(load.Model.Covers(ResourceKinds.Vpcs));
        Assert.True(load.Model.Covers(ResourceKinds.Subnets));
        Assert.True(load.Model.Covers(ResourceKinds.RouteTables)); // the VPC's main table, and Rt
    }

    [Theory]
    [InlineData("TransitGatewayVpcAttachment", "VpcId: !Ref Vpc, SubnetIds: [subnet-1]")]
    [InlineData("TransitGatewayPeeringAttachment", "PeerTransitGatewayId: tgw-9")]
    public void Two_attachments_of_one_kind_stay_covered(string type, string properties)
    {
        var load = Load(
            "  Tgw: {Type: AWS::EC2::TransitGateway}\n" +
            "  A1: {Type: AWS::EC2::" + type + ", Properties: {TransitGatewayId: !Ref Tgw, " + properties + "}}\n" +
            "  A2: {Type: AWS::EC2::" + type + ", Properties: {TransitGatewayId: !Ref Tgw, " + properties + "}}\n");
        Assert.Equal(2, load.Model.Of<TransitGatewayAttachment>().Count);
        Assert.True(load.Model.Covers(ResourceKinds.TransitGatewayAttachments));
    }

    [Fact]
    public void A_default_group_a_rule_names_adds_to_the_covered_groups()
    {
        var load = Load(
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  In: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !GetAtt Vpc.DefaultSecurityGroup, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.9.0.0/16}}\n");
        Assert.Empty(load.Problems);
        Assert.True(load.Model.Covers(ResourceKinds.SecurityGroups));
        Assert.True(load.Model.Covers(ResourceKinds.Vpcs));
        Assert.Equal(2, load.Model.SecurityGroups.Count);
    }

    [Fact]
    public void A_template_beside_a_tutorial_topology_keeps_what_the_topology_covers()
    {
        const string topology = "name: t\nvpcs:\n  - name: a\n    cidr: 10.5.0.0/16\n";
        var load = CfnTestKit.Load(("net.yaml", topology), ("t.yaml", Head));
        Assert.Contains(load.Model.Vpcs, v => v.Id == "Vpc");
        Assert.Equal(2, load.Model.Vpcs.Count);
        Assert.True(load.Model.Covers(ResourceKinds.Vpcs));
        Assert.True(load.Model.Covers(ResourceKinds.RouteTables));
        Assert.True(load.Model.Covers(ResourceKinds.Subnets)); // the topology's: it declares the whole network
    }

    // ------------------------------------------------------------------ which property wins

    [Fact]
    public void A_route_or_acl_entry_naming_both_families_keeps_the_ipv4_destination()
    {
        var load = Load(
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  R: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationCidrBlock: 10.1.0.0/16, DestinationIpv6CidrBlock: '2600::/56', VpcPeeringConnectionId: pcx-1}}\n" +
            "  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}\n" +
            "  E: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: -1, RuleAction: allow, CidrBlock: 10.2.0.0/16, Ipv6CidrBlock: '2600::/56'}}\n");
        Assert.Equal("10.1.0.0/16", load.Model.RouteTables.Single(t => t.Id == "T").Routes.Single().Destination!.ToString());
        Assert.Equal("10.2.0.0/16", load.Model.NetworkAcls.Single().Entries.Single().Cidr!.ToString());
    }

    [Fact]
    public void A_standalone_rule_naming_a_group_id_and_a_group_name_goes_to_the_id()
    {
        var load = Load(
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  H: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: h, VpcId: !Ref Vpc}}\n" +
            "  In: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref G, GroupName: !Ref H, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.9.0.0/16}}\n");
        Assert.Single(load.Model.SecurityGroups.Single(g => g.Id == "G").Ingress);
        Assert.Empty(load.Model.SecurityGroups.Single(g => g.Id == "H").Ingress);
    }

    [Fact]
    public void A_standalone_rule_for_a_parameter_group_marks_nothing_incomplete()
    {
        var load = Load(
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  In: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref P, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.9.0.0/16}}\n");
        var g = load.Model.SecurityGroups.Single();
        Assert.False(g.RulesIncomplete);
        Assert.Empty(g.Ingress);
    }

    [Fact]
    public void An_eip_association_takes_the_allocation_id_before_the_address_and_keeps_what_the_eip_already_names()
    {
        var load = Load(
            "  I: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-1}}\n" +
            "  J: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-1}}\n" +
            "  E1: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  E2: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  Own: {Type: AWS::EC2::EIP, Properties: {InstanceId: !Ref I}}\n" +
            "  Eni: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  A1: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt E1.AllocationId, EIP: !Ref E2, InstanceId: !Ref J}}\n" +
            "  A2: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Own.AllocationId, InstanceId: !Ref J}}\n" +
            "  A3: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Eni.AllocationId, NetworkInterfaceId: eni-1}}\n" +
            "  A4: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Eni.AllocationId, NetworkInterfaceId: eni-2}}\n");
        Assert.Empty(load.Problems);
        ElasticIp E(string id) => load.Model.ElasticIps.Single(e => e.Id == id);
        Assert.Equal("J", E("E1").InstanceId);
        Assert.Null(E("E2").InstanceId);
        Assert.Null(E("E2").AssociationId);
        Assert.Equal("I", E("Own").InstanceId);
        Assert.Equal("A2", E("Own").AssociationId);
        Assert.Equal("eni-1", E("Eni").NetworkInterfaceId);
        Assert.Equal("A4", E("Eni").AssociationId);
    }

    // ------------------------------------------------------------------ what each element takes from its stack and tags

    [Fact]
    public void Gateways_groups_acls_and_transit_gateway_tables_take_their_name_suppressions_account_and_region()
    {
        const string meta = "    Metadata: {peeringlint: {ignore: [PL9999]}}\n";
        var load = Load(
            "  Igw:\n    Type: AWS::EC2::InternetGateway\n" + meta + "    Properties: {Tags: [{Key: Name, Value: igw-name}]}\n" +
            "  G:\n    Type: AWS::EC2::SecurityGroup\n" + meta + "    Properties: {GroupDescription: g, GroupName: web, VpcId: !Ref Vpc, Tags: [{Key: Name, Value: sg-name}]}\n" +
            "  Acl:\n    Type: AWS::EC2::NetworkAcl\n" + meta + "    Properties: {VpcId: !Ref Vpc, Tags: [{Key: Name, Value: acl-name}]}\n" +
            "  Hub: {Type: AWS::EC2::TransitGateway, Properties: {DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable}}\n" +
            "  Trt:\n    Type: AWS::EC2::TransitGatewayRouteTable\n" + meta + "    Properties: {TransitGatewayId: !Ref Hub, Tags: [{Key: Name, Value: trt-name}]}\n" +
            "  Pcx: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-2}}\n",
            Stack);
        Assert.Empty(load.Problems);
        var elements = new Element[]
        {
            load.Model.InternetGateways.Single(),
            load.Model.SecurityGroups.Single(),
            load.Model.NetworkAcls.Single(),
            load.Model.Of<TransitGatewayRouteTable>().Single(),
        };
        Assert.Equal(new[] { "igw-name", "sg-name", "acl-name", "trt-name" }, elements.Select(e => e.Name).ToArray());
        foreach (var e in elements)
        {
            Assert.Equal(new[] { "PL9999" }, e.IgnoredRules.ToArray());
            Assert.NotNull(e.IgnoreLocation);
            Assert.Equal(("111122223333", "eu-west-1"), (e.Account, e.Region));
        }

        Assert.Equal("web", load.Model.SecurityGroups.Single().GroupName);
        var trt = load.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.True(trt.RoutesKnown);
        Assert.True(trt.PropagationsKnown);
        var pcx = load.Model.PeeringConnections.Single();
        Assert.Equal(("111122223333", "eu-west-1"), (pcx.Requester.OwnerId, pcx.Requester.Region));
        Assert.Equal(("111122223333", "eu-west-1"), (pcx.Accepter.OwnerId, pcx.Accepter.Region));
    }

    // ------------------------------------------------------------------ the default security group

    [Fact]
    public void The_default_group_admits_all_traffic_from_itself_and_sends_all_to_anywhere()
    {
        var load = Load("  In: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !GetAtt Vpc.DefaultSecurityGroup, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.9.0.0/16}}\n", Stack);
        Assert.Empty(load.Problems);
        var g = load.Model.SecurityGroups.Single();
        Assert.Equal(("prod default security group", "default", "Vpc"), (g.Name, g.GroupName, g.VpcId));
        Assert.Equal(("111122223333", "eu-west-1"), (g.Account, g.Region));
        Assert.Equal(2, g.Ingress.Count);
        var self = g.Ingress[0];
        Assert.Equal((RuleDirection.Ingress, -1, SgPeerKind.SecurityGroup, g.Id), (self.Direction, self.Protocol!.Value, self.PeerKind, self.GroupId!));
        Assert.Null(self.FromPort);
        Assert.Contains("from the group itself", self.Description);
        Assert.Equal(("10.9.0.0/16", 6), (g.Ingress[1].Cidr!.ToString(), g.Ingress[1].Protocol!.Value));
        var all = g.Egress.Single();
        Assert.Equal((RuleDirection.Egress, -1, SgPeerKind.Cidr, "0.0.0.0/0"), (all.Direction, all.Protocol!.Value, all.PeerKind, all.Cidr!.ToString()));
        Assert.Contains("to 0.0.0.0/0", all.Description);
    }

    [Fact]
    public void No_default_group_is_made_for_a_vpc_that_is_not_created()
    {
        // AWS does not allow Fn::GetAtt in a condition; read anyway, it names the VPC's default group before the
        // VPC's own condition (evaluated later, in resource order) leaves the VPC out.
        string yaml = "Conditions:\n  Weird: !Equals [!GetAtt Gone.DefaultSecurityGroup, sg-1]\n  Never: !Equals [a, b]\nResources:\n" +
            "  X: {Type: AWS::EC2::VPC, Condition: Weird, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
            "  Gone: {Type: AWS::EC2::VPC, Condition: Never, Properties: {CidrBlock: 10.1.0.0/16}}\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        Assert.Empty(load.Problems);
        Assert.Equal("X", load.Model.Vpcs.Single().Id);
        Assert.Empty(load.Model.SecurityGroups);
    }

    // ------------------------------------------------------------------ problems and their place

    [Fact]
    public void A_bad_peer_is_reported_with_its_path_in_the_rule_list_or_alone()
    {
        var load = Load(
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 1, ToPort: 1, CidrIp: 10.1.0.0/16}, {IpProtocol: tcp, FromPort: 1, ToPort: 1, CidrIp: [10.0.0.0/8]}]}}\n" +
            "  In: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref G, IpProtocol: tcp, FromPort: 2, ToPort: 2, SourcePrefixListId: [pl-1]}}\n");
        Assert.Single(load.Problems, p => p.Message.Contains("expected a CIDR string for 'SecurityGroupIngress/1/CidrIp', found a list"));
        Assert.Single(load.Problems, p => p.Message.Contains("expected an id for 'SourcePrefixListId', found a list"));
        Assert.Equal(2, load.Problems.Count);
    }

    [Theory]
    [InlineData("sg-1", "a string")]
    [InlineData("{Id: sg-1}", "a mapping")]
    public void An_id_list_given_as_a_string_or_a_mapping_is_reported(string value, string found)
    {
        var load = Load("  I: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-1, SecurityGroupIds: " + value + "}}\n");
        Assert.Single(load.Problems, p => p.Message.Contains("expected a list for 'SecurityGroupIds', found " + found));
        Assert.Empty(load.Model.Instances.Single().SecurityGroupIds);
    }

    // ------------------------------------------------------------------ transit gateway attachments

    [Theory]
    [InlineData("", false, true)]
    [InlineData(", Options: {}", false, true)]
    [InlineData(", Options: {ApplianceModeSupport: disable}", false, true)]
    [InlineData(", Options: {ApplianceModeSupport: !Ref P}", false, false)]
    [InlineData(", Options: !Ref P", false, false)]
    [InlineData(", Options: [ApplianceModeSupport]", false, false)]
    public void Appliance_mode_is_known_unless_the_options_or_the_setting_are_unresolved(string options, bool enabled, bool known)
    {
        var load = Load("  A: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: tgw-1, VpcId: !Ref Vpc, SubnetIds: [subnet-1]" + options + "}}\n");
        var a = load.Model.Of<TransitGatewayAttachment>().Single();
        Assert.Equal((enabled, known), (a.ApplianceMode, a.ApplianceModeKnown));
    }
}

/// <summary>AWS::EC2::TransitGateway's TransitGatewayCidrBlocks: the gateway's own ranges (Connect peers' GRE addresses).</summary>
public sealed class TransitGatewayCidrBlockMappingTests
{
    private static IReadOnlyList<CidrValue> Blocks(string property, string parameters = "")
    {
        var load = CfnTestKit.Load(("t.yaml",
            "Parameters:\n  Free:\n    Type: String\n  List:\n    Type: CommaDelimitedList\n" + parameters +
            "Resources:\n  Tgw:\n    Type: AWS::EC2::TransitGateway\n    Properties:\n" + property));
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error && !p.Message.Contains("expected a CIDR", System.StringComparison.Ordinal));
        return load.Model.Of<TransitGateway>().Single().CidrBlocks;
    }

    [Fact]
    public void A_list_of_literals_and_references_is_read_item_by_item()
    {
        var blocks = Blocks("      TransitGatewayCidrBlocks: [10.10.0.0/24, !Ref Free, 'fd00::/64']\n");
        Assert.Equal(new[] { "10.10.0.0/24", "<unknown>", "fd00::/64" }, blocks.Select(b => b.ToString()));
        Assert.Equal("t.yaml:10:34", $"{blocks[0].Location.Path}:{blocks[0].Location.StartLine}:{blocks[0].Location.StartColumn}");
    }

    [Fact]
    public void No_property_is_no_block() =>
        Assert.Empty(Blocks("      AmazonSideAsn: 64512\n"));

    [Theory]
    [InlineData("      TransitGatewayCidrBlocks: !Ref List\n")]
    [InlineData("      TransitGatewayCidrBlocks: 10.10.0.0/24\n")]
    public void A_value_that_is_not_a_known_list_is_one_unknown_block(string property)
    {
        var blocks = Blocks(property);
        Assert.True(blocks.Single().IsUnknown);
    }
}
