using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

public sealed class PL4003NetworkAclBlocksPeeringTrafficTests
{
    internal static string Doc(string acl) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1, network_acl: acl1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 10.2.0.0/16, target: p }}
    network_acls:
{acl}  - name: vpc2
    cidr: 10.2.0.0/16
peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2 }}
";

    [Fact]
    public void Explicit_deny_of_the_peer_range_is_reported()
    {
        var f = RuleVerifier.Verify(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: 0.0.0.0/0, action: allow }
        outbound:
          - [|{ rule: 50, type: all-traffic, cidr: 10.2.0.0/16, action: deny }|]
          - { rule: 100, type: all-traffic, cidr: 0.0.0.0/0, action: allow }
"), "PL4003");
        Assert.Contains("rule 50 denies it", f[0].Message);
    }

    [Fact]
    public void Rule_order_decides_allow_before_deny_is_silent() =>
        RuleVerifier.Verify(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: 0.0.0.0/0, action: allow }
        outbound:
          - { rule: 50, type: all-traffic, cidr: 0.0.0.0/0, action: allow }
          - { rule: 100, type: all-traffic, cidr: 10.2.0.0/16, action: deny }
"), "PL4003");

    [Fact]
    public void Missing_allow_before_implicit_deny_is_reported_on_the_acl() =>
        RuleVerifier.Verify(Doc(@"      - [|name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: 0.0.0.0/0, action: allow }|]
"), "PL4003");

    [Fact]
    public void Service_without_ephemeral_return_ports_is_reported()
    {
        var f = RuleVerifier.Verify(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }
          - { rule: 110, protocol: tcp, ports: 1024-65535, cidr: 10.2.0.0/16, action: allow }
        outbound:
          - { rule: 100, type: https, cidr: 0.0.0.0/0, action: allow }
          - [|{ rule: 200, protocol: tcp, ports: 1024-65535, cidr: 10.2.0.0/16, action: deny }|]
          - { rule: 300, type: all-traffic, cidr: 10.2.0.0/16, action: allow }
"), "PL4003");
        Assert.Contains("1024-65535", f[0].Message);
    }

    [Fact]
    public void Service_with_ephemeral_return_ports_is_silent() =>
        RuleVerifier.Verify(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: ssh, cidr: 10.2.0.0/16, action: allow }
        outbound:
          - { rule: 100, protocol: tcp, ports: 1024-65535, cidr: 10.2.0.0/16, action: allow }
"), "PL4003");

    [Fact]
    public void Partial_allow_is_unknown_and_silent() =>
        RuleVerifier.Verify(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: 10.2.5.0/24, action: allow }
        outbound:
          - { rule: 100, protocol: tcp, ports: 32768-65535, cidr: 10.2.0.0/16, action: allow }
"), "PL4003");

    private static string V6(string acl) => Doc(acl)
        .Replace("cidr: 10.1.0.0/16\n", "cidr: 10.1.0.0/16\n    ipv6_cidr: 2600:1f18:1::/56\n")
        .Replace("cidr: 10.2.0.0/16\npeerings", "cidr: 10.2.0.0/16\n    ipv6_cidr: 2600:1f18:2::/56\npeerings")
        .Replace("          - { destination: 10.2.0.0/16, target: p }\n", "          - { destination: 2600:1f18:2::/56, target: p }\n");

    [Fact]
    public void Ipv6_peering_route_through_an_acl_with_only_ipv4_rules_is_reported()
    {
        // A custom network ACL without ::/0 entries denies all IPv6 traffic.
        var f = RuleVerifier.Run(V6(@"      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: 0.0.0.0/0, action: allow }
        outbound:
          - { rule: 100, type: all-traffic, cidr: 0.0.0.0/0, action: allow }
"), "PL4003");
        Assert.Equal(2, f.Count);
        Assert.All(f, x => Assert.Contains("2600:1f18:2::/56", x.Message));
    }

    [Fact]
    public void Ipv6_peering_route_through_an_acl_allowing_ipv6_is_silent() =>
        RuleVerifier.Verify(V6(@"      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: ""::/0"", action: allow }
        outbound:
          - { rule: 100, type: all-traffic, cidr: ""::/0"", action: allow }
"), "PL4003");

    [Fact]
    public void Ipv4_peering_route_through_an_acl_allowing_only_ipv6_is_reported()
    {
        var f = RuleVerifier.Run(Doc(@"      - name: acl1
        inbound:
          - { rule: 100, type: all-traffic, cidr: ""::/0"", action: allow }
        outbound:
          - { rule: 100, type: all-traffic, cidr: ""::/0"", action: allow }
"), "PL4003");
        Assert.Equal(2, f.Count);
        Assert.All(f, x => Assert.Contains("10.2.0.0/16", x.Message));
    }
}
