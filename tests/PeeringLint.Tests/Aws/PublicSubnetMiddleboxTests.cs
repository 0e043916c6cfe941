using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Reachability;
using PeeringLint.Tests.Graph;
using Xunit;

namespace PeeringLint.Tests.Aws;

/// <summary>
/// A default route to a middlebox in the same VPC (a Network Firewall or Gateway Load Balancer endpoint, an appliance's
/// ENI or instance) may hand traffic on to the internet gateway: "public" is unknown, and PL3002 stays silent. A NAT
/// gateway, a peering or a transit gateway never carry the reply back out through the internet gateway: PL3002 fires.
/// </summary>
public sealed class PublicSubnetMiddleboxTests
{
    private static string Template(string target) =>
        "Resources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
        "  Igw: {Type: AWS::EC2::InternetGateway}\n" +
        "  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}\n" +
        "  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true}}\n" +
        "  Table: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
        "  Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Subnet, RouteTableId: !Ref Table}}\n" +
        "  Default: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, " + target + "}}\n" +
        "  Web: {Type: AWS::EC2::Instance, Properties: {ImageId: ami-12345678, SubnetId: !Ref Subnet}}\n";

    [Theory]
    [InlineData("VpcEndpointId: vpce-0123456789abcdef0", Tri.Unknown)]
    [InlineData("NetworkInterfaceId: eni-0123456789abcdef0", Tri.Unknown)]
    [InlineData("InstanceId: i-0123456789abcdef0", Tri.Unknown)]
    [InlineData("NatGatewayId: nat-0123456789abcdef0", Tri.No)]
    [InlineData("TransitGatewayId: tgw-0123456789abcdef0", Tri.No)]
    [InlineData("VpcPeeringConnectionId: pcx-0123456789abcdef0", Tri.No)]
    [InlineData("GatewayId: !Ref Igw", Tri.Yes)]
    public void A_default_route_to_a_middlebox_leaves_public_unknown(string target, Tri expected)
    {
        var (index, findings) = GraphTestKit.Lint(GraphTestKit.TempYaml(Template(target)));
        var subnet = index.Model.Subnets.Single(s => s.Id == "Subnet");

        Assert.Equal(expected, PublicSubnets.IsPublic(index, subnet));
        Assert.Equal(expected == Tri.No, findings.Any(f => f.RuleId == "PL3002"));
    }
    /// <summary>When the endpoint is in the input, the model knows its type: a Gateway Load Balancer endpoint stays a middlebox; a gateway endpoint delivers only to its service.</summary>
    [Theory]
    [InlineData("GatewayLoadBalancer", Tri.Unknown)]
    [InlineData("Gateway", Tri.No)]
    public void A_default_route_to_an_endpoint_in_the_input_is_decided_by_its_type(string type, Tri expected)
    {
        string t = Template("VpcEndpointId: !Ref Endpoint") +
            "  Endpoint: {Type: AWS::EC2::VPCEndpoint, Properties: {VpcId: !Ref Vpc, ServiceName: com.amazonaws.vpce.us-east-1.vpce-svc-0123, VpcEndpointType: " + type + "}}\n";
        var (index, findings) = GraphTestKit.Lint(GraphTestKit.TempYaml(t));
        Assert.Equal(expected, PublicSubnets.IsPublic(index, index.Model.Subnets.Single(s => s.Id == "Subnet")));
        Assert.Equal(expected == Tri.No, findings.Any(f => f.RuleId == "PL3002"));
    }
}
