using System.Threading.Tasks;
using PeeringLint.Analyzers.CodeFixes;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

public sealed class CodeFixTests
{
    private const string Rtb1Typo = "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
    private const string Rtb1Fixed = "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
    private const string Rtb2 = "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";

    [Fact]
    public async Task PL1002ReplacesTheTypoWithThePeerCidr()
    {
        await CodeFixVerifier.VerifyAsync(
            new PL1002UseSuggestedDestinationCodeFixProvider(),
            "PL1002",
            Stack(CdkTopologies.TwoVpcs + Rtb1Typo + Rtb2),
            Stack(CdkTopologies.TwoVpcs + Rtb1Fixed + Rtb2));
    }

    [Fact]
    public async Task PL1002FixAllFixesEveryTypo()
    {
        string second = "        new CfnRoute(this, \"Again\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.1.0.0/17\", VpcPeeringConnectionId = peering.Ref });\n";
        string secondFixed = "        new CfnRoute(this, \"Again\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
        await CodeFixVerifier.VerifyAsync(
            new PL1002UseSuggestedDestinationCodeFixProvider(),
            "PL1002",
            Stack(CdkTopologies.TwoVpcs + Rtb1Typo + second + Rtb2),
            Stack(CdkTopologies.TwoVpcs + Rtb1Fixed + secondFixed + Rtb2),
            fixAll: true);
    }

    [Fact]
    public async Task PL1002NoFixWhenTheDestinationIsNotALiteral()
    {
        string viaConst = "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = Own, VpcPeeringConnectionId = peering.Ref });\n";
        Assert.True(await CodeFixVerifier.OffersNoFixAsync(new PL1002UseSuggestedDestinationCodeFixProvider(), "PL1002", Stack(CdkTopologies.TwoVpcs + viaConst + Rtb2, "    private const string Own = \"10.1.0.0/16\";\n\n")));
    }

    [Fact]
    public async Task PL2001AddsTheReciprocalRoute()
    {
        string forward = "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
        string added = "        new CfnRoute(this, \"NextWork-1-rtb-public-peering-return\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
        await CodeFixVerifier.VerifyAsync(
            new PL2001AddReturnRouteCodeFixProvider(),
            "PL2001",
            Stack(CdkTopologies.TwoVpcs + forward),
            Stack(CdkTopologies.TwoVpcs + forward + added));
    }

    [Fact]
    public async Task PL2001NoFixWhenTheTableIsDeclaredLater()
    {
        string source = Stack(
            "        var vpc1 = new CfnVPC(this, \"v1\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
            "        var vpc2 = new CfnVPC(this, \"v2\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
            "        var rtb2 = new CfnRouteTable(this, \"rtb2\", new CfnRouteTableProps { VpcId = vpc2.Ref });\n" +
            "        var peering = new CfnVPCPeeringConnection(this, \"pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });\n" +
            "        new CfnRoute(this, \"r2\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
            "        var rtb1 = new CfnRouteTable(this, \"rtb1\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n");
        Assert.True(await CodeFixVerifier.OffersNoFixAsync(new PL2001AddReturnRouteCodeFixProvider(), "PL2001", source));
    }
}
