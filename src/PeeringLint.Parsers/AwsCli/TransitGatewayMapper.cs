using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// Transit gateway records: describe-transit-gateways, describe-transit-gateway-attachments / -vpc-attachments /
/// -peering-attachments, describe-transit-gateway-route-tables, and the per-table outputs that do not name their table
/// inside (search-transit-gateway-routes, get-transit-gateway-route-table-associations / -propagations): those take
/// the table from a wrapper (Batfish's <c>TransitGatewayStaticRoutes</c> / <c>TransitGatewayPropagations</c> items,
/// or a top-level <c>TransitGatewayRouteTableId</c>) or from a <c>tgw-rtb-…</c> id in the file name. The parts of one
/// table are separate records merged by id (<see cref="MergeTable"/>).
/// </summary>
internal static class TransitGatewayMapper
{
    public static TransitGateway? ReadGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = Str(m, "TransitGatewayId", path, ctx);
        if (id is null)
        {
            ctx.Error(m, path, "a transit gateway record has no 'TransitGatewayId'; it is skipped");
            return null;
        }

        var tgw = new TransitGateway(id, m.Location(path))
        {
            Name = Name(m, path, ctx),
            Account = Str(m, "OwnerId", path, ctx) ?? ctx.Account,
            Region = ctx.Region,
            State = Str(m, "State", path, ctx),
        };
        if (m.Get("Options") is MappingNode o)
        {
            string op = LogicalPaths.Child(path, "Options");
            tgw = tgw with
            {
                DefaultAssociation = Str(o, "DefaultRouteTableAssociation", op, ctx) != "disable",
                DefaultPropagation = Str(o, "DefaultRouteTablePropagation", op, ctx) != "disable",
                AssociationDefaultRouteTableId = Str(o, "AssociationDefaultRouteTableId", op, ctx),
                PropagationDefaultRouteTableId = Str(o, "PropagationDefaultRouteTableId", op, ctx),
                CidrBlocks = CidrBlocks(o, op, ctx),
            };
        }

        return tgw;
    }

    /// <summary>Options.TransitGatewayCidrBlocks: the gateway's own ranges (strings); wrong types are problems and left out.</summary>
    private static IReadOnlyList<CidrValue> CidrBlocks(MappingNode options, string path, AwsReadContext ctx)
    {
        const string Key = "TransitGatewayCidrBlocks";
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var v = options.Get(Key);
        var list = v is null ? null : ctx.List(v, LogicalPaths.Child(path, Key), Key);
        if (list is null)
        {
            return Array.Empty<CidrValue>();
        }

        var blocks = new List<CidrValue>(list.Items.Count);
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (ctx.Cidr(list.Items[i], LogicalPaths.Item(LogicalPaths.Child(path, Key), i), Key) is { } c)
            {
                blocks.Add(c);
            }
        }

        return blocks.ToArray();
    }

    /// <summary>A describe-transit-gateway-attachments record (any resource type, with its association).</summary>
    public static void ReadAttachment(MappingNode m, string path, AwsReadContext ctx, AwsFile into)
    {
        string? id = Str(m, "TransitGatewayAttachmentId", path, ctx);
        if (id is null)
        {
            ctx.Error(m, path, "a transit gateway attachment record has no 'TransitGatewayAttachmentId'; it is skipped");
            return;
        }

        string? tgwId = Str(m, "TransitGatewayId", path, ctx);
        var kind = KindOf(Str(m, "ResourceType", path, ctx));
        string? tableId = null;
        SourceLocation? assocLoc = null;
        if (m.Get("Association") is MappingNode assoc)
        {
            string ap = LogicalPaths.Child(path, "Association");
            string? state = Str(assoc, "State", ap, ctx);
            if (state is null or "associated" or "associating")
            {
                tableId = Str(assoc, "TransitGatewayRouteTableId", ap, ctx);
            }

            assocLoc = (assoc.Get("TransitGatewayRouteTableId") ?? assoc).Location(ap);
        }

        var a = new TransitGatewayAttachment(id, m.Location(path), tgwId)
        {
            Name = Name(m, path, ctx),
            Account = Str(m, "TransitGatewayOwnerId", path, ctx) ?? ctx.Account,
            Region = ctx.Region,
            Kind = kind,
            ResourceId = Str(m, "ResourceId", path, ctx),
            ResourceOwnerId = Str(m, "ResourceOwnerId", path, ctx),
            State = Str(m, "State", path, ctx),
        };

        if (kind == TransitGatewayAttachmentKind.Peering)
        {
            // Both gateways list the same peering attachment id, each with its own association: the association
            // is recorded on that side's table, not on the shared attachment.
            into.Add(a);
            if (tableId is not null)
            {
                into.Add(Fragment(tableId, tgwId, ctx, m.Location(path)) with { Associations = new[] { new TransitGatewayTableLink(id, assocLoc!) } });
            }

            return;
        }

        into.Add(a with { AssociatedRouteTableId = tableId, AssociationKnown = true, AssociationLocation = assocLoc });
    }

    /// <summary>A describe-transit-gateway-vpc-attachments record: the VPC, its subnets and options.</summary>
    public static TransitGatewayAttachment? ReadVpcAttachment(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = Str(m, "TransitGatewayAttachmentId", path, ctx);
        if (id is null)
        {
            ctx.Error(m, path, "a transit gateway VPC attachment record has no 'TransitGatewayAttachmentId'; it is skipped");
            return null;
        }

        var subnets = new List<string>();
        if (m.Get("SubnetIds") is { } sv && ctx.List(sv, LogicalPaths.Child(path, "SubnetIds"), "SubnetIds") is { } list)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                if (ctx.Str(list.Items[i], path + ".SubnetIds[" + i.ToString(CultureInfo.InvariantCulture) + "]", "SubnetIds") is { } s)
                {
                    subnets.Add(s);
                }
            }
        }

        string? applianceMode = m.Get("Options") is MappingNode o ? Str(o, "ApplianceModeSupport", LogicalPaths.Child(path, "Options"), ctx) : null;
        bool appliance = applianceMode == "enable";
        return new TransitGatewayAttachment(id, m.Location(path), Str(m, "TransitGatewayId", path, ctx))
        {
            Name = Name(m, path, ctx),
            Account = ctx.Account,
            Region = ctx.Region,
            Kind = TransitGatewayAttachmentKind.Vpc,
            ResourceId = Str(m, "VpcId", path, ctx),
            ResourceOwnerId = Str(m, "VpcOwnerId", path, ctx),
            State = Str(m, "State", path, ctx),
            SubnetIds = subnets.ToArray(),
            SubnetsKnown = true,
            ApplianceMode = appliance,
            ApplianceModeKnown = applianceMode is not null,
        };
    }

    /// <summary>A describe-transit-gateway-peering-attachments record: the requester's gateway, the accepter's as its resource.</summary>
    public static TransitGatewayAttachment? ReadPeeringAttachment(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = Str(m, "TransitGatewayAttachmentId", path, ctx);
        if (id is null)
        {
            ctx.Error(m, path, "a transit gateway peering attachment record has no 'TransitGatewayAttachmentId'; it is skipped");
            return null;
        }

        var req = m.Get("RequesterTgwInfo") as MappingNode;
        var acc = m.Get("AccepterTgwInfo") as MappingNode;
        return new TransitGatewayAttachment(id, m.Location(path), req is null ? null : Str(req, "TransitGatewayId", LogicalPaths.Child(path, "RequesterTgwInfo"), ctx))
        {
            Name = Name(m, path, ctx),
            Account = req is null ? ctx.Account : Str(req, "OwnerId", LogicalPaths.Child(path, "RequesterTgwInfo"), ctx) ?? ctx.Account,
            Region = req is null ? ctx.Region : Str(req, "Region", LogicalPaths.Child(path, "RequesterTgwInfo"), ctx) ?? ctx.Region,
            Kind = TransitGatewayAttachmentKind.Peering,
            ResourceId = acc is null ? null : Str(acc, "TransitGatewayId", LogicalPaths.Child(path, "AccepterTgwInfo"), ctx),
            ResourceOwnerId = acc is null ? null : Str(acc, "OwnerId", LogicalPaths.Child(path, "AccepterTgwInfo"), ctx),
            PeerRegion = acc is null ? null : Str(acc, "Region", LogicalPaths.Child(path, "AccepterTgwInfo"), ctx),
            State = Str(m, "State", path, ctx),
        };
    }

    public static TransitGatewayRouteTable? ReadRouteTable(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = Str(m, "TransitGatewayRouteTableId", path, ctx);
        if (id is null)
        {
            ctx.Error(m, path, "a transit gateway route table record has no 'TransitGatewayRouteTableId'; it is skipped");
            return null;
        }

        return new TransitGatewayRouteTable(id, m.Location(path), Str(m, "TransitGatewayId", path, ctx))
        {
            Name = Name(m, path, ctx),
            Account = ctx.Account,
            Region = ctx.Region,
            IsDefaultAssociationTable = m.Get("DefaultAssociationRouteTable") is { } da && ctx.Bool(da, LogicalPaths.Child(path, "DefaultAssociationRouteTable"), "DefaultAssociationRouteTable") == true,
            IsDefaultPropagationTable = m.Get("DefaultPropagationRouteTable") is { } dp && ctx.Bool(dp, LogicalPaths.Child(path, "DefaultPropagationRouteTable"), "DefaultPropagationRouteTable") == true,
        };
    }

    /// <summary>Batfish's TransitGatewayStaticRoutes item: one table's search-transit-gateway-routes output with its id.</summary>
    public static void ReadRoutesOfTable(MappingNode m, string path, AwsReadContext ctx, AwsFile into)
    {
        string? table = Str(m, "TransitGatewayRouteTableId", path, ctx);
        if (table is null)
        {
            ctx.Error(m, path, "a transit gateway routes item has no 'TransitGatewayRouteTableId'; it is skipped");
            return;
        }

        var list = m.Get("Routes") is { } rv ? ctx.List(rv, LogicalPaths.Child(path, "Routes"), "Routes") : null;
        into.Add(RoutesFragment(table, list, LogicalPaths.Child(path, "Routes"), AdditionalRoutes(m, path, ctx), ctx, m.Location(path)));
    }

    /// <summary>search-transit-gateway-routes output ({"Routes": [...], "AdditionalRoutesAvailable": …}): the table from the wrapper or the file name.</summary>
    public static void ReadRoutesList(SequenceNode list, string path, MappingNode body, AwsReadContext ctx, AwsFile into)
    {
        if (TableOf(body, list, path, ctx, "search-transit-gateway-routes") is not { } table)
        {
            return;
        }

        into.Add(RoutesFragment(table, list, path, AdditionalRoutes(body, ctx.Prefix.TrimEnd('.'), ctx), ctx, list.Location(path)));
    }

    /// <summary>Batfish's TransitGatewayPropagations item: a table id and its get-transit-gateway-route-table-propagations list.</summary>
    public static void ReadPropagationsOfTable(MappingNode m, string path, AwsReadContext ctx, AwsFile into)
    {
        string? table = Str(m, "TransitGatewayRouteTableId", path, ctx);
        if (table is null)
        {
            ctx.Error(m, path, "a transit gateway propagations item has no 'TransitGatewayRouteTableId'; it is skipped");
            return;
        }

        var list = m.Get("TransitGatewayRouteTablePropagations") is { } pv ? ctx.List(pv, LogicalPaths.Child(path, "TransitGatewayRouteTablePropagations"), "TransitGatewayRouteTablePropagations") : null;
        into.Add(Fragment(table, null, ctx, m.Location(path)) with { Propagations = Links(list, LogicalPaths.Child(path, "TransitGatewayRouteTablePropagations"), ctx, "enabled"), PropagationsKnown = list is not null });
    }

    /// <summary>get-transit-gateway-route-table-propagations output: the table from the wrapper or the file name.</summary>
    public static void ReadPropagationsList(SequenceNode list, string path, MappingNode body, AwsReadContext ctx, AwsFile into)
    {
        if (TableOf(body, list, path, ctx, "get-transit-gateway-route-table-propagations") is { } table)
        {
            into.Add(Fragment(table, null, ctx, list.Location(path)) with { Propagations = Links(list, path, ctx, "enabled"), PropagationsKnown = true });
        }
    }

    /// <summary>get-transit-gateway-route-table-associations output: the table from the wrapper or the file name.</summary>
    public static void ReadAssociationsList(SequenceNode list, string path, MappingNode body, AwsReadContext ctx, AwsFile into)
    {
        if (TableOf(body, list, path, ctx, "get-transit-gateway-route-table-associations") is { } table)
        {
            into.Add(Fragment(table, null, ctx, list.Location(path)) with { Associations = Links(list, path, ctx, "associated") });
        }
    }

    /// <summary>
    /// True when a top-level <c>Routes</c> list is search-transit-gateway-routes output (not a route table record's routes,
    /// nor describe-client-vpn-routes output, whose items carry a Type too but DestinationCidr instead of DestinationCidrBlock).
    /// </summary>
    public static bool IsTgwRoutesBody(MappingNode body) =>
        !body.Has("RouteTableId") && (body.Has("AdditionalRoutesAvailable") || body.Has("TransitGatewayRouteTableId") || FirstItemHas(body, "Routes", "TransitGatewayAttachments")
            || (FirstItemHas(body, "Routes", "Type") && (FirstItemHas(body, "Routes", "DestinationCidrBlock") || FirstItemHas(body, "Routes", "PrefixListId"))));

    /// <summary>True when a top-level <c>Associations</c> list is get-transit-gateway-route-table-associations output.</summary>
    public static bool IsTgwAssociationsBody(MappingNode body) =>
        !body.Has("RouteTableId") && !body.Has("NetworkAclId") && (body.Has("TransitGatewayRouteTableId") || FirstItemHas(body, "Associations", "TransitGatewayAttachmentId"));

    /// <summary>Combines two records of one TGW route table (the table, its routes, its propagations, its associations).</summary>
    public static TransitGatewayRouteTable MergeTable(TransitGatewayRouteTable a, TransitGatewayRouteTable b)
    {
        var (main, other) = a.IsFragment && !b.IsFragment ? (b, a) : (a, b);
        return main with
        {
            TransitGatewayId = main.TransitGatewayId ?? other.TransitGatewayId,
            Name = main.Name ?? other.Name,
            Routes = Concat(main.Routes, other.Routes),
            RoutesKnown = main.RoutesKnown || other.RoutesKnown,
            RoutesIncomplete = main.RoutesIncomplete || other.RoutesIncomplete,
            PropagatedRoutesListed = main.PropagatedRoutesListed || other.PropagatedRoutesListed,
            Associations = Concat(main.Associations, other.Associations),
            Propagations = Concat(main.Propagations, other.Propagations),
            PropagationsKnown = main.PropagationsKnown || other.PropagationsKnown,
            IsFragment = main.IsFragment && other.IsFragment,
        };
    }

    /// <summary>Combines two records of one attachment (describe-transit-gateway-attachments and -vpc-attachments, or both accounts' views).</summary>
    public static TransitGatewayAttachment MergeAttachment(TransitGatewayAttachment a, TransitGatewayAttachment b) => a with
    {
        TransitGatewayId = a.TransitGatewayId ?? b.TransitGatewayId,
        Kind = a.Kind == TransitGatewayAttachmentKind.Unknown ? b.Kind : a.Kind,
        ResourceId = a.ResourceId ?? b.ResourceId,
        ResourceOwnerId = a.ResourceOwnerId ?? b.ResourceOwnerId,
        PeerRegion = a.PeerRegion ?? b.PeerRegion,
        Name = a.Name ?? b.Name,
        State = a.State ?? b.State,
        SubnetIds = a.SubnetsKnown ? a.SubnetIds : b.SubnetIds,
        SubnetsKnown = a.SubnetsKnown || b.SubnetsKnown,
        AssociatedRouteTableId = a.AssociationKnown ? a.AssociatedRouteTableId : b.AssociatedRouteTableId,
        AssociationLocation = a.AssociationKnown ? a.AssociationLocation : b.AssociationLocation,
        AssociationKnown = a.AssociationKnown || b.AssociationKnown,
        ApplianceMode = a.ApplianceMode || b.ApplianceMode,
        ApplianceModeKnown = a.ApplianceModeKnown || b.ApplianceModeKnown,
    };

    private static TransitGatewayRouteTable RoutesFragment(string table, SequenceNode? list, string path, bool more, AwsReadContext ctx, SourceLocation at)
    {
        var routes = new List<TransitGatewayRoute>();
        bool propagatedListed = false;
        if (list is not null)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                string rp = LogicalPaths.Item(path, i);
                MappingNode? r = ctx.Item(list.Items[i], rp, "a transit gateway route");
                if (r is null)
                {
                    continue;
                }

                var route = ReadRoute(r, rp, ctx);
                propagatedListed |= route.Type == TransitGatewayRouteType.Propagated;
                routes.Add(route);
            }
        }

        return Fragment(table, null, ctx, at) with
        {
            Routes = routes,
            RoutesKnown = list is not null,
            RoutesIncomplete = more,
            PropagatedRoutesListed = propagatedListed,
        };
    }

    private static TransitGatewayRoute ReadRoute(MappingNode m, string path, AwsReadContext ctx)
    {
        CidrValue? dest = m.Get("DestinationCidrBlock") is { } d ? ctx.Cidr(d, LogicalPaths.Child(path, "DestinationCidrBlock"), "DestinationCidrBlock") : null;
        string? prefixList = Str(m, "PrefixListId", path, ctx);
        if (dest is null && prefixList is null)
        {
            ctx.Warning(m, path, "a transit gateway route has no 'DestinationCidrBlock' or 'PrefixListId'; its destination is unknown");
        }

        var attachments = new List<string>();
        if (m.Get("TransitGatewayAttachments") is { } av && ctx.List(av, LogicalPaths.Child(path, "TransitGatewayAttachments"), "TransitGatewayAttachments") is { } list)
        {
            for (int i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is MappingNode am && Str(am, "TransitGatewayAttachmentId", path + ".TransitGatewayAttachments[" + i.ToString(CultureInfo.InvariantCulture) + "]", ctx) is { } id)
                {
                    attachments.Add(id);
                }
            }
        }

        string? state = Str(m, "State", path, ctx);
        return new TransitGatewayRoute(m.Location(path), dest)
        {
            DestinationPrefixListId = prefixList,
            AttachmentIds = attachments,
            State = state == "blackhole" ? RouteState.Blackhole : RouteState.Active,
            Type = Str(m, "Type", path, ctx) == "propagated" ? TransitGatewayRouteType.Propagated : TransitGatewayRouteType.Static,
        };
    }

    private static List<TransitGatewayTableLink> Links(SequenceNode? list, string path, AwsReadContext ctx, string liveState)
    {
        var links = new List<TransitGatewayTableLink>();
        if (list is null)
        {
            return links;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string lp = LogicalPaths.Item(path, i);
            MappingNode? l = ctx.Item(list.Items[i], lp, "a transit gateway route table link");
            if (l is null)
            {
                continue;
            }

            string? id = Str(l, "TransitGatewayAttachmentId", lp, ctx);
            if (id is null)
            {
                continue;
            }

            string? state = Str(l, "State", lp, ctx);
            links.Add(new TransitGatewayTableLink(id, l.Location(lp)) { Enabled = state is null || state == liveState || (liveState == "associated" && state == "associating") || (liveState == "enabled" && state == "enabling") });
        }

        return links;
    }

    private static TransitGatewayRouteTable Fragment(string table, string? tgwId, AwsReadContext ctx, SourceLocation at) =>
        new(table, at, tgwId) { IsFragment = true, Account = ctx.Account, Region = ctx.Region };

    private static string? TableOf(MappingNode body, SequenceNode list, string path, AwsReadContext ctx, string command)
    {
        if (body.Get("TransitGatewayRouteTableId") is { } t && ctx.Str(t, ctx.Prefix + "TransitGatewayRouteTableId", "TransitGatewayRouteTableId") is { } id)
        {
            return id;
        }

        if (TableIdIn(ctx.Path) is { } fromName)
        {
            return fromName;
        }

        ctx.Warning(list, path, $"{command} output does not say which transit gateway route table it lists; name the file after the table (tgw-rtb-….json) or add \"TransitGatewayRouteTableId\" next to the list. It is skipped");
        return null;
    }

    /// <summary>The <c>tgw-rtb-…</c> id in a file name, or null.</summary>
    internal static string? TableIdIn(string path)
    {
        string name = path.Substring(path.LastIndexOf('/') + 1); // the whole path when it has no '/'
        int at = name.IndexOf("tgw-rtb-", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int end = at + "tgw-rtb-".Length;
        while (end < name.Length && char.IsLetterOrDigit(name[end]))
        {
            end++;
        }

        return end > at + "tgw-rtb-".Length ? name.Substring(at, end - at) : null;
    }

    private static bool AdditionalRoutes(MappingNode m, string path, AwsReadContext ctx) =>
        m.Get("AdditionalRoutesAvailable") is { } v && ctx.Bool(v, LogicalPaths.Child(path, "AdditionalRoutesAvailable"), "AdditionalRoutesAvailable") == true;

    private static bool FirstItemHas(MappingNode body, string listKey, string field) =>
        body.Get(listKey) is SequenceNode { Items.Count: > 0 } s && s.Items[0] is MappingNode first && first.Has(field);

    private static TransitGatewayAttachmentKind KindOf(string? resourceType) => resourceType switch
    {
        "vpc" => TransitGatewayAttachmentKind.Vpc,
        "peering" or "tgw-peering" => TransitGatewayAttachmentKind.Peering,
        "vpn" => TransitGatewayAttachmentKind.Vpn,
        "direct-connect-gateway" => TransitGatewayAttachmentKind.DirectConnectGateway,
        "connect" => TransitGatewayAttachmentKind.Connect,
        _ => TransitGatewayAttachmentKind.Unknown,
    };

    private static IReadOnlyList<T> Concat<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        if (b.Count == 0)
        {
            return a;
        }

        if (a.Count == 0)
        {
            return b;
        }

        var l = new List<T>(a.Count + b.Count);
        l.AddRange(a);
        l.AddRange(b);
        return l;
    }

    private static string? Str(MappingNode m, string key, string path, AwsReadContext ctx) =>
        m.Get(key) is { } v ? ctx.Str(v, LogicalPaths.Child(path, key), key) : null;

    private static string? Name(MappingNode m, string path, AwsReadContext ctx) =>
        m.Get("Tags") is { } t ? ctx.NameTag(t, LogicalPaths.Child(path, "Tags"), "Tags") : null;
}
