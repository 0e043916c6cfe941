using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// Spokes A (us-east-1a) and B (ZONE_B) reach each other through an inspection VPC: the spokes' TGW route table sends
/// everything to the inspection attachment (subnets in us-east-1a and us-east-1b, appliance mode APPLIANCE), whose
/// subnets' table hands it to a Gateway Load Balancer endpoint (ONWARD); the inspection attachment's TGW table has the
/// spokes' propagated routes. AWS, "Appliance in a shared services VPC": without appliance mode the transit gateway
/// keeps each direction in the zone it comes from, so a flow between two zones meets two appliances.
/// </summary>
public sealed class ApplianceModeReachTests
{
    private const string Template = """
        Resources:
          VpcA: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.1.0.0/16 } }
          SubnetA: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcA, CidrBlock: 10.1.1.0/24, AvailabilityZone: us-east-1a } }
          TableA: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcA } }
          SubnetATable: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref SubnetA, RouteTableId: !Ref TableA } }
          AToHub: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref TableA, DestinationCidrBlock: 10.0.0.0/8, TransitGatewayId: !Ref Hub } }
          VpcB: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.2.0.0/16 } }
          SubnetB: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref VpcB, CidrBlock: 10.2.1.0/24, AvailabilityZone: ZONE_B } }
          TableB: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref VpcB } }
          SubnetBTable: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref SubnetB, RouteTableId: !Ref TableB } }
          BToHub: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref TableB, DestinationCidrBlock: 10.0.0.0/8, TransitGatewayId: !Ref Hub } }
          Inspection: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
          TgwSubnet1: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Inspection, CidrBlock: 10.9.1.0/24, AvailabilityZone: us-east-1a } }
          TgwSubnet2: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Inspection, CidrBlock: 10.9.2.0/24, AvailabilityZone: us-east-1b } }
          InspectionTable: { Type: AWS::EC2::RouteTable, Properties: { VpcId: !Ref Inspection } }
          TgwSubnet1Table: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref TgwSubnet1, RouteTableId: !Ref InspectionTable } }
          TgwSubnet2Table: { Type: AWS::EC2::SubnetRouteTableAssociation, Properties: { SubnetId: !Ref TgwSubnet2, RouteTableId: !Ref InspectionTable } }
          Firewall: { Type: AWS::EC2::VPCEndpoint, Properties: { VpcId: !Ref Inspection, VpcEndpointType: GatewayLoadBalancer, ServiceName: com.amazonaws.vpce.us-east-1.vpce-svc-0a1b2c, SubnetIds: [!Ref TgwSubnet1] } }
          Onward: { Type: AWS::EC2::Route, Properties: { RouteTableId: !Ref InspectionTable, DestinationCidrBlock: 0.0.0.0/0, ONWARD } }
          Hub: { Type: AWS::EC2::TransitGateway, Properties: { DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable } }
          AttachA: { Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref VpcA, SubnetIds: [!Ref SubnetA] } }
          AttachB: { Type: AWS::EC2::TransitGatewayVpcAttachment, Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref VpcB, SubnetIds: [!Ref SubnetB] } }
          AttachInspection:
            Type: AWS::EC2::TransitGatewayVpcAttachment
            Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref Inspection, SubnetIds: [!Ref TgwSubnet1, !Ref TgwSubnet2]APPLIANCE }
          SpokeTable: { Type: AWS::EC2::TransitGatewayRouteTable, Properties: { TransitGatewayId: !Ref Hub } }
          SpokeA: { Type: AWS::EC2::TransitGatewayRouteTableAssociation, Properties: { TransitGatewayRouteTableId: !Ref SpokeTable, TransitGatewayAttachmentId: !Ref AttachA } }
          SpokeB: { Type: AWS::EC2::TransitGatewayRouteTableAssociation, Properties: { TransitGatewayRouteTableId: !Ref SPOKE_B_TABLE, TransitGatewayAttachmentId: !Ref AttachB } }
          DirectTable: { Type: AWS::EC2::TransitGatewayRouteTable, Properties: { TransitGatewayId: !Ref Hub } }
          DirectToA: { Type: AWS::EC2::TransitGatewayRouteTablePropagation, Properties: { TransitGatewayRouteTableId: !Ref DirectTable, TransitGatewayAttachmentId: !Ref AttachA } }
          ToInspection: { Type: AWS::EC2::TransitGatewayRoute, Properties: { TransitGatewayRouteTableId: !Ref SpokeTable, DestinationCidrBlock: 0.0.0.0/0, TransitGatewayAttachmentId: !Ref AttachInspection } }
          FirewallTable: { Type: AWS::EC2::TransitGatewayRouteTable, Properties: { TransitGatewayId: !Ref Hub } }
          FirewallAssoc: { Type: AWS::EC2::TransitGatewayRouteTableAssociation, Properties: { TransitGatewayRouteTableId: !Ref FirewallTable, TransitGatewayAttachmentId: !Ref AttachInspection } }
          PropagateA: { Type: AWS::EC2::TransitGatewayRouteTablePropagation, Properties: { TransitGatewayRouteTableId: !Ref FirewallTable, TransitGatewayAttachmentId: !Ref AttachA } }
          PropagateB: { Type: AWS::EC2::TransitGatewayRouteTablePropagation, Properties: { TransitGatewayRouteTableId: !Ref FirewallTable, TransitGatewayAttachmentId: !Ref AttachB } }
        """;

    private const string ToEndpoint = "VpcEndpointId: !Ref Firewall";

    private static ReachabilityResult Reach(string zoneB = "us-east-1b", string appliance = "", string onward = ToEndpoint, string spokeBTable = "SpokeTable")
    {
        string text = Template.Replace("ZONE_B", zoneB).Replace("APPLIANCE", appliance).Replace("ONWARD", onward).Replace("SPOKE_B_TABLE", spokeBTable);
        var load = new InputLoader().Load(new[] { InputSource.FromText("inspection.yaml", text) }, new LoadOptions { MaxDegreeOfParallelism = 1 });
        Assert.DoesNotContain(load.Problems, p => p.Severity == PeeringLint.Model.InputProblemSeverity.Error);
        return ReachabilityEngineTests.Eval(new ModelIndex(load.Model), "10.1.1.10", "10.2.1.10", "tcp", 443);
    }

    private static string Dump(ReachabilityResult r) => string.Join("\n", r.Hops.Select(h => $"{h.Direction} {h.Kind} {h.Verdict} {h.Code}: {h.Reason}"));

    [Fact]
    public void Two_zones_without_appliance_mode_is_an_asymmetric_risk_on_the_return_hop()
    {
        var r = Reach();
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        var hop = Assert.Single(r.Hops, h => h.Code == ReasonCodes.ApplianceModeAsymmetry);
        Assert.Equal((HopDirection.Return, HopVerdict.Unknown, "AttachInspection"), (hop.Direction, hop.Verdict, hop.ElementId));
        Assert.Contains("us-east-1a", hop.Reason);
        Assert.Contains("us-east-1b", hop.Reason);
        Assert.Contains("ApplianceModeSupport: enable", hop.Fix);
        Assert.Equal("inspection.yaml", hop.Location.Path);

        // The appliance is not followed: unknown, never blocked, and the spoke-to-spoke route is not a misdelivery.
        Assert.DoesNotContain(r.Hops, h => h.Verdict == HopVerdict.Blocked);
        Assert.Contains(r.Hops, h => h.Direction == HopDirection.Forward && h.Code == ReasonCodes.UnsupportedTarget && h.Reason.Contains("middlebox"));
        Assert.Contains(r.Hops, h => h.Direction == HopDirection.Forward && h.Kind == HopKind.TransitGatewayRouteTable && h.Reason.Contains("AttachB") && h.Assumed);
    }

    [Fact]
    public void Appliance_mode_enabled_keeps_both_directions_on_one_appliance()
    {
        var r = Reach(appliance: ", Options: { ApplianceModeSupport: enable }");
        Assert.DoesNotContain(r.Hops, h => h.Code == ReasonCodes.ApplianceModeAsymmetry);
        Assert.Contains(r.Hops, h => h.Direction == HopDirection.Return && h.ElementId == "AttachInspection" && h.Verdict == HopVerdict.Allowed && h.Reason.Contains("appliance mode is enabled"));
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict); // the appliance itself is still not followed
    }

    [Fact]
    public void Both_ends_in_one_zone_meet_the_same_appliance()
    {
        var r = Reach(zoneB: "us-east-1a");
        Assert.DoesNotContain(r.Hops, h => h.Code == ReasonCodes.ApplianceModeAsymmetry);
        Assert.Contains(r.Hops, h => h.ElementId == "AttachInspection" && h.Verdict == HopVerdict.Allowed && h.Reason.Contains("the same one here"));
    }

    [Fact]
    public void Appliance_mode_the_template_does_not_pin_down_is_unknown_not_a_risk()
    {
        var r = Reach(appliance: ", Options: { ApplianceModeSupport: !ImportValue mode }");
        Assert.DoesNotContain(r.Hops, h => h.Code == ReasonCodes.ApplianceModeAsymmetry);
        Assert.Contains(r.Hops, h => h.ElementId == "AttachInspection" && h.Code == ReasonCodes.UnknownValue && h.Reason.Contains("ApplianceModeSupport"));
    }

    [Fact]
    public void An_inspection_vpc_that_routes_straight_back_to_the_gateway_is_followed_without_assumptions()
    {
        var r = Reach(onward: "TransitGatewayId: !Ref Hub");
        Assert.True(r.Verdict != ReachabilityVerdict.NotReachable, Dump(r));
        Assert.DoesNotContain(r.Hops, h => h.Code is ReasonCodes.ApplianceModeAsymmetry or ReasonCodes.UnsupportedTarget);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.RouteTable && h.Verdict == HopVerdict.Allowed && h.Reason.Contains("returns") && h.Reason.Contains("'Hub'"));
        Assert.DoesNotContain(r.Hops, h => h.Assumed);
    }

    [Fact]
    public void Replies_that_skip_the_inspection_vpc_are_one_way_inspection()
    {
        // B's attachment uses a table with A's propagation: the replies go straight back, past the firewall.
        var r = Reach(spokeBTable: "DirectTable");
        Assert.DoesNotContain(r.Hops, h => h.Code == ReasonCodes.ApplianceModeAsymmetry);
        var hop = Assert.Single(r.Hops, h => h.Code == ReasonCodes.InspectionOneWay);
        Assert.Equal((HopDirection.Return, HopVerdict.Unknown, "AttachInspection"), (hop.Direction, hop.Verdict, hop.ElementId));
        Assert.Contains("only the request", hop.Reason);
    }

    /// <summary>
    /// AWS's sample (aws-samples/aws-networkfirewall-cfn-templates, tests/Fixtures/third-party): spoke A to spoke B goes
    /// through the inspection VPC's Network Firewall endpoint both ways; the attachment has appliance mode enabled.
    /// Before the inspection VPC was recognised, the TGW hop was a false TGW_RTB_CANNOT_ROUTE block.
    /// </summary>
    [Fact]
    public void Aws_sample_east_west_inspection_is_unknown_at_the_firewall_not_blocked()
    {
        string path = System.IO.Path.Combine(PeeringLint.Tests.TestKit.TestPaths.Fixtures, "third-party", "anfw-centralized-egress-east-west-1az", "input", "anfw-centralized-egress-east-west-1az-template.yaml");
        var load = new InputLoader().Load(new[] { InputSource.FromText("sample.yaml", System.IO.File.ReadAllText(path)) }, new LoadOptions { MaxDegreeOfParallelism = 1 });
        var r = ReachabilityEngineTests.Eval(new ModelIndex(load.Model), "10.1.1.10", "10.2.1.10", "tcp", 443);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.DoesNotContain(r.Hops, h => h.Verdict == HopVerdict.Blocked);
        Assert.Equal(2, r.Hops.Count(h => h.Code == ReasonCodes.UnsupportedTarget && h.ElementId == "SubnetCTGWRouteTable"));
        Assert.Contains(r.Hops, h => h.ElementId == "AttachInspectionVPC" && h.Verdict == HopVerdict.Allowed && h.Reason.Contains("appliance mode is enabled"));
        Assert.Contains(r.Hops, h => h.Direction == HopDirection.Return && h.ElementId == "InspectionRouteTable" && h.Reason.Contains("AttachSpokeVPCA"));
    }

    [Fact]
    public void A_vpc_that_keeps_the_traffic_is_still_a_misdelivery()
    {
        var r = Reach(onward: "GatewayId: !Ref NoSuchGateway".Replace("!Ref NoSuchGateway", "igw-0a1b2c"));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.TgwRtbCannotRoute, r.Code);
    }
}
