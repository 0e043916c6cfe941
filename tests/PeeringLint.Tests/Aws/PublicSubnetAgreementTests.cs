using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Cli.Output.Graph;
using PeeringLint.Reachability;
using PeeringLint.Tests.Graph;
using Xunit;

namespace PeeringLint.Tests.Aws;

/// <summary>The diagram and the rules ask the same question (<see cref="PublicSubnets"/>) and get the same answer.</summary>
public sealed class PublicSubnetAgreementTests
{
    private const string Template =
        "Parameters:\n  GatewayParam:\n    Type: String\nResources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
        "  Igw: {Type: AWS::EC2::InternetGateway}\n" +
        "  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}\n" +
        "  Eip: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
        "  Nat: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: !GetAtt Eip.AllocationId, SubnetId: !Ref ToIgw}}\n" +
        "  ToNat: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24}}\n" +
        "  ToIgw: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24}}\n" +
        "  ToUnknown: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24}}\n" +
        "  NatTable: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
        "  IgwTable: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
        "  UnknownTable: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
        "  A1: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref ToNat, RouteTableId: !Ref NatTable}}\n" +
        "  A2: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref ToIgw, RouteTableId: !Ref IgwTable}}\n" +
        "  A3: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref ToUnknown, RouteTableId: !Ref UnknownTable}}\n" +
        "  R1: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref NatTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat}}\n" +
        "  R2: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref IgwTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}\n" +
        "  R3: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref UnknownTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref GatewayParam}}\n";

    [Theory]
    [InlineData("ToNat", Tri.No, "private")]
    [InlineData("ToIgw", Tri.Yes, "public")]
    [InlineData("ToUnknown", Tri.Unknown, "public or private: unknown")]
    public void Graph_and_rules_agree_on_the_default_routes_target(string subnet, Tri expected, string label)
    {
        string file = GraphTestKit.TempYaml(Template);
        var (index, findings) = GraphTestKit.Lint(file);
        Assert.DoesNotContain(findings, f => f.RuleId == "PL3003");
        var s = index.Model.Subnets.Single(x => x.Id == subnet);
        Assert.Equal(expected, PublicSubnets.IsPublic(index, s));

        var graph = TopologyBuilder.Build(index, findings, new GraphOptions { Detail = true });
        var node = graph.AllNodes().Single(n => n.Kind == NodeKind.Subnet && n.Lines[0] == subnet);
        Assert.Equal(label, node.Lines.Last());
        Assert.Equal(TopologyBuilder.SubnetRole(expected), node.Lines.Last());
    }

    [Fact]
    public void The_summary_counts_unknown_subnets_apart()
    {
        var graph = GraphTestKit.Build(detail: false, null, GraphTestKit.TempYaml(Template));
        Assert.Contains(graph.AllNodes(), n => n.Kind == NodeKind.Summary && n.Lines[0] == "3 subnets (1 public, 1 private, 1 unknown)");
    }
}
