using System;
using System.Collections.Generic;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>
/// The edges of the network around the peering: NAT gateways (source translation), virtual private gateways (the
/// path leaves AWS), VPC endpoints, egress-only internet gateways, and routes to prefix lists whose entries the
/// input does not hold.
/// </summary>
internal sealed partial class PathWalker
{
    /// <summary>
    /// Hops of the return path that <see cref="EdgeReturn"/> adds after the stateful return (the NAT's subnet, in
    /// reverse). A path passes at most one NAT gateway.
    /// </summary>
    private Action<Traffic>? _edgeReturn;

    /// <summary>
    /// Follows a route whose target is a NAT gateway, a virtual private gateway, a VPC endpoint or an egress-only internet
    /// gateway. True when the walk goes on to the destination side: past an edge only a path to an address outside the
    /// VPCs does (a blocked edge included, to find further blocks), or a NAT gateway's path over a peering.
    /// </summary>
    private bool EdgeForward(RouteTable table, Route route, out Via via, out VpcPeeringConnection? pcx)
    {
        string routeText = $"route {route.DestinationText} → {TargetText(route)}";
        via = Via.Edge;
        pcx = null;
        switch (route.TargetKind)
        {
            case RouteTargetKind.NatGateway:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} matches {_d.Label}", null, element: table);
                return NatForward(route, ref via, out pcx);
            case RouteTargetKind.VirtualPrivateGateway:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} matches {_d.Label}", null, element: table);
                return VgwForward(route.TargetId, route.Location, _s.Vpc!);
            case RouteTargetKind.VpcEndpoint:
                return EndpointForward(table, route, routeText);
            default:
                return EgressOnlyForward(table, route, routeText);
        }
    }

    /// <summary>
    /// True when the walk must stop: a route to a prefix list whose entries are not in the input may hold the
    /// destination (and, being more specific, win over <paramref name="matched"/>). A gateway endpoint's list is an
    /// AWS service's public ranges: it cannot hold an address in a VPC, and "the internet" has addresses outside it.
    /// </summary>
    private bool UnresolvedPrefixList(RouteLookup lookup, Route? matched, RouteTable table, HopDirection dir, Host to)
    {
        if (matched is { IsLocal: true } || lookup.UnresolvedPrefixListRoutes.Count == 0)
        {
            return false;
        }

        foreach (var u in lookup.UnresolvedPrefixListRoutes)
        {
            bool serviceList = u.TargetKind == RouteTargetKind.VpcEndpoint || IsAwsManagedList(u.DestinationPrefixListId);
            if (serviceList && (!to.External || to.Endpoint.Kind == EndpointKind.Internet))
            {
                continue;
            }

            Add(HopKind.RouteTable, dir, table.Id, table.Label, u.Location, HopVerdict.Unknown,
                $"route {u.DestinationText} → {TargetText(u)} in route table {table.Label} sends the addresses of prefix list '{u.DestinationPrefixListId}', whose entries are not in the input: whether it holds {to.AddressText} is unknown",
                ReasonCodes.UnknownValue, element: table);
            return true;
        }

        return false;
    }

    /// <summary>True when the prefix list is in the input and is one of AWS's own (a service's public ranges).</summary>
    private bool IsAwsManagedList(string? id)
    {
        var pl = _index.Find<PrefixList>(id);
        return pl is not null && pl.IsAwsManaged;
    }

    // ---------------------------------------------------------------- NAT gateways

    private bool NatForward(Route route, ref Via via, out VpcPeeringConnection? pcx)
    {
        pcx = null;
        var nat = _index.Find<NatGateway>(route.TargetId);
        if (nat is null)
        {
            bool listed = route.TargetId is not null && _index.Model.Covers(ResourceKinds.NatGateways);
            Add(HopKind.NatGateway, HopDirection.Forward, route.TargetId, $"'{route.TargetId ?? "?"}'", route.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"NAT gateway '{route.TargetId ?? "?"}' is not in the input{(listed ? " (it does not exist)" : string.Empty)}", listed ? ReasonCodes.BadState : ReasonCodes.UnknownValue);
            return false;
        }

        var natSubnet = _index.Subnet(nat.SubnetId);
        if (natSubnet is null)
        {
            Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Unknown,
                $"the subnet of NAT gateway {nat.Label} is not in the input", ReasonCodes.UnknownValue, element: nat);
            return false;
        }

        if (natSubnet.VpcId != _s.Vpc!.Id)
        {
            Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Blocked,
                $"NAT gateway {nat.Label} is in {Describe.Vpc(_index, natSubnet.VpcId)}, not in {_s.Vpc.Label}: a route can only name a NAT gateway of its own VPC", ReasonCodes.BadState, element: nat);
            return false;
        }

        string kind = nat.IsPublic ? "public" : "private";
        string translated = nat.IsPublic ? "its Elastic IP" : "its private address";
        if (_d.External)
        {
            Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Allowed,
                $"{kind} NAT gateway {nat.Label} in subnet {natSubnet.Label} replaces the source {_s.AddressText} with {translated}; replies come back to the NAT gateway, which sends them on to {_s.Label}", null, element: nat);
        }

        if (natSubnet.Id != _s.Subnet!.Id)
        {
            AclHop(natSubnet, egress: false, _s.Address, _t, HopDirection.Forward);
        }

        if (!_d.External)
        {
            return NatToVpc(nat, natSubnet, ref via, out pcx);
        }

        var table = _index.EffectiveRouteTable(natSubnet);
        if (table is null)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, natSubnet.Id, natSubnet.Label, natSubnet.Location, HopVerdict.Unknown,
                $"subnet {natSubnet.Label} of NAT gateway {nat.Label} has no route table in the input", ReasonCodes.UnknownValue, element: natSubnet);
            return false;
        }

        var lookup = _index.Lookup(table);
        var next = lookup.Match(_d.Address);
        if (UnresolvedPrefixList(lookup, next, table, HopDirection.Forward, _d))
        {
            return false;
        }

        if (next is null || (lookup.HasUnknownRoutes && !next.IsLocal))
        {
            if (lookup.HasUnknownRoutes)
            {
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, table.Location, HopVerdict.Unknown,
                    $"route table {table.Label} of NAT gateway {nat.Label}'s subnet has routes the input does not show", ReasonCodes.UnknownValue, element: table);
                return false;
            }

            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, table.Location, HopVerdict.Blocked,
                $"route table {table.Label} of subnet {natSubnet.Label}, where NAT gateway {nat.Label} sits, has no route that matches {_d.AddressText}: the NAT gateway cannot send the traffic on",
                ReasonCodes.NoRouteToDestination, $"add a route 0.0.0.0/0 → an internet gateway attached to {_s.Vpc.Label} to route table {table.Label}", table);
            return true;
        }

        string routeText = $"route {next.DestinationText} → {TargetText(next)}";
        if (next.State == RouteState.Blackhole)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, next.Location, HopVerdict.Blocked,
                $"{routeText} in route table {table.Label} of NAT gateway {nat.Label}'s subnet is a blackhole", ReasonCodes.BlackholeRoute,
                "delete the route and add it again with a working target", table);
            return true;
        }

        switch (next.TargetKind)
        {
            case RouteTargetKind.InternetGateway when nat.IsPublic:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, next.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} of NAT gateway {nat.Label}'s subnet matches {_d.AddressText}", null, element: table);
                AclHop(natSubnet, egress: true, _d.Address, _t, HopDirection.Forward);
                NatReturn(natSubnet);
                return NatInternetGateway(next, nat);
            case RouteTargetKind.InternetGateway:
                Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, next.Location, HopVerdict.Blocked,
                    $"NAT gateway {nat.Label} is private (ConnectivityType private): the internet gateway drops traffic from it, so it cannot reach {_d.AddressText}",
                    ReasonCodes.NoRouteToDestination, "use a public NAT gateway (with an Elastic IP) in a subnet that routes 0.0.0.0/0 to the internet gateway", nat);
                return true;
            case RouteTargetKind.VirtualPrivateGateway:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, next.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} of NAT gateway {nat.Label}'s subnet matches {_d.AddressText}", null, element: table);
                AclHop(natSubnet, egress: true, _d.Address, _t, HopDirection.Forward);
                NatReturn(natSubnet);
                return VgwForward(next.TargetId, next.Location, _s.Vpc);
            case RouteTargetKind.NatGateway or RouteTargetKind.Local or RouteTargetKind.VpcPeeringConnection:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, next.Location, HopVerdict.Blocked,
                    $"route table {table.Label} of subnet {natSubnet.Label}, where NAT gateway {nat.Label} sits, sends {_d.AddressText} over {routeText}, not to an internet gateway: the NAT gateway has no way out",
                    ReasonCodes.NoRouteToDestination, $"add a route 0.0.0.0/0 → an internet gateway attached to {_s.Vpc.Label} to route table {table.Label}", table);
                return true;
            default:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, next.Location, HopVerdict.Unknown,
                    $"{routeText} in route table {table.Label} of NAT gateway {nat.Label}'s subnet sends the traffic to a {next.TargetKind} target, which PeeringLint does not follow", ReasonCodes.UnsupportedTarget, element: table);
                return false;
        }
    }

    /// <summary>
    /// A NAT gateway towards another VPC (private NAT, or a public one, over a peering): the destination sees the NAT's
    /// private address, so from here on the walk's source is that address: the destination's security groups and
    /// network ACL are checked against it, and its route table must send replies back to it.
    /// </summary>
    private bool NatToVpc(NatGateway nat, Subnet natSubnet, ref Via via, out VpcPeeringConnection? pcx)
    {
        pcx = null;
        uint natIp = 0;
        bool natIpKnown = nat.PrivateIpAddress is not null && PeeringLint.Addressing.Cidr.TryParseV4(nat.PrivateIpAddress, out natIp);
        if (!natIpKnown)
        {
            Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Unknown,
                $"NAT gateway {nat.Label} translates {_s.Label} to its own private address before {_d.Label}; the input does not give that address, so the destination's security groups, network ACL and return route cannot be checked against it",
                ReasonCodes.UnsupportedTarget, element: nat);
            return false;
        }

        var table = _index.EffectiveRouteTable(natSubnet);
        if (table is null)
        {
            return NatNotFollowed(nat, natSubnet, null, null);
        }

        var lookup = _index.Lookup(table);
        var next = lookup.Match(_d.Address);
        if (next is null || lookup.HasUnknownRoutes || next.State == RouteState.Blackhole || next.TargetKind != RouteTargetKind.VpcPeeringConnection
            || next.TargetId is null || UnresolvedPrefixList(lookup, next, table, HopDirection.Forward, _d))
        {
            return NatNotFollowed(nat, natSubnet, table, next);
        }

        var translated = new Host(_s.Endpoint, PeeringLint.Addressing.Cidr.FromV4(natIp, 32)) { Vpc = _s.Vpc, Subnet = _s.Subnet };
        Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Allowed,
            $"NAT gateway {nat.Label} in subnet {natSubnet.Label} replaces the source {_s.AddressText} with its private address {nat.PrivateIpAddress}: {_d.Label} sees {nat.PrivateIpAddress}, and its replies come back to the NAT gateway, which sends them on to {_s.Label}",
            null, element: nat);
        Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, next.Location, HopVerdict.Allowed,
            $"route {next.DestinationText} → {TargetText(next)} in route table {table.Label} of NAT gateway {nat.Label}'s subnet matches {_d.Label}", null, element: table);
        AclHop(natSubnet, egress: true, _d.Address, _t, HopDirection.Forward);
        NatReturn(natSubnet);
        _s = translated;
        via = Via.Peering;
        return PeeringHop(next.TargetId, next.Location, out pcx);
    }

    /// <summary>The NAT gateway's subnet does not send the traffic on over a peering: the walk stops, unknown (always false).</summary>
    private bool NatNotFollowed(NatGateway nat, Subnet natSubnet, RouteTable? table, Route? next)
    {
        string what = next is null ? "no route" : $"route {next.DestinationText} → {TargetText(next)}";
        Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Unknown,
            $"NAT gateway {nat.Label} translates {_s.Label} to {nat.PrivateIpAddress}; route table {table?.Label ?? "?"} of its subnet {natSubnet.Label} has {what} for {_d.AddressText}, which PeeringLint does not follow from a NAT gateway (it follows peering connections)",
            ReasonCodes.UnsupportedTarget, element: nat);
        return false;
    }

    private bool NatInternetGateway(Route route, NatGateway nat)
    {
        var vpc = _s.Vpc!;
        var igw = _index.InternetGateway(route.TargetId);
        if (igw is null)
        {
            bool listed = _index.Model.Covers(ResourceKinds.InternetGateways) && route.TargetId is not null;
            Add(HopKind.InternetGateway, HopDirection.Forward, route.TargetId, $"'{route.TargetId ?? "?"}'", route.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"internet gateway '{route.TargetId ?? "?"}' is not in the input", listed ? ReasonCodes.IgwNotAttached : ReasonCodes.UnknownValue);
            return false;
        }

        if (!Contains(igw.AttachedVpcIds, vpc.Id))
        {
            Add(HopKind.InternetGateway, HopDirection.Forward, igw.Id, igw.Label, igw.Location, HopVerdict.Blocked,
                $"internet gateway {igw.Label} is not attached to {vpc.Label}", ReasonCodes.IgwNotAttached, $"attach {igw.Label} to {vpc.Label}", igw);
            return true;
        }

        if (nat.ElasticIpIds.Count == 0 && !nat.ElasticIpsUnknown)
        {
            Add(HopKind.NatGateway, HopDirection.Forward, nat.Id, nat.Label, nat.Location, HopVerdict.Unknown,
                $"the input names no Elastic IP for public NAT gateway {nat.Label}", ReasonCodes.UnknownValue, element: nat);
        }

        Add(HopKind.InternetGateway, HopDirection.Forward, igw.Id, igw.Label, igw.Location, HopVerdict.Allowed,
            $"internet gateway {igw.Label} is attached to {vpc.Label}; {_d.AddressText} sees the NAT gateway's Elastic IP as the source, so {_s.Label} needs no public address of its own", null, element: igw);
        return true;
    }

    /// <summary>
    /// The reply crosses the NAT's subnet back: in from the destination, out to the source. The walk gets here only from
    /// a NAT gateway in another subnet than the source's: in the source's own subnet the NAT's route table is the
    /// source's, whose route to the NAT gateway matches the destination again and ends the walk.
    /// </summary>
    private void NatReturn(Subnet natSubnet)
    {
        var instance = _s.Address;
        _edgeReturn = reply =>
        {
            AclHop(natSubnet, egress: false, _d.Address, reply, HopDirection.Return);
            AclHop(natSubnet, egress: true, instance, reply, HopDirection.Return);
        };
    }

    /// <summary>Adds the return hops the edges recorded (called once the stateful return is recorded).</summary>
    private void EdgeReturn(Traffic reply) => _edgeReturn?.Invoke(reply);

    // ---------------------------------------------------------------- virtual private gateways

    /// <summary>The path reaches a virtual private gateway: past an attached, available gateway it leaves AWS.</summary>
    private bool VgwForward(string? vgwId, SourceLocation routeLocation, Vpc vpc)
    {
        var vgw = _index.Find<VpnGateway>(vgwId);
        if (vgw is null)
        {
            bool listed = vgwId is not null && _index.Model.Covers(ResourceKinds.VpnGateways);
            Add(HopKind.VpnGateway, HopDirection.Forward, vgwId, $"'{vgwId ?? "?"}'", routeLocation, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"virtual private gateway '{vgwId ?? "?"}' is not in the input{(listed ? " (it does not exist)" : string.Empty)}", listed ? ReasonCodes.BadState : ReasonCodes.UnknownValue);
            return false;
        }

        string? st = vgw.State;
        if (st is not null && st != "available")
        {
            Add(HopKind.VpnGateway, HopDirection.Forward, vgw.Id, vgw.Label, vgw.Location, HopVerdict.Blocked,
                $"virtual private gateway {vgw.Label} is {st}, not available", ReasonCodes.BadState, element: vgw);
            return _d.External;
        }

        if (!Contains(vgw.AttachedVpcIds, vpc.Id))
        {
            Add(HopKind.VpnGateway, HopDirection.Forward, vgw.Id, vgw.Label, vgw.Location, HopVerdict.Blocked,
                $"virtual private gateway {vgw.Label} is not attached to {vpc.Label}", ReasonCodes.BadStateAttachment, $"attach {vgw.Label} to {vpc.Label}", vgw);
            return _d.External;
        }

        if (!_d.External)
        {
            Add(HopKind.VpnGateway, HopDirection.Forward, vgw.Id, vgw.Label, vgw.Location, HopVerdict.Unknown,
                $"the route sends {_d.Label} to virtual private gateway {vgw.Label}, where the path leaves AWS; whether the network beyond sends it back into {Describe.Vpc(_index, _d.Vpc?.Id)} is not in the input",
                ReasonCodes.LeavesAws, element: vgw);
            return false;
        }

        var vpns = new List<VpnConnection>();
        bool anyUsable = false;
        foreach (var vpn in _index.VpnConnectionsOf(vgw.Id))
        {
            vpns.Add(vpn);
            anyUsable |= vpn.IsUsable;
        }

        // Direct Connect virtual interfaces on the gateway are not read: they may carry what the VPN connections do not,
        // so a gateway whose VPN connections cannot carry the traffic is unknown, not blocked.
        const string DirectConnect = "; only a Direct Connect virtual interface on the gateway (not in the input) could carry it";
        if (vpns.Count > 0 && !anyUsable)
        {
            Add(HopKind.VpnGateway, HopDirection.Forward, vpns[0].Id, vpns[0].Label, vpns[0].Location, HopVerdict.Unknown,
                $"every VPN connection of virtual private gateway {vgw.Label} is {vpns[0].State}: none carries traffic{DirectConnect}", ReasonCodes.BadStateVpn,
                "create a new VPN connection to the gateway", vpns[0]);
            return false;
        }

        if (vpns.Count > 0 && vpns.TrueForAll(v => v.StaticRoutesOnly == true) && !StaticRouteCovers(vpns, _d))
        {
            Add(HopKind.VpnGateway, HopDirection.Forward, vpns[0].Id, vpns[0].Label, vpns[0].Location, HopVerdict.Unknown,
                $"no static route of the VPN connections of virtual private gateway {vgw.Label} covers {_d.AddressText}{DirectConnect}",
                ReasonCodes.NoRouteToDestination, $"add a static route for {_d.AddressText} to VPN connection {vpns[0].Label}", vpns[0]);
            return false;
        }

        string over = vpns.Count == 0
            ? (_index.Model.Covers(ResourceKinds.VpnConnections) ? " (no VPN connection in the input: Direct Connect, or none)" : " (its VPN connections are not in the input)")
            : " over " + ConnectionText(vpns);
        Add(HopKind.VpnGateway, HopDirection.Forward, vgw.Id, vgw.Label, vgw.Location, HopVerdict.Allowed,
            $"virtual private gateway {vgw.Label} is attached to {vpc.Label}: the path leaves AWS here{over}; what happens beyond is outside the input", null, element: vgw);
        return true;
    }

    private bool StaticRouteCovers(List<VpnConnection> vpns, Host to)
    {
        foreach (var v in vpns)
        {
            foreach (var c in v.StaticRoutes)
            {
                PeeringLint.Addressing.Cidr? cv = c.Value;
                if (cv is null || NetworkAclEvaluator.Covers(cv.Value, to.Address) != Tri.No)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string ConnectionText(List<VpnConnection> vpns)
    {
        var parts = new List<string>(vpns.Count);
        foreach (var v in vpns)
        {
            var c = _index.Find<CustomerGateway>(v.CustomerGatewayId);
            string cgw = c is not null && c.IpAddress is not null
                ? $" to customer gateway {c.Label} ({c.IpAddress})"
                : v.CustomerGatewayId is not null ? $" to customer gateway '{v.CustomerGatewayId}'" : string.Empty;
            parts.Add($"VPN connection {v.Label}{cgw}");
        }

        return string.Join(", ", parts);
    }

    // ---------------------------------------------------------------- VPC endpoints and egress-only gateways

    private bool EndpointForward(RouteTable table, Route route, string routeText)
    {
        var vpce = _index.Find<VpcEndpoint>(route.TargetId);
        if (vpce is null)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Unknown,
                $"{routeText} in route table {table.Label} sends the traffic to VPC endpoint '{route.TargetId ?? "?"}', which is not in the input", ReasonCodes.UnknownValue, element: table);
            return false;
        }

        Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
            $"{routeText} in route table {table.Label} matches {_d.Label}", null, element: table);
        if (!vpce.IsUsable)
        {
            Add(HopKind.VpcEndpoint, HopDirection.Forward, vpce.Id, vpce.Label, vpce.Location, HopVerdict.Blocked,
                $"VPC endpoint {vpce.Label} is {vpce.State}, not available", ReasonCodes.BadState, element: vpce);
            return _d.External;
        }

        if (vpce.Type != VpcEndpointType.Gateway)
        {
            Add(HopKind.VpcEndpoint, HopDirection.Forward, vpce.Id, vpce.Label, vpce.Location, HopVerdict.Unknown,
                $"VPC endpoint {vpce.Label} is a {vpce.Type} endpoint (a middlebox such as a firewall behind a Gateway Load Balancer), which PeeringLint does not follow", ReasonCodes.UnsupportedTarget, element: vpce);
            return false;
        }

        if (!_d.External)
        {
            Add(HopKind.VpcEndpoint, HopDirection.Forward, vpce.Id, vpce.Label, vpce.Location, HopVerdict.Blocked,
                $"gateway endpoint {vpce.Label} delivers only to {vpce.ServiceName ?? "its service"}, not to {_d.Label}", ReasonCodes.NoRouteToDestination, RouteFix(table, _d), vpce);
            return false;
        }

        Add(HopKind.VpcEndpoint, HopDirection.Forward, vpce.Id, vpce.Label, vpce.Location, HopVerdict.Allowed,
            $"gateway endpoint {vpce.Label} delivers {_d.AddressText} to {vpce.ServiceName ?? "its service"} inside AWS; the path ends at the service (its endpoint policy is not evaluated)", null, element: vpce);
        return true;
    }

    private bool EgressOnlyForward(RouteTable table, Route route, string routeText)
    {
        if (!_d.External)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                $"route table {table.Label} sends {Named(_d)} to the egress-only internet gateway over {routeText}; the addresses of {_d.Vpc!.Label} are not reachable over the internet",
                ReasonCodes.NoRouteToDestination, RouteFix(table, _d, route), table);
            return false;
        }

        Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
            $"{routeText} in route table {table.Label} matches {_d.AddressText}", null, element: table);
        var vpc = _s.Vpc!;
        var eigw = _index.Find<EgressOnlyInternetGateway>(route.TargetId);
        if (eigw is null)
        {
            bool listed = route.TargetId is not null && _index.Model.Covers(ResourceKinds.EgressOnlyInternetGateways);
            Add(HopKind.EgressOnlyInternetGateway, HopDirection.Forward, route.TargetId, $"'{route.TargetId ?? "?"}'", route.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"egress-only internet gateway '{route.TargetId ?? "?"}' is not in the input{(listed ? " (it does not exist)" : string.Empty)}", listed ? ReasonCodes.BadState : ReasonCodes.UnknownValue);
            return false;
        }

        if (!Contains(eigw.AttachedVpcIds, vpc.Id))
        {
            Add(HopKind.EgressOnlyInternetGateway, HopDirection.Forward, eigw.Id, eigw.Label, eigw.Location, HopVerdict.Blocked,
                $"egress-only internet gateway {eigw.Label} is not attached to {vpc.Label}", ReasonCodes.BadStateAttachment, element: eigw);
            return true;
        }

        if (_d.Address.Family != PeeringLint.Addressing.IpFamily.V6)
        {
            Add(HopKind.EgressOnlyInternetGateway, HopDirection.Forward, eigw.Id, eigw.Label, eigw.Location, HopVerdict.Blocked,
                $"egress-only internet gateway {eigw.Label} carries IPv6 only, not {_d.AddressText}", ReasonCodes.NoRouteToDestination, element: eigw);
            return true;
        }

        Add(HopKind.EgressOnlyInternetGateway, HopDirection.Forward, eigw.Id, eigw.Label, eigw.Location, HopVerdict.Allowed,
            $"egress-only internet gateway {eigw.Label} is attached to {vpc.Label}: outbound IPv6 leaves, and replies come back in (connections from the internet cannot start)", null, element: eigw);
        return true;
    }

    // ---------------------------------------------------------------- entering through a virtual private gateway

    /// <summary>The gateway an external source entered through (the reply must leave through it).</summary>
    private string? _enteredVgw;

    /// <summary>
    /// An address outside the VPCs (not "the internet" as a whole) that the destination's route table sends to a
    /// virtual private gateway is on the far side of that gateway: the traffic enters AWS there, not through an
    /// internet gateway. False when the address is not behind a gateway (the internet gateway path applies).
    /// </summary>
    private bool EdgeIngress(out Via via, out bool entered)
    {
        via = Via.Edge;
        entered = false;
        // WalkAll calls this only for an external source and a destination in a subnet of a VPC.
        if (_s.Endpoint.Kind == EndpointKind.Internet)
        {
            return false;
        }

        var table = _index.EffectiveRouteTable(_d.Subnet!);
        if (table is null)
        {
            return false;
        }

        var route = _index.Lookup(table).Match(_s.Address);
        if (route is null || route.State != RouteState.Active)
        {
            return false;
        }

        if (route.TargetKind == RouteTargetKind.EgressOnlyInternetGateway)
        {
            // Replies to the source would leave through an egress-only gateway, which lets no connection start from outside.
            Add(HopKind.EgressOnlyInternetGateway, HopDirection.Forward, route.TargetId, $"'{route.TargetId ?? "?"}'", route.Location, HopVerdict.Blocked,
                $"route table {table.Label} sends {_s.AddressText} to egress-only internet gateway '{route.TargetId ?? "?"}', which carries only connections started inside {_d.Vpc!.Label}: {_s.AddressText} cannot open one",
                ReasonCodes.EgressOnlyInbound, $"route {route.DestinationText} to an internet gateway attached to {_d.Vpc.Label} if the instance must accept connections from the internet", table);
            return true;
        }

        if (route.TargetKind != RouteTargetKind.VirtualPrivateGateway || route.TargetId is null)
        {
            return false;
        }

        var vpc = _d.Vpc!;
        var vgw = _index.Find<VpnGateway>(route.TargetId);
        if (vgw is null)
        {
            bool listed = _index.Model.Covers(ResourceKinds.VpnGateways);
            Add(HopKind.VpnGateway, HopDirection.Forward, route.TargetId, $"'{route.TargetId}'", route.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"{_s.AddressText} is behind virtual private gateway '{route.TargetId}' (route table {table.Label} sends it there), which is not in the input{(listed ? " (it does not exist)" : string.Empty)}",
                listed ? ReasonCodes.BadState : ReasonCodes.UnknownValue);
            return true;
        }

        string? state = vgw.State;
        bool down = state is not null && state != "available";
        if (down || !Contains(vgw.AttachedVpcIds, vpc.Id))
        {
            Add(HopKind.VpnGateway, HopDirection.Forward, vgw.Id, vgw.Label, vgw.Location, HopVerdict.Blocked,
                $"virtual private gateway {vgw.Label} is {(down ? state : "not attached to " + vpc.Label)}: nothing enters {vpc.Label} through it",
                ReasonCodes.BadStateAttachment, down ? VgwDownFix(vgw, vpc, state!) : $"attach {vgw.Label} to {vpc.Label}", vgw);
            entered = true;
            _enteredVgw = vgw.Id;
            return true;
        }

        Add(HopKind.VpnGateway, HopDirection.Forward, vgw.Id, vgw.Label, vgw.Location, HopVerdict.Allowed,
            $"{_s.AddressText} is outside AWS, behind virtual private gateway {vgw.Label} (route {route.DestinationText} → {vgw.Id} of route table {table.Label}): the traffic enters {vpc.Label} here", null, element: vgw);
        _enteredVgw = vgw.Id;
        entered = true;
        return true;
    }

    /// <summary>
    /// What a reply must follow on an edge path: the gateway the request entered through. RouteBack asks only after
    /// <see cref="EdgeIngress"/> let a request in (a path that leaves through an edge towards a VPC stops there), so
    /// <see cref="_enteredVgw"/> is set.
    /// </summary>
    private string EdgeExpected() => $"virtual private gateway '{_enteredVgw}'";

    /// <summary>True when the reply's route leaves through the gateway the request entered by.</summary>
    private bool EdgeReturnRoute(Route route, out bool unknown)
    {
        // The reply's route is the one EdgeIngress matched for the same address in the same table (an active route to the
        // gateway, with its id), so it is never unknown, and only a route to that gateway carries its id.
        // Stryker disable once Boolean : read only when the route is not the gateway's, which it always is here
        unknown = false;
        return route.TargetId == _enteredVgw;
    }

    /// <summary>The fix for a virtual private gateway that is not available: wait for a pending one, replace one being deleted.</summary>
    private static string VgwDownFix(VpnGateway vgw, Vpc vpc, string state) =>
        state == "pending"
            ? $"wait until {vgw.Label} is available (it is pending)"
            : $"create a virtual private gateway, attach it to {vpc.Label} and route to it ({vgw.Label} is {state})";
}
