using System.IO;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18 item 9: a <c>.peeringlint.yaml</c> in a shared parent (a temporary or home folder) never applies: discovery
/// stops at the repository root or the base (current) folder. And <c>ignore_paths</c> never silently drops a file named
/// on the command line: it is linted anyway, with a warning.
/// </summary>
public sealed class ConfigBoundaryTests
{
    private const string SilenceEverything = "ignore_paths:\n  - \"**\"\nrules:\n  PL2003: off\n";

    [Fact]
    public void A_configuration_above_the_base_folder_is_not_used()
    {
        using var tmp = new TempFolder();
        tmp.Write(".peeringlint.yaml", SilenceEverything);
        tmp.CopyExample("nextwork-peering-broken.yaml", "work/broken.yaml");
        var r = CliRunner.Run(Path.Combine(tmp.Path, "work"), "lint", "broken.yaml", "--verbose");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("PL2003", r.Out);
        Assert.DoesNotContain("using configuration", r.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Discovery_stops_at_the_repository_root(bool gitIsAFolder)
    {
        using var tmp = new TempFolder();
        tmp.Write(".peeringlint.yaml", SilenceEverything);
        tmp.CopyExample("nextwork-peering-broken.yaml", "repo/net/broken.yaml");
        if (gitIsAFolder)
        {
            Directory.CreateDirectory(Path.Combine(tmp.Path, "repo", ".git"));
        }
        else
        {
            tmp.Write("repo/.git", "gitdir: ../elsewhere/.git/worktrees/repo\n"); // a worktree or submodule
        }

        // The base folder (tmp) is above the repository: the repository root is met first.
        var outside = CliRunner.Run(tmp.Path, "lint", "repo/net/broken.yaml", "--verbose");
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("PL2003", outside.Out);
        Assert.DoesNotContain("using configuration", outside.Error);

        tmp.Write("repo/.peeringlint.yaml", "rules:\n  PL2003: off\n");
        var inside = CliRunner.Run(tmp.Path, "lint", "repo/net/broken.yaml", "--verbose");
        Assert.Contains("note: using configuration repo/.peeringlint.yaml", inside.Error);
        Assert.DoesNotContain("PL2003", inside.Out);
    }

    [Fact]
    public void An_input_outside_the_base_folder_and_any_repository_finds_only_a_configuration_beside_it()
    {
        using var tmp = new TempFolder();
        tmp.Write(".peeringlint.yaml", SilenceEverything);
        var input = tmp.CopyExample("nextwork-peering-broken.yaml", "shared/broken.yaml");
        tmp.Write("base/keep.txt", string.Empty);
        var r = CliRunner.Run(Path.Combine(tmp.Path, "base"), "lint", input, "--verbose");
        Assert.Contains("PL2003", r.Out);
        Assert.DoesNotContain("using configuration", r.Error);

        tmp.Write("shared/.peeringlint.yaml", "rules:\n  PL2003: off\n");
        var beside = CliRunner.Run(Path.Combine(tmp.Path, "base"), "lint", input, "--verbose");
        Assert.Contains("note: using configuration ../shared/.peeringlint.yaml", beside.Error);
        Assert.DoesNotContain("PL2003", beside.Out);
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_linted_even_when_ignore_paths_matches_it()
    {
        using var tmp = new TempFolder();
        tmp.Write(".peeringlint.yaml", "ignore_paths:\n  - \"**\"\n");
        tmp.CopyExample("nextwork-peering-broken.yaml", "net/broken.yaml");

        var named = CliRunner.Run(tmp.Path, "lint", "net/broken.yaml");
        Assert.Equal(1, named.ExitCode);
        Assert.Contains("PL2003", named.Out);
        Assert.Contains("net/broken.yaml:1:1: warning: 'net/broken.yaml' is named on the command line but ignore_paths ('**' in .peeringlint.yaml) matches it; linting it anyway", named.Error);

        // Found by walking a folder, the same file is left out, as ignore_paths says (and --verbose lists it); with
        // every file left out there is nothing to lint, which is never a clean pass.
        var walked = CliRunner.Run(tmp.Path, "lint", "net", "--verbose");
        Assert.Equal(2, walked.ExitCode);
        Assert.Contains("nothing to lint: ignore_paths in .peeringlint.yaml leaves out all 1 files found", walked.Error);
        Assert.Contains("note: ignored net/broken.yaml", walked.Error);
        Assert.DoesNotContain("linting it anyway", walked.Error);
    }
}
