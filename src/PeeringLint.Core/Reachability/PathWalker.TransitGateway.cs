using System;
using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>
/// Transit gateway hops, forward and back: the VPC's attachment (with a subnet in the traffic's availability zone),
/// the attachment's associated TGW route table, its longest-prefix match, and the attachment it leads to; TGW
/// peering attachments continue at the peer gateway when it is in the input, else the path leaves the model.
/// </summary>
internal sealed partial class PathWalker
{
    private const int MaxGatewayHops = 8;

    /// <summary>The destination VPC's attachment the request left by.</summary>
    private TransitGatewayAttachment? _tgwOut;

    /// <summary>Inspection VPC attachments the request, and the replies, crossed through an appliance (see <see cref="InspectionHop"/>).</summary>
    private readonly List<TransitGatewayAttachment> _inspectedForward = new();
    private readonly List<TransitGatewayAttachment> _inspectedReturn = new();

    private TransitGatewayIndex Tgw => _index.TransitGateways;

    /// <summary>Forward: the source table's route names a transit gateway.</summary>
    private bool TransitGatewayForward(RouteTable table, Route route, string routeText)
    {
        // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        string? tgwId = route.TargetId;
        if (tgwId is null)
        {
            Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Unknown,
                $"{routeText} in route table {table.Label} names an unknown transit gateway", ReasonCodes.UnknownValue, element: table);
            return false;
        }

        Add(HopKind.RouteTable, HopDirection.Forward, table.Id, table.Label, route.Location, HopVerdict.Allowed,
            $"{routeText} in route table {table.Label} matches {(_d.External ? _d.AddressText : _d.Label)}", null, element: table);

        var attachment = EnterGateway(_s, tgwId, HopDirection.Forward);
        if (attachment is null)
        {
            return false;
        }

        _tgwOut = Traverse(tgwId, attachment, _d, HopDirection.Forward);
        return _tgwOut is not null;
    }

    /// <summary>
    /// Return: replies follow the destination table's own route back to the source. A transit gateway route (the
    /// same gateway, or another one: AWS routes each direction on its own) is walked to the source's VPC; a route
    /// over an active peering connection between the two VPCs also brings the replies back.
    /// </summary>
    private bool TransitGatewayBack(RouteTable table, Route route, string back)
    {
        var dir = HopDirection.Return;
        string expected = $"transit gateway '{_tgwOut!.TransitGatewayId}'";
        string routeText = $"route {route.DestinationText} → {TargetText(route)}";
        var pcx = route.TargetKind == RouteTargetKind.VpcPeeringConnection ? _index.Peering(route.TargetId) : null;
        if (pcx is not null && pcx.OtherSide(_d.Vpc!.Id)?.VpcId == _s.Vpc!.Id && pcx.Status == PeeringStatus.Active)
        {
            Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, HopVerdict.Allowed,
                $"replies to {back} follow {routeText} in route table {table.Label}: the active peering connection {pcx.Label} brings them back (the request went over {expected})", null, element: table);
            InspectionSymmetry();
            return true;
        }

        if (route.TargetKind != RouteTargetKind.TransitGateway || route.TargetId is null)
        {
            bool unknown = route.TargetKind == RouteTargetKind.TransitGateway || route.TargetKind == RouteTargetKind.Unknown;
            Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, unknown ? HopVerdict.Unknown : HopVerdict.Blocked,
                $"replies to {back} follow {routeText} in route table {table.Label} instead of going back over {expected}",
                unknown ? ReasonCodes.UnknownValue : ReasonCodes.NoRouteToSource,
                unknown ? null : $"add a route {_s.RuleSourceText} → {_tgwOut.TransitGatewayId} to route table {table.Label}", table);
            return !unknown;
        }

        string tgwId = route.TargetId;
        Add(HopKind.RouteTable, dir, table.Id, table.Label, route.Location, HopVerdict.Allowed,
            $"replies to {back} follow {routeText} in route table {table.Label}{(tgwId == _tgwOut.TransitGatewayId ? string.Empty : $" (another transit gateway than the request's {expected}: the two directions are routed independently)")}", null, element: table);
        var attachment = EnterGateway(_d, tgwId, dir);
        if (attachment is null)
        {
            return _hops.Exists(h => h.Verdict == HopVerdict.Blocked);
        }

        if (Traverse(tgwId, attachment, _s, dir) is not null)
        {
            InspectionSymmetry();
        }

        return true;
    }

    /// <summary>The host's VPC attachment to the gateway, checked for state and for a subnet in the host's availability zone; null when the walk stops.</summary>
    private TransitGatewayAttachment? EnterGateway(Host from, string tgwId, HopDirection dir)
    {
        var vpc = from.Vpc!;
        var a = Tgw.VpcAttachment(vpc.Id, tgwId);
        if (a is null)
        {
            bool listed = _index.Model.Covers(ResourceKinds.TransitGatewayAttachments);
            Add(HopKind.TransitGatewayAttachment, dir, tgwId, $"'{tgwId}'", SourceLocation.None, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                listed
                    ? $"{vpc.Label} has no attachment to transit gateway '{tgwId}': the transit gateway cannot carry its traffic"
                    : $"the input holds no attachment of {vpc.Label} to transit gateway '{tgwId}' (add describe-transit-gateway-attachments and -vpc-attachments output)",
                listed ? ReasonCodes.TgwAttachNotFound : ReasonCodes.UnknownValue,
                listed ? $"attach {vpc.Label} to '{tgwId}' (a transit gateway VPC attachment with a subnet in each availability zone)" : null);
            return null;
        }

        if (!a.IsUsable)
        {
            Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Blocked,
                $"transit gateway attachment {a.Label} of {vpc.Label} is {a.State}, not available: it carries no traffic", ReasonCodes.BadStateAttachment,
                a.State == "pendingAcceptance" ? "accept the attachment in the transit gateway's account" : "create the attachment again", a);
            return null;
        }

        string? zone = from.Subnet?.AvailabilityZone;
        if (!a.SubnetsKnown || zone is null)
        {
            Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Unknown,
                $"whether transit gateway attachment {a.Label} has a subnet in {(zone is null ? "the availability zone of " + from.Subnet!.Label : zone)} is not known (the input does not list {(zone is null ? "that zone" : "the attachment's subnets")})",
                ReasonCodes.UnknownValue, element: a);
            return a;
        }

        string? unknownZone = null;
        foreach (var sid in a.SubnetIds)
        {
            var s = _index.Subnet(sid);
            if (s is null || s.AvailabilityZone is null)
            {
                unknownZone = sid;
                continue;
            }

            if (string.Equals(s.AvailabilityZone, zone, StringComparison.Ordinal))
            {
                Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Allowed,
                    $"{vpc.Label} enters transit gateway '{tgwId}' over attachment {a.Label}, which has subnet {s.Label} in {zone}", null, element: a);
                return a;
            }
        }

        if (unknownZone is not null)
        {
            Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Unknown,
                $"transit gateway attachment {a.Label} uses subnet '{unknownZone}', whose availability zone is not in the input; whether it serves {zone} is unknown", ReasonCodes.UnknownValue, element: a);
            return a;
        }

        Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Blocked,
            $"transit gateway attachment {a.Label} has no subnet in {zone}, where {from.Subnet!.Label} is: the transit gateway does not take traffic from that zone",
            ReasonCodes.TgwRouteAzRestriction, $"add a subnet in {zone} to attachment {a.Label}", a);
        return null;
    }

    /// <summary>
    /// From <paramref name="ingress"/> at gateway <paramref name="tgwId"/>, follows TGW route tables (and TGW peerings)
    /// towards <paramref name="target"/>'s VPC. Returns the attachment of that VPC the traffic leaves by, or null when the walk stops.
    /// </summary>
    private TransitGatewayAttachment? Traverse(string tgwId, TransitGatewayAttachment ingress, Host target, HopDirection dir)
    {
        var address = target.Address;
        string what = target.External ? target.AddressText : Named(target);
        bool back = dir == HopDirection.Return;
        for (int hop = 0; hop < MaxGatewayHops; hop++)
        {
            var assoc = AssociationAt(ingress, tgwId);
            if (assoc.Knowledge != TgwKnowledge.Known || assoc.Table is null)
            {
                bool absent = assoc.Knowledge == TgwKnowledge.Absent;
                Add(HopKind.TransitGatewayRouteTable, dir, assoc.TableId ?? ingress.Id, assoc.TableId is null ? ingress.Label : $"'{assoc.TableId}'", assoc.Location,
                    absent ? HopVerdict.Blocked : HopVerdict.Unknown,
                    absent
                        ? $"transit gateway attachment {ingress.Label} is not associated with a route table of '{tgwId}', so the transit gateway drops what arrives over it"
                        : assoc.TableId is not null
                            ? $"attachment {ingress.Label} is associated with TGW route table '{assoc.TableId}', which is not in the input"
                            : $"which TGW route table attachment {ingress.Label} is associated with is not in the input",
                    absent ? ReasonCodes.TgwAttachMissingRtbAssociation : ReasonCodes.TgwRtbRoutesAreUnknown,
                    absent ? $"associate attachment {ingress.Label} with a route table of '{tgwId}'" : null, ingress);
                return null;
            }

            var table = assoc.Table;
            var lookup = Tgw.Lookup(table);
            var r = lookup.Match(address);
            if (r is null)
            {
                bool proved = lookup.MissIsProved;
                Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, table.Location, proved ? HopVerdict.Blocked : HopVerdict.Unknown,
                    proved
                        ? $"TGW route table {table.Label} ({assoc.TextFor(ingress)}) has no route that matches {what}{(back ? "; replies cannot get back" : string.Empty)}"
                        : $"TGW route table {table.Label} has no listed route that matches {what}, and the input does not show all its routes ({MissingParts(table)})",
                    proved ? (back ? ReasonCodes.TgwRtbNoRouteToAttachment : ReasonCodes.TgwRtbCannotRoute) : ReasonCodes.TgwRtbRoutesAreUnknown,
                    proved ? NoTgwRouteFix(target, table) : null, table);
                return null;
            }

            string routeText = $"TGW route {r.DestinationText} ({(r.Type == TransitGatewayRouteType.Propagated ? "propagated" : "static")})";
            if (r.State != RouteState.Blackhole && r.AttachmentIds.Count == 0)
            {
                // An active route whose attachment the input does not pin down (a Network Firewall's
                // !GetAtt Firewall.TransitGatewayAttachmentId, a parameter): where it leads is unknown, not a blackhole.
                Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Unknown,
                    $"{what} matches {routeText} in TGW route table {table.Label}, whose attachment the input does not show",
                    ReasonCodes.UnknownValue, null, table);
                return null;
            }

            if (r.State == RouteState.Blackhole)
            {
                Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Blocked,
                    $"{what} matches {routeText} in TGW route table {table.Label}, which is a blackhole: the transit gateway drops the traffic",
                    ReasonCodes.TgwRtbBadStateRoute,
                    target.Vpc is { } vpcOfTarget
                        ? $"replace the blackhole route with one to the attachment of {vpcOfTarget.Label}"
                        : $"replace the blackhole route with one to the attachment that leads to {target.AddressText}",
                    table);
                return null;
            }

            string outId = r.AttachmentIds[0];
            var egress = _index.Find<TransitGatewayAttachment>(outId);
            if (egress is null)
            {
                Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Unknown,
                    $"{routeText} in TGW route table {table.Label} sends {what} to attachment '{outId}', which is not in the input", ReasonCodes.UnknownValue, element: table);
                return null;
            }

            var verdict = lookup.Complete ? HopVerdict.Allowed : HopVerdict.Unknown;
            string caveat = !lookup.Complete ? $"; a more specific route may exist that the input does not show ({MissingParts(table)})"
                : lookup.EdgeRoutesUnknown ? " (routes learned over VPN or Direct Connect are not in the input; they would have to be more specific to win)" : string.Empty;
            switch (egress.Kind)
            {
                case TransitGatewayAttachmentKind.Vpc:
                    // An external target has no VPC.
                    if (target.Vpc is not null && egress.VpcId == target.Vpc.Id)
                    {
                        Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, verdict,
                            $"{routeText} in TGW route table {table.Label} sends {what} to attachment {egress.Label} of {target.Vpc.Label}{caveat}",
                            verdict == HopVerdict.Allowed ? null : ReasonCodes.TgwRtbRoutesAreUnknown, element: table);
                        if (!egress.IsUsable)
                        {
                            Add(HopKind.TransitGatewayAttachment, dir, egress.Id, egress.Label, egress.Location, HopVerdict.Blocked,
                                $"transit gateway attachment {egress.Label} is {egress.State}, not available", ReasonCodes.BadStateAttachment, null, egress);
                            return null;
                        }

                        return egress;
                    }

                    if (target.External)
                    {
                        Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Unknown,
                            $"{routeText} in TGW route table {table.Label} sends {what} into {Describe.Vpc(_index, egress.VpcId)}; what that VPC does with traffic for the internet is not followed",
                            ReasonCodes.LeavesModel, null, table);
                        return null;
                    }

                    bool? goOn = InspectionHop(tgwId, table, r, routeText, what, verdict, caveat, egress, target, dir);
                    if (goOn == false)
                    {
                        return null;
                    }

                    if (goOn == true)
                    {
                        ingress = egress;
                        continue;
                    }

                    Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Blocked,
                        $"{routeText} in TGW route table {table.Label} sends {what} to attachment {egress.Label} of {Describe.Vpc(_index, egress.VpcId)}, not to {Describe.Vpc(_index, target.Vpc?.Id)}",
                        back ? ReasonCodes.TgwRtbNoRouteToAttachment : ReasonCodes.TgwRtbCannotRoute,
                        $"add a more specific route for {target.RuleSourceText} to the attachment of its VPC in TGW route table {table.Label}", table);
                    return null;

                case TransitGatewayAttachmentKind.Peering:
                    string? peer = egress.TransitGatewayId == tgwId ? egress.ResourceId : egress.TransitGatewayId;
                    if (peer is null || !KnowsGateway(peer))
                    {
                        Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Unknown,
                            $"{routeText} in TGW route table {table.Label} sends {what} over peering attachment {egress.Label} to transit gateway '{peer ?? "?"}'{(egress.PeerRegion is null ? string.Empty : " in " + egress.PeerRegion)}, which is not in the input: the path leaves the model here",
                            ReasonCodes.LeavesModel, element: table);
                        return null;
                    }

                    if (!egress.IsUsable)
                    {
                        Add(HopKind.TransitGatewayAttachment, dir, egress.Id, egress.Label, egress.Location, HopVerdict.Blocked,
                            $"transit gateway peering attachment {egress.Label} is {egress.State}, not available", ReasonCodes.BadStateAttachment, null, egress);
                        return null;
                    }

                    Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, verdict,
                        $"{routeText} in TGW route table {table.Label} sends {what} over peering attachment {egress.Label} to transit gateway '{peer}'{caveat}",
                        verdict == HopVerdict.Allowed ? null : ReasonCodes.TgwRtbRoutesAreUnknown, element: table);
                    tgwId = peer;
                    ingress = egress;
                    continue;

                default:
                    Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, HopVerdict.Unknown,
                        $"{routeText} in TGW route table {table.Label} sends {what} to {KindText(egress.Kind)} attachment {egress.Label} ('{egress.ResourceId ?? "?"}'): the path leaves AWS here and PeeringLint does not follow it",
                        ReasonCodes.LeavesModel, element: table);
                    return null;
            }
        }

        Add(HopKind.TransitGatewayRouteTable, dir, ingress.Id, ingress.Label, ingress.Location, HopVerdict.Unknown,
            $"the path crosses more than {MaxGatewayHops} transit gateways; PeeringLint stops following it", ReasonCodes.UnknownValue, element: ingress);
        return null;
    }

    /// <summary>
    /// A TGW route that hands traffic for <paramref name="target"/> to another VPC's attachment: when the route table of
    /// that attachment's subnets sends the target's address to a middlebox (a Gateway Load Balancer or firewall endpoint,
    /// a network interface, an instance) or straight back to the gateway, the VPC is an inspection (or transit) VPC and
    /// the walk goes on from its attachment; a middlebox is not followed, so from there the hops are assumed. Null when
    /// the VPC is not one (the caller reports the misdelivery), false when the walk stops, true when it goes on.
    /// </summary>
    private bool? InspectionHop(string tgwId, TransitGatewayRouteTable table, TransitGatewayRoute r, string routeText, string what, HopVerdict verdict, string caveat, TransitGatewayAttachment egress, Host target, HopDirection dir)
    {
        var zoneHost = dir == HopDirection.Forward ? _s : _d;
        var found = InspectionRoute(egress, tgwId, target, zoneHost.Subnet?.AvailabilityZone);
        if (found is null)
        {
            return null;
        }

        var via = found.Value;

        string vpc = Describe.Vpc(_index, egress.VpcId);
        string onward = via.Appliance ? $"to {TargetText(via.Route)}" : $"back to transit gateway '{tgwId}'";
        Add(HopKind.TransitGatewayRouteTable, dir, table.Id, table.Label, r.Location, verdict,
            $"{routeText} in TGW route table {table.Label} sends {what} to attachment {egress.Label} of {vpc}, whose route table {via.Table.Label} (subnet {via.Subnet.Label}) sends it on {onward}: an inspection VPC{caveat}",
            verdict == HopVerdict.Allowed ? null : ReasonCodes.TgwRtbRoutesAreUnknown, element: table);
        if (!egress.IsUsable)
        {
            Add(HopKind.TransitGatewayAttachment, dir, egress.Id, egress.Label, egress.Location, HopVerdict.Blocked,
                $"transit gateway attachment {egress.Label} is {egress.State}, not available", ReasonCodes.BadStateAttachment, null, egress);
            return false;
        }

        if (!via.Appliance)
        {
            Add(HopKind.RouteTable, dir, via.Table.Id, via.Table.Label, via.Route.Location, HopVerdict.Allowed,
                $"route {via.Route.DestinationText} → {TargetText(via.Route)} in route table {via.Table.Label} of {vpc} returns {what} to transit gateway '{tgwId}' over attachment {egress.Label}", null, element: via.Table);
            return true;
        }

        Add(HopKind.RouteTable, dir, via.Table.Id, via.Table.Label, via.Route.Location, HopVerdict.Unknown,
            $"route {via.Route.DestinationText} → {TargetText(via.Route)} in route table {via.Table.Label} of {vpc} hands {what} to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway '{tgwId}' over attachment {egress.Label}",
            ReasonCodes.UnsupportedTarget, element: via.Table);
        _assumed = true;
        (dir == HopDirection.Forward ? _inspectedForward : _inspectedReturn).Add(egress);
        if (dir == HopDirection.Return && _inspectedForward.Exists(a => a.Id == egress.Id))
        {
            ApplianceModeHop(egress, vpc);
        }

        return true;
    }

    /// <summary>The route of <paramref name="a"/>'s subnets (the one in <paramref name="zone"/> first) that sends the target's address to a middlebox or back to the gateway.</summary>
    private (Subnet Subnet, RouteTable Table, Route Route, bool Appliance)? InspectionRoute(TransitGatewayAttachment a, string tgwId, Host target, string? zone)
    {
        // Only VPC attachments get here (the caller's case).
        if (!a.SubnetsKnown)
        {
            return null;
        }

        var subnets = new List<Subnet>(a.SubnetIds.Count);
        foreach (var sid in a.SubnetIds)
        {
            var s = _index.Subnet(sid);
            if (s is null)
            {
                continue;
            }

            if (zone is not null && string.Equals(s.AvailabilityZone, zone, StringComparison.Ordinal))
            {
                subnets.Insert(0, s);
            }
            else
            {
                subnets.Add(s);
            }
        }

        foreach (var s in subnets)
        {
            var t = _index.EffectiveRouteTable(s);
            if (t is null)
            {
                continue;
            }

            var route = _index.Lookup(t).Match(target.Address);
            if (route is null || route.State == RouteState.Blackhole)
            {
                continue;
            }

            if (route.TargetKind == RouteTargetKind.TransitGateway && route.TargetId == tgwId)
            {
                return (s, t, route, false);
            }

            bool appliance = route.TargetKind is RouteTargetKind.NetworkInterface or RouteTargetKind.Instance
                || (route.TargetKind == RouteTargetKind.VpcEndpoint
                    && !IsGatewayEndpoint(route.TargetId));
            if (appliance)
            {
                return (s, t, route, true);
            }
        }

        return null;
    }

    /// <summary>
    /// The replies cross inspection attachment <paramref name="a"/> the request crossed too. Without appliance mode the
    /// transit gateway keeps each direction in the availability zone it comes from (AWS: "Appliance in a shared services
    /// VPC"), so when the attachment spans several zones and the two ends are in different ones, the request and the
    /// replies reach different appliances and a stateful one drops the replies.
    /// </summary>
    private void ApplianceModeHop(TransitGatewayAttachment a, string vpc)
    {
        var dir = HopDirection.Return;
        if (a.ApplianceModeKnown && a.ApplianceMode)
        {
            Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Allowed,
                $"appliance mode is enabled on attachment {a.Label}: the transit gateway sends the request and its replies to the same appliance in {vpc}", null, element: a);
            return;
        }

        var zones = new List<string>();
        bool zonesUnknown = false;
        foreach (var sid in a.SubnetIds)
        {
            string? z = _index.Subnet(sid)?.AvailabilityZone;
            if (z is null)
            {
                zonesUnknown = true;
            }
            else if (!zones.Contains(z))
            {
                zones.Add(z);
            }
        }

        string? from = _s.Subnet?.AvailabilityZone;
        string? to = _d.Subnet?.AvailabilityZone;
        string mode = a.ApplianceModeKnown ? "disabled" : "not in the input";
        // An attachment has at most one subnet per zone: when both ends are in a zone one of its subnets is known to
        // be in, both directions enter there, whatever zone a subnet missing from the input is in.
        if ((!zonesUnknown && zones.Count <= 1) || (from is not null && from == to && zones.Contains(from)))
        {
            Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Allowed,
                $"the request and its replies both enter {vpc} over attachment {a.Label} in {(zones.Count == 1 ? zones[0] : from)} (appliance mode {mode}; the transit gateway keeps each direction in its availability zone, the same one here)", null, element: a);
            return;
        }

        string where = zonesUnknown ? "subnets whose availability zones the input does not all give" : "subnets in " + string.Join(", ", zones);
        string ends = from is not null && to is not null ? $"the request comes from {from} and the replies from {to}" : "the availability zones of the two ends are not both known";
        if (!a.ApplianceModeKnown)
        {
            Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Unknown,
                $"whether appliance mode is enabled on inspection attachment {a.Label} is not in the input (Options.ApplianceModeSupport of describe-transit-gateway-vpc-attachments); the attachment has {where} and {ends}, so without appliance mode the two directions may reach different appliances",
                ReasonCodes.UnknownValue, element: a);
            return;
        }

        Add(HopKind.TransitGatewayAttachment, dir, a.Id, a.Label, a.Location, HopVerdict.Unknown,
            $"appliance mode is disabled on attachment {a.Label} of inspection {vpc}, which has {where}; the transit gateway keeps each direction in the availability zone it comes from and {ends}, so the replies may reach another appliance than the request did: a stateful firewall drops replies to a flow it did not see (asymmetric routing)",
            ReasonCodes.ApplianceModeAsymmetry, $"enable appliance mode on attachment {a.Label} (Options.ApplianceModeSupport: enable)", a);
    }

    /// <summary>After the replies arrived: an inspection appliance that only one direction passed sees half of the flow.</summary>
    private void InspectionSymmetry()
    {
        foreach (var (one, other, which) in new[] { (_inspectedForward, _inspectedReturn, "the request"), (_inspectedReturn, _inspectedForward, "the replies") })
        {
            foreach (var a in one)
            {
                if (!other.Exists(x => x.Id == a.Id))
                {
                    Add(HopKind.TransitGatewayAttachment, HopDirection.Return, a.Id, a.Label, a.Location, HopVerdict.Unknown,
                        $"only {which} passed the appliance of inspection {Describe.Vpc(_index, a.VpcId)} (attachment {a.Label}); a stateful appliance that sees one direction of a flow may drop the rest of it",
                        ReasonCodes.InspectionOneWay, element: a);
                }
            }
        }
    }

    /// <summary>The route table of <paramref name="tgwId"/> that traffic arriving over <paramref name="a"/> uses (a peering attachment has one per side).</summary>
    private TgwAssociation AssociationAt(TransitGatewayAttachment a, string tgwId)
    {
        if (a.Kind != TransitGatewayAttachmentKind.Peering)
        {
            return Tgw.AssociationOf(a);
        }

        foreach (var t in Tgw.TablesOfGateway(tgwId))
        {
            foreach (var link in t.Associations)
            {
                if (link.Enabled && link.AttachmentId == a.Id)
                {
                    return new TgwAssociation(t, t.Id, TgwKnowledge.Known, link.Location, "associated");
                }
            }
        }

        return new TgwAssociation(null, null, TgwKnowledge.Unknown, a.Location, "unknown");
    }

    /// <summary>True when <paramref name="id"/> names a gateway VPC endpoint (S3, DynamoDB): a prefix-list target, not a middlebox.</summary>
    private bool IsGatewayEndpoint(string? id)
    {
        var vpce = _index.Find<VpcEndpoint>(id);
        return vpce is not null && vpce.Type == VpcEndpointType.Gateway;
    }

    private bool KnowsGateway(string tgwId) =>
        Tgw.Gateways.ContainsKey(tgwId) || Tgw.TablesOfGateway(tgwId).Count > 0;

    private static string MissingParts(TransitGatewayRouteTable t)
    {
        var parts = new List<string>(2);
        if (!t.RoutesKnown)
        {
            parts.Add("its static routes: search-transit-gateway-routes");
        }
        else if (t.RoutesIncomplete)
        {
            parts.Add("the route listing says more routes are available");
        }

        if (!t.PropagatedRoutesListed && !t.PropagationsKnown)
        {
            parts.Add("its propagations: get-transit-gateway-route-table-propagations");
        }

        if (parts.Count == 0)
        {
            parts.Add("a propagation from a VPN, Direct Connect or a VPC outside the input");
        }

        return string.Join("; ", parts);
    }

    private static string KindText(TransitGatewayAttachmentKind k) => k switch
    {
        TransitGatewayAttachmentKind.Vpn => "VPN",
        TransitGatewayAttachmentKind.DirectConnectGateway => "Direct Connect gateway",
        TransitGatewayAttachmentKind.Connect => "Connect",
        _ => "an unknown kind of",
    };

    /// <summary>The fix for a TGW route table without a route to <paramref name="target"/>: a route, or the propagation of its VPC's attachment.</summary>
    private static string NoTgwRouteFix(Host target, TransitGatewayRouteTable table) =>
        target.Vpc is { } vpc
            ? $"add a route for {target.RuleSourceText} to TGW route table {table.Label}, or propagate the attachment of {vpc.Label} to it"
            : $"add a route for {target.RuleSourceText} to TGW route table {table.Label}, to the attachment that leads to it";
}
