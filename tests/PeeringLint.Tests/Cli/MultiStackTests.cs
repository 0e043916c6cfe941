using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Cli.Configuration;
using PeeringLint.Model;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Cli;

/// <summary>Issue 14: <c>stacks:</c> in the configuration, parameter files, and the three-stack example in examples/multi-stack.</summary>
public sealed class MultiStackTests
{
    private static (LintConfig? Config, List<InputProblem> Problems) Parse(string yaml, string directory = "/repo")
    {
        var problems = new List<InputProblem>();
        var config = ConfigReader.Parse(yaml, ".peeringlint.yaml", directory, problems);
        return (config, problems);
    }

    [Fact]
    public void Stacks_AreRead_WithParameterFilesUnderTheEntrysOwnParameters()
    {
        using var dir = new TempFolder();
        dir.Write("params/net.json", """[{"ParameterKey": "Cidr", "ParameterValue": "10.0.0.0/16"}, {"ParameterKey": "Env", "ParameterValue": "dev"}, {"ParameterKey": "Keep", "UsePreviousValue": true}]""");
        var (config, problems) = Parse("""
            stacks:
              - template: ./templates/network.yaml
                name: corp-network
                account: '012345678901'
                region: eu-west-1
                parameter_file: params/net.json
                parameters:
                  Env: prod
              - template: templates/*/app.yaml
                account: 111122223333
            """, dir.Path);
        Assert.Empty(problems);
        var net = config!.Stacks[0];
        Assert.Equal(("corp-network", "012345678901", "eu-west-1"), (net.Name, net.Account, net.Region));
        Assert.Equal(new Dictionary<string, string> { ["Cidr"] = "10.0.0.0/16", ["Env"] = "prod" }, net.Parameters);
        Assert.Equal(new[] { "Keep" }, net.UnknownParameters);
        Assert.Equal(Path.Combine(dir.Path, "params", "net.json"), net.ParameterFile);
        Assert.True(net.Matches("templates/network.yaml"));
        Assert.False(net.Matches("other/templates/network.yaml"));
        Assert.True(config.Stacks[1].Matches("templates/eu/app.yaml"));
        Assert.Equal("111122223333", config.Stacks[1].Account);
        Assert.Null(config.Stacks[1].Name);
    }

    [Theory]
    [InlineData("stacks:\n  - template: a.yaml\n    stack: x\n", 3, 5, "unknown key 'stack' in a stack")]
    [InlineData("stacks:\n  - name: x\n", 2, 5, "a stack needs 'template'")]
    [InlineData("stacks:\n  - template: a.yaml\n    account: '12345'\n", 3, 14, "expected a 12-digit AWS account id for 'account'")]
    [InlineData("stacks:\n  - template: a.yaml\n    region: Ireland\n", 3, 13, "expected an AWS region such as us-east-1")]
    [InlineData("stacks:\n  - template: a.yaml\n    name: 1st_stack\n", 3, 11, "expected a stack name")]
    [InlineData("stacks:\n  - template: a.yaml\n    parameters: [a]\n", 3, 17, "expected a mapping of parameter name to value")]
    [InlineData("stacks:\n  - template: a.yaml\n    parameter_file: missing.json\n", 3, 21, "parameter file 'missing.json' not found")]
    [InlineData("stacks:\n  template: a.yaml\n", 2, 3, "expected a list of stacks")]
    [InlineData("stacks:\n  - a.yaml\n", 2, 5, "expected a mapping (template, name")]
    public void InvalidStack_IsAnErrorWithLocation(string yaml, int line, int column, string message)
    {
        var (config, problems) = Parse(yaml);
        Assert.Null(config);
        var p = problems.First();
        Assert.Equal(InputProblemSeverity.Error, p.Severity);
        Assert.Contains(message, p.Message);
        Assert.Equal((".peeringlint.yaml", line, column), (p.Location.Path, p.Location.StartLine, p.Location.StartColumn));
    }

    [Fact]
    public void ABadParameterFileOfAStack_IsAnErrorAtItsOwnLine_AndTheRunExits2()
    {
        using var dir = new TempFolder();
        dir.Write("a.yaml", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n");
        dir.Write("p.json", "[\n  {\"ParameterKey\": \"A\", \"ParameterValue\": \"x\", \"Extra\": 1}\n]\n");
        dir.Write(".peeringlint.yaml", "stacks:\n  - template: a.yaml\n    parameter_file: p.json\n");
        var r = CliRunner.Run(dir.Path, "lint", "a.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("p.json:2:48: error: unknown key 'Extra' in a parameter", r.Error);
    }

    [Fact]
    public void AStackTemplateMatchingNoInput_IsAWarning()
    {
        using var dir = new TempFolder();
        dir.Write("a.yaml", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.0.0.0/16}\n");
        dir.Write(".peeringlint.yaml", "stacks:\n  - template: a.yaml\n    name: a\n  - template: netwrk/*.yaml\n    name: b\n");
        var r = CliRunner.Run(dir.Path, "lint", ".", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var problem = Assert.Single(JsonDocument.Parse(r.Out).RootElement.GetProperty("inputProblems").EnumerateArray());
        Assert.Equal("warning", problem.GetProperty("severity").GetString());
        Assert.Contains("the stack template 'netwrk/*.yaml' matches no input", problem.GetProperty("message").GetString());
        Assert.Equal(4, problem.GetProperty("location").GetProperty("startLine").GetInt32());
    }

    private static readonly string Example = Path.Combine(TestPaths.Examples, "multi-stack");

    [Fact]
    public void Example_WithItsConfiguration_LinksTheStacks_AndReportsTheMistakeInThePeeringStack()
    {
        var r = CliRunner.Run(Example, "lint", ".", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Empty(root.GetProperty("inputProblems").EnumerateArray());
        Assert.Empty(root.GetProperty("unresolvedImports").EnumerateArray());
        var findings = root.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString(), Path: f.GetProperty("location").GetProperty("path").GetString(), Line: f.GetProperty("location").GetProperty("startLine").GetInt32()))
            .ToArray();
        string peering = File.ReadAllText(Path.Combine(Example, "templates", "peering.yaml"));
        int appRoute = LineOf(peering, "AppRouteToData:", "DestinationCidrBlock");
        int dataRoute = LineOf(peering, "DataRouteToApp:", "DestinationCidrBlock");
        Assert.Equal(new (string?, string?, int)[] { ("PL2001", "templates/peering.yaml", appRoute), ("PL2004", "templates/peering.yaml", dataRoute) }, findings);
    }

    [Fact]
    public void Example_WithoutConfiguration_ListsTheUnresolvedImports_AndReportsNothing()
    {
        var r = CliRunner.Run(Example, "lint", ".", "--no-config", "--format", "json", "--verbose");
        Assert.Equal(0, r.ExitCode);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Empty(root.GetProperty("findings").EnumerateArray());
        Assert.Empty(root.GetProperty("inputProblems").EnumerateArray());
        var unresolved = root.GetProperty("unresolvedImports").EnumerateArray().ToArray();
        Assert.Equal(9, unresolved.Length);
        Assert.Equal("${NetworkStackName}-AppVpcId", unresolved[0].GetProperty("name").GetString());
        Assert.Equal("templates/app.yaml", unresolved[0].GetProperty("location").GetProperty("path").GetString());
        Assert.Equal(4, unresolved.Count(u => u.GetProperty("location").GetProperty("path").GetString() == "templates/app.yaml"));

        // --verbose says it once, with each location.
        Assert.Single(r.Error.Split('\n'), l => l.Contains("Fn::ImportValue use(s) stayed unresolved"));
        Assert.Contains("note:   templates/peering.yaml:24:21: ${NetworkStackName}-DataRouteTableId", r.Error);
    }

    [Fact]
    public void ParametersFileOption_AppliesToEveryTemplate_AndIsNeverAnOutput()
    {
        using var dir = new TempFolder();
        foreach (var f in new[] { "network.yaml", "peering.yaml" })
        {
            File.Copy(Path.Combine(Example, "templates", f), Path.Combine(dir.Path, f));
        }

        // One stack name for every template links nothing (the old way); with a per-template name it would.
        dir.Write("params.json", """{"Parameters": {"NetworkStackName": "corp-network", "AWS::StackName": "corp-network"}}""");
        var r = CliRunner.Run(dir.Path, "lint", "network.yaml", "peering.yaml", "--parameters-file", "params.json", "--format", "json");
        Assert.Equal(1, r.ExitCode);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Empty(root.GetProperty("unresolvedImports").EnumerateArray());
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "PL2004");

        var refused = CliRunner.Run(dir.Path, "lint", "network.yaml", "--parameters-file", "params.json", "--output", "params.json");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("refusing to write the report to 'params.json'", refused.Out + refused.Error);

        dir.Write("bad.json", "{\"Parameters\": {\"A\": [1]}}");
        var bad = CliRunner.Run(dir.Path, "graph", "network.yaml", "--parameters-file", "bad.json");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.json:1:22: error: expected a string value for parameter 'A'", bad.Error);
    }

    [Fact]
    public void Verbose_SaysWhichStackEachTemplateIs()
    {
        var r = CliRunner.Run(Example, "lint", ".", "--verbose");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("note: templates/network.yaml is deployed as stack corp-network, account 111122223333, region eu-west-1 ('templates/network.yaml' in .peeringlint.yaml)", r.Error);
        Assert.Contains("note: templates/app.yaml is deployed as stack corp-app", r.Error);
        Assert.DoesNotContain("stayed unresolved", r.Error);
    }

    [Fact]
    public void NestedTemplate_ReadBesideItsParent_IsSaidInVerbose_AndIsNeverAnOutput()
    {
        using var dir = new TempFolder();
        dir.Write("infra/main.yaml", "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n  Peer:\n    Type: AWS::CloudFormation::Stack\n    Properties:\n      TemplateURL: nested/peer.yaml\n      Parameters: {LocalVpc: !Ref Vpc}\n");
        dir.Write("infra/nested/peer.yaml", "Parameters:\n  LocalVpc: {Type: String}\nResources:\n  PeerVpc:\n    Type: AWS::EC2::VPC\n    Properties: {CidrBlock: 10.1.0.0/16}\n  Peering:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties: {VpcId: !Ref LocalVpc, PeerVpcId: !Ref PeerVpc}\n");
        var r = CliRunner.Run(dir.Path, "lint", "infra/main.yaml", "--verbose", "--no-config");

        // The child's peering joins the parent's VPC: the overlap is found, in the child's file.
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("infra/nested/peer.yaml:", r.Out);
        Assert.Contains("PL1001", r.Out);
        Assert.Contains("note: read infra/nested/peer.yaml: the template of nested stack 'Peer' in infra/main.yaml, although it is not among the inputs", r.Error);

        var refused = CliRunner.Run(dir.Path, "lint", "infra/main.yaml", "--no-config", "--output", "infra/nested/peer.yaml");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("refusing to write the report to 'infra/nested/peer.yaml'", refused.Out + refused.Error);
        Assert.StartsWith("Parameters:", File.ReadAllText(Path.Combine(dir.Path, "infra", "nested", "peer.yaml")));
    }

    private static int LineOf(string text, string after, string needle)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int start = System.Array.FindIndex(lines, l => l.Contains(after));
        return System.Array.FindIndex(lines, start, l => l.Contains(needle)) + 1;
    }
}
