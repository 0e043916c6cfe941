using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// Paths through the edges around the peering: NAT gateways (source translation, the NAT's own subnet), virtual
/// private gateways (the path leaves AWS, and on-premises sources enter there), gateway endpoints, prefix lists in
/// routes and security groups, and egress-only internet gateways.
/// </summary>
public sealed class EdgePathTests
{
    private static ReachabilityResult Eval(Net n, string from, string to, int port = 443) =>
        ReachabilityEngineTests.Eval(n.Index(), from, to, "tcp", port);

    /// <summary>One VPC: a public subnet (NAT gateway, route to the IGW) and a private subnet whose default route goes to the NAT.</summary>
    private static Net NatNet(bool natSubnetPublic = true, bool natPublic = true, bool natInInput = true)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Subnet("subnet-pub", "vpc-1", "10.1.0.0/24");
        n.Subnet("subnet-priv", "vpc-1", "10.1.1.0/24");
        n.Igw("igw-1", "vpc-1");
        if (natSubnetPublic)
        {
            n.Table("rtb-pub", "vpc-1", new[] { "subnet-pub" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-1"));
        }
        else
        {
            n.Table("rtb-pub", "vpc-1", new[] { "subnet-pub" });
        }

        n.Table("rtb-priv", "vpc-1", new[] { "subnet-priv" }, n.Route("0.0.0.0/0", RouteTargetKind.NatGateway, "nat-1"));
        if (natInInput)
        {
            n.B.NatGateways.Add(new NatGateway("nat-1", n.Loc("nat-1"), "subnet-pub") { VpcId = "vpc-1", IsPublic = natPublic, ElasticIpIds = natPublic ? new[] { "eipalloc-1" } : new string[0] });
        }

        n.DefaultGroup("sg-1", "vpc-1");
        n.Instance("i-priv", "subnet-priv", "10.1.1.10", PublicIpMode.None, "sg-1");
        n.Vpc("vpc-2", "10.2.0.0/16");
        n.Subnet("subnet-2", "vpc-2", "10.2.0.0/24");
        n.Table("rtb-2", "vpc-2", new[] { "subnet-2" });
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways | ResourceKinds.SecurityGroups
            | ResourceKinds.Instances | (natInInput ? ResourceKinds.NatGateways : ResourceKinds.None);
        return n;
    }

    [Fact]
    public void Private_instance_reaches_the_internet_through_a_public_nat_gateway()
    {
        var n = NatNet();
        var r = Eval(n, "i-priv", "internet");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        var nat = Assert.Single(r.Hops, h => h.Kind == HopKind.NatGateway);
        Assert.Contains("replaces the source 10.1.1.10", nat.Reason);
        Assert.Equal(n.B.NatGateways[0].Location, nat.Location); // the NAT hop points at the NAT gateway's own text
        Assert.Contains(r.Hops, h => h.Kind == HopKind.RouteTable && h.ElementId == "rtb-pub" && h.Verdict == HopVerdict.Allowed);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.InternetGateway && h.Reason.Contains("needs no public address of its own"));

        // No public address hop: the instance is translated, its own address never reaches the internet.
        Assert.DoesNotContain(r.Hops, h => h.Kind == HopKind.PublicAddress);
    }

    [Fact]
    public void Nat_gateway_in_a_subnet_without_an_internet_route_blocks_at_the_nat_subnet_table()
    {
        var r = Eval(NatNet(natSubnetPublic: false), "i-priv", "internet");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.NoRouteToDestination, r.Code);
        Assert.Equal("rtb-pub", r.BlockingHop!.ElementId);
        Assert.Contains("NAT gateway 'nat-1'", r.BlockingHop.Reason);
    }

    [Fact]
    public void Private_nat_gateway_cannot_reach_the_internet()
    {
        var r = Eval(NatNet(natPublic: false), "i-priv", "internet");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(HopKind.NatGateway, r.BlockingHop!.Kind);
        Assert.Contains("private", r.BlockingHop.Reason);
    }

    [Fact]
    public void Nat_gateway_missing_from_the_input_is_unknown_and_missing_from_a_listing_is_blocked()
    {
        Assert.Equal(ReachabilityVerdict.Unknown, Eval(NatNet(natInInput: false), "i-priv", "internet").Verdict);
        var n = NatNet(natInInput: false);
        n.B.Coverage |= ResourceKinds.NatGateways;
        var r = Eval(n, "i-priv", "internet");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.BadState, r.Code);
    }

    [Fact]
    public void Nat_subnet_acl_is_checked_both_ways()
    {
        var n = NatNet();
        n.Acl("acl-pub", "vpc-1", new[] { "subnet-pub" },
            n.Entry(100, false, -1, AclAction.Allow, "0.0.0.0/0"),
            n.Entry(100, true, 6, AclAction.Allow, "0.0.0.0/0", 443, 443));
        var r = Eval(n, "i-priv", "internet");

        // Outbound 443 leaves the NAT subnet, but the reply to the instance (ephemeral ports) is denied on the way out.
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.SubnetAclRestriction, r.Code);
        Assert.Equal(HopDirection.Return, r.BlockingHop!.Direction);
        Assert.Equal("acl-pub", r.BlockingHop.ElementId);
    }

    [Fact]
    public void Nat_gateway_towards_another_vpc_without_its_private_address_is_unknown_not_an_error()
    {
        var n = NatNet();
        var r = Eval(n, "i-priv", "10.2.0.5");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.NatGateway && h.Code == ReasonCodes.UnsupportedTarget);
    }

    /// <summary>
    /// Private NAT over a peering: the private subnet sends 10.2.0.0/16 to a private NAT gateway (10.1.0.5) whose
    /// subnet routes it over pcx-12; vpc-2's instance admits <paramref name="admitted"/> and routes <paramref name="back"/> back.
    /// </summary>
    private static Net PrivateNatNet(string admitted, string back)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Subnet("subnet-nat", "vpc-1", "10.1.0.0/24");
        n.Subnet("subnet-priv", "vpc-1", "10.1.1.0/24");
        n.Vpc("vpc-2", "10.2.0.0/16");
        n.Subnet("subnet-2", "vpc-2", "10.2.0.0/24");
        n.Peering("pcx-12", "vpc-1", "vpc-2");
        n.Table("rtb-nat", "vpc-1", new[] { "subnet-nat" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-12"));
        n.Table("rtb-priv", "vpc-1", new[] { "subnet-priv" }, n.Route("10.2.0.0/16", RouteTargetKind.NatGateway, "nat-1"));
        n.Table("rtb-2", "vpc-2", new[] { "subnet-2" }, n.Route(back, RouteTargetKind.VpcPeeringConnection, "pcx-12"));
        n.B.NatGateways.Add(new NatGateway("nat-1", n.Loc("nat-1"), "subnet-nat") { VpcId = "vpc-1", IsPublic = false, PrivateIpAddress = "10.1.0.5" });
        n.DefaultGroup("sg-1", "vpc-1");
        n.Group("sg-2", "vpc-2", "web", new[] { n.In(6, 443, 443, admitted) });
        n.Instance("i-priv", "subnet-priv", "10.1.1.10", PublicIpMode.None, "sg-1");
        n.Instance("i-2", "subnet-2", "10.2.0.20", PublicIpMode.None, "sg-2");
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.SecurityGroups | ResourceKinds.Instances
            | ResourceKinds.NatGateways | ResourceKinds.PeeringConnections;
        return n;
    }

    [Fact]
    public void Private_nat_over_a_peering_translates_the_source_for_the_peer()
    {
        var r = Eval(PrivateNatNet(admitted: "10.1.0.5/32", back: "10.1.0.0/24"), "i-priv", "i-2");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.NatGateway && h.Reason.Contains("10.1.0.5"));
        Assert.Contains(r.Hops, h => h.Kind == HopKind.PeeringConnection && h.Verdict == HopVerdict.Allowed);
        // Back: the peer's subnet and table, then through the NAT's subnet (in and out), then into the instance's subnet.
        var returnHops = r.Hops.Where(h => h.Direction == HopDirection.Return).Select(h => h.ElementId).ToList();
        Assert.Equal(new[] { "sg-2", "subnet-2", "rtb-2", "subnet-nat", "subnet-nat", "subnet-priv" }, returnHops);

        // The peer sees the NAT's address, not the instance's: a rule for the instance does not admit it.
        var bySource = Eval(PrivateNatNet(admitted: "10.1.1.10/32", back: "10.1.0.0/24"), "i-priv", "i-2");
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, bySource.Code);

        // Replies go to the NAT's address: a return route for the instance's subnet only does not bring them back.
        var back = Eval(PrivateNatNet(admitted: "10.1.0.5/32", back: "10.1.1.0/24"), "i-priv", "i-2");
        Assert.Equal(ReasonCodes.NoRouteToSource, back.Code);
        Assert.Equal("rtb-2", back.BlockingHop!.ElementId);
    }

    /// <summary>A VPC whose default route goes to a virtual private gateway, with VPN connections as given.</summary>
    private static Net VpnNet(bool attached = true, string vpnState = "available", bool? staticOnly = false, params string[] staticRoutes)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        n.Table("rtb-1", "vpc-1", new[] { "subnet-1" }, n.Route("0.0.0.0/0", RouteTargetKind.VirtualPrivateGateway, "vgw-1"));
        n.B.Add(new VpnGateway("vgw-1", n.Loc("vgw-1")) { State = "available", AttachedVpcIds = attached ? new[] { "vpc-1" } : new string[0] });
        n.B.Add(new CustomerGateway("cgw-1", n.Loc("cgw-1")) { IpAddress = "198.51.100.1" });
        n.B.Add(new VpnConnection("vpn-1", n.Loc("vpn-1"))
        {
            VpnGatewayId = "vgw-1",
            CustomerGatewayId = "cgw-1",
            State = vpnState,
            StaticRoutesOnly = staticOnly,
            StaticRoutes = staticRoutes.Select(c => Net.C(c, n.Loc(c))).ToArray(),
        });
        n.Group("sg-1", "vpc-1", "web", new[] { n.In(6, 22, 22, "192.168.0.0/16") });
        n.Instance("i-1", "subnet-1", "10.1.0.10", PublicIpMode.None, "sg-1");
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.SecurityGroups | ResourceKinds.Instances
            | ResourceKinds.VpnGateways | ResourceKinds.VpnConnections | ResourceKinds.CustomerGateways;
        return n;
    }

    [Fact]
    public void Path_to_on_premises_leaves_aws_at_the_virtual_private_gateway()
    {
        var r = Eval(VpnNet(), "i-1", "192.168.1.1");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        var vgw = Assert.Single(r.Hops, h => h.Kind == HopKind.VpnGateway);
        Assert.Contains("leaves AWS here", vgw.Reason);
        Assert.Contains("198.51.100.1", vgw.Reason);
    }

    [Fact]
    public void On_premises_source_enters_through_the_virtual_private_gateway_and_replies_leave_there()
    {
        var r = Eval(VpnNet(), "192.168.1.1", "i-1", 22);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal(HopKind.VpnGateway, r.Hops[0].Kind);
        Assert.DoesNotContain(r.Hops, h => h.Kind == HopKind.InternetGateway);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.RouteTable && h.Direction == HopDirection.Return && h.Verdict == HopVerdict.Allowed);
    }

    [Fact]
    public void Detached_gateway_blocks_and_a_dead_vpn_is_unknown_because_direct_connect_may_carry_it()
    {
        Assert.Equal(ReasonCodes.BadStateAttachment, Eval(VpnNet(attached: false), "i-1", "192.168.1.1").Code);
        var dead = Eval(VpnNet(vpnState: "deleted"), "i-1", "192.168.1.1");
        Assert.Equal(ReachabilityVerdict.Unknown, dead.Verdict);
        Assert.Contains(dead.Hops, h => h.Code == ReasonCodes.BadStateVpn && h.Reason.Contains("Direct Connect"));
    }

    [Fact]
    public void Static_vpn_routes_decide_what_the_gateway_can_send()
    {
        Assert.Equal(ReachabilityVerdict.Reachable, Eval(VpnNet(staticOnly: true, staticRoutes: "192.168.0.0/16"), "i-1", "192.168.1.1").Verdict);
        var r = Eval(VpnNet(staticOnly: true, staticRoutes: "172.16.0.0/12"), "i-1", "192.168.1.1");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        var hop = Assert.Single(r.Hops, h => h.Code == ReasonCodes.NoRouteToDestination);
        Assert.Equal("vpn-1", hop.ElementId);
    }

    [Fact]
    public void Vpc_destination_behind_a_vpn_route_is_unknown()
    {
        var n = VpnNet();
        n.Vpc("vpc-9", "10.9.0.0/16");
        n.Subnet("subnet-9", "vpc-9", "10.9.0.0/24");
        var r = Eval(n, "i-1", "10.9.0.5");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.Hops, h => h.Code == ReasonCodes.LeavesAws);
    }

    /// <summary>A private subnet with an S3 gateway endpoint route (prefix list destination) and no internet route.</summary>
    private static Net EndpointNet(bool listInInput, string endpointState = "available")
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        var pl = new Route(n.Loc("route pl"), RouteTargetKind.VpcEndpoint, "vpce-1") { DestinationPrefixListId = "pl-s3" };
        n.Table("rtb-1", "vpc-1", new[] { "subnet-1" }, pl);
        n.B.Add(new VpcEndpoint("vpce-1", n.Loc("vpce-1"), "vpc-1") { ServiceName = "com.amazonaws.us-east-1.s3", Type = VpcEndpointType.Gateway, RouteTableIds = new[] { "rtb-1" }, State = endpointState });
        if (listInInput)
        {
            n.B.Add(new PrefixList("pl-s3", n.Loc("pl-s3")) { PrefixListName = "com.amazonaws.us-east-1.s3", Entries = new[] { Net.C("52.216.0.0/15", n.Loc("e1")) }, EntriesKnown = true });
        }

        n.DefaultGroup("sg-1", "vpc-1");
        n.Instance("i-1", "subnet-1", "10.1.0.10", PublicIpMode.None, "sg-1");
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.SecurityGroups | ResourceKinds.Instances | ResourceKinds.VpcEndpoints;
        return n;
    }

    [Fact]
    public void Gateway_endpoint_route_to_a_known_prefix_list_reaches_the_service()
    {
        var r = Eval(EndpointNet(listInInput: true), "i-1", "52.216.1.1");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        var hop = Assert.Single(r.Hops, h => h.Kind == HopKind.VpcEndpoint);
        Assert.Contains("com.amazonaws.us-east-1.s3", hop.Reason);

        // An address outside the list has no route at all.
        var other = Eval(EndpointNet(listInInput: true), "i-1", "8.8.8.8");
        Assert.Equal(ReasonCodes.NoRouteToDestination, other.Code);
        Assert.Equal(ReasonCodes.BadState, Eval(EndpointNet(listInInput: true, endpointState: "deleted"), "i-1", "52.216.1.1").Code);
    }

    [Fact]
    public void Gateway_endpoint_route_to_an_unexported_service_list_is_unknown_only_for_public_addresses()
    {
        Assert.Equal(ReachabilityVerdict.Unknown, Eval(EndpointNet(listInInput: false), "i-1", "52.216.1.1").Verdict);

        // A service list holds AWS's public ranges, never an address of a VPC: the peer is decided as before.
        var n = EndpointNet(listInInput: false);
        n.Vpc("vpc-2", "10.2.0.0/16");
        n.Subnet("subnet-2", "vpc-2", "10.2.0.0/24");
        var r = Eval(n, "i-1", "10.2.0.5");
        Assert.Equal(ReasonCodes.NoRouteToDestination, r.Code);
    }

    [Fact]
    public void Route_to_a_customer_prefix_list_uses_its_entries_and_is_unknown_without_them()
    {
        Net Build(bool withList)
        {
            var n = Net.Tutorial();
            var routes = n.B.RouteTables[0].Routes.Where(r => r.TargetKind != RouteTargetKind.VpcPeeringConnection).Append(
                new Route(n.Loc("route pl"), RouteTargetKind.VpcPeeringConnection, "pcx-12") { DestinationPrefixListId = "pl-peers" }).ToArray();
            n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = routes };
            if (withList)
            {
                n.B.Add(new PrefixList("pl-peers", n.Loc("pl-peers")) { Entries = new[] { Net.C("10.2.0.0/24", n.Loc("e")) }, EntriesKnown = true });
            }

            return n;
        }

        var known = ReachabilityEngineTests.Eval(Build(true).Index(), "Instance - NextWork VPC 1", "Instance - NextWork VPC 2", "icmp");
        Assert.Equal(ReachabilityVerdict.Reachable, known.Verdict);
        Assert.Contains(known.Hops, h => h.Kind == HopKind.RouteTable && h.Reason.Contains("route pl-peers → pcx-12"));
        var unknown = ReachabilityEngineTests.Eval(Build(false).Index(), "Instance - NextWork VPC 1", "Instance - NextWork VPC 2", "icmp");
        Assert.Equal(ReachabilityVerdict.Unknown, unknown.Verdict);
        Assert.Contains(unknown.Hops, h => h.Reason.Contains("prefix list 'pl-peers', whose entries are not in the input"));
    }

    [Fact]
    public void Security_group_rule_naming_a_prefix_list_is_evaluated_against_its_entries()
    {
        Net Build(string? entry)
        {
            var n = Net.Tutorial();
            var g = n.B.SecurityGroups[1];
            var rule = new SecurityGroupRule(n.Loc("pl rule"), RuleDirection.Ingress, 1, -1, -1, SgPeerKind.PrefixList) { PrefixListId = "pl-office" };
            n.B.SecurityGroups[1] = g with { Ingress = g.Ingress.Where(r => r.PeerKind != SgPeerKind.Cidr).Append(rule).ToArray() };
            if (entry is not null)
            {
                n.B.Add(new PrefixList("pl-office", n.Loc("pl-office")) { Entries = new[] { Net.C(entry, n.Loc("e")) }, EntriesKnown = true });
            }

            return n;
        }

        Verdict(ReachabilityVerdict.Reachable, Build("10.1.0.0/16"));
        Verdict(ReachabilityVerdict.NotReachable, Build("172.16.0.0/12"));
        Verdict(ReachabilityVerdict.Unknown, Build(null));

        static void Verdict(ReachabilityVerdict expected, Net n) =>
            Assert.Equal(expected, ReachabilityEngineTests.Eval(n.Index(), "Instance - NextWork VPC 1", "Instance - NextWork VPC 2", "icmp").Verdict);
    }

    [Fact]
    public void Egress_only_gateway_lets_ipv6_out_and_nothing_in()
    {
        var n = new Net();
        var vpc = n.Vpc("vpc-1", "10.1.0.0/16");
        n.B.Vpcs[0] = vpc with { Ipv6Cidrs = new[] { Net.C("2600:1f18:aaaa:bb00::/56", n.Loc("v6")) } };
        var subnet = n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        n.B.Subnets[0] = subnet with { Ipv6Cidrs = new[] { Net.C("2600:1f18:aaaa:bb01::/64", n.Loc("s6")) } };
        n.Table("rtb-1", "vpc-1", new[] { "subnet-1" }, n.Route("::/0", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1"));
        n.B.Add(new EgressOnlyInternetGateway("eigw-1", n.Loc("eigw-1")) { AttachedVpcIds = new[] { "vpc-1" } });
        n.B.Coverage = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.EgressOnlyInternetGateways;

        var outbound = Eval(n, "2600:1f18:aaaa:bb01::10/128", "2001:db8::1/128");
        Assert.Equal(ReachabilityVerdict.Reachable, outbound.Verdict);
        Assert.Contains(outbound.Hops, h => h.Kind == HopKind.EgressOnlyInternetGateway && h.Verdict == HopVerdict.Allowed);

        var inbound = Eval(n, "2001:db8::1/128", "2600:1f18:aaaa:bb01::10/128");
        Assert.Equal(ReachabilityVerdict.NotReachable, inbound.Verdict);
        Assert.Equal(ReasonCodes.EgressOnlyInbound, inbound.Code);

        // Detached: the route names a gateway of another VPC.
        n.B.Of<EgressOnlyInternetGateway>()[0] = n.B.Of<EgressOnlyInternetGateway>()[0] with { AttachedVpcIds = new[] { "vpc-9" } };
        Assert.Equal(ReasonCodes.BadStateAttachment, Eval(n, "2600:1f18:aaaa:bb01::10/128", "2001:db8::1/128").Code);
    }
}
