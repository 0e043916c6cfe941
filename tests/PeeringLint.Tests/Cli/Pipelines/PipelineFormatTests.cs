using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PeeringLint.Cli.Output.Pipelines;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Cli.Pipelines;

/// <summary>Issue 20: JUnit, GitLab Code Quality and Azure Pipelines reports: golden files, schema, escaping, exit codes.</summary>
public sealed class PipelineFormatTests
{
    private const string Broken = "examples/nextwork-peering-broken.yaml";
    private const string Working = "examples/nextwork-peering.yaml";

    [Theory]
    [InlineData("junit", "xml")]
    [InlineData("gitlab", "json")]
    [InlineData("azure", "txt")]
    public void Reports_on_the_examples_match_their_golden_files_and_are_byte_identical_across_runs(string format, string extension)
    {
        foreach (var example in new[] { Broken, Working })
        {
            var first = CliRunner.InRepo("lint", example, "--format", format);
            var second = CliRunner.InRepo("lint", example, "--format", format);
            Assert.Equal(example == Broken ? 1 : 0, first.ExitCode);
            Assert.Equal(first.Out, second.Out);
            Golden.Verify($"cli/{Path.GetFileName(example)}.{format}.{extension}", first.Out);
        }
    }

    [Theory]
    [InlineData("junit")]
    [InlineData("gitlab")]
    [InlineData("azure")]
    public void Exit_codes_and_threshold_are_those_of_every_format(string format)
    {
        Assert.Equal(1, CliRunner.InRepo("lint", Broken, "--format", format).ExitCode);
        Assert.Equal(0, CliRunner.InRepo("lint", Broken, "--format", format, "--exit-zero").ExitCode);
        Assert.Equal(0, CliRunner.InRepo("lint", Working, "--format", format).ExitCode);
        using var dir = new TempFolder();
        dir.Write("bad.yaml", "vpcs: [\n");
        Assert.Equal(2, CliRunner.Run(dir.Path, "lint", "bad.yaml", "--format", format).ExitCode);
    }

    [Fact]
    public void JUnit_is_valid_against_the_schema_and_counts_what_it_holds()
    {
        var r = CliRunner.InRepo("lint", Broken, Working, "--format", "junit");
        var doc = Validate(r.Out);
        var suites = doc.Root!.Elements("testsuite").ToList();
        Assert.Equal(new[] { Broken, Working }, suites.Select(s => (string)s.Attribute("name")!));
        foreach (var suite in suites)
        {
            var cases = suite.Elements("testcase").ToList();
            Assert.Equal(cases.Count, (int)suite.Attribute("tests")!);
            Assert.Equal(cases.Count(c => c.Element("failure") is not null), (int)suite.Attribute("failures")!);
        }

        // The working example: every rule that ran shows as a passing test case.
        var working = suites[1].Elements("testcase").ToList();
        Assert.Equal(
            PeeringLint.Engine.RuleCatalog.All.Select(r => r.Descriptor.Id).OrderBy(i => i),
            working.Select(c => ((string)c.Attribute("name")!).Split(' ')[0]).Distinct().OrderBy(i => i));
        Assert.All(working, c => Assert.Null(c.Element("failure")));

        // The broken one: a failure per finding at or above the threshold, with file:line:col and the message.
        var failure = suites[0].Descendants("failure").Single(f => (string)f.Attribute("type")! == "PL1002");
        Assert.StartsWith(Broken + ":16:28: error PL1002: Route 10.1.0.0/16", failure.Value);
        Assert.Equal((int)doc.Root.Attribute("failures")!, suites.Sum(s => (int)s.Attribute("failures")!));
    }

    [Fact]
    public void JUnit_reports_input_problems_as_errors()
    {
        using var dir = new TempFolder();
        dir.Write("bad.yaml", "vpcs:\n  - name: a\n    cidr: [\n");
        var r = CliRunner.Run(dir.Path, "lint", "bad.yaml", "--format", "junit");
        var doc = Validate(r.Out);
        var error = Assert.Single(doc.Descendants("error"));
        Assert.Equal("PL0001", (string)error.Attribute("type")!);
        Assert.Matches(@"^bad\.yaml:\d+:\d+: ", error.Value);
        Assert.Equal(1, (int)doc.Root!.Attribute("errors")!);
    }

    [Fact]
    public void GitLab_fields_are_as_code_quality_expects_and_fingerprints_survive_line_shifts()
    {
        using var dir = new TempFolder();
        dir.Write(".git/HEAD", "ref: refs/heads/main\n");
        dir.CopyExample("nextwork-peering-broken.yaml", "net/v.yaml");
        var before = JsonDocument.Parse(CliRunner.Run(Path.Combine(dir.Path, "net"), "lint", "v.yaml", "--format", "gitlab").Out).RootElement;
        dir.CopyExample("nextwork-peering-broken.yaml", "net/v.yaml", text => "# a comment\n# and another\n" + text);
        var after = JsonDocument.Parse(CliRunner.Run(Path.Combine(dir.Path, "net"), "lint", "v.yaml", "--format", "gitlab").Out).RootElement;

        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
        foreach (var issue in before.EnumerateArray())
        {
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
            Assert.Matches("^PL\\d{4}$", issue.GetProperty("check_name").GetString()!);
            Assert.False(string.IsNullOrEmpty(issue.GetProperty("description").GetString()));
            Assert.Equal("net/v.yaml", issue.GetProperty("location").GetProperty("path").GetString());
        }

        var fingerprints = before.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
        Assert.Equal(fingerprints, after.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()));
        Assert.Equal(
            before.EnumerateArray().Select(i => i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() + 2),
            after.EnumerateArray().Select(i => i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()));
    }

    [Fact]
    public void Azure_escapes_every_value_so_no_name_can_forge_a_command()
    {
        Assert.Equal("100%AZP25 a%0D%0Ab", AzureReporter.Data("100% a\r\nb"));
        Assert.Equal("x%3B y%5D z", AzureReporter.Property("x; y] z"));
        Assert.Equal("esc \\u001b[2J", AzureReporter.Data("esc \u001b[2J"));
        Assert.Equal("a #%23vso[task.complete]", AzureReporter.Data("a ##vso[task.complete]"));

        using var dir = new TempFolder();
        string hostile = "prod\\n##vso[task.setvariable variable=secret]forged; x] 100%";
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml", t => t.Replace("name: NextWork-1-rtb-public", "name: \"" + hostile + "\""));
        var r = CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", "azure");

        Assert.Equal(1, r.ExitCode);
        var lines = r.Out.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, l => l.Contains("forged", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            Assert.DoesNotContain('\r', line);
            // A command starts the line and is the only one on it; notes hold no command at all.
            Assert.True(Regex.Matches(line, Regex.Escape("##vso[")).Count == (line.StartsWith("##vso[task.logissue ", StringComparison.Ordinal) ? 1 : 0), line);
            if (line.StartsWith("##vso[", StringComparison.Ordinal))
            {
                string properties = line.Substring(0, line.IndexOf(']', StringComparison.Ordinal));
                Assert.Matches(@"^##vso\[task\.logissue type=(error|warning)(;sourcepath=[^;\]]*;linenumber=\d+;columnnumber=\d+)?;code=PL\d{4};$", properties);
            }
        }
    }

    private static XDocument Validate(string xml)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(TestPaths.Root, "tests", "PeeringLint.Tests", "Cli", "Pipelines", "junit.xsd"));
        var doc = XDocument.Parse(xml);
        var errors = new System.Collections.Generic.List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        return doc;
    }
}
