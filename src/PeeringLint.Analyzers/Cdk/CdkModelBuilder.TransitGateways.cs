using System;
using System.Collections.Generic;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>
/// <c>CfnTransitGateway*</c> constructs, read as the CloudFormation reader reads the AWS::EC2::TransitGateway*
/// resources they synthesize: a gateway with default association or propagation enabled gets the default route table
/// AWS creates (<see cref="TransitGatewayDefaults"/>), holding every attachment no association construct names and
/// the propagation of every VPC attachment.
/// </summary>
internal sealed partial class CdkModelBuilder
{
    private readonly TransitGatewayDrafts _tgw = new();

    /// <summary>What the edge and transit gateway constructs cover (a program declares what it declares).</summary>
    private ResourceKinds _edgeCoverage;

    /// <summary>Pass 1: gateways and their route tables. False when <paramref name="f"/> is neither.</summary>
    private bool MapTransitGatewayContainer(ConstructFact f, string id, SourceLocation loc)
    {
        switch (f.Kind)
        {
            case "CfnTransitGateway":
                var props = Source(f);
                bool assoc = TransitGatewayDefaults.IsEnabled(props("DefaultRouteTableAssociation"));
                bool prop = TransitGatewayDefaults.IsEnabled(props("DefaultRouteTablePropagation"));
                string defaultTable = TransitGatewayDefaults.DefaultTableId(id);
                var tgw = new TransitGateway(id, loc)
                {
                    Name = NameTag(f),
                    DefaultAssociation = assoc,
                    DefaultPropagation = prop,
                    AssociationDefaultRouteTableId = assoc ? defaultTable : null,
                    PropagationDefaultRouteTableId = prop ? defaultTable : null,
                };
                _tgw.Gateways.Add(tgw);
                if (assoc || prop)
                {
                    AddTgwTable(new TransitGatewayRouteTable(defaultTable, loc, id)
                    {
                        Name = (NameTag(f) ?? id) + " default route table",
                        IsDefaultAssociationTable = assoc,
                        IsDefaultPropagationTable = prop,
                        RoutesKnown = true,
                        PropagationsKnown = true,
                    });
                }

                _edgeCoverage |= ResourceKinds.TransitGateways;
                return true;
            case "CfnTransitGatewayRouteTable":
                AddTgwTable(new TransitGatewayRouteTable(id, loc, RefId(f.Prop("TransitGatewayId"), "CfnTransitGateway"))
                {
                    Name = NameTag(f),
                    RoutesKnown = true,
                    PropagationsKnown = true,
                });
                _edgeCoverage |= ResourceKinds.TransitGatewayRouteTables;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Pass 2: attachments, TGW routes, associations and propagations. False when <paramref name="f"/> is none of them.</summary>
    private bool MapTransitGatewayLink(ConstructFact f, string id, SourceLocation loc)
    {
        switch (f.Kind)
        {
            case "CfnTransitGatewayAttachment":
            case "CfnTransitGatewayVpcAttachment":
                var (subnetIds, subnetsKnown) = RefIds(f.Prop("SubnetIds"), "CfnSubnet");
                var (appliance, applianceKnown) = f.Prop("Options") switch
                {
                    null => TransitGatewayDefaults.ApplianceMode(PropertyValue.Absent),
                    ObjectValue options => TransitGatewayDefaults.ApplianceMode(Pv(options.Get("ApplianceModeSupport"))),
                    _ => (false, false),
                };
                _tgw.Attachments.Add(new TransitGatewayAttachment(id, loc, RefId(f.Prop("TransitGatewayId"), "CfnTransitGateway"))
                {
                    Name = NameTag(f),
                    Kind = TransitGatewayAttachmentKind.Vpc,
                    ResourceId = RefId(f.Prop("VpcId"), "CfnVPC", "Vpc"),
                    SubnetIds = subnetIds,
                    SubnetsKnown = subnetsKnown,
                    ApplianceMode = appliance,
                    ApplianceModeKnown = applianceKnown,
                });
                _edgeCoverage |= ResourceKinds.TransitGatewayAttachments;
                return true;
            case "CfnTransitGatewayPeeringAttachment":
                _tgw.Attachments.Add(new TransitGatewayAttachment(id, loc, RefId(f.Prop("TransitGatewayId"), "CfnTransitGateway"))
                {
                    Name = NameTag(f),
                    Kind = TransitGatewayAttachmentKind.Peering,
                    ResourceId = RefId(f.Prop("PeerTransitGatewayId"), "CfnTransitGateway"),
                    ResourceOwnerId = Str(f.Prop("PeerAccountId")),
                    PeerRegion = Str(f.Prop("PeerRegion")),
                });
                _edgeCoverage |= ResourceKinds.TransitGatewayAttachments;
                return true;
            case "CfnTransitGatewayRoute":
                if (TgwTableOf(f) is { } td)
                {
                    bool blackhole = f.Prop("Blackhole") is BoolValue { Value: true };
                    string? attachment = RefId(f.Prop("TransitGatewayAttachmentId"), TgwAttachmentKinds);
                    if (!blackhole && attachment is null)
                    {
                        td.Incomplete = true; // a route whose target the code does not pin down
                    }

                    td.Routes.Add(new TransitGatewayRoute(loc, Cidr(f.Prop("DestinationCidrBlock"), f, "DestinationCidrBlock"))
                    {
                        AttachmentIds = attachment is null ? Array.Empty<string>() : new[] { attachment },
                        State = blackhole ? RouteState.Blackhole : RouteState.Active,
                        DeclaringId = id,
                    });
                }

                return true;
            case "CfnTransitGatewayRouteTableAssociation":
            case "CfnTransitGatewayRouteTablePropagation":
                if (TgwTableOf(f) is { } linked)
                {
                    if (RefId(f.Prop("TransitGatewayAttachmentId"), TgwAttachmentKinds) is { } a)
                    {
                        (f.Kind == "CfnTransitGatewayRouteTablePropagation" ? linked.Propagations : linked.Associations).Add(new TransitGatewayTableLink(a, loc));
                    }
                    else
                    {
                        linked.Incomplete = true;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    private static readonly string[] TgwAttachmentKinds = { "CfnTransitGatewayAttachment", "CfnTransitGatewayVpcAttachment", "CfnTransitGatewayPeeringAttachment" };

    /// <summary>The table a route, association or propagation construct names; one outside the program has nothing to attach to.</summary>
    private TransitGatewayTableDraft? TgwTableOf(ConstructFact f) =>
        _tgw.Table(RefId(f.Prop("TransitGatewayRouteTableId"), "CfnTransitGatewayRouteTable"));

    private void AddTgwTable(TransitGatewayRouteTable table) => _tgw.AddTable(table);

    /// <summary>
    /// The ids of a list of references (<c>new[] { subnet.Ref, vpc.PrivateSubnets[0].SubnetId }</c>), and whether
    /// every item was followed.
    /// </summary>
    private (IReadOnlyList<string> Ids, bool Known) RefIds(CdkValue? value, params string[] kinds)
    {
        if (value is not ListValue list)
        {
            return (Array.Empty<string>(), false);
        }

        var ids = new List<string>(list.Items.Count);
        bool known = true;
        foreach (var item in list.Items)
        {
            if (RefId(item, kinds) is { } id)
            {
                ids.Add(id);
            }
            else
            {
                known = false;
            }
        }

        return (ids, known);
    }

    private void EmitTransitGateways(NetworkModelBuilder b) => _tgw.Emit(b);
}
