using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Aws;

/// <summary>A template's transit gateway route table while its routes, associations and propagations (resources of their own) are read.</summary>
public sealed class TransitGatewayTableDraft
{
    public TransitGatewayTableDraft(TransitGatewayRouteTable table) => Table = table;

    public TransitGatewayRouteTable Table { get; }

    public List<TransitGatewayRoute> Routes { get; } = new();

    public List<TransitGatewayTableLink> Associations { get; } = new();

    public List<TransitGatewayTableLink> Propagations { get; } = new();

    /// <summary>A route of the table could not be read whole (its destination or target is not known).</summary>
    public bool Incomplete { get; set; }
}

/// <summary>
/// The transit gateways, attachments and route tables a template front end (CloudFormation, the CDK analyzer) has read,
/// and what it writes into the model once every resource is read: the links AWS adds to the gateways' default tables
/// (<see cref="TransitGatewayDefaults.DefaultLinks"/>), then every gateway, attachment and table with its links.
/// </summary>
public sealed class TransitGatewayDrafts
{
    private readonly Dictionary<string, TransitGatewayTableDraft> _tableById = new(StringComparer.Ordinal);

    public List<TransitGateway> Gateways { get; } = new();

    public List<TransitGatewayAttachment> Attachments { get; } = new();

    public List<TransitGatewayTableDraft> Tables { get; } = new();

    public TransitGatewayTableDraft AddTable(TransitGatewayRouteTable table)
    {
        var draft = new TransitGatewayTableDraft(table);
        Tables.Add(draft);
        _tableById[table.Id] = draft;
        return draft;
    }

    /// <summary>The table with this id read so far; null for an unknown id or a table outside the input.</summary>
    public TransitGatewayTableDraft? Table(string? id)
    {
        if (id is null)
        {
            return null;
        }

        _tableById.TryGetValue(id, out var draft);
        return draft;
    }

    /// <summary>
    /// The gateways' default tables take every attachment of their gateway that no association names (association) and
    /// every VPC attachment (propagation), as AWS does when the attachment is created; then everything is written.
    /// </summary>
    public void Emit(NetworkModelBuilder builder)
    {
        var explicitlyAssociated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tables)
        {
            foreach (var a in t.Associations)
            {
                explicitlyAssociated.Add(a.AttachmentId);
            }
        }

        foreach (var (tableId, link, propagation) in TransitGatewayDefaults.DefaultLinks(Gateways, Attachments, explicitlyAssociated))
        {
            var def = Table(tableId);
            if (def is not null)
            {
                (propagation ? def.Propagations : def.Associations).Add(link);
            }
        }

        foreach (var tgw in Gateways)
        {
            builder.Add(tgw);
        }

        foreach (var a in Attachments)
        {
            builder.Add(a);
        }

        foreach (var t in Tables)
        {
            builder.Add(t.Table with
            {
                Routes = t.Routes.ToArray(),
                Associations = t.Associations.ToArray(),
                Propagations = t.Propagations.ToArray(),
                RoutesIncomplete = t.Incomplete,
            });
        }
    }
}
