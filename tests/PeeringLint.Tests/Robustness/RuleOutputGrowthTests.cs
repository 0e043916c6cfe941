using System.Linq;
using System.Text;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>Issue 18, item 7: no rule reports one finding per pair of elements; findings grow with the input, not with its square.</summary>
public sealed class RuleOutputGrowthTests
{
    [Fact]
    public void Four_hundred_identical_subnets_give_one_finding_each_not_one_per_pair()
    {
        var sb = new StringBuilder("vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    subnets:\n");
        for (int i = 0; i < 400; i++)
        {
            sb.Append("      - { name: s").Append(i).Append(", cidr: 10.0.1.0/24 }\n");
        }

        var findings = RuleVerifier.Run(sb.ToString(), "PL1004");
        Assert.Equal(399, findings.Count);
        Assert.Equal(399, findings.Select(f => f.Location.StartLine).Distinct().Count());
        Assert.All(findings, f => Assert.Contains("overlaps subnet 's0'", f.Message));
    }

    [Fact]
    public void Nested_subnets_are_each_reported_once_against_the_outermost()
    {
        const string Yaml = "vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n    subnets:\n      - { name: big, cidr: 10.0.0.0/20 }\n      - { name: mid, cidr: 10.0.0.0/22 }\n      - { name: small, cidr: 10.0.1.0/24 }\n      - { name: apart, cidr: 10.0.64.0/24 }\n";
        var findings = RuleVerifier.Run(Yaml, "PL1004");
        Assert.Equal(2, findings.Count);
        Assert.Contains(findings, f => f.Message.StartsWith("Subnet 'mid' (10.0.0.0/22) overlaps subnet 'big'", System.StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Message.StartsWith("Subnet 'small' (10.0.1.0/24) overlaps subnet 'big'", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Two_thousand_peers_on_one_block_give_one_PL1003_finding()
    {
        var sb = new StringBuilder("vpcs:\n  - { name: hub, cidr: 10.250.0.0/16 }\n");
        for (int i = 0; i < 2000; i++)
        {
            sb.Append("  - { name: p").Append(i).Append(", cidr: 10.2.0.0/16 }\n");
        }

        sb.Append("peerings:\n");
        for (int i = 0; i < 2000; i++)
        {
            sb.Append("  - { name: hub-p").Append(i).Append(", requester: hub, accepter: p").Append(i).Append(" }\n");
        }

        var f = Assert.Single(RuleVerifier.Run(sb.ToString(), "PL1003"));
        Assert.Contains("and 1995 more", f.Message);
    }
}
