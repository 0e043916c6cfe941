using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using PeeringLint.Cli;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18, items 2 and 3: files that share a name, or names that several files share, never merge two
/// networks, never lose a finding and never turn one network's intent into another's input error.
/// </summary>
public sealed class SameNamedInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peeringlint-samename-" + Guid.NewGuid().ToString("N"));

    public SameNamedInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args) => RunIn(_dir, args);

    private static (int Exit, string Out, string Err) RunIn(string dir, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr, dir);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void Copy(string example, string to)
    {
        string target = Path.Combine(_dir, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(TestPaths.Combine(example.Split('/')), target);
    }

    /// <summary>The findings of a JSON report as "ruleId path:line:col", sorted.</summary>
    private static string[] Findings(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f =>
            {
                var l = f.GetProperty("location");
                return $"{f.GetProperty("ruleId").GetString()} {l.GetProperty("path").GetString()}:{l.GetProperty("startLine").GetInt32()}:{l.GetProperty("startColumn").GetInt32()}";
            })
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Lints each folder alone and both together: together must be exactly the union, with the same exit code as the worse one.</summary>
    private void AssertTogetherIsTheUnion(string first, string second)
    {
        var a = Run("lint", first, "--format", "json", "--severity-threshold", "error");
        var b = Run("lint", second, "--format", "json", "--severity-threshold", "error");
        var both = Run("lint", first, second, "--format", "json", "--severity-threshold", "error");

        Assert.NotEqual(2, both.Exit);
        Assert.Equal(Math.Max(a.Exit, b.Exit), both.Exit);
        Assert.Equal(1, Math.Max(a.Exit, b.Exit)); // one of them holds errors: the comparison means something
        Assert.Equal(Findings(a.Out).Concat(Findings(b.Out)).OrderBy(s => s, StringComparer.Ordinal), Findings(both.Out));
        Assert.DoesNotContain(Findings(both.Out), f => f.StartsWith("PL2006 ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("examples/nextwork-peering.yaml", "examples/nextwork-peering-broken.yaml")]
    [InlineData("examples/nextwork-peering-broken.yaml", "examples/nextwork-peering.yaml")]
    public void Same_named_tutorial_files_in_two_folders_stay_two_networks(string a, string b)
    {
        Copy(a, "a/net.yaml");
        Copy(b, "b/net.yaml");
        AssertTogetherIsTheUnion("a", "b");

        // The ids say which file an element comes from; the graph has both networks' VPCs.
        var (_, json, _) = Run("lint", "a", "b", "--format", "json", "--severity-threshold", "error");
        Assert.Contains("\"elementId\": \"b/net:", json);
        var (exit, dot, err) = Run("graph", Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), "--format", "dot");
        Assert.True(exit is 0 or 1, err);
        Assert.Equal(4, Regex.Matches(dot, @"subgraph cluster_vpc_").Count);
    }

    [Fact]
    public void Same_named_cloudformation_templates_are_two_stacks()
    {
        Copy("examples/cloudformation/nextwork-working.yaml", "a/stack.yaml");
        Copy("examples/cloudformation/nextwork-broken.yaml", "b/stack.yaml");
        AssertTogetherIsTheUnion("a", "b");

        var (exit, dot, err) = Run("graph", Path.Combine(_dir, "a"), Path.Combine(_dir, "b"), "--format", "dot");
        Assert.True(exit is 0 or 1, err);
        Assert.Equal(4, Regex.Matches(dot, @"subgraph cluster_vpc_").Count);
    }

    [Fact]
    public void Tutorial_names_equal_to_logical_ids_of_a_template_stay_apart()
    {
        // The tutorial's elements are named like the template's logical ids (VPC1, Subnet1, …).
        Copy("examples/nextwork-peering.yaml", "net.yaml");
        string path = Path.Combine(_dir, "net.yaml");
        string text = File.ReadAllText(path);
        foreach (var n in new[] { "1", "2" })
        {
            text = text.Replace($"NextWork-{n}-vpc", $"VPC{n}").Replace($"NextWork-{n}-subnet-public1", $"Subnet{n}")
                .Replace($"NextWork-{n}-rtb-public", $"RouteTable{n}").Replace($"NextWork-{n}-igw", $"IGW{n}")
                .Replace($"Instance - NextWork VPC {n}", $"Instance{n}");
        }

        File.WriteAllText(path, text.Replace("VPC 1 <> VPC 2", "Peering"));
        Copy("examples/cloudformation/nextwork-broken.yaml", "cfn/net.yaml");
        AssertTogetherIsTheUnion("net.yaml", "cfn");

        var (_, dot, _) = Run("graph", Path.Combine(_dir, "net.yaml"), Path.Combine(_dir, "cfn"), "--format", "dot");
        Assert.Equal(4, Regex.Matches(dot, @"subgraph cluster_vpc_").Count);
    }

    [Fact]
    public void The_repositorys_own_examples_lint_with_findings_not_input_errors()
    {
        var (exit, _, err) = RunIn(TestPaths.Root, "lint", "examples", "--no-color");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("error: intent", err);

        // The separate intents file beside several networks is not evaluated, and says so with the candidates.
        Assert.Contains("examples/nextwork-intents.yaml:11:11: warning: intent 'ping across the peering' is not evaluated: 'Instance - NextWork VPC 1' names 6 instances in the inputs: 'nextwork-peering-broken:Instance - NextWork VPC 1' at examples/nextwork-peering-broken.yaml:20:9", err);
    }

    [Fact]
    public void A_shared_intents_file_with_a_name_two_inputs_use_is_an_error_that_lists_them()
    {
        Copy("examples/nextwork-peering.yaml", "a/net.yaml");
        Copy("examples/nextwork-peering-broken.yaml", "b/net.yaml");
        Copy("examples/nextwork-intents.yaml", "intents.yaml");

        var (exit, _, err) = Run("lint", "a", "b", "--intents", "intents.yaml", "--no-color");
        Assert.Equal(2, exit);
        Assert.Contains("intents.yaml:7:9: error: intent 'ssh to instance 1 via EC2 Instance Connect': 'Instance - NextWork VPC 1' names 2 instances in the inputs: 'a/net:Instance - NextWork VPC 1' at a/net.yaml:22:9, 'b/net:Instance - NextWork VPC 1' at b/net.yaml:20:9; use an id", err);

        // Found in the folder alone it is a warning; named with --intents as well, it is the named file again.
        (exit, _, err) = Run("lint", ".", "--no-color");
        Assert.Equal(1, exit);
        Assert.Contains("intents.yaml:7:9: warning: intent 'ssh to instance 1 via EC2 Instance Connect' is not evaluated", err);
        (exit, _, err) = Run("lint", ".", "--intents", "intents.yaml", "--no-color");
        Assert.Equal(2, exit);
        Assert.Contains("intents.yaml:7:9: error: intent 'ssh to instance 1 via EC2 Instance Connect'", err);

        // Given with an id from the message, the same intent resolves.
        File.WriteAllText(Path.Combine(_dir, "intents.yaml"), File.ReadAllText(Path.Combine(_dir, "intents.yaml")).Replace("Instance - NextWork VPC", "b/net:Instance - NextWork VPC"));
        (exit, _, err) = Run("lint", "a", "b", "--intents", "intents.yaml", "--no-color");
        Assert.Equal(1, exit);
        Assert.DoesNotContain("intent '", err);
    }
}
