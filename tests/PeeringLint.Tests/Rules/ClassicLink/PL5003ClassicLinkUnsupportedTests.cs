using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.ClassicLink;

public sealed class PL5003ClassicLinkUnsupportedTests
{
    [Fact]
    public void Classic_link_option_across_regions_is_an_error()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16, region: us-east-1 }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0far, region: eu-west-1, cidr: 10.9.0.0/16 }
    requester_options: [|{ allow_egress_from_local_classic_link_to_remote_vpc: true }|]
", "PL5003");
        Assert.Equal(Severity.Error, findings.Single().Severity);
    }

    [Fact]
    public void Classic_link_in_one_region_is_a_retirement_note()
    {
        var findings = RuleVerifier.Verify(@"region: us-east-1
vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
  - { name: b, cidr: 10.2.0.0/16 }
peerings:
  - name: p
    requester: a
    accepter: b
    accepter_options: [|{ allow_egress_from_local_vpc_to_remote_classic_link: true }|]
", "PL5003");
        Assert.Equal(Severity.Note, findings.Single().Severity);
    }

    [Fact]
    public void No_classic_link_is_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
  - { name: b, cidr: 10.2.0.0/16 }
peerings:
  - { name: p, requester: a, accepter: b, accepter_options: { allow_dns_resolution_from_remote_vpc: true } }
", "PL5003");
}
