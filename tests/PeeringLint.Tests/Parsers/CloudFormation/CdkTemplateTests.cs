using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>
/// tests/Fixtures/cfn-json/cdk-nextwork.template.json: the tutorial's working topology synthesized by the real
/// AWS CDK (tests/Fixtures/cdk/nextwork-app, aws-cdk-lib 2.276.0, CLI 2.1148.1, with aws:cdk:path metadata).
/// </summary>
public sealed class CdkTemplateTests
{
    private const string Path = "tests/Fixtures/cfn-json/cdk-nextwork.template.json";

    [Fact]
    public void Loads_WithVpcsPeeringAndRoutes()
    {
        var load = CfnTestKit.LoadFiles(Path);
        Assert.Empty(load.Problems);
        var m = load.Model;
        Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16" }, m.Vpcs.Select(v => v.Ipv4Cidrs[0].Text).ToArray());
        Assert.Equal("NextWork/NextWork-1-vpc/Resource", m.Vpcs[0].Name);
        var pcx = Assert.Single(m.PeeringConnections);
        Assert.Equal(PeeringStatus.Active, pcx.Status);
        Assert.Equal(m.Vpcs[0].Id, pcx.Requester.VpcId);
        Assert.Equal(m.Vpcs[1].Id, pcx.Accepter.VpcId);
        var peeringRoutes = m.RouteTables.SelectMany(t => t.Routes.Select(r => (t, r))).Where(x => x.r.TargetKind == RouteTargetKind.VpcPeeringConnection).ToList();
        Assert.Equal(2, peeringRoutes.Count);
        Assert.All(peeringRoutes, x => Assert.Equal(pcx.Id, x.r.TargetId));
        Assert.Contains(m.RouteTables, t => t.Routes.Any(r => r.TargetKind == RouteTargetKind.InternetGateway && r.Destination?.Text == "0.0.0.0/0"));
        Assert.All(m.Instances, i => Assert.NotNull(i.VpcId));
        Assert.Equal(PublicIpMode.Assigned, m.Instances[0].PublicIp);
        Assert.Contains(m.SecurityGroups, g => g.IsDefault && g.Ingress.Any(r => r.FromPort == 22));

        var findings = CfnTestKit.Lint(load).Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location}: {f.Message}")));
    }

    [Fact]
    public void FindingOnCdkTemplate_NamesTheConstructPath()
    {
        // Introduce the tutorial's typo into VPC 1's peering route (10.2.0.0/16 -> 10.1.0.0/16).
        string text = CfnTestKit.ReadRepoFile(Path);
        int route = text.IndexOf("\"NextWork1PeeringRoute0", System.StringComparison.Ordinal);
        int dest = text.IndexOf("\"DestinationCidrBlock\": \"10.2.0.0/16\"", route, System.StringComparison.Ordinal);
        Assert.True(route > 0 && dest > route);
        string broken = text.Substring(0, dest) + "\"DestinationCidrBlock\": \"10.1.0.0/16\"" + text.Substring(dest + "\"DestinationCidrBlock\": \"10.2.0.0/16\"".Length);

        var load = CfnTestKit.Load(("cdk-nextwork.template.json", broken));
        var findings = CfnTestKit.Lint(load).Findings;
        var pl1002 = Assert.Single(findings, f => f.RuleId == "PL1002");
        Assert.Contains("NextWork/NextWork-1-vpc/publicSubnet1/RouteTable", pl1002.Message);
        var pl2001 = Assert.Single(findings, f => f.RuleId == "PL2001");
        Assert.Contains("NextWork/NextWork-2-vpc/publicSubnet1/RouteTable", pl2001.Message);
    }
}
