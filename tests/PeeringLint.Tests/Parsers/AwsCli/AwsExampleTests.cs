using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>examples/aws-json: the NextWork tutorial's broken and working states as AWS CLI exports.</summary>
public sealed class AwsExampleTests
{
    private const string Tables = "examples/aws-json/nextwork-broken/describe-route-tables.json";

    [Fact]
    public void BrokenStateReportsMissingReturnRouteAndPendingPeering()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(TestPaths.Examples, "aws-json", "nextwork-broken"));
        Assert.Empty(result.Problems);
        Assert.Equal(11, result.Model.Files.Count);
        var lint = LintEngine.Run(result.Model);
        Assert.Empty(lint.Failures);

        // VPC 2's route 10.1.0.0/16 → pcx, shown as blackhole by AWS until the request is accepted (the route object at 117:17, its destination at 118:45):
        // no route back in NextWork-1-rtb-public (PL2001), and the peering is pending acceptance (PL2003).
        Assert.Equal(
            new[] { "PL2003 " + Tables + ":117:17", "PL2001 " + Tables + ":118:45" },
            lint.Findings.Where(f => f.RuleId != "PL3001").Select(f => f.RuleId + " " + f.Location).ToArray());

        // Both instances sit in public subnets without a public IPv4 address (the tutorial's step 5).
        Assert.Equal(2, lint.Findings.Count(f => f.RuleId == "PL3001"));
        var pl2001 = lint.Findings.Single(f => f.RuleId == "PL2001");
        Assert.Contains("NextWork-1-rtb-public", pl2001.Message, System.StringComparison.Ordinal);

        var m = result.Model;
        Assert.Equal(PeeringStatus.PendingAcceptance, m.PeeringConnections.Single().Status);
        Assert.All(m.Instances, i => Assert.Equal(PublicIpMode.None, i.PublicIp));
        Assert.Empty(m.ElasticIps);
        Assert.All(m.SecurityGroups, g => Assert.True(g.IsDefault && g.Ingress.Count == 1 && g.Ingress[0].PeerKind == SgPeerKind.SecurityGroup));
    }

    [Fact]
    public void WorkingStateHasNoErrorsOrWarnings()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(TestPaths.Examples, "aws-json", "nextwork-working"));
        Assert.Empty(result.Problems);
        var lint = LintEngine.Run(result.Model);
        Assert.Empty(lint.Failures);
        Assert.True(lint.Findings.All(f => f.Severity is not (Severity.Error or Severity.Warning)), AwsTestKit.Dump(lint.Findings));

        var m = result.Model;
        Assert.Equal(PeeringStatus.Active, m.PeeringConnections.Single().Status);
        var instance1 = m.Instances.Single(i => i.Name == "Instance - NextWork VPC 1");
        Assert.Equal((PublicIpMode.Assigned, "3.83.120.15"), (instance1.PublicIp, instance1.PublicIpAddress));
        Assert.Equal(instance1.Id, m.ElasticIps.Single().InstanceId);
        Assert.Contains(m.SecurityGroups[0].Ingress, r => r.Protocol == 6 && r.FromPort == 22 && r.Cidr?.Text == "0.0.0.0/0");
        Assert.Contains(m.SecurityGroups[1].Ingress, r => r.Protocol == 1 && r.Cidr?.Text == "10.1.0.0/16");
        Assert.All(m.Vpcs, v => Assert.Equal(("123456789012", "us-east-1"), (v.Account, v.Region)));
    }
}
