using System;
using System.Collections.Generic;

namespace PeeringLint.Model;

/// <summary>
/// A transit gateway (describe-transit-gateways, AWS::EC2::TransitGateway). Its default association and propagation
/// settings decide which route table a new attachment uses when nothing else says so.
/// </summary>
public sealed record TransitGateway(string Id, SourceLocation Location) : Element(Id, Location)
{
    /// <summary>DefaultRouteTableAssociation: new attachments are associated with the default association table (AWS default: enable).</summary>
    public bool DefaultAssociation { get; init; } = true;

    /// <summary>DefaultRouteTablePropagation: new attachments propagate to the default propagation table (AWS default: enable).</summary>
    public bool DefaultPropagation { get; init; } = true;

    /// <summary>Options.AssociationDefaultRouteTableId, when the input says it.</summary>
    public string? AssociationDefaultRouteTableId { get; init; }

    /// <summary>Options.PropagationDefaultRouteTableId, when the input says it.</summary>
    public string? PropagationDefaultRouteTableId { get; init; }

    /// <summary>The State field (available, deleted, ...); null when not given.</summary>
    public string? State { get; init; }

    /// <summary>
    /// TransitGatewayCidrBlocks: the gateway's own address ranges (the gateway's end of Connect peers' GRE tunnels).
    /// Traffic to them is for the gateway itself, not looked up in its route tables. Empty when the input says none.
    /// </summary>
    public IReadOnlyList<CidrValue> CidrBlocks { get; init; } = Array.Empty<CidrValue>();
}

/// <summary>What a transit gateway attachment connects (its ResourceType).</summary>
public enum TransitGatewayAttachmentKind
{
    Unknown,
    Vpc,
    Peering,
    Vpn,
    DirectConnectGateway,
    Connect,
}

/// <summary>
/// A transit gateway attachment (describe-transit-gateway-attachments / -vpc-attachments / -peering-attachments,
/// AWS::EC2::TransitGatewayAttachment / TransitGatewayVpcAttachment / TransitGatewayPeeringAttachment). VPN and
/// Direct Connect attachments are the edge of the model: traffic sent to them leaves AWS.
/// </summary>
public sealed record TransitGatewayAttachment(string Id, SourceLocation Location, string? TransitGatewayId) : Element(Id, Location)
{
    public TransitGatewayAttachmentKind Kind { get; init; }

    /// <summary>ResourceId: the VPC, the peer transit gateway, the VPN connection, the Direct Connect gateway.</summary>
    public string? ResourceId { get; init; }

    /// <summary>The owner of the resource (the VPC's or the peer gateway's account).</summary>
    public string? ResourceOwnerId { get; init; }

    /// <summary>The peer's region (peering attachments), when known.</summary>
    public string? PeerRegion { get; init; }

    /// <summary>The subnets of a VPC attachment (one per availability zone it serves).</summary>
    public IReadOnlyList<string> SubnetIds { get; init; } = Array.Empty<string>();

    /// <summary>True when the input lists the attachment's subnets (a -vpc-attachments record or a template).</summary>
    public bool SubnetsKnown { get; init; }

    /// <summary>State (available, pendingAcceptance, deleting, deleted, ...); null when not given.</summary>
    public string? State { get; init; }

    /// <summary>The TGW route table the attachment is associated with (Association.TransitGatewayRouteTableId), when the record says.</summary>
    public string? AssociatedRouteTableId { get; init; }

    /// <summary>True when the record states the association (present or absent): a describe-transit-gateway-attachments record.</summary>
    public bool AssociationKnown { get; init; }

    public SourceLocation? AssociationLocation { get; init; }

    /// <summary>Appliance mode (Options.ApplianceModeSupport enable).</summary>
    public bool ApplianceMode { get; init; }

    /// <summary>
    /// True when the input settles <see cref="ApplianceMode"/>: a -vpc-attachments record with its Options, a template
    /// (absent Options is AWS's default, disable). A describe-transit-gateway-attachments record alone does not say.
    /// </summary>
    public bool ApplianceModeKnown { get; init; }

    /// <summary>True when the attachment carries traffic (available, or no state given); false for deleted, deleting, rejected, pending, failed ones.</summary>
    public bool IsUsable => State is null or "available" or "modifying";

    /// <summary>The VPC of a VPC attachment.</summary>
    public string? VpcId => Kind == TransitGatewayAttachmentKind.Vpc ? ResourceId : null;
}

/// <summary>How a TGW route came to be.</summary>
public enum TransitGatewayRouteType
{
    Static,
    Propagated,
}

/// <summary>One route of a TGW route table: a destination, its target attachments, blackhole or active.</summary>
public sealed record TransitGatewayRoute(SourceLocation Location, CidrValue? Destination)
{
    public string? DestinationPrefixListId { get; init; }

    /// <summary>The attachments the route sends traffic to (empty for a blackhole).</summary>
    public IReadOnlyList<string> AttachmentIds { get; init; } = Array.Empty<string>();

    public RouteState State { get; init; } = RouteState.Active;

    public TransitGatewayRouteType Type { get; init; } = TransitGatewayRouteType.Static;

    /// <summary>The element that declares the route when it is its own resource (AWS::EC2::TransitGatewayRoute).</summary>
    public string? DeclaringId { get; init; }

    public string DestinationText => Destination?.ToString() ?? DestinationPrefixListId ?? "<unknown>";
}

/// <summary>An attachment associated with, or propagating to, a TGW route table.</summary>
public sealed record TransitGatewayTableLink(string AttachmentId, SourceLocation Location)
{
    /// <summary>Enabled/associated (false: the record lists it as disabled or disassociating).</summary>
    public bool Enabled { get; init; } = true;
}

/// <summary>
/// A transit gateway route table with what the input says about it: its routes (static and, when listed,
/// propagated), the attachments associated with it and those that propagate to it. Routes and propagations
/// usually come from separate exports; the flags say which parts the input holds, because a table whose routes
/// the input does not list is unknown, not empty.
/// </summary>
public sealed record TransitGatewayRouteTable(string Id, SourceLocation Location, string? TransitGatewayId) : Element(Id, Location)
{
    public bool IsDefaultAssociationTable { get; init; }

    public bool IsDefaultPropagationTable { get; init; }

    public IReadOnlyList<TransitGatewayRoute> Routes { get; init; } = Array.Empty<TransitGatewayRoute>();

    /// <summary>True when the input lists the table's routes (search-transit-gateway-routes, Batfish's static routes, a template).</summary>
    public bool RoutesKnown { get; init; }

    /// <summary>True when the listing says more routes exist (AdditionalRoutesAvailable) or routes may come from elsewhere.</summary>
    public bool RoutesIncomplete { get; init; }

    /// <summary>True when the listed routes include propagated ones (search-transit-gateway-routes); false: propagated routes are derived from <see cref="Propagations"/>.</summary>
    public bool PropagatedRoutesListed { get; init; }

    public IReadOnlyList<TransitGatewayTableLink> Associations { get; init; } = Array.Empty<TransitGatewayTableLink>();

    public IReadOnlyList<TransitGatewayTableLink> Propagations { get; init; } = Array.Empty<TransitGatewayTableLink>();

    /// <summary>True when the input lists the table's propagations.</summary>
    public bool PropagationsKnown { get; init; }

    /// <summary>True when this record is only a part of the table (its routes or propagations, exported on their own).</summary>
    public bool IsFragment { get; init; }
}
