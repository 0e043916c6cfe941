using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.Parsers.AwsCli;
using PeeringLint.Tests.Parsers.CloudFormation;
using Xunit;

namespace PeeringLint.Tests.Rules;

/// <summary>
/// The rules on AWS JSON exports that describe only part of the account (issue 22: the branches for elements whose
/// VPC is not in the input). Each case is silent and, above all, does not fail.
/// </summary>
public sealed class PartialInputDecisionTests
{
    private static LintResult Lint(params (string Path, string Text)[] files)
    {
        var load = AwsTestKit.LoadText(files);
        Assert.Empty(AwsTestKit.Errors(load));
        var result = CfnTestKit.Lint(load);
        Assert.Empty(result.Failures);
        return result;
    }

    [Fact]
    public void A_group_without_a_vpc_is_not_checked_for_cross_region_references()
    {
        const string groups = @"{ ""SecurityGroups"": [ { ""GroupId"": ""sg-0aaa1111bbbb2222c"", ""GroupName"": ""classic"", ""Description"": ""x"",
  ""IpPermissions"": [ { ""IpProtocol"": ""-1"", ""UserIdGroupPairs"": [ { ""GroupId"": ""sg-0bbb2222cccc3333d"", ""VpcId"": ""vpc-0bbb2222cccc3333d"" } ] } ],
  ""IpPermissionsEgress"": [] } ] }";
        var result = Lint(("snap/us-east-1/SecurityGroups.json", groups));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PL4005");
    }

    [Fact]
    public void A_route_table_whose_vpc_is_not_in_the_input_is_not_checked_against_it()
    {
        const string tables = @"{ ""RouteTables"": [ { ""RouteTableId"": ""rtb-0aaa1111bbbb2222c"", ""VpcId"": ""vpc-0aaa1111bbbb2222c"", ""Associations"": [],
  ""Routes"": [ { ""DestinationCidrBlock"": ""10.1.0.0/16"", ""VpcPeeringConnectionId"": ""pcx-0aaa1111bbbb2222c"", ""Origin"": ""CreateRoute"", ""State"": ""active"" } ] } ] }";
        var result = Lint(("snap/us-east-1/RouteTables.json", tables));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PL1002");
    }

    [Fact]
    public void A_classic_link_option_of_a_vpc_whose_tables_are_not_in_the_input_is_not_judged()
    {
        const string peerings = @"{ ""VpcPeeringConnections"": [ { ""VpcPeeringConnectionId"": ""pcx-0aaa1111bbbb2222c"", ""Status"": { ""Code"": ""active"" },
  ""RequesterVpcInfo"": { ""VpcId"": ""vpc-0aaa1111bbbb2222c"", ""CidrBlock"": ""10.1.0.0/16"", ""Region"": ""us-east-1"", ""OwnerId"": ""111111111111"",
    ""PeeringOptions"": { ""AllowEgressFromLocalClassicLinkToRemoteVpc"": true } },
  ""AccepterVpcInfo"": { ""VpcId"": ""vpc-0bbb2222cccc3333d"", ""CidrBlock"": ""10.2.0.0/16"", ""Region"": ""us-east-1"", ""OwnerId"": ""111111111111"" } } ] }";
        var result = Lint(("snap/us-east-1/VpcPeeringConnections.json", peerings));
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PL5002");
        Assert.Contains(result.Findings, f => f.RuleId == "PL5003");
    }

    [Fact]
    public void A_subnet_of_a_vpc_whose_block_is_a_parameter_is_not_said_to_lie_outside_it()
    {
        const string template = @"AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Block: { Type: String }
Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties: { CidrBlock: !Ref Block }
  Subnet:
    Type: AWS::EC2::Subnet
    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.0.0/24 }
";
        var load = CfnTestKit.Load(("t.yaml", template));
        var result = CfnTestKit.Lint(load);
        Assert.Empty(result.Failures);
        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PL1004");
    }

    [Fact]
    public void A_group_whose_rules_are_a_parameter_may_admit_ssh()
    {
        string Template(string rules) => Exposure.PL3004NatGatewayWithoutInternetRouteTests.Template(Exposure.PL3004NatGatewayWithoutInternetRouteTests.IgwRoute, parameters: "Parameters:\n  Rules: { Type: String }\n")
            + "  WebGroup:\n    Type: AWS::EC2::SecurityGroup\n    Properties: { VpcId: !Ref Vpc, GroupDescription: web, SecurityGroupIngress: " + rules + " }\n"
            + "  Web:\n    Type: AWS::EC2::Instance\n    Properties: { SubnetId: !Ref PublicSubnet, ImageId: ami-0123456789abcdef0, SecurityGroupIds: [!Ref WebGroup] }\n"
            + "  WebAddress:\n    Type: AWS::EC2::EIP\n    Properties: { InstanceId: !Ref Web }\n";
        LintResult Run(string rules)
        {
            var result = CfnTestKit.Lint(CfnTestKit.Load(("t.yaml", Template(rules))));
            Assert.Empty(result.Failures);
            return result;
        }

        Assert.Contains(Run("[]").Findings, f => f.RuleId == "PL4001");
        Assert.DoesNotContain(Run("!Ref Rules").Findings, f => f.RuleId == "PL4001");
    }
}
