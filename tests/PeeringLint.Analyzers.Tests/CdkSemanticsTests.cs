using System.Linq;
using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>
/// The CDK front end feeds the shared AWS semantics layer (src/PeeringLint.Core/Aws) like the other readers: a
/// NAT gateway's Elastic IP, a peering's status and a route's target kind mean the same as in a template.
/// </summary>
public sealed class CdkSemanticsTests
{
    private const string Network =
        "        var vpc = new CfnVPC(this, \"Vpc\", new CfnVPCProps { CidrBlock = \"10.0.0.0/16\" });\n" +
        "        var subnet = new CfnSubnet(this, \"Subnet\", new CfnSubnetProps { VpcId = vpc.Ref, CidrBlock = \"10.0.0.0/24\" });\n";

    private static async Task<string[]> Ids(string body)
    {
        var run = await RunAsync(Compile(new[] { ("Stack.cs", Stack(body)) }));
        Assert.Empty(run.Exceptions);
        return run.Diagnostics.Where(d => d.Id.StartsWith("PL", System.StringComparison.Ordinal)).Select(d => d.Id).OrderBy(x => x, System.StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public async Task Elastic_ip_of_a_cfn_nat_gateway_is_associated() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Network +
            "        var eip = new CfnEIP(this, \"Eip\", new CfnEIPProps { Domain = \"vpc\" });\n" +
            "        new CfnNatGateway(this, \"Nat\", new CfnNatGatewayProps { AllocationId = eip.AttrAllocationId, SubnetId = subnet.Ref });\n"));

    [Fact]
    public async Task Secondary_allocation_ids_are_associated_and_an_idle_elastic_ip_is_still_reported() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Network +
            "        var eip = new CfnEIP(this, \"Eip\", new CfnEIPProps { Domain = \"vpc\" });\n" +
            "        var eip2 = new CfnEIP(this, \"Eip2\", new CfnEIPProps { Domain = \"vpc\" });\n" +
            "        var idle = [|new CfnEIP(this, \"Idle\", new CfnEIPProps { Domain = \"vpc\" })|];\n" +
            "        new CfnNatGateway(this, \"Nat\", new CfnNatGatewayProps { AllocationId = eip.AttrAllocationId, SecondaryAllocationIds = new[] { eip2.AttrAllocationId }, SubnetId = subnet.Ref });\n"),
            "PL3003");

    [Fact]
    public async Task An_unknown_allocation_leaves_idle_elastic_ips_unknown()
    {
        string eip = "        var eip = new CfnEIP(this, \"Eip\", new CfnEIPProps { Domain = \"vpc\" });\n";
        Assert.Equal(new[] { "PL3003" }, await Ids(Network + eip));
        Assert.Empty(await Ids(Network + eip + "        new CfnNatGateway(this, \"Nat\", new CfnNatGatewayProps { AllocationId = Fn.ImportValue(\"alloc\"), SubnetId = subnet.Ref });\n"));
    }

    private const string Peered =
        "        var vpc1 = new CfnVPC(this, \"v1\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
        "        var rtb1 = new CfnRouteTable(this, \"rtb1\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n" +
        "        var pcx = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = \"vpc-0peer\"PEER });\n" +
        "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = pcx.Ref });\n";

    /// <summary>
    /// The same cases as the CloudFormation reader's (tests/PeeringLint.Tests/Aws/SemanticsLayerTests): a route to
    /// a peering that stays pending acceptance is PL2003 in both front ends, and nowhere else.
    /// </summary>
    [Theory]
    [InlineData("", false)]
    [InlineData(", PeerRegion = \"eu-west-1\"", false)]
    [InlineData(", PeerOwnerId = \"111122223333\"", true)]
    [InlineData(", PeerOwnerId = \"111122223333\", PeerRegion = \"eu-west-1\"", true)]
    [InlineData(", PeerOwnerId = \"111122223333\", PeerRoleArn = \"arn:aws:iam::111122223333:role/peer\"", false)]
    [InlineData(", PeerOwnerId = Fn.ImportValue(\"owner\")", false)]
    public async Task Peering_status_is_decided_by_the_layer(string peer, bool pending)
    {
        var ids = await Ids(Peered.Replace("PEER", peer));
        Assert.Equal(pending, ids.Contains("PL2003"));
    }

    private const string PublicNet =
        "        var vpc = new CfnVPC(this, \"Vpc\", new CfnVPCProps { CidrBlock = \"10.0.0.0/16\" });\n" +
        "        var subnet = new CfnSubnet(this, \"Subnet\", new CfnSubnetProps { VpcId = vpc.Ref, CidrBlock = \"10.0.0.0/24\", MapPublicIpOnLaunch = true });\n" +
        "        var igw = new CfnInternetGateway(this, \"Igw\");\n" +
        "        new CfnVPCGatewayAttachment(this, \"Attach\", new CfnVPCGatewayAttachmentProps { VpcId = vpc.Ref, InternetGatewayId = igw.Ref });\n" +
        "        var vgw = new CfnVPNGateway(this, \"Vgw\", new CfnVPNGatewayProps { Type = \"ipsec.1\" });\n" +
        "        var rtb = new CfnRouteTable(this, \"Rtb\", new CfnRouteTableProps { VpcId = vpc.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"Assoc\", new CfnSubnetRouteTableAssociationProps { SubnetId = subnet.Ref, RouteTableId = rtb.Ref });\n" +
        "        new CfnRoute(this, \"Default\", new CfnRouteProps { RouteTableId = rtb.Ref, DestinationCidrBlock = \"0.0.0.0/0\", GatewayId = GATEWAY });\n" +
        "        new CfnInstance(this, \"Web\", new CfnInstanceProps { ImageId = \"ami-1\", NetworkInterfaces = new[] { new CfnInstance.NetworkInterfaceProperty { DeviceIndex = \"0\", SubnetId = subnet.Ref, AssociatePublicIpAddress = true } } });\n";

    /// <summary>
    /// PL3002 (a public IP in a subnet with no internet route) shows the route's kind: an internet gateway is
    /// silent; a virtual private gateway is not an internet route; a VPC endpoint as the default route's target can
    /// only be a Gateway Load Balancer or firewall endpoint, which may hand traffic on to the internet gateway
    /// (unknown, silent); an id or value the layer cannot place is unknown (silent), never an internet gateway.
    /// </summary>
    [Theory]
    [InlineData("igw.Ref", false)]
    [InlineData("\"igw-0a1b2c\"", false)]
    [InlineData("vgw.Ref", true)]
    [InlineData("\"vgw-0a1b2c\"", true)]
    [InlineData("\"vpce-0a1b2c\"", false)]
    [InlineData("\"my-gateway\"", false)]
    [InlineData("Fn.ImportValue(\"gw\")", false)]
    public async Task Gateway_id_kind_is_decided_by_the_layer(string gateway, bool notAnInternetRoute)
    {
        var ids = await Ids(PublicNet.Replace("GATEWAY", gateway));
        Assert.Equal(notAnInternetRoute, ids.Contains("PL3002"));
    }
}
