using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>The subnets and route tables an L2 Vpc creates, and PL4002 on the L2 tutorial program.</summary>
public sealed class CdkL2NetworkTests
{
    private const string Sg2 = "        var sg2 = new SecurityGroup(this, \"Sg2\", new SecurityGroupProps { Vpc = vpc2 });\n";

    private const string L1Vpc2 =
        "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
        "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
        "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.VpcId, PeerVpcId = vpc2.Ref });\n";

    private const string DefaultVpc1 = "        var vpc1 = new Vpc(this, \"Vpc1\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\") });\n";

    private static string L2Program(string group2Rules) =>
        CdkTopologies.L2Vpcs + CdkTopologies.L2PeeringMarked + CdkTopologies.L2Routes + CdkTopologies.L2Instance1 + Sg2 + group2Rules + CdkTopologies.L2Instance2();

    [Fact]
    public async Task PL4002_reports_the_peering_when_vpc2s_group_admits_nothing_from_vpc1()
    {
        var run = await AnalyzerVerifier.VerifyIgnoringAsync(Stack(L2Program(string.Empty)), "PL4002", "PL4001");
        var d = run.Single("PL4002");
        Assert.Contains("'NextWork-2'", d.GetMessage());
        Assert.Equal("Sg2", d.Properties["securityGroup"]);
        Assert.Equal("sg2", d.Properties["securityGroupSymbol"]);
        Assert.Equal("SecurityGroup", d.Properties["securityGroupKind"]);
        Assert.Equal("10.1.0.0/16", d.Properties["peerCidr"]);
    }

    [Fact]
    public async Task PL4002_reports_a_group_admitting_ssh_only_from_elsewhere() =>
        await AnalyzerVerifier.VerifyIgnoringAsync(Stack(L2Program("        sg2.AddIngressRule(Peer.Ipv4(\"203.0.113.0/24\"), Port.Tcp(22));\n")), "PL4002", "PL4001");

    [Theory]
    [InlineData("Peer.Ipv4(\"10.1.0.0/16\"), Port.AllIcmp()")]
    [InlineData("Peer.Ipv4(\"10.1.0.0/16\"), Port.Tcp(22)")]
    [InlineData("Peer.Ipv4(\"10.1.0.0/24\"), Port.AllTraffic()")]
    [InlineData("Peer.AnyIpv4(), Port.IcmpPing()")]
    public async Task PL4002_is_silent_when_something_from_the_peer_is_admitted(string rule)
    {
        string body = L2Program("        sg2.AddIngressRule(" + rule + ");\n").Replace("[|", string.Empty).Replace("|]", string.Empty);
        var run = await AnalyzerVerifier.VerifyIgnoringAsync(Stack(body), "PL4002", "PL4001");
        Assert.DoesNotContain(run.All, d => d.Id == "PL4002");
    }

    [Fact]
    public async Task PL4002_is_silent_when_the_peering_is_routed_one_way_only()
    {
        // Without vpc2's routes back (the foreach), PL2001 reports the route and PL4002 waits for routing both ways.
        string routes = CdkTopologies.L2Routes.Substring(0, CdkTopologies.L2Routes.IndexOf("        foreach", System.StringComparison.Ordinal));
        string body = L2Program(string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty).Replace(CdkTopologies.L2Routes, routes);
        var run = await AnalyzerVerifier.VerifyIgnoringAsync(Stack(body.Replace("DestinationCidrBlock = \"10.2.0.0/16\"", "DestinationCidrBlock = [|\"10.2.0.0/16\"|]")), "PL2001", "PL4001");
        Assert.DoesNotContain(run.All, d => d.Id == "PL4002");
    }

    [Fact]
    public async Task PL2001_sees_the_route_in_an_L2_subnets_table_and_its_subnet_block()
    {
        // Env-agnostic stack, default subnets: 2 AZs, public 10.1.0.0/18 and 10.1.64.0/18, private /18s after them.
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            DefaultVpc1 + L1Vpc2 +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[1].RouteTable.RouteTableId, DestinationCidrBlock = [|\"10.2.0.0/16\"|], VpcPeeringConnectionId = peering.Ref });\n"),
            "PL2001");
        Assert.Contains("sends 10.1.64.0/18 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task PL2001_sees_private_subnets_and_add_route_on_an_L2_subnet()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            DefaultVpc1 + L1Vpc2 +
            "        ((Subnet)vpc1.PrivateSubnets[0]).AddRoute(\"ToPeer\", new AddRouteOptions { RouterType = RouterType.VPC_PEERING_CONNECTION, RouterId = peering.Ref, DestinationCidrBlock = [|\"10.2.0.0/16\"|] });\n"),
            "PL2001");
        Assert.Contains("sends 10.1.128.0/18 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task PL1002_sees_the_typo_in_an_L2_subnets_table() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            DefaultVpc1 + L1Vpc2 +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = {|PL1002:\"10.1.0.0/16\"|}, VpcPeeringConnectionId = peering.Ref });\n"));

    [Theory]
    [InlineData("vpc1.PublicSubnets[2].RouteTable.RouteTableId", "")] // only 2 AZs: no third subnet
    [InlineData("vpc1.PublicSubnets[Index()].RouteTable.RouteTableId", "")]
    [InlineData("vpc1.IsolatedSubnets[0].RouteTable.RouteTableId", "")]
    [InlineData("vpc1.PublicSubnets[0].RouteTable.RouteTableId", ", MaxAzs = 3, NatGateways = Count()")]
    [InlineData("vpc1.PublicSubnets[0].RouteTable.RouteTableId", ", SubnetConfiguration = Subnets()")]
    [InlineData("vpc1.PublicSubnets[0].RouteTable.RouteTableId", ", VpnGateway = true")]
    public async Task UnknownL2SubnetsStaySilent(string table, string props)
    {
        string members =
            "    private static int Index() => 0;\n" +
            "    private static int Count() => 1;\n" +
            "    private static ISubnetConfiguration[] Subnets() => new ISubnetConfiguration[0];\n\n";
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            DefaultVpc1.Replace(") });", ")" + props + " });") + L1Vpc2 +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = " + table + ", DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n",
            members));
        Assert.Empty(run.All);
    }

    [Theory]
    [InlineData("            if (subnet.Node.Id != \"x\") { new CfnRoute(this, \"r\" + subnet.Node.Id, new CfnRouteProps { RouteTableId = subnet.RouteTable.RouteTableId, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref }); }\n")]
    [InlineData("            if (subnet.Node.Id == \"x\") continue;\n            new CfnRoute(this, \"r\" + subnet.Node.Id, new CfnRouteProps { RouteTableId = subnet.RouteTable.RouteTableId, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n")]
    public async Task Conditional_routes_in_a_foreach_stay_silent(string loopBody)
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            DefaultVpc1 + L1Vpc2 + "        foreach (var subnet in vpc1.PublicSubnets)\n        {\n" + loopBody + "        }\n"));
        Assert.Empty(run.All);
    }

    [Fact]
    public async Task Foreach_puts_one_route_in_each_table()
    {
        // Both public tables route to vpc2 (PL2001 for each); the private ones do not.
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            DefaultVpc1 + L1Vpc2 +
            "        foreach (var subnet in vpc1.PublicSubnets)\n" +
            "        {\n" +
            "            new CfnRoute(this, \"r\" + subnet.Node.Id, new CfnRouteProps { RouteTableId = subnet.RouteTable.RouteTableId, DestinationCidrBlock = {|PL2001:{|PL2001:\"10.2.0.0/16\"|}|}, VpcPeeringConnectionId = peering.Ref });\n" +
            "        }\n"));
        Assert.Contains(run.All, d => d.GetMessage().Contains("10.1.0.0/18"));
        Assert.Contains(run.All, d => d.GetMessage().Contains("10.1.64.0/18"));
    }

    private const string StackWithProps =
        "using Amazon.CDK;\n" +
        "using Amazon.CDK.AWS.EC2;\n" +
        "using Constructs;\n" +
        "\n" +
        "namespace CdkApp;\n" +
        "\n" +
        "public sealed class NetStack : Stack\n" +
        "{\n" +
        "    public NetStack(Construct scope, string id, IStackProps? props = null)\n" +
        "        : base(scope, id, props)\n" +
        "    {\n" +
        "        var vpc1 = new Vpc(this, \"Vpc1\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\") });\n" +
        L1Vpc2 +
        "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[1].RouteTable.RouteTableId, DestinationCidrBlock = MARK, VpcPeeringConnectionId = peering.Ref });\n" +
        "    }\n" +
        "}\n" +
        "\n" +
        "public static class Program\n" +
        "{\n" +
        "    public static void Main()\n" +
        "    {\n" +
        "        var app = new App();\n" +
        "        new NetStack(app, \"Net\", new StackProps { ENV });\n" +
        "        app.Synth();\n" +
        "    }\n" +
        "}\n";

    [Fact]
    public async Task Stack_props_without_env_mean_two_azs() =>
        await AnalyzerVerifier.VerifyAsync(StackWithProps.Replace("MARK", "[|\"10.2.0.0/16\"|]").Replace("ENV", "Description = \"net\""), "PL2001");

    [Fact]
    public async Task Stack_with_an_environment_has_unknown_azs()
    {
        var run = await AnalyzerVerifier.VerifyAsync(StackWithProps.Replace("MARK", "\"10.2.0.0/16\"").Replace("ENV", "Env = new Amazon.CDK.Environment { Region = \"us-east-1\" }"));
        Assert.Empty(run.All);
    }
}
