using System.Linq;
using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>Constructs created or configured in helper methods, passed between stacks, or imported (issue 21).</summary>
public sealed class CdkInterproceduralTests
{
    private const string VpcDecl = "        var vpc = new Vpc(this, \"Vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.0.0/16\"), MaxAzs = 1 });\n";

    private const string CreateGroup =
        "    private SecurityGroup CreateSecurityGroup(IVpc vpc) => new SecurityGroup(this, \"Sg\", new SecurityGroupProps { Vpc = vpc });\n\n";

    [Fact]
    public async Task PL4004_sees_a_group_returned_by_a_helper() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            VpcDecl + "        var sg = CreateSecurityGroup(vpc);\n        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.SSH);\n", CreateGroup), "PL4004");

    [Fact]
    public async Task PL4004_sees_a_group_returned_through_two_helpers_and_a_local() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            VpcDecl + "        Outer(vpc).AddIngressRule([|Peer.AnyIpv4()|], Port.SSH);\n",
            CreateGroup +
            "    private SecurityGroup Outer(IVpc vpc)\n    {\n        var created = CreateSecurityGroup(vpc);\n        return created;\n    }\n\n"), "PL4004");

    [Fact]
    public async Task PL4004_sees_a_rule_added_by_a_helper_to_the_group_passed_in() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            VpcDecl + "        var sg = new SecurityGroup(this, \"Sg\", new SecurityGroupProps { Vpc = vpc });\n        OpenSsh(sg);\n",
            "    private static void OpenSsh(ISecurityGroup group) => group.AddIngressRule([|Peer.AnyIpv4()|], Port.SSH);\n\n"), "PL4004");

    [Fact]
    public async Task A_helper_called_for_two_groups_adds_its_rule_to_both()
    {
        var run = await CdkCompiler.RunAsync(Compile(new[] { ("Stack.cs", Stack(
            VpcDecl +
            "        var a = new SecurityGroup(this, \"A\", new SecurityGroupProps { Vpc = vpc });\n" +
            "        var b = new SecurityGroup(this, \"B\", new SecurityGroupProps { Vpc = vpc });\n" +
            "        OpenSsh(a);\n        OpenSsh(b);\n",
            "    private static void OpenSsh(ISecurityGroup group) => group.AddIngressRule(Peer.AnyIpv4(), Port.SSH);\n\n")) }));
        var messages = run.Diagnostics.Where(d => d.Id == "PL4004").Select(d => d.GetMessage()).OrderBy(m => m).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("'A'", messages[0]);
        Assert.Contains("'B'", messages[1]);
    }

    [Fact]
    public async Task A_helper_returning_one_of_two_groups_stays_unknown() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            VpcDecl + "        var sg = Pick(vpc, DateTime.Now.Second > 30);\n        sg.AddIngressRule(Peer.AnyIpv4(), Port.SSH);\n",
            "    private SecurityGroup Pick(IVpc vpc, bool first)\n    {\n" +
            "        if (first)\n        {\n            return new SecurityGroup(this, \"A\", new SecurityGroupProps { Vpc = vpc });\n        }\n\n" +
            "        return new SecurityGroup(this, \"B\", new SecurityGroupProps { Vpc = vpc });\n    }\n\n"));

    [Fact]
    public async Task Helpers_nested_beyond_the_call_depth_stay_unknown() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            VpcDecl + "        var sg = H4(vpc);\n        sg.AddIngressRule(Peer.AnyIpv4(), Port.SSH);\n",
            CreateGroup +
            "    private SecurityGroup H2(IVpc v) => CreateSecurityGroup(v);\n" +
            "    private SecurityGroup H3(IVpc v) => H2(v);\n" +
            "    private SecurityGroup H4(IVpc v) => H3(v);\n\n"));

    [Fact]
    public async Task PL2001_sees_a_vpc_made_by_a_static_helper()
    {
        // MaxAzs = 1: one public and one private /17 whatever the stack's environment.
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc1 = MakeVpc(this);\n" +
            "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
            "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.VpcId, PeerVpcId = vpc2.Ref });\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = [|\"10.2.0.0/16\"|], VpcPeeringConnectionId = peering.Ref });\n",
            "    private static Vpc MakeVpc(Construct scope) =>\n        new Vpc(scope, \"Vpc1\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\"), MaxAzs = 1 });\n\n"),
            "PL2001");
        Assert.Contains("sends 10.1.0.0/17 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task PL2001_sees_a_vpc_passed_from_another_stack_through_its_props()
    {
        const string App =
            "using Amazon.CDK;\nusing Amazon.CDK.AWS.EC2;\nusing Constructs;\n\nnamespace App;\n\n" +
            "public sealed class NetworkStack : Stack\n{\n" +
            "    public NetworkStack(Construct scope, string id) : base(scope, id)\n    {\n" +
            "        Vpc = new Vpc(this, \"Shared\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\"), MaxAzs = 1 });\n    }\n\n" +
            "    public Vpc Vpc { get; }\n}\n\n" +
            "public sealed class AppStackProps : StackProps\n{\n    public IVpc? Vpc { get; set; }\n}\n\n" +
            "public sealed class AppStack : Stack\n{\n" +
            "    public AppStack(Construct scope, string id, AppStackProps props) : base(scope, id, props)\n    {\n" +
            "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
            "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = props.Vpc!.VpcId, PeerVpcId = vpc2.Ref });\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = props.Vpc.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = [|\"10.2.0.0/16\"|], VpcPeeringConnectionId = peering.Ref });\n" +
            "    }\n}\n\n" +
            "public static class Program\n{\n    public static void Main()\n    {\n" +
            "        var app = new Amazon.CDK.App();\n        var network = new NetworkStack(app, \"Net\");\n" +
            "        new AppStack(app, \"App\", new AppStackProps { Vpc = network.Vpc });\n        app.Synth();\n    }\n}\n";
        var run = await AnalyzerVerifier.VerifyAsync(App, "PL2001");
        Assert.Contains("sends 10.1.0.0/17 back", run.Single("PL2001").GetMessage()); // neither its own table nor the main table AWS creates
    }

    [Fact]
    public async Task Imported_constructs_stay_unknown_and_findings_say_so()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            "        var imported = Vpc.FromLookup(this, \"Imported\", new VpcLookupOptions { VpcId = \"vpc-0123456789abcdef0\" });\n" +
            "        var attrs = Vpc.FromVpcAttributes(this, \"Attrs\", new VpcAttributes { VpcId = \"vpc-1\", AvailabilityZones = new[] { \"us-east-1a\" }, PublicSubnetIds = new[] { \"subnet-1\" } });\n" +
            "        var vpc1 = new CfnVPC(this, \"v1\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
            "        var rtb1 = new CfnRouteTable(this, \"rtb1\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = imported.VpcId });\n" +
            "        new CfnRoute(this, \"there\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"back\", new CfnRouteProps { RouteTableId = imported.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"attrs\", new CfnRouteProps { RouteTableId = attrs.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
            "        var theirs = SecurityGroup.FromSecurityGroupId(this, \"Theirs\", \"sg-0123456789abcdef0\");\n" +
            "        theirs.AddIngressRule(Peer.AnyIpv4(), Port.SSH);\n" +
            "        var ours = new SecurityGroup(this, \"Ours\", new SecurityGroupProps { Vpc = imported });\n" +
            "        ours.AddIngressRule([|Peer.AnyIpv4()|], Port.SSH);\n"),
            "PL4004");
        var note = run.Single("PL4004").Properties["coverageNote"];
        Assert.Contains("Vpc.FromLookup at Stack.cs:13", note);
        Assert.Contains("Vpc.FromVpcAttributes at Stack.cs:14", note);
        Assert.Contains("SecurityGroup.FromSecurityGroupId at Stack.cs:21", note);
    }

    [Fact]
    public async Task Without_imports_findings_carry_no_coverage_note()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            VpcDecl + "        var sg = new SecurityGroup(this, \"Sg\", new SecurityGroupProps { Vpc = vpc });\n        sg.AddIngressRule([|Peer.AnyIpv4()|], Port.SSH);\n"), "PL4004");
        Assert.False(run.Single("PL4004").Properties.ContainsKey("coverageNote"));
    }
}
