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
    /// <summary>
    /// The fields that name a route's next hop, in order of precedence when several are present (a NAT instance
    /// route lists InstanceId and NetworkInterfaceId). Declared first: the field tables below are built from it.
    /// </summary>
    private static readonly string[] TargetKeys =
    {
        "VpcPeeringConnectionId",
        "GatewayId",
        "NatGatewayId",
        "TransitGatewayId",
        "EgressOnlyInternetGatewayId",
        "CarrierGatewayId",
        "LocalGatewayId",
        "CoreNetworkArn",
        "InstanceId",
        "NetworkInterfaceId",
    };

    private sealed class TableFields : RecordFields
    {
        public bool IsMain { get; set; }

        public List<string> Subnets { get; } = new();

        public List<Route> Routes { get; } = new();

        public List<string> Vgws { get; } = new();
    }

    private sealed class AssociationFields : RecordFields
    {
        public bool IsMain { get; set; }

        public bool Live { get; set; } = true;
    }

    private sealed class RouteFields : RecordFields
    {
        public CidrValue? Destination { get; set; }

        public string? PrefixList { get; set; }

        public RouteTargetKind Kind { get; set; } = RouteTargetKind.Unknown;

        public string? Target { get; set; }

        public int TargetRank { get; set; } = int.MaxValue;

        public RouteState State { get; set; } = RouteState.Active;

        public RouteOrigin Origin { get; set; } = RouteOrigin.CreateRoute;
    }

    /// <summary>An association: main flag and subnet; disassociated ones are dropped.</summary>
    private static readonly FieldTable<AssociationFields> Associations = new(null, null, new()
    {
        ["Main"] = (r, f) => r.IsMain = f.Bool() ?? false,
        ["AssociationState"] = (r, f) =>
        {
            if (f.Map() is { } state && state.TryGetScalar("State", out var st, out _) && st is not null)
            {
                r.Live = st is "associated" or "associating";
            }
        },
    });

    private static readonly FieldTable<TableFields> Table = new("route table", "RouteTableId", new()
    {
        ["Associations"] = (r, f) =>
        {
            foreach (var (item, ap) in f.Items("an association"))
            {
                var a = Associations.Read(item, ap, f.Ctx);
                if (a.Live)
                {
                    r.IsMain |= a.IsMain;
                    if (a.SubnetId is not null)
                    {
                        r.Subnets.Add(a.SubnetId);
                    }
                }
            }
        },
        ["PropagatingVgws"] = (r, f) =>
        {
            foreach (var (item, vp) in f.Items("a propagating gateway"))
            {
                if (Field.In(item, vp, "GatewayId", f.Ctx)?.Str() is { } id)
                {
                    r.Vgws.Add(id);
                }
            }
        },
        ["Routes"] = (r, f) =>
        {
            r.Routes.Capacity = f.Value is SequenceNode list ? list.Items.Count : 0;
            foreach (var (item, rp) in f.Items("a route"))
            {
                r.Routes.Add(ReadRoute(item, rp, f.Ctx));
            }
        },
    });

    private static readonly FieldTable<RouteFields> Routes = new(null, null, RouteFieldReaders());

    public static RouteTable? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        return Table.ReadElement(m, path, ctx, (r, at) => new RouteTable(r.Id!, at, r.VpcId)
        {
            IsMain = r.IsMain,
            SubnetIds = r.Subnets.ToArray(),
            Routes = r.Routes.ToArray(),
            PropagatingVgwIds = r.Vgws.ToArray(),
            PropagatedRoutesListed = true,
        });
    }

    private static Dictionary<string, Action<RouteFields, Field>> RouteFieldReaders()
    {
        var d = new Dictionary<string, Action<RouteFields, Field>>(StringComparer.Ordinal)
        {
            ["DestinationCidrBlock"] = (r, f) => r.Destination ??= f.Cidr(),
            ["DestinationIpv6CidrBlock"] = (r, f) => r.Destination ??= f.Cidr(),
            ["DestinationPrefixListId"] = (r, f) => r.PrefixList = f.Str(),
            ["State"] = (r, f) => r.State = f.Str() == "blackhole" ? RouteState.Blackhole : RouteState.Active,
            ["Origin"] = (r, f) => r.Origin = f.Str() switch
            {
                "CreateRouteTable" => RouteOrigin.CreateRouteTable,
                "EnableVgwRoutePropagation" => RouteOrigin.EnableVgwRoutePropagation,
                _ => RouteOrigin.CreateRoute,
            },
        };

        // Target fields, in the order that decides which one names the next hop when several are present.
        foreach (var key in TargetKeys)
        {
            int rank = Array.IndexOf(TargetKeys, key);
            d[key] = (r, f) =>
            {
                if (rank < r.TargetRank && f.Str() is { } t)
                {
                    r.TargetRank = rank;
                    r.Target = t;
                    r.Kind = TargetKind(f.Key, t);
                }
            };
        }

        return d;
    }

    private static Route ReadRoute(MappingNode m, string path, AwsReadContext ctx)
    {
        var r = Routes.Read(m, path, ctx);
        if (r.Destination is null && r.PrefixList is null)
        {
            ctx.Warning(m, path, "a route has no 'DestinationCidrBlock', 'DestinationIpv6CidrBlock' or 'DestinationPrefixListId'; its destination is unknown");
        }

        if (r.Target is null)
        {
            ctx.Warning(m, path, "a route names no target (GatewayId, NatGatewayId, VpcPeeringConnectionId, ...); its target is unknown");
        }

        // A Local kind comes only from GatewayId "local" (RouteTargets.KindFromId), so the target id is "local" then.
        return new Route(m.Location(path), r.Kind, r.Target)
        {
            Destination = r.Destination,
            DestinationPrefixListId = r.PrefixList,
            State = r.State,
            Origin = r.Origin,
        };
    }

    private static RouteTargetKind TargetKind(string key, string id) => RouteTargets.Of(key, PropertyValue.Known(id)).Kind;
}
