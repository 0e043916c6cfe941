using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The decisions of <see cref="ReachabilityEngine"/> itself (mutation testing, issue 22; docs/quality.md): which
/// endpoint an unplaceable query names, which of several source or destination parts decides the verdict ("for all"),
/// which internet addresses stand for the internet ("exists" over witnesses: the generic address, one per public block
/// the rules and network ACL name, every one of them) and which of their results is reported.
/// </summary>
public sealed class EngineDecisionTests
{
    private const ResourceKinds Listed = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways
        | ResourceKinds.PeeringConnections | ResourceKinds.SecurityGroups | ResourceKinds.NetworkAcls | ResourceKinds.Instances | ResourceKinds.ElasticIps
        | ResourceKinds.NetworkInterfaces;

    /// <summary>
    /// vpc-1 10.1.0.0/16, subnet-1 10.1.0.0/24 with the public instance i-web (10.1.0.10) in group sg-web; rtb-1 sends
    /// 0.0.0.0/0 to igw-1 (unless <paramref name="routes"/> gives the routes; null: no route table at all).
    /// </summary>
    private static Net Web(Func<Net, SecurityGroupRule[]> ingress, Func<Net, Route[]>? routes = null, bool table = true, Func<Net, SecurityGroupRule[]>? egress = null)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        n.Igw("igw-1", "vpc-1");
        if (table)
        {
            n.Table("rtb-1", "vpc-1", new[] { "subnet-1" }, routes?.Invoke(n) ?? new[] { n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-1") });
        }

        n.Group("sg-web", "vpc-1", null, ingress(n), egress?.Invoke(n));
        n.Instance("i-web", "subnet-1", "10.1.0.10", PublicIpMode.Assigned, "sg-web");
        n.B.Coverage = Listed;
        return n;
    }

    private static SecurityGroupRule[] Ssh(Net n, params string[] from) => from.Select(c => n.In(Traffic.Tcp, 22, 22, c)).ToArray();

    private static SecurityGroupRule[] AllTcp(Net n, params string[] from) => from.Select(c => n.In(Traffic.Tcp, 0, 65535, c)).ToArray();

    /// <summary>The network ACL of subnet-1: the given inbound entries, all outbound traffic allowed.</summary>
    private static void Acl(Net n, params NetworkAclEntry[] inbound) =>
        n.Acl("acl-1", "vpc-1", new[] { "subnet-1" }, inbound.Append(n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0")).ToArray());

    private static ReachabilityResult Eval(Net n, string from, string to, string protocol = "tcp", int? port = 22) =>
        ReachabilityEngineTests.Eval(n.Index(), from, to, protocol, port);

    private static string Render(ReachabilityResult r) =>
        r.Verdict + "\n" + string.Join("\n", r.Hops.Select(h => $"{h.Direction} {h.Kind} {h.ElementId} {h.Verdict}: {h.Reason}"));

    /// <summary>The internet address the result's path used ("traffic from the internet address X enters here").</summary>
    private static string Entered(ReachabilityResult r)
    {
        var hop = r.Hops.FirstOrDefault(h => h.Kind == HopKind.InternetGateway && h.Reason.Contains("enters here"));
        Assert.True(hop is not null, Render(r));
        string text = hop!.Reason;
        int at = text.IndexOf("internet address ", StringComparison.Ordinal) + "internet address ".Length;
        return text.Substring(at, text.IndexOf(' ', at) - at);
    }

    // ---- Endpoints that cannot be placed ----

    [Fact]
    public void Unplaceable_source_is_one_unknown_hop_at_the_source()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        var lost = new Instance("i-lost", n.Loc("i-lost"), null) { Name = "lost" };
        n.B.Instances.Add(lost);
        var r = Eval(n, "i-lost", "i-web");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        var hop = Assert.Single(r.Hops);
        Assert.Equal((HopKind.RouteTable, HopDirection.Forward, HopVerdict.Unknown), (hop.Kind, hop.Direction, hop.Verdict));
        Assert.Equal(("i-lost", "instance 'lost' (i-lost)"), (hop.ElementId, hop.ElementLabel));
        Assert.Equal("the address and subnet of instance 'lost' (i-lost) are unknown", hop.Reason);
        Assert.Equal(ReasonCodes.UnknownValue, hop.Code);
        Assert.Equal(lost.Location, hop.Location);
        Assert.Same(lost, hop.Element);
    }

    [Fact]
    public void Unplaceable_destination_is_one_unknown_hop_at_the_destination()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        n.B.Instances.Add(new Instance("i-lost", n.Loc("i-lost"), null));
        var r = Eval(n, "i-web", "i-lost");
        var hop = Assert.Single(r.Hops);
        Assert.Equal("i-lost", hop.ElementId);
        Assert.Equal("the address and subnet of instance 'i-lost' are unknown", hop.Reason);
    }

    [Theory]
    [InlineData("Main", "linked to 'Main' (vpc-1) (IPv4 only")]
    [InlineData(null, "linked to 'vpc-1' (IPv4 only")]
    public void Ec2_classic_instance_is_unknown_and_names_its_linked_vpc(string? vpcName, string expected)
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        n.B.Vpcs[0] = n.B.Vpcs[0] with { Name = vpcName };
        n.B.Instances.Add(new Instance("i-classic", n.Loc("i-classic"), null) { ClassicLinkVpcId = "vpc-1" });
        var r = Eval(n, "i-classic", "i-web");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(expected, Assert.Single(r.Hops).Reason);
    }

    [Fact]
    public void Ec2_classic_instance_linked_to_a_vpc_not_in_the_input_names_its_id()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        n.B.Instances.Add(new Instance("i-classic", n.Loc("i-classic"), null) { ClassicLinkVpcId = "vpc-gone" });
        var hop = Assert.Single(Eval(n, "i-web", "i-classic").Hops);
        Assert.StartsWith("instance 'i-classic' is an EC2-Classic instance linked to 'vpc-gone' (IPv4 only", hop.Reason);
    }

    [Fact]
    public void Instance_with_a_subnet_is_not_explained_as_ec2_classic()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        n.B.Instances.Add(new Instance("i-odd", n.Loc("i-odd"), "subnet-gone") { ClassicLinkVpcId = "vpc-1" });
        var hop = Assert.Single(Eval(n, "i-odd", "i-web").Hops);
        Assert.Equal("the address and subnet of instance 'i-odd' are unknown", hop.Reason);
    }

    [Fact]
    public void Range_partly_inside_a_vpc_cannot_be_placed()
    {
        var r = Eval(Web(n => Ssh(n, "0.0.0.0/0")), "10.0.0.0/8", "i-web");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        var hop = Assert.Single(r.Hops);
        Assert.Equal("10.0.0.0/8", hop.ElementId);
        Assert.Equal("10.0.0.0/8 covers addresses of VPCs and addresses outside them", hop.Reason);
        Assert.Equal(SourceLocation.None, hop.Location);
        Assert.Null(hop.Element);
    }

    [Fact]
    public void Range_inside_a_vpc_without_a_subnet_there_cannot_be_placed()
    {
        var r = Eval(Web(n => Ssh(n, "0.0.0.0/0")), "i-web", "10.1.128.0/17");
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Equal("no subnet of 'vpc-1' in the input holds 10.1.128.0/17", Assert.Single(r.Hops).Reason);
    }

    // ---- Ranges over several subnets: every part must reach ----

    /// <summary>
    /// vpc-1 with subnets s1 10.1.0.0/24 (table rtb-s1) and s2 10.1.1.0/24 (table rtb-s2), peered by pcx to vpc-2
    /// 10.2.0.0/16 with i-dst (10.2.0.20; its group admits ICMP from 10.1.0.0/16, its table routes back).
    /// <paramref name="s1"/> and <paramref name="s2"/>: "route" (to the peering), "none" (no route), "unknown" (the
    /// subnet's table is not in the input: vpc-1 then has no table for it).
    /// </summary>
    private static Net Parts(string s1, string s2)
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Vpc("vpc-2", "10.2.0.0/16");
        n.Subnet("s1", "vpc-1", "10.1.0.0/24");
        n.Subnet("s2", "vpc-1", "10.1.1.0/24");
        n.Subnet("sd", "vpc-2", "10.2.0.0/24");
        n.Peering("pcx", "vpc-1", "vpc-2");
        foreach (var (subnet, kind) in new[] { ("s1", s1), ("s2", s2) })
        {
            if (kind == "route")
            {
                n.Table("rtb-" + subnet, "vpc-1", new[] { subnet }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx"));
            }
            else if (kind == "none")
            {
                n.Table("rtb-" + subnet, "vpc-1", new[] { subnet });
            }
        }

        n.Table("rtb-d", "vpc-2", new[] { "sd" }, n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx"));
        n.Group("sg-d", "vpc-2", null, new[] { n.In(Traffic.Icmp, -1, -1, "10.1.0.0/16") });
        n.Instance("i-dst", "sd", "10.2.0.20", PublicIpMode.None, "sg-d");
        n.B.Coverage = Listed;
        return n;
    }

    private static ReachabilityResult Ping(Net n) => Eval(n, "10.1.0.0/23", "i-dst", "icmp", null);

    [Fact]
    public void Range_is_not_reachable_when_its_second_part_is_not()
    {
        var r = Ping(Parts("route", "none"));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal("rtb-s2", r.BlockingHop!.ElementId);
    }

    [Fact]
    public void Range_is_not_reachable_when_its_first_part_is_not()
    {
        var r = Ping(Parts("none", "route"));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal("rtb-s1", r.BlockingHop!.ElementId);
    }

    [Fact]
    public void Range_is_unknown_when_one_part_is_unknown_and_the_others_reach()
    {
        var r = Ping(Parts("route", "unknown"));
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.UnknownHops, h => h.ElementId.Contains("s2") || h.Reason.Contains("s2"));
    }

    [Fact]
    public void Range_with_two_unknown_parts_reports_the_first()
    {
        var r = Ping(Parts("unknown", "unknown"));
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.UnknownHops, h => h.ElementId.Contains("s1") || h.Reason.Contains("s1"));
        Assert.DoesNotContain(r.Hops, h => h.ElementId.Contains("s2") || h.Reason.Contains("'s2'"));
    }

    [Fact]
    public void Range_whose_parts_all_reach_reports_the_first_part()
    {
        var r = Ping(Parts("route", "route"));
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.ElementId == "rtb-s1");
        Assert.DoesNotContain(r.Hops, h => h.ElementId == "rtb-s2");
    }

    [Fact]
    public void Range_parts_are_the_subnets_of_the_vpc_holding_it_not_of_an_overlapping_vpc()
    {
        var n = Parts("route", "route");
        n.Vpc("vpc-x", "10.1.0.0/24");
        n.Subnet("sx", "vpc-x", "10.1.0.0/25");
        var r = Ping(n);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.DoesNotContain(r.Hops, h => h.ElementId.Contains("sx") || h.ElementId.Contains("vpc-x"));
    }

    [Fact]
    public void Range_part_is_the_subnet_block()
    {
        var r = Ping(Parts("route", "route"));
        Assert.Contains(r.Hops, h => h.Reason.Contains("10.1.0.0/24"));
        Assert.DoesNotContain(r.Hops, h => h.Reason.Contains("10.1.0.0/23"));
    }

    // ---- Witnesses: which internet addresses are tried ----

    [Fact]
    public void Without_specific_rules_the_first_documentation_address_enters()
    {
        var r = Eval(Web(n => Ssh(n, "0.0.0.0/0")), "internet", "i-web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("203.0.113.10", Entered(r));
    }

    [Theory]
    [InlineData("198.51.100.7/32", "198.51.100.7")]
    [InlineData("198.51.100.6/31", "198.51.100.6")]
    [InlineData("198.51.100.0/24", "198.51.100.1")]
    [InlineData("52.94.0.0/16", "52.94.0.1")]
    public void Group_rule_for_a_public_block_is_tried_with_its_first_host_address(string block, string expected)
    {
        var r = Eval(Web(n => Ssh(n, block)), "internet", "i-web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal(expected, Entered(r));
    }

    [Fact]
    public void Only_cidr_peers_name_witness_blocks()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0").Append(n.In(Traffic.Tcp, 22, 22, "203.0.113.0/24") with { PeerKind = SgPeerKind.PrefixList, PrefixListId = "pl-1" }).ToArray());
        var r = Eval(n, "internet", "i-web");
        Assert.Equal("203.0.113.10", Entered(r));
    }

    [Fact]
    public void Egress_rules_choose_the_witnesses_toward_the_internet()
    {
        var n = Web(n => Ssh(n, "10.0.0.0/8"), egress: n => new[] { n.Out(Traffic.Tcp, 443, 443, "52.94.0.0/16") });
        var r = Eval(n, "i-web", "internet", "tcp", 443);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.Reason.Contains("52.94.0.1"));
    }

    [Fact]
    public void Ingress_rules_do_not_choose_the_witnesses_toward_the_internet()
    {
        var n = Web(n => Ssh(n, "52.94.0.0/16"), egress: n => new[] { n.Out(Traffic.Tcp, 22, 22, "0.0.0.0/0") });
        var r = Eval(n, "i-web", "internet", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.DoesNotContain(r.Hops, h => h.Reason.Contains("52.94.0.1"));
        Assert.Contains(r.Hops, h => h.Reason.Contains("203.0.113.10"));
    }

    [Fact]
    public void Acl_inbound_entry_for_a_public_block_is_tried()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        Acl(n, n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "198.51.100.0/24", 22, 22));
        var r = Eval(n, "internet", "i-web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("198.51.100.1", Entered(r));
    }

    [Fact]
    public void Acl_outbound_entries_do_not_choose_the_witnesses_from_the_internet()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        n.Acl("acl-1", "vpc-1", new[] { "subnet-1" },
            n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "0.0.0.0/0", 22, 22),
            n.Entry(100, true, Traffic.Tcp, AclAction.Allow, "203.0.113.0/24", 1024, 65535));
        var r = Eval(n, "internet", "i-web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("203.0.113.10", Entered(r));
    }

    [Fact]
    public void Acl_entry_for_all_addresses_is_not_a_specific_block()
    {
        var n = Web(n => Ssh(n, "203.0.113.0/24"));
        Acl(n, n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "0.0.0.0/0", 22, 22));
        var r = Eval(n, "internet", "i-web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("203.0.113.1", Entered(r));
    }

    [Fact]
    public void Internet_to_an_address_outside_every_vpc_is_evaluated_without_a_subnet()
    {
        var r = Eval(Web(n => Ssh(n, "0.0.0.0/0")), "internet", "8.8.4.4");
        Assert.NotEmpty(r.Hops);
        Assert.NotEqual(ReachabilityVerdict.Reachable, r.Verdict);
    }

    [Fact]
    public void Without_a_route_table_a_documentation_address_outside_the_rules_blocks_enters()
    {
        var n = Web(n => Ssh(n, "203.0.113.0/24", "0.0.0.0/0"), table: false);
        var r = Eval(n, "internet", "i-web");
        Assert.Equal("198.51.100.10", Entered(r));
    }

    [Fact]
    public void When_the_rules_name_every_documentation_address_and_nothing_routes_the_first_still_stands_for_the_internet()
    {
        var n = Web(n => Ssh(n, "203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24", "8.8.8.8/32"), table: false);
        var r = Eval(n, "internet", "i-web");
        Assert.Equal("203.0.113.10", Entered(r));
    }

    [Fact]
    public void Table_without_a_default_route_leaves_unrouted_addresses_for_the_witness()
    {
        var n = Web(n => Ssh(n, "203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24", "8.8.8.8/32"),
            routes: n => new[] { n.Route("10.1.0.0/16", RouteTargetKind.Local, "local") });
        var r = Eval(n, "internet", "i-web");
        Assert.Equal("1.0.0.10", Entered(r));
    }

    [Fact]
    public void Witness_in_a_small_block_left_to_the_default_route_is_its_first_address()
    {
        // Every address but 1.2.3.16/28 goes to a transit gateway: the /28's siblings at each prefix length.
        var p = Cidr.Parse("1.2.3.16/28");
        var n = Web(n => Ssh(n, "0.0.0.0/0"), routes: n =>
        {
            var list = new List<Route> { n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-1") };
            for (int len = 1; len <= 28; len++)
            {
                uint flipped = (uint)p.Lo ^ (1u << (32 - len));
                var sibling = Cidr.FromV4(flipped & (uint.MaxValue << (32 - len)), len);
                list.Add(n.Route(sibling.ToString(), RouteTargetKind.TransitGateway, "tgw-1"));
            }

            return list.ToArray();
        });
        var r = Eval(n, "internet", "i-web");
        Assert.Equal("1.2.3.16", Entered(r));
    }

    [Fact]
    public void Every_named_block_stands_for_the_internet_however_many_come_before_it()
    {
        // Generic address + twelve blocks: the network ACL admits only port 22 of "all TCP ports" (unknown) for the
        // first eleven; the twelfth, which the ACL admits in full, is tried too and decides: reachable. (An engine that
        // stopped after eight addresses answered "unknown" here, and "not reachable" had the first ones been denied.)
        string[] blocks = Enumerable.Range(1, 12).Select(i => $"52.{i}.0.0/16").ToArray();
        var n = Web(n => AllTcp(n, blocks));
        Acl(n, n.Entry(90, false, Traffic.Tcp, AclAction.Allow, blocks[11], 0, 65535), n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "0.0.0.0/0", 22, 22));
        var r = Eval(n, "internet", "i-web", "tcp", null);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("52.12.0.1", Entered(r));
    }

    [Fact]
    public void A_late_block_that_gets_through_outweighs_earlier_denied_ones()
    {
        // The first ten blocks are denied outright by the ACL; only the eleventh is allowed: reachable, not "not reachable".
        string[] blocks = Enumerable.Range(1, 11).Select(i => $"52.{i}.0.0/16").ToArray();
        var n = Web(n => AllTcp(n, blocks));
        Acl(n, n.Entry(90, false, Traffic.Tcp, AclAction.Allow, blocks[10], 0, 65535), n.Entry(100, false, Traffic.Tcp, AclAction.Deny, "0.0.0.0/0", 0, 65535));
        var r = Eval(n, "internet", "i-web", "tcp", null);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("52.11.0.1", Entered(r));
    }

    [Fact]
    public void Eighth_block_is_reached_when_fewer_blocks_come_before_it()
    {
        string[] blocks = Enumerable.Range(1, 7).Select(i => $"52.{i}.0.0/16").ToArray();
        var n = Web(n => AllTcp(n, blocks));
        Acl(n, n.Entry(90, false, Traffic.Tcp, AclAction.Allow, blocks[6], 0, 65535), n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "0.0.0.0/0", 22, 22));
        var r = Eval(n, "internet", "i-web", "tcp", null);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Equal("52.7.0.1", Entered(r));
    }

    // ---- Which witness result is reported ----

    [Fact]
    public void When_no_internet_address_reaches_the_first_one_is_reported()
    {
        var n = Web(n => Ssh(n, "0.0.0.0/0"));
        Acl(n, n.Entry(100, false, Traffic.Tcp, AclAction.Deny, "198.51.100.0/24", 22, 22), n.Entry(110, false, Traffic.Tcp, AclAction.Deny, "192.0.2.0/24", 22, 22));
        var r = Eval(n, "internet", "i-web");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal("203.0.113.10", Entered(r));
    }

    [Fact]
    public void An_unknown_internet_address_outweighs_a_blocked_one()
    {
        var n = Web(n => AllTcp(n, "198.51.100.0/24"));
        Acl(n, n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "0.0.0.0/0", 22, 22));
        var r = Eval(n, "internet", "i-web", "tcp", null);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Equal("198.51.100.1", Entered(r));
    }

    [Fact]
    public void Of_two_unknown_internet_addresses_the_first_is_reported()
    {
        var n = Web(n => AllTcp(n, "198.51.100.0/24", "192.0.2.0/24"));
        Acl(n, n.Entry(100, false, Traffic.Tcp, AclAction.Allow, "0.0.0.0/0", 22, 22));
        var r = Eval(n, "internet", "i-web", "tcp", null);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Equal("198.51.100.1", Entered(r));
    }
}
