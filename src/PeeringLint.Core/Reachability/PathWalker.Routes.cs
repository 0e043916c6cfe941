using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>Routes forward and back, and the peering hop.</summary>
internal sealed partial class PathWalker
{
    private bool RouteForward(out Via via, out VpcPeeringConnection? pcx)
    {
        via = Via.Local;
        pcx = null;
        var subnet = _s.Subnet!;
        var table = _index.EffectiveRouteTable(subnet);
        if (table is null)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, subnet.Id, subnet.Label, subnet.Location, HopVerdict.Unknown,
                $"subnet {subnet.Label} has no route table in the input (no association and no main table)", ReasonCodes.UnknownValue, element: subnet);
            return false;
        }

        var lookup = _index.Lookup(table);
        var route = lookup.Match(_d.Address);
        string dest = _d.Label;
        string named = Named(_d);
        if (UnresolvedPrefixList(lookup, route, table, HopDirection.Forward, _d))
        {
            return false;
        }

        if (route is null || (lookup.HasUnknownRoutes && !route.IsLocal))
        {
            if (lookup.HasUnknownRoutes)
            {
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, table.Location, HopVerdict.Unknown,
                    $"route table {table.Label} has routes the input does not show, so where it sends {_d.AddressText} is unknown", ReasonCodes.UnknownValue, element: table);
                return false;
            }

            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, table.Location, HopVerdict.Blocked,
                $"route table {table.Label} has no route that matches {named}", ReasonCodes.NoRouteToDestination, RouteFix(table, _d), table);
            return AssumePeering(out via, out pcx);
        }

        string routeText = $"route {route.DestinationText} → {TargetText(route)}";
        if (route.State == RouteState.Blackhole)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                $"{routeText} in route table {table.Label} is a blackhole: its target no longer exists or is not usable", ReasonCodes.BlackholeRoute,
                "delete the route and add it again with a working target", table);
            return AssumePeering(out via, out pcx);
        }

        switch (route.TargetKind)
        {
            case RouteTargetKind.Local:
                if (!_d.External && _d.Vpc!.Id == _s.Vpc!.Id)
                {
                    Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                        $"the local route {route.DestinationText} of route table {table.Label} delivers {dest} inside {_s.Vpc.Label}", null, element: table);
                    via = Via.Local;
                    return true;
                }

                if (!OwnRange(_s.Vpc!, route))
                {
                    // ClassicLink's 10.0.0.0/8 → local reaches the EC2-Classic instances linked to the VPC, not a peer.
                    Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                        $"{named} matches the local route {route.DestinationText} of route table {table.Label}, which ClassicLink adds to reach linked EC2-Classic instances (those linked to {_s.Vpc!.Label}, or with AllowEgressFromLocalVpcToRemoteClassicLink those linked to the peer); it does not reach {(_d.External ? _d.AddressText : "the instances of " + _d.Vpc!.Label)}",
                        ReasonCodes.NoRouteToDestination, RouteFix(table, _d), table);
                    return false;
                }

                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                    $"{named} lies inside {_s.Vpc!.Label}'s own range, so the local route keeps the traffic in {_s.Vpc.Label}", ReasonCodes.NoRouteToDestination, null, table);
                return false;

            case RouteTargetKind.VpcPeeringConnection:
                if (route.TargetId is null)
                {
                    Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Unknown,
                        $"{routeText} in route table {table.Label} names an unknown peering connection", ReasonCodes.UnknownValue, element: table);
                    return false;
                }

                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} matches {dest}", null, element: table);
                via = Via.Peering;
                return PeeringHop(route.TargetId, route.Location, out pcx);

            case RouteTargetKind.InternetGateway:
                if (!_d.External)
                {
                    Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                        $"route table {table.Label} sends {named} to the internet gateway over {routeText}, but the private addresses of {_d.Vpc!.Label} are not reachable over the internet; no route sends them over a peering connection",
                        ReasonCodes.NoRouteToDestination, RouteFix(table, _d, route), table);
                    return AssumePeering(out via, out pcx);
                }

                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} matches {_d.AddressText}", null, element: table);
                via = Via.InternetGateway;
                return InternetEgress(route);

            case RouteTargetKind.NatGateway or RouteTargetKind.VirtualPrivateGateway or RouteTargetKind.VpcEndpoint or RouteTargetKind.EgressOnlyInternetGateway:
                return EdgeForward(table, route, out via, out pcx);
            case RouteTargetKind.TransitGateway:
                via = Via.TransitGateway;
                return TransitGatewayForward(table, route, routeText);

            default:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Unknown,
                    $"{routeText} in route table {table.Label} sends the traffic to a {route.TargetKind} target, which PeeringLint does not follow", ReasonCodes.UnsupportedTarget, element: table);
                return false;
        }
    }

    /// <summary>True when a local route's destination lies inside one of the VPC's own blocks (not ClassicLink's 10.0.0.0/8).</summary>
    private static bool OwnRange(Vpc vpc, Route route)
    {
        // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        Cidr? d = route.Destination?.Value;
        if (d is null)
        {
            return true;
        }

        foreach (var c in ModelIndex.UsableCidrs(vpc))
        {
            if (c.Value!.Value.Contains(d.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After a routing block between two VPCs joined by exactly one peering, continue on that peering to find further blocks.</summary>
    private bool AssumePeering(out Via via, out VpcPeeringConnection? pcx)
    {
        via = Via.Peering;
        pcx = null;
        if (_d.External || _d.Vpc is null || _s.Vpc is null || _d.Vpc.Id == _s.Vpc.Id)
        {
            return false;
        }

        var peerings = _ri.PeeringsBetween(_s.Vpc.Id, _d.Vpc.Id);
        if (peerings.Count != 1)
        {
            return false;
        }

        _assumed = true;
        return PeeringHop(peerings[0].Id, peerings[0].Location, out pcx);
    }

    private bool PeeringHop(string pcxId, SourceLocation routeLocation, out VpcPeeringConnection? pcx)
    {
        if (!_index.Peerings.TryGetValue(pcxId, out pcx))
        {
            bool listed = _index.Model.Covers(ResourceKinds.PeeringConnections);
            Add(HopKind.PeeringConnection, HopDirection.Forward, pcxId, $"'{pcxId}'", routeLocation, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"peering connection '{pcxId}' is not in the input{(listed ? " (it does not exist)" : string.Empty)}", listed ? ReasonCodes.BadStateVpcPeeringConnection : ReasonCodes.UnknownValue);
            return false;
        }

        var loc = pcx.StatusLocation ?? pcx.Location;
        var other = pcx.OtherSide(_s.Vpc!.Id);
        if (other is null)
        {
            Add(HopKind.PeeringConnection, HopDirection.Forward, pcx.Id, pcx.Label, pcx.Location, HopVerdict.Blocked,
                $"peering connection {pcx.Label} does not connect {_s.Vpc.Label}", ReasonCodes.BadStateVpcPeeringConnection, null, pcx);
            return false;
        }

        if (_d.External || _d.Vpc is null || other.VpcId != _d.Vpc.Id)
        {
            string where = _d.External ? _d.AddressText + " is on the internet" : $"{_d.Label} is in {Describe.Vpc(_index, _d.Vpc?.Id)}";
            Add(HopKind.PeeringConnection, HopDirection.Forward, pcx.Id, pcx.Label, pcx.Location, HopVerdict.Blocked,
                $"peering connection {pcx.Label} leads to {Describe.Vpc(_index, other.VpcId)}, but {where}: peering is not transitive and carries no traffic onward",
                ReasonCodes.PeeringNotTransitive, "peer the two VPCs directly, or use a transit gateway", pcx);
            return false;
        }

        switch (pcx.Status)
        {
            case PeeringStatus.Active:
                Add(HopKind.PeeringConnection, HopDirection.Forward, pcx.Id, pcx.Label, loc, HopVerdict.Allowed,
                    $"peering connection {pcx.Label} is active and connects {_s.Vpc.Label} and {_d.Vpc.Label}", null, element: pcx);
                return true;
            case PeeringStatus.Unknown:
                Add(HopKind.PeeringConnection, HopDirection.Forward, pcx.Id, pcx.Label, loc, HopVerdict.Unknown,
                    $"the state of peering connection {pcx.Label} is unknown", ReasonCodes.UnknownValue, element: pcx);
                return true;
            default:
                string fix = pcx.Status == PeeringStatus.PendingAcceptance
                    ? "accept the peering request (VPC console → Peering connections → Actions → Accept request)"
                    : "create a new peering connection and accept it";
                Add(HopKind.PeeringConnection, HopDirection.Forward, pcx.Id, pcx.Label, loc, HopVerdict.Blocked,
                    $"peering connection {pcx.Label} is {Describe.Status(pcx.Status)}, not active: it carries no traffic", ReasonCodes.BadStateVpcPeeringConnection, fix, pcx);
                return true;
        }
    }

    private bool RouteBack(Via via, VpcPeeringConnection? pcx)
    {
        var subnet = _d.Subnet!;
        var table = _index.EffectiveRouteTable(subnet);
        var dir = HopDirection.Return;
        if (table is null)
        {
            Add(HopKind.RouteTable, dir, subnet.Id, subnet.Label, subnet.Location, HopVerdict.Unknown,
                $"subnet {subnet.Label} has no route table in the input", ReasonCodes.UnknownValue, element: subnet);
            return false;
        }

        var lookup = _index.Lookup(table);
        var route = lookup.Match(_s.Address);
        if (UnresolvedPrefixList(lookup, route, table, dir, _s))
        {
            return false;
        }

        string back = _s.External ? _s.AddressText : Named(_s);
        string expected = via switch
        {
            Via.Local => "the local route",
            Via.Peering => $"peering connection {pcx?.Label ?? "?"}",
            Via.Edge => EdgeExpected(),
            Via.TransitGateway => $"transit gateway '{_tgwOut?.TransitGatewayId ?? "?"}'",
            _ => "an internet gateway attached to " + _d.Vpc!.Label,
        };
        if (route is null || (lookup.HasUnknownRoutes && !route.IsLocal))
        {
            if (lookup.HasUnknownRoutes)
            {
                Add(HopKind.RouteTable, dir, table.Id, table.Label, table.Location, HopVerdict.Unknown,
                    $"route table {table.Label} has routes the input does not show, so where it sends replies to {back} is unknown", ReasonCodes.UnknownValue, element: table);
                return false;
            }

            Add(HopKind.RouteTable, dir, table.Id, table.Label, table.Location, HopVerdict.Blocked,
                $"route table {table.Label} has no route back to {back}; replies need a route over {expected}", ReasonCodes.NoRouteToSource, ReturnFix(table, via, pcx), table);
            return true;
        }

        string routeText = $"route {route.DestinationText} → {TargetText(route)}";
        if (route.State == RouteState.Blackhole)
        {
            Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                $"replies to {back} match {routeText} in route table {table.Label}, which is a blackhole", ReasonCodes.BlackholeRoute, ReturnFix(table, via, pcx, route), table);
            return true;
        }

        if (via == Via.TransitGateway)
        {
            return TransitGatewayBack(table, route, back);
        }

        bool ok;
        bool unknown;
        switch (via)
        {
            case Via.Local:
                ok = route.IsLocal;
                unknown = !ok && route.TargetKind is not (RouteTargetKind.InternetGateway or RouteTargetKind.VpcPeeringConnection);
                break;
            case Via.Peering:
                ok = route.TargetKind == RouteTargetKind.VpcPeeringConnection && pcx is not null && route.TargetId == pcx.Id;
                unknown = !ok && route.TargetKind == RouteTargetKind.VpcPeeringConnection && route.TargetId is null;
                break;
            case Via.Edge:
                ok = EdgeReturnRoute(route, out unknown);
                break;
            default:
                var igw = route.TargetKind == RouteTargetKind.InternetGateway ? _index.InternetGateway(route.TargetId) : null;
                ok = igw is not null && Contains(igw.AttachedVpcIds, _d.Vpc!.Id);
                unknown = !ok && route.TargetKind == RouteTargetKind.InternetGateway
                    && (route.TargetId is null || (!_index.InternetGateways.ContainsKey(route.TargetId) && !_index.Model.Covers(ResourceKinds.InternetGateways)));
                break;
        }

        if (ok)
        {
            Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                $"replies to {back} follow {routeText} in route table {table.Label}", null, element: table);
            return true;
        }

        if (unknown)
        {
            Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, HopVerdict.Unknown,
                $"replies to {back} follow {routeText} in route table {table.Label}; whether that is {expected} is not known", ReasonCodes.UnknownValue, element: table);
            return false;
        }

        Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, HopVerdict.Blocked,
            $"replies to {back} follow {routeText} in route table {table.Label} instead of going back over {expected}", ReasonCodes.NoRouteToSource, ReturnFix(table, via, pcx, route), table);
        return true;
    }

    /// <summary>
    /// The return route to add. When <paramref name="matched"/> (the route the replies take instead) is at least as
    /// specific as that route would be, a new route loses to it: the matched route is what has to change.
    /// </summary>
    private string ReturnFix(RouteTable table, Via via, VpcPeeringConnection? pcx, Route? matched = null)
    {
        var range = via == Via.InternetGateway ? Cidr.AnyV4 : _s.RuleSource;
        string target = via switch
        {
            Via.Peering when pcx is not null => pcx.Id,
            Via.TransitGateway => _tgwOut?.TransitGatewayId ?? "the transit gateway",
            Via.InternetGateway => $"an internet gateway attached to {_d.Vpc!.Label}",
            _ => string.Empty,
        };
        if (Overrides(matched, range))
        {
            return via == Via.Local || target.Length == 0
                ? $"remove route {matched!.DestinationText} → {TargetText(matched)} from route table {table.Label}, so that {(via == Via.Local ? "the local route" : "a route back to " + range)} carries the replies"
                : $"change the target of route {matched!.DestinationText} in route table {table.Label} from {TargetText(matched)} to {target}";
        }

        return target.Length == 0
            ? $"add a route back to {range} to route table {table.Label}"
            : $"add a route {range} → {target} to route table {table.Label}";
    }

    /// <summary>True when <paramref name="matched"/> is at least as specific as a route for <paramref name="range"/> would be (so that route would not win).</summary>
    private static bool Overrides(Route? matched, Cidr range)
    {
        Cidr? m = matched?.Destination?.Value;
        return m is not null && m.Value.Family == range.Family && m.Value.PrefixLength >= range.PrefixLength;
    }

    private string? RouteFix(RouteTable table, Host d, Route? matched = null)
    {
        if (d.External || d.Vpc is null || _s.Vpc is null)
        {
            return null;
        }

        var peerings = _ri.PeeringsBetween(_s.Vpc.Id, d.Vpc.Id);
        string target = peerings.Count == 1 ? peerings[0].Id : "a peering connection to " + d.Vpc.Label;
        if (Overrides(matched, d.RuleSource) && !matched!.IsLocal)
        {
            return $"change the target of route {matched.DestinationText} in route table {table.Label} from {TargetText(matched)} to {target}";
        }

        return $"add a route {d.RuleSourceText} → {target} to route table {table.Label}";
    }
}
