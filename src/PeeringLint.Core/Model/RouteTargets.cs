using System;

namespace PeeringLint.Model;

/// <summary>What kind of target an AWS id names, told by its prefix (GatewayId alone holds several kinds).</summary>
public static class RouteTargets
{
    private static readonly (string Prefix, RouteTargetKind Kind)[] Prefixes =
    {
        ("pcx-", RouteTargetKind.VpcPeeringConnection), ("igw-", RouteTargetKind.InternetGateway), ("eigw-", RouteTargetKind.EgressOnlyInternetGateway),
        ("nat-", RouteTargetKind.NatGateway), ("tgw-", RouteTargetKind.TransitGateway), ("eni-", RouteTargetKind.NetworkInterface),
        ("i-", RouteTargetKind.Instance), ("vgw-", RouteTargetKind.VirtualPrivateGateway), ("vpce-", RouteTargetKind.VpcEndpoint),
        ("cagw-", RouteTargetKind.CarrierGateway), ("lgw-", RouteTargetKind.LocalGateway),
    };

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
}
