using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Tests.Cli;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Fixes;

/// <summary>
/// <c>lint --fix</c> per format and rule, against golden files (tests/Golden/fixes/): the fixed file as written, then
/// linted again: the fixed findings are gone, no new finding appears, the file still parses, and a second
/// <c>--fix</c> changes nothing.
/// </summary>
public sealed class FixGoldenTests
{
    public static TheoryData<string, string, string[], int> Cases() => new()
    {
        // source (under the repository), rules fixed, exit code after the fix
        { "examples/nextwork-peering-broken.yaml", "tutorial-broken.yaml", new[] { "PL1002", "PL2001", "PL2003" }, 1 },
        { "examples/cloudformation/nextwork-broken.yaml", "cfn-broken.yaml", new[] { "PL1002", "PL2001" }, 1 },
        { "examples/cloudformation/nextwork-broken.json", "cfn-broken.json", new[] { "PL1002", "PL2001" }, 1 },
        { "tests/Fixtures/fixes/tutorial-pl2001.yaml", "tutorial-pl2001.yaml", new[] { "PL2001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl2001.yaml", "cfn-pl2001.yaml", new[] { "PL2001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl2001.json", "cfn-pl2001.json", new[] { "PL2001" }, 0 },
        { "tests/Fixtures/fixes/tutorial-pl4002.yaml", "tutorial-pl4002.yaml", new[] { "PL4002" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl4002.yaml", "cfn-pl4002.yaml", new[] { "PL4002" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl4002.json", "cfn-pl4002.json", new[] { "PL4002" }, 0 },
        { "tests/Fixtures/fixes/tutorial-pl9001.yaml", "tutorial-pl9001.yaml", new[] { "PL9001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl9001.yaml", "cfn-pl9001.yaml", new[] { "PL9001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl9001.json", "cfn-pl9001.json", new[] { "PL9001" }, 0 },
        { "tests/Fixtures/fixes/tutorial-pl9001-egress.yaml", "tutorial-pl9001-egress.yaml", new[] { "PL9001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl9001-egress.yaml", "cfn-pl9001-egress.yaml", new[] { "PL9001" }, 0 },
        { "tests/Fixtures/fixes/tutorial-pl3001.yaml", "tutorial-pl3001.yaml", new[] { "PL3001", "PL9001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl3001.yaml", "cfn-pl3001.yaml", new[] { "PL3001" }, 0 },
        { "tests/Fixtures/fixes/cfn-pl3001.json", "cfn-pl3001.json", new[] { "PL3001" }, 0 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fix_repairs_the_file_and_relint_shows_the_findings_gone(string source, string name, string[] fixedRules, int exitAfter)
    {
        using var temp = new TempFolder();
        string original = File.ReadAllText(TestPaths.Combine(source.Split('/')));
        temp.Write(name, original);
        string[] intents = Intents(temp, source);

        var before = Findings(CliRunner.Run(temp.Path, [.. Lint(name, intents), "--format", "json"]));
        Assert.All(fixedRules, r => Assert.Contains(r, before));

        var fix = CliRunner.Run(temp.Path, [.. Lint(name, intents), "--fix", "--format", "json"]);
        Assert.Equal(exitAfter, fix.ExitCode);
        string fixedText = temp.Read(name);
        Golden.Verify("fixes/" + name, fixedText);

        // What --fix reported is what a fresh lint of the written file says; the fixed rules are gone, nothing new came.
        var again = CliRunner.Run(temp.Path, [.. Lint(name, intents), "--format", "json"]);
        Assert.Equal(exitAfter, again.ExitCode);
        var after = Findings(again);
        Assert.Equal(Findings(fix), after);
        Assert.All(fixedRules, r => Assert.DoesNotContain(r, after));
        Assert.All(after, r => Assert.Contains(r, before));

        // Idempotent: nothing left to fix, the file stays as it is.
        var twice = CliRunner.Run(temp.Path, [.. Lint(name, intents), "--fix"]);
        Assert.Contains("0 fixes applied to 0 files", twice.Error, StringComparison.Ordinal);
        Assert.Equal(fixedText, temp.Read(name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dry_run_prints_the_same_change_as_a_diff_and_writes_nothing(string source, string name, string[] fixedRules, int exitAfter)
    {
        _ = fixedRules;
        _ = exitAfter;
        using var temp = new TempFolder();
        string original = File.ReadAllText(TestPaths.Combine(source.Split('/')));
        temp.Write(name, original);
        string[] intents = Intents(temp, source);

        var dry = CliRunner.Run(temp.Path, [.. Lint(name, intents), "--fix-dry-run"]);
        // Lint's exit code for the file as it is: 1 with an error left, 0 when only notes are (PL3001 is a note).
        Assert.Equal(CliRunner.Run(temp.Path, Lint(name, intents)).ExitCode, dry.ExitCode);
        Assert.Equal(name.Contains("pl3001", StringComparison.Ordinal) && name.StartsWith("cfn", StringComparison.Ordinal) ? 0 : 1, dry.ExitCode);
        Assert.Equal(original.Replace("\r\n", "\n"), temp.Read(name));
        Assert.StartsWith($"--- a/{name}\n+++ b/{name}\n@@ -", dry.Out, StringComparison.Ordinal);

        // The diff's added and removed lines are exactly what --fix changes.
        CliRunner.Run(temp.Path, [.. Lint(name, intents), "--fix"]);
        var diffLines = dry.Out.Split('\n');
        string[] fixedLines = temp.Read(name).Split('\n');
        string[] originalLines = original.Replace("\r\n", "\n").Split('\n');
        foreach (var added in diffLines.Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)))
        {
            Assert.Contains(added.Substring(1), fixedLines);
        }

        int removed = diffLines.Count(l => l.StartsWith('-') && !l.StartsWith("---", StringComparison.Ordinal));
        int addedCount = diffLines.Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal));
        Assert.Equal(fixedLines.Length - originalLines.Length, addedCount - removed);
    }

    /// <summary>
    /// The intents file beside a fixture (<c>cfn-pl9001.intents.yaml</c> for <c>cfn-pl9001.yaml</c> and <c>.json</c>),
    /// copied into the folder: <c>--intents</c> and its name, or nothing. A template has no place for intents.
    /// </summary>
    private static string[] Intents(TempFolder temp, string source)
    {
        string stem = source.Substring(0, source.LastIndexOf('.'));
        string path = TestPaths.Combine((stem + ".intents.yaml").Split('/'));
        if (!File.Exists(path))
        {
            return Array.Empty<string>();
        }

        string name = Path.GetFileName(path);
        temp.Write(name, File.ReadAllText(path));
        return new[] { "--intents", name };
    }

    private static string[] Lint(string name, string[] intents) => ["lint", name, "--no-config", .. intents];

    internal static string[] Findings(CliResult result)
    {
        using var doc = JsonDocument.Parse(result.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("suppression").ValueKind == JsonValueKind.Null)
            .Select(f => f.GetProperty("ruleId").GetString()!)
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }
}
