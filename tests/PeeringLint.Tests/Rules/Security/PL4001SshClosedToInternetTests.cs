using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

public sealed class PL4001SshClosedToInternetTests
{
    private static string Doc(string group, string instance = "      - { name: web1, subnet: public1, public_ip: auto }\n") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - {{ name: public1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 0.0.0.0/0, target: igw1 }}
    security_groups:
{group}    instances:
{instance}";

    [Fact]
    public void Default_group_without_ssh_is_reported()
    {
        var f = RuleVerifier.Verify(Doc("      - [|name: default|]\n"), "PL4001");
        Assert.Contains("only admits traffic from its own members", f[0].Message);
    }

    [Fact]
    public void Ssh_from_inside_the_vpc_only_is_reported() =>
        RuleVerifier.Verify(Doc("      - [|name: default\n        ingress:\n          - { type: ssh, source: 10.1.0.0/16 }|]\n"), "PL4001");

    [Theory]
    [InlineData("203.0.113.0/24")]
    [InlineData("0.0.0.0/0")]
    public void Ssh_from_a_public_range_is_silent(string source) =>
        RuleVerifier.Verify(Doc($"      - name: default\n        ingress:\n          - {{ type: ssh, source: {source} }}\n"), "PL4001");

    [Fact]
    public void Group_serving_another_port_to_the_internet_is_silent() =>
        RuleVerifier.Verify(Doc("      - name: default\n        ingress:\n          - { type: https, source: 0.0.0.0/0 }\n"), "PL4001");

    [Fact]
    public void Instance_without_public_address_is_silent() =>
        RuleVerifier.Verify(Doc("      - name: default\n", "      - { name: web1, subnet: public1, public_ip: none }\n"), "PL4001");

    [Fact]
    public void Ssh_from_a_prefix_list_is_unknown_and_silent() =>
        RuleVerifier.Verify(Doc("      - name: default\n        ingress:\n          - { type: ssh, source: pl-0e4bcff02b13bef1e }\n"), "PL4001");

    [Fact]
    public void Ssh_from_ipv6_anywhere_to_an_instance_without_ipv6_is_reported() =>
        RuleVerifier.Verify(Doc("      - [|name: default\n        ingress:\n          - { type: ssh, source: ::/0 }|]\n"), "PL4001");

    [Fact]
    public void Ssh_from_ipv6_anywhere_in_a_subnet_with_ipv6_is_unknown_and_silent() =>
        RuleVerifier.Verify(
            Doc("      - name: default\n        ingress:\n          - { type: ssh, source: ::/0 }\n")
                .Replace("cidr: 10.1.0.0/16\n", "cidr: 10.1.0.0/16\n    ipv6_cidr: 2600:1f18:1::/56\n")
                .Replace("{ name: public1, cidr: 10.1.0.0/24,", "{ name: public1, cidr: 10.1.0.0/24, ipv6_cidr: 2600:1f18:1::/64,"),
            "PL4001");

    [Fact]
    public void Ssh_from_ipv4_anywhere_next_to_an_ipv6_rule_is_silent() =>
        RuleVerifier.Verify(Doc("      - name: default\n        ingress:\n          - { type: ssh, source: ::/0 }\n          - { type: ssh, source: 0.0.0.0/0 }\n"), "PL4001");

    [Fact]
    public void Https_from_ipv6_anywhere_to_an_instance_without_ipv6_is_no_other_service() =>
        RuleVerifier.Verify(Doc("      - [|name: default\n        ingress:\n          - { type: https, source: ::/0 }|]\n"), "PL4001");

    [Theory]
    [InlineData("CidrIpv6: ::/0", true)]
    [InlineData("CidrIp: 0.0.0.0/0", false)]
    public void Template_ssh_from_ipv6_anywhere_to_an_ipv4_only_instance(string source, bool reported)
    {
        string cfn = $@"Resources:
  Vpc: {{Type: AWS::EC2::VPC, Properties: {{CidrBlock: 10.1.0.0/16}}}}
  Igw: {{Type: AWS::EC2::InternetGateway}}
  Attach: {{Type: AWS::EC2::VPCGatewayAttachment, Properties: {{VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}}}
  Subnet: {{Type: AWS::EC2::Subnet, Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.1.0.0/24, MapPublicIpOnLaunch: true}}}}
  Rtb: {{Type: AWS::EC2::RouteTable, Properties: {{VpcId: !Ref Vpc}}}}
  Assoc: {{Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {{SubnetId: !Ref Subnet, RouteTableId: !Ref Rtb}}}}
  Default: {{Type: AWS::EC2::Route, Properties: {{RouteTableId: !Ref Rtb, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}}}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{{IpProtocol: tcp, FromPort: 22, ToPort: 22, {source}}}]
  Web: {{Type: AWS::EC2::Instance, Properties: {{SubnetId: !Ref Subnet, SecurityGroupIds: [!Ref Sg], ImageId: ami-12345678}}}}
";
        Assert.Equal(reported ? 1 : 0, RuleVerifier.Run(cfn, "PL4001").Count);
    }
}
