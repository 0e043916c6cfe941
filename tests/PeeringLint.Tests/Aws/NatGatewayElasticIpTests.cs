using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;
using PeeringLint.Tests.Parsers.AwsCli;
using PeeringLint.Tests.Parsers.CloudFormation;
using Xunit;

namespace PeeringLint.Tests.Aws;

/// <summary>A NAT gateway's Elastic IP is associated, in every input form (issue 14, "Shapes people actually save").</summary>
public sealed class NatGatewayElasticIpTests
{
    private const string Template =
        "Parameters:\n  Alloc:\n    Type: String\nResources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
        "  Subnet: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24}}\n" +
        "  Eip: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n" +
        "  Eip2: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n";

    private static string[] Pl3003(LoadResult load) =>
        CfnTestKit.Lint(load).Findings.Where(f => f.RuleId == "PL3003").Select(f => f.ElementId ?? string.Empty).OrderBy(x => x, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void CloudFormation_yaml_issue_repro_reports_nothing()
    {
        var load = CfnTestKit.Load(("t.yaml", Template.Replace("  Eip2: {Type: AWS::EC2::EIP, Properties: {Domain: vpc}}\n", string.Empty)
            + "  Nat: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: !GetAtt Eip.AllocationId, SubnetId: !Ref Subnet}}\n"));
        Assert.Empty(load.Problems);
        Assert.Equal(new[] { "Eip" }, load.Model.NatGateways.Single().ElasticIpIds.ToArray());
        Assert.Empty(Pl3003(load));
    }

    [Fact]
    public void CloudFormation_json_secondary_allocations_count_and_an_idle_address_is_still_reported()
    {
        string json = "{\"Resources\": {" +
            "\"Vpc\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": \"10.0.0.0/16\"}}," +
            "\"Subnet\": {\"Type\": \"AWS::EC2::Subnet\", \"Properties\": {\"VpcId\": {\"Ref\": \"Vpc\"}, \"CidrBlock\": \"10.0.0.0/24\"}}," +
            "\"Eip\": {\"Type\": \"AWS::EC2::EIP\", \"Properties\": {\"Domain\": \"vpc\"}}," +
            "\"Eip2\": {\"Type\": \"AWS::EC2::EIP\", \"Properties\": {\"Domain\": \"vpc\"}}," +
            "\"Idle\": {\"Type\": \"AWS::EC2::EIP\", \"Properties\": {\"Domain\": \"vpc\"}}," +
            "\"Nat\": {\"Type\": \"AWS::EC2::NatGateway\", \"Properties\": {\"AllocationId\": {\"Fn::GetAtt\": [\"Eip\", \"AllocationId\"]}, \"SecondaryAllocationIds\": [{\"Fn::GetAtt\": [\"Eip2\", \"AllocationId\"]}], \"SubnetId\": {\"Ref\": \"Subnet\"}}}}}";
        var load = CfnTestKit.Load(("t.json", json));
        Assert.Empty(load.Problems);
        Assert.Equal(new[] { "Idle" }, Pl3003(load));
    }

    [Fact]
    public void CloudFormation_unresolved_allocation_leaves_every_idle_address_unknown()
    {
        var load = CfnTestKit.Load(("t.yaml", Template + "  Nat: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: !Ref Alloc, SubnetId: !Ref Subnet}}\n"));
        Assert.True(load.Model.NatGateways.Single().ElasticIpsUnknown);
        Assert.Empty(Pl3003(load));
    }

    [Fact]
    public void CloudFormation_without_a_nat_gateway_reports_the_idle_addresses()
    {
        var load = CfnTestKit.Load(("t.yaml", Template));
        Assert.Equal(new[] { "Eip", "Eip2" }, Pl3003(load));
    }

    private const string Addresses =
        "{\"Addresses\": [{\"AllocationId\": \"eipalloc-1\", \"PublicIp\": \"198.51.100.7\", \"Domain\": \"vpc\"}, {\"AllocationId\": \"eipalloc-2\", \"PublicIp\": \"198.51.100.8\", \"Domain\": \"vpc\"}]}";

    private const string NatGateways =
        "{\"NatGateways\": [{\"NatGatewayId\": \"nat-1\", \"SubnetId\": \"subnet-1\", \"VpcId\": \"vpc-1\", \"State\": \"available\", \"ConnectivityType\": \"public\", " +
        "\"NatGatewayAddresses\": [{\"AllocationId\": \"eipalloc-1\", \"NetworkInterfaceId\": \"eni-1\", \"PrivateIp\": \"10.0.0.5\", \"PublicIp\": \"198.51.100.7\", \"IsPrimary\": true, \"Status\": \"succeeded\"}, " +
        "{\"NetworkInterfaceId\": \"eni-1\", \"PrivateIp\": \"10.0.0.6\", \"IsPrimary\": false, \"Status\": \"succeeded\"}]}]}";

    [Fact]
    public void Aws_json_address_captured_before_the_nat_gateway_is_its_address()
    {
        var load = AwsTestKit.LoadText(("addresses.json", Addresses), ("nat-gateways.json", NatGateways));
        Assert.Empty(AwsTestKit.Errors(load));
        Assert.Equal(new[] { "eipalloc-1" }, load.Model.NatGateways.Single().ElasticIpIds.ToArray());
        var findings = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 }).Findings.Where(f => f.RuleId == "PL3003").ToList();
        var f = Assert.Single(findings);
        Assert.Contains("198.51.100.8", f.Message);
    }

    [Fact]
    public void Aws_json_without_the_nat_gateway_record_reports_both()
    {
        var load = AwsTestKit.LoadText(("addresses.json", Addresses));
        Assert.Equal(2, LintEngine.Run(load.Model).Findings.Count(f => f.RuleId == "PL3003"));
    }

    [Fact]
    public void The_association_names_the_gateway_whichever_front_end_fed_it()
    {
        var aws = AwsTestKit.LoadText(("addresses.json", Addresses), ("nat-gateways.json", NatGateways)).Model;
        var cfn = CfnTestKit.Load(("t.yaml", Template + "  Nat: {Type: AWS::EC2::NatGateway, Properties: {AllocationId: !GetAtt Eip.AllocationId, SubnetId: !Ref Subnet}}\n")).Model;
        foreach (var (model, eipId, natId) in new[] { (aws, "eipalloc-1", "nat-1"), (cfn, "Eip", "Nat") })
        {
            var index = new ModelIndex(model);
            var eip = model.ElasticIps.Single(e => e.Id == eipId);
            Assert.Equal(Tri.Yes, ElasticIpAssociations.IsAssociated(index, eip, out var nat));
            Assert.Equal(natId, nat!.Id);
        }
    }
}
