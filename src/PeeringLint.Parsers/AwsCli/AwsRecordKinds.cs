using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// One kind of AWS record the reader knows: the describe-* list key that holds it, the singular key of a
/// create-*/accept-* output that holds one complete record (null when there is none worth reading), what a list of
/// them claims to cover, the fields that identify a bare record of this kind, and its mapper.
/// </summary>
/// <param name="ListKey">Top-level key of the describe-* output (<c>Vpcs</c>).</param>
/// <param name="SingleKey">Top-level key of a create-*/accept-* output read as one record (<c>Vpc</c>), or null.</param>
/// <param name="Noun">The record's name in messages.</param>
/// <param name="Command">The describe-* command to export it with.</param>
/// <param name="Coverage">What a describe-* list of this kind claims to list completely.</param>
/// <param name="Identifies">True when a bare record's fields are this kind's (<c>--query</c> results).</param>
/// <param name="Read">Maps one record into the file.</param>
internal sealed record AwsRecordKind(
    string ListKey,
    string? SingleKey,
    string Noun,
    string Command,
    ResourceKinds Coverage,
    Func<MappingNode, bool> Identifies,
    Action<MappingNode, string, AwsReadContext, AwsFile> Read)
{
    /// <summary>A list of this kind claims no coverage when its first record matches (describe-vpc-classic-link lists VPCs without their CIDR blocks).</summary>
    public Func<MappingNode, bool>? CoversNothingWhen { get; init; }

    /// <summary>
    /// Reads the whole list at once, with the response body around it (outputs whose list does not name what it
    /// belongs to: search-transit-gateway-routes names its table only in a wrapper or the file name). When set,
    /// <see cref="Read"/> is used only for bare records.
    /// </summary>
    public Action<SequenceNode, string, MappingNode, AwsReadContext, AwsFile>? ReadList { get; init; }

    /// <summary>
    /// For a generic top-level key (<c>Routes</c>, <c>Associations</c>): true when the body is this kind's output and
    /// not some other JSON that happens to use the key (a bare route table record also has <c>Routes</c>).
    /// </summary>
    public Func<MappingNode, bool>? BodyIs { get; init; }

    /// <summary>True when <paramref name="body"/>'s key of this kind is this kind's list.</summary>
    public bool Claims(MappingNode body) => BodyIs is null || BodyIs(body);

    /// <summary>What a describe-* list of this kind covers, given its first record (null for an empty list).</summary>
    public ResourceKinds CoverageOf(SyntaxNode? first) =>
        CoversNothingWhen is { } no && first is MappingNode m && no(m) ? ResourceKinds.None : Coverage;
}

/// <summary>
/// The one table of AWS record kinds: top-level keys, coverage and mappers for the reader, and the shapes that
/// identify bare records. Adding a kind is one entry here plus its mapper. Order matters for <see cref="KeyOf"/>:
/// the first kind whose fields match a bare record wins (a reservation before its instances, a subnet before a VPC).
/// </summary>
internal static class AwsRecordKinds
{
    public static readonly AwsRecordKind[] All =
    {
        new("VpcPeeringConnections", "VpcPeeringConnection", "peering connection", "describe-vpc-peering-connections", ResourceKinds.PeeringConnections,
            m => m.Has("VpcPeeringConnectionId") && (m.Has("AccepterVpcInfo") || m.Has("RequesterVpcInfo")),
            (m, p, ctx, into) => into.Add(PeeringMapper.Read(m, p, ctx))),
        new("Reservations", null, "reservation", "describe-instances", ResourceKinds.Instances,
            m => m.Has("ReservationId") && m.Has("Instances"),
            (m, p, ctx, into) => InstanceMapper.ReadReservation(m, p, ctx, into)),

        // describe-classic-link-instances; instance records (run-instances, describe-instances reshaped) are told
        // apart by their fields and read as instances. Neither claims to list every instance.
        new("Instances", null, "instance", "describe-instances", ResourceKinds.None,
            m => m.Has("InstanceId") && (AwsShapes.IsFullInstance(m) || AwsShapes.IsClassicLinkInstance(m)),
            InstanceMapper.ReadInstanceOrClassicLink),
        new("RouteTables", null, "route table", "describe-route-tables", ResourceKinds.RouteTables,
            m => m.Has("RouteTableId") && m.Has("Routes"),
            (m, p, ctx, into) => into.Add(RouteTableMapper.Read(m, p, ctx))),
        new("NetworkAcls", null, "network ACL", "describe-network-acls", ResourceKinds.NetworkAcls,
            m => m.Has("NetworkAclId") && m.Has("Entries"),
            (m, p, ctx, into) => into.Add(NetworkAclMapper.Read(m, p, ctx))),
        new("SecurityGroups", null, "security group", "describe-security-groups", ResourceKinds.SecurityGroups,
            m => m.Has("GroupId") && (m.Has("IpPermissions") || m.Has("IpPermissionsEgress")),
            (m, p, ctx, into) => into.Add(SecurityGroupMapper.Read(m, p, ctx))),
        new("InternetGateways", null, "internet gateway", "describe-internet-gateways", ResourceKinds.InternetGateways,
            m => m.Has("InternetGatewayId") && m.Has("Attachments"),
            (m, p, ctx, into) => into.Add(GatewayMapper.ReadInternetGateway(m, p, ctx))),
        new("NatGateways", "NatGateway", "NAT gateway", "describe-nat-gateways", ResourceKinds.NatGateways,
            m => m.Has("NatGatewayId") && (m.Has("SubnetId") || m.Has("VpcId")),
            (m, p, ctx, into) => into.Add(GatewayMapper.ReadNatGateway(m, p, ctx))),
        new("NetworkInterfaces", "NetworkInterface", "network interface", "describe-network-interfaces", ResourceKinds.NetworkInterfaces,
            m => m.Has("NetworkInterfaceId") && m.Has("SubnetId") && !m.Has("InstanceId"),
            (m, p, ctx, into) => into.Add(InstanceMapper.ReadNetworkInterface(m, p, ctx))),
        new("Subnets", "Subnet", "subnet", "describe-subnets", ResourceKinds.Subnets,
            m => m.Has("SubnetId") && m.Has("VpcId") && (m.Has("CidrBlock") || m.Has("Ipv6CidrBlockAssociationSet")),
            (m, p, ctx, into) => into.Add(VpcMapper.ReadSubnet(m, p, ctx))),
        new("Vpcs", "Vpc", "VPC", "describe-vpcs", ResourceKinds.Vpcs,
            m => m.Has("VpcId") && !m.Has("SubnetId") && (m.Has("CidrBlock") || m.Has("CidrBlockAssociationSet") || VpcMapper.IsClassicLinkRecord(m)),
            VpcMapper.Read)
        {
            CoversNothingWhen = VpcMapper.IsClassicLinkRecord,
        },
        new("Addresses", null, "Elastic IP address", "describe-addresses", ResourceKinds.ElasticIps,
            m => (m.Has("AllocationId") || m.Has("PublicIp")) && (m.Has("Domain") || AwsShapes.IsAssociatedAddress(m)) && !m.Has("SubnetId"),
            (m, p, ctx, into) => into.Add(InstanceMapper.ReadAddress(m, p, ctx))),
        new("VpcEndpoints", null, "VPC endpoint", "describe-vpc-endpoints", ResourceKinds.VpcEndpoints,
            m => m.Has("VpcEndpointId") && m.Has("ServiceName"),
            (m, p, ctx, into) => into.Add(EdgeMapper.ReadVpcEndpoint(m, p, ctx))),

        // describe-prefix-lists (AWS's service lists, with Cidrs) and describe-managed-prefix-lists (no entries unless
        // get-managed-prefix-list-entries' Entries are merged in). Neither lists every list a rule may name.
        new("PrefixLists", null, "prefix list", "describe-managed-prefix-lists", ResourceKinds.None,
            m => m.Has("PrefixListId") && (m.Has("PrefixListName") || m.Has("Cidrs") || m.Has("Entries")),
            (m, p, ctx, into) => into.Add(EdgeMapper.ReadPrefixList(m, p, ctx))),
        new("VpnConnections", null, "VPN connection", "describe-vpn-connections", ResourceKinds.VpnConnections,
            m => m.Has("VpnConnectionId") && (m.Has("CustomerGatewayId") || m.Has("VpnGatewayId") || m.Has("TransitGatewayId")),
            (m, p, ctx, into) => into.Add(EdgeMapper.ReadVpnConnection(m, p, ctx))),
        new("VpnGateways", null, "virtual private gateway", "describe-vpn-gateways", ResourceKinds.VpnGateways,
            m => m.Has("VpnGatewayId") && m.Has("VpcAttachments"),
            (m, p, ctx, into) => into.Add(EdgeMapper.ReadVpnGateway(m, p, ctx))),
        new("CustomerGateways", null, "customer gateway", "describe-customer-gateways", ResourceKinds.CustomerGateways,
            m => m.Has("CustomerGatewayId") && m.Has("IpAddress") && !m.Has("VpnConnectionId"),
            (m, p, ctx, into) => into.Add(EdgeMapper.ReadCustomerGateway(m, p, ctx))),
        new("EgressOnlyInternetGateways", null, "egress-only internet gateway", "describe-egress-only-internet-gateways", ResourceKinds.EgressOnlyInternetGateways,
            m => m.Has("EgressOnlyInternetGatewayId") && m.Has("Attachments"),
            (m, p, ctx, into) => into.Add(EdgeMapper.ReadEgressOnlyInternetGateway(m, p, ctx))),

        // Transit gateways (docs/aws-json.md, "Transit gateways"). Only the describe-* lists of whole records claim coverage.
        new("TransitGateways", null, "transit gateway", "describe-transit-gateways", ResourceKinds.TransitGateways,
            m => m.Has("TransitGatewayId") && (m.Has("TransitGatewayArn") || m.Has("Options")) && !m.Has("TransitGatewayAttachmentId") && !m.Has("TransitGatewayRouteTableId"),
            (m, p, ctx, into) => into.Add(TransitGatewayMapper.ReadGateway(m, p, ctx))),
        new("TransitGatewayAttachments", null, "transit gateway attachment", "describe-transit-gateway-attachments", ResourceKinds.TransitGatewayAttachments,
            m => m.Has("TransitGatewayAttachmentId") && m.Has("ResourceType") && m.Has("TransitGatewayId"),
            TransitGatewayMapper.ReadAttachment),
        new("TransitGatewayVpcAttachments", null, "transit gateway VPC attachment", "describe-transit-gateway-vpc-attachments", ResourceKinds.None,
            m => m.Has("TransitGatewayAttachmentId") && m.Has("VpcId") && m.Has("SubnetIds"),
            (m, p, ctx, into) => into.Add(TransitGatewayMapper.ReadVpcAttachment(m, p, ctx))),
        new("TransitGatewayPeeringAttachments", null, "transit gateway peering attachment", "describe-transit-gateway-peering-attachments", ResourceKinds.None,
            m => m.Has("TransitGatewayAttachmentId") && (m.Has("RequesterTgwInfo") || m.Has("AccepterTgwInfo")),
            (m, p, ctx, into) => into.Add(TransitGatewayMapper.ReadPeeringAttachment(m, p, ctx))),
        new("TransitGatewayRouteTables", null, "transit gateway route table", "describe-transit-gateway-route-tables", ResourceKinds.TransitGatewayRouteTables,
            m => m.Has("TransitGatewayRouteTableId") && m.Has("TransitGatewayId") && (m.Has("DefaultAssociationRouteTable") || m.Has("DefaultPropagationRouteTable")),
            (m, p, ctx, into) => into.Add(TransitGatewayMapper.ReadRouteTable(m, p, ctx))),
        new("TransitGatewayStaticRoutes", null, "transit gateway route listing", "search-transit-gateway-routes", ResourceKinds.None,
            m => m.Has("TransitGatewayRouteTableId") && m.Has("Routes") && !m.Has("RouteTableId"),
            TransitGatewayMapper.ReadRoutesOfTable),
        new("TransitGatewayPropagations", null, "transit gateway propagation listing", "get-transit-gateway-route-table-propagations", ResourceKinds.None,
            m => m.Has("TransitGatewayRouteTableId") && m.Has("TransitGatewayRouteTablePropagations"),
            TransitGatewayMapper.ReadPropagationsOfTable),
        new("Routes", null, "transit gateway route", "search-transit-gateway-routes", ResourceKinds.None, _ => false, (m, p, ctx, into) => { })
        {
            ReadList = TransitGatewayMapper.ReadRoutesList,
            BodyIs = TransitGatewayMapper.IsTgwRoutesBody,
        },
        new("TransitGatewayRouteTablePropagations", null, "transit gateway propagation", "get-transit-gateway-route-table-propagations", ResourceKinds.None, _ => false, (m, p, ctx, into) => { })
        {
            ReadList = TransitGatewayMapper.ReadPropagationsList,
        },
        new("Associations", null, "transit gateway association", "get-transit-gateway-route-table-associations", ResourceKinds.None, _ => false, (m, p, ctx, into) => { })
        {
            ReadList = TransitGatewayMapper.ReadAssociationsList,
            BodyIs = TransitGatewayMapper.IsTgwAssociationsBody,
        },
    };

    /// <summary>The kinds by describe-* list key.</summary>
    public static readonly Dictionary<string, AwsRecordKind> ByListKey = All.ToDictionary(k => k.ListKey, StringComparer.Ordinal);

    /// <summary>The kinds read from create-*/accept-* outputs, by their singular key.</summary>
    public static readonly Dictionary<string, AwsRecordKind> BySingleKey = All.Where(k => k.SingleKey is not null).ToDictionary(k => k.SingleKey!, StringComparer.Ordinal);

    /// <summary>The kind whose fields a bare record has; null when none.</summary>
    public static AwsRecordKind? KeyOf(MappingNode m)
    {
        foreach (var kind in All)
        {
            if (kind.Identifies(m))
            {
                return kind;
            }
        }

        return null;
    }
}
