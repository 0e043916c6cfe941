using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

public sealed class PL4002PeeringCarriesNothingTests
{
    internal static string Doc(string rules2, string status = "active", string route1 = "10.2.0.0/16") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: {route1}, target: p }}
    security_groups:
      - name: default
        ingress:
          - {{ type: all-traffic, source: 10.2.0.0/16 }}
    instances:
      - {{ name: i1, subnet: sub1 }}
  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - {{ name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }}
    route_tables:
      - name: rtb2
        routes:
          - {{ destination: 10.1.0.0/16, target: p }}
    security_groups:
      - name: default
{rules2}    instances:
      - {{ name: i2, subnet: sub2 }}
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2, status: {status} }}
";

    private const string Mark = "  - [|{ name: p, requester: vpc1, accepter: vpc2, status: active }|]\n";

    [Fact]
    public void Side_whose_groups_admit_nothing_from_the_peer_is_reported()
    {
        var doc = Doc(string.Empty).Replace("  - { name: p, requester: vpc1, accepter: vpc2, status: active }\n", Mark);
        var f = RuleVerifier.Verify(doc, "PL4002");
        Assert.Contains("'vpc2'", f[0].Message);
        Assert.Contains("carries nothing", f[0].Message);
    }

    [Fact]
    public void Finding_names_the_group_to_open_and_the_peer_cidr()
    {
        var doc = Doc(string.Empty).Replace("  - { name: p, requester: vpc1, accepter: vpc2, status: active }\n", Mark);
        var f = RuleVerifier.Verify(doc, "PL4002");
        Assert.Equal("vpc2/default", f[0].Properties["securityGroup"]);
        Assert.Equal("10.1.0.0/16", f[0].Properties["peerCidr"]);
    }

    [Fact]
    public void Peer_with_two_ipv4_blocks_gets_no_peer_cidr_property()
    {
        var doc = Doc(string.Empty)
            .Replace("  - name: vpc1\n    cidr: 10.1.0.0/16\n", "  - name: vpc1\n    cidr: [10.1.0.0/16, 10.9.0.0/16]\n")
            .Replace("  - { name: p, requester: vpc1, accepter: vpc2, status: active }\n", Mark);
        var f = RuleVerifier.Verify(doc, "PL4002");
        Assert.True(f[0].Properties.ContainsKey("securityGroup"));
        Assert.False(f[0].Properties.ContainsKey("peerCidr"));
    }

    [Theory]
    [InlineData("        ingress:\n          - { type: all-icmp-ipv4, source: 10.1.0.0/16 }\n")]
    [InlineData("        ingress:\n          - { type: ssh, source: 0.0.0.0/0 }\n")]
    [InlineData("        ingress:\n          - { type: ssh, source: 10.1.0.0/24 }\n")]
    public void Side_admitting_some_peer_traffic_is_silent(string rules) => RuleVerifier.Verify(Doc(rules), "PL4002");

    [Fact]
    public void Inactive_peering_is_silent() => RuleVerifier.Verify(Doc(string.Empty, "pending-acceptance"), "PL4002");

    [Fact]
    public void Peering_routed_one_way_only_is_silent() => RuleVerifier.Verify(Doc(string.Empty, route1: "10.3.0.0/16"), "PL4002");

    [Fact]
    public void Prefix_list_rule_is_unknown_and_silent() =>
        RuleVerifier.Verify(Doc("        ingress:\n          - { type: ssh, source: pl-0e4bcff02b13bef1e }\n"), "PL4002");
}
