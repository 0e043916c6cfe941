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
    public async Task PL1002_replaces_the_typo_with_the_peer_cidr()
    {
        await CodeFixVerifier.VerifyAsync(
            new PL1002UseSuggestedDestinationCodeFixProvider(),
            "PL1002",
            Stack(CdkTopologies.TwoVpcs + Rtb1Typo + Rtb2),
            Stack(CdkTopologies.TwoVpcs + Rtb1Fixed + Rtb2));
    }

    [Fact]
    public async Task PL1002_fix_all_fixes_every_typo()
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
    public async Task PL1002_fix_all_works_for_a_client_that_passes_no_equivalence_key()
    {
        // dotnet format with several ids: the first diagnostic may have no fix, so no key reaches the Fix All.
        await CodeFixVerifier.VerifyAsync(
            new PL1002UseSuggestedDestinationCodeFixProvider(),
            "PL1002",
            Stack(CdkTopologies.TwoVpcs + Rtb1Typo + Rtb2),
            Stack(CdkTopologies.TwoVpcs + Rtb1Fixed + Rtb2),
            fixAll: true,
            clientKnowsNoKey: true);
    }

    [Fact]
    public async Task PL2001_fix_all_works_for_a_client_that_passes_no_equivalence_key()
    {
        string forward = "        new CfnRoute(this, \"Rtb2ToPeer\", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
        string added = "        new CfnRoute(this, \"NextWork-1-rtb-public-peering-return\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n";
        await CodeFixVerifier.VerifyAsync(
            new PL2001AddReturnRouteCodeFixProvider(),
            "PL2001",
            Stack(CdkTopologies.TwoVpcs + forward),
            Stack(CdkTopologies.TwoVpcs + forward + added),
            fixAll: true,
            clientKnowsNoKey: true);
    }

    [Fact]
    public async Task PL2001_adds_one_return_route_after_a_foreach_over_L2_subnets()
    {
        // VPC 2's public tables route to VPC 1 in a loop; VPC 1's table (an L2 subnet's, no variable) lacks the way back.
        string loop = CdkTopologies.L2Routes.Substring(CdkTopologies.L2Routes.IndexOf("        foreach", System.StringComparison.Ordinal));
        string before = Stack(CdkTopologies.L2Vpcs + CdkTopologies.L2PeeringMarked.Replace("[|", string.Empty).Replace("|]", string.Empty) + loop);
        string added = "        new CfnRoute(this, \"NextWork-1-PublicSubnet1-RouteTable-peering-return\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = \"10.2.0.0/24\", VpcPeeringConnectionId = peering.Ref });\n";
        string after = Stack(CdkTopologies.L2Vpcs + CdkTopologies.L2PeeringMarked.Replace("[|", string.Empty).Replace("|]", string.Empty) + loop + added);
        await CodeFixVerifier.VerifyAsync(new PL2001AddReturnRouteCodeFixProvider(), "PL2001", before, after);
    }

    [Fact]
    public async Task Fix_all_answers_with_an_empty_action_when_nothing_is_fixable()
    {
        // The destination is not a literal: no fix, but the Fix All still answers (dotnet format then moves on).
        string viaConst = "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = Own, VpcPeeringConnectionId = peering.Ref });\n";
        string source = Stack(CdkTopologies.TwoVpcs + viaConst + Rtb2, "    private const string Own = \"10.1.0.0/16\";\n\n");
        Assert.True(await CodeFixVerifier.FixAllChangesNothingAsync(new PL1002UseSuggestedDestinationCodeFixProvider(), "PL1002", source));
    }

    [Fact]
    public async Task PL1002_no_fix_when_the_destination_is_not_a_literal()
    {
        string viaConst = "        new CfnRoute(this, \"Rtb1ToPeer\", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = Own, VpcPeeringConnectionId = peering.Ref });\n";
        Assert.True(await CodeFixVerifier.OffersNoFixAsync(new PL1002UseSuggestedDestinationCodeFixProvider(), "PL1002", Stack(CdkTopologies.TwoVpcs + viaConst + Rtb2, "    private const string Own = \"10.1.0.0/16\";\n\n")));
    }

    [Fact]
    public async Task PL2001_adds_the_reciprocal_route()
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
    public async Task PL2001_no_fix_when_the_table_is_declared_later()
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

    private const string Sg2 = "        var sg2 = new SecurityGroup(this, \"Sg2\", new SecurityGroupProps { Vpc = vpc2 });\n";
    private const string AllowIcmpFromVpc1 = "        sg2.AddIngressRule(Peer.Ipv4(\"10.1.0.0/16\"), Port.AllIcmp());\n";

    private static string L2Tutorial(string vpcs, string group2) =>
        Stack(vpcs + CdkTopologies.L2PeeringMarked.Replace("[|", string.Empty).Replace("|]", string.Empty) + CdkTopologies.L2Routes + CdkTopologies.L2Instance1 + group2 + CdkTopologies.L2Instance2());

    [Fact]
    public async Task PL4002_allows_icmp_from_the_peer_after_the_group_is_created()
    {
        await CodeFixVerifier.VerifyAsync(
            new PL4002AllowIcmpFromPeerCodeFixProvider(),
            "PL4002",
            L2Tutorial(CdkTopologies.L2Vpcs, Sg2),
            L2Tutorial(CdkTopologies.L2Vpcs, Sg2 + AllowIcmpFromVpc1));
    }

    [Fact]
    public async Task PL4002_allows_icmp_after_the_groups_last_ingress_rule()
    {
        string ssh = "        sg2.AddIngressRule(Peer.Ipv4(\"203.0.113.0/24\"), Port.Tcp(22), \"admin\");\n";
        string other = "        var unrelated = \"x\";\n";
        await CodeFixVerifier.VerifyAsync(
            new PL4002AllowIcmpFromPeerCodeFixProvider(),
            "PL4002",
            L2Tutorial(CdkTopologies.L2Vpcs, Sg2 + other + ssh),
            L2Tutorial(CdkTopologies.L2Vpcs, Sg2 + other + ssh + AllowIcmpFromVpc1));
    }

    [Fact]
    public async Task PL4002_fix_all_opens_both_sides()
    {
        // Neither group admits anything from the other VPC: one finding per side, both fixed.
        string closed1 = CdkTopologies.L2Instance1.Replace("        sg1.AddIngressRule(Peer.Ipv4(\"10.2.0.0/16\"), Port.AllIcmp());\n", string.Empty);
        string Program(string sg1Rule, string sg2Rule) => Stack(
            CdkTopologies.L2Vpcs + CdkTopologies.L2PeeringMarked.Replace("[|", string.Empty).Replace("|]", string.Empty) + CdkTopologies.L2Routes +
            closed1.Replace("new SecurityGroupProps { Vpc = vpc1 });\n", "new SecurityGroupProps { Vpc = vpc1 });\n" + sg1Rule) +
            Sg2 + sg2Rule + CdkTopologies.L2Instance2());
        await CodeFixVerifier.VerifyAsync(
            new PL4002AllowIcmpFromPeerCodeFixProvider(),
            "PL4002",
            Program(string.Empty, string.Empty),
            Program("        sg1.AddIngressRule(Peer.Ipv4(\"10.2.0.0/16\"), Port.AllIcmp());\n", AllowIcmpFromVpc1),
            fixAll: true);
    }

    [Fact]
    public async Task PL4002_adds_the_ec2_using_when_the_file_has_none()
    {
        const string ec2 = "using Amazon.CDK.AWS.EC2;\n";
        const string marker = "        // icmp\n";
        string before = Qualify(L2Tutorial(CdkTopologies.L2Vpcs, Sg2).Replace(ec2, string.Empty));
        string after = Qualify(L2Tutorial(CdkTopologies.L2Vpcs, Sg2 + marker).Replace(ec2, string.Empty))
            .Replace("using Constructs;\n", "using Constructs;\n" + ec2)
            .Replace(marker, AllowIcmpFromVpc1);
        await CodeFixVerifier.VerifyAsync(new PL4002AllowIcmpFromPeerCodeFixProvider(), "PL4002", before, after);
    }

    [Theory]
    [InlineData("inline")]
    [InlineData("twoBlocks")]
    [InlineData("l1")]
    public async Task PL4002_no_fix_without_a_variable_or_a_single_peer_block(string variant)
    {
        string group2 = Sg2;
        string vpcs = CdkTopologies.L2Vpcs;
        string program;
        switch (variant)
        {
            case "inline":
                program = L2Tutorial(vpcs, string.Empty).Replace("SecurityGroup = sg2", "SecurityGroup = new SecurityGroup(this, \"Sg2\", new SecurityGroupProps { Vpc = vpc2 })");
                break;
            case "twoBlocks":
                program = L2Tutorial(vpcs + "        new CfnVPCCidrBlock(this, \"Extra\", new CfnVPCCidrBlockProps { VpcId = vpc1.VpcId, CidrBlock = \"10.9.0.0/16\" });\n", group2);
                break;
            default:
                // An L1 group on an L1 instance in the L2 VPC's subnet: no L2 AddIngressRule to add.
                program = L2Tutorial(vpcs, "        var sg2 = new CfnSecurityGroup(this, \"Sg2\", new CfnSecurityGroupProps { VpcId = vpc2.VpcId, GroupDescription = \"i2\" });\n")
                    .Replace(CdkTopologies.L2Instance2(), "        new CfnInstance(this, \"Instance2\", new CfnInstanceProps { SubnetId = vpc2.PublicSubnets[0].SubnetId, SecurityGroupIds = new[] { sg2.AttrGroupId }, ImageId = \"ami-0abcdef1234567890\" });\n");
                break;
        }

        Assert.True(await CodeFixVerifier.OffersNoFixAsync(new PL4002AllowIcmpFromPeerCodeFixProvider(), "PL4002", program));
    }

    private static string Qualify(string source) => source
        .Replace("new Vpc(", "new Amazon.CDK.AWS.EC2.Vpc(").Replace("new VpcProps", "new Amazon.CDK.AWS.EC2.VpcProps")
        .Replace("IpAddresses.Cidr", "Amazon.CDK.AWS.EC2.IpAddresses.Cidr").Replace("new SubnetConfiguration ", "new Amazon.CDK.AWS.EC2.SubnetConfiguration ")
        .Replace("SubnetType.PUBLIC", "Amazon.CDK.AWS.EC2.SubnetType.PUBLIC").Replace("new CfnVPCPeeringConnection", "new Amazon.CDK.AWS.EC2.CfnVPCPeeringConnection")
        .Replace("new CfnRoute", "new Amazon.CDK.AWS.EC2.CfnRoute").Replace("new SecurityGroup", "new Amazon.CDK.AWS.EC2.SecurityGroup")
        .Replace("Peer.Ipv4", "Amazon.CDK.AWS.EC2.Peer.Ipv4").Replace("Port.AllIcmp", "Amazon.CDK.AWS.EC2.Port.AllIcmp")
        .Replace("new Instance_", "new Amazon.CDK.AWS.EC2.Instance_").Replace("new InstanceProps", "new Amazon.CDK.AWS.EC2.InstanceProps")
        .Replace("new SubnetSelection", "new Amazon.CDK.AWS.EC2.SubnetSelection").Replace("new InstanceType", "new Amazon.CDK.AWS.EC2.InstanceType")
        .Replace("MachineImage.", "Amazon.CDK.AWS.EC2.MachineImage.");
}
