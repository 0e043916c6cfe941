using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>
/// The decisions of the CloudFormation resource mapper (issue 22, mutation testing): each test pins one choice
/// between alternatives — known or unknown, this table or none, assigned or not — that a changed condition would flip.
/// </summary>
public sealed class ResourceMapperDecisionTests
{
    private const string Head =
        "Parameters:\n  P:\n    Type: String\nResources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n";

    private static LoadResult Load(string resources) => CfnTestKit.Load(("t.yaml", Head + resources));

    // ------------------------------------------------------------------ VPC CIDR blocks

    [Fact]
    public void Vpc_cidr_block_resources_add_known_and_unknown_blocks_to_their_vpc_only()
    {
        var load = Load(
            "  Other: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.9.0.0/16}}\n" +
            "  B1: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/16}}\n" +
            "  B2: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, Ipv4IpamPoolId: ipam-pool-1, Ipv4NetmaskLength: 20}}\n" +
            "  B3: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, Ipv6CidrBlock: '2600:1f18::/56'}}\n" +
            "  B4: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, AmazonProvidedIpv6CidrBlock: true}}\n" +
            "  B5: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: vpc-elsewhere, CidrBlock: 10.2.0.0/16}}\n");
        Assert.Empty(load.Problems);
        var vpc = load.Model.Vpcs.Single(v => v.Id == "Vpc");
        Assert.Equal(new[] { "10.0.0.0/16", "10.1.0.0/16", "<unknown>" }, vpc.Ipv4Cidrs.Select(c => c.ToString()).ToArray());
        Assert.Equal(new[] { "2600:1f18::/56", "<unknown>" }, vpc.Ipv6Cidrs.Select(c => c.ToString()).ToArray());
        var other = load.Model.Vpcs.Single(v => v.Id == "Other");
        Assert.Equal(new[] { "10.9.0.0/16" }, other.Ipv4Cidrs.Select(c => c.ToString()).ToArray());
        Assert.Empty(other.Ipv6Cidrs);
    }

    [Theory]
    [InlineData("AmazonProvidedIpv6CidrBlock: false", 0)]
    [InlineData("AmazonProvidedIpv6CidrBlock: true", 1)]
    [InlineData("Ipv6Pool: pool-1", 1)]
    [InlineData("Ipv6IpamPoolId: ipam-pool-6", 1)]
    [InlineData("CidrBlock: 10.1.0.0/16", 0)]
    public void An_ipv6_block_is_unknown_only_when_amazon_or_a_pool_provides_it(string property, int v6)
    {
        var load = Load("  B: {Type: AWS::EC2::VPCCidrBlock, Properties: {VpcId: !Ref Vpc, " + property + "}}\n");
        var vpc = load.Model.Vpcs.Single();
        Assert.Equal(v6, vpc.Ipv6Cidrs.Count);
        Assert.All(vpc.Ipv6Cidrs, c => Assert.True(c.IsUnknown));
    }

    [Fact]
    public void A_vpc_without_a_cidr_block_has_an_unknown_block()
    {
        var load = Load("  Ipam: {Type: AWS::EC2::VPC, Properties: {Ipv4IpamPoolId: ipam-pool-1}}\n");
        var c = Assert.Single(load.Model.Vpcs.Single(v => v.Id == "Ipam").Ipv4Cidrs);
        Assert.True(c.IsUnknown);
        Assert.Contains(load.Model.RouteTables, t => t.IsMain && t.VpcId == "Ipam");
    }

    // ------------------------------------------------------------------ subnets

    [Theory]
    [InlineData("CidrBlock: 10.0.1.0/24", "10.0.1.0/24", false, null)]
    [InlineData("Ipv6Native: true, Ipv6CidrBlock: '2600:1f18::/64'", null, false, "2600:1f18::/64")]
    [InlineData("Ipv6Native: false", "<unknown>", false, null)]
    [InlineData("Ipv4IpamPoolId: p", "<unknown>", false, null)]
    public void Subnet_blocks(string properties, string? v4, bool mapPublic, string? v6)
    {
        var load = Load("  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, " + properties + "}}\n");
        var s = load.Model.Subnets.Single();
        Assert.Equal(v4, s.Ipv4Cidr?.ToString());
        Assert.Equal(mapPublic, s.MapPublicIpOnLaunch);
        Assert.Equal(v6, s.Ipv6Cidrs.SingleOrDefault()?.ToString());
        Assert.Equal("Vpc", s.VpcId);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData(", MapPublicIpOnLaunch: true", true)]
    [InlineData(", MapPublicIpOnLaunch: false", false)]
    [InlineData(", MapPublicIpOnLaunch: !Ref P", null)]
    public void MapPublicIpOnLaunch_defaults_to_false_and_is_unknown_when_unresolved(string property, bool? expected)
    {
        var load = Load("  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24" + property + "}}\n");
        Assert.Equal(expected, load.Model.Subnets.Single().MapPublicIpOnLaunch);
    }

    // ------------------------------------------------------------------ routes and associations

    [Fact]
    public void Routes_go_to_their_table_and_associations_are_listed_once()
    {
        var load = Load(
            "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  U: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  A1: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref T, SubnetId: !Ref S}}\n" +
            "  A2: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref T, SubnetId: !Ref S}}\n" +
            "  A3: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: !Ref T, SubnetId: !Ref P}}\n" +
            "  A4: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {RouteTableId: rtb-elsewhere, SubnetId: !Ref S}}\n" +
            "  R1: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: pcx-1}}\n" +
            "  R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationIpv6CidrBlock: '::/0', EgressOnlyInternetGatewayId: eigw-1}}\n" +
            "  R3: {Type: AWS::EC2::Route, Properties: {RouteTableId: rtb-elsewhere, DestinationCidrBlock: 10.2.0.0/16, VpcPeeringConnectionId: pcx-1}}\n");
        Assert.Empty(load.Problems);
        var t = load.Model.RouteTables.Single(x => x.Id == "T");
        Assert.Equal(new[] { "S" }, t.SubnetIds.ToArray());
        Assert.Equal(new[] { "10.1.0.0/16", "::/0" }, t.Routes.Select(r => r.Destination!.ToString()).ToArray());
        Assert.Equal(new[] { RouteTargetKind.VpcPeeringConnection, RouteTargetKind.EgressOnlyInternetGateway }, t.Routes.Select(r => r.TargetKind).ToArray());
        Assert.Equal(new[] { "R1", "R2" }, t.Routes.Select(r => r.DeclaringId).ToArray());
        Assert.False(t.RoutesIncomplete);
        var u = load.Model.RouteTables.Single(x => x.Id == "U");
        Assert.Empty(u.Routes);
        Assert.Empty(u.SubnetIds);
        Assert.False(u.RoutesIncomplete);
    }

    [Fact]
    public void A_route_to_an_unresolved_table_marks_only_the_tables_of_its_own_template_incomplete()
    {
        string a = "Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n" +
            "  VpcA: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
            "  TA: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref VpcA}}\n" +
            "  TB: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref VpcA}}\n" +
            "  R: {Type: AWS::EC2::Route, Properties: {RouteTableId: !If [C, !Ref TA, !Ref TB], DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: pcx-1}}\n";
        string b = "Resources:\n  VpcB: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}\n  TC: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref VpcB}}\n";
        var load = CfnTestKit.Load(("a.yaml", a), ("b.yaml", b));
        Assert.True(load.Model.RouteTables.Single(t => t.Id == "TA").RoutesIncomplete);
        Assert.True(load.Model.RouteTables.Single(t => t.Id == "TB").RoutesIncomplete);
        Assert.False(load.Model.RouteTables.Single(t => t.Id == "TC").RoutesIncomplete);
        Assert.False(load.Model.RouteTables.Single(t => t.Id == "VpcB.MainRouteTable").RoutesIncomplete);
    }

    [Fact]
    public void A_route_to_a_parameter_table_marks_nothing_incomplete()
    {
        var load = Load(
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  R: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref P, DestinationCidrBlock: 10.1.0.0/16, VpcPeeringConnectionId: pcx-1}}\n");
        Assert.All(load.Model.RouteTables, t => Assert.False(t.RoutesIncomplete));
    }

    [Fact]
    public void A_prefix_list_destination_is_kept_and_an_unresolved_one_is_an_unknown_destination()
    {
        var load = Load(
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  R1: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationPrefixListId: pl-1, VpcPeeringConnectionId: pcx-1}}\n" +
            "  R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationPrefixListId: !Ref P, VpcPeeringConnectionId: pcx-1}}\n" +
            "  R3: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, VpcPeeringConnectionId: pcx-1}}\n" +
            "  R4: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationCidrBlock: 10.3.0.0/16, DestinationPrefixListId: !Ref P, VpcPeeringConnectionId: pcx-1}}\n");
        var routes = load.Model.RouteTables.Single(t => t.Id == "T").Routes;
        Assert.Null(routes[0].Destination);
        Assert.Equal("pl-1", routes[0].DestinationPrefixListId);
        Assert.True(routes[1].Destination!.IsUnknown);
        Assert.Null(routes[1].DestinationPrefixListId);
        Assert.Null(routes[2].Destination);
        Assert.Equal("10.3.0.0/16", routes[3].Destination!.ToString());
    }

    [Fact]
    public void A_list_where_a_route_target_belongs_is_reported_and_the_target_unknown()
    {
        var load = Load(
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  R: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref T, DestinationCidrBlock: 10.1.0.0/16, GatewayId: [igw-1]}}\n");
        Assert.Contains(load.Problems, p => p.Message.Contains("expected an id for 'GatewayId', found a list"));
        var route = load.Model.RouteTables.Single(t => t.Id == "T").Routes.Single();
        Assert.Equal(RouteTargetKind.Unknown, route.TargetKind);
        Assert.Null(route.TargetId);
    }

    [Fact]
    public void Gateway_attachments_attach_the_internet_gateway_once_and_only_to_a_known_vpc()
    {
        var load = Load(
            "  Igw: {Type: AWS::EC2::InternetGateway}\n" +
            "  Unattached: {Type: AWS::EC2::InternetGateway}\n" +
            "  A1: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}\n" +
            "  A2: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}\n" +
            "  A3: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref P, InternetGatewayId: !Ref Unattached}}\n" +
            "  A4: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref P}}\n");
        Assert.Equal(new[] { "Vpc" }, load.Model.InternetGateways.Single(g => g.Id == "Igw").AttachedVpcIds.ToArray());
        Assert.Empty(load.Model.InternetGateways.Single(g => g.Id == "Unattached").AttachedVpcIds);
        Assert.True(load.Model.Covers(ResourceKinds.InternetGateways));
    }

    [Fact]
    public void An_id_given_as_a_list_or_a_map_is_reported()
    {
        var load = Load(
            "  S1: {Type: AWS::EC2::Subnet, Properties: {VpcId: [a], CidrBlock: 10.0.1.0/24}}\n" +
            "  S2: {Type: AWS::EC2::Subnet, Properties: {VpcId: {a: b}, CidrBlock: 10.0.2.0/24}}\n");
        Assert.Contains(load.Problems, p => p.Message.Contains("expected an id for 'VpcId', found a list"));
        Assert.Contains(load.Problems, p => p.Message.Contains("expected an id for 'VpcId', found a mapping"));
        Assert.All(load.Model.Subnets, s => Assert.Null(s.VpcId));
    }

    // ------------------------------------------------------------------ names and suppressions

    [Fact]
    public void The_name_is_a_literal_name_tag_or_the_cdk_path_else_the_logical_id()
    {
        var load = Load(
            "  Named: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc, Tags: [{Key: Env, Value: prod}, {Key: Name, Value: main-table}]}}\n" +
            "  Subbed: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc, Tags: [{Key: Name, Value: !Sub 'sub-name'}]}}\n" +
            "  Plain: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc, Tags: !Ref P}}\n" +
            "  Cdk:\n    Type: AWS::EC2::RouteTable\n    Metadata: {'aws:cdk:path': Stack/Vpc/Table}\n    Properties: {VpcId: !Ref Vpc, Tags: [{Key: Name, Value: tagged}]}\n");
        string? Name(string id) => load.Model.RouteTables.Single(t => t.Id == id).Name;
        Assert.Equal("main-table", Name("Named"));
        Assert.Equal("Subbed", Name("Subbed"));
        Assert.Equal("Plain", Name("Plain"));
        Assert.Equal("Stack/Vpc/Table", Name("Cdk"));
        Assert.Equal("Vpc main route table", Name("Vpc.MainRouteTable"));
    }

    [Fact]
    public void Suppressions_accept_one_id_or_a_list_and_report_anything_else()
    {
        var load = Load(
            "  One:\n    Type: AWS::EC2::RouteTable\n    Metadata: {peeringlint: {ignore: ' PL2001 '}}\n    Properties: {VpcId: !Ref Vpc}\n" +
            "  Many:\n    Type: AWS::EC2::RouteTable\n    Metadata: {peeringlint: {ignore: [PL2001, {x: 1}, PL2002]}}\n    Properties: {VpcId: !Ref Vpc}\n" +
            "  Bad:\n    Type: AWS::EC2::RouteTable\n    Metadata: {peeringlint: {ignore: {PL2001: true}}}\n    Properties: {VpcId: !Ref Vpc}\n" +
            "  Other:\n    Type: AWS::EC2::RouteTable\n    Metadata: {peeringlint: {skip: [PL2001]}}\n    Properties: {VpcId: !Ref Vpc}\n");
        RouteTable T(string id) => load.Model.RouteTables.Single(t => t.Id == id);
        Assert.Equal(new[] { "PL2001" }, T("One").IgnoredRules.ToArray());
        Assert.NotNull(T("One").IgnoreLocation);
        Assert.Equal(new[] { "PL2001", "PL2002" }, T("Many").IgnoredRules.ToArray());
        Assert.Empty(T("Bad").IgnoredRules);
        Assert.NotNull(T("Bad").IgnoreLocation);
        Assert.Empty(T("Other").IgnoredRules);
        Assert.Null(T("Other").IgnoreLocation);
        Assert.Single(load.Problems, p => p.Message.Contains("expected a rule id in 'peeringlint.ignore', found a mapping"));
        Assert.Single(load.Problems, p => p.Message.Contains("expected a list of rule ids for 'peeringlint.ignore', found a mapping"));
    }

    // ------------------------------------------------------------------ instances, Elastic IPs, NAT gateways

    private const string Network =
        "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}}\n" +
        "  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}\n" +
        "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
        "  H: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: h, VpcId: !Ref Vpc}}\n";

    [Fact]
    public void An_instance_public_address_comes_from_an_eip_then_an_association_then_the_interface_then_the_subnet()
    {
        var load = Load(Network +
            "  WithEip: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Private}}\n" +
            "  Eip: {Type: AWS::EC2::EIP, Properties: {InstanceId: !Ref WithEip}}\n" +
            "  WithAssoc: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Private}}\n" +
            "  Assoc: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: eipalloc-1, InstanceId: !Ref WithAssoc}}\n" +
            "  NoIp: {Type: AWS::EC2::Instance, Properties: {NetworkInterfaces: [{DeviceIndex: '0', SubnetId: !Ref S, AssociatePublicIpAddress: false}]}}\n" +
            "  Ip: {Type: AWS::EC2::Instance, Properties: {NetworkInterfaces: [{DeviceIndex: '0', SubnetId: !Ref Private, AssociatePublicIpAddress: true}]}}\n" +
            "  MaybeIp: {Type: AWS::EC2::Instance, Properties: {NetworkInterfaces: [{DeviceIndex: '0', SubnetId: !Ref Private, AssociatePublicIpAddress: !Ref P}]}}\n" +
            "  InPublic: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref S}}\n" +
            "  InPrivate: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Private}}\n" +
            "  Elsewhere: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-1}}\n");
        Assert.Empty(load.Problems);
        Instance I(string id) => load.Model.Instances.Single(i => i.Id == id);
        Assert.Equal(PublicIpMode.Assigned, I("WithEip").PublicIp);
        Assert.Equal(load.Model.ElasticIps.Single(e => e.Id == "Eip").Location, I("WithEip").PublicIpLocation);
        Assert.Equal(PublicIpMode.Assigned, I("WithAssoc").PublicIp);
        Assert.NotNull(I("WithAssoc").PublicIpLocation);
        Assert.Equal(PublicIpMode.None, I("NoIp").PublicIp);
        Assert.Equal("S", I("NoIp").SubnetId);
        Assert.Equal(PublicIpMode.Assigned, I("Ip").PublicIp);
        Assert.Equal(PublicIpMode.Unknown, I("MaybeIp").PublicIp);
        Assert.NotNull(I("MaybeIp").PublicIpLocation);
        Assert.Equal(PublicIpMode.Assigned, I("InPublic").PublicIp);
        Assert.Equal(load.Model.Subnets.Single(s => s.Id == "S").Location, I("InPublic").PublicIpLocation);
        Assert.Equal(PublicIpMode.None, I("InPrivate").PublicIp);
        Assert.Equal(PublicIpMode.Unknown, I("Elsewhere").PublicIp);
        Assert.Null(I("Elsewhere").PublicIpLocation);
        Assert.Null(I("Elsewhere").VpcId);
        Assert.Equal("Vpc", I("InPrivate").VpcId);
    }

    [Fact]
    public void Only_the_primary_interface_gives_the_subnet_groups_and_addresses()
    {
        var load = Load(Network +
            "  Two: {Type: AWS::EC2::Instance, Properties: {SecurityGroupIds: [!Ref G], PrivateIpAddress: 10.0.2.5, NetworkInterfaces: [" +
            "{DeviceIndex: '1', SubnetId: !Ref S, GroupSet: [!Ref H], PrivateIpAddress: 10.0.1.9, AssociatePublicIpAddress: true}, " +
            "{DeviceIndex: '0', SubnetId: !Ref Private, GroupSet: [!Ref G], PrivateIpAddress: 10.0.2.6}, 7]}}\n" +
            "  One: {Type: AWS::EC2::Instance, Properties: {NetworkInterfaces: [{DeviceIndex: '1', SubnetId: !Ref Private, GroupSet: [!Ref H]}]}}\n" +
            "  NoIndex: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Private, SecurityGroups: [!Ref H], NetworkInterfaces: [{SubnetId: !Ref S, GroupSet: [!Ref G]}, {DeviceIndex: '2', GroupSet: [!Ref H]}]}}\n");
        Instance I(string id) => load.Model.Instances.Single(i => i.Id == id);
        var two = I("Two");
        Assert.Equal("Private", two.SubnetId);
        Assert.Equal(new[] { "G" }, two.SecurityGroupIds.ToArray());
        Assert.Equal(new[] { "10.0.2.5", "10.0.2.6" }, two.PrivateIpAddresses.ToArray());
        Assert.Equal(PublicIpMode.None, two.PublicIp); // the private subnet decides: the secondary interface's address is not the instance's
        var one = I("One");
        Assert.Equal("Private", one.SubnetId);
        Assert.Equal(new[] { "H" }, one.SecurityGroupIds.ToArray());
        var noIndex = I("NoIndex");
        Assert.Equal("Private", noIndex.SubnetId); // the instance's own SubnetId wins over the interface's
        Assert.Equal(new[] { "H", "G" }, noIndex.SecurityGroupIds.ToArray());
        Assert.Equal(PublicIpMode.None, noIndex.PublicIp);
    }

    [Fact]
    public void Eip_associations_complete_the_eip_or_leave_it_open()
    {
        var load = Load(Network +
            "  I: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref Private}}\n" +
            "  E1: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  E2: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  E3: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  E4: {Type: AWS::EC2::EIP, Properties: {InstanceId: !Ref P}}\n" +
            "  Idle: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  A1: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt E1.AllocationId, InstanceId: !Ref I}}\n" +
            "  A2: {Type: AWS::EC2::EIPAssociation, Properties: {EIP: !Ref E2, NetworkInterfaceId: eni-1}}\n" +
            "  A3: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt E3.AllocationId, InstanceId: !Ref P}}\n");
        ElasticIp E(string id) => load.Model.ElasticIps.Single(e => e.Id == id);
        Assert.Equal("I", E("E1").InstanceId);
        Assert.Equal("A1", E("E1").AssociationId);
        Assert.False(E("E1").AssociationUnknown);
        Assert.Equal("eni-1", E("E2").NetworkInterfaceId);
        Assert.Null(E("E2").InstanceId);
        Assert.False(E("E2").AssociationUnknown);
        Assert.True(E("E3").AssociationUnknown);
        Assert.Equal("A3", E("E3").AssociationId);
        Assert.True(E("E4").AssociationUnknown);
        Assert.Null(E("E4").InstanceId);
        Assert.False(E("Idle").AssociationUnknown);
        Assert.Null(E("Idle").AssociationId);
        Assert.Equal(PublicIpMode.Assigned, load.Model.Instances.Single().PublicIp);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(", ConnectivityType: public", true)]
    [InlineData(", ConnectivityType: Private", false)]
    public void A_nat_gateway_is_public_unless_private_and_takes_its_subnets_vpc(string property, bool isPublic)
    {
        var load = Load(Network +
            "  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref S, PrivateIpAddress: 10.0.1.10" + property + "}}\n" +
            "  Far: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: subnet-1}}\n");
        var nat = load.Model.NatGateways.Single(n => n.Id == "Nat");
        Assert.Equal(isPublic, nat.IsPublic);
        Assert.Equal("Vpc", nat.VpcId);
        Assert.Equal("10.0.1.10", nat.PrivateIpAddress);
        Assert.Null(load.Model.NatGateways.Single(n => n.Id == "Far").VpcId);
        Assert.True(load.Model.Covers(ResourceKinds.NatGateways));
    }

    // ------------------------------------------------------------------ security groups and network ACLs

    [Fact]
    public void Security_group_rule_lists_unknown_or_malformed()
    {
        var load = Load(
            "  Unknown: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupIngress: !Ref P}}\n" +
            "  UnknownItem: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupEgress: [!Ref P]}}\n" +
            "  NotAList: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupIngress: {IpProtocol: tcp}}}\n" +
            "  BadItem: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupIngress: [tcp]}}\n" +
            "  Closed: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupEgress: []}}\n");
        SecurityGroup G(string id) => load.Model.SecurityGroups.Single(g => g.Id == id);
        Assert.True(G("Unknown").RulesIncomplete);
        Assert.Single(G("Unknown").Egress); // the default egress rule: no SecurityGroupEgress
        Assert.True(G("UnknownItem").RulesIncomplete);
        Assert.Empty(G("UnknownItem").Egress);
        Assert.False(G("NotAList").RulesIncomplete);
        Assert.Empty(G("NotAList").Ingress);
        Assert.False(G("BadItem").RulesIncomplete);
        Assert.Empty(G("BadItem").Ingress);
        Assert.Empty(G("Closed").Egress);
        Assert.False(G("Closed").RulesIncomplete);
        Assert.Contains(load.Problems, p => p.Message.Contains("expected a list of rules for 'SecurityGroupIngress', found a mapping"));
        Assert.Contains(load.Problems, p => p.Message.Contains("expected a rule mapping in 'SecurityGroupIngress', found a string"));
        Assert.Equal(2, load.Problems.Count);
    }

    [Fact]
    public void Security_group_rules_flatten_one_per_peer_with_ports_only_for_a_protocol()
    {
        var load = Load(
            "  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      VpcId: !Ref Vpc\n      SecurityGroupIngress:\n" +
            "        - {IpProtocol: tcp, FromPort: 443, ToPort: 444, CidrIp: 10.1.0.0/16, CidrIpv6: '2600::/64', Description: web}\n" +
            "        - {IpProtocol: '-1', FromPort: 1, ToPort: 2, SourcePrefixListId: pl-1}\n" +
            "        - {IpProtocol: udp, FromPort: 53, ToPort: 53, SourceSecurityGroupId: sg-1, SourceSecurityGroupOwnerId: '111122223333'}\n" +
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupName: other}\n" +
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, SourceSecurityGroupName: !Ref H}\n" +
            "        - {IpProtocol: tcp, FromPort: 22, ToPort: 22}\n" +
            "      SecurityGroupEgress:\n" +
            "        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, DestinationSecurityGroupId: !Ref H}\n" +
            "        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, DestinationPrefixListId: pl-2}\n" +
            "        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, SourcePrefixListId: pl-3}\n" +
            "  H: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: h, VpcId: !Ref Vpc}}\n");
        var g = load.Model.SecurityGroups.Single(x => x.Id == "G");
        Assert.Equal(6, g.Ingress.Count);
        Assert.Equal(("10.1.0.0/16", 443, 444, "web"), (g.Ingress[0].Cidr!.ToString(), g.Ingress[0].FromPort!.Value, g.Ingress[0].ToPort!.Value, g.Ingress[0].Description!));
        Assert.Equal("2600::/64", g.Ingress[1].Cidr!.ToString());
        Assert.Equal(SgPeerKind.PrefixList, g.Ingress[2].PeerKind);
        Assert.Equal("pl-1", g.Ingress[2].PrefixListId);
        Assert.Null(g.Ingress[2].FromPort);
        Assert.Null(g.Ingress[2].ToPort);
        Assert.Equal(SgPeerKind.SecurityGroup, g.Ingress[3].PeerKind);
        Assert.Equal(("sg-1", "111122223333"), (g.Ingress[3].GroupId!, g.Ingress[3].GroupOwnerId!));
        Assert.Null(g.Ingress[4].GroupId); // a group name is not a group id
        Assert.Equal("H", g.Ingress[5].GroupId); // unless it refers to a group of the template
        Assert.Equal(2, g.Egress.Count); // SourcePrefixListId is not an egress peer
        Assert.Equal("H", g.Egress[0].GroupId);
        Assert.Equal("pl-2", g.Egress[1].PrefixListId);
        Assert.Equal(2, load.Problems.Count(p => p.Message.Contains("names no peer") && p.Severity == InputProblemSeverity.Warning));
    }

    [Fact]
    public void A_bad_protocol_is_reported()
    {
        var load = Load("  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc, SecurityGroupIngress: [{IpProtocol: tcpx, CidrIp: 10.0.0.0/8}, {IpProtocol: !Ref P, CidrIp: 10.0.0.0/8}]}}\n");
        Assert.Single(load.Problems, p => p.Message.Contains("'tcpx' is not an IP protocol"));
        Assert.All(load.Model.SecurityGroups.Single().Ingress, r => Assert.Null(r.Protocol));
    }

    [Fact]
    public void Standalone_rules_find_their_group_by_id_or_name_or_mark_the_templates_groups_incomplete()
    {
        string a = "Parameters:\n  P:\n    Type: String\nConditions:\n  C: !Equals [!Ref P, x]\nResources:\n" +
            "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  H: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: h, VpcId: !Ref Vpc}}\n" +
            "  In: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupName: !Ref G, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.9.0.0/16}}\n" +
            "  Out: {Type: AWS::EC2::SecurityGroupEgress, Properties: {GroupId: !GetAtt H.GroupId, IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.9.0.0/16}}\n" +
            "  Either: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !If [C, !Ref G, !Ref H], IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.8.0.0/16}}\n" +
            "  Param: {Type: AWS::EC2::SecurityGroupIngress, Properties: {GroupId: !Ref P, IpProtocol: tcp, FromPort: 80, ToPort: 80, CidrIp: 10.8.0.0/16}}\n";
        string b = "Resources:\n  V2: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}\n  K: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: k, VpcId: !Ref V2}}\n";
        var load = CfnTestKit.Load(("a.yaml", a), ("b.yaml", b));
        SecurityGroup G(string id) => load.Model.SecurityGroups.Single(g => g.Id == id);
        Assert.Equal("10.9.0.0/16", G("G").Ingress.Single().Cidr!.ToString());
        Assert.Empty(G("H").Ingress);
        Assert.Equal(2, G("H").Egress.Count); // the default rule and Out
        Assert.Equal(RuleDirection.Egress, G("H").Egress[1].Direction);
        Assert.True(G("G").RulesIncomplete);
        Assert.True(G("H").RulesIncomplete);
        Assert.False(G("K").RulesIncomplete);
    }

    [Fact]
    public void Network_acl_entries()
    {
        var load = Load(
            "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}\n" +
            "  Assoc: {Type: AWS::EC2::SubnetNetworkAclAssociation, Properties: {NetworkAclId: !Ref Acl, SubnetId: !Ref S}}\n" +
            "  E1: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 100, Protocol: 6, RuleAction: ALLOW, CidrBlock: 10.1.0.0/16, PortRange: {From: 22, To: 23}}}\n" +
            "  E2: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 110, Protocol: 1, RuleAction: deny, Egress: true, Ipv6CidrBlock: '::/0', Icmp: {Type: 8, Code: 0}}}\n" +
            "  E3: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: !Ref P, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0}}\n" +
            "  E4: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 120, Protocol: -1, RuleAction: permit, CidrBlock: 0.0.0.0/0}}\n" +
            "  E5: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: !Ref Acl, RuleNumber: 130, Protocol: -1, RuleAction: !Ref P, CidrBlock: 0.0.0.0/0}}\n" +
            "  E6: {Type: AWS::EC2::NetworkAclEntry, Properties: {NetworkAclId: acl-elsewhere, RuleNumber: 140, Protocol: -1, RuleAction: allow, CidrBlock: 0.0.0.0/0}}\n");
        var acl = load.Model.NetworkAcls.Single();
        Assert.Equal(new[] { "S" }, acl.SubnetIds.ToArray());
        Assert.Equal(2, acl.Entries.Count);
        var e1 = acl.Entries[0];
        Assert.Equal((100, false, 6, AclAction.Allow, "10.1.0.0/16", 22, 23), (e1.RuleNumber, e1.Egress, e1.Protocol!.Value, e1.Action, e1.Cidr!.ToString(), e1.FromPort!.Value, e1.ToPort!.Value));
        Assert.Null(e1.IcmpType);
        var e2 = acl.Entries[1];
        Assert.Equal((110, true, AclAction.Deny, "::/0", 8, 0), (e2.RuleNumber, e2.Egress, e2.Action, e2.Cidr!.ToString(), e2.IcmpType!.Value, e2.IcmpCode!.Value));
        Assert.Null(e2.FromPort);
        Assert.Single(load.Problems, p => p.Message.Contains("'RuleAction' must be allow or deny, found 'permit'"));
        Assert.Single(load.Problems);
    }

    // ------------------------------------------------------------------ edges

    [Fact]
    public void Prefix_list_entries_are_known_only_when_every_entry_is()
    {
        var load = Load(
            "  Known: {Type: AWS::EC2::PrefixList, Properties: {PrefixListName: k, AddressFamily: IPv4, MaxEntries: 2, Entries: [{Cidr: 10.1.0.0/16}, {Cidr: 10.2.0.0/16}]}}\n" +
            "  OneUnknown: {Type: AWS::EC2::PrefixList, Properties: {AddressFamily: IPv4, MaxEntries: 2, Entries: [{Cidr: 10.1.0.0/16}, {Description: no cidr}]}}\n" +
            "  Unresolved: {Type: AWS::EC2::PrefixList, Properties: {AddressFamily: IPv4, MaxEntries: 2, Entries: !Ref P}}\n" +
            "  Empty: {Type: AWS::EC2::PrefixList, Properties: {AddressFamily: IPv4, MaxEntries: 2}}\n");
        PrefixList L(string id) => load.Model.Of<PrefixList>().Single(p => p.Id == id);
        Assert.True(L("Known").EntriesKnown);
        Assert.Equal("k", L("Known").PrefixListName);
        Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16" }, L("Known").Entries.Select(e => e.ToString()).ToArray());
        Assert.False(L("OneUnknown").EntriesKnown);
        Assert.Single(L("OneUnknown").Entries);
        Assert.False(L("Unresolved").EntriesKnown);
        Assert.True(L("Empty").EntriesKnown);
        Assert.Empty(L("Empty").Entries);
    }

    [Fact]
    public void Vpn_gateways_connections_routes_and_propagation()
    {
        var load = Load(
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  U: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1, AmazonSideAsn: ' 64512 '}}\n" +
            "  Att: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw}}\n" +
            "  Att2: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw}}\n" +
            "  Cgw: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: 198.51.100.1, BgpAsn: 65000}}\n" +
            "  Static: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, VpnGatewayId: !Ref Vgw, CustomerGatewayId: !Ref Cgw, StaticRoutesOnly: true}}\n" +
            "  Bgp: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, VpnGatewayId: !Ref Vgw, CustomerGatewayId: !Ref Cgw}}\n" +
            "  Maybe: {Type: AWS::EC2::VPNConnection, Properties: {Type: ipsec.1, VpnGatewayId: !Ref Vgw, CustomerGatewayId: !Ref Cgw, StaticRoutesOnly: !Ref P}}\n" +
            "  R1: {Type: AWS::EC2::VPNConnectionRoute, Properties: {VpnConnectionId: !Ref Static, DestinationCidrBlock: 192.168.0.0/16}}\n" +
            "  R2: {Type: AWS::EC2::VPNConnectionRoute, Properties: {VpnConnectionId: vpn-elsewhere, DestinationCidrBlock: 192.168.1.0/24}}\n" +
            "  R3: {Type: AWS::EC2::VPNConnectionRoute, Properties: {VpnConnectionId: !Ref Static}}\n" +
            "  Prop: {Type: AWS::EC2::VPNGatewayRoutePropagation, Properties: {VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref T, !Ref T]}}\n" +
            "  Prop2: {Type: AWS::EC2::VPNGatewayRoutePropagation, Properties: {VpnGatewayId: !Ref P, RouteTableIds: [!Ref T, !Ref U]}}\n" +
            "  Prop3: {Type: AWS::EC2::VPNGatewayRoutePropagation, Properties: {VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref U]}}\n" +
            "  Eigw: {Type: AWS::EC2::EgressOnlyInternetGateway, Properties: {VpcId: !Ref Vpc}}\n" +
            "  LostEigw: {Type: AWS::EC2::EgressOnlyInternetGateway, Properties: {VpcId: !Ref P}}\n");
        Assert.Empty(load.Problems);
        var vgw = load.Model.Of<VpnGateway>().Single();
        Assert.Equal(new[] { "Vpc" }, vgw.AttachedVpcIds.ToArray());
        Assert.Equal(64512L, vgw.AmazonSideAsn);
        var cgw = load.Model.Of<CustomerGateway>().Single();
        Assert.Equal(("198.51.100.1", 65000L), (cgw.IpAddress!, cgw.BgpAsn!.Value));
        VpnConnection V(string id) => load.Model.Of<VpnConnection>().Single(v => v.Id == id);
        Assert.True(V("Static").StaticRoutesOnly);
        Assert.Equal(new[] { "192.168.0.0/16" }, V("Static").StaticRoutes.Select(c => c.ToString()).ToArray());
        Assert.Equal(("Vgw", "Cgw"), (V("Static").VpnGatewayId!, V("Static").CustomerGatewayId!));
        Assert.False(V("Bgp").StaticRoutesOnly);
        Assert.Null(V("Maybe").StaticRoutesOnly);
        Assert.Empty(V("Bgp").StaticRoutes);
        Assert.Equal(new[] { "Vgw", "?" }, load.Model.RouteTables.Single(t => t.Id == "T").PropagatingVgwIds.ToArray());
        Assert.Equal(new[] { "?", "Vgw" }, load.Model.RouteTables.Single(t => t.Id == "U").PropagatingVgwIds.ToArray());
        Assert.Empty(load.Model.RouteTables.Single(t => t.Id == "Vpc.MainRouteTable").PropagatingVgwIds);
        var eigws = load.Model.Of<EgressOnlyInternetGateway>();
        Assert.Equal(new[] { "Vpc" }, eigws.Single(e => e.Id == "Eigw").AttachedVpcIds.ToArray());
        Assert.Empty(eigws.Single(e => e.Id == "LostEigw").AttachedVpcIds);
        foreach (var k in new[] { ResourceKinds.VpnGateways, ResourceKinds.CustomerGateways, ResourceKinds.VpnConnections, ResourceKinds.EgressOnlyInternetGateways })
        {
            Assert.True(load.Model.Covers(k), k.ToString());
        }
    }

    [Fact]
    public void Asns_that_are_not_numbers_are_unknown()
    {
        var load = Load(
            "  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1, AmazonSideAsn: big}}\n" +
            "  Cgw: {Type: AWS::EC2::CustomerGateway, Properties: {Type: ipsec.1, IpAddress: !Ref P, BgpAsn: !Ref P}}\n");
        Assert.Null(load.Model.Of<VpnGateway>().Single().AmazonSideAsn);
        Assert.Null(load.Model.Of<CustomerGateway>().Single().BgpAsn);
        Assert.Null(load.Model.Of<CustomerGateway>().Single().IpAddress);
    }

    [Fact]
    public void Vpc_endpoints_keep_their_type_service_and_members()
    {
        var load = Load(
            "  T: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
            "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  Gw: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.s3, RouteTableIds: [!Ref T]}}\n" +
            "  If: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.ssm, VpcEndpointType: Interface, SubnetIds: [!Ref S], SecurityGroupIds: [!Ref G]}}\n");
        VpcEndpoint E(string id) => load.Model.Of<VpcEndpoint>().Single(e => e.Id == id);
        Assert.Equal(VpcEndpointType.Gateway, E("Gw").Type);
        Assert.Equal(new[] { "T" }, E("Gw").RouteTableIds.ToArray());
        Assert.Equal("com.amazonaws.us-east-1.s3", E("Gw").ServiceName);
        Assert.Equal(VpcEndpointType.Interface, E("If").Type);
        Assert.Equal(new[] { "S" }, E("If").SubnetIds.ToArray());
        Assert.Equal(new[] { "G" }, E("If").SecurityGroupIds.ToArray());
        Assert.True(load.Model.Covers(ResourceKinds.VpcEndpoints));
    }

    [Fact]
    public void An_id_list_given_as_one_value_is_reported_and_unknown_items_are_left_out()
    {
        var load = Load(
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  A: {Type: AWS::EC2::Instance, Properties: {SecurityGroupIds: !Ref G}}\n" +
            "  B: {Type: AWS::EC2::Instance, Properties: {SecurityGroupIds: [!Ref G, !Ref P]}}\n" +
            "  C: {Type: AWS::EC2::Instance, Properties: {SecurityGroupIds: !Ref P}}\n");
        Assert.Single(load.Problems, p => p.Message.Contains("expected a list for 'SecurityGroupIds'"));
        Assert.Empty(load.Model.Instances.Single(i => i.Id == "A").SecurityGroupIds);
        Assert.Equal(new[] { "G" }, load.Model.Instances.Single(i => i.Id == "B").SecurityGroupIds.ToArray());
        Assert.Empty(load.Model.Instances.Single(i => i.Id == "C").SecurityGroupIds);
    }

    // ------------------------------------------------------------------ transit gateways

    [Fact]
    public void A_transit_gateway_with_its_defaults_gets_a_default_table_that_takes_the_unassociated_attachments()
    {
        var load = Load(
            "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  Hub: {Type: AWS::EC2::TransitGateway, Properties: {AmazonSideAsn: 64512}}\n" +
            "  Other: {Type: AWS::EC2::TransitGateway, Properties: {DefaultRouteTableAssociation: DISABLE, DefaultRouteTablePropagation: disable}}\n" +
            "  OwnTable: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Hub}}\n" +
            "  A: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Vpc, SubnetIds: [!Ref S], Options: {ApplianceModeSupport: Enable}}}\n" +
            "  B: {Type: AWS::EC2::TransitGatewayAttachment, Properties: {TransitGatewayId: !Ref Hub, VpcId: vpc-2, SubnetIds: [subnet-2, !Ref P]}}\n" +
            "  C: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: !Ref Other, VpcId: vpc-3, SubnetIds: !Ref P}}\n" +
            "  Peer: {Type: AWS::EC2::TransitGatewayPeeringAttachment, Properties: {TransitGatewayId: !Ref Hub, PeerTransitGatewayId: tgw-9, PeerAccountId: '111122223333', PeerRegion: eu-west-1}}\n" +
            "  AssocB: {Type: AWS::EC2::TransitGatewayRouteTableAssociation, Properties: {TransitGatewayRouteTableId: !Ref OwnTable, TransitGatewayAttachmentId: !Ref B}}\n");
        Assert.Empty(load.Problems);
        TransitGatewayRouteTable T(string id) => load.Model.Of<TransitGatewayRouteTable>().Single(t => t.Id == id);
        var hub = load.Model.Of<TransitGateway>().Single(t => t.Id == "Hub");
        Assert.True(hub.DefaultAssociation && hub.DefaultPropagation);
        Assert.Equal("Hub/default-route-table", hub.AssociationDefaultRouteTableId);
        Assert.Equal("Hub/default-route-table", hub.PropagationDefaultRouteTableId);
        var def = T("Hub/default-route-table");
        Assert.True(def.IsDefaultAssociationTable && def.IsDefaultPropagationTable && def.RoutesKnown && def.PropagationsKnown);
        Assert.Equal("Hub", def.TransitGatewayId);
        Assert.Equal(new[] { "A", "Peer" }, def.Associations.Select(a => a.AttachmentId).ToArray()); // B is associated with OwnTable
        Assert.Equal(new[] { "A", "B" }, def.Propagations.Select(a => a.AttachmentId).ToArray()); // a peering attachment does not propagate
        Assert.Equal(new[] { "B" }, T("OwnTable").Associations.Select(a => a.AttachmentId).ToArray());
        var other = load.Model.Of<TransitGateway>().Single(t => t.Id == "Other");
        Assert.False(other.DefaultAssociation || other.DefaultPropagation);
        Assert.Null(other.AssociationDefaultRouteTableId);
        Assert.DoesNotContain(load.Model.Of<TransitGatewayRouteTable>(), t => t.TransitGatewayId == "Other");

        TransitGatewayAttachment At(string id) => load.Model.Of<TransitGatewayAttachment>().Single(a => a.Id == id);
        Assert.True(At("A").SubnetsKnown);
        Assert.True(At("A").ApplianceMode);
        Assert.Equal(("Hub", "Vpc", TransitGatewayAttachmentKind.Vpc), (At("A").TransitGatewayId!, At("A").ResourceId!, At("A").Kind));
        Assert.False(At("B").SubnetsKnown);
        Assert.Equal(new[] { "subnet-2" }, At("B").SubnetIds.ToArray());
        Assert.False(At("B").ApplianceMode);
        Assert.False(At("C").SubnetsKnown);
        Assert.Equal((TransitGatewayAttachmentKind.Peering, "tgw-9", "111122223333", "eu-west-1"), (At("Peer").Kind, At("Peer").ResourceId!, At("Peer").ResourceOwnerId!, At("Peer").PeerRegion!));
    }

    [Theory]
    [InlineData("DefaultRouteTableAssociation: disable", false, true)]
    [InlineData("DefaultRouteTablePropagation: disable", true, false)]
    public void One_default_disabled_keeps_the_default_table_for_the_other(string property, bool association, bool propagation)
    {
        var load = Load(
            "  Hub: {Type: AWS::EC2::TransitGateway, Properties: {" + property + "}}\n" +
            "  A: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Vpc, SubnetIds: [subnet-1]}}\n");
        var hub = load.Model.Of<TransitGateway>().Single();
        Assert.Equal((association, propagation), (hub.DefaultAssociation, hub.DefaultPropagation));
        Assert.Equal(association ? "Hub/default-route-table" : null, hub.AssociationDefaultRouteTableId);
        Assert.Equal(propagation ? "Hub/default-route-table" : null, hub.PropagationDefaultRouteTableId);
        var def = load.Model.Of<TransitGatewayRouteTable>().Single();
        Assert.Equal((association, propagation), (def.IsDefaultAssociationTable, def.IsDefaultPropagationTable));
        Assert.Equal(association ? 1 : 0, def.Associations.Count);
        Assert.Equal(propagation ? 1 : 0, def.Propagations.Count);
        Assert.Equal("Hub default route table", def.Name);
    }

    [Fact]
    public void Transit_gateway_routes_and_links_attach_to_their_table_or_leave_it_incomplete()
    {
        var load = Load(
            "  Hub: {Type: AWS::EC2::TransitGateway, Properties: {DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable}}\n" +
            "  Table: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Hub}}\n" +
            "  Clean: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Hub}}\n" +
            "  Links: {Type: AWS::EC2::TransitGatewayRouteTable, Properties: {TransitGatewayId: !Ref Hub}}\n" +
            "  A: {Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: {TransitGatewayId: !Ref Hub, VpcId: !Ref Vpc, SubnetIds: [subnet-1]}}\n" +
            "  R1: {Type: AWS::EC2::TransitGatewayRoute, Properties: {TransitGatewayRouteTableId: !Ref Table, DestinationCidrBlock: 10.1.0.0/16, TransitGatewayAttachmentId: !Ref A}}\n" +
            "  R2: {Type: AWS::EC2::TransitGatewayRoute, Properties: {TransitGatewayRouteTableId: !Ref Table, DestinationCidrBlock: 10.2.0.0/16, Blackhole: true}}\n" +
            "  R3: {Type: AWS::EC2::TransitGatewayRoute, Properties: {TransitGatewayRouteTableId: tgw-rtb-elsewhere, DestinationCidrBlock: 10.3.0.0/16, TransitGatewayAttachmentId: !Ref A}}\n" +
            "  R4: {Type: AWS::EC2::TransitGatewayRoute, Properties: {TransitGatewayRouteTableId: !Ref Clean, DestinationCidrBlock: 10.4.0.0/16, TransitGatewayAttachmentId: !Ref A, Blackhole: false}}\n" +
            "  R5: {Type: AWS::EC2::TransitGatewayRoute, Properties: {TransitGatewayRouteTableId: !Ref Links, DestinationCidrBlock: 10.5.0.0/16, TransitGatewayAttachmentId: !Ref P}}\n" +
            "  L1: {Type: AWS::EC2::TransitGatewayRouteTablePropagation, Properties: {TransitGatewayRouteTableId: !Ref Clean, TransitGatewayAttachmentId: !Ref A}}\n" +
            "  L2: {Type: AWS::EC2::TransitGatewayRouteTableAssociation, Properties: {TransitGatewayRouteTableId: !Ref Table, TransitGatewayAttachmentId: !Ref P}}\n" +
            "  L3: {Type: AWS::EC2::TransitGatewayRouteTablePropagation, Properties: {TransitGatewayRouteTableId: !Ref P, TransitGatewayAttachmentId: !Ref A}}\n");
        Assert.Empty(load.Problems);
        TransitGatewayRouteTable T(string id) => load.Model.Of<TransitGatewayRouteTable>().Single(t => t.Id == id);
        var table = T("Table");
        Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16" }, table.Routes.Select(r => r.Destination!.ToString()).ToArray());
        Assert.Equal(new[] { "A" }, table.Routes[0].AttachmentIds.ToArray());
        Assert.Equal(RouteState.Active, table.Routes[0].State);
        Assert.Equal("R1", table.Routes[0].DeclaringId);
        Assert.Empty(table.Routes[1].AttachmentIds);
        Assert.Equal(RouteState.Blackhole, table.Routes[1].State);
        Assert.True(table.RoutesIncomplete); // L2's attachment is unknown
        Assert.Empty(table.Associations);
        var clean = T("Clean");
        Assert.False(clean.RoutesIncomplete);
        Assert.Equal(RouteState.Active, clean.Routes.Single().State);
        Assert.Equal(new[] { "A" }, clean.Propagations.Select(p => p.AttachmentId).ToArray());
        Assert.Empty(clean.Associations);
        var links = T("Links");
        Assert.True(links.RoutesIncomplete); // R5's target is unknown
        Assert.Empty(links.Routes.Single().AttachmentIds);
        foreach (var k in new[] { ResourceKinds.TransitGateways, ResourceKinds.TransitGatewayRouteTables, ResourceKinds.TransitGatewayAttachments })
        {
            Assert.True(load.Model.Covers(k), k.ToString());
        }
    }

    // ------------------------------------------------------------------ what the input covers

    [Fact]
    public void The_kinds_a_template_declares_are_covered_and_no_others()
    {
        var none = Load(string.Empty);
        Assert.True(none.Model.Covers(ResourceKinds.Vpcs | ResourceKinds.RouteTables));
        var all = Load(
            "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  G: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: g, VpcId: !Ref Vpc}}\n" +
            "  Acl: {Type: AWS::EC2::NetworkAcl, Properties: {VpcId: !Ref Vpc}}\n" +
            "  I: {Type: AWS::EC2::Instance, Properties: {SubnetId: !Ref S}}\n" +
            "  E: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n");
        foreach (var k in new[] { ResourceKinds.Subnets, ResourceKinds.SecurityGroups, ResourceKinds.NetworkAcls, ResourceKinds.Instances, ResourceKinds.ElasticIps })
        {
            Assert.False(none.Model.Covers(k), k.ToString());
            Assert.True(all.Model.Covers(k), k.ToString());
        }
    }

    // ------------------------------------------------------------------ peerings, names, addresses

    [Fact]
    public void A_peering_points_at_the_properties_that_decide_it_or_at_the_resource()
    {
        string yaml = Head +
            "  Full: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-2, PeerOwnerId: '111122223333'}}\n" +
            "  Bare: {Type: AWS::EC2::VPCPeeringConnection, Properties: {}}\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        VpcPeeringConnection P(string id) => load.Model.PeeringConnections.Single(p => p.Id == id);
        int Line(string needle) => CfnTestKit.LineOf(yaml, "  Full:", needle);
        Assert.Equal(("Vpc", "vpc-2"), (P("Full").Requester.VpcId!, P("Full").Accepter.VpcId!));
        Assert.NotEqual(P("Full").Location, P("Full").StatusLocation);
        Assert.Equal(P("Full").Location.StartLine, P("Full").StatusLocation!.StartLine); // one flow line: the columns differ
        Assert.True(P("Full").StatusLocation!.StartColumn > P("Full").Requester.Location.StartColumn);
        Assert.True(P("Full").Accepter.Location.StartColumn > P("Full").Requester.Location.StartColumn);
        Assert.True(P("Full").Requester.Location.StartColumn > P("Full").Location.StartColumn);
        Assert.Equal(P("Bare").Location, P("Bare").StatusLocation);
        Assert.Equal(P("Bare").Location, P("Bare").Requester.Location);
        Assert.Equal(P("Bare").Location, P("Bare").Accepter.Location);
        Assert.Null(P("Bare").Requester.VpcId);
        Assert.Equal(Line("Full"), P("Full").Location.StartLine);
    }

    [Fact]
    public void Implicit_tables_are_named_after_their_owner()
    {
        var load = Load(
            "  Named: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16, Tags: [{Key: Name, Value: prod}]}}\n" +
            "  Hub: {Type: AWS::EC2::TransitGateway, Properties: {Tags: [{Key: Name, Value: core}]}}\n");
        Assert.Equal("prod main route table", load.Model.RouteTables.Single(t => t.Id == "Named.MainRouteTable").Name);
        Assert.Equal("core default route table", load.Model.Of<TransitGatewayRouteTable>().Single().Name);
    }

    [Fact]
    public void Nat_gateway_addresses_absent_items_and_values_that_are_not_ids()
    {
        var load = Load(
            "  S: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
            "  E: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
            "  Known: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref S, AllocationId: eipalloc-1, SecondaryAllocationIds: [!GetAtt E.AllocationId, null]}}\n" +
            "  Mapped: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref S, AllocationId: {Id: eipalloc-2}}}\n");
        NatGateway N(string id) => load.Model.NatGateways.Single(n => n.Id == id);
        Assert.Equal(new[] { "eipalloc-1", "E" }, N("Known").ElasticIpIds.ToArray());
        Assert.False(N("Known").ElasticIpsUnknown);
        Assert.True(N("Mapped").ElasticIpsUnknown);
        Assert.Empty(N("Mapped").ElasticIpIds);
        Assert.Single(load.Problems, p => p.Message.Contains("expected a value for 'AllocationId', found a mapping"));
    }

    [Fact]
    public void An_association_does_not_settle_an_eip_whose_own_instance_is_unknown()
    {
        var load = Load(
            "  I: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-1}}\n" +
            "  J: {Type: AWS::EC2::Instance, Properties: {SubnetId: subnet-1}}\n" +
            "  Open: {Type: AWS::EC2::EIP, Properties: {InstanceId: !Ref P}}\n" +
            "  Own: {Type: AWS::EC2::EIP, Properties: {InstanceId: !Ref I}}\n" +
            "  A1: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Open.AllocationId, InstanceId: !Ref J}}\n" +
            "  A2: {Type: AWS::EC2::EIPAssociation, Properties: {AllocationId: !GetAtt Own.AllocationId, NetworkInterfaceId: eni-1}}\n");
        ElasticIp E(string id) => load.Model.ElasticIps.Single(e => e.Id == id);
        Assert.True(E("Open").AssociationUnknown);
        Assert.Equal("J", E("Open").InstanceId);
        Assert.Equal(("I", "eni-1"), (E("Own").InstanceId!, E("Own").NetworkInterfaceId!));
        Assert.False(E("Own").AssociationUnknown);
    }
}
