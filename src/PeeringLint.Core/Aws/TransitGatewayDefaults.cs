using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Aws;

/// <summary>
/// What AWS does for a transit gateway a template (CloudFormation or CDK) creates: with DefaultRouteTableAssociation
/// or DefaultRouteTablePropagation enabled (the default) it creates a default route table the template cannot declare,
/// associates every new attachment that no association resource names with it and propagates every VPC attachment to
/// it (AWS::EC2::TransitGateway). Appliance mode (Options.ApplianceModeSupport) is off unless enabled.
/// </summary>
public static class TransitGatewayDefaults
{
    /// <summary>The id of the implicit default route table of a template's transit gateway.</summary>
    public static string DefaultTableId(string tgwId) => tgwId + "/default-route-table";

    /// <summary>DefaultRouteTableAssociation / DefaultRouteTablePropagation: enabled unless the literal <c>disable</c>.</summary>
    public static bool IsEnabled(PropertyValue value) =>
        !(value.Kind == PropertyValueKind.Known && string.Equals(value.Text, "disable", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Appliance mode from <c>Options.ApplianceModeSupport</c> (<paramref name="value"/>): on for <c>enable</c>; known
    /// when the option is absent (AWS's default, disable) or a literal, unknown when it is not pinned down.
    /// </summary>
    public static (bool Enabled, bool Known) ApplianceMode(PropertyValue value) => value.Kind switch
    {
        PropertyValueKind.Absent => (false, true),
        PropertyValueKind.Known => (string.Equals(value.Text, "enable", StringComparison.OrdinalIgnoreCase), true),
        _ => (false, false),
    };

    /// <summary>
    /// The links AWS adds to the gateways' default tables: an association for every attachment of the gateway that
    /// no association resource names (<paramref name="explicitlyAssociated"/>), a propagation for every VPC attachment.
    /// </summary>
    public static IEnumerable<(string TableId, TransitGatewayTableLink Link, bool Propagation)> DefaultLinks(
        IEnumerable<TransitGateway> gateways, IReadOnlyList<TransitGatewayAttachment> attachments, ICollection<string> explicitlyAssociated)
    {
        foreach (var tgw in gateways)
        {
            if (!tgw.DefaultAssociation && !tgw.DefaultPropagation)
            {
                continue;
            }

            string table = DefaultTableId(tgw.Id);
            foreach (var a in attachments)
            {
                if (a.TransitGatewayId != tgw.Id)
                {
                    continue;
                }

                if (tgw.DefaultAssociation && !explicitlyAssociated.Contains(a.Id))
                {
                    yield return (table, new TransitGatewayTableLink(a.Id, tgw.Location), false);
                }

                if (tgw.DefaultPropagation && a.Kind == TransitGatewayAttachmentKind.Vpc)
                {
                    yield return (table, new TransitGatewayTableLink(a.Id, tgw.Location), true);
                }
            }
        }
    }
}
