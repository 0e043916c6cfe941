using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Exposure;

/// <summary>Facts about instances and subnets shared by the exposure and security rules.</summary>
internal static class ExposureFacts
{
    /// <summary>
    /// Whether the subnet's route table sends 0.0.0.0/0 to an internet gateway attached to its VPC (a "public
    /// subnet"): Yes, No, or Unknown (no table, routes incomplete, unknown target).
    /// </summary>
    public static Tri IsPublicSubnet(ModelIndex index, Subnet subnet, out RouteTable? table, out Route? route)
    {
        route = null;
        table = index.EffectiveRouteTable(subnet);
        if (table is null || subnet.VpcId is null)
        {
            return Tri.Unknown;
        }

        var lookup = index.Lookup(table);
        route = lookup.Match(Cidr.AnyV4);
        if (lookup.HasUnknownRoutes)
        {
            return route is { TargetKind: RouteTargetKind.InternetGateway } && IgwAttached(index, route, subnet.VpcId) == Tri.Yes ? Tri.Yes : Tri.Unknown;
        }

        if (route is null || route.State == RouteState.Blackhole)
        {
            return Tri.No;
        }

        return route.TargetKind switch
        {
            RouteTargetKind.InternetGateway => IgwAttached(index, route, subnet.VpcId),
            RouteTargetKind.Unknown => Tri.Unknown,
            _ => Tri.No,
        };
    }

    private static Tri IgwAttached(ModelIndex index, Route route, string vpcId)
    {
        if (route.TargetId is null)
        {
            return Tri.Unknown;
        }

        if (!index.InternetGateways.TryGetValue(route.TargetId, out var igw))
        {
            return index.Model.Covers(ResourceKinds.InternetGateways) ? Tri.No : Tri.Unknown;
        }

        foreach (var v in igw.AttachedVpcIds)
        {
            if (v == vpcId)
            {
                return Tri.Yes;
            }
        }

        return Tri.No;
    }

    /// <summary>The instance as the reachability engine sees it (public address incl. Elastic IPs, groups), or null.</summary>
    public static Host? HostOf(ModelIndex index, Instance instance) =>
        Host.ForElement(ReachabilityIndex.For(index), Endpoint.ForInstance(instance));

    /// <summary>True when <paramref name="c"/> holds some address that is not private (RFC 1918, CGNAT, link-local…).</summary>
    public static bool HasPublicAddresses(Cidr c)
    {
        if (c.Family == IpFamily.V6)
        {
            return c.PrefixLength < 7 || !Cidr.Parse("fc00::/7").Contains(c);
        }

        foreach (var p in Private)
        {
            if (p.Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Cidr[] Private =
    {
        Cidr.Parse("10.0.0.0/8"),
        Cidr.Parse("172.16.0.0/12"),
        Cidr.Parse("192.168.0.0/16"),
        Cidr.Parse("100.64.0.0/10"),
        Cidr.Parse("127.0.0.0/8"),
        Cidr.Parse("169.254.0.0/16"),
    };
}
