using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Aws;

/// <summary>
/// AWS's "public subnet": one whose route table sends 0.0.0.0/0 to an internet gateway attached to its VPC.
/// The rules, reachability and the diagram ask this one place.
/// </summary>
public static class PublicSubnets
{
    /// <summary>Yes, No, or Unknown (no table, routes incomplete, unknown target, gateway not in the input).</summary>
    public static Tri IsPublic(ModelIndex index, Subnet subnet) => IsPublic(index, subnet, out _, out _);

    /// <summary>As <see cref="IsPublic(ModelIndex, Subnet)"/>, with the table and the default route that decided it.</summary>
    public static Tri IsPublic(ModelIndex index, Subnet subnet, out RouteTable? table, out Route? route)
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

            // A gateway endpoint (S3, DynamoDB) delivers only to its service; a Gateway Load Balancer endpoint is a
            // middlebox that may hand the traffic on (below). The model knows which when the endpoint is in the input.
            RouteTargetKind.VpcEndpoint when DeliversOnlyToItsService(index, route) => Tri.No,

            // Middleboxes in the same VPC (a Gateway Load Balancer or Network Firewall endpoint, an appliance's ENI or
            // instance) usually hand the traffic on to the internet gateway: the instance may well be reachable.
            RouteTargetKind.VpcEndpoint or RouteTargetKind.NetworkInterface or RouteTargetKind.Instance
                or RouteTargetKind.CarrierGateway or RouteTargetKind.CoreNetwork or RouteTargetKind.Unknown => Tri.Unknown,

            // A NAT gateway, a peering, a transit or virtual private gateway never carry a reply from the instance's
            // public address back out through the internet gateway that translated it.
            _ => Tri.No,
        };
    }

    /// <summary>True when the route's target is an endpoint of the input whose type is Gateway or Interface.</summary>
    private static bool DeliversOnlyToItsService(ModelIndex index, Route route)
    {
        if (route.TargetId is null)
        {
            return false;
        }

        VpcEndpoint? vpce = index.ById<VpcEndpoint>().TryGetValue(route.TargetId, out var e) ? e : null;
        return vpce?.Type is VpcEndpointType.Gateway or VpcEndpointType.Interface;
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
}
