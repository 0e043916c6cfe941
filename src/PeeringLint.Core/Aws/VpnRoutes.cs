using System;
using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Aws;

/// <summary>
/// The routes a virtual private gateway propagates into a route table (route propagation). describe-route-tables
/// lists them (Origin EnableVgwRoutePropagation); a template cannot, so they are the static routes of the gateway's
/// VPN connections when every connection is static-only, and unknown otherwise (BGP learns them at run time).
/// </summary>
public static class VpnRoutes
{
    /// <summary>The propagated routes the input implies for <paramref name="table"/>; <paramref name="unknown"/> when some are not known.</summary>
    public static IReadOnlyList<Route> Propagated(ModelIndex index, RouteTable table, out bool unknown)
    {
        unknown = false;
        if (table.PropagatedRoutesListed || table.PropagatingVgwIds.Count == 0)
        {
            return Array.Empty<Route>();
        }

        // An input that does not list every VPN connection may leave out one (or one may be added) that propagates
        // routes. One that lists them all (describe-vpn-connections, a template's VPNConnection resources) says
        // which connections exist: a gateway without a usable one propagates nothing.
        unknown = !index.Model.Covers(ResourceKinds.VpnConnections);
        var routes = new List<Route>();
        foreach (var vgw in table.PropagatingVgwIds)
        {
            foreach (var vpn in index.VpnConnectionsOf(vgw))
            {
                if (!vpn.IsUsable)
                {
                    continue;
                }

                if (vpn.StaticRoutesOnly != true)
                {
                    unknown = true;
                    continue;
                }

                foreach (var c in vpn.StaticRoutes)
                {
                    if (c.IsUnknown)
                    {
                        unknown = true;
                        continue;
                    }

                    routes.Add(new Route(c.Location, RouteTargetKind.VirtualPrivateGateway, vgw) { Destination = c, Origin = RouteOrigin.EnableVgwRoutePropagation });
                }
            }
        }

        return routes;
    }
}
