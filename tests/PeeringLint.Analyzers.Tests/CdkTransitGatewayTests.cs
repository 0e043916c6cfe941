using System.Linq;
using System.Threading.Tasks;
using PeeringLint.Analyzers.Tests.Equivalence;
using PeeringLint.Analyzers.Tests.TestKit;
using PeeringLint.Model;
using Xunit;
using static PeeringLint.Analyzers.Tests.TestKit.CdkCompiler;

namespace PeeringLint.Analyzers.Tests;

/// <summary>
/// Transit gateways, VPN gateways, VPN connections, prefix lists, endpoints, egress-only gateways and NAT gateways
/// written as CDK L1 constructs feed the model the CloudFormation reader builds from what they synthesize, so
/// PL2010, PL2011, PL2012 and PL3004 fire in the IDE (issue 16). Each rule: a bad case, a good case, and a case
/// whose deciding value the analyzer cannot follow (silent).
/// </summary>
public sealed class CdkTransitGatewayTests
{
    /// <summary>Two VPCs with one subnet and one route table each, attached to transit gateway Hub (HUB: its props).</summary>
    private const string Spokes =
        "        var vpcA = new CfnVPC(this, \"VpcA\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
        "        var subnetA = new CfnSubnet(this, \"SubnetA\", new CfnSubnetProps { VpcId = vpcA.Ref, CidrBlock = \"10.1.1.0/24\", AvailabilityZone = \"us-east-1a\" });\n" +
        "        var tableA = new CfnRouteTable(this, \"TableA\", new CfnRouteTableProps { VpcId = vpcA.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"SubnetATable\", new CfnSubnetRouteTableAssociationProps { SubnetId = subnetA.Ref, RouteTableId = tableA.Ref });\n" +
        "        var vpcB = new CfnVPC(this, \"VpcB\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
        "        var subnetB = new CfnSubnet(this, \"SubnetB\", new CfnSubnetProps { VpcId = vpcB.Ref, CidrBlock = \"10.2.1.0/24\", AvailabilityZone = \"us-east-1a\" });\n" +
        "        var tableB = new CfnRouteTable(this, \"TableB\", new CfnRouteTableProps { VpcId = vpcB.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"SubnetBTable\", new CfnSubnetRouteTableAssociationProps { SubnetId = subnetB.Ref, RouteTableId = tableB.Ref });\n" +
        "        var hub = new CfnTransitGateway(this, \"Hub\", new CfnTransitGatewayProps { HUB });\n" +
        "        var attachA = new CfnTransitGatewayAttachment(this, \"AttachA\", new CfnTransitGatewayAttachmentProps { TransitGatewayId = hub.Ref, VpcId = vpcA.Ref, SubnetIds = new[] { subnetA.Ref } });\n" +
        "        var attachB = new CfnTransitGatewayAttachment(this, \"AttachB\", new CfnTransitGatewayAttachmentProps { TransitGatewayId = hub.Ref, VpcId = vpcB.Ref, SubnetIds = new[] { subnetB.Ref } });\n";

    private static string ToB(string dest = "\"10.2.0.0/16\"", string target = "hub.Ref") =>
        $"        new CfnRoute(this, \"RouteToB\", new CfnRouteProps {{ RouteTableId = tableA.Ref, DestinationCidrBlock = {dest}, TransitGatewayId = {target} }});\n";

    private static string ToA(string dest = "\"10.1.0.0/16\"", string target = "hub.Ref") =>
        $"        new CfnRoute(this, \"RouteToA\", new CfnRouteProps {{ RouteTableId = tableB.Ref, DestinationCidrBlock = {dest}, TransitGatewayId = {target} }});\n";

    private static string Hub(string props = "AmazonSideAsn = 64512") => Spokes.Replace("HUB", props);

    /// <summary>Hub's own table, with B associated and both propagating; A's attachment has no association.</summary>
    private static string Unassociated() => Hub("DefaultRouteTableAssociation = \"disable\", DefaultRouteTablePropagation = \"disable\"") +
        "        var rt = new CfnTransitGatewayRouteTable(this, \"Rt\", new CfnTransitGatewayRouteTableProps { TransitGatewayId = hub.Ref });\n" +
        "        new CfnTransitGatewayRouteTableAssociation(this, \"AssocB\", new CfnTransitGatewayRouteTableAssociationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachB.Ref });\n" +
        "        new CfnTransitGatewayRouteTablePropagation(this, \"PropA\", new CfnTransitGatewayRouteTablePropagationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachA.Ref });\n" +
        "        new CfnTransitGatewayRouteTablePropagation(this, \"PropB\", new CfnTransitGatewayRouteTablePropagationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachB.Ref });\n";

    [Fact]
    public async Task PL2011_attachment_not_associated()
    {
        var d = await AnalyzerVerifier.VerifyAsync(Stack(Unassociated() + ToB("[|\"10.2.0.0/16\"|]") + ToA()), "PL2011");
        Assert.Contains("not associated", d.Single("PL2011").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task PL2011_is_silent_when_no_association_is_declared() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Hub("DefaultRouteTableAssociation = \"disable\"") + ToB() + ToA()));

    [Fact]
    public async Task PL2011_explicit_table_without_the_destination()
    {
        string code = Hub("DefaultRouteTableAssociation = \"disable\", DefaultRouteTablePropagation = \"disable\"") +
            "        var rt = new CfnTransitGatewayRouteTable(this, \"Rt\", new CfnTransitGatewayRouteTableProps { TransitGatewayId = hub.Ref });\n" +
            "        new CfnTransitGatewayRouteTableAssociation(this, \"AssocA\", new CfnTransitGatewayRouteTableAssociationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachA.Ref });\n" +
            "        new CfnTransitGatewayRouteTableAssociation(this, \"AssocB\", new CfnTransitGatewayRouteTableAssociationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachB.Ref });\n" +
            "        new CfnTransitGatewayRouteTablePropagation(this, \"PropA\", new CfnTransitGatewayRouteTablePropagationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachA.Ref });\n" +
            "        new CfnTransitGatewayRoute(this, \"Hole\", new CfnTransitGatewayRouteProps { TransitGatewayRouteTableId = rt.Ref, DestinationCidrBlock = \"10.2.0.0/16\", Blackhole = true });\n";
        var d = await AnalyzerVerifier.VerifyAsync(Stack(code + ToB("[|\"10.2.0.0/16\"|]") + ToA()), "PL2011");
        Assert.Contains("blackhole", d.Single("PL2011").GetMessage(), System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task PL2011_and_PL2012_are_silent_on_a_hub_that_delivers_both_ways() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Hub() + ToB() + ToA()));

    [Fact]
    public async Task PL2011_is_silent_when_the_route_names_a_gateway_the_code_does_not_pin_down() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Unassociated() + ToB(target: "Fn.ImportValue(\"hub\")") + ToA()));

    [Fact]
    public async Task PL2011_is_silent_when_a_static_route_and_a_propagation_deliver_both_ways() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Hub("DefaultRouteTableAssociation = \"disable\", DefaultRouteTablePropagation = \"disable\"") +
            "        var rt = new CfnTransitGatewayRouteTable(this, \"Rt\", new CfnTransitGatewayRouteTableProps { TransitGatewayId = hub.Ref });\n" +
            "        new CfnTransitGatewayRouteTableAssociation(this, \"AssocA\", new CfnTransitGatewayRouteTableAssociationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachA.Ref });\n" +
            "        new CfnTransitGatewayRouteTableAssociation(this, \"AssocB\", new CfnTransitGatewayRouteTableAssociationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachB.Ref });\n" +
            "        new CfnTransitGatewayRouteTablePropagation(this, \"PropA\", new CfnTransitGatewayRouteTablePropagationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachA.Ref });\n" +
            "        new CfnTransitGatewayRoute(this, \"StaticB\", new CfnTransitGatewayRouteProps { TransitGatewayRouteTableId = rt.Ref, DestinationCidrBlock = \"10.2.0.0/16\", TransitGatewayAttachmentId = attachB.Ref });\n" +
            ToB() + ToA()));

    [Fact]
    public async Task PL2012_destination_table_has_no_route_back() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Hub() + ToB("[|\"10.2.0.0/16\"|]")), "PL2012");

    [Fact]
    public async Task PL2012_is_silent_when_the_destination_table_may_hold_routes_the_code_does_not_show() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Hub() + ToB() +
            "        new CfnRoute(this, \"Elsewhere\", new CfnRouteProps { RouteTableId = Fn.ImportValue(\"table\"), DestinationCidrBlock = \"10.9.0.0/16\", GatewayId = \"igw-0a1b2c\" });\n"));

    private const string PeeredWithVgw =
        "        var vpcA = new CfnVPC(this, \"VpcA\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
        "        var subnetA = new CfnSubnet(this, \"SubnetA\", new CfnSubnetProps { VpcId = vpcA.Ref, CidrBlock = \"10.1.1.0/24\" });\n" +
        "        var tableA = new CfnRouteTable(this, \"TableA\", new CfnRouteTableProps { VpcId = vpcA.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"SubnetATable\", new CfnSubnetRouteTableAssociationProps { SubnetId = subnetA.Ref, RouteTableId = tableA.Ref });\n" +
        "        var vpcB = new CfnVPC(this, \"VpcB\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
        "        var subnetB = new CfnSubnet(this, \"SubnetB\", new CfnSubnetProps { VpcId = vpcB.Ref, CidrBlock = \"10.2.1.0/24\" });\n" +
        "        var tableB = new CfnRouteTable(this, \"TableB\", new CfnRouteTableProps { VpcId = vpcB.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"SubnetBTable\", new CfnSubnetRouteTableAssociationProps { SubnetId = subnetB.Ref, RouteTableId = tableB.Ref });\n" +
        "        var pcx = new CfnVPCPeeringConnection(this, \"Pcx\", new CfnVPCPeeringConnectionProps { VpcId = vpcA.Ref, PeerVpcId = vpcB.Ref });\n" +
        "        new CfnRoute(this, \"AToB\", new CfnRouteProps { RouteTableId = tableA.Ref, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = pcx.Ref });\n" +
        "        new CfnRoute(this, \"BToA\", new CfnRouteProps { RouteTableId = tableB.Ref, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = pcx.Ref });\n" +
        "        var vgw = new CfnVPNGateway(this, \"Vgw\", new CfnVPNGatewayProps { Type = \"ipsec.1\" });\n" +
        "        new CfnVPCGatewayAttachment(this, \"VgwAttach\", new CfnVPCGatewayAttachmentProps { VpcId = vpcA.Ref, VpnGatewayId = vgw.Ref });\n";

    private static string ToVgw(string dest) =>
        $"        new CfnRoute(this, \"ToDc\", new CfnRouteProps {{ RouteTableId = tableA.Ref, DestinationCidrBlock = {dest}, GatewayId = vgw.Ref }});\n";

    [Fact]
    public async Task PL2010_a_vpn_gateway_route_takes_part_of_the_peer_range()
    {
        var d = await AnalyzerVerifier.VerifyAsync(Stack(PeeredWithVgw + ToVgw("[|\"10.2.128.0/17\"|]")), "PL2010");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Single("PL2010").Severity);
    }

    [Fact]
    public async Task PL2010_is_silent_when_the_ranges_do_not_nest() =>
        await AnalyzerVerifier.VerifyAsync(Stack(PeeredWithVgw + ToVgw("\"192.168.0.0/16\"")));

    [Fact]
    public async Task PL2010_is_silent_when_the_destination_is_not_a_constant() =>
        await AnalyzerVerifier.VerifyAsync(Stack(PeeredWithVgw + ToVgw("Fn.ImportValue(\"dc\")")));

    [Fact]
    public async Task PL2010_a_transit_gateway_summary_around_a_peering_is_a_note()
    {
        string code = PeeredWithVgw +
            "        var hub = new CfnTransitGateway(this, \"Hub\", new CfnTransitGatewayProps { AmazonSideAsn = 64512 });\n" +
            "        new CfnTransitGatewayAttachment(this, \"AttachA\", new CfnTransitGatewayAttachmentProps { TransitGatewayId = hub.Ref, VpcId = vpcA.Ref, SubnetIds = new[] { subnetA.Ref } });\n" +
            "        new CfnRoute(this, \"Summary\", new CfnRouteProps { RouteTableId = tableA.Ref, DestinationCidrBlock = \"10.0.0.0/8\", TransitGatewayId = hub.Ref });\n";
        var d = await AnalyzerVerifier.VerifyAsync(Stack(code.Replace("DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId", "DestinationCidrBlock = [|\"10.2.0.0/16\"|], VpcPeeringConnectionId")), "PL2010");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, d.Single("PL2010").Severity);
    }

    /// <summary>A public subnet with an internet route (PUBLIC_ROUTE), a NAT gateway in NAT_SUBNET, a private subnet whose default route goes to it.</summary>
    private const string NatNetwork =
        "        var vpc = new CfnVPC(this, \"Vpc\", new CfnVPCProps { CidrBlock = \"10.0.0.0/16\" });\n" +
        "        var igw = new CfnInternetGateway(this, \"Igw\");\n" +
        "        new CfnVPCGatewayAttachment(this, \"IgwAttach\", new CfnVPCGatewayAttachmentProps { VpcId = vpc.Ref, InternetGatewayId = igw.Ref });\n" +
        "        var pub = new CfnSubnet(this, \"Public\", new CfnSubnetProps { VpcId = vpc.Ref, CidrBlock = \"10.0.0.0/24\" });\n" +
        "        var pubTable = new CfnRouteTable(this, \"PublicTable\", new CfnRouteTableProps { VpcId = vpc.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"PublicAssoc\", new CfnSubnetRouteTableAssociationProps { SubnetId = pub.Ref, RouteTableId = pubTable.Ref });\n" +
        "PUBLIC_ROUTE" +
        "        var priv = new CfnSubnet(this, \"Private\", new CfnSubnetProps { VpcId = vpc.Ref, CidrBlock = \"10.0.1.0/24\" });\n" +
        "        var eip = new CfnEIP(this, \"NatIp\", new CfnEIPProps { Domain = \"vpc\" });\n" +
        "        var nat = new CfnNatGateway(this, \"Nat\", new CfnNatGatewayProps { SubnetId = NAT_SUBNET, AllocationId = eip.AttrAllocationId });\n" +
        "        var privTable = new CfnRouteTable(this, \"PrivateTable\", new CfnRouteTableProps { VpcId = vpc.Ref });\n" +
        "        new CfnSubnetRouteTableAssociation(this, \"PrivateAssoc\", new CfnSubnetRouteTableAssociationProps { SubnetId = priv.Ref, RouteTableId = privTable.Ref });\n" +
        "        OPENnew CfnRoute(this, \"PrivateDefault\", new CfnRouteProps { RouteTableId = privTable.Ref, DestinationCidrBlock = \"0.0.0.0/0\", NatGatewayId = nat.Ref })CLOSE;\n";

    private const string InternetRoute =
        "        new CfnRoute(this, \"PublicDefault\", new CfnRouteProps { RouteTableId = pubTable.Ref, DestinationCidrBlock = \"0.0.0.0/0\", GatewayId = igw.Ref });\n";

    private static string Nat(string publicRoute, string natSubnet, bool expected = false) =>
        NatNetwork.Replace("PUBLIC_ROUTE", publicRoute).Replace("NAT_SUBNET", natSubnet).Replace("OPEN", expected ? "[|" : string.Empty).Replace("CLOSE", expected ? "|]" : string.Empty);

    [Fact]
    public async Task PL3004_nat_gateway_in_a_subnet_without_an_internet_route() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Nat(string.Empty, "pub.Ref", expected: true)), "PL3004");

    [Fact]
    public async Task PL3004_nat_gateway_placed_in_the_private_subnet() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Nat(InternetRoute, "priv.Ref", expected: true)), "PL3004");

    [Fact]
    public async Task PL3004_is_silent_when_the_nat_subnet_is_public() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Nat(InternetRoute, "pub.Ref")));

    [Fact]
    public async Task PL3004_is_silent_when_the_nat_subnet_is_not_a_constant() =>
        await AnalyzerVerifier.VerifyAsync(Stack(Nat(string.Empty, "Fn.ImportValue(\"subnet\")")));

    [Fact]
    public async Task PL3004_is_silent_on_the_nat_gateways_an_L2_vpc_creates() =>
        await AnalyzerVerifier.VerifyAsync(Stack("        new Vpc(this, \"Vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.0.0/16\"), MaxAzs = 2 });\n"));

    [Fact]
    public async Task PL3004_route_from_an_L2_private_subnet_to_a_cfn_nat_gateway_in_an_isolated_subnet() =>
        await AnalyzerVerifier.VerifyAsync(Stack(
            "        var vpc = new Vpc(this, \"Vpc\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.0.0/16\"), MaxAzs = 1, NatGateways = 0, SubnetConfiguration = new[] {\n" +
            "            new SubnetConfiguration { Name = \"App\", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 24 },\n" +
            "            new SubnetConfiguration { Name = \"Db\", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 } } });\n" +
            "        var nat = new CfnNatGateway(this, \"Nat\", new CfnNatGatewayProps { SubnetId = vpc.IsolatedSubnets[0].SubnetId, ConnectivityType = \"public\" });\n" +
            "        [|new CfnRoute(this, \"AppDefault\", new CfnRouteProps { RouteTableId = vpc.PrivateSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = \"0.0.0.0/0\", NatGatewayId = nat.Ref })|];\n"),
            "PL3004");

    private static NetworkModel Model(string body) => CdkModelProbe.Build(Compile(new[] { ("Stack.cs", Stack(body)) }));

    [Theory]
    [InlineData("", false, true)]
    [InlineData(", Options = new CfnTransitGatewayAttachment.OptionsProperty { ApplianceModeSupport = \"enable\" }", true, true)]
    [InlineData(", Options = new CfnTransitGatewayAttachment.OptionsProperty { ApplianceModeSupport = \"disable\" }", false, true)]
    [InlineData(", Options = new CfnTransitGatewayAttachment.OptionsProperty { ApplianceModeSupport = Fn.ImportValue(\"mode\") }", false, false)]
    public void Appliance_mode_of_an_attachment(string options, bool enabled, bool known)
    {
        var model = Model(Hub().Replace("SubnetIds = new[] { subnetA.Ref } }", "SubnetIds = new[] { subnetA.Ref }" + options + " }"));
        var a = Assert.Single(model.Of<TransitGatewayAttachment>(), x => x.Id == "AttachA");
        Assert.Equal((enabled, known), (a.ApplianceMode, a.ApplianceModeKnown));
        Assert.Equal(new[] { "SubnetA" }, a.SubnetIds);
        Assert.True(a.SubnetsKnown);
        Assert.Equal("VpcA", a.VpcId);
    }

    [Fact]
    public async Task An_L2_vpc_attached_by_its_subnets_is_a_spoke()
    {
        string code =
            "        var hub = new CfnTransitGateway(this, \"Hub\", new CfnTransitGatewayProps { AmazonSideAsn = 64512 });\n" +
            "        var vpc = new Vpc(this, \"Spoke\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.4.0.0/16\"), MaxAzs = 2 });\n" +
            "        new CfnTransitGatewayVpcAttachment(this, \"Attach\", new CfnTransitGatewayVpcAttachmentProps { TransitGatewayId = hub.Ref, VpcId = vpc.VpcId, SubnetIds = new[] { vpc.PrivateSubnets[0].SubnetId, vpc.PrivateSubnets[1].SubnetId } });\n" +
            "        new CfnRoute(this, \"ToOther\", new CfnRouteProps { RouteTableId = vpc.PrivateSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = [|\"10.5.0.0/16\"|], TransitGatewayId = hub.Ref });\n";
        var model = Model(code.Replace("[|", string.Empty).Replace("|]", string.Empty));
        var a = Assert.Single(model.Of<TransitGatewayAttachment>());
        Assert.Equal(("Spoke", true), (a.VpcId, a.SubnetsKnown));
        Assert.Equal(new[] { "Spoke/PrivateSubnet1", "Spoke/PrivateSubnet2" }, a.SubnetIds);

        // 10.5.0.0/16 overlaps no VPC attached to the hub and the default table has no static route for it: dropped.
        await AnalyzerVerifier.VerifyAsync(Stack(code), "PL2011");
    }

    [Fact]
    public void Default_route_table_associates_and_propagates_every_attachment_as_in_a_template()
    {
        var model = Model(Hub("DefaultRouteTablePropagation = \"disable\"") +
            "        var rt = new CfnTransitGatewayRouteTable(this, \"Rt\", new CfnTransitGatewayRouteTableProps { TransitGatewayId = hub.Ref });\n" +
            "        new CfnTransitGatewayRouteTableAssociation(this, \"AssocB\", new CfnTransitGatewayRouteTableAssociationProps { TransitGatewayRouteTableId = rt.Ref, TransitGatewayAttachmentId = attachB.Ref });\n");
        var def = Assert.Single(model.Of<TransitGatewayRouteTable>(), t => t.Id == "Hub/default-route-table");
        Assert.Equal(new[] { "AttachA" }, def.Associations.Select(l => l.AttachmentId));
        Assert.Empty(def.Propagations);
        var rt = Assert.Single(model.Of<TransitGatewayRouteTable>(), t => t.Id == "Rt");
        Assert.Equal(new[] { "AttachB" }, rt.Associations.Select(l => l.AttachmentId));
        Assert.True(model.Covers(ResourceKinds.TransitGateways | ResourceKinds.TransitGatewayAttachments | ResourceKinds.TransitGatewayRouteTables));
    }

    [Fact]
    public void Edges_are_read_as_a_template_reads_them()
    {
        var model = Model(
            "        var vpc = new CfnVPC(this, \"Vpc\", new CfnVPCProps { CidrBlock = \"10.0.0.0/16\" });\n" +
            "        var table = new CfnRouteTable(this, \"Table\", new CfnRouteTableProps { VpcId = vpc.Ref });\n" +
            "        var pl = new CfnPrefixList(this, \"OnPrem\", new CfnPrefixListProps { AddressFamily = \"IPv4\", MaxEntries = 2, PrefixListName = \"on-prem\", Entries = new[] { new CfnPrefixList.EntryProperty { Cidr = \"192.168.0.0/16\" }, new CfnPrefixList.EntryProperty { Cidr = \"172.16.0.0/12\" } } });\n" +
            "        var vgw = new CfnVPNGateway(this, \"Vgw\", new CfnVPNGatewayProps { Type = \"ipsec.1\", AmazonSideAsn = 64513 });\n" +
            "        new CfnVPCGatewayAttachment(this, \"VgwAttach\", new CfnVPCGatewayAttachmentProps { VpcId = vpc.Ref, VpnGatewayId = vgw.Ref });\n" +
            "        new CfnVPNGatewayRoutePropagation(this, \"Prop\", new CfnVPNGatewayRoutePropagationProps { VpnGatewayId = vgw.Ref, RouteTableIds = new[] { table.Ref } });\n" +
            "        var cgw = new CfnCustomerGateway(this, \"Cgw\", new CfnCustomerGatewayProps { Type = \"ipsec.1\", IpAddress = \"203.0.113.10\", BgpAsn = 65000 });\n" +
            "        var vpn = new CfnVPNConnection(this, \"Vpn\", new CfnVPNConnectionProps { Type = \"ipsec.1\", CustomerGatewayId = cgw.Ref, VpnGatewayId = vgw.Ref, StaticRoutesOnly = true });\n" +
            "        new CfnVPNConnectionRoute(this, \"VpnRoute\", new CfnVPNConnectionRouteProps { VpnConnectionId = vpn.Ref, DestinationCidrBlock = \"192.168.0.0/16\" });\n" +
            "        new CfnRoute(this, \"ToPl\", new CfnRouteProps { RouteTableId = table.Ref, DestinationPrefixListId = pl.AttrPrefixListId, GatewayId = vgw.Ref });\n" +
            "        new CfnRoute(this, \"ToUnknownPl\", new CfnRouteProps { RouteTableId = table.Ref, DestinationPrefixListId = Fn.ImportValue(\"pl\"), GatewayId = vgw.Ref });\n" +
            "        new CfnVPCEndpoint(this, \"S3\", new CfnVPCEndpointProps { VpcId = vpc.Ref, ServiceName = \"com.amazonaws.us-east-1.s3\", RouteTableIds = new[] { table.Ref } });\n" +
            "        new CfnVPCEndpoint(this, \"Api\", new CfnVPCEndpointProps { VpcId = vpc.Ref, ServiceName = \"com.amazonaws.us-east-1.ec2\", VpcEndpointType = \"Interface\" });\n" +
            "        new CfnEgressOnlyInternetGateway(this, \"Eigw\", new CfnEgressOnlyInternetGatewayProps { VpcId = vpc.Ref });\n");
        var pl = Assert.Single(model.Of<PrefixList>());
        Assert.Equal(("OnPrem", "on-prem", true), (pl.Id, pl.PrefixListName, pl.EntriesKnown));
        Assert.Equal(new[] { "192.168.0.0/16", "172.16.0.0/12" }, pl.Entries.Select(e => e.ToString()));
        var vgw = Assert.Single(model.Of<VpnGateway>());
        Assert.Equal(new[] { "Vpc" }, vgw.AttachedVpcIds);
        Assert.Equal(64513, vgw.AmazonSideAsn);
        var vpn = Assert.Single(model.Of<VpnConnection>());
        Assert.Equal(("Vgw", "Cgw", (bool?)true), (vpn.VpnGatewayId, vpn.CustomerGatewayId, vpn.StaticRoutesOnly));
        Assert.Equal(new[] { "192.168.0.0/16" }, vpn.StaticRoutes.Select(c => c.ToString()));
        Assert.Equal((long?)65000, Assert.Single(model.Of<CustomerGateway>()).BgpAsn);
        var table = Assert.Single(model.RouteTables, t => t.Id == "Table");
        Assert.Equal(new[] { "Vgw" }, table.PropagatingVgwIds);
        var toPl = Assert.Single(table.Routes, r => r.DeclaringId == "ToPl");
        Assert.Equal(("OnPrem", RouteTargetKind.VirtualPrivateGateway), (toPl.DestinationPrefixListId, toPl.TargetKind));
        Assert.True(Assert.Single(table.Routes, r => r.DeclaringId == "ToUnknownPl").Destination!.IsUnknown);
        var endpoints = model.Of<VpcEndpoint>();
        Assert.Equal(new[] { ("S3", VpcEndpointType.Gateway), ("Api", VpcEndpointType.Interface) }, endpoints.Select(e => (e.Id, e.Type)));
        Assert.Equal(new[] { "Table" }, endpoints[0].RouteTableIds);
        Assert.Equal(new[] { "Vpc" }, Assert.Single(model.Of<EgressOnlyInternetGateway>()).AttachedVpcIds);
    }
}
