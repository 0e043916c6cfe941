using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using PeeringLint.Cli.Output;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18 item 1: a report never overwrites a file the run reads (an input, a link to one, the intents, the
/// configuration or the baseline), and it is written atomically: a failed report leaves no truncated file.
/// </summary>
public sealed class OutputSafetyTests
{
    public static TheoryData<string, string> Commands => new()
    {
        { "lint", "text" }, { "lint", "json" }, { "lint", "sarif" }, { "lint", "github" },
        { "graph", "dot" }, { "graph", "mermaid" }, { "graph", "html" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_output_that_is_the_input_is_refused_and_the_input_is_untouched(string command, string format)
    {
        using var dir = new TempFolder();
        string input = dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        string before = Hash(input);

        var r = CliRunner.Run(dir.Path, command, "v.yaml", "--format", format, "-o", "v.yaml");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("refusing to write the report to 'v.yaml': it is an input of this run", r.Error);
        Assert.Equal(before, Hash(input));
        Assert.Equal(new[] { "v.yaml" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void An_output_that_is_a_pipe_is_written_into_and_stays_a_pipe()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // What '--output /dev/null' or '--output >(jq .)' meets: renaming a temporary file over it would replace the
        // device or pipe itself (as root, /dev/null became a regular file).
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        string fifo = Path.Combine(dir.Path, "report.pipe");
        Bounded.MakeFifo(fifo);
        var reader = System.Threading.Tasks.Task.Run(() => File.ReadAllText(fifo));

        var r = Bounded.Run(() => CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", "json", "-o", "report.pipe"), "lint into a pipe", release: () => File.WriteAllText(fifo, string.Empty));
        string report = Bounded.Run(() => reader.Result, "reading the pipe");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("\"ruleId\": \"PL2001\"", report);
        Assert.Equal(PeeringLint.Parsers.Inputs.FileKind.NamedPipe, PeeringLint.Parsers.Inputs.SafeFile.KindOf(fifo));
        Assert.DoesNotContain(Directory.GetFiles(dir.Path), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void An_output_that_is_a_symbolic_link_to_an_input_is_refused()
    {
        using var dir = new TempFolder();
        string input = dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "report.txt"), "v.yaml");
        string before = Hash(input);

        var r = CliRunner.Run(dir.Path, "lint", "v.yaml", "-o", "report.txt");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("it is the same file as the input 'v.yaml' (a link)", r.Error);
        Assert.Equal(before, Hash(input));
    }

    [Fact]
    public void An_output_that_is_a_hard_link_to_an_input_is_refused()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempFolder();
        string input = dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        Link(input, Path.Combine(dir.Path, "hard.json"));
        string before = Hash(input);

        var r = CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", "json", "-o", "hard.json");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("it is the same file as the input 'v.yaml' (a link)", r.Error);
        Assert.Equal(before, Hash(input));
    }

    [Fact]
    public void The_intents_file_the_configuration_and_the_baseline_are_never_overwritten()
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        string intents = dir.CopyExample("nextwork-intents.yaml", "intents.yaml");
        string config = dir.Write(".peeringlint.yaml", "version: 1\n");
        var first = CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", "sarif", "-o", "old.sarif");
        Assert.Equal(1, first.ExitCode);
        string baseline = Path.Combine(dir.Path, "old.sarif");

        foreach (var (target, args) in new[]
        {
            (intents, new[] { "lint", "v.yaml", "--intents", "intents.yaml", "-o", "intents.yaml" }),
            (config, new[] { "lint", "v.yaml", "--config", ".peeringlint.yaml", "-o", ".peeringlint.yaml" }),
            (config, new[] { "lint", "v.yaml", "-o", ".peeringlint.yaml" }),
            (baseline, new[] { "lint", "v.yaml", "--format", "sarif", "--baseline", "old.sarif", "-o", "old.sarif" }),
            (intents, new[] { "graph", "v.yaml", "--intents", "intents.yaml", "-o", "intents.yaml" }),
        })
        {
            string before = Hash(target);
            var r = CliRunner.Run(dir.Path, args);
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("refusing to write the report", r.Error);
            Assert.Equal(before, Hash(target));
        }
    }

    [Fact]
    public void A_template_found_in_a_folder_is_protected_but_an_old_report_there_is_replaced()
    {
        using var dir = new TempFolder();
        string template = dir.CopyExample("nextwork-peering-broken.yaml", "net/v.yaml");
        string before = Hash(template);
        var refused = CliRunner.Run(dir.Path, "lint", "net", "-o", "net/v.yaml");
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal(before, Hash(template));

        // A report written into the folder is not an input the next time (it is skipped), so it may be replaced.
        Assert.Equal(1, CliRunner.Run(dir.Path, "lint", "net", "--format", "sarif", "-o", "net/report.sarif").ExitCode);
        var again = CliRunner.Run(dir.Path, "lint", "net", "--format", "sarif", "-o", "net/report.sarif");
        Assert.Equal(1, again.ExitCode);
        Assert.Equal(before, Hash(template));
        Assert.Contains("\"PL2001\"", File.ReadAllText(Path.Combine(dir.Path, "net/report.sarif")));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void A_report_lands_whole_and_leaves_no_temporary_file(string format)
    {
        using var dir = new TempFolder();
        dir.CopyExample("nextwork-peering-broken.yaml", "v.yaml");
        var toFile = CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", format, "-o", "out/report");
        var toStdout = CliRunner.Run(dir.Path, "lint", "v.yaml", "--format", format);

        Assert.Equal(1, toFile.ExitCode);
        Assert.Equal(toStdout.Out.TrimEnd('\n'), File.ReadAllText(Path.Combine(dir.Path, "out/report")).TrimEnd('\n'));
        Assert.Equal(new[] { "report" }, Directory.GetFiles(Path.Combine(dir.Path, "out")).Select(Path.GetFileName));
    }

    [Fact]
    public void A_report_that_fails_while_written_leaves_the_previous_file_as_it_was()
    {
        using var dir = new TempFolder();
        string path = dir.Write("report.sarif", "previous report");

        Assert.Throws<InvalidOperationException>(() => ReportFile.Write(path, w =>
        {
            w.Write(new string('x', 100_000));
            throw new InvalidOperationException("the reporter failed half-way");
        }));

        Assert.Equal("previous report", File.ReadAllText(path));
        Assert.Equal(new[] { "report.sarif" }, Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void No_command_modifies_a_file_it_reads()
    {
        using var dir = new TempFolder();
        foreach (var name in new[] { "nextwork-peering-broken.yaml", "nextwork-peering.yaml", "nextwork-intents.yaml" })
        {
            dir.CopyExample(name);
        }

        dir.Write(".peeringlint.yaml", "version: 1\nrules:\n  PL2003: warning\n");
        var before = Directory.GetFiles(dir.Path).ToDictionary(f => f, Hash);
        foreach (var args in new[]
        {
            new[] { "lint", ".", "--format", "sarif", "-o", "../r.sarif" },
            new[] { "lint", ".", "--format", "json", "--intents", "nextwork-intents.yaml" },
            new[] { "graph", ".", "--format", "html", "-o", "../r.html" },
            new[] { "reach", "nextwork-peering.yaml", "--from", "Instance - NextWork VPC 1", "--to", "Instance - NextWork VPC 2", "--protocol", "icmp" },
        })
        {
            CliRunner.Run(dir.Path, args);
        }

        Assert.Equal(before, Directory.GetFiles(dir.Path).ToDictionary(f => f, Hash));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static void Link(string existing, string link)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ln", new[] { existing, link }) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
