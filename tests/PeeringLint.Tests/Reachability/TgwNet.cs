using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.Parsers.AwsCli;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// A small AWS JSON export: VPC A (10.1.0.0/16, instance i-a 10.1.1.10 in us-east-1a) and VPC B (10.2.0.0/16,
/// instance i-b 10.2.1.10 in us-east-1a), both attached to tgw-1, whose table tgw-rtb-1 both attachments are
/// associated with and propagate to. Each VPC's table sends the other's block to tgw-1. Security groups and ACLs
/// admit everything. Options change one part at a time.
/// </summary>
internal sealed class TgwNet
{
    public string RouteAtoB { get; set; } = "\"DestinationCidrBlock\": \"10.2.0.0/16\", \"TransitGatewayId\": \"tgw-1\"";

    public string RouteBtoA { get; set; } = "\"DestinationCidrBlock\": \"10.1.0.0/16\", \"TransitGatewayId\": \"tgw-1\"";

    /// <summary>Extra routes of VPC A's table (JSON objects, comma-led).</summary>
    public string ExtraRoutesA { get; set; } = string.Empty;

    public string AssociationA { get; set; } = "\"Association\": {\"TransitGatewayRouteTableId\": \"tgw-rtb-1\", \"State\": \"associated\"},";

    public string AttachmentSubnetA { get; set; } = "subnet-a";

    public string StateA { get; set; } = "available";

    /// <summary>The propagations file (null: not exported).</summary>
    public string? Propagations { get; set; } =
        "{\"TransitGatewayRouteTablePropagations\": [" +
        "{\"TransitGatewayAttachmentId\": \"tgw-attach-a\", \"ResourceId\": \"vpc-a\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}," +
        "{\"TransitGatewayAttachmentId\": \"tgw-attach-b\", \"ResourceId\": \"vpc-b\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}]}";

    /// <summary>search-transit-gateway-routes output for tgw-rtb-1 (null: not exported).</summary>
    public string? StaticRoutes { get; set; } = "{\"Routes\": [], \"AdditionalRoutesAvailable\": false}";

    public (string Path, string Text)[] Files()
    {
        var files = new List<(string, string)>
        {
            ("net/vpcs.json", """
                {"Vpcs": [{"VpcId": "vpc-a", "CidrBlock": "10.1.0.0/16", "Tags": [{"Key": "Name", "Value": "A"}]},
                          {"VpcId": "vpc-b", "CidrBlock": "10.2.0.0/16", "Tags": [{"Key": "Name", "Value": "B"}]}]}
                """),
            ("net/subnets.json", """
                {"Subnets": [{"SubnetId": "subnet-a", "VpcId": "vpc-a", "CidrBlock": "10.1.1.0/24", "AvailabilityZone": "us-east-1a"},
                             {"SubnetId": "subnet-a2", "VpcId": "vpc-a", "CidrBlock": "10.1.2.0/24", "AvailabilityZone": "us-east-1b"},
                             {"SubnetId": "subnet-b", "VpcId": "vpc-b", "CidrBlock": "10.2.1.0/24", "AvailabilityZone": "us-east-1a"}]}
                """),
            ("net/route-tables.json", $$"""
                {"RouteTables": [
                  {"RouteTableId": "rtb-a", "VpcId": "vpc-a", "Associations": [{"Main": true}],
                   "Routes": [{"DestinationCidrBlock": "10.1.0.0/16", "GatewayId": "local"}, { {{RouteAtoB}} }{{ExtraRoutesA}}]},
                  {"RouteTableId": "rtb-b", "VpcId": "vpc-b", "Associations": [{"Main": true}],
                   "Routes": [{"DestinationCidrBlock": "10.2.0.0/16", "GatewayId": "local"}, { {{RouteBtoA}} }]}]}
                """),
            ("net/security-groups.json", """
                {"SecurityGroups": [
                  {"GroupId": "sg-a", "VpcId": "vpc-a", "GroupName": "a", "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]},
                  {"GroupId": "sg-b", "VpcId": "vpc-b", "GroupName": "b", "IpPermissions": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}], "IpPermissionsEgress": [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]}]}
                """),
            ("net/instances.json", """
                {"Reservations": [{"ReservationId": "r-1", "Instances": [
                  {"InstanceId": "i-a", "SubnetId": "subnet-a", "VpcId": "vpc-a", "PrivateIpAddress": "10.1.1.10", "SecurityGroups": [{"GroupId": "sg-a"}]},
                  {"InstanceId": "i-a2", "SubnetId": "subnet-a2", "VpcId": "vpc-a", "PrivateIpAddress": "10.1.2.10", "SecurityGroups": [{"GroupId": "sg-a"}]},
                  {"InstanceId": "i-b", "SubnetId": "subnet-b", "VpcId": "vpc-b", "PrivateIpAddress": "10.2.1.10", "SecurityGroups": [{"GroupId": "sg-b"}]}]}]}
                """),
            ("net/transit-gateways.json", """
                {"TransitGateways": [{"TransitGatewayId": "tgw-1", "State": "available",
                  "Options": {"DefaultRouteTableAssociation": "enable", "DefaultRouteTablePropagation": "enable", "AssociationDefaultRouteTableId": "tgw-rtb-1"}}]}
                """),
            ("net/transit-gateway-attachments.json", $$$"""
                {"TransitGatewayAttachments": [
                  {"TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-a", "State": "{{{StateA}}}", {{{AssociationA}}} "Tags": []},
                  {"TransitGatewayAttachmentId": "tgw-attach-b", "TransitGatewayId": "tgw-1", "ResourceType": "vpc", "ResourceId": "vpc-b", "State": "available", "Association": {"TransitGatewayRouteTableId": "tgw-rtb-1", "State": "associated"}}]}
                """),
            ("net/transit-gateway-vpc-attachments.json", $$"""
                {"TransitGatewayVpcAttachments": [
                  {"TransitGatewayAttachmentId": "tgw-attach-a", "TransitGatewayId": "tgw-1", "VpcId": "vpc-a", "SubnetIds": ["{{AttachmentSubnetA}}"], "State": "{{StateA}}"},
                  {"TransitGatewayAttachmentId": "tgw-attach-b", "TransitGatewayId": "tgw-1", "VpcId": "vpc-b", "SubnetIds": ["subnet-b"], "State": "available"}]}
                """),
            ("net/transit-gateway-route-tables.json", """
                {"TransitGatewayRouteTables": [{"TransitGatewayRouteTableId": "tgw-rtb-1", "TransitGatewayId": "tgw-1", "DefaultAssociationRouteTable": true, "DefaultPropagationRouteTable": true}]}
                """),
        };
        if (Propagations is not null)
        {
            files.Add(("net/propagations-tgw-rtb-1.json", Propagations));
        }

        if (StaticRoutes is not null)
        {
            files.Add(("net/routes-tgw-rtb-1.json", StaticRoutes));
        }

        return files.ToArray();
    }

    public LoadResult Load()
    {
        var r = AwsTestKit.LoadText(Files());
        Assert.Empty(AwsTestKit.Errors(r));
        return r;
    }

    public ModelIndex Index() => new(Load().Model);
}
