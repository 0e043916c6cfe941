using System.IO;
using System.Text.Json;
using PeeringLint.Cli;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Cli;

public sealed class CliTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Example(string name) => TestPaths.Combine("examples", name);

    [Fact]
    public void Broken_example_exits_1_with_the_tutorial_mistakes()
    {
        var (exit, output, _) = Run("lint", Example("nextwork-peering-broken.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("nextwork-peering-broken.yaml:16:28: error PL1002:", output);
        Assert.Contains("nextwork-peering-broken.yaml:30:28: error PL2001:", output);
        Assert.Contains("error PL2003:", output);
        Assert.Contains("^~~~~~~~~~~", output);
    }

    [Fact]
    public void Working_example_exits_0()
    {
        var (exit, output, err) = Run("lint", Example("nextwork-peering.yaml"));
        Assert.True(exit == 0, output + err);
        Assert.Contains("(0 errors, 0 warnings,", output); // the tutorial's SSH-from-anywhere and the private instance 2 are notes
    }

    [Fact]
    public void Json_output_follows_the_documented_schema()
    {
        var (exit, output, _) = Run("lint", "--format", "json", Example("nextwork-peering-broken.yaml"));
        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("1.0", root.GetProperty("schemaVersion").GetString());
        Assert.True(root.GetProperty("summary").GetProperty("errors").GetInt32() >= 3);
        var first = root.GetProperty("findings")[0];
        foreach (var key in new[] { "ruleId", "ruleName", "severity", "message", "location", "fingerprint", "related", "suppression" })
        {
            Assert.True(first.TryGetProperty(key, out _), "missing " + key);
        }
    }

    [Fact]
    public void Threshold_and_rule_selection_change_the_exit_code()
    {
        Assert.Equal(0, Run("lint", "--rules", "PL2002", Example("nextwork-peering-broken.yaml")).Exit);
        Assert.Equal(0, Run("lint", "--exclude-rules", "PL1002,PL2001,route-to-inactive-peering,PL9001", "--severity-threshold", "error", Example("nextwork-peering-broken.yaml")).Exit);
        Assert.Equal(0, Run("lint", "--exit-zero", Example("nextwork-peering-broken.yaml")).Exit);
    }

    [Fact]
    public void Input_errors_exit_2_with_file_line_column()
    {
        string dir = Path.Combine(Path.GetTempPath(), "peeringlint-cli-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string bad = Path.Combine(dir, "bad.yaml");
            File.WriteAllText(bad, "vpcs:\n  - name: a\n    cidr: [10.1.0.0/16\n");
            var (exit, _, err) = Run("lint", bad);
            Assert.Equal(2, exit);
            Assert.Matches(@"bad\.yaml:\d+:\d+: error: invalid YAML", err);
            Assert.DoesNotContain("   at ", err);
            Assert.Equal(2, Run("lint", Path.Combine(dir, "missing.yaml")).Exit);
            Assert.Equal(2, Run("lint", "--rules", "PL9999", bad).Exit);
            Assert.Equal(2, Run("lint", "--format", "xml", bad).Exit);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Rules_lists_the_catalogue()
    {
        var (exit, output, _) = Run("rules");
        Assert.Equal(0, exit);
        foreach (var r in PeeringLint.Engine.RuleCatalog.All)
        {
            Assert.Contains(r.Descriptor.Id, output);
        }
    }
}
