using System.Linq;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Intents;

/// <summary>
/// Cases that decide between the alternatives surviving mutants chose (issue 22): each pins one decision of PL9001
/// that the other tests left open.
/// </summary>
public sealed class PL9001DecisionTests
{
    private const string Doc = @"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - { name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }
    route_tables:
      - name: rtb1
        routes:
          - { destination: 10.2.0.0/16, target: p }
    instances:
      - { name: i1, subnet: sub1, private_ip: 10.1.0.10 }
  - name: vpc2
    cidr: 10.2.0.0/16
    subnets:
      - { name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }
    route_tables:
      - name: rtb2
        routes:
          - { destination: 10.1.0.0/16, target: p }
    security_groups:
      - name: default
    instances:
      - { name: i2, subnet: sub2, private_ip: 10.2.0.20 }
peerings:
  - { name: p, requester: vpc1, accepter: vpc2, status: pending-acceptance }
intents:
  - { name: ping, from: i1, to: i2, protocol: icmp }
";

    [Fact]
    public void Every_blocking_hop_after_the_first_is_listed_and_related()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc, "PL9001"));
        Assert.Contains(" Further along the path, also: ", f.Message);
        Assert.EndsWith(".", f.Message);
        Assert.True(f.Related.Count >= 2, string.Join("; ", f.Related.Select(r => r.Message)));
        Assert.Contains(f.Related, r => r.Message.Contains("security group"));
    }

    [Fact]
    public void The_hops_property_numbers_each_hop_on_its_own_line_with_its_direction_and_reason_code()
    {
        var f = Assert.Single(RuleVerifier.Run(Doc, "PL9001"));
        var lines = f.Properties["hops"].Split('\n');
        Assert.True(lines.Length >= 2, f.Properties["hops"]);
        for (int i = 0; i < lines.Length; i++)
        {
            string number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(lines[i].StartsWith(number + ". forward ", System.StringComparison.Ordinal) || lines[i].StartsWith(number + ". return ", System.StringComparison.Ordinal), lines[i]);
        }

        Assert.StartsWith("1. forward ", lines[0]);
        Assert.Contains(lines, l => l.Contains(". return ", System.StringComparison.Ordinal));

        Assert.Contains(lines, l => l.Contains("BLOCKED (", System.StringComparison.Ordinal));
    }
}
