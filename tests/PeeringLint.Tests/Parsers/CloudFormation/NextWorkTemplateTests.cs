using System.Globalization;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>The tutorial's broken and working states as CloudFormation templates (examples/cloudformation).</summary>
public sealed class NextWorkTemplateTests
{
    [Theory]
    [InlineData("examples/cloudformation/nextwork-broken.yaml")]
    [InlineData("examples/cloudformation/nextwork-broken.json")]
    public void BrokenState_ReportsTypoRoute_MissingReturn_AndPendingPeering(string path)
    {
        var load = CfnTestKit.LoadFiles(path);
        Assert.Empty(load.Problems);
        var text = CfnTestKit.ReadRepoFile(path);
        var findings = CfnTestKit.Lint(load).Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();

        int typoDestination = CfnTestKit.LineOf(text, "Route1Peering", "DestinationCidrBlock");
        int typoRoute = CfnTestKit.LineOf(text, "Route1Peering", "Route1Peering");
        int vpc2Destination = CfnTestKit.LineOf(text, "Route2Peering", "DestinationCidrBlock");
        int vpc2Route = CfnTestKit.LineOf(text, "Route2Peering", "Route2Peering");

        var pl1002 = Assert.Single(findings, f => f.RuleId == "PL1002");
        Assert.Equal(typoDestination, pl1002.Location.StartLine);

        var pl2001 = Assert.Single(findings, f => f.RuleId == "PL2001");
        Assert.Equal(vpc2Destination, pl2001.Location.StartLine);
        Assert.Contains("NextWork-1-rtb-public", pl2001.Message);
        Assert.Contains("NextWork-2-rtb-public", pl2001.Message);

        var pl2003 = findings.Where(f => f.RuleId == "PL2003").Select(f => f.Location.StartLine).OrderBy(l => l).ToArray();
        Assert.Equal(new[] { typoRoute, vpc2Route }.OrderBy(l => l).ToArray(), pl2003);

        Assert.Equal(new[] { "PL1002", "PL2001", "PL2003" }, findings.Select(f => f.RuleId).Distinct().OrderBy(i => i).ToArray());
        Assert.All(findings, f => Assert.Equal(path, f.Location.Path));
    }

    [Fact]
    public void BrokenState_YamlAndJson_BuildTheSameModel()
    {
        var yaml = CfnTestKit.LoadFiles("examples/cloudformation/nextwork-broken.yaml").Model;
        var json = CfnTestKit.LoadFiles("examples/cloudformation/nextwork-broken.json").Model;
        Assert.Equal(Dump(yaml), Dump(json));
    }

    [Fact]
    public void BrokenState_Model()
    {
        var m = CfnTestKit.LoadFiles("examples/cloudformation/nextwork-broken.yaml").Model;
        Assert.Equal(new[] { "VPC1", "VPC2" }, m.Vpcs.Select(v => v.Id).ToArray());
        Assert.Equal("NextWork-1-vpc", m.Vpcs[0].Name);
        Assert.Equal("10.2.0.0/24", m.Subnets.Single(s => s.Id == "Subnet2").Ipv4Cidr!.Text);
        Assert.Contains(m.RouteTables, t => t.Id == "VPC1.MainRouteTable" && t.IsMain && t.IsImplicit && t.VpcId == "VPC1");
        var pcx = m.PeeringConnections.Single();
        Assert.Equal(PeeringStatus.PendingAcceptance, pcx.Status);
        Assert.Equal("VPC1", pcx.Requester.VpcId);
        Assert.Equal("VPC2", pcx.Accepter.VpcId);
        Assert.Equal("111122223333", pcx.Accepter.OwnerId);
        var i1 = m.Instances.Single(i => i.Id == "Instance1");
        Assert.Equal(PublicIpMode.None, i1.PublicIp);
        Assert.Equal(new[] { "VPC1.DefaultSecurityGroup" }, i1.SecurityGroupIds.ToArray());
        var sg = m.SecurityGroups.Single(g => g.Id == "VPC1.DefaultSecurityGroup");
        Assert.True(sg.IsDefault);
        Assert.Equal(SgPeerKind.SecurityGroup, Assert.Single(sg.Ingress).PeerKind);
        Assert.Equal("0.0.0.0/0", Assert.Single(sg.Egress).Cidr!.Text);
        Assert.False(m.Covers(ResourceKinds.PeeringConnections));
    }

    [Fact]
    public void WorkingState_HasNoErrorOrWarning()
    {
        var load = CfnTestKit.LoadFiles("examples/cloudformation/nextwork-working.yaml");
        Assert.Empty(load.Problems);
        var findings = CfnTestKit.Lint(load).Findings.Where(f => f.Severity is Severity.Error or Severity.Warning).ToList();
        Assert.True(findings.Count == 0, string.Join("\n", findings.Select(f => $"{f.RuleId} {f.Location}: {f.Message}")));
        var m = load.Model;
        Assert.Equal(PeeringStatus.Active, m.PeeringConnections.Single().Status);
        Assert.Equal(PublicIpMode.Assigned, m.Instances.Single(i => i.Id == "Instance1").PublicIp);
        var sg1 = m.SecurityGroups.Single(g => g.Id == "VPC1.DefaultSecurityGroup");
        Assert.Contains(sg1.Ingress, r => r.Protocol == 6 && r.FromPort == 22 && r.Cidr?.Text == "0.0.0.0/0");
        var sg2 = m.SecurityGroups.Single(g => g.Id == "VPC2.DefaultSecurityGroup");
        Assert.Contains(sg2.Ingress, r => r.Protocol == 1 && r.Cidr?.Text == "10.1.0.0/16");
    }

    internal static string Dump(NetworkModel m)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var v in m.Vpcs)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"vpc {v.Id} {v.Name} {string.Join(",", v.Ipv4Cidrs)}");
        }

        foreach (var s in m.Subnets)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"subnet {s.Id} {s.Name} {s.VpcId} {s.Ipv4Cidr} {s.MapPublicIpOnLaunch}");
        }

        foreach (var t in m.RouteTables)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"table {t.Id} {t.Name} {t.VpcId} main={t.IsMain} subnets={string.Join(",", t.SubnetIds)} incomplete={t.RoutesIncomplete}");
            foreach (var r in t.Routes)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  route {r.DestinationText} {r.TargetKind} {r.TargetId} {r.DeclaringId} line={r.Location.StartLine > 0}");
            }
        }

        foreach (var g in m.InternetGateways)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"igw {g.Id} {g.Name} {string.Join(",", g.AttachedVpcIds)}");
        }

        foreach (var p in m.PeeringConnections)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"pcx {p.Id} {p.Name} {p.Requester.VpcId} {p.Accepter.VpcId} {p.Accepter.OwnerId} {p.Status}");
        }

        foreach (var g in m.SecurityGroups)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"sg {g.Id} {g.Name} {g.VpcId} {g.GroupName} incomplete={g.RulesIncomplete}");
            foreach (var r in g.Ingress.Concat(g.Egress))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.Direction} {r.Protocol} {r.FromPort} {r.ToPort} {r.PeerKind} {r.Cidr} {r.GroupId} {r.PrefixListId}");
            }
        }

        foreach (var i in m.Instances)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"instance {i.Id} {i.Name} {i.SubnetId} {i.VpcId} {i.PublicIp} {string.Join(",", i.SecurityGroupIds)}");
        }

        foreach (var e in m.ElasticIps)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"eip {e.Id} {e.InstanceId} {e.IsAssociated}");
        }

        foreach (var a in m.NetworkAcls)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"acl {a.Id} {a.VpcId} {string.Join(",", a.SubnetIds)}");
            foreach (var e in a.Entries)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {e.RuleNumber} {e.Egress} {e.Protocol} {e.Action} {e.Cidr} {e.FromPort}-{e.ToPort} {e.IcmpType}/{e.IcmpCode}");
            }
        }

        sb.AppendLine("coverage " + m.Coverage);
        return sb.ToString();
    }
}
