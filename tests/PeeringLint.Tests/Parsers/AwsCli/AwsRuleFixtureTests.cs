using System;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>Small describe-* fixtures (tests/Fixtures/aws-cli) through the loader and the rule engine.</summary>
public sealed class AwsRuleFixtureTests
{
    [Theory]
    [InlineData("missing-return-route", "PL2001 snapshot.json:58:45")]
    [InlineData("route-to-deleted-peering", "PL2003 RouteTables.json:19:17")]
    [InlineData("unused-peering", "PL2002 VpcPeeringConnections.json:3:9")]
    [InlineData("external-peer-overlap", "PL1001 ec2-describe-vpc-peering-connections.json:3:9")]
    [InlineData("cross-account")]
    public void FixtureFindings(string fixture, params string[] expected)
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(TestPaths.Fixtures, "aws-cli", fixture));
        Assert.Empty(result.Problems);
        var lint = LintEngine.Run(result.Model);
        Assert.Empty(lint.Failures);
        string prefix = "tests/Fixtures/aws-cli/" + fixture + "/";
        var actual = lint.Findings.Select(f => f.RuleId + " " + f.Location.ToString().Replace(prefix, string.Empty, StringComparison.Ordinal)).ToArray();
        Assert.True(expected.SequenceEqual(actual), AwsTestKit.Dump(lint.Findings));
    }

    [Fact]
    public void CrossAccountPeeringIsOneConnectionWithBothRegions()
    {
        var m = AwsTestKit.LoadFolder(Path.Combine(TestPaths.Fixtures, "aws-cli", "cross-account")).Model;
        var p = Assert.Single(m.PeeringConnections);
        Assert.True(p.IsInterRegion);
        Assert.Equal(("111111111111", "us-east-1"), (p.Requester.OwnerId, p.Requester.Region));
        Assert.Equal(("222222222222", "eu-west-1"), (p.Accepter.OwnerId, p.Accepter.Region));
        Assert.Equal(new[] { ("vpc-a", "111111111111", "us-east-1"), ("vpc-b", "222222222222", "eu-west-1") }, m.Vpcs.Select(v => (v.Id, v.Account!, v.Region!)));
        Assert.Equal(new[] { "us-east-1", "eu-west-1" }, m.RouteTables.Select(t => t.Region!));
    }
}
