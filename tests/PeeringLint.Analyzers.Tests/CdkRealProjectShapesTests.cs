using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>
/// Shapes met in the third-party collection (tests/Fixtures/cdk-projects, docs/analyzer.md "On real projects"),
/// written anew here: where the analyzer cannot follow a value it stays silent, and where it can it reports
/// exactly the true finding.
/// </summary>
public sealed class CdkRealProjectShapesTests
{
    [Fact]
    public async Task NAT_Elastic_IP_passed_through_a_record_is_unknown_not_unassociated()
    {
        // nyamada00/aws_cdk_study builds its NAT gateways from records whose AllocationId is eip.AttrAllocationId:
        // the analyzer does not follow record properties, so the Elastic IP's association is unknown and PL3003
        // (Elastic IP not associated) must not be reported.
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc = new CfnVPC(this, \"Vpc\", new CfnVPCProps { CidrBlock = \"10.0.0.0/16\" });\n" +
            "        var subnet = new CfnSubnet(this, \"Public1a\", new CfnSubnetProps { VpcId = vpc.Ref, CidrBlock = \"10.0.1.0/24\" });\n" +
            "        var eip = new CfnEIP(this, \"Eip1a\", new CfnEIPProps { Domain = \"vpc\" });\n" +
            "        foreach (var info in new[] { new NatInfo(\"Ngw1a\", eip.AttrAllocationId, subnet.Ref) })\n" +
            "        {\n" +
            "            new CfnNatGateway(this, info.Id, new CfnNatGatewayProps { AllocationId = info.AllocationId, SubnetId = info.SubnetId });\n" +
            "        }\n",
            "    private sealed record NatInfo(string Id, string AllocationId, string SubnetId);\n\n"));
    }

    [Fact]
    public async Task Peering_to_a_looked_up_VPC_routed_over_both_subnet_lists_reports_nothing()
    {
        // The shape of a community EKS stack: an L2 VPC peered with Vpc.FromLookup, routes added in a double foreach
        // over both VPCs' subnets with each subnet's Ipv4CidrBlock as destination. The looked-up side and the
        // destinations are unknown: no routing finding may be guessed.
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        var cluster = new Vpc(this, \"Cluster\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.2.0.0/16\"), MaxAzs = 2, NatGateways = 0,\n" +
            "            SubnetConfiguration = new[] { new SubnetConfiguration { Name = \"public\", SubnetType = SubnetType.PUBLIC, CidrMask = 24 } } });\n" +
            "        var db = Vpc.FromLookup(this, \"Db\", new VpcLookupOptions { VpcId = \"vpc-0123456789abcdef0\" });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"Peering\", new CfnVPCPeeringConnectionProps { VpcId = cluster.VpcId, PeerVpcId = db.VpcId });\n" +
            "        var n = 1;\n" +
            "        foreach (var c in cluster.PublicSubnets)\n" +
            "        {\n" +
            "            foreach (var d in db.IsolatedSubnets)\n" +
            "            {\n" +
            "                new CfnRoute(this, \"ToDb\" + n, new CfnRouteProps { DestinationCidrBlock = d.Ipv4CidrBlock, VpcPeeringConnectionId = peering.Ref, RouteTableId = c.RouteTable.RouteTableId });\n" +
            "                new CfnRoute(this, \"FromDb\" + n, new CfnRouteProps { DestinationCidrBlock = c.Ipv4CidrBlock, VpcPeeringConnectionId = peering.Ref, RouteTableId = d.RouteTable.RouteTableId });\n" +
            "                n += 1;\n" +
            "            }\n" +
            "        }\n"));
    }

    [Fact]
    public async Task SSH_from_anywhere_added_to_a_group_a_helper_returns_is_reported_once()
    {
        // aws-cdk-examples ec2-instance: the group comes back from a helper and the rule is added on the local.
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc = new Vpc(this, \"MyVPC\", new VpcProps { NatGateways = 0, SubnetConfiguration = new[] { new SubnetConfiguration { CidrMask = 24, Name = \"asterisk\", SubnetType = SubnetType.PUBLIC } } });\n" +
            "        SecurityGroup securityGroup = CreateSecurityGroup(vpc);\n" +
            "        securityGroup.AddIngressRule([|Peer.AnyIpv4()|], Port.Tcp(22), \"Allow SSH Access\");\n",
            "    private SecurityGroup CreateSecurityGroup(Vpc vpc) =>\n" +
            "        new SecurityGroup(this, \"SecurityGroup\", new SecurityGroupProps { Vpc = vpc, AllowAllOutbound = true });\n\n"),
            "PL4004");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, run.Single("PL4004").Severity);
    }

    [Theory]
    [InlineData("PublicSubnets", true)]
    [InlineData("PrivateSubnets", false)]
    public async Task A_CfnInstance_in_an_L2_public_subnet_takes_the_subnets_public_address(string group, bool reported)
    {
        // BasementProgrammer's lab: a Windows jump box (CfnInstance) in vpc.PublicSubnets[0] whose L2 group admits only
        // the VPC. The subnet maps public IPs on launch, so the box has a public address that admits nothing from
        // outside: PL4001. The C# front end used to leave the address unknown (the CloudFormation reader did not).
        string group1 = reported ? "{|PL4001:new SecurityGroup(this, \"private-security-group\", new SecurityGroupProps { Vpc = vpc })|}" : "new SecurityGroup(this, \"private-security-group\", new SecurityGroupProps { Vpc = vpc })";
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc = new Vpc(this, \"lab-vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.0.0/16\"), MaxAzs = 2,\n" +
            "            SubnetConfiguration = new[] { new SubnetConfiguration { CidrMask = 24, Name = \"Public\", SubnetType = SubnetType.PUBLIC }, new SubnetConfiguration { CidrMask = 24, Name = \"Private\", SubnetType = SubnetType.PRIVATE_WITH_EGRESS } } });\n" +
            "        SecurityGroup privateSecurityGroup = " + group1 + ";\n" +
            "        privateSecurityGroup.AddIngressRule(Peer.Ipv4(\"10.0.0.0/16\"), Port.AllTraffic(), \"Allow all trafic from the VPC\");\n" +
            "        new CfnInstance(this, \"jump-box-instance\", new CfnInstanceProps { InstanceType = \"t3.large\", ImageId = \"ami-0123456789abcdef0\",\n" +
            "            SecurityGroupIds = new[] { privateSecurityGroup.SecurityGroupId }, SubnetId = vpc." + group + "[0].SubnetId });\n"));
        if (reported)
        {
            Assert.Contains("jump-box-instance", run.Single("PL4001").GetMessage());
        }
    }
}
