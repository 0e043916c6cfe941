using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Exposure;

public sealed class PL3001PublicSubnetInstanceWithoutPublicIpTests
{
    internal static string Doc(string instance, string route = "          - { destination: 0.0.0.0/0, target: igw1 }\n", string extra = "") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - {{ name: public1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
{route}    instances:
{instance}{extra}";

    [Fact]
    public void Instance_in_public_subnet_without_public_ip_is_reported()
    {
        var f = RuleVerifier.Verify(Doc("      - { name: web1, subnet: public1, public_ip: [|none|] }\n"), "PL3001");
        Assert.Contains("no public IPv4 address and no Elastic IP", f[0].Message);
    }

    [Fact]
    public void Instance_without_public_ip_setting_is_reported_on_the_instance() =>
        RuleVerifier.Verify(Doc("      - [|{ name: web1, subnet: public1 }|]\n"), "PL3001");

    [Theory]
    [InlineData("      - { name: web1, subnet: public1, public_ip: auto }\n", "")]
    [InlineData("      - { name: web1, subnet: public1, public_ip: 203.0.113.5 }\n", "")]
    [InlineData("      - { name: web1, subnet: public1 }\n", "elastic_ips:\n  - { name: e1, public_ip: 198.51.100.7, instance: web1 }\n")]
    public void Instance_with_a_public_address_is_silent(string instance, string extra) =>
        RuleVerifier.Verify(Doc(instance, extra: extra), "PL3001");

    [Fact]
    public void Instance_in_private_subnet_is_silent() =>
        RuleVerifier.Verify(Doc("      - { name: db1, subnet: public1, public_ip: none }\n", route: "          - { destination: 10.9.0.0/16, target: local }\n"), "PL3001");

    [Fact]
    public void Unknown_route_target_is_silent() =>
        RuleVerifier.Verify(Doc("      - { name: web1, subnet: public1, public_ip: none }\n", route: "          - { destination: 0.0.0.0/0, target: tgw-0123456789abcdef0 }\n"), "PL3001");
}
