using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>Walks one concrete path (one source host, one destination host) and records its hops.</summary>
internal sealed class PathWalker
{
    private readonly ReachabilityIndex _ri;
    private readonly ModelIndex _index;
    private readonly Host _s;
    private readonly Host _d;
    private readonly Traffic _t;
    private readonly List<Hop> _hops = new();
    private bool _assumed;

    public PathWalker(ReachabilityIndex ri, Host source, Host destination, Traffic traffic)
    {
        _ri = ri;
        _index = ri.Index;
        _s = source;
        _d = destination;
        _t = traffic;
    }

    public IReadOnlyList<Hop> Hops => _hops;

    private enum Via
    {
        Local,
        Peering,
        InternetGateway,
    }

    public ReachabilityVerdict Walk()
    {
        bool completed = WalkAll();
        bool blocked = _hops.Exists(h => h.Verdict == HopVerdict.Blocked);
        if (blocked)
        {
            return ReachabilityVerdict.NotReachable;
        }

        return completed && !_hops.Exists(h => h.Verdict == HopVerdict.Unknown) ? ReachabilityVerdict.Reachable : ReachabilityVerdict.Unknown;
    }

    /// <summary>False when the walk had to stop because the path itself became unknown.</summary>
    private bool WalkAll()
    {
        if (_s.External && _d.External)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, null, _s.Label, SourceLocation.None, HopVerdict.Unknown, $"{_s.AddressText} and {_d.AddressText} are both outside the VPCs of the input", ReasonCodes.UnknownValue);
            return false;
        }

        if (!_s.External && (_s.Vpc is null || _s.Subnet is null))
        {
            return Stop(_s);
        }

        if (!_d.External && (_d.Vpc is null || _d.Subnet is null))
        {
            return Stop(_d);
        }

        bool sameSubnet = !_s.External && !_d.External && _s.Subnet!.Id == _d.Subnet!.Id;
        Via via;
        VpcPeeringConnection? pcx = null;

        // Forward: the source side.
        if (!_s.External)
        {
            if (_s.IsHost)
            {
                SecurityGroupHop(_s, ingress: false, _d);
            }

            if (!sameSubnet)
            {
                AclHop(_s.Subnet!, egress: true, _d.Address, _t, HopDirection.Forward);
            }

            if (!RouteForward(out via, out pcx))
            {
                return false;
            }
        }
        else
        {
            via = Via.InternetGateway;
            if (!InternetIngress())
            {
                return false;
            }
        }

        // Forward: the destination side.
        if (!_d.External)
        {
            if (!sameSubnet)
            {
                AclHop(_d.Subnet!, egress: false, _s.Address, _t, HopDirection.Forward);
            }

            if (_d.IsHost)
            {
                SecurityGroupHop(_d, ingress: true, _s);
            }
        }

        // Return.
        if (_d.IsHost || _s.IsHost)
        {
            var g = _d.IsHost && _d.Groups.Count > 0 ? _d.Groups[0] : _s.IsHost && _s.Groups.Count > 0 ? _s.Groups[0] : null;
            Add(HopKind.StatefulReturn, HopDirection.Return, g?.Id, g?.Label ?? "security groups", g?.Location ?? SourceLocation.None, HopVerdict.Allowed,
                "security groups are stateful: the reply is allowed back without a rule of its own", null, element: g);
        }

        var reply = _t.Reply();
        if (!_d.External)
        {
            if (!sameSubnet)
            {
                AclHop(_d.Subnet!, egress: true, _s.Address, reply, HopDirection.Return);
            }

            if (!RouteBack(via, pcx))
            {
                return false;
            }
        }

        if (!_s.External && !sameSubnet)
        {
            AclHop(_s.Subnet!, egress: false, _d.Address, reply, HopDirection.Return);
        }

        return true;
    }

    private bool Stop(Host h)
    {
        var e = h.Element;
        string why = h.Vpc is null ? $"the VPC of {h.Label} is not in the input" : $"the subnet of {h.Label} is not in the input";
        Add(HopKind.RouteTable, HopDirection.Forward, e?.Id, h.Label, e?.Location ?? SourceLocation.None, HopVerdict.Unknown, why, ReasonCodes.UnknownValue, element: e);
        return false;
    }

    private void SecurityGroupHop(Host self, bool ingress, Host remote)
    {
        var kind = ingress ? HopKind.SecurityGroupIngress : HopKind.SecurityGroupEgress;
        var dir = HopDirection.Forward;
        string whose = self.Element is Instance i ? i.Label : self.Label;
        string groups = GroupsText(self);
        var decision = SecurityGroupEvaluator.Evaluate(_ri, self, ingress, remote, _t);
        var firstGroup = self.Groups.Count > 0 ? self.Groups[0] : null;
        string verb = ingress ? "from" : "to";
        switch (decision.Allowed)
        {
            case Tri.Yes:
                Add(kind, dir, decision.Group!.Id, decision.Group.Label, decision.Rule!.Location, HopVerdict.Allowed,
                    $"{(ingress ? "inbound" : "outbound")} rule {RuleText(decision.Rule)} of {decision.Group.Label} admits {_t} {verb} {remote.Label}", null, element: decision.Group);
                break;
            case Tri.Unknown:
                Add(kind, dir, firstGroup?.Id ?? self.Element!.Id, firstGroup?.Label ?? whose, firstGroup?.Location ?? self.Element!.Location, HopVerdict.Unknown,
                    $"cannot tell whether {groups} of {whose} admit {_t} {verb} {remote.Label}: {decision.UnknownWhy}", ReasonCodes.UnknownValue, element: (Element?)firstGroup ?? self.Element);
                break;
            default:
                string fix = ingress
                    ? $"add an inbound rule {RuleTypeName(_t)} from {remote.RuleSourceText} to {GroupNameForFix(self)}"
                    : $"add an outbound rule {RuleTypeName(_t)} to {remote.RuleSourceText} to {GroupNameForFix(self)}";
                if (ingress && remote.Endpoint.Kind == EndpointKind.Internet)
                {
                    fix = $"add an inbound rule {RuleTypeName(_t)} to {GroupNameForFix(self)} from your own address (or, for EC2 Instance Connect, from the Region's EC2 Instance Connect prefix list; 0.0.0.0/0 opens it to everyone)";
                }

                Add(kind, dir, firstGroup!.Id, firstGroup.Label, firstGroup.Location, HopVerdict.Blocked,
                    $"{groups} of {(self.Element is Instance ? "instance " : string.Empty)}{whose} admit{(self.Groups.Count == 1 ? "s" : string.Empty)} no {_t} {verb} {remote.Label}{((self.UsesDefaultGroup || (self.Groups.Count == 1 && self.Groups[0].IsDefault)) && ingress ? " (the default security group only admits traffic from members of the same group)" : string.Empty)}",
                    ReasonCodes.EniSgRulesMismatch, fix, firstGroup);
                break;
        }
    }

    private void AclHop(Subnet subnet, bool egress, Cidr remote, Traffic traffic, HopDirection dir)
    {
        var kind = egress ? HopKind.NetworkAclOutbound : HopKind.NetworkAclInbound;
        var acl = _index.EffectiveNetworkAcl(subnet);
        string what = dir == HopDirection.Return ? "the reply " + traffic : traffic.ToString();
        string verb = egress ? "to" : "from";
        string remoteText = remote.PrefixLength == remote.MaxPrefix ? remote.ToString().Split('/')[0] : remote.ToString();
        if (acl is null)
        {
            Add(kind, dir, subnet.Id, subnet.Label, subnet.Location, HopVerdict.Allowed,
                $"subnet {subnet.Label} uses its VPC's default network ACL, which allows all traffic", null, element: subnet);
            return;
        }

        var decision = NetworkAclEvaluator.Evaluate(_ri.SortedEntries(acl, egress), remote, traffic);
        string dirText = egress ? "outbound" : "inbound";
        switch (decision.Allowed)
        {
            case Tri.Yes:
                Add(kind, dir, acl.Id, acl.Label, decision.Entry!.Location, HopVerdict.Allowed,
                    $"{dirText} rule {decision.Entry.RuleNumber.ToString(CultureInfo.InvariantCulture)} of network ACL {acl.Label} allows {what} {verb} {remoteText}", null, element: acl);
                break;
            case Tri.Unknown:
                var u = decision.FirstUncertain ?? decision.Entry;
                Add(kind, dir, acl.Id, acl.Label, u?.Location ?? acl.Location, HopVerdict.Unknown,
                    $"cannot tell whether network ACL {acl.Label} allows {what} {verb} {remoteText}: {dirText} rule {u?.RuleNumber.ToString(CultureInfo.InvariantCulture) ?? "?"} may match part of it", ReasonCodes.UnknownValue, element: acl);
                break;
            default:
                string by = decision.Entry is { } e
                    ? $"{dirText} rule {e.RuleNumber.ToString(CultureInfo.InvariantCulture)} denies it"
                    : $"no {dirText} rule allows it (the final '*' rule denies everything else)";
                string range = dir == HopDirection.Return && traffic.HasPorts ? $" (network ACLs are stateless: replies go to ports {Traffic.EphemeralFrom}-{Traffic.EphemeralTo})" : string.Empty;
                string fix = decision.Entry is { } de
                    ? $"add an {dirText} allow rule for {what} {verb} {remoteText} numbered below {de.RuleNumber.ToString(CultureInfo.InvariantCulture)} in network ACL {acl.Label}"
                    : $"add an {dirText} allow rule for {what} {verb} {remoteText} to network ACL {acl.Label}";
                Add(kind, dir, acl.Id, acl.Label, decision.Entry?.Location ?? acl.Location, HopVerdict.Blocked,
                    $"network ACL {acl.Label} of subnet {subnet.Label} blocks {what} {verb} {remoteText}: {by}{range}", ReasonCodes.SubnetAclRestriction, fix, acl);
                break;
        }
    }

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
        if (route is null || (lookup.HasUnknownRoutes && !route.IsLocal))
        {
            if (lookup.HasUnknownRoutes)
            {
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, table.Location, HopVerdict.Unknown,
                    $"route table {table.Label} has routes the input does not show, so where it sends {_d.AddressText} is unknown", ReasonCodes.UnknownValue, element: table);
                return false;
            }

            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, table.Location, HopVerdict.Blocked,
                $"route table {table.Label} has no route that matches {dest} ({_d.AddressText})", ReasonCodes.NoRouteToDestination, RouteFix(table, _d), table);
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
                        $"{dest} ({_d.AddressText}) matches the local route {route.DestinationText} of route table {table.Label}, which ClassicLink adds to reach linked EC2-Classic instances (those linked to {_s.Vpc!.Label}, or with AllowEgressFromLocalVpcToRemoteClassicLink those linked to the peer); it does not reach {(_d.External ? _d.AddressText : "the instances of " + _d.Vpc!.Label)}",
                        ReasonCodes.NoRouteToDestination, RouteFix(table, _d), table);
                    return false;
                }

                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Blocked,
                    $"{dest} ({_d.AddressText}) lies inside {_s.Vpc!.Label}'s own range, so the local route keeps the traffic in {_s.Vpc.Label}", ReasonCodes.NoRouteToDestination, null, table);
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
                        $"route table {table.Label} sends {dest} ({_d.AddressText}) to the internet gateway over {routeText}, but the private addresses of {_d.Vpc!.Label} are not reachable over the internet; no route sends them over a peering connection",
                        ReasonCodes.NoRouteToDestination, RouteFix(table, _d), table);
                    return AssumePeering(out via, out pcx);
                }

                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                    $"{routeText} in route table {table.Label} matches {_d.AddressText}", null, element: table);
                via = Via.InternetGateway;
                return InternetEgress(route);

            default:
                Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Unknown,
                    $"{routeText} in route table {table.Label} sends the traffic to a {route.TargetKind} target, which PeeringLint does not follow", ReasonCodes.UnsupportedTarget, element: table);
                return false;
        }
    }

    /// <summary>True when a local route's destination lies inside one of the VPC's own blocks (not ClassicLink's 10.0.0.0/8).</summary>
    private static bool OwnRange(Vpc vpc, Route route)
    {
        if (route.Destination?.Value is not { } d)
        {
            return true;
        }

        foreach (var c in ModelIndex.UsableCidrs(vpc))
        {
            if (c.Value!.Value.Contains(d))
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
            string where = _d.External ? "the internet" : Describe.Vpc(_index, _d.Vpc?.Id);
            Add(HopKind.PeeringConnection, HopDirection.Forward, pcx.Id, pcx.Label, pcx.Location, HopVerdict.Blocked,
                $"peering connection {pcx.Label} leads to {Describe.Vpc(_index, other.VpcId)}, but {_d.Label} is in {where}: peering is not transitive and carries no traffic onward",
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

    private bool InternetEgress(Route route)
    {
        var vpc = _s.Vpc!;
        if (route.TargetId is null || !_index.InternetGateways.TryGetValue(route.TargetId, out var igw))
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

        PublicAddressHop(_s, "to reach the internet");
        Add(HopKind.InternetGateway, HopDirection.Forward, igw.Id, igw.Label, igw.Location, HopVerdict.Allowed,
            $"internet gateway {igw.Label} is attached to {vpc.Label}", null, element: igw);
        return true;
    }

    private bool InternetIngress()
    {
        var vpc = _d.Vpc!;
        var igws = _index.InternetGatewaysOf(vpc.Id);
        if (igws.Count == 0)
        {
            bool listed = _index.Model.Covers(ResourceKinds.InternetGateways);
            Add(HopKind.InternetGateway, HopDirection.Forward, vpc.Id, vpc.Label, vpc.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"{vpc.Label} has no internet gateway attached{(listed ? string.Empty : " in the input")}", listed ? ReasonCodes.IgwNotAttached : ReasonCodes.UnknownValue,
                listed ? $"create an internet gateway, attach it to {vpc.Label}, and route 0.0.0.0/0 to it" : null, vpc);
        }
        else
        {
            Add(HopKind.InternetGateway, HopDirection.Forward, igws[0].Id, igws[0].Label, igws[0].Location, HopVerdict.Allowed,
                $"internet gateway {igws[0].Label} is attached to {vpc.Label}; traffic from the internet address {_s.AddressText} enters here", null, element: igws[0]);
        }

        PublicAddressHop(_d, "to be reached from the internet");
        return true;
    }

    private void PublicAddressHop(Host h, string purpose)
    {
        var e = h.Element;
        if (e is null)
        {
            Add(HopKind.PublicAddress, HopDirection.Forward, h.Subnet?.Id, h.Label, h.Subnet?.Location ?? SourceLocation.None, HopVerdict.Unknown,
                $"whether addresses in {h.AddressText} have public IPv4 addresses is not known", ReasonCodes.UnknownValue, element: h.Subnet);
            return;
        }

        var loc = h.PublicLocation ?? e.Location;
        switch (h.PublicIp)
        {
            case PublicIpMode.Assigned:
                Add(HopKind.PublicAddress, HopDirection.Forward, e.Id, e.Label, loc, HopVerdict.Allowed,
                    $"{h.Label} has {h.PublicText ?? "a public IPv4 address"}", null, element: e);
                break;
            case PublicIpMode.None:
                Add(HopKind.PublicAddress, HopDirection.Forward, e.Id, e.Label, loc, HopVerdict.Blocked,
                    $"{h.Label} has no public IPv4 address and no Elastic IP, which it needs {purpose} (EC2 Instance Connect and SSH go over the internet)",
                    ReasonCodes.NoPublicIp, "allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)", e);
                break;
            default:
                Add(HopKind.PublicAddress, HopDirection.Forward, e.Id, e.Label, loc, HopVerdict.Unknown,
                    $"whether {h.Label} has a public IPv4 address is not known", ReasonCodes.UnknownValue, element: e);
                break;
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
        string back = _s.External ? _s.AddressText : $"{_s.Label} ({_s.AddressText})";
        string expected = via switch
        {
            Via.Local => "the local route",
            Via.Peering => $"peering connection {pcx?.Label ?? "?"}",
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
                $"replies to {back} match {routeText} in route table {table.Label}, which is a blackhole", ReasonCodes.BlackholeRoute, ReturnFix(table, via, pcx), table);
            return true;
        }

        bool ok;
        bool unknown = false;
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
            default:
                ok = route.TargetKind == RouteTargetKind.InternetGateway && route.TargetId is not null
                    && _index.InternetGateways.TryGetValue(route.TargetId, out var igw) && Contains(igw.AttachedVpcIds, _d.Vpc!.Id);
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
            $"replies to {back} follow {routeText} in route table {table.Label} instead of going back over {expected}", ReasonCodes.NoRouteToSource, ReturnFix(table, via, pcx), table);
        return true;
    }

    private string ReturnFix(RouteTable table, Via via, VpcPeeringConnection? pcx) => via switch
    {
        Via.Peering when pcx is not null => $"add a route {_s.RuleSourceText} → {pcx.Id} to route table {table.Label}",
        Via.InternetGateway => $"add a route 0.0.0.0/0 → an internet gateway attached to {_d.Vpc!.Label} to route table {table.Label}",
        _ => $"add a route back to {_s.RuleSourceText} to route table {table.Label}",
    };

    private string? RouteFix(RouteTable table, Host d)
    {
        if (d.External || d.Vpc is null || _s.Vpc is null)
        {
            return null;
        }

        var peerings = _ri.PeeringsBetween(_s.Vpc.Id, d.Vpc.Id);
        string target = peerings.Count == 1 ? peerings[0].Id : "a peering connection to " + d.Vpc.Label;
        return $"add a route {d.RuleSourceText} → {target} to route table {table.Label}";
    }

    private string TargetText(Route r)
    {
        if (r.IsLocal)
        {
            return "local";
        }

        return r.TargetId ?? "<unknown " + r.TargetKind + ">";
    }

    private void Add(HopKind kind, HopDirection dir, string? id, string label, SourceLocation location, HopVerdict verdict, string reason, string? code, string? fix = null, Element? element = null)
    {
        _hops.Add(new Hop(kind, dir, id ?? string.Empty, label, location, verdict, reason)
        {
            Code = code,
            Fix = fix,
            Element = element,
            Assumed = _assumed,
        });
    }

    private static string GroupsText(Host h)
    {
        if (h.Groups.Count == 0)
        {
            return "security groups";
        }

        if (h.Groups.Count == 1)
        {
            return "security group " + h.Groups[0].Label;
        }

        var parts = new List<string>();
        foreach (var g in h.Groups)
        {
            parts.Add(g.Label);
        }

        return "security groups " + string.Join(", ", parts);
    }

    private static string GroupNameForFix(Host h) =>
        h.Groups.Count > 0 ? "security group " + h.Groups[0].Label : "its security group";

    internal static string RuleTypeName(Traffic t) => t.Protocol switch
    {
        Traffic.All => "All traffic",
        Traffic.Tcp when t.FromPort == 22 && t.ToPort == 22 => "SSH (TCP 22)",
        Traffic.Tcp when t.FromPort == 80 && t.ToPort == 80 => "HTTP (TCP 80)",
        Traffic.Tcp when t.FromPort == 443 && t.ToPort == 443 => "HTTPS (TCP 443)",
        Traffic.Tcp or Traffic.Udp => $"Custom {Traffic.ProtocolName(t.Protocol)} port {(t.FromPort == t.ToPort ? t.FromPort.ToString(CultureInfo.InvariantCulture) : t.FromPort.ToString(CultureInfo.InvariantCulture) + "-" + t.ToPort.ToString(CultureInfo.InvariantCulture))}",
        Traffic.Icmp => "All ICMP - IPv4",
        Traffic.Icmpv6 => "All ICMP - IPv6",
        _ => Traffic.ProtocolName(t.Protocol),
    };

    private static string RuleText(SecurityGroupRule r)
    {
        string proto = r.Protocol is { } p ? (p == -1 ? "all traffic" : Traffic.ProtocolName(p)) : "?";
        string ports = r.Protocol is Traffic.Tcp or Traffic.Udp && r.FromPort is { } f && r.ToPort is { } to
            ? (f == to ? " " + f.ToString(CultureInfo.InvariantCulture) : $" {f.ToString(CultureInfo.InvariantCulture)}-{to.ToString(CultureInfo.InvariantCulture)}")
            : string.Empty;
        string peer = r.PeerKind switch
        {
            SgPeerKind.Cidr => r.Cidr?.ToString() ?? "?",
            SgPeerKind.PrefixList => r.PrefixListId ?? "?",
            SgPeerKind.SecurityGroup => r.GroupId ?? "?",
            _ => "?",
        };
        return $"'{proto}{ports} {(r.Direction == RuleDirection.Ingress ? "from" : "to")} {peer}'";
    }

    private static bool Contains(IReadOnlyList<string> list, string id)
    {
        foreach (var s in list)
        {
            if (s == id)
            {
                return true;
            }
        }

        return false;
    }
}
