using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>Whether a fact about a transit gateway is in the input, proved absent, or not known.</summary>
public enum TgwKnowledge
{
    Known,
    Absent,
    Unknown,
}

/// <summary>The TGW route table an attachment uses, and how the input says so.</summary>
/// <param name="Table">The table, when it is in the input.</param>
/// <param name="TableId">Its id, when known (it may name a table the input does not hold).</param>
/// <param name="Knowledge">Known (associated), Absent (the input proves no association), Unknown.</param>
/// <param name="Location">Where the association is written (the attachment's Association field, the association resource, the gateway's default).</param>
/// <param name="How">"associated", "default association table", ... for messages.</param>
public readonly record struct TgwAssociation(TransitGatewayRouteTable? Table, string? TableId, TgwKnowledge Knowledge, SourceLocation Location, string How)
{
    /// <summary>How the table serves the attachment, for messages: "associated with attachment 'a'", "default association table, used by attachment 'a'".</summary>
    public string TextFor(TransitGatewayAttachment attachment) =>
        How == "associated" ? $"associated with attachment {attachment.Label}" : $"{How}, used by attachment {attachment.Label}";
}

/// <summary>One block of a VPC attached to a transit gateway; <paramref name="Ordinal"/> is its place in attachment order, then block order.</summary>
public readonly record struct TgwAttachedBlock(int Ordinal, TransitGatewayAttachment Attachment, Vpc Vpc, Cidr Block);

/// <summary>
/// Joins of the transit gateway kinds, computed once per model (<see cref="ModelIndex.TransitGateways"/>):
/// attachments by VPC and by gateway, each attachment's associated route table (its own Association field, an
/// association resource or record, or the gateway's default association table), and per-table longest-prefix
/// lookups whose propagated routes are derived from the propagations and the attached VPCs' blocks.
/// </summary>
public sealed class TransitGatewayIndex
{
    private static readonly IReadOnlyList<TransitGatewayAttachment> None = Array.Empty<TransitGatewayAttachment>();

    private readonly ModelIndex _index;
    private readonly Dictionary<string, List<TransitGatewayAttachment>> _byVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TransitGatewayAttachment>> _byGateway = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TransitGatewayRouteTable Table, TransitGatewayTableLink Link)> _associationByAttachment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TransitGatewayRouteTable>> _tablesByGateway = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TgwRouteLookup> _lookups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PrefixTrie<TgwAttachedBlock>> _attachedBlocks = new(StringComparer.Ordinal);

    internal TransitGatewayIndex(ModelIndex index)
    {
        _index = index;
        Gateways = index.ById<TransitGateway>();
        Attachments = index.ById<TransitGatewayAttachment>();
        Tables = index.ById<TransitGatewayRouteTable>();
        foreach (var a in index.Model.Of<TransitGatewayAttachment>())
        {
            if (a.VpcId is not null)
            {
                _byVpc.AddTo(a.VpcId, a);
            }

            if (a.TransitGatewayId is not null)
            {
                _byGateway.AddTo(a.TransitGatewayId, a);
            }
        }

        foreach (var t in index.Model.Of<TransitGatewayRouteTable>())
        {
            if (t.TransitGatewayId is not null)
            {
                _tablesByGateway.AddTo(t.TransitGatewayId, t);
            }

            foreach (var link in t.Associations)
            {
                if (link.Enabled && !_associationByAttachment.ContainsKey(link.AttachmentId))
                {
                    _associationByAttachment[link.AttachmentId] = (t, link);
                }
            }
        }
    }

    public IReadOnlyDictionary<string, TransitGateway> Gateways { get; }

    public IReadOnlyDictionary<string, TransitGatewayAttachment> Attachments { get; }

    public IReadOnlyDictionary<string, TransitGatewayRouteTable> Tables { get; }

    /// <summary>True when the model holds any transit gateway, attachment or TGW route table.</summary>
    public bool Any => Gateways.Count > 0 || Attachments.Count > 0 || Tables.Count > 0;

    public IReadOnlyList<TransitGatewayAttachment> AttachmentsOfVpc(string vpcId) => _byVpc.TryGetValue(vpcId, out var l) ? l : None;

    public IReadOnlyList<TransitGatewayAttachment> AttachmentsOfGateway(string tgwId) => _byGateway.TryGetValue(tgwId, out var l) ? l : None;

    public IReadOnlyList<TransitGatewayRouteTable> TablesOfGateway(string tgwId) => _tablesByGateway.TryGetValue(tgwId, out var l) ? l : Array.Empty<TransitGatewayRouteTable>();

    /// <summary>
    /// The blocks of the VPCs attached to <paramref name="tgwId"/> over usable attachments whose VPC is in the input,
    /// by prefix: a route's destination finds the attached VPCs it overlaps in the length of its prefix plus the hits,
    /// not in the number of attachments (a hub of 1,500 spokes, each with routes to it).
    /// </summary>
    public PrefixTrie<TgwAttachedBlock> AttachedBlocks(string tgwId) =>
        _attachedBlocks.TryGetValue(tgwId, out var trie) ? trie : _attachedBlocks.GetOrAdd(tgwId, BuildAttachedBlocks);

    /// <summary>The attachment of <paramref name="vpcId"/> to <paramref name="tgwId"/> that carries traffic (else the first one, else null).</summary>
    public TransitGatewayAttachment? VpcAttachment(string vpcId, string tgwId)
    {
        TransitGatewayAttachment? first = null;
        var attachments = AttachmentsOfVpc(vpcId);
        for (int i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i];
            if (a.TransitGatewayId == tgwId)
            {
                if (a.IsUsable)
                {
                    return a;
                }

                first ??= a;
            }
        }

        return first;
    }

    /// <summary>The TGW route table the attachment is associated with.</summary>
    public TgwAssociation AssociationOf(TransitGatewayAttachment a)
    {
        if (a.AssociatedRouteTableId is { } id)
        {
            return new TgwAssociation(Table(id), id, TgwKnowledge.Known, a.AssociationLocation ?? a.Location, "associated");
        }

        if (_associationByAttachment.TryGetValue(a.Id, out var assoc))
        {
            return new TgwAssociation(assoc.Table, assoc.Table.Id, TgwKnowledge.Known, assoc.Link.Location, "associated");
        }

        if (a.AssociationKnown)
        {
            return new TgwAssociation(null, null, TgwKnowledge.Absent, a.AssociationLocation ?? a.Location, "not associated");
        }

        // A template's attachment: the gateway's default association table, unless the gateway turns that off.
        if (a.TransitGatewayId is { } tgwId && Gateways.TryGetValue(tgwId, out var tgw))
        {
            if (!tgw.DefaultAssociation)
            {
                bool anyDeclared = AnyTemplateAssociation(tgwId);
                return new TgwAssociation(null, null, anyDeclared ? TgwKnowledge.Absent : TgwKnowledge.Unknown, tgw.Location,
                    "not associated (the gateway's DefaultRouteTableAssociation is disable)");
            }

            foreach (var t in TablesOfGateway(tgwId))
            {
                if (t.IsDefaultAssociationTable || t.Id == tgw.AssociationDefaultRouteTableId)
                {
                    return new TgwAssociation(t, t.Id, TgwKnowledge.Known, tgw.Location, "the gateway's default association route table");
                }
            }
        }

        return new TgwAssociation(null, null, TgwKnowledge.Unknown, a.Location, "unknown");
    }

    /// <summary>The table with this id, or null.</summary>
    public TransitGatewayRouteTable? Table(string? id) => id is not null && Tables.TryGetValue(id, out var t) ? t : null;

    /// <summary>Longest-prefix match over a TGW route table: its listed routes plus the routes its propagations add.</summary>
    /// <remarks>Looked up before it is added: a GetOrAdd with a lambda that captures the table allocates on every call.</remarks>
    public TgwRouteLookup Lookup(TransitGatewayRouteTable table) =>
        _lookups.TryGetValue(table.Id, out var lookup) ? lookup : AddLookup(table);

    /// <summary>The lookup of a table not asked about before (the lambda's closure allocated only here).</summary>
    private TgwRouteLookup AddLookup(TransitGatewayRouteTable table) => _lookups.GetOrAdd(table.Id, _ => new TgwRouteLookup(table, this, _index));

    /// <summary>Whether any template association resource names this gateway's tables (then an attachment without one is proved unassociated).</summary>
    private bool AnyTemplateAssociation(string tgwId)
    {
        foreach (var t in TablesOfGateway(tgwId))
        {
            if (t.Associations.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private PrefixTrie<TgwAttachedBlock> BuildAttachedBlocks(string tgwId)
    {
        var trie = new PrefixTrie<TgwAttachedBlock>();
        int ordinal = 0;
        foreach (var a in AttachmentsOfGateway(tgwId))
        {
            if (a.VpcId is null || !a.IsUsable || _index.Vpc(a.VpcId) is not { } vpc)
            {
                continue;
            }

            foreach (var c in ModelIndex.UsableCidrs(vpc))
            {
                var block = c.Value!.Value;
                trie.Add(block, new TgwAttachedBlock(ordinal++, a, vpc, block));
            }
        }

        return trie;
    }
}

/// <summary>
/// Longest-prefix match over one TGW route table. Static routes win over propagated ones of the same prefix (AWS's
/// route priority). Propagated routes are the attached VPCs' blocks when the listing does not include them; a
/// propagation whose routes cannot be derived (a VPN's BGP routes, a VPC not in the input) makes misses unknown.
/// </summary>
public sealed class TgwRouteLookup
{
    private readonly PrefixTrie<TransitGatewayRoute> _trie = new();

    internal TgwRouteLookup(TransitGatewayRouteTable table, TransitGatewayIndex tgw, ModelIndex index)
    {
        Table = table;
        RoutesKnown = table.RoutesKnown;
        Complete = table.RoutesKnown && !table.RoutesIncomplete;
        foreach (var r in table.Routes)
        {
            if (r.Destination?.Value is { } c)
            {
                _trie.Add(c, r);
            }
            else
            {
                Complete = false;
            }
        }

        if (!table.PropagatedRoutesListed)
        {
            if (!table.PropagationsKnown)
            {
                Complete = false;
            }

            foreach (var p in table.Propagations)
            {
                if (!p.Enabled)
                {
                    continue;
                }

                if (!tgw.Attachments.TryGetValue(p.AttachmentId, out var a) || a.Kind != TransitGatewayAttachmentKind.Vpc)
                {
                    // VPN and Direct Connect propagate what BGP learns (not in the input); a peering does not propagate.
                    if (a is null || a.Kind is TransitGatewayAttachmentKind.Vpc or TransitGatewayAttachmentKind.Unknown)
                    {
                        Complete = false;
                    }
                    else if (a.Kind != TransitGatewayAttachmentKind.Peering)
                    {
                        EdgeRoutesUnknown = true;
                    }

                    continue;
                }

                var vpc = index.Vpc(a.VpcId);
                if (vpc is null || vpc.HasUnknownCidrs)
                {
                    Complete = false;
                    if (vpc is null)
                    {
                        continue;
                    }
                }

                foreach (var cidr in ModelIndex.UsableCidrs(vpc))
                {
                    _trie.Add(cidr.Value!.Value, new TransitGatewayRoute(p.Location, cidr)
                    {
                        AttachmentIds = new[] { a.Id },
                        Type = TransitGatewayRouteType.Propagated,
                    });
                }
            }
        }
    }

    public TransitGatewayRouteTable Table { get; }

    /// <summary>True when the input lists the table's routes at all.</summary>
    public bool RoutesKnown { get; }

    /// <summary>True when every route of the table is known except those BGP learns over VPN / Direct Connect attachments (<see cref="EdgeRoutesUnknown"/>).</summary>
    public bool Complete { get; }

    /// <summary>
    /// True when VPN, Direct Connect or Connect attachments propagate to the table: their BGP routes are not in the
    /// input. A match of a VPC or static route stands (such a route would have to be more specific than a VPC's own
    /// block to win); a miss is unknown, since the destination may lie behind the edge.
    /// </summary>
    public bool EdgeRoutesUnknown { get; }

    /// <summary>True when a miss is a proved miss (every route known, edges included).</summary>
    public bool MissIsProved => Complete && !EdgeRoutesUnknown;

    /// <summary>The most specific route containing <paramref name="destination"/>; a static route wins a tie.</summary>
    public TransitGatewayRoute? Match(Cidr destination) =>
        _trie.TryLongestMatch(destination, out var routes, out _) ? Pick(routes) : null;

    /// <summary><paramref name="range"/> split into disjoint blocks, each with the route the longest prefix match picks for it (null: none).</summary>
    public IReadOnlyList<(Cidr Block, TransitGatewayRoute? Route)> Resolve(Cidr range)
    {
        var parts = _trie.Partition(range);
        var result = new List<(Cidr, TransitGatewayRoute?)>(parts.Count);
        foreach (var (block, routes) in parts)
        {
            result.Add((block, routes.Count == 0 ? null : Pick(routes)));
        }

        return result;
    }

    /// <summary>
    /// True when some part of <paramref name="range"/> has a working (not blackhole) route, or misses a route the input
    /// cannot prove absent. Allocates nothing when one route covers the whole range.
    /// </summary>
    public bool DeliversSome(Cidr range)
    {
        if (_trie.TryUniform(range, out var uniform))
        {
            return Delivers(uniform.Count == 0 ? null : Pick(uniform));
        }

        foreach (var (_, routes) in _trie.Partition(range))
        {
            if (Delivers(routes.Count == 0 ? null : Pick(routes)))
            {
                return true;
            }
        }

        return false;
    }

    private bool Delivers(TransitGatewayRoute? r) => r is null ? !MissIsProved : r.State != RouteState.Blackhole;

    private static TransitGatewayRoute Pick(IReadOnlyList<TransitGatewayRoute> routes)
    {
        foreach (var r in routes)
        {
            if (r.Type == TransitGatewayRouteType.Static)
            {
                return r;
            }
        }

        return routes[0];
    }
}
