using System.IO;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Parsers.Tutorial;

public sealed class TutorialReaderTests
{
    private static LoadResult Load(string yaml) => new InputLoader().Load(new[] { InputSource.FromText("t.yaml", yaml) });

    [Fact]
    public void Working_example_builds_the_tutorial_topology()
    {
        var model = RuleVerifier.Load(File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering.yaml"))).Model;
        Assert.Equal(2, model.Vpcs.Count);
        Assert.Equal(2, model.Subnets.Count);
        Assert.Equal(4, model.RouteTables.Count); // two public tables and two implicit main tables
        Assert.Equal(2, model.InternetGateways.Count);
        Assert.Single(model.PeeringConnections);
        Assert.Equal(2, model.SecurityGroups.Count);
        Assert.Equal(2, model.Instances.Count);
        Assert.Single(model.ElasticIps);
        Assert.Equal(2, model.Intents.Count);
        var i1 = model.Instances.Single(i => i.Name == "Instance - NextWork VPC 1");
        Assert.Equal(PublicIpMode.Assigned, i1.PublicIp);
        Assert.Equal("3.25.100.10", i1.PublicIpAddress);
        var sg1 = model.SecurityGroups.Single(g => g.VpcId == "NextWork-1-vpc");
        Assert.True(sg1.IsDefault);
        Assert.Equal(2, sg1.Ingress.Count); // AWS's self rule plus SSH
    }

    [Fact]
    public void Every_cidr_span_slices_exactly_its_text()
    {
        string text = File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering-broken.yaml")).Replace("\r\n", "\n");
        var lines = text.Split('\n');
        var model = RuleVerifier.Load(text).Model;
        var cidrs = model.Vpcs.SelectMany(v => v.Ipv4Cidrs)
            .Concat(model.Subnets.Select(s => s.Ipv4Cidr!))
            .Concat(model.RouteTables.SelectMany(t => t.Routes).Select(r => r.Destination!));
        foreach (var c in cidrs)
        {
            var l = c.Location;
            Assert.Equal(l.StartLine, l.EndLine);
            Assert.Equal(c.Text, lines[l.StartLine - 1].Substring(l.StartColumn - 1, l.EndColumn - l.StartColumn));
        }
    }

    [Theory]
    [InlineData("vpcs:\n  - name: a\n    cidr: 10.1.0.0/16\n    cidr_block: x\n", 4, 5, "unknown key 'cidr_block'")]
    [InlineData("vpcs:\n  - name: a\n    cidr: [10.1.0.0/16]\n    subnets: 3\n", 4, 14, "expected a list for 'subnets'")]
    [InlineData("vpcs:\n  - { name: a, cidr: 10.1.0.0/16, route_tables: [{ name: r, routes: [{ destination: 10.2.0.0/16, target: nowhere }] }] }\n", 2, 106, "route target 'nowhere' names nothing")]
    [InlineData("vpcs:\n  - { name: a, cidr: 10.1.0.0/16 }\n  - { name: a, cidr: 10.2.0.0/16 }\n", 3, 13, "VPC name 'a' is used twice")]
    [InlineData("vpcs:\n  - { name: b, cidr: 10.2.0.0/16 }\npeerings:\n  - { name: p, requester: a, accepter: b }\n", 4, 27, "'a' is not a VPC in this file")]
    [InlineData("vpcs:\n  - { name: a, cidr: 10.1.0.0/16, instances: [{ name: i, subnet: s }] }\n", 2, 66, "subnet 's' is not declared")]
    public void Bad_input_is_reported_with_its_location(string yaml, int line, int column, string message)
    {
        var result = Load(yaml);
        var problem = Assert.Single(result.Problems, p => p.Severity == InputProblemSeverity.Error);
        Assert.Contains(message, problem.Message);
        Assert.Equal((line, column), (problem.Location.StartLine, problem.Location.StartColumn));
    }

    [Fact]
    public void Invalid_yaml_is_an_error_with_line_and_column()
    {
        var result = Load("vpcs:\n  - name: a\n   cidr: [10.1.0.0/16\n");
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("invalid YAML", problem.Message);
        Assert.True(problem.Location.StartLine >= 2);
    }

    [Fact]
    public void Billion_laughs_is_refused_not_expanded()
    {
        var sb = new System.Text.StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'j'; c++)
        {
            char p = (char)(c - 1);
            sb.Append($"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n");
        }

        sb.Append("vpcs: *j\n");
        var result = Load(sb.ToString());
        var problem = Assert.Single(result.Problems);
        Assert.Contains("billion-laughs", problem.Message);
    }

    [Fact]
    public void Duplicate_keys_are_errors() =>
        Assert.Contains(Load("vpcs: []\nvpcs: []\n").Problems, p => p.Message.Contains("duplicate key 'vpcs'") && p.Location.StartLine == 2);

    [Fact]
    public void Two_topology_files_do_not_merge_their_vpcs()
    {
        string doc = "vpcs:\n  - { name: a, cidr: 10.1.0.0/16 }\n";
        var result = new InputLoader().Load(new[] { InputSource.FromText("x.yaml", doc), InputSource.FromText("y.yaml", doc) });
        Assert.Equal(new[] { "x:a", "y:a" }, result.Model.Vpcs.Select(v => v.Id));
    }
}
