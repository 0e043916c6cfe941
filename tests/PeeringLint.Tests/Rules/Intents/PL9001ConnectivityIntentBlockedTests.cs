using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Intents;

public sealed class PL9001ConnectivityIntentBlockedTests
{
    internal static string Doc(string group2, string status = "active", string pub = "auto") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 0.0.0.0/0, target: igw1 }}
          - {{ destination: 10.2.0.0/16, target: p }}
    instances:
      - {{ name: i1, subnet: sub1, private_ip: 10.1.0.10, public_ip: {pub} }}
  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - {{ name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }}
    route_tables:
      - name: rtb2
        routes:
          - {{ destination: 10.1.0.0/16, target: p }}
    security_groups:
{group2}    instances:
      - {{ name: i2, subnet: sub2, private_ip: 10.2.0.20 }}
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2, status: {status} }}
intents:
  - {{ name: ping, from: i1, to: i2, protocol: icmp }}
";

    internal const string IcmpOpen = "      - name: default\n        ingress:\n          - { type: all-icmp-ipv4, source: 10.1.0.0/16 }\n";

    [Fact]
    public void Blocked_intent_is_reported_at_the_blocking_group()
    {
        var f = RuleVerifier.Verify(Doc("      - [|name: default|]\n"), "PL9001");
        Assert.Equal(Severity.Error, f[0].Severity);
        Assert.Contains("security group 'default' (vpc2/default) of instance 'i2' admits no ICMP echo request from instance 'i1'", f[0].Message);
        Assert.Contains("add an inbound rule All ICMP - IPv4 from 10.1.0.0/16", f[0].Message);
        Assert.Equal("ENI_SG_RULES_MISMATCH", f[0].Properties["reasonCode"]);
        Assert.Single(f[0].Steps, s => s.Blocks);
        Assert.Contains(f[0].Related, r => r.Message.Contains("intent 'ping'"));
    }

    [Fact]
    public void Pending_peering_is_reported_at_the_peering_status() =>
        RuleVerifier.Verify(Doc(IcmpOpen, "pending-acceptance").Replace("status: pending-acceptance }", "status: [|pending-acceptance|] }"), "PL9001");

    [Fact]
    public void Satisfied_intent_is_silent() => RuleVerifier.Verify(Doc(IcmpOpen), "PL9001");

    [Fact]
    public void Intent_that_depends_on_an_unknown_is_a_note_not_an_error()
    {
        var yaml = Doc("      - name: default\n        ingress:\n          - { type: all-icmp-ipv4, source: pl-0e4bcff02b13bef1e }\n");
        var f = Assert.Single(RuleVerifier.Run(yaml, "PL9001"));
        Assert.Equal(Severity.Note, f.Severity);
        Assert.Contains("cannot be verified", f.Message);
    }

    [Fact]
    public void Unresolvable_intent_is_not_a_finding() =>
        Assert.Empty(RuleVerifier.Run(Doc("      - name: default\n").Replace("to: i2", "to: i9"), "PL9001"));
}
