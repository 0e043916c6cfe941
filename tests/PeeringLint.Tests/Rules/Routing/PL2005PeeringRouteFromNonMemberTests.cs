using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2005PeeringRouteFromNonMemberTests
{
    private static string Doc(string target) => $@"vpcs:
  - {{ name: a, cidr: 10.1.0.0/16 }}
  - {{ name: b, cidr: 10.2.0.0/16 }}
  - name: c
    cidr: 10.3.0.0/16
    route_tables:
      - name: rc
        routes:
          - {target}
peerings:
  - {{ name: a-b, requester: a, accepter: b }}
  - {{ name: b-c, requester: b, accepter: c }}
";

    [Fact]
    public void Route_over_a_peering_of_other_vpcs_is_reported() =>
        RuleVerifier.Verify(Doc("[|{ destination: 10.1.0.0/16, target: a-b }|]"), "PL2005");

    [Fact]
    public void Route_over_own_peering_is_silent() =>
        RuleVerifier.Verify(Doc("{ destination: 10.2.0.0/16, target: b-c }"), "PL2005");
}
