using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-route-tables records: associations (main flag, subnets) and routes.</summary>
internal static class RouteTableMapper
{
    public static RouteTable? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, vpcId = null, owner = null, name = null;
        bool isMain = false;
        var subnets = new List<string>();
        var routes = new List<Route>();
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "RouteTableId":
                    id = ctx.Str(e.Value, p, "RouteTableId");
                    break;
                case "VpcId":
                    vpcId = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "Associations":
                    isMain |= ReadAssociations(e.Value, p, ctx, subnets);
                    break;
                case "Routes":
                    if (ctx.List(e.Value, p, "Routes") is { } list)
                    {
                        routes.Capacity = list.Items.Count;
                        for (int i = 0; i < list.Items.Count; i++)
                        {
                            string rp = p + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                            if (ctx.Item(list.Items[i], rp, "a route") is { } rm && ReadRoute(rm, rp, ctx) is { } r)
                            {
                                routes.Add(r);
                            }
                        }
                    }

                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a route table record has no 'RouteTableId'; it is skipped");
            return null;
        }

        return new RouteTable(id, m.Location(path), vpcId)
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = ctx.Region,
            IsMain = isMain,
            SubnetIds = subnets,
            Routes = routes,
        };
    }

    /// <summary>Reads Associations; returns true when one of them is the main association.</summary>
    private static bool ReadAssociations(SyntaxNode value, string path, AwsReadContext ctx, List<string> subnets)
    {
        var list = ctx.List(value, path, "Associations");
        if (list is null)
        {
            return false;
        }

        bool main = false;
        for (int i = 0; i < list.Items.Count; i++)
        {
            string ap = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var a = ctx.Item(list.Items[i], ap, "an association");
            if (a is null)
            {
                continue;
            }

            bool isMain = false;
            string? subnet = null;
            bool live = true;
            foreach (var e in a.Entries)
            {
                string p = ap + "." + e.Key.Value;
                switch (e.Key.Value)
                {
                    case "Main":
                        isMain = ctx.Bool(e.Value, p, "Main") ?? false;
                        break;
                    case "SubnetId":
                        subnet = ctx.Str(e.Value, p, "SubnetId");
                        break;
                    case "AssociationState":
                        if (ctx.Map(e.Value, p, "AssociationState")?.Get("State") is ScalarNode { Value: { } st })
                        {
                            live = st is "associated" or "associating";
                        }

                        break;
                }
            }

            if (!live)
            {
                continue;
            }

            main |= isMain;
            if (subnet is not null)
            {
                subnets.Add(subnet);
            }
        }

        return main;
    }

    private static Route? ReadRoute(MappingNode m, string path, AwsReadContext ctx)
    {
        CidrValue? destination = null;
        string? prefixList = null;
        var kind = RouteTargetKind.Unknown;
        string? target = null;
        int targetRank = int.MaxValue;
        var state = RouteState.Active;
        var origin = RouteOrigin.CreateRoute;
        foreach (var e in m.Entries)
        {
            string key = e.Key.Value ?? string.Empty;
            string p = path + "." + key;
            switch (key)
            {
                case "DestinationCidrBlock":
                case "DestinationIpv6CidrBlock":
                    destination ??= ctx.Cidr(e.Value, p, key);
                    break;
                case "DestinationPrefixListId":
                    prefixList = ctx.Str(e.Value, p, key);
                    break;
                case "State":
                    state = ctx.Str(e.Value, p, key) == "blackhole" ? RouteState.Blackhole : RouteState.Active;
                    break;
                case "Origin":
                    origin = ctx.Str(e.Value, p, key) switch
                    {
                        "CreateRouteTable" => RouteOrigin.CreateRouteTable,
                        "EnableVgwRoutePropagation" => RouteOrigin.EnableVgwRoutePropagation,
                        _ => RouteOrigin.CreateRoute,
                    };
                    break;
                default:
                    int rank = TargetRank(key);
                    if (rank < targetRank && ctx.Str(e.Value, p, key) is { } t)
                    {
                        targetRank = rank;
                        target = t;
                        kind = TargetKind(key, t);
                    }

                    break;
            }
        }

        if (destination is null && prefixList is null)
        {
            ctx.Warning(m, path, "a route has no 'DestinationCidrBlock', 'DestinationIpv6CidrBlock' or 'DestinationPrefixListId'; its destination is unknown");
        }

        if (target is null)
        {
            ctx.Warning(m, path, "a route names no target (GatewayId, NatGatewayId, VpcPeeringConnectionId, ...); its target is unknown");
        }

        return new Route(m.Location(path), kind, kind == RouteTargetKind.Local ? "local" : target)
        {
            Destination = destination,
            DestinationPrefixListId = prefixList,
            State = state,
            Origin = origin,
        };
    }

    /// <summary>Which target field names the route's next hop when several are present (a NAT instance route lists InstanceId and NetworkInterfaceId).</summary>
    private static int TargetRank(string key) => RouteTargets.Precedence(key);

    private static RouteTargetKind TargetKind(string key, string id) => RouteTargets.Of(key, PropertyValue.Known(id)).Kind;
}
