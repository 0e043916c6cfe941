using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.ClassicLink;

public sealed class PL5002ClassicLinkMainTableRouteMissingTests
{
    // VPC A (172.31.0.0/16) has a linked EC2-Classic instance; the linked instance uses only the main table.
    internal static string Doc(string mainRoutes, string customRoutes) => $@"vpcs:
  - name: vpc-a
    cidr: 172.31.0.0/16
    classic_link: true
    route_tables:
      - name: main-a
        main: true
        routes:
{mainRoutes}      - name: custom-a
        routes:
{customRoutes}  - {{ name: vpc-b, cidr: 192.168.0.0/16 }}
peerings:
  - name: pcx
    requester: vpc-a
    accepter: vpc-b
    requester_options: [|{{ allow_egress_from_local_classic_link_to_remote_vpc: true }}|]
";

    [Fact]
    public void Peer_route_only_in_a_custom_table_is_reported() =>
        RuleVerifier.Verify(Doc("          - { destination: 172.31.0.0/16, target: local }\n", "          - { destination: 192.168.0.0/16, target: pcx }\n"), "PL5002");

    [Fact]
    public void Peer_route_in_the_main_table_is_silent() =>
        RuleVerifier.Verify(Doc("          - { destination: 192.168.0.0/16, target: pcx }\n", string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5002");

    [Fact]
    public void Main_table_route_to_the_peer_ipv6_block_only_is_reported_because_classic_is_ipv4_only()
    {
        string doc = Doc("          - { destination: 2600:1f18:b::/56, target: pcx }\n", string.Empty)
            .Replace("{ name: vpc-b, cidr: 192.168.0.0/16 }", "{ name: vpc-b, cidr: 192.168.0.0/16, ipv6_cidr: 2600:1f18:b::/56 }")
            .Replace("cidr: 172.31.0.0/16\n", "cidr: 172.31.0.0/16\n    ipv6_cidr: 2600:1f18:a::/56\n");
        var findings = RuleVerifier.Verify(doc, "PL5002");
        Assert.Contains("no route for 192.168.0.0/16 over the connection", findings[0].Message);
        Assert.DoesNotContain("2600:", findings[0].Message);
    }

    [Fact]
    public void Main_table_ipv4_route_with_an_ipv6_peer_is_silent() =>
        RuleVerifier.Verify(Doc("          - { destination: 192.168.0.0/16, target: pcx }\n", string.Empty)
            .Replace("{ name: vpc-b, cidr: 192.168.0.0/16 }", "{ name: vpc-b, cidr: 192.168.0.0/16, ipv6_cidr: 2600:1f18:b::/56 }")
            .Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5002");

    [Fact]
    public void Peer_whose_cidr_is_unknown_is_silent() =>
        RuleVerifier.Verify(Doc(string.Empty, string.Empty)
            .Replace("  - { name: vpc-b, cidr: 192.168.0.0/16 }\n", string.Empty)
            .Replace("accepter: vpc-b", "accepter: { vpc: vpc-0ext, account: \"222222222222\" }")
            .Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5002");
}
