using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>The tutorial's mistakes written as L1 CDK code: the same Core rules fire at the C# syntax.</summary>
public sealed class CdkTutorialTests
{
    [Fact]
    public async Task Typo_route_and_missing_return_route()
    {
        var run = await AnalyzerVerifier.VerifyAsync(Stack(
            CdkTopologies.TwoVpcs +
            "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = {|PL1002:\"10.1.0.0/16\"|}, VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = {|PL2001:\"10.1.0.0/16\"|}, VpcPeeringConnectionId = peering.Ref });\n"));

        var pl1002 = run.Single("PL1002");
        Assert.Equal("10.2.0.0/16", pl1002.Properties["suggestedDestination"]);
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, pl1002.Severity);
        Assert.Single(pl1002.AdditionalLocations); // VPC 1's CidrBlock
        Assert.Contains("'NextWork-1-rtb-public'", pl1002.GetMessage(System.Globalization.CultureInfo.InvariantCulture));

        var pl2001 = run.Single("PL2001");
        Assert.Equal("rtb1", pl2001.Properties["returnTableSymbol"]);
        Assert.Equal("peering", pl2001.Properties["peeringConnectionSymbol"]);
        Assert.Equal("NextWork-1-rtb-public", pl2001.Properties["returnTable"]);
        Assert.Equal("10.2.0.0/16", pl2001.Properties["returnDestination"]);
    }

    [Fact]
    public async Task Fixed_topology_is_clean()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            CdkTopologies.TwoVpcs +
            "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n"));
    }

    [Fact]
    public async Task Unknown_destination_reports_nothing()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            CdkTopologies.TwoVpcs +
            "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = id, VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n"));
    }

    [Fact]
    public async Task Unknown_vpc_cidr_reports_nothing()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc1 = new CfnVPC(this, \"a\", new CfnVPCProps { CidrBlock = System.Environment.GetEnvironmentVariable(\"CIDR\") });\n" +
            "        var rtb1 = new CfnRouteTable(this, \"rtb\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n" +
            "        new CfnRoute(this, \"r\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = \"pcx-1234\" });\n"));
    }

    [Fact]
    public async Task Constants_interpolation_and_locals_are_followed()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc1 = new CfnVPC(this, \"NextWork-1-vpc\", new CfnVPCProps { CidrBlock = $\"{Prefix1}.0.0/16\" });\n" +
            "        var vpc2 = new CfnVPC(this, \"NextWork-2-vpc\", new CfnVPCProps { CidrBlock = Vpc2Cidr });\n" +
            "        var rtb1 = new CfnRouteTable(this, \"rtb1\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n" +
            "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });\n" +
            "        var typo = {|PL1002:$\"{Prefix1}.0.0/16\"|};\n" +
            "        new CfnRoute(this, \"r1\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = typo, VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"r2\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = {|PL2001:vpc1.AttrCidrBlock|}, VpcPeeringConnectionId = peering.AttrId });\n",
            "    private const string Prefix1 = \"10.1\";\n    private const string Vpc2Cidr = \"10.2.0.0/16\";\n\n"));
    }

    [Fact]
    public async Task Reassigned_local_is_unknown()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            CdkTopologies.TwoVpcs +
            "        var dest = \"10.1.0.0/16\";\n" +
            "        if (id.Length > 3) { dest = \"10.2.0.0/16\"; }\n" +
            "        new CfnRoute(this, \"r1\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = dest, VpcPeeringConnectionId = peering.Ref });\n" +
            "        new CfnRoute(this, \"r2\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n"));
    }

    [Fact]
    public async Task Fields_hold_constructs()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        vpc1 = new CfnVPC(this, \"v1\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
            "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
            "        Table = new CfnRouteTable(this, \"rtb1\", new CfnRouteTableProps { VpcId = this.vpc1.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });\n" +
            "        new CfnRoute(this, \"r1\", new CfnRouteProps { RouteTableId = Table.Ref, DestinationCidrBlock = [|\"10.1.128.0/17\"|], VpcPeeringConnectionId = peering.Ref });\n",
            "    private readonly CfnVPC vpc1;\n\n    public CfnRouteTable Table { get; }\n\n"),
            "PL1002");
    }

    [Fact]
    public async Task Invalid_cidr_literal()
    {
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        new CfnVPC(this, \"v1\", new CfnVPCProps { CidrBlock = [|\"10.1.0.0/33\"|] });\n"),
            "PL1004");
    }
}
