using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Exposure;

public sealed class PL3003UnassociatedElasticIpTests
{
    private const string Vpc = @"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    subnets:
      - { name: sub1, cidr: 10.1.0.0/24 }
    instances:
      - { name: web1, subnet: sub1 }
";

    [Fact]
    public void Idle_elastic_ip_is_reported()
    {
        var f = RuleVerifier.Verify(Vpc + "elastic_ips:\n  - [|{ name: e1, public_ip: 198.51.100.7 }|]\n", "PL3003");
        Assert.Contains("billed while idle", f[0].Message);
    }

    [Fact]
    public void Associated_elastic_ip_is_silent() =>
        RuleVerifier.Verify(Vpc + "elastic_ips:\n  - { name: e1, public_ip: 198.51.100.7, instance: web1 }\n", "PL3003");

    [Fact]
    public void Elastic_ip_with_unknown_association_is_silent()
    {
        var model = new PeeringLint.Model.NetworkModelBuilder();
        model.ElasticIps.Add(new PeeringLint.Model.ElasticIp("eip-1", PeeringLint.Model.SourceLocation.None) { AssociationUnknown = true });
        var result = PeeringLint.Engine.LintEngine.Run(model.Build(), null, new[] { PeeringLint.Engine.RuleCatalog.Find("PL3003")! });
        Assert.Empty(result.Findings);
    }
}
