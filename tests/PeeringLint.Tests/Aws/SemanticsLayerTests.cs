using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Tests.Parsers.AwsCli;
using PeeringLint.Tests.Parsers.CloudFormation;
using Xunit;

namespace PeeringLint.Tests.Aws;

/// <summary>The shared AWS semantics layer, and every front end reaching the same fact through it.</summary>
public sealed class SemanticsLayerTests
{
    // ------------------------------------------------------------------ route targets

    public static IEnumerable<object[]> GatewayIdCases() => new[]
    {
        new object[] { PropertyValue.Known("vpce-0a1b2c"), RouteTargetKind.VpcEndpoint, "vpce-0a1b2c" },
        new object[] { PropertyValue.Known("vgw-0a1b2c"), RouteTargetKind.VirtualPrivateGateway, "vgw-0a1b2c" },
        new object[] { PropertyValue.Known("igw-0a1b2c"), RouteTargetKind.InternetGateway, "igw-0a1b2c" },
        new object[] { PropertyValue.Known("local"), RouteTargetKind.Local, "local" },
        new object[] { PropertyValue.Known("my-gateway"), RouteTargetKind.Unknown, "my-gateway" },
        new object[] { PropertyValue.Reference("Vgw", AwsResourceTypes.VpnGateway), RouteTargetKind.VirtualPrivateGateway, "Vgw" },
        new object[] { PropertyValue.Reference("Igw", AwsResourceTypes.InternetGateway), RouteTargetKind.InternetGateway, "Igw" },
        new object[] { PropertyValue.Reference("Tgw", AwsResourceTypes.TransitGateway), RouteTargetKind.Unknown, "Tgw" },
        new object[] { PropertyValue.Unknown("parameter GatewayParam has no value"), RouteTargetKind.Unknown, null! },
    };

    [Theory]
    [MemberData(nameof(GatewayIdCases))]
    public void GatewayId_is_told_apart_by_reference_type_and_prefix_never_defaulting_to_an_internet_gateway(PropertyValue value, RouteTargetKind kind, string? id)
    {
        var (k, i) = RouteTargets.Of("GatewayId", value);
        Assert.Equal(kind, k);
        Assert.Equal(id, i);
    }

    [Fact]
    public void Other_target_properties_say_the_kind_whatever_the_value()
    {
        Assert.Equal((RouteTargetKind.NatGateway, "Nat"), RouteTargets.Of("NatGatewayId", PropertyValue.Reference("Nat", AwsResourceTypes.NatGateway)));
        Assert.Equal((RouteTargetKind.VpcPeeringConnection, (string?)null), RouteTargets.Of("VpcPeeringConnectionId", PropertyValue.Unknown()));
        Assert.Equal((RouteTargetKind.Unknown, (string?)null), RouteTargets.Of("DestinationCidrBlock", PropertyValue.Known("10.0.0.0/8")));

        // A NAT instance route lists InstanceId and NetworkInterfaceId: the instance wins.
        var both = new Dictionary<string, PropertyValue> { ["NetworkInterfaceId"] = PropertyValue.Known("eni-1"), ["InstanceId"] = PropertyValue.Known("i-1") };
        Assert.Equal((RouteTargetKind.Instance, "i-1"), RouteTargets.Choose(p => both.TryGetValue(p, out var v) ? v : PropertyValue.Absent));
        Assert.True(RouteTargets.Precedence("InstanceId") < RouteTargets.Precedence("NetworkInterfaceId"));
    }

    private const string RouteTemplate =
        "Parameters:\n  GatewayParam:\n    Type: String\nResources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}\n" +
        "  Igw: {Type: AWS::EC2::InternetGateway}\n" +
        "  Vgw: {Type: AWS::EC2::VPNGateway, Properties: {Type: ipsec.1}}\n" +
        "  Table: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}\n" +
        "  R: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref Table, DestinationCidrBlock: 0.0.0.0/0, GatewayId: GATEWAY}}\n";

    [Theory]
    [InlineData("vpce-0a1b2c", RouteTargetKind.VpcEndpoint)]
    [InlineData("vgw-0a1b2c", RouteTargetKind.VirtualPrivateGateway)]
    [InlineData("igw-0a1b2c", RouteTargetKind.InternetGateway)]
    [InlineData("!Ref Vgw", RouteTargetKind.VirtualPrivateGateway)]
    [InlineData("!Ref Igw", RouteTargetKind.InternetGateway)]
    [InlineData("!Ref GatewayParam", RouteTargetKind.Unknown)]
    public void CloudFormation_route_targets_come_from_the_layer(string gateway, RouteTargetKind kind)
    {
        var load = CfnTestKit.Load(("t.yaml", RouteTemplate.Replace("GATEWAY", gateway)));
        var route = load.Model.RouteTables.Single(t => t.Id == "Table").Routes.Single();
        Assert.Equal(kind, route.TargetKind);
    }

    [Theory]
    [InlineData("vpce-0a1b2c", RouteTargetKind.VpcEndpoint)]
    [InlineData("vgw-0a1b2c", RouteTargetKind.VirtualPrivateGateway)]
    [InlineData("igw-0a1b2c", RouteTargetKind.InternetGateway)]
    [InlineData("local", RouteTargetKind.Local)]
    public void Aws_json_route_targets_come_from_the_layer(string gateway, RouteTargetKind kind)
    {
        string json = "{\"RouteTables\": [{\"RouteTableId\": \"rtb-1\", \"VpcId\": \"vpc-1\", \"Routes\": [{\"DestinationCidrBlock\": \"0.0.0.0/0\", \"GatewayId\": \"" + gateway + "\", \"State\": \"active\"}]}]}";
        var load = AwsTestKit.LoadText(("route-tables.json", json));
        Assert.Equal(kind, load.Model.RouteTables.Single().Routes.Single().TargetKind);
    }

    // ------------------------------------------------------------------ peering status

    public static IEnumerable<object?[]> PeeringCases() => new[]
    {
        // owner, role, region, account → status
        new object?[] { null, null, null, null, PeeringStatus.Active },
        new object?[] { null, null, "eu-west-1", null, PeeringStatus.Active }, // same account, other region: accepted without a role
        new object?[] { "111122223333", null, null, "111122223333", PeeringStatus.Active },
        new object?[] { "111122223333", null, null, null, PeeringStatus.PendingAcceptance },
        new object?[] { "111122223333", null, "eu-west-1", "444455556666", PeeringStatus.PendingAcceptance },
        new object?[] { "111122223333", "arn:aws:iam::111122223333:role/peer", null, null, PeeringStatus.Active },
        new object?[] { "<unknown>", null, null, null, PeeringStatus.Unknown },
        new object?[] { "<unknown>", "arn:aws:iam::111122223333:role/peer", null, null, PeeringStatus.Active },
    };

    [Theory]
    [MemberData(nameof(PeeringCases))]
    public void CloudFormation_peering_status_is_the_layers(string? owner, string? role, string? region, string? account, PeeringStatus expected)
    {
        var props = new Dictionary<string, PropertyValue>();
        string extra = string.Empty;
        if (owner is not null)
        {
            props["PeerOwnerId"] = owner == "<unknown>" ? PropertyValue.Unknown() : PropertyValue.Known(owner);
            extra += "      PeerOwnerId: " + (owner == "<unknown>" ? "!Ref Owner" : "'" + owner + "'") + "\n";
        }

        if (role is not null)
        {
            props["PeerRoleArn"] = PropertyValue.Known(role);
            extra += "      PeerRoleArn: " + role + "\n";
        }

        if (region is not null)
        {
            props["PeerRegion"] = PropertyValue.Known(region);
            extra += "      PeerRegion: " + region + "\n";
        }

        Assert.Equal(expected, PeeringRequests.StatusWhenCreated(p => props.TryGetValue(p, out var v) ? v : PropertyValue.Absent, account));
        var parameters = account is null ? null : new Dictionary<string, string> { ["AWS::AccountId"] = account };
        var load = CfnTestKit.Load(parameters, ("t.yaml", "Parameters:\n  Owner:\n    Type: String\nResources:\n  P:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      VpcId: vpc-1\n      PeerVpcId: vpc-2\n" + extra));
        var pcx = load.Model.PeeringConnections.Single();
        Assert.Equal(expected, pcx.Status);
        Assert.Equal(region, region is null ? null : pcx.Accepter.Region);
    }

    // ------------------------------------------------------------------ public addresses

    [Theory]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("203.0.113.0/24", true)]
    [InlineData("10.1.0.0/16", false)]
    [InlineData("100.64.0.0/10", false)]
    [InlineData("224.0.0.1/32", false)]
    [InlineData("0.1.2.3/32", false)]
    [InlineData("::/0", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("fd00::/8", false)]
    [InlineData("fe80::/64", false)]
    public void One_list_of_non_public_ranges(string cidr, bool isPublic) =>
        Assert.Equal(isPublic, PublicAddresses.Includes(Cidr.Parse(cidr)));

    [Fact]
    public void The_rules_helper_is_the_layers_definition()
    {
        foreach (var c in PublicAddresses.NonPublic)
        {
            Assert.False(PeeringLint.Rules.Exposure.ExposureFacts.HasPublicAddresses(c));
        }
    }
}
