using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>Templates read as stacks: per-template AWS::StackName / AccountId / Region and parameters, nested stacks, unresolved imports.</summary>
public sealed class StackContextTests
{
    private const string Network = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.1.0.0/16
        Outputs:
          VpcId:
            Value: !Ref Vpc
            Export: {Name: !Sub '${AWS::StackName}-VpcId'}
        """;

    private const string Consumer = """
        Parameters:
          NetworkStackName: {Type: String}
        Resources:
          Group:
            Type: AWS::EC2::SecurityGroup
            Properties:
              GroupDescription: g
              VpcId: {'Fn::ImportValue': !Sub '${NetworkStackName}-VpcId'}
        """;

    private static LoadResult Load(Func<string, StackSettings?>? stacks, IReadOnlyDictionary<string, string>? global, params (string Path, string Text)[] files) =>
        new InputLoader().Load(
            files.Select(f => InputSource.FromText(f.Path, f.Text)).ToArray(),
            new LoadOptions { StackFor = stacks, Parameters = global ?? new Dictionary<string, string>(), MaxDegreeOfParallelism = 1 });

    [Fact]
    public void StackNames_LinkExportsAndImports_PerTemplate()
    {
        var stacks = new Dictionary<string, StackSettings>
        {
            ["network.yaml"] = new() { Name = "corp-network" },
            ["app.yaml"] = new() { Name = "corp-app", Parameters = new Dictionary<string, string> { ["NetworkStackName"] = "corp-network" } },
        };
        var load = Load(p => stacks.GetValueOrDefault(p), null, ("network.yaml", Network), ("app.yaml", Consumer));
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        Assert.Equal("Vpc", load.Model.SecurityGroups.Single(g => g.Id == "Group").VpcId);
        Assert.Empty(load.UnresolvedImports);
    }

    [Fact]
    public void GlobalStackName_AppliesToEveryTemplate_SoTheImportStaysUnresolved()
    {
        // The old way: one AWS::StackName for all files names the network stack "corp-app" too.
        var global = new Dictionary<string, string> { ["AWS::StackName"] = "corp-app", ["NetworkStackName"] = "corp-network" };
        var load = Load(null, global, ("network.yaml", Network), ("app.yaml", Consumer));
        Assert.Null(load.Model.SecurityGroups.Single().VpcId);
        var u = Assert.Single(load.UnresolvedImports);
        Assert.Equal("corp-network-VpcId", u.Name);
        Assert.Equal(("app.yaml", 8), (u.Location.Path, u.Location.StartLine));
    }

    [Fact]
    public void WithoutStacks_TheUnresolvedImportIsListedWithItsText()
    {
        var load = Load(null, null, ("network.yaml", Network), ("app.yaml", Consumer));
        var u = Assert.Single(load.UnresolvedImports);
        Assert.Equal("${NetworkStackName}-VpcId", u.Name);
        Assert.Equal(("app.yaml", 8, 14), (u.Location.Path, u.Location.StartLine, u.Location.StartColumn));
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
    }

    [Fact]
    public void StackAccountAndRegion_AreThoseOfEachTemplate_AndStackParametersWinOverGlobalOnes()
    {
        const string vpc = """
            Parameters:
              Cidr: {Type: String, Default: 10.9.0.0/16}
            Mappings:
              ByRegion:
                eu-west-1: {Cidr: 10.11.0.0/16}
                us-east-1: {Cidr: 10.12.0.0/16}
                ap-south-1: {Cidr: 10.13.0.0/16}
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: !Ref Cidr
              Regional:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: !FindInMap [ByRegion, !Ref 'AWS::Region', Cidr]
            Outputs:
              Id:
                Value: !Ref Vpc
                Export: {Name: !Sub '${AWS::StackName}-${AWS::AccountId}-Vpc'}
            """;
        var stacks = new Dictionary<string, StackSettings>
        {
            ["a.yaml"] = new() { Name = "sa", Account = "111111111111", Region = "eu-west-1", Parameters = new Dictionary<string, string> { ["Cidr"] = "10.1.0.0/16" } },
            ["b.yaml"] = new() { Name = "sb", Account = "222222222222", Region = "us-east-1" },
        };
        var global = new Dictionary<string, string> { ["Cidr"] = "10.5.0.0/16", ["AWS::Region"] = "ap-south-1" };
        const string importer = "Resources:\n  G:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: g\n      VpcId: !ImportValue sb-222222222222-Vpc\n";
        var load = Load(p => stacks.GetValueOrDefault(p), global, ("a.yaml", vpc), ("b.yaml", vpc), ("c.yaml", vpc), ("d.yaml", importer));
        string Cidr(string file, string logical) => load.Model.Vpcs.Single(v => v.Location.Path == file && v.Id.EndsWith(logical, StringComparison.Ordinal)).Ipv4Cidrs[0].ToString();
        var byFile = load.Model.Vpcs.Where(v => v.Id.EndsWith("/Vpc", StringComparison.Ordinal)).ToDictionary(v => v.Location.Path);
        Assert.Equal(("111111111111", "eu-west-1", "10.1.0.0/16", "10.11.0.0/16"), (byFile["a.yaml"].Account, byFile["a.yaml"].Region, Cidr("a.yaml", "/Vpc"), Cidr("a.yaml", "/Regional")));
        Assert.Equal(("222222222222", "us-east-1", "10.5.0.0/16", "10.12.0.0/16"), (byFile["b.yaml"].Account, byFile["b.yaml"].Region, Cidr("b.yaml", "/Vpc"), Cidr("b.yaml", "/Regional")));

        // No stack for c.yaml: the global region and parameter apply; its export name (stack name and account unknown) is unknown.
        Assert.Equal((null, "ap-south-1", "10.5.0.0/16", "10.13.0.0/16"), (byFile["c.yaml"].Account, byFile["c.yaml"].Region, Cidr("c.yaml", "/Vpc"), Cidr("c.yaml", "/Regional")));

        // The export named after b's stack name and account is b's VPC.
        Assert.Equal("b/Vpc", load.Model.SecurityGroups.Single().VpcId);
        Assert.Empty(load.UnresolvedImports);
    }

    [Fact]
    public void UsePreviousValue_LeavesTheParameterUnknown_NotItsDefault()
    {
        const string vpc = "Parameters:\n  Cidr: {Type: String, Default: 10.9.0.0/16}\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Ref Cidr\n";
        var load = Load(_ => new StackSettings { UnknownParameters = new[] { "Cidr" } }, null, ("a.yaml", vpc));
        Assert.True(load.Model.Vpcs.Single().Ipv4Cidrs[0].IsUnknown);
    }

    private const string Parent = """
        Resources:
          Vpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: 10.1.0.0/16
          Table:
            Type: AWS::EC2::RouteTable
            Properties:
              VpcId: !Ref Vpc
          PeerA:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: nested/peer.yaml
              Parameters:
                Cidr: 10.2.0.0/16
                LocalVpc: !Ref Vpc
          PeerB:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: ./nested/peer.yaml
              Parameters:
                Cidr: 10.3.0.0/16
                LocalVpc: !Ref Vpc
          RouteToA:
            Type: AWS::EC2::Route
            Properties:
              RouteTableId: !Ref Table
              DestinationCidrBlock: !GetAtt PeerA.Outputs.PeerCidr
              VpcPeeringConnectionId: !GetAtt PeerA.Outputs.PeeringId
        """;

    private const string Child = """
        Parameters:
          Cidr: {Type: String}
          LocalVpc: {Type: String}
        Resources:
          PeerVpc:
            Type: AWS::EC2::VPC
            Properties:
              CidrBlock: !Ref Cidr
          Peering:
            Type: AWS::EC2::VPCPeeringConnection
            Properties:
              VpcId: !Ref LocalVpc
              PeerVpcId: !Ref PeerVpc
        Outputs:
          PeerCidr:
            Value: !GetAtt PeerVpc.CidrBlock
          PeeringId:
            Value: !Ref Peering
        """;

    [Fact]
    public void NestedStack_GetsItsParentsParameters_AndEachUseIsItsOwnInstance()
    {
        var load = Load(_ => new StackSettings { Account = "111111111111", Region = "eu-west-1" }, null, ("main.yaml", Parent), ("nested/peer.yaml", Child));
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        var peerVpcs = load.Model.Vpcs.Where(v => v.Location.Path == "nested/peer.yaml").OrderBy(v => v.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "10.2.0.0/16", "10.3.0.0/16" }, peerVpcs.Select(v => v.Ipv4Cidrs[0].ToString()));
        Assert.Equal(2, peerVpcs.Select(v => v.Id).Distinct().Count());

        // The parent's account and region reach the nested stacks; the parent's VPC id reaches the peering.
        Assert.All(peerVpcs, v => Assert.Equal(("111111111111", "eu-west-1"), (v.Account, v.Region)));
        Assert.Equal(2, load.Model.PeeringConnections.Count);
        Assert.All(load.Model.PeeringConnections, p => Assert.Equal("Vpc", p.Requester.VpcId));
    }

    [Fact]
    public void NestedStack_OutputsReachTheParentsGetAtt()
    {
        var load = Load(null, null, ("main.yaml", Parent), ("nested/peer.yaml", Child));
        var route = load.Model.RouteTables.Single(t => t.Id == "Table").Routes.Single(r => !r.IsLocal);
        Assert.Equal("10.2.0.0/16", route.Destination?.ToString());
        var peeringA = load.Model.PeeringConnections.Single(p => p.Accepter.VpcId is { } v && load.Model.Vpcs.Single(x => x.Id == v).Ipv4Cidrs[0].ToString() == "10.2.0.0/16");
        Assert.Equal(peeringA.Id, route.TargetId);
    }

    [Fact]
    public void NestedStack_NotAmongTheInputs_IsReadFromNextToTheParent_AndSaid()
    {
        using var dir = new TempFolder();
        dir.Write("infra/nested/peer.yaml", Child);
        string main = dir.Write("infra/main.yaml", Parent);
        var options = new LoadOptions { BaseDirectory = dir.Path, MaxDegreeOfParallelism = 1 };
        var load = new InputLoader().Load(new[] { InputSource.FromFile("infra/main.yaml", main, true, new FileInfo(main).Length) }, options);
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        Assert.Equal(3, load.Model.Vpcs.Count);
        Assert.Equal(new[] { "infra/nested/peer.yaml" }, load.Followed);
        Assert.Contains(load.Notes, n => n.Contains("read infra/nested/peer.yaml") && n.Contains("nested stack 'PeerA'"));
        Assert.True(load.Documents.ContainsKey("infra/nested/peer.yaml"));
    }

    [Fact]
    public void NestedStack_OutsideTheParentsFolder_IsNotRead()
    {
        using var dir = new TempFolder();
        dir.Write("other/peer.yaml", Child);
        string main = dir.Write("infra/main.yaml", Parent.Replace("nested/peer.yaml", "../other/peer.yaml"));
        var options = new LoadOptions { BaseDirectory = dir.Path, MaxDegreeOfParallelism = 1 };
        var load = new InputLoader().Load(new[] { InputSource.FromFile("infra/main.yaml", main, true, new FileInfo(main).Length) }, options);
        Assert.Single(load.Model.Vpcs);
        Assert.Empty(load.Followed);
        Assert.Contains(load.Notes, n => n.Contains("other/peer.yaml is not among the inputs"));

        // The output the parent reads from it is unknown, not an error.
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        Assert.True(load.Model.RouteTables.Single(t => t.Id == "Table").Routes.Single(r => !r.IsLocal).Destination!.IsUnknown);
    }

    [Fact]
    public void NestedStacks_ThatNestEachOther_AreACycleReportedAtTheTemplateUrl()
    {
        const string a = "Resources:\n  Va:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n  B:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: b.yaml\n";
        const string b = "Resources:\n  Vb:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.2.0.0/16}\n  A:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: a.yaml\n";
        var load = Load(null, null, ("a.yaml", a), ("b.yaml", b));
        var cycle = Assert.Single(load.Problems, p => p.Message.Contains("nested stacks form a cycle"));
        Assert.Equal(InputProblemSeverity.Error, cycle.Severity);
        Assert.Contains("a.yaml -> b.yaml -> a.yaml", cycle.Message);
        Assert.Equal(("b.yaml", 8), (cycle.Location.Path, cycle.Location.StartLine));
        Assert.Equal(2, load.Model.Vpcs.Count);
    }

    [Fact]
    public void NestedStack_ThatNestsItself_IsACycle()
    {
        const string self = "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n  Me:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: ./self.yaml\n";
        var load = Load(null, null, ("self.yaml", self));
        Assert.Contains(load.Problems, p => p.Severity == InputProblemSeverity.Error && p.Message.Contains("self.yaml -> self.yaml"));
        Assert.Single(load.Model.Vpcs);
    }

    [Fact]
    public void NestedStacks_StopAtTheDepthLimit()
    {
        // t0 nests t1 nests ... t12: every level is an input.
        var files = Enumerable.Range(0, 13)
            .Select(i => ($"t{i}.yaml", $"Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {{CidrBlock: 10.{i}.0.0/16}}\n  Next:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: t{i + 1}.yaml\n"))
            .ToArray();
        var load = Load(null, null, files);
        var deep = Assert.Single(load.Problems, p => p.Message.Contains("levels deep"));
        Assert.Equal(InputProblemSeverity.Warning, deep.Severity);
        Assert.Equal("t10.yaml", deep.Location.Path);
        Assert.Equal(11, load.Model.Vpcs.Count);
    }

    [Fact]
    public void NestedStacks_ThatMultiply_StopAtTheInstanceLimit()
    {
        // Each level nests the next 20 times: 20^3 instances without a cycle.
        string Level(int i) => "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"
            + string.Concat(Enumerable.Range(0, 20).Select(k => $"  N{k}:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: l{i + 1}.yaml\n"));
        var load = Load(null, null, ("l0.yaml", Level(0)), ("l1.yaml", Level(1)), ("l2.yaml", Level(2)), ("l3.yaml", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n"));
        Assert.Contains(load.Problems, p => p.Severity == InputProblemSeverity.Warning && p.Message.Contains("more than 1000 nested stacks"));
        Assert.Equal(1001, load.Model.Vpcs.Count);
    }

    [Fact]
    public void NestedStack_WhoseResourceIsNotCreated_CreatesNothing()
    {
        string parent = "Conditions:\n  Never: !Equals [a, b]\n" + Parent.Replace("  PeerB:\n    Type: AWS::CloudFormation::Stack\n", "  PeerB:\n    Type: AWS::CloudFormation::Stack\n    Condition: Never\n");
        var load = Load(null, null, ("main.yaml", parent), ("nested/peer.yaml", Child));
        Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16" }, load.Model.Vpcs.Select(v => v.Ipv4Cidrs[0].ToString()).OrderBy(s => s, StringComparer.Ordinal));
    }
}
