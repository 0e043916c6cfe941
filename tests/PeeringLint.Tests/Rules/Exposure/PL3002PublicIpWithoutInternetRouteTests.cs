using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Exposure;

public sealed class PL3002PublicIpWithoutInternetRouteTests
{
    internal static string Doc(string instance, string routes, string extra = "", string igw = "    internet_gateway: igw1\n") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
{igw}    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
{routes}    instances:
{instance}{extra}";

    [Fact]
    public void Public_ip_in_subnet_without_default_route_is_reported()
    {
        var f = RuleVerifier.Verify(Doc("      - { name: web1, subnet: sub1, public_ip: [|auto|] }\n", "          - { destination: 10.2.0.0/16, target: pcx-0123456789abcdef0 }\n"), "PL3002");
        Assert.Contains("has no route for 0.0.0.0/0", f[0].Message);
    }

    [Fact]
    public void Elastic_ip_in_subnet_routing_to_nat_is_reported_at_the_elastic_ip() =>
        RuleVerifier.Verify(
            Doc("      - { name: web1, subnet: sub1 }\n", "          - { destination: 0.0.0.0/0, target: nat-0123456789abcdef0 }\n", "elastic_ips:\n  - [|{ name: e1, public_ip: 198.51.100.7, instance: web1 }|]\n"),
            "PL3002");

    [Fact]
    public void Public_ip_in_public_subnet_is_silent() =>
        RuleVerifier.Verify(Doc("      - { name: web1, subnet: sub1, public_ip: auto }\n", "          - { destination: 0.0.0.0/0, target: igw1 }\n"), "PL3002");

    [Fact]
    public void No_public_ip_is_silent() =>
        RuleVerifier.Verify(Doc("      - { name: web1, subnet: sub1, public_ip: none }\n", "          - { destination: 10.2.0.0/16, target: pcx-0123456789abcdef0 }\n"), "PL3002");

    [Fact]
    public void Route_to_internet_gateway_missing_from_the_input_is_reported() =>
        RuleVerifier.Verify(Doc("      - { name: web1, subnet: sub1, public_ip: [|auto|] }\n", "          - { destination: 0.0.0.0/0, target: igw-0123456789abcdef0 }\n", igw: string.Empty), "PL3002");

    [Fact]
    public void Route_table_with_routes_the_input_does_not_show_is_silent()
    {
        var n = PeeringLint.Tests.Reachability.Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = new PeeringLint.Model.Route[0], RoutesIncomplete = true };
        var result = PeeringLint.Engine.LintEngine.Run(n.Build(), null, new[] { PeeringLint.Engine.RuleCatalog.Find("PL3002")! });
        Assert.Empty(result.Findings);
    }
}
