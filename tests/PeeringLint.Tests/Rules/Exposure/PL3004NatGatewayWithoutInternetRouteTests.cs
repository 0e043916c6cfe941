using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.Parsers.AwsCli;
using PeeringLint.Tests.Parsers.CloudFormation;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Exposure;

/// <summary>PL3004 in every input form that can express a NAT gateway (CloudFormation, AWS JSON); the tutorial form names NAT gateways only by id.</summary>
public sealed class PL3004NatGatewayWithoutInternetRouteTests
{
    /// <summary>A VPC with a NAT gateway in 'PublicSubnet' and a private subnet routing 0.0.0.0/0 to it; <paramref name="publicRoutes"/> are the NAT subnet's routes.</summary>
    internal static string Template(string publicRoutes, string natExtra = "", string parameters = "") => $@"AWSTemplateFormatVersion: '2010-09-09'
{parameters}Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: {{ CidrBlock: 10.0.0.0/16 }}
  Igw:
    Type: AWS::EC2::InternetGateway
  IgwAttachment:
    Type: AWS::EC2::VPCGatewayAttachment
    Properties: {{ VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw }}
  PublicSubnet:
    Type: AWS::EC2::Subnet
    Properties: {{ VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24 }}
  PublicRouteTable:
    Type: AWS::EC2::RouteTable
    Properties: {{ VpcId: !Ref Vpc }}
  PublicAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {{ SubnetId: !Ref PublicSubnet, RouteTableId: !Ref PublicRouteTable }}
{publicRoutes}  NatAddress:
    Type: AWS::EC2::EIP
    Properties: {{ Domain: vpc }}
  Nat:
    Type: AWS::EC2::NatGateway
    Properties: {{ SubnetId: !Ref PublicSubnet, AllocationId: !GetAtt NatAddress.AllocationId{natExtra} }}
  PrivateSubnet:
    Type: AWS::EC2::Subnet
    Properties: {{ VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24 }}
  PrivateRouteTable:
    Type: AWS::EC2::RouteTable
    Properties: {{ VpcId: !Ref Vpc }}
  PrivateAssociation:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties: {{ SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateRouteTable }}
  PrivateDefaultRoute:
    Type: AWS::EC2::Route
    Properties: {{ RouteTableId: !Ref PrivateRouteTable, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat }}
";

    internal const string IgwRoute = "  PublicDefaultRoute:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref PublicRouteTable, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }\n";

    internal static System.Collections.Generic.List<Finding> Run(string template)
    {
        var load = CfnTestKit.Load(("t.yaml", template));
        Assert.DoesNotContain(load.Problems, p => p.Severity == PeeringLint.Model.InputProblemSeverity.Error);
        return CfnTestKit.Lint(load).Findings.Where(f => f.RuleId == "PL3004").ToList();
    }

    [Fact]
    public void CloudFormation_nat_in_a_subnet_without_a_default_route_is_reported_at_the_private_route()
    {
        string t = Template(string.Empty);
        var f = Assert.Single(Run(t));
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(CfnTestKit.LineOf(t, "PrivateDefaultRoute:", "PrivateDefaultRoute:"), f.Location.StartLine);
        Assert.Contains("'PublicRouteTable'", f.Message);
        Assert.Contains("has no route for 0.0.0.0/0", f.Message);
        Assert.Contains(f.Related, r => r.Message.Contains("NAT gateway 'Nat'"));
    }

    [Fact]
    public void CloudFormation_nat_subnet_routing_to_a_detached_gateway_is_reported() =>
        Assert.Contains("not attached", Assert.Single(Run(Template(IgwRoute).Replace("InternetGatewayId: !Ref Igw", "InternetGatewayId: igw-0other"))).Message);

    [Fact]
    public void CloudFormation_nat_in_a_public_subnet_is_silent() => Assert.Empty(Run(Template(IgwRoute)));

    [Fact]
    public void CloudFormation_private_nat_gateway_is_silent() => Assert.Empty(Run(Template(string.Empty, ", ConnectivityType: private")));

    [Fact]
    public void CloudFormation_nat_subnet_with_routes_from_elsewhere_is_silent()
    {
        // The NAT subnet's default route goes to a firewall endpoint the input does not describe: it may hand the traffic on.
        string firewall = "  PublicDefaultRoute:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref PublicRouteTable, DestinationCidrBlock: 0.0.0.0/0, VpcEndpointId: vpce-0firewall }\n";
        Assert.Empty(Run(Template(firewall)));

        // A route whose table is a parameter may be the NAT subnet's default route.
        string unknown = "  PublicDefaultRoute:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !If [UseIt, !Ref PublicRouteTable, !Ref PrivateRouteTable], DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw }\n";
        Assert.Empty(Run(Template(unknown, parameters: "Parameters:\n  Flag: { Type: String }\nConditions:\n  UseIt: !Equals [!Ref Flag, 'yes']\n")));
    }

    [Fact]
    public void Aws_json_snapshot_with_the_nat_subnet_losing_its_internet_route_is_reported()
    {
        string folder = Path.Combine(AwsTestKit.Corpus, "batfish", "test-nat-gateway", "aws_configs");
        var files = Directory.GetFiles(folder, "*.json").Select(p => (Path: "snap/" + Path.GetFileName(p), Text: File.ReadAllText(p))).ToArray();

        var clean = AwsTestKit.LoadText(files);
        Assert.DoesNotContain(CfnTestKit.Lint(clean).Findings, f => f.RuleId == "PL3004");

        // The NAT gateway's subnet (subnet-0428892a357fa1f94) routes 0.0.0.0/0 to igw-071753b9c23d8a9b2: make it a blackhole.
        var broken = files.Select(f => f.Path.EndsWith("RouteTables.json")
            ? (Path: f.Path, Text: f.Text.Replace("\"GatewayId\": \"igw-071753b9c23d8a9b2\",\n     \"Origin\": \"CreateRoute\",\n     \"State\": \"active\"", "\"GatewayId\": \"igw-071753b9c23d8a9b2\",\n     \"Origin\": \"CreateRoute\",\n     \"State\": \"blackhole\""))
            : f).ToArray();
        Assert.NotEqual(files.Single(f => f.Path.EndsWith("RouteTables.json")).Text, broken.Single(f => f.Path.EndsWith("RouteTables.json")).Text);
        var findings = CfnTestKit.Lint(AwsTestKit.LoadText(broken)).Findings.Where(f => f.RuleId == "PL3004").ToList();
        var finding = Assert.Single(findings);
        Assert.Contains("nat-07ab4846da51f4612", finding.Message);
        Assert.Contains("a blackhole", finding.Message);
    }

    [Fact]
    public void Tutorial_route_to_a_nat_gateway_not_in_the_input_is_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - { name: private1, cidr: 10.1.1.0/24, route_table: rtb1 }
    route_tables:
      - name: rtb1
        routes:
          - { destination: 0.0.0.0/0, target: nat-0123456789abcdef0 }
", "PL3004");
}
