using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>Issue 18: every template is a stack of its own; only real cross-stack links (exports, AWS ids) join them.</summary>
public sealed class StackIdTests
{
    private const string Network =
        "Resources:\n  VPC:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.1.0.0/16\n"
        + "Outputs:\n  VpcId:\n    Value: !Ref VPC\n    Export:\n      Name: shared-vpc\n";

    // Same logical id "VPC" as the network stack, and a peering to the VPC that stack exports.
    private const string App =
        "Resources:\n  VPC:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.2.0.0/16\n"
        + "  Peering:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      VpcId: !Ref VPC\n      PeerVpcId: !ImportValue shared-vpc\n";

    [Fact]
    public void Templates_with_the_same_logical_ids_are_two_stacks_and_an_import_still_joins_them()
    {
        var load = CfnTestKit.Load(("a/stack.yaml", Network), ("b/stack.yaml", App));
        Assert.Empty(load.Problems);
        Assert.Equal(new[] { "a/stack/VPC", "b/stack/VPC" }, load.Model.Vpcs.Select(v => v.Id).OrderBy(i => i));
        Assert.Equal("10.1.0.0/16", load.Model.Vpcs.Single(v => v.Id == "a/stack/VPC").Ipv4Cidrs[0].Text);
        var pcx = Assert.Single(load.Model.PeeringConnections);
        Assert.Equal("b/stack/VPC", pcx.Requester.VpcId);
        Assert.Equal("a/stack/VPC", pcx.Accepter.VpcId);
    }

    [Fact]
    public void A_single_template_keeps_its_logical_ids()
    {
        var load = CfnTestKit.Load(("a/stack.yaml", Network));
        Assert.Equal("VPC", Assert.Single(load.Model.Vpcs).Id);
    }

    [Fact]
    public void Same_stem_with_other_extensions_stays_apart()
    {
        var load = CfnTestKit.Load(("net.yaml", Network), ("net.template", App.Replace("!ImportValue shared-vpc", "vpc-0123")));
        Assert.Equal(new[] { "net.template/VPC", "net.yaml/VPC" }, load.Model.Vpcs.Select(v => v.Id).OrderBy(i => i));
    }

    [Fact]
    public void A_real_aws_id_in_a_parameter_joins_the_aws_export()
    {
        string app = "Parameters:\n  PeerVpc:\n    Type: AWS::EC2::VPC::Id\n    Default: vpc-0123\n"
            + App.Replace("!ImportValue shared-vpc", "!Ref PeerVpc");
        const string Export = "{\"Vpcs\": [{\"VpcId\": \"vpc-0123\", \"OwnerId\": \"111111111111\", \"CidrBlock\": \"10.9.0.0/16\"}]}";
        var load = CfnTestKit.Load(("a/stack.yaml", Network), ("b/stack.yaml", app), ("export/describe-vpcs.json", Export));
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        var pcx = Assert.Single(load.Model.PeeringConnections);
        Assert.Equal("vpc-0123", pcx.Accepter.VpcId);
        Assert.Contains(load.Model.Vpcs, v => v.Id == "vpc-0123");
    }

    [Fact]
    public void A_logical_id_another_format_already_uses_is_qualified()
    {
        const string Tutorial = "vpcs:\n  - name: VPC\n    cidr: 10.5.0.0/16\n";
        var load = CfnTestKit.Load(("net.yaml", Tutorial), ("cfn/stack.yaml", Network));
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        Assert.Equal(new[] { "VPC", "stack/VPC" }, load.Model.Vpcs.Select(v => v.Id).OrderBy(i => i, System.StringComparer.Ordinal));
        Assert.Equal("10.5.0.0/16", load.Model.Vpcs.Single(v => v.Id == "VPC").Ipv4Cidrs[0].Text);
    }
}
