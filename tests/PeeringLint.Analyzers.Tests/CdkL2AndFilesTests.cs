using System.Linq;
using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>L2 constructs, AdditionalFiles templates, suppression and severity configuration.</summary>
public sealed class CdkL2AndFilesTests
{
    private const string BrokenYaml =
        "name: t\n" +
        "vpcs:\n" +
        "  - name: a\n" +
        "    cidr: 10.1.0.0/16\n" +
        "    route_tables:\n" +
        "      - name: rtb-a\n" +
        "        routes:\n" +
        "          - { destination: {|PL1002:10.1.0.0/16|}, target: a-b }\n" +
        "  - name: b\n" +
        "    cidr: 10.2.0.0/16\n" +
        "peerings:\n" +
        "  - name: a-b\n" +
        "    requester: a\n" +
        "    accepter: b\n";

    [Fact]
    public async Task L2_vpcs_overlap_through_peering()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        var a = new Vpc(this, \"A\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.0.0/16\") });\n" +
            "        var b = new Vpc(this, \"B\");\n" +
            "        {|PL1001:new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = a.VpcId, PeerVpcId = b.VpcId })|};\n"));
        Assert.Contains(run.All, d => d.Id == "PL1001");
    }

    [Fact]
    public async Task L2SecurityGroupRulesAreModelled_SshFromAnywhereIsReported()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc = new Vpc(this, \"A\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\") });\n" +
            "        var sg = new SecurityGroup(this, \"Sg\", new SecurityGroupProps { Vpc = vpc });\n" +
            "        sg.AddIngressRule(Peer.Ipv4(\"10.2.0.0/16\"), Port.AllIcmp());\n" +
            "        sg.AddIngressRule({|PL4004:Peer.AnyIpv4()|}, Port.Tcp(22), \"ssh\");\n" +
            // The L2 Vpc's public subnet is modelled (route to its internet gateway): no public IP there is PL3001.
            "        new Instance_(this, \"I\", new InstanceProps { Vpc = vpc, SecurityGroup = sg, AssociatePublicIpAddress = {|PL3001:false|}, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType(\"t2.micro\"), MachineImage = MachineImage.LatestAmazonLinux2() });\n"));
    }

    [Fact]
    public async Task No_cdk_no_diagnostics_no_exceptions()
    {
        var compilation = Compile(new[] { ("Plain.cs", "public sealed class C { public string M() => \"10.1.0.0/16\" + new object(); }") }, FrameworkOnly);
        var run = await RunAsync(compilation);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task Additional_yaml_is_linted_at_template_lines()
    {
        var run = await AnalyzerVerifier.VerifyAsync(
            new[] { ("Empty.cs", "public sealed class C { }") },
            new[] { ("network/broken.yaml", BrokenYaml) });
        var d = run.Single("PL1002");
        var span = d.Location.GetLineSpan();
        Assert.Equal("network/broken.yaml", span.Path);
        Assert.Equal(7, span.StartLinePosition.Line);
        Assert.Equal(27, span.StartLinePosition.Character);
    }

    [Fact]
    public async Task Additional_json_is_linted()
    {
        string json =
            "{\n" +
            "  \"vpcs\": [\n" +
            "    { \"name\": \"a\", \"cidr\": \"10.1.0.0/16\", \"route_tables\": [ { \"name\": \"rtb-a\", \"routes\": [ { \"destination\": {|PL1002:\"10.1.0.0/16\"|}, \"target\": \"a-b\" } ] } ] },\n" +
            "    { \"name\": \"b\", \"cidr\": \"10.2.0.0/16\" }\n" +
            "  ],\n" +
            "  \"peerings\": [ { \"name\": \"a-b\", \"requester\": \"a\", \"accepter\": \"b\" } ]\n" +
            "}\n";
        await AnalyzerVerifier.VerifyAsync(new[] { ("Empty.cs", "public sealed class C { }") }, new[] { ("network/broken.json", json) });
    }

    [Fact]
    public async Task Broken_template_is_an_input_problem()
    {
        var compilation = Compile(new[] { ("Empty.cs", "public sealed class C { }") }, FrameworkOnly);
        var run = await RunAsync(compilation, new[] { new InMemoryAdditionalText("network/bad.yaml", "vpcs:\n  - name: a\n    cidr: [1, 2\n") });
        Assert.Empty(run.Exceptions);
        var d = Assert.Single(run.Diagnostics);
        Assert.Equal("PL0001", d.Id);
        Assert.Equal("network/bad.yaml", d.Location.GetLineSpan().Path);
    }

    [Fact]
    public async Task Pragma_suppresses_and_options_raise_severity()
    {
        string body = CdkTopologies.TwoVpcs +
            "#pragma warning disable PL1002\n" +
            "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
            "#pragma warning restore PL1002\n" +
            "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
        var compilation = Compile(new[] { ("Stack.cs", Stack(body)) }, specific: new System.Collections.Generic.Dictionary<string, Microsoft.CodeAnalysis.ReportDiagnostic> { ["PL2001"] = Microsoft.CodeAnalysis.ReportDiagnostic.Warn });
        var run = await RunAsync(compilation);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "PL1002" && !d.IsSuppressed);
        var pl2001 = Assert.Single(run.Diagnostics, d => d.Id == "PL2001");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, pl2001.Severity);
    }
}
