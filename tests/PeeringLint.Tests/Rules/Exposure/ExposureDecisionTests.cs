using System.Linq;
using PeeringLint.Tests.Parsers.CloudFormation;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Exposure;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of an
/// exposure rule that the other tests left open.
/// </summary>
public sealed class PL3002DecisionTests
{
    private static string Doc(string routes, string igws = "    internet_gateway: igw1\n") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
{igws}    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
{routes}    instances:
      - {{ name: web1, subnet: sub1, public_ip: auto }}
  - name: vpc2
    cidr: 10.2.0.0/16
    internet_gateway: igw2
";

    [Theory]
    [InlineData("          - { destination: 0.0.0.0/0, target: igw1, state: blackhole }\n", "sends 0.0.0.0/0 to 'igw1', a blackhole")]
    [InlineData("          - { destination: 0.0.0.0/0, target: igw2 }\n", "sends 0.0.0.0/0 to internet gateway 'igw2', which is not attached to the VPC")]
    [InlineData("          - { destination: 0.0.0.0/0, target: nat-0123456789abcdef0 }\n", "sends 0.0.0.0/0 to 'nat-0123456789abcdef0', not to an internet gateway")]
    public void The_message_says_why_the_default_route_does_not_reach_the_internet(string route, string why)
    {
        var f = Assert.Single(RuleVerifier.Run(Doc(route), "PL3002"));
        Assert.Contains(why, f.Message);
        Assert.Contains("has a public IPv4 address", f.Message);
    }
}

/// <summary>PL3002's wording of an Elastic IP and the related route, in the document of <see cref="PL3002PublicIpWithoutInternetRouteTests"/>.</summary>
public sealed class PL3002AddressDecisionTests
{
    [Fact]
    public void An_elastic_ip_is_named_and_the_default_route_is_related()
    {
        string doc = PL3002PublicIpWithoutInternetRouteTests.Doc("      - { name: web1, subnet: sub1 }\n", "          - { destination: 0.0.0.0/0, target: nat-0123456789abcdef0 }\n", "elastic_ips:\n  - { name: e1, public_ip: 198.51.100.7, instance: web1 }\n");
        var f = Assert.Single(RuleVerifier.Run(doc, "PL3002"));
        Assert.DoesNotContain("has a public IPv4 address", f.Message);
        Assert.Contains("198.51.100.7", f.Message);
        int routeLine = System.Array.FindIndex(doc.Split('\n'), l => l.Contains("nat-0123456789abcdef0")) + 1;
        Assert.Equal(routeLine, f.Related[0].Location.StartLine);
    }
}

/// <summary>PL3001's repair (a public address at launch) only when a group admits SSH from a public IPv4 range.</summary>
public sealed class PL3001RepairDecisionTests
{
    private static string Doc(string rule) => PL3001PublicSubnetInstanceWithoutPublicIpTests.Doc(
        "      - { name: web1, subnet: public1, public_ip: none, security_groups: [web] }\n",
        extra: string.Empty).Replace("    instances:\n", $"    security_groups:\n      - name: web\n        ingress:\n          - {rule}\n    instances:\n");

    private static bool Repaired(string rule) => Assert.Single(RuleVerifier.Run(Doc(rule), "PL3001")).Repairs.Count == 1;

    [Theory]
    [InlineData("{ type: ssh, source: 0.0.0.0/0 }")]
    [InlineData("{ type: ssh, source: 203.0.113.0/24 }")]
    [InlineData("{ type: all-traffic, source: 0.0.0.0/0 }")]
    [InlineData("{ protocol: tcp, ports: 0-65535, source: 0.0.0.0/0 }")]
    [InlineData("{ protocol: tcp, ports: 20-22, source: 0.0.0.0/0 }")]
    [InlineData("{ protocol: tcp, ports: 22-30, source: 0.0.0.0/0 }")]
    public void Ssh_admitted_from_a_public_range_gets_the_public_address(string rule) => Assert.True(Repaired(rule));

    [Theory]
    [InlineData("{ type: https, source: 0.0.0.0/0 }")]
    [InlineData("{ protocol: tcp, ports: 10-21, source: 0.0.0.0/0 }")]
    [InlineData("{ protocol: tcp, ports: 23-30, source: 0.0.0.0/0 }")]
    [InlineData("{ protocol: udp, port: 22, source: 0.0.0.0/0 }")]
    [InlineData("{ type: ssh, source: 10.0.0.0/8 }")]
    [InlineData("{ type: ssh, source: 172.16.5.0/24 }")]
    [InlineData("{ type: ssh, source: 192.168.0.0/16 }")]
    [InlineData("{ type: ssh, source: 100.64.0.0/10 }")]
    [InlineData("{ type: ssh, source: ::/0 }")]
    [InlineData("{ type: ssh, source: self }")]
    public void Anything_else_gets_no_fix(string rule) => Assert.False(Repaired(rule));

    [Fact]
    public void Groups_the_input_does_not_show_get_no_fix()
    {
        string doc = PL3001PublicSubnetInstanceWithoutPublicIpTests.Doc("      - { name: web1, subnet: public1, public_ip: none, security_groups: [sg-0123456789abcdef0] }\n");
        Assert.Empty(Assert.Single(RuleVerifier.Run(doc, "PL3001")).Repairs);
    }
}

public sealed class PL3003DecisionTests
{
    private const string Vpc = "vpcs:\n  - name: vpc1\n    cidr: 10.1.0.0/16\n";

    [Fact]
    public void A_named_elastic_ip_shows_its_address()
    {
        var f = Assert.Single(RuleVerifier.Run(Vpc + "elastic_ips:\n  - { name: e1, public_ip: 198.51.100.7 }\n", "PL3003"));
        Assert.Contains("(198.51.100.7) is allocated", f.Message);
    }

    [Fact]
    public void An_elastic_ip_named_by_its_address_does_not_repeat_it()
    {
        var f = Assert.Single(RuleVerifier.Run(Vpc + "elastic_ips:\n  - { name: 198.51.100.7, public_ip: 198.51.100.7 }\n", "PL3003"));
        Assert.DoesNotContain("(198.51.100.7)", f.Message);
    }
}

/// <summary>PL3004's decisions, in the CloudFormation template of <see cref="PL3004NatGatewayWithoutInternetRouteTests"/>.</summary>
public sealed class PL3004DecisionTests
{
    private static readonly string Broken = PL3004NatGatewayWithoutInternetRouteTests.Template(string.Empty);

    private const string PrivateAssociation = "  PrivateAssociation:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: { SubnetId: !Ref PrivateSubnet, RouteTableId: !Ref PrivateRouteTable }\n";

    private static string Instance(string name, string subnet) =>
        $"  {name}:\n    Type: AWS::EC2::Instance\n    Properties: {{ SubnetId: !Ref {subnet}, ImageId: ami-0123456789abcdef0 }}\n";

    private static System.Collections.Generic.List<PeeringLint.Engine.Finding> Run(string template) => PL3004NatGatewayWithoutInternetRouteTests.Run(template);

    [Fact]
    public void One_subnet_without_instances_is_named_alone()
    {
        var f = Assert.Single(Run(Broken));
        Assert.Contains(": subnet 'PrivateSubnet' cannot reach the internet", f.Message);
    }

    [Fact]
    public void The_instances_behind_are_counted_and_one_named_and_instances_elsewhere_are_not()
    {
        string one = Broken + Instance("App1", "PrivateSubnet") + Instance("Bastion", "PublicSubnet");
        Assert.Contains("subnet 'PrivateSubnet' (1 instance, e.g. 'App1') cannot", Assert.Single(Run(one)).Message);

        string two = one + Instance("App2", "PrivateSubnet");
        Assert.Contains("subnet 'PrivateSubnet' (2 instances, e.g. 'App1') cannot", Assert.Single(Run(two)).Message);
    }

    [Fact]
    public void Two_subnets_behind_the_table_are_both_named()
    {
        string second = "  PrivateSubnet2:\n    Type: AWS::EC2::Subnet\n    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24 }\n"
            + "  PrivateAssociation2:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties: { SubnetId: !Ref PrivateSubnet2, RouteTableId: !Ref PrivateRouteTable }\n";
        Assert.Contains("subnets 'PrivateSubnet', 'PrivateSubnet2' cannot", Assert.Single(Run(Broken + second)).Message);
        Assert.Contains("subnets 'PrivateSubnet', 'PrivateSubnet2' (1 instance, e.g. 'App1') cannot", Assert.Single(Run(Broken + second + Instance("App1", "PrivateSubnet2"))).Message);
    }

    [Fact]
    public void A_table_that_serves_no_subnet_is_silent()
    {
        string t = Broken.Replace(PrivateAssociation, string.Empty);
        Assert.NotEqual(Broken, t);
        Assert.Empty(Run(t));
    }

    [Fact]
    public void A_table_with_a_route_the_input_does_not_resolve_is_silent()
    {
        // The private table also holds a route whose destination is a parameter: it may be more specific than what the NAT route covers, or replace it.
        string t = "Parameters:\n  Dest: { Type: String }\n" + Broken
            + "  PrivateOtherRoute:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref PrivateRouteTable, DestinationCidrBlock: !Ref Dest, GatewayId: !Ref Igw }\n";
        Assert.Empty(Run(t.Replace("AWSTemplateFormatVersion: '2010-09-09'\n", string.Empty)));
    }

    [Fact]
    public void A_nat_gateway_whose_subnet_is_not_in_the_input_is_silent()
    {
        string t = Broken.Replace("SubnetId: !Ref PublicSubnet, AllocationId", "SubnetId: subnet-0123456789abcdef0, AllocationId");
        Assert.NotEqual(Broken, t);
        Assert.Empty(Run(t));
    }

    [Fact]
    public void A_nat_subnet_routing_to_a_transit_gateway_is_reported_with_the_target()
    {
        string tgw = "  PublicDefaultRoute:\n    Type: AWS::EC2::Route\n    Properties: { RouteTableId: !Ref PublicRouteTable, DestinationCidrBlock: 0.0.0.0/0, TransitGatewayId: tgw-0123456789abcdef0 }\n";
        string t = PL3004NatGatewayWithoutInternetRouteTests.Template(tgw);
        var f = Assert.Single(Run(t));
        Assert.Contains("sends 0.0.0.0/0 to 'tgw-0123456789abcdef0', not to an internet gateway", f.Message);
        Assert.Equal(CfnTestKit.LineOf(t, "PublicDefaultRoute:", "PublicDefaultRoute:"), f.Related[1].Location.StartLine);
    }

    [Fact]
    public void Without_a_default_route_the_nat_subnet_table_itself_is_related()
    {
        var f = Assert.Single(Run(Broken));
        Assert.Equal(CfnTestKit.LineOf(Broken, "PublicRouteTable:", "PublicRouteTable:"), f.Related[1].Location.StartLine);
        Assert.Contains("route table 'PublicRouteTable' of the NAT gateway's subnet", f.Related[1].Message);
    }
}

/// <summary>What the exposure rules look at: instances whose subnet is in the input.</summary>
public sealed class ExposureFactsDecisionTests
{
    [Fact]
    public void Instances_whose_subnet_is_not_in_the_input_are_left_alone()
    {
        string folder = System.IO.Path.Combine(PeeringLint.Tests.Parsers.AwsCli.AwsTestKit.Corpus, "batfish", "test-nat-gateway", "aws_configs");
        var files = System.IO.Directory.GetFiles(folder, "*.json").Where(p => !p.EndsWith("Subnets.json", System.StringComparison.Ordinal))
            .Select(p => (Path: "snap/" + System.IO.Path.GetFileName(p), Text: System.IO.File.ReadAllText(p))).ToArray();
        var load = PeeringLint.Tests.Parsers.AwsCli.AwsTestKit.LoadText(files);
        Assert.NotEmpty(load.Model.Instances);
        var result = CfnTestKit.Lint(load);
        Assert.Empty(result.Failures);
        Assert.DoesNotContain(result.Findings, f => f.RuleId is "PL3001" or "PL3002");
    }
}
