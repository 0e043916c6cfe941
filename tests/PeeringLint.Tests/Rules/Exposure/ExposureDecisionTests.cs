using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Exposure;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of an
/// exposure rule that the other tests left open.
/// </summary>
public sealed class PL3002DecisionTests
{
    private static string Doc(string routes, string igws = "    internet_gateway: igw1\n") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
{igws}    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
{routes}    instances:
      - {{ name: web1, subnet: sub1, public_ip: auto }}
  - name: vpc2
    cidr: 10.2.0.0/16
    internet_gateway: igw2
";

    [Theory]
    [InlineData("          - { destination: 0.0.0.0/0, target: igw1, state: blackhole }\n", "sends 0.0.0.0/0 to 'igw1', a blackhole")]
    [InlineData("          - { destination: 0.0.0.0/0, target: igw2 }\n", "sends 0.0.0.0/0 to internet gateway 'igw2', which is not attached to the VPC")]
    [InlineData("          - { destination: 0.0.0.0/0, target: nat-0123456789abcdef0 }\n", "sends 0.0.0.0/0 to 'nat-0123456789abcdef0', not to an internet gateway")]
    public void The_message_says_why_the_default_route_does_not_reach_the_internet(string route, string why)
    {
        var f = Assert.Single(RuleVerifier.Run(Doc(route), "PL3002"));
        Assert.Contains(why, f.Message);
        Assert.Contains("has a public IPv4 address", f.Message);
    }
}

public sealed class PL3003DecisionTests
{
    private const string Vpc = "vpcs:\n  - name: vpc1\n    cidr: 10.1.0.0/16\n";

    [Fact]
    public void A_named_elastic_ip_shows_its_address()
    {
        var f = Assert.Single(RuleVerifier.Run(Vpc + "elastic_ips:\n  - { name: e1, public_ip: 198.51.100.7 }\n", "PL3003"));
        Assert.Contains("(198.51.100.7) is allocated", f.Message);
    }

    [Fact]
    public void An_elastic_ip_named_by_its_address_does_not_repeat_it()
    {
        var f = Assert.Single(RuleVerifier.Run(Vpc + "elastic_ips:\n  - { name: 198.51.100.7, public_ip: 198.51.100.7 }\n", "PL3003"));
        Assert.DoesNotContain("(198.51.100.7)", f.Message);
    }
}
