using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Security;

public sealed class PL4005CrossRegionGroupReferenceTests
{
    private static string Doc(string region2, string rule = "          - [|{ type: all-icmp-ipv4, source: sg-0aaa1111bbbb2222c }|]\n") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    region: us-east-1
    security_groups:
      - {{ name: app, id: sg-0aaa1111bbbb2222c }}
  - name: vpc2
    cidr: 10.2.0.0/16
    region: {region2}
    security_groups:
      - name: db
        ingress:
{rule}peerings:
  - {{ name: p, requester: vpc1, accepter: vpc2 }}
";

    [Fact]
    public void Reference_across_regions_is_reported()
    {
        var f = RuleVerifier.Verify(Doc("eu-west-1"), "PL4005");
        Assert.Contains("another Region", f[0].Message);
    }

    [Fact]
    public void Reference_in_the_same_region_is_silent() =>
        RuleVerifier.Verify(Doc("us-east-1", "          - { type: all-icmp-ipv4, source: sg-0aaa1111bbbb2222c }\n"), "PL4005");

    [Fact]
    public void Cidr_rule_across_regions_is_silent() =>
        RuleVerifier.Verify(Doc("eu-west-1", "          - { type: all-icmp-ipv4, source: 10.1.0.0/16 }\n"), "PL4005");

    [Fact]
    public void Reference_to_a_group_not_in_the_input_is_silent() =>
        RuleVerifier.Verify(Doc("eu-west-1", "          - { type: all-icmp-ipv4, source: sg-0fff0000ffff0000f }\n"), "PL4005");
}
