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
/// The decisions of <see cref="ReachabilityQuery.Create"/>, <see cref="IntentResolver"/>, the name and ACL lookups of
/// <see cref="ReachabilityIndex"/> and the hop filters of <see cref="ReachabilityResult"/> (mutation testing, issue 22;
/// docs/quality.md): which input is refused with which message, which boundary values pass, which element a name picks.
/// </summary>
public sealed class QueryDecisionTests
{
    /// <summary>One VPC with an instance 'Web' (i-web, 10.1.0.10) and an instance 'App' (i-app, 10.1.0.20).</summary>
    private static Net One()
    {
        var n = new Net();
        n.Vpc("vpc-1", "10.1.0.0/16");
        n.Subnet("subnet-1", "vpc-1", "10.1.0.0/24");
        n.Instance("i-web", "subnet-1", "10.1.0.10");
        n.Instance("i-app", "subnet-1", "10.1.0.20");
        n.B.Instances[0] = n.B.Instances[0] with { Name = "Web" };
        n.B.Instances[1] = n.B.Instances[1] with { Name = "App" };
        return n;
    }

    private static ReachabilityQuery? Create(string from, string to, string protocol, int? port, out string? error) =>
        ReachabilityQuery.Create(One().Index(), from, to, protocol, port, out error);

    [Fact]
    public void Query_with_a_source_that_names_nothing_is_refused_with_the_name()
    {
        Assert.Null(Create("Nobody", "Web", "tcp", 22, out var error));
        Assert.Equal("'Nobody' names no instance, ENI or CIDR", error);
    }

    [Fact]
    public void Query_with_a_destination_that_names_nothing_is_refused_with_the_name()
    {
        Assert.Null(Create("Web", "Nobody", "tcp", 22, out var error));
        Assert.Equal("'Nobody' names no instance, ENI or CIDR", error);
    }

    [Fact]
    public void Query_with_an_unknown_protocol_is_refused()
    {
        Assert.Null(Create("Web", "App", "smtp", 25, out var error));
        Assert.Equal("'smtp' is not a protocol (use tcp, udp, icmp, icmpv6, all or a protocol number)", error);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(65536)]
    [InlineData(int.MinValue)]
    public void Query_with_a_port_out_of_range_is_refused(int port)
    {
        Assert.Null(Create("Web", "App", "tcp", port, out var error));
        Assert.Equal($"port {port} is out of range 0-65535", error);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(-1, null)] // -1: all ports (the AWS wildcard)
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(22, 22)]
    [InlineData(65535, 65535)]
    public void Query_keeps_ports_in_range_and_reads_minus_one_as_all(int? port, int? expected)
    {
        var q = Create("Web", "App", "tcp", port, out var error);
        Assert.True(q is not null, error);
        Assert.Null(error);
        Assert.Equal(expected, q!.Port);
        Assert.Equal(Traffic.Tcp, q.Protocol);
        Assert.Equal("i-web", q.Source.Element!.Id);
        Assert.Equal("i-app", q.Destination.Element!.Id);
    }

    [Fact]
    public void Query_from_the_internet_to_the_internet_is_refused()
    {
        Assert.Null(Create("internet", "0.0.0.0/0", "tcp", 22, out var error));
        Assert.Equal("source and destination are both the internet", error);
    }

    [Theory]
    [InlineData("internet", "Web")]
    [InlineData("Web", "internet")]
    public void Query_with_the_internet_on_one_side_is_accepted(string from, string to)
    {
        var q = Create(from, to, "tcp", 22, out var error);
        Assert.True(q is not null, error);
        Assert.Equal(from == "internet", q!.Source.Kind == EndpointKind.Internet);
        Assert.Equal(to == "internet", q.Destination.Kind == EndpointKind.Internet);
    }

    [Fact]
    public void Query_reads_as_source_destination_and_traffic()
    {
        var q = Create("Web", "10.1.0.20", "icmp", null, out _);
        Assert.Equal($"instance 'Web' (i-web) → 10.1.0.20/32 {q!.Request}", q.ToString());
    }

    // ---- Intents ----

    private static ConnectivityIntent Intent(Net n, string from, string to, string protocol, int? port = null, IntentSource source = IntentSource.Shared) =>
        new("ping", n.Loc("intent"), from, to, protocol) { Port = port, FromLocation = n.Loc("from"), ToLocation = n.Loc("to"), Source = source };

    private static IntentOutcome Resolve(string from, string to, string protocol, int? port = null)
    {
        var n = One();
        return IntentResolver.Resolve(n.Index(), Intent(n, from, to, protocol, port));
    }

    [Fact]
    public void Intent_with_a_source_that_names_nothing_is_an_error_at_the_source()
    {
        var n = One();
        var intent = Intent(n, "Nobody", "Web", "icmp");
        var o = IntentResolver.Resolve(n.Index(), intent);
        Assert.Null(o.Query);
        Assert.Equal(InputProblemSeverity.Error, o.Problem!.Severity);
        Assert.Equal("intent 'ping': 'Nobody' names no instance, ENI or CIDR", o.Problem.Message);
        Assert.Equal(intent.FromLocation, o.Problem.Location);
    }

    [Fact]
    public void Intent_with_a_destination_that_names_nothing_is_an_error_at_the_destination()
    {
        var n = One();
        var intent = Intent(n, "Web", "Nobody", "icmp");
        var o = IntentResolver.Resolve(n.Index(), intent);
        Assert.Equal("intent 'ping': 'Nobody' names no instance, ENI or CIDR", o.Problem!.Message);
        Assert.Equal(intent.ToLocation, o.Problem.Location);
    }

    [Fact]
    public void Intent_with_an_unknown_protocol_is_an_error_at_the_intent()
    {
        var n = One();
        var intent = Intent(n, "Web", "App", "smtp", 25);
        var o = IntentResolver.Resolve(n.Index(), intent);
        Assert.Null(o.Query);
        Assert.Equal("intent 'ping': 'smtp' is not a protocol (use tcp, udp, icmp, icmpv6 or all)", o.Problem!.Message);
        Assert.Equal(intent.Location, o.Problem.Location);
    }

    [Theory]
    [InlineData(-2)]
    [InlineData(65536)]
    public void Intent_with_a_port_out_of_range_is_an_error(int port)
    {
        var o = Resolve("Web", "App", "tcp", port);
        Assert.Null(o.Query);
        Assert.Equal($"intent 'ping': port {port} is out of range 0-65535", o.Problem!.Message);
    }

    [Theory]
    [InlineData("tcp", "TCP")]
    [InlineData("udp", "UDP")]
    public void Tcp_or_udp_intent_without_a_port_is_an_error(string protocol, string name)
    {
        var o = Resolve("Web", "App", protocol);
        Assert.Null(o.Query);
        Assert.Equal($"intent 'ping': a {name} intent needs a port", o.Problem!.Message);
    }

    [Theory]
    [InlineData("icmp", null, null)]
    [InlineData("all", null, null)]
    [InlineData("tcp", -1, null)]
    [InlineData("tcp", 0, 0)]
    [InlineData("tcp", 1, 1)]
    [InlineData("udp", 65535, 65535)]
    public void Intent_ports_in_range_resolve_and_minus_one_means_all(string protocol, int? port, int? expected)
    {
        var o = Resolve("Web", "App", protocol, port);
        Assert.Null(o.Problem);
        Assert.Null(o.Result);
        Assert.Equal(expected, o.Query!.Port);
        Assert.Equal(Traffic.ParseProtocol(protocol), o.Query.Protocol);
    }

    [Fact]
    public void Intent_from_the_internet_to_the_internet_is_an_error()
    {
        var o = Resolve("internet", "internet", "icmp");
        Assert.Null(o.Query);
        Assert.Equal("intent 'ping': source and destination are both the internet", o.Problem!.Message);
    }

    [Theory]
    [InlineData("internet", "Web")]
    [InlineData("Web", "internet")]
    public void Intent_with_the_internet_on_one_side_resolves(string from, string to)
    {
        var o = Resolve(from, to, "icmp");
        Assert.Null(o.Problem);
        Assert.NotNull(o.Query);
    }

    [Fact]
    public void Found_intents_file_with_an_ambiguous_source_warns_at_the_source()
    {
        var n = One();
        n.B.Instances[1] = n.B.Instances[1] with { Name = "Web" };
        var intent = Intent(n, "Web", "10.1.0.30", "icmp", source: IntentSource.Discovered);
        var o = IntentResolver.Resolve(n.Index(), intent);
        Assert.Null(o.Query);
        Assert.Equal(InputProblemSeverity.Warning, o.Problem!.Severity);
        Assert.StartsWith("intent 'ping' is not evaluated: 'Web' names 2 instances in the inputs", o.Problem.Message);
        Assert.Equal(intent.FromLocation, o.Problem.Location);
    }

    [Fact]
    public void Intent_without_a_from_location_reports_at_the_intent()
    {
        var n = One();
        n.B.Instances[1] = n.B.Instances[1] with { Name = "Web" };
        var intent = Intent(n, "Web", "10.1.0.30", "icmp", source: IntentSource.Discovered) with { FromLocation = null };
        var o = IntentResolver.Resolve(n.Index(), intent);
        Assert.Equal(InputProblemSeverity.Warning, o.Problem!.Severity);
        Assert.Equal(intent.Location, o.Problem.Location);
    }

    [Fact]
    public void Evaluate_gives_resolved_intents_a_result_and_leaves_failed_ones_without()
    {
        var n = One();
        n.Intent("good", "Web", "App", "icmp");
        n.Intent("bad", "Web", "Nobody", "icmp");
        var index = n.Index();
        var outcomes = IntentResolver.Evaluate(index);
        Assert.Equal(2, outcomes.Count);
        Assert.NotNull(outcomes[0].Result);
        Assert.Equal(outcomes[0].Query, outcomes[0].Result!.Query);
        Assert.Null(outcomes[1].Result);
        Assert.NotNull(outcomes[1].Problem);
        Assert.Same(outcomes, IntentResolver.Evaluate(index));
    }

    // ---- Names ----

    private static NetworkInterface Eni(Net n, string id, string name, string ip = "10.1.0.40")
    {
        var e = new NetworkInterface(id, n.Loc(id), "subnet-1") { Name = name, PrivateIpAddresses = new[] { ip }, VpcId = "vpc-1" };
        n.B.NetworkInterfaces.Add(e);
        return e;
    }

    private static Endpoint Named(Net n, string name)
    {
        var ep = Endpoint.Resolve(n.Index(), name, out var error);
        Assert.True(ep is not null, error);
        return ep!;
    }

    [Fact]
    public void A_name_only_a_network_interface_has_names_that_interface()
    {
        var n = One();
        Eni(n, "eni-db", "Db");
        var ep = Named(n, "Db");
        Assert.Equal(EndpointKind.NetworkInterface, ep.Kind);
        Assert.Equal("eni-db", ep.Element!.Id);
    }

    [Fact]
    public void A_name_an_instance_and_its_interface_share_names_the_instance()
    {
        var n = One();
        Eni(n, "eni-web", "Web");
        var ep = Named(n, "Web");
        Assert.Equal(EndpointKind.Instance, ep.Kind);
        Assert.Equal("i-web", ep.Element!.Id);
    }

    [Fact]
    public void Two_interfaces_with_one_name_are_ambiguous()
    {
        var n = One();
        Eni(n, "eni-1", "Db");
        Eni(n, "eni-2", "Db", "10.1.0.41");
        Assert.Null(Endpoint.Resolve(n.Index(), "Db", out var error));
        Assert.StartsWith("'Db' names 2 ENIs in the inputs", error);
    }

    [Fact]
    public void A_name_in_another_case_finds_the_element()
    {
        var ep = Named(One(), "WEB");
        Assert.Equal("i-web", ep.Element!.Id);
    }

    [Fact]
    public void An_exact_name_wins_over_names_that_differ_only_in_case()
    {
        var n = One();
        n.B.Instances[1] = n.B.Instances[1] with { Name = "web" };
        Assert.Equal("i-web", Named(n, "Web").Element!.Id);
        Assert.Equal("i-app", Named(n, "web").Element!.Id);
        Assert.Null(Endpoint.Resolve(n.Index(), "WEB", out var error));
        Assert.StartsWith("'WEB' names 2 instances in the inputs", error);
    }

    [Fact]
    public void Names_looked_up_in_a_file_are_only_that_file_elements()
    {
        var n = One();
        n.B.Instances[1] = n.B.Instances[1] with { Name = "Web", Location = new SourceLocation("other.yaml", 3, 1, 3, 10, "i-app") };
        var ri = ReachabilityIndex.For(n.Index());
        Assert.Equal(new[] { "i-web" }, ri.FindAllByName("Web", "net.yaml").Select(e => e.Id));
        Assert.Equal(new[] { "i-app" }, ri.FindAllByName("Web", "other.yaml").Select(e => e.Id));
        Assert.Equal(new[] { "i-web", "i-app" }, ri.FindAllByName("Web", null).Select(e => e.Id));
        Assert.Empty(ri.FindAllByName("Web", "third.yaml"));
        Assert.Empty(ri.FindAllByName("Nobody", null));
    }

    [Fact]
    public void Vpc_overlap_is_any_shared_address()
    {
        var ri = ReachabilityIndex.For(One().Index());
        Assert.True(ri.OverlapsAnyVpc(Cidr.Parse("10.0.0.0/8")));
        Assert.True(ri.OverlapsAnyVpc(Cidr.Parse("10.1.2.3/32")));
        Assert.False(ri.OverlapsAnyVpc(Cidr.Parse("10.2.0.0/16")));
    }

    [Fact]
    public void Subnets_are_found_by_their_associated_blocks_only()
    {
        var n = One();
        n.Subnet("subnet-old", "vpc-1", "10.1.1.0/24");
        n.B.Subnets[1] = n.B.Subnets[1] with { Ipv4Cidr = Net.C("10.1.1.0/24", n.Loc("old")) with { State = CidrAssociationState.Disassociated } };
        n.B.Subnets.Add(new Subnet("subnet-v6", n.Loc("v6"), "vpc-1") { Ipv6Cidrs = new[] { Net.C("2600:1f18::/64", n.Loc("v6 block")) } });
        var ri = ReachabilityIndex.For(n.Index());
        Assert.Equal("subnet-1", ri.SubnetContaining(Cidr.Parse("10.1.0.5/32"))!.Id);
        Assert.Null(ri.SubnetContaining(Cidr.Parse("10.1.1.5/32")));
        Assert.Equal("subnet-v6", ri.SubnetContaining(Cidr.Parse("2600:1f18::5/128"))!.Id);
    }

    [Fact]
    public void An_unassociated_elastic_ip_does_not_make_a_public_address_unknown()
    {
        var n = Net.Tutorial(o => o.PublicIp = false);
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-spare", n.Loc("spare")) { PublicIp = "198.51.100.99" });
        var r = ReachabilityEngineTests.Eval(n.Index(), "internet", "Instance - NextWork VPC 1", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.NoPublicIp, r.Code);
    }

    [Fact]
    public void An_elastic_ip_associated_with_something_unnamed_makes_a_public_address_unknown()
    {
        var n = Net.Tutorial(o => o.PublicIp = false);
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-x", n.Loc("x")) { PublicIp = "198.51.100.99", AssociationUnknown = true });
        var r = ReachabilityEngineTests.Eval(n.Index(), "internet", "Instance - NextWork VPC 1", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
    }

    // ---- Network ACL order ----

    [Fact]
    public void Acl_entries_sort_by_rule_number_then_input_order_one_direction_at_a_time()
    {
        var n = new Net();
        var entries = new[]
        {
            n.Entry(200, false, -1, AclAction.Allow, "10.0.0.0/8"),
            n.Entry(100, false, -1, AclAction.Deny, "10.1.0.0/16"),
            n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"),
            n.Entry(100, false, -1, AclAction.Allow, "10.2.0.0/16"),
            n.Entry(50, true, -1, AclAction.Deny, "10.3.0.0/16"),
        };
        var acl = n.Acl("acl-1", "vpc-1", Array.Empty<string>(), entries);
        Assert.Equal(new[] { entries[1], entries[3], entries[0] }, ReachabilityIndex.Sort(acl, egress: false));
        Assert.Equal(new[] { entries[4], entries[2] }, ReachabilityIndex.Sort(acl, egress: true));
    }

    [Fact]
    public void Many_acl_entries_with_one_rule_number_keep_their_input_order()
    {
        var n = new Net();
        var entries = Enumerable.Range(0, 40).Select(i => n.Entry(100, false, -1, i % 2 == 0 ? AclAction.Allow : AclAction.Deny, $"10.{i}.0.0/16")).ToArray();
        var acl = n.Acl("acl-1", "vpc-1", Array.Empty<string>(), entries);
        Assert.Equal(entries, ReachabilityIndex.Sort(acl, egress: false));
        Assert.Empty(ReachabilityIndex.Sort(acl, egress: true));
    }

    // ---- Result ----

    private static Hop H(HopVerdict v, string id, string? code = null) =>
        new(HopKind.RouteTable, HopDirection.Forward, id, id, SourceLocation.None, v, "why") { Code = code };

    [Fact]
    public void Result_without_blocking_or_unknown_hops_has_empty_lists_and_no_code()
    {
        var q = Create("Web", "App", "icmp", null, out _)!;
        var r = new ReachabilityResult(q, ReachabilityVerdict.Reachable, new[] { H(HopVerdict.Allowed, "a") });
        Assert.NotNull(r.BlockingHops);
        Assert.Empty(r.BlockingHops);
        Assert.NotNull(r.UnknownHops);
        Assert.Empty(r.UnknownHops);
        Assert.Null(r.BlockingHop);
        Assert.Null(r.Code);
    }

    [Fact]
    public void Result_filters_hops_by_verdict_in_path_order()
    {
        var q = Create("Web", "App", "icmp", null, out _)!;
        var hops = new[] { H(HopVerdict.Allowed, "a"), H(HopVerdict.Unknown, "u1", "U"), H(HopVerdict.Blocked, "b1", "B1"), H(HopVerdict.Blocked, "b2", "B2"), H(HopVerdict.Unknown, "u2") };
        var r = new ReachabilityResult(q, ReachabilityVerdict.NotReachable, hops);
        Assert.Equal(new[] { "b1", "b2" }, r.BlockingHops.Select(h => h.ElementId));
        Assert.Equal(new[] { "u1", "u2" }, r.UnknownHops.Select(h => h.ElementId));
        Assert.Equal("b1", r.BlockingHop!.ElementId);
        Assert.Equal("B1", r.Code);
        Assert.Equal("Forward RouteTable b1: Blocked: why", r.BlockingHop.ToString());
    }
}
