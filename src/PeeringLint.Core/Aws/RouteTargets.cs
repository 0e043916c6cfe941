using System;
using PeeringLint.Model;

namespace PeeringLint.Aws;

/// <summary>
/// What a route's target is, decided once for every front end: by the property that names it
/// (<c>NatGatewayId</c> is a NAT gateway whatever its value), and for <c>GatewayId</c>, which AWS uses for
/// several kinds, by the referenced resource's type or the id's prefix. What neither tells is
/// <see cref="RouteTargetKind.Unknown"/>, never an internet gateway by default.
/// </summary>
public static class RouteTargets
{
    /// <summary>The target properties of a route, in the order that decides when a record lists several (describe-route-tables lists InstanceId and NetworkInterfaceId for a NAT instance).</summary>
    private static readonly (string Property, RouteTargetKind Kind)[] Properties =
    {
        ("VpcPeeringConnectionId", RouteTargetKind.VpcPeeringConnection),
        ("GatewayId", RouteTargetKind.Unknown),
        ("NatGatewayId", RouteTargetKind.NatGateway),
        ("TransitGatewayId", RouteTargetKind.TransitGateway),
        ("EgressOnlyInternetGatewayId", RouteTargetKind.EgressOnlyInternetGateway),
        ("VpcEndpointId", RouteTargetKind.VpcEndpoint),
        ("CarrierGatewayId", RouteTargetKind.CarrierGateway),
        ("LocalGatewayId", RouteTargetKind.LocalGateway),
        ("CoreNetworkArn", RouteTargetKind.CoreNetwork),
        ("InstanceId", RouteTargetKind.Instance),
        ("NetworkInterfaceId", RouteTargetKind.NetworkInterface),
    };

    private static readonly (string Prefix, RouteTargetKind Kind)[] Prefixes =
    {
        ("pcx-", RouteTargetKind.VpcPeeringConnection), ("igw-", RouteTargetKind.InternetGateway), ("eigw-", RouteTargetKind.EgressOnlyInternetGateway),
        ("nat-", RouteTargetKind.NatGateway), ("tgw-", RouteTargetKind.TransitGateway), ("eni-", RouteTargetKind.NetworkInterface),
        ("i-", RouteTargetKind.Instance), ("vgw-", RouteTargetKind.VirtualPrivateGateway), ("vpce-", RouteTargetKind.VpcEndpoint),
        ("cagw-", RouteTargetKind.CarrierGateway), ("lgw-", RouteTargetKind.LocalGateway),
    };

    /// <summary>The rank of a target property (lower wins), or <see cref="int.MaxValue"/> for any other property.</summary>
    public static int Precedence(string property)
    {
        for (int i = 0; i < Properties.Length; i++)
        {
            if (string.Equals(Properties[i].Property, property, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The target of a route resource: the first target property <paramref name="props"/> has, in precedence order.</summary>
    public static (RouteTargetKind Kind, string? Id) Choose(PropertySource props)
    {
        foreach (var (property, _) in Properties)
        {
            var value = props(property);
            if (value.IsPresent)
            {
                return Of(property, value);
            }
        }

        return (RouteTargetKind.Unknown, null);
    }

    /// <summary>
    /// The kind and id of the target named by <paramref name="property"/> = <paramref name="value"/>. The id is
    /// the literal or the referenced model id; null when the value is unknown.
    /// </summary>
    public static (RouteTargetKind Kind, string? Id) Of(string property, PropertyValue value)
    {
        string? id = value.Id;
        if (string.Equals(property, "GatewayId", StringComparison.Ordinal))
        {
            return value.Kind switch
            {
                PropertyValueKind.Reference => (GatewayKindOfType(value.ResourceType), id),
                PropertyValueKind.Known => (KindFromId(id!), id),
                _ => (RouteTargetKind.Unknown, null),
            };
        }

        int rank = Precedence(property);
        return rank == int.MaxValue ? (RouteTargetKind.Unknown, null) : (Properties[rank].Kind, id);
    }

    /// <summary>The kind for "local" or a prefixed id; <see cref="RouteTargetKind.Unknown"/> when the id says nothing.</summary>
    public static RouteTargetKind KindFromId(string id)
    {
        if (string.Equals(id, "local", StringComparison.Ordinal))
        {
            return RouteTargetKind.Local;
        }

        foreach (var (prefix, kind) in Prefixes)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length)
            {
                return kind;
            }
        }

        return RouteTargetKind.Unknown;
    }

    /// <summary>What a <c>GatewayId</c> reference names, by the referenced resource's type.</summary>
    private static RouteTargetKind GatewayKindOfType(string? type) => type switch
    {
        AwsResourceTypes.InternetGateway => RouteTargetKind.InternetGateway,
        AwsResourceTypes.VpnGateway => RouteTargetKind.VirtualPrivateGateway,
        AwsResourceTypes.VpcEndpoint => RouteTargetKind.VpcEndpoint,
        _ => RouteTargetKind.Unknown,
    };
}
