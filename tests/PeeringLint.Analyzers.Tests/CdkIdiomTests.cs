using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>C# the way people write CDK code (issue 21): static ports, the Connections API, locals holding L2 parts.</summary>
public sealed class CdkIdiomTests
{
    private const string VpcAndGroup =
        "        var vpc = new Vpc(this, \"Vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.0.0/16\"), MaxAzs = 1 });\n" +
        "        var sg = new SecurityGroup(this, \"Sg\", new SecurityGroupProps { Vpc = vpc });\n";

    [Theory]
    [InlineData("Port.SSH")]
    [InlineData("Port.AllTraffic()")]
    [InlineData("Port.TcpRange(20, 25)")]
    [InlineData("new Port(new PortProps { Protocol = Protocol.TCP, FromPort = 22, ToPort = 22, StringRepresentation = \"22\" })")]
    [InlineData("new Port(new PortProps { Protocol = Protocol.ALL, StringRepresentation = \"all\" })")]
    public async Task PL4004_reads_static_ports_and_port_constructors(string port)
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(VpcAndGroup + "        sg.AddIngressRule([|Peer.AnyIpv4()|], " + port + ");\n"), "PL4004");
        Assert.Contains("from 0.0.0.0/0", run.Single("PL4004").GetMessage());
    }

    [Theory]
    [InlineData("Port.HTTPS")]
    [InlineData("Port.HTTP")]
    [InlineData("Port.RDP")]
    [InlineData("Port.IcmpPing()")]
    [InlineData("Port.AllIcmp()")]
    [InlineData("new Port(new PortProps { Protocol = Protocol.TCP, FromPort = 443, ToPort = 443, StringRepresentation = \"443\" })")]
    [InlineData("new Port(new PortProps { Protocol = Protocol.UDP, FromPort = 22, ToPort = 22, StringRepresentation = \"22\" })")]
    public async Task PL4004_is_silent_for_other_static_ports(string port) =>
        await AnalyzerVerifier.VerifyAsync(Stack(VpcAndGroup + "        sg.AddIngressRule(Peer.AnyIpv4(), " + port + ");\n"));

    [Fact]
    public async Task PL4004_reads_connections_allow_from() =>
        await AnalyzerVerifier.VerifyAsync(Stack(VpcAndGroup + "        sg.Connections.AllowFrom([|Peer.AnyIpv4()|], Port.Tcp(22), \"ssh\");\n"), "PL4004");

    [Fact]
    public async Task PL4004_reads_connections_allow_from_any_ipv4() =>
        await AnalyzerVerifier.VerifyAsync(Stack(VpcAndGroup + "        [|sg.Connections.AllowFromAnyIpv4(Port.SSH)|];\n"), "PL4004");

    [Fact]
    public async Task PL4004_reads_an_instances_connections_as_its_group() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            VpcAndGroup +
            "        var host = new Instance_(this, \"Host\", new InstanceProps { Vpc = vpc, SecurityGroup = sg, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType(\"t3.micro\"), MachineImage = MachineImage.LatestAmazonLinux2() });\n" +
            "        [|host.Connections.AllowFromAnyIpv4(Port.SSH)|];\n"),
            "PL4004");

    [Theory]
    [InlineData("sg.Connections.AllowFrom(Peer.Ipv4(\"10.0.0.0/8\"), Port.Tcp(22))")]
    [InlineData("sg.Connections.AllowFromAnyIpv4(Port.HTTPS)")]
    [InlineData("sg.Connections.AllowDefaultPortFrom(Peer.AnyIpv4())")]
    public async Task Connections_rules_that_do_not_open_ssh_stay_silent(string call) =>
        await AnalyzerVerifier.VerifyAsync(Stack(VpcAndGroup + "        " + call + ";\n"));

    [Theory]
    [InlineData("sg2.Connections.AllowFrom(sg1, Port.AllIcmp())")]
    [InlineData("instance2.Connections.AllowFrom(instance1, Port.AllIcmp())")]
    [InlineData("sg2.Connections.AllowFrom(Peer.Ipv4(\"10.1.0.0/16\"), Port.IcmpPing())")]
    public async Task PL4002_sees_connections_rules_between_the_tutorials_instances(string rule)
    {
        var silent = await AnalyzerVerifier.VerifyIgnoringAsync(Stack(L2TutorialWithInstanceVariables("        " + rule + ";\n")), null, "PL4001");
        Assert.DoesNotContain(silent.All, d => d.Id == "PL4002");
    }

    [Fact]
    public async Task PL4002_still_fires_when_connections_admit_only_another_network() =>
        await AnalyzerVerifier.VerifyIgnoringAsync(
            Stack(L2TutorialWithInstanceVariables("        sg2.Connections.AllowFrom(Peer.Ipv4(\"203.0.113.0/24\"), Port.AllIcmp());\n").Replace("var peering = new", "var peering = [|new").Replace("PeerVpcId = vpc2.VpcId })", "PeerVpcId = vpc2.VpcId })|]")),
            "PL4002",
            "PL4001");

    [Fact]
    public async Task Connections_between_groups_with_closed_egress_raise_no_false_finding()
    {
        // sg1 allows no outbound; AllowFrom(sg1) opens sg1 → sg2 egress as the CDK does, and sg2 admits sg1: nothing to report.
        var compilation = Compile(new[] { ("Stack.cs", Stack(L2TutorialWithInstanceVariables("        sg2.Connections.AllowFrom(sg1, Port.AllIcmp());\n")
            .Replace("new SecurityGroupProps { Vpc = vpc1 }", "new SecurityGroupProps { Vpc = vpc1, AllowAllOutbound = false }"))) });
        var run = await RunAsync(compilation);
        Assert.Empty(run.Exceptions);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "PL4002" or "PL0002");
    }

    [Fact]
    public async Task PL2001_follows_a_local_holding_an_L2_subnets_route_table()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            OneWay +
            "        var t = vpc1.PublicSubnets[1].RouteTable;\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = t.RouteTableId, DestinationCidrBlock = [|\"10.2.0.0/16\"|], VpcPeeringConnectionId = peering.Ref });\n"),
            "PL2001");
        Assert.Contains("sends 10.1.64.0/18 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task PL2001_follows_a_local_holding_an_L2_subnet_group()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            OneWay +
            "        var publicSubnets = vpc1.PublicSubnets;\n" +
            "        var tableId = publicSubnets[0].RouteTable.RouteTableId;\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = tableId, DestinationCidrBlock = [|\"10.2.0.0/16\"|], VpcPeeringConnectionId = peering.Ref });\n"),
            "PL2001");
        Assert.Contains("sends 10.1.0.0/18 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task A_route_table_local_assigned_twice_stays_unknown() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            OneWay +
            "        var t = vpc1.PublicSubnets[1].RouteTable;\n" +
            "        t = vpc1.PublicSubnets[0].RouteTable;\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = t.RouteTableId, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n"));

    [Fact]
    public async Task PL1004_warns_that_the_cdk_deploys_the_rounded_block()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        new Vpc(this, \"Vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr([|\"10.0.1.0/20\"|]), MaxAzs = 1 });\n"),
            "PL1004");
        var d = run.Single("PL1004");
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Contains("deploys 10.0.16.0/20", d.GetMessage());
    }

    [Fact]
    public async Task The_model_carries_the_block_the_cdk_deploys_and_its_subnet_split()
    {
        // 10.1.1.0/17 becomes 10.1.128.0/17: one AZ, public and private /18s inside it.
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc1 = new Vpc(this, \"Vpc1\", new VpcProps { IpAddresses = IpAddresses.Cidr({|PL1004:\"10.1.1.0/17\"|}), MaxAzs = 1 });\n" +
            "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
            "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.VpcId, PeerVpcId = vpc2.Ref });\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = {|PL2001:\"10.2.0.0/16\"|}, VpcPeeringConnectionId = peering.Ref });\n"));
        Assert.Contains("sends 10.1.128.0/18 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task An_aligned_L2_block_is_not_reported() =>
        await AnalyzerVerifier.VerifyAsync(Stack("        new Vpc(this, \"Vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.16.0/20\"), MaxAzs = 1 });\n"));

    [Theory]
    [InlineData("10.0.1.0/20", "10.0.16.0/20")]
    [InlineData("10.0.0.0/20", "10.0.0.0/20")]
    [InlineData("10.0.15.255/20", "10.0.16.0/20")]
    [InlineData("192.168.0.1/16", "192.169.0.0/16")]
    [InlineData("255.255.255.1/24", null)]
    [InlineData("10.0.0/16", null)]
    public void Cdk_deployed_cidr_rounds_as_amazon_cdk_lib(string given, string? deployed) =>
        Assert.Equal(deployed, PeeringLint.Analyzers.Cdk.CdkModelBuilder.CdkDeployedCidr(given));

    private const string OneWay =
        "        var vpc1 = new Vpc(this, \"Vpc1\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\") });\n" +
        "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
        "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
        "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.VpcId, PeerVpcId = vpc2.Ref });\n";

    private static string L2TutorialWithInstanceVariables(string rules) =>
        (CdkTopologies.L2Vpcs + CdkTopologies.L2PeeringMarked + CdkTopologies.L2Routes).Replace("[|", string.Empty).Replace("|]", string.Empty) +
        "        var sg1 = new SecurityGroup(this, \"Sg1\", new SecurityGroupProps { Vpc = vpc1 });\n" +
        "        sg1.AddIngressRule(Peer.Ipv4(\"10.2.0.0/16\"), Port.AllIcmp());\n" +
        "        var instance1 = new Instance_(this, \"Instance1\", new InstanceProps { Vpc = vpc1, SecurityGroup = sg1, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType(\"t2.micro\"), MachineImage = MachineImage.LatestAmazonLinux2() });\n" +
        "        var sg2 = new SecurityGroup(this, \"Sg2\", new SecurityGroupProps { Vpc = vpc2 });\n" +
        "        var instance2 = new Instance_(this, \"Instance2\", new InstanceProps { Vpc = vpc2, SecurityGroup = sg2, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType(\"t2.micro\"), MachineImage = MachineImage.LatestAmazonLinux2() });\n" +
        rules;
}
