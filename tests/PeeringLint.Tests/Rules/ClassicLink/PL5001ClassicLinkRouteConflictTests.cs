using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.ClassicLink;

public sealed class PL5001ClassicLinkRouteConflictTests
{
    // The AWS ClassicLink page's scenario: VPC B enables egress to a remote ClassicLink; AWS adds 10.0.0.0/8 → local.
    internal static string Doc(string routeInB, bool enable = true) => $@"vpcs:
  - {{ name: vpc-a, cidr: 172.31.0.0/16, classic_link: true }}
  - name: vpc-b
    cidr: 192.168.0.0/16
    route_tables:
      - name: rtb-b
        routes:
          - {{ destination: 172.31.0.0/16, target: pcx }}
{routeInB}peerings:
  - name: pcx
    requester: vpc-a
    accepter: vpc-b
    accepter_options: [|{{ allow_egress_from_local_vpc_to_remote_classic_link: {(enable ? "true" : "false")} }}|]
";

    [Fact]
    public void Static_route_inside_ten_slash_eight_conflicts()
    {
        var findings = RuleVerifier.Verify(Doc("          - { destination: 10.5.0.0/16, target: pcx-0other }\n"), "PL5001");
        Assert.Contains("10.5.0.0/16", findings[0].Message);
        Assert.Single(findings[0].Related);
    }

    [Fact]
    public void Routes_outside_ten_slash_eight_do_not_conflict() =>
        RuleVerifier.Verify(Doc(string.Empty).Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5001");

    [Fact]
    public void Option_disabled_is_silent() =>
        RuleVerifier.Verify(Doc("          - { destination: 10.5.0.0/16, target: pcx-0other }\n", enable: false).Replace("[|", string.Empty).Replace("|]", string.Empty), "PL5001");
}
