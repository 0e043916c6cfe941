using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Tests.Parsers.AwsCli;
using PeeringLint.Tests.Parsers.CloudFormation;
using Xunit;

namespace PeeringLint.Tests.Parsers;

/// <summary>The edge kinds (prefix lists, VPC endpoints, VPN gateways, customer gateways, VPN connections, egress-only gateways) in each input form that carries them.</summary>
public sealed class EdgeKindTests
{
    private const string Endpoints = @"{""VpcEndpoints"": [
  {""VpcEndpointId"": ""vpce-1"", ""VpcEndpointType"": ""Gateway"", ""VpcId"": ""vpc-1"", ""ServiceName"": ""com.amazonaws.us-east-1.s3"", ""State"": ""available"",
   ""RouteTableIds"": [""rtb-1"", ""rtb-2""], ""SubnetIds"": [], ""Groups"": [], ""NetworkInterfaceIds"": []},
  {""VpcEndpointId"": ""vpce-2"", ""VpcEndpointType"": ""Interface"", ""VpcId"": ""vpc-1"", ""ServiceName"": ""com.amazonaws.us-east-1.ssm"", ""State"": ""available"",
   ""RouteTableIds"": [], ""SubnetIds"": [""subnet-1""], ""Groups"": [{""GroupId"": ""sg-1"", ""GroupName"": ""endpoints""}], ""NetworkInterfaceIds"": [""eni-1""]}
]}";

    [Fact]
    public void Aws_json_vpc_endpoints_are_read_with_tables_subnets_and_groups()
    {
        var r = AwsTestKit.LoadText(("a/VpcEndpoints.json", Endpoints));
        Assert.Empty(AwsTestKit.Errors(r));
        var e = r.Model.Of<VpcEndpoint>();
        Assert.Equal(2, e.Count);
        Assert.Equal(VpcEndpointType.Gateway, e[0].Type);
        Assert.Equal(new[] { "rtb-1", "rtb-2" }, e[0].RouteTableIds);
        Assert.Equal(VpcEndpointType.Interface, e[1].Type);
        Assert.Equal(new[] { "sg-1" }, e[1].SecurityGroupIds);
        Assert.Equal(new[] { "eni-1" }, e[1].NetworkInterfaceIds);
        Assert.Equal(2, e[0].Location.StartLine);
        Assert.True(r.Model.Covers(ResourceKinds.VpcEndpoints));
    }

    [Fact]
    public void Aws_json_prefix_lists_read_both_describe_shapes_and_merged_entries()
    {
        const string service = @"{""PrefixLists"": [{""PrefixListId"": ""pl-63a5400a"", ""PrefixListName"": ""com.amazonaws.us-east-1.s3"", ""Cidrs"": [""54.231.0.0/17"", ""52.216.0.0/15""]}]}";
        const string managed = @"{""PrefixLists"": [
  {""PrefixListId"": ""pl-0aa"", ""AddressFamily"": ""IPv4"", ""State"": ""create-complete"", ""PrefixListName"": ""offices"", ""MaxEntries"": 5, ""OwnerId"": ""111122223333""},
  {""PrefixListId"": ""pl-0bb"", ""AddressFamily"": ""IPv4"", ""PrefixListName"": ""peers"", ""OwnerId"": ""111122223333"", ""Entries"": [{""Cidr"": ""10.2.0.0/16"", ""Description"": ""vpc 2""}]}
]}";
        var r = AwsTestKit.LoadText(("a/PrefixLists.json", service), ("b/managed.json", managed));
        Assert.Empty(AwsTestKit.Errors(r));
        var lists = r.Model.Of<PrefixList>().ToDictionary(p => p.Id);
        Assert.True(lists["pl-63a5400a"].EntriesKnown);
        Assert.True(lists["pl-63a5400a"].IsAwsManaged);
        Assert.Equal(new[] { "54.231.0.0/17", "52.216.0.0/15" }, lists["pl-63a5400a"].Entries.Select(c => c.ToString()));
        Assert.False(lists["pl-0aa"].EntriesKnown); // describe-managed-prefix-lists alone lists no entries
        Assert.True(lists["pl-0aa"].HasUnknownEntries);
        Assert.Equal("10.2.0.0/16", Assert.Single(lists["pl-0bb"].Entries).ToString());
        Assert.False(lists["pl-0bb"].IsAwsManaged);

        // A listing never claims that a list it lacks does not exist.
        Assert.False(r.Model.Covers(ResourceKinds.PrefixLists));
    }

    [Fact]
    public void Aws_json_vpn_gateways_customer_gateways_connections_and_propagation_are_read()
    {
        const string vgw = @"{""VpnGateways"": [{""VpnGatewayId"": ""vgw-1"", ""State"": ""available"", ""Type"": ""ipsec.1"", ""AmazonSideAsn"": 64512,
  ""VpcAttachments"": [{""State"": ""attached"", ""VpcId"": ""vpc-1""}, {""State"": ""detached"", ""VpcId"": ""vpc-9""}]}]}";
        const string cgw = @"{""CustomerGateways"": [{""CustomerGatewayId"": ""cgw-1"", ""IpAddress"": ""198.51.100.1"", ""BgpAsn"": ""65000"", ""State"": ""available"", ""Type"": ""ipsec.1""}]}";
        const string vpn = @"{""VpnConnections"": [{""VpnConnectionId"": ""vpn-1"", ""VpnGatewayId"": ""vgw-1"", ""CustomerGatewayId"": ""cgw-1"", ""State"": ""available"", ""Type"": ""ipsec.1"",
  ""Options"": {""StaticRoutesOnly"": true}, ""Routes"": [{""DestinationCidrBlock"": ""192.168.0.0/16"", ""Source"": ""Static"", ""State"": ""available""}, {""DestinationCidrBlock"": ""172.16.0.0/12"", ""State"": ""deleted""}]}]}";
        const string eigw = @"{""EgressOnlyInternetGateways"": [{""EgressOnlyInternetGatewayId"": ""eigw-1"", ""Attachments"": [{""State"": ""attached"", ""VpcId"": ""vpc-1""}]}]}";
        const string rtb = @"{""RouteTables"": [{""RouteTableId"": ""rtb-1"", ""VpcId"": ""vpc-1"", ""Associations"": [], ""PropagatingVgws"": [{""GatewayId"": ""vgw-1""}],
  ""Routes"": [{""DestinationCidrBlock"": ""192.168.0.0/16"", ""GatewayId"": ""vgw-1"", ""Origin"": ""EnableVgwRoutePropagation"", ""State"": ""active""}]}]}";
        var r = AwsTestKit.LoadText(("a/VpnGateways.json", vgw), ("a/CustomerGateways.json", cgw), ("a/VpnConnections.json", vpn), ("a/eigw.json", eigw), ("a/RouteTables.json", rtb));
        Assert.Empty(AwsTestKit.Errors(r));
        var g = Assert.Single(r.Model.Of<VpnGateway>());
        Assert.Equal(new[] { "vpc-1" }, g.AttachedVpcIds);
        Assert.Equal(64512L, g.AmazonSideAsn);
        var c = Assert.Single(r.Model.Of<CustomerGateway>());
        Assert.Equal("198.51.100.1", c.IpAddress);
        Assert.Equal(65000L, c.BgpAsn);
        var v = Assert.Single(r.Model.Of<VpnConnection>());
        Assert.True(v.StaticRoutesOnly);
        Assert.Equal("192.168.0.0/16", Assert.Single(v.StaticRoutes).ToString()); // the deleted route is left out
        Assert.Equal(new[] { "vpc-1" }, Assert.Single(r.Model.Of<EgressOnlyInternetGateway>()).AttachedVpcIds);
        var t = Assert.Single(r.Model.RouteTables);
        Assert.Equal(new[] { "vgw-1" }, t.PropagatingVgwIds);
        Assert.True(t.PropagatedRoutesListed);
        Assert.True(r.Model.Covers(ResourceKinds.VpnGateways | ResourceKinds.VpnConnections | ResourceKinds.CustomerGateways | ResourceKinds.EgressOnlyInternetGateways));
    }

    private const string Template = @"AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  OfficeCidr: { Type: String }
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: 10.1.0.0/16 }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/24 }
  Table:
    Type: AWS::EC2::RouteTable
    Properties: { VpcId: !Ref Vpc }
  Assoc:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: { SubnetId: !Ref Subnet, RouteTableId: !Ref Table }
  Peers:
    Type: AWS::EC2::PrefixList
    Properties:
      PrefixListName: peers
      AddressFamily: IPv4
      MaxEntries: 5
      Entries:
        - { Cidr: 10.2.0.0/16, Description: vpc 2 }
        - { Cidr: 10.3.0.0/16 }
  Offices:
    Type: AWS::EC2::PrefixList
    Properties:
      PrefixListName: offices
      AddressFamily: IPv4
      MaxEntries: 5
      Entries:
        - { Cidr: !Ref OfficeCidr }
  S3:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.s3, RouteTableIds: [!Ref Table] }
  Ssm:
    Type: AWS::EC2::VPCEndpoint
    Properties: { VpcId: !Ref Vpc, ServiceName: com.amazonaws.us-east-1.ssm, VpcEndpointType: Interface, SubnetIds: [!Ref Subnet], SecurityGroupIds: [sg-0123] }
  Vgw:
    Type: AWS::EC2::VPNGateway
    Properties: { Type: ipsec.1, AmazonSideAsn: 64512 }
  VgwAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: { VpcId: !Ref Vpc, VpnGatewayId: !Ref Vgw }
  Cgw:
    Type: AWS::EC2::CustomerGateway
    Properties: { Type: ipsec.1, IpAddress: 198.51.100.1, BgpAsn: 65000 }
  Vpn:
    Type: AWS::EC2::VPNConnection
    Properties: { Type: ipsec.1, VpnGatewayId: !Ref Vgw, CustomerGatewayId: !Ref Cgw, StaticRoutesOnly: true }
  VpnRoute:
    Type: AWS::EC2::VPNConnectionRoute
    Properties: { VpnConnectionId: !Ref Vpn, DestinationCidrBlock: 192.168.0.0/16 }
  Propagation:
    Type: AWS::EC2::VPNGatewayRoutePropagation
    Properties: { VpnGatewayId: !Ref Vgw, RouteTableIds: [!Ref Table] }
    DependsOn: VgwAttachment
  Eigw:
    Type: AWS::EC2::EgressOnlyInternetGateway
    Properties: { VpcId: !Ref Vpc }
";

    [Fact]
    public void CloudFormation_edge_resources_are_mapped()
    {
        var r = CfnTestKit.Load(("t.yaml", Template));
        Assert.DoesNotContain(r.Problems, p => p.Severity == InputProblemSeverity.Error);
        var lists = r.Model.Of<PrefixList>().ToDictionary(p => p.Id);
        Assert.Equal(new[] { "10.2.0.0/16", "10.3.0.0/16" }, lists["Peers"].Entries.Select(c => c.ToString()));
        Assert.False(lists["Peers"].HasUnknownEntries);
        Assert.True(lists["Offices"].HasUnknownEntries); // a parameter without a value
        var endpoints = r.Model.Of<VpcEndpoint>().ToDictionary(e => e.Id);
        Assert.Equal(VpcEndpointType.Gateway, endpoints["S3"].Type);
        Assert.Equal(new[] { "Table" }, endpoints["S3"].RouteTableIds);
        Assert.Equal(VpcEndpointType.Interface, endpoints["Ssm"].Type);
        Assert.Equal(new[] { "sg-0123" }, endpoints["Ssm"].SecurityGroupIds);
        Assert.Equal(new[] { "Vpc" }, Assert.Single(r.Model.Of<VpnGateway>()).AttachedVpcIds);
        Assert.Equal("198.51.100.1", Assert.Single(r.Model.Of<CustomerGateway>()).IpAddress);
        var vpn = Assert.Single(r.Model.Of<VpnConnection>());
        Assert.Equal(("Vgw", "Cgw", true), (vpn.VpnGatewayId, vpn.CustomerGatewayId, vpn.StaticRoutesOnly));
        Assert.Equal("192.168.0.0/16", Assert.Single(vpn.StaticRoutes).ToString());
        Assert.Equal(new[] { "Vpc" }, Assert.Single(r.Model.Of<EgressOnlyInternetGateway>()).AttachedVpcIds);
        var table = r.Model.RouteTables.Single(t => t.Id == "Table");
        Assert.Equal(new[] { "Vgw" }, table.PropagatingVgwIds);
        Assert.False(table.PropagatedRoutesListed);
    }

    [Fact]
    public void CloudFormation_propagated_routes_are_the_static_vpn_routes_and_unknown_with_bgp()
    {
        var r = CfnTestKit.Load(("t.yaml", Template));
        var index = new ModelIndex(r.Model);
        var lookup = index.Lookup(r.Model.RouteTables.Single(t => t.Id == "Table"));
        Assert.False(lookup.HasUnknownRoutes);
        var route = lookup.Match(PeeringLint.Addressing.Cidr.Parse("192.168.4.4/32"));
        Assert.Equal((RouteTargetKind.VirtualPrivateGateway, "Vgw", RouteOrigin.EnableVgwRoutePropagation), (route!.TargetKind, route.TargetId, route.Origin));

        var bgp = CfnTestKit.Load(("t.yaml", Template.Replace("StaticRoutesOnly: true", "StaticRoutesOnly: false")));
        var bgpIndex = new ModelIndex(bgp.Model);
        Assert.True(bgpIndex.Lookup(bgp.Model.RouteTables.Single(t => t.Id == "Table")).HasUnknownRoutes);
    }

    [Fact]
    public void CloudFormation_instance_reaches_on_premises_over_the_static_vpn_route()
    {
        string t = Template + @"  Group:
    Type: AWS::EC2::SecurityGroup
    Properties: { GroupDescription: web, VpcId: !Ref Vpc }
  Web:
    Type: AWS::EC2::Instance
    Properties: { SubnetId: !Ref Subnet, PrivateIpAddress: 10.1.0.10, SecurityGroupIds: [!Ref Group] }
";
        var r = CfnTestKit.Load(("t.yaml", t));
        var index = new ModelIndex(r.Model);
        var result = Reachability.ReachabilityEngineTests.Eval(index, "Web", "192.168.1.1", "tcp", 443);
        Assert.Equal(ReachabilityVerdict.Reachable, result.Verdict);
        Assert.Contains(result.Hops, h => h.Kind == HopKind.VpnGateway && h.Reason.Contains("leaves AWS here"));
        Assert.Equal(ReachabilityVerdict.NotReachable, Reachability.ReachabilityEngineTests.Eval(index, "Web", "172.16.1.1", "tcp", 443).Verdict);
    }
    [Fact]
    public void Nat_gateway_private_address_is_read_in_both_forms()
    {
        var aws = AwsTestKit.LoadFolder(System.IO.Path.Combine(AwsTestKit.Corpus, "batfish", "test-nat-gateway"));
        Assert.Equal("10.1.250.210", Assert.Single(aws.Model.NatGateways).PrivateIpAddress);

        var cfn = CfnTestKit.Load(("t.yaml", "Resources:\n  Nat:\n    Type: AWS::EC2::NatGateway\n    Properties: { SubnetId: subnet-1, ConnectivityType: private, PrivateIpAddress: 10.1.0.5 }\n"));
        var nat = Assert.Single(cfn.Model.NatGateways);
        Assert.Equal(("10.1.0.5", false), (nat.PrivateIpAddress, nat.IsPublic));
    }
}
