using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PeeringLint.Cli;
using PeeringLint.Cli.Output;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>Issue 9: hostile inputs end in clear errors (file:line:col, exit 2) or findings, never a crash or a lost finding.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peeringlint-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr, _dir);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Vpcs(int i) =>
        $"{{\"Vpcs\": [{{\"VpcId\": \"vpc-{i:x8}\", \"OwnerId\": \"111111111111\", \"CidrBlock\": \"10.{i / 256}.{i % 256}.0/24\"}}]}}";

    [Fact]
    public void Thousands_of_files_with_broken_ones_among_them_are_all_read_and_every_problem_is_reported()
    {
        string dir = Path.Combine(_dir, "export");
        Directory.CreateDirectory(dir);
        for (int i = 0; i < 2000; i++)
        {
            File.WriteAllText(Path.Combine(dir, $"vpcs-{i:D4}.json"), Vpcs(i));
        }

        File.WriteAllText(Path.Combine(dir, "package.json"), "{\"name\": \"unrelated\", \"version\": \"1.0.0\"}");
        File.WriteAllText(Path.Combine(dir, "truncated.json"), "{\"Vpcs\": [{\"VpcId\": \"vpc-x\"");
        File.WriteAllText(Path.Combine(dir, "bad-cidr.json"), "{\"Vpcs\": [{\"VpcId\": \"vpc-bad\", \"CidrBlock\": \"300.1.1.1/16\"}]}");
        File.CreateSymbolicLink(Path.Combine(dir, "dangling.json"), Path.Combine(_dir, "does-not-exist.json"));

        var (exit, output, err) = Run("lint", "export", "--format", "json");
        Assert.Equal(2, exit);
        Assert.Matches(@"export/truncated\.json:1:\d+: error: invalid JSON", err);
        Assert.Contains("export/dangling.json:1:1: error: cannot read the file", err);
        Assert.DoesNotContain("package.json", err); // unrelated JSON in a folder is skipped, not an error
        Assert.DoesNotContain("   at ", err);

        // The readable files still count, and the bad CIDR is still a finding: nothing is dropped.
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(2001, doc.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        var finding = Assert.Single(doc.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("PL1004", finding.GetProperty("ruleId").GetString());
        Assert.Equal("export/bad-cidr.json", finding.GetProperty("location").GetProperty("path").GetString());
    }

    [Theory]
    [InlineData("bom-crlf.json", "\uFEFF{\r\n  \"Vpcs\": [\r\n    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.1.0.5/16\"}\r\n  ]\r\n}\r\n", 3, 37)]
    [InlineData("unicode.yaml", "vpcs:\n  - name: \"Réseau 東京 🚀\"\n    cidr: 10.1.0.0/33\n", 3, 11)]
    public void Bom_crlf_and_unicode_keep_exact_columns(string name, string text, int line, int column)
    {
        File.WriteAllText(Path.Combine(_dir, name), text, new UTF8Encoding(false));
        var (exit, output, _) = Run("lint", name, "--format", "json");
        Assert.Equal(1, exit);
        using var doc = JsonDocument.Parse(output);
        var loc = doc.RootElement.GetProperty("findings")[0].GetProperty("location");
        Assert.Equal((line, column), (loc.GetProperty("startLine").GetInt32(), loc.GetProperty("startColumn").GetInt32()));
    }

    [Fact]
    public void Inputs_are_never_written()
    {
        var inputs = new[] { TestPaths.Examples, Path.Combine(TestPaths.Fixtures, "aws-cli") };
        var before = Hashes(inputs);
        foreach (var format in new[] { "text", "json", "sarif", "github" })
        {
            var (exit, _, _) = Run("lint", TestPaths.Examples, Path.Combine(TestPaths.Fixtures, "aws-cli"), "--format", format, "--output", Path.Combine(_dir, "out." + format));
            Assert.InRange(exit, 0, 2);
        }

        Run("graph", Path.Combine(TestPaths.Examples, "nextwork-peering-broken.yaml"), "--format", "dot", "--output", Path.Combine(_dir, "g.dot"));
        Assert.Equal(before, Hashes(inputs));
    }

    [Fact]
    public void Output_is_byte_identical_across_runs()
    {
        string a = Run("lint", TestPaths.Examples, "--format", "sarif").Out;
        string b = Run("lint", TestPaths.Examples, "--format", "sarif").Out;
        Assert.False(string.IsNullOrEmpty(a));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Progress_bar_only_on_a_terminal_and_only_for_many_files()
    {
        Assert.Null(ProgressBar.Create(new StringWriter(), 5000, isTerminal: false));
        Assert.Null(ProgressBar.Create(new StringWriter(), ProgressBar.MinFiles, isTerminal: true));
        var w = new StringWriter();
        using (var bar = ProgressBar.Create(w, 1000, isTerminal: true)!)
        {
            bar.Report(1);
            bar.Report(1000);
        }

        string text = w.ToString();
        Assert.Contains("reading [", text);
        Assert.Contains("1000/1000 files", text);
        Assert.EndsWith("\r", text); // the line is erased at the end
    }

    private static Dictionary<string, string> Hashes(IEnumerable<string> roots) =>
        roots.SelectMany(r => Directory.GetFiles(r, "*", SearchOption.AllDirectories))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
