using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The decisions of <see cref="Traffic"/>: the request a query names, the reply a stateless filter sees, the protocol
/// names, the text, and whether a rule's protocol and port range (or ICMP type and code) covers the traffic
/// (mutation testing, issue 22; docs/quality.md).
/// </summary>
public sealed class TrafficDecisionTests
{
    [Theory]
    [InlineData(Traffic.Tcp, 22, Traffic.Tcp, 22, 22, null)]
    [InlineData(Traffic.Tcp, null, Traffic.Tcp, 0, 65535, null)]
    [InlineData(Traffic.Udp, 53, Traffic.Udp, 53, 53, null)]
    [InlineData(Traffic.Udp, null, Traffic.Udp, 0, 65535, null)]
    [InlineData(Traffic.Icmp, null, Traffic.Icmp, 0, 0, 8)]
    [InlineData(Traffic.Icmp, 0, Traffic.Icmp, 0, 0, 0)]
    [InlineData(Traffic.Icmp, 3, Traffic.Icmp, 0, 0, 3)]
    [InlineData(Traffic.Icmpv6, null, Traffic.Icmpv6, 0, 0, 128)]
    [InlineData(Traffic.Icmpv6, 1, Traffic.Icmpv6, 0, 0, 1)]
    [InlineData(Traffic.All, null, Traffic.All, 0, 65535, null)]
    [InlineData(Traffic.All, 22, Traffic.All, 0, 65535, null)]
    [InlineData(50, 7, 50, 0, 65535, null)]
    public void A_request_takes_its_port_or_icmp_type_only_from_protocols_that_have_one(int protocol, int? port, int p, int from, int to, int? type) =>
        Assert.Equal(new Traffic(p, from, to, type), Traffic.Request(protocol, port));

    [Theory]
    [InlineData(Traffic.Tcp, 22, 22, null, Traffic.Tcp, 1024, 65535, null)]
    [InlineData(Traffic.Udp, 0, 65535, null, Traffic.Udp, 1024, 65535, null)]
    [InlineData(Traffic.Icmp, 0, 0, 8, Traffic.Icmp, 0, 0, 0)]
    [InlineData(Traffic.Icmp, 0, 0, 13, Traffic.Icmp, 0, 0, 14)]
    [InlineData(Traffic.Icmp, 0, 0, 15, Traffic.Icmp, 0, 0, 16)]
    [InlineData(Traffic.Icmp, 0, 0, 17, Traffic.Icmp, 0, 0, 18)]
    [InlineData(Traffic.Icmp, 0, 0, 3, Traffic.Icmp, 0, 0, null)]
    [InlineData(Traffic.Icmp, 0, 0, 128, Traffic.Icmp, 0, 0, null)]
    [InlineData(Traffic.Icmp, 0, 0, null, Traffic.Icmp, 0, 0, null)]
    [InlineData(Traffic.Icmpv6, 0, 0, 128, Traffic.Icmpv6, 0, 0, 129)]
    [InlineData(Traffic.Icmpv6, 0, 0, 8, Traffic.Icmpv6, 0, 0, null)]
    [InlineData(Traffic.All, 0, 65535, null, Traffic.All, 0, 65535, null)]
    [InlineData(50, 0, 65535, null, 50, 0, 65535, null)]
    public void The_reply_goes_to_ephemeral_ports_or_is_the_matching_icmp_reply(int protocol, int from, int to, int? type, int rp, int rf, int rt, int? rtype) =>
        Assert.Equal(new Traffic(rp, rf, rt, rtype), new Traffic(protocol, from, to, type).Reply());

    [Theory]
    [InlineData(null, null)]
    [InlineData("ssh", Traffic.Tcp)]
    [InlineData(" SSH ", Traffic.Tcp)]
    [InlineData("http", Traffic.Tcp)]
    [InlineData("HTTPS", Traffic.Tcp)]
    [InlineData("ping", Traffic.Icmp)]
    [InlineData("Ping", Traffic.Icmp)]
    [InlineData("icmpv4", Traffic.Icmp)]
    [InlineData("any", Traffic.All)]
    [InlineData("ANY", Traffic.All)]
    [InlineData("tcp", Traffic.Tcp)]
    [InlineData("udp", Traffic.Udp)]
    [InlineData("icmp", Traffic.Icmp)]
    [InlineData("icmpv6", Traffic.Icmpv6)]
    [InlineData("-1", Traffic.All)]
    [InlineData("all", Traffic.All)]
    [InlineData("50", 50)]
    [InlineData("telnet", null)]
    public void Protocol_names_aliases_and_numbers_parse(string? text, int? expected) =>
        Assert.Equal(expected, Traffic.ParseProtocol(text));

    [Theory]
    [InlineData(Traffic.All, "all traffic")]
    [InlineData(Traffic.Tcp, "TCP")]
    [InlineData(Traffic.Udp, "UDP")]
    [InlineData(Traffic.Icmp, "ICMP")]
    [InlineData(Traffic.Icmpv6, "ICMPv6")]
    [InlineData(50, "protocol 50")]
    public void Protocol_names_read_as_aws_writes_them(int protocol, string expected) =>
        Assert.Equal(expected, Traffic.ProtocolName(protocol));

    [Theory]
    [InlineData(Traffic.Tcp, 22, 22, null, "TCP/22")]
    [InlineData(Traffic.Udp, 1024, 65535, null, "UDP ports 1024-65535")]
    [InlineData(Traffic.Icmp, 0, 0, null, "ICMP any type")]
    [InlineData(Traffic.Icmp, 0, 0, 8, "ICMP echo request")]
    [InlineData(Traffic.Icmp, 0, 0, 0, "ICMP echo reply")]
    [InlineData(Traffic.Icmpv6, 0, 0, 128, "ICMPv6 echo request")]
    [InlineData(Traffic.Icmpv6, 0, 0, 129, "ICMPv6 echo reply")]
    [InlineData(Traffic.Icmp, 0, 0, 3, "ICMP type 3")]
    [InlineData(Traffic.All, 0, 65535, null, "all traffic")]
    [InlineData(50, 0, 65535, null, "protocol 50")]
    public void Traffic_reads_as_protocol_and_port_or_icmp_type(int protocol, int from, int to, int? type, string expected) =>
        Assert.Equal(expected, new Traffic(protocol, from, to, type).ToString());

    [Theory]
    [InlineData(Traffic.Tcp, true, false)]
    [InlineData(Traffic.Udp, true, false)]
    [InlineData(Traffic.Icmp, false, true)]
    [InlineData(Traffic.Icmpv6, false, true)]
    [InlineData(Traffic.All, false, false)]
    [InlineData(50, false, false)]
    public void Only_tcp_and_udp_have_ports_and_only_icmp_has_types(int protocol, bool ports, bool icmp)
    {
        var t = new Traffic(protocol, 0, 0, null);
        Assert.Equal(ports, t.HasPorts);
        Assert.Equal(icmp, t.IsIcmp);
    }

    // TCP 100-200 against rules: (protocol, from, to).
    [Theory]
    [InlineData(null, 100, 200, Tri.Unknown)]
    [InlineData(Traffic.All, null, null, Tri.Yes)]
    [InlineData(Traffic.Udp, 100, 200, Tri.No)]
    [InlineData(Traffic.Tcp, null, 200, Tri.Unknown)]
    [InlineData(Traffic.Tcp, 100, null, Tri.Unknown)]
    [InlineData(Traffic.Tcp, -1, -1, Tri.Yes)]
    [InlineData(Traffic.Tcp, -1, 50, Tri.No)]
    [InlineData(Traffic.Tcp, 300, -1, Tri.No)]
    [InlineData(Traffic.Tcp, 100, 200, Tri.Yes)]
    [InlineData(Traffic.Tcp, 99, 201, Tri.Yes)]
    [InlineData(Traffic.Tcp, 101, 200, Tri.Unknown)]
    [InlineData(Traffic.Tcp, 100, 199, Tri.Unknown)]
    [InlineData(Traffic.Tcp, 0, 99, Tri.No)]
    [InlineData(Traffic.Tcp, 0, 100, Tri.Unknown)]
    [InlineData(Traffic.Tcp, 200, 300, Tri.Unknown)]
    [InlineData(Traffic.Tcp, 201, 300, Tri.No)]
    [InlineData(Traffic.Tcp, 150, 160, Tri.Unknown)]
    public void A_port_rule_covers_the_whole_range_part_of_it_or_none(int? protocol, int? from, int? to, Tri expected) =>
        Assert.Equal(expected, new Traffic(Traffic.Tcp, 100, 200, null).MatchedBy(protocol, from, to));

    [Theory]
    [InlineData(Traffic.Tcp, 22, 22, Tri.Yes)]
    [InlineData(Traffic.Tcp, 23, 23, Tri.No)]
    [InlineData(Traffic.Tcp, 21, 21, Tri.No)]
    [InlineData(Traffic.Tcp, 22, 23, Tri.Yes)]
    [InlineData(Traffic.Tcp, 21, 22, Tri.Yes)]
    public void A_single_port_is_covered_at_the_edges_of_a_rule(int protocol, int from, int to, Tri expected) =>
        Assert.Equal(expected, new Traffic(Traffic.Tcp, 22, 22, null).MatchedBy(protocol, from, to));

    [Theory]
    [InlineData(Traffic.All, Tri.Yes)]
    [InlineData(Traffic.Tcp, Tri.Unknown)]
    [InlineData(Traffic.Icmp, Tri.Unknown)]
    [InlineData(null, Tri.Unknown)]
    public void All_traffic_is_covered_only_by_an_all_traffic_rule(int? protocol, Tri expected) =>
        Assert.Equal(expected, new Traffic(Traffic.All, 0, 65535, null).MatchedBy(protocol, -1, -1));

    [Theory]
    [InlineData(50, Tri.Yes)]
    [InlineData(51, Tri.No)]
    [InlineData(Traffic.Tcp, Tri.No)]
    public void Another_protocol_is_covered_by_a_rule_for_its_number_whatever_the_ports(int protocol, Tri expected) =>
        Assert.Equal(expected, new Traffic(50, 0, 65535, null).MatchedBy(protocol, 7, 9));

    // ICMP echo request (type 8) against rules: (type, code).
    [Theory]
    [InlineData(null, -1, Tri.Unknown)]
    [InlineData(-1, null, Tri.Yes)]
    [InlineData(-1, 5, Tri.Yes)]
    [InlineData(8, null, Tri.Yes)]
    [InlineData(8, -1, Tri.Yes)]
    [InlineData(8, 0, Tri.Yes)]
    [InlineData(8, 1, Tri.No)]
    [InlineData(7, -1, Tri.No)]
    [InlineData(9, -1, Tri.No)]
    public void An_icmp_rule_decides_by_type_then_code(int? type, int? code, Tri expected) =>
        Assert.Equal(expected, new Traffic(Traffic.Icmp, 0, 0, 8).MatchedBy(Traffic.Icmp, type, code));

    [Theory]
    [InlineData(-1, -1, Tri.Yes)]
    [InlineData(8, -1, Tri.Unknown)]
    [InlineData(null, -1, Tri.Unknown)]
    public void Icmp_of_any_type_is_covered_only_by_a_rule_for_every_type(int? type, int? code, Tri expected) =>
        Assert.Equal(expected, new Traffic(Traffic.Icmp, 0, 0, null).MatchedBy(Traffic.Icmp, type, code));

    [Theory]
    [InlineData(Traffic.Icmp, 0)]
    [InlineData(Traffic.Icmp, 8)]
    [InlineData(Traffic.Icmp, 13)]
    [InlineData(Traffic.Icmp, 14)]
    [InlineData(Traffic.Icmp, 15)]
    [InlineData(Traffic.Icmp, 16)]
    [InlineData(Traffic.Icmp, 17)]
    [InlineData(Traffic.Icmp, 18)]
    [InlineData(Traffic.Icmpv6, 128)]
    [InlineData(Traffic.Icmpv6, 129)]
    public void Types_with_the_one_code_zero_are_decided_by_a_code_rule(int protocol, int type)
    {
        var t = new Traffic(protocol, 0, 0, type);
        Assert.Equal(Tri.Yes, t.MatchedBy(protocol, type, 0));
        Assert.Equal(Tri.No, t.MatchedBy(protocol, type, 1));
    }

    [Theory]
    [InlineData(Traffic.Icmp, 3)]
    [InlineData(Traffic.Icmp, 11)]
    [InlineData(Traffic.Icmp, 128)]
    [InlineData(Traffic.Icmp, 129)]
    [InlineData(Traffic.Icmpv6, 1)]
    [InlineData(Traffic.Icmpv6, 0)]
    [InlineData(Traffic.Icmpv6, 8)]
    public void Types_with_several_codes_stay_unknown_for_a_code_rule(int protocol, int type)
    {
        var t = new Traffic(protocol, 0, 0, type);
        Assert.Equal(Tri.Unknown, t.MatchedBy(protocol, type, 0));
        Assert.Equal(Tri.Unknown, t.MatchedBy(protocol, type, 1));
    }

    [Theory]
    [InlineData(Traffic.Icmp, Traffic.Icmpv6)]
    [InlineData(Traffic.Icmpv6, Traffic.Icmp)]
    public void An_icmp_rule_of_the_other_ip_version_covers_nothing(int traffic, int rule) =>
        Assert.Equal(Tri.No, new Traffic(traffic, 0, 0, null).MatchedBy(rule, -1, -1));
}
