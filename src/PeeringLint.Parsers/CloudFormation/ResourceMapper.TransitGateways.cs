using System;
using System.Collections.Generic;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// AWS::EC2::TransitGateway* resources. A gateway whose DefaultRouteTableAssociation or DefaultRouteTablePropagation
/// is enabled (the default) gets the default route table AWS creates with it, which the template cannot declare:
/// an implicit table associated with, or propagated from, every attachment of the gateway that has no explicit
/// association. Its routes are the propagated ones (no AWS::EC2::TransitGatewayRoute can name it).
/// </summary>
internal sealed partial class ResourceMapper
{
    private readonly TransitGatewayDrafts _tgw = new();

    /// <summary>The id of the implicit default route table of a template's transit gateway.</summary>
    internal static string DefaultTableId(string tgwId) => TransitGatewayDefaults.DefaultTableId(tgwId);

    private void MapTransitGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        bool assoc = TransitGatewayDefaults.IsEnabled(PropertyValue.KnownOrAbsent(StrOf(P(props, "DefaultRouteTableAssociation"))));
        bool prop = TransitGatewayDefaults.IsEnabled(PropertyValue.KnownOrAbsent(StrOf(P(props, "DefaultRouteTablePropagation"))));
        var tgw = new TransitGateway(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            DefaultAssociation = assoc,
            DefaultPropagation = prop,
            AssociationDefaultRouteTableId = assoc ? DefaultTableId(r.ModelId) : null,
            PropagationDefaultRouteTableId = prop ? DefaultTableId(r.ModelId) : null,
            CidrBlocks = TgwCidrBlocks(r, P(props, "TransitGatewayCidrBlocks")),
        };
        _tgw.Gateways.Add(tgw);
        if (assoc || prop)
        {
            var table = new TransitGatewayRouteTable(DefaultTableId(r.ModelId), r.Location, r.ModelId)
            {
                Name = m.Name + " default route table",
                Account = Account,
                Region = Region,
                IsDefaultAssociationTable = assoc,
                IsDefaultPropagationTable = prop,
                RoutesKnown = true,
                PropagationsKnown = true,
            };
            AddTgwTable(table);
        }

        _coverage |= ResourceKinds.TransitGateways;
    }

    /// <summary>TransitGatewayCidrBlocks: each item a CIDR; a list the template does not pin down is one unknown block.</summary>
    private IReadOnlyList<CidrValue> TgwCidrBlocks(TemplateResource r, CfnValue? v)
    {
        const string Key = "TransitGatewayCidrBlocks";
        if (v is null)
        {
            return Array.Empty<CidrValue>();
        }

        if (v.Kind != CfnKind.List)
        {
            var one = CidrOf(r, v, Key)!;
            return new[] { one.IsUnknown ? one : CidrValue.Unknown(one.Location, "not a list") };
        }

        var blocks = new List<CidrValue>(v.Items.Count);
        for (int i = 0; i < v.Items.Count; i++)
        {
            blocks.Add(CidrOf(r, v.Items[i], $"{Key}/{i}")!);
        }

        return blocks;
    }

    private void MapTransitGatewayRouteTable(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        AddTgwTable(new TransitGatewayRouteTable(r.ModelId, r.Location, IdOf(r, P(props, "TransitGatewayId"), "TransitGatewayId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            RoutesKnown = true,
            PropagationsKnown = true,
        });
        _coverage |= ResourceKinds.TransitGatewayRouteTables;
    }

    private void MapTransitGatewayVpcAttachment(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var subnetsValue = P(props, "SubnetIds");
        bool subnetsKnown = subnetsValue?.Kind == CfnKind.List && System.Linq.Enumerable.All(subnetsValue.Items, i => i.Kind is CfnKind.String or CfnKind.Resource);
        var options = P(props, "Options");
        var (appliance, applianceKnown) = options is null || options.IsAbsent
            ? TransitGatewayDefaults.ApplianceMode(PropertyValue.Absent)
            : options.Kind == CfnKind.Map
                ? TransitGatewayDefaults.ApplianceMode(Pv(r, P(options, "ApplianceModeSupport"), "Options/ApplianceModeSupport"))
                : (false, false);
        _tgw.Attachments.Add(new TransitGatewayAttachment(r.ModelId, r.Location, IdOf(r, P(props, "TransitGatewayId"), "TransitGatewayId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            Kind = TransitGatewayAttachmentKind.Vpc,
            ResourceId = IdOf(r, P(props, "VpcId"), "VpcId"),
            SubnetIds = IdsOf(r, subnetsValue, "SubnetIds"),
            SubnetsKnown = subnetsKnown,
            ApplianceMode = appliance,
            ApplianceModeKnown = applianceKnown,
        });
        _coverage |= ResourceKinds.TransitGatewayAttachments;
    }

    private void MapTransitGatewayPeeringAttachment(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        _tgw.Attachments.Add(new TransitGatewayAttachment(r.ModelId, r.Location, IdOf(r, P(props, "TransitGatewayId"), "TransitGatewayId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            Kind = TransitGatewayAttachmentKind.Peering,
            ResourceId = IdOf(r, P(props, "PeerTransitGatewayId"), "PeerTransitGatewayId"),
            ResourceOwnerId = StrOf(P(props, "PeerAccountId")),
            PeerRegion = StrOf(P(props, "PeerRegion")),
        });
        _coverage |= ResourceKinds.TransitGatewayAttachments;
    }

    private void MapTransitGatewayRoute(TemplateResource r)
    {
        var props = Props(r);
        var td = TgwTableOf(r, props);
        if (td is null)
        {
            return;
        }

        bool blackhole = BoolOf(P(props, "Blackhole")) == true;
        string? attachment = IdOf(r, P(props, "TransitGatewayAttachmentId"), "TransitGatewayAttachmentId");
        if (!blackhole && attachment is null)
        {
            td.Incomplete = true; // a route whose target the template does not pin down
        }

        td.Routes.Add(new TransitGatewayRoute(r.Location, CidrOf(r, P(props, "DestinationCidrBlock"), "DestinationCidrBlock"))
        {
            AttachmentIds = attachment is null ? Array.Empty<string>() : new[] { attachment },
            State = blackhole ? RouteState.Blackhole : RouteState.Active,
            DeclaringId = r.ModelId,
        });
    }

    private void MapTransitGatewayTableLink(TemplateResource r, bool propagation)
    {
        var props = Props(r);
        var td = TgwTableOf(r, props);
        if (td is null)
        {
            return;
        }

        string? attachment = IdOf(r, P(props, "TransitGatewayAttachmentId"), "TransitGatewayAttachmentId");
        if (attachment is null)
        {
            td.Incomplete = true;
            return;
        }

        (propagation ? td.Propagations : td.Associations).Add(new TransitGatewayTableLink(attachment, r.Location));
    }

    /// <summary>The table a route/association/propagation resource names; unknown or outside the run marks nothing (there is nothing to attach to).</summary>
    private TransitGatewayTableDraft? TgwTableOf(TemplateResource r, CfnValue props) =>
        _tgw.Table(IdOf(r, P(props, "TransitGatewayRouteTableId"), "TransitGatewayRouteTableId"));

    private void AddTgwTable(TransitGatewayRouteTable table) => _tgw.AddTable(table);

    /// <summary>
    /// The gateways' default tables take every attachment of their gateway that no association resource names
    /// (association) and every attachment (propagation) — what AWS does when the attachment is created.
    /// </summary>
    private void EmitTransitGateways(NetworkModelBuilder builder) => _tgw.Emit(builder);
}
