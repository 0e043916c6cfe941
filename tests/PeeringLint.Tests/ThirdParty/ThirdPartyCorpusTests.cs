using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using PeeringLint.Tests.Cli;
using PeeringLint.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace PeeringLint.Tests.ThirdParty;

/// <summary>
/// Third-party inputs (tests/Fixtures/third-party, see its MANIFEST.md), each linted as a user would
/// (<c>peeringlint lint input --format json</c>) and compared with the findings an AWS network engineer
/// decided on by reading it (the entry's expected.yaml): no crash, no error-level finding that is not
/// judged right, every judged finding present, no finding judged false, an exit code that fits.
/// Run alone with <c>dotnet test --filter ThirdParty</c>; a failure lists every difference of the entry.
/// </summary>
public sealed class ThirdPartyCorpusTests
{
    private readonly ITestOutputHelper _output;

    public ThirdPartyCorpusTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static string Root => TestPaths.Combine("tests", "Fixtures", "third-party");

    public static IEnumerable<object[]> Entries() =>
        Directory.EnumerateDirectories(Root)
            .Select(d => Path.GetFileName(d))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new object[] { n });

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_GivesTheJudgedFindings(string entry)
    {
        var dir = Path.Combine(Root, entry);
        var expected = Expectation.Load(Path.Combine(dir, "expected.yaml"));
        var run = CliRunner.Run(dir, "lint", "input", "--format", "json", "--no-color");
        _output.WriteLine($"exit {run.ExitCode}");
        _output.WriteLine(run.Error);

        var problems = new List<string>();
        Assert.DoesNotContain("internal error", run.Out + run.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(run.ExitCode, new[] { 0, 1, 2 });
        var report = JObject.Parse(run.Out);
        var summary = (JObject)report["summary"]!;
        var findings = ((JArray?)report["findings"] ?? new JArray()).Select(Finding.From).ToList();
        var inputProblems = ((JArray?)report["inputProblems"] ?? new JArray()).Cast<JObject>()
            .Where(p => (string?)p["severity"] == "error")
            .Select(p => p["location"] is JObject loc
                ? (File: Relative((string?)loc["path"]), Line: (int?)loc["startLine"] ?? 0, Message: (string?)p["message"])
                : (File: Relative(null), Line: 0, Message: (string?)p["message"]))
            .ToList();
        foreach (var f in findings)
        {
            _output.WriteLine(f.ToString());
        }

        if (!expected.Exit.Contains(run.ExitCode))
        {
            problems.Add($"exit code {run.ExitCode}, expected one of [{string.Join(", ", expected.Exit)}]");
        }

        if ((int)summary["files"]! == 0 && run.ExitCode != 2)
        {
            problems.Add($"no input file was recognised, yet the run ended with exit {run.ExitCode} (\"nothing to lint\" must exit 2)");
        }

        if ((int)summary["inputErrors"]! > 0 && !(bool)summary["failed"]!)
        {
            problems.Add($"{summary["inputErrors"]} input error(s), yet summary.failed is false");
        }

        foreach (var f in findings.Where(f => f.Severity == "error"))
        {
            if (!expected.Errors.Any(p => p.Matches(f)) && !expected.Allowed.Any(p => p.Matches(f) && (p.Level is null || p.Level == "error")))
            {
                problems.Add("error not judged right: " + f);
            }
        }

        foreach (var p in expected.Errors)
        {
            if (!findings.Any(f => f.Severity == "error" && p.Matches(f)))
            {
                problems.Add("missing error: " + p);
            }
        }

        foreach (var p in expected.Findings)
        {
            if (!findings.Any(p.Matches))
            {
                problems.Add("missing finding: " + p);
            }
        }

        foreach (var p in expected.Forbidden)
        {
            foreach (var f in findings.Where(f => p.Forbids(f)))
            {
                problems.Add($"false finding (forbidden {p}): {f}");
            }
        }

        foreach (var ip in inputProblems)
        {
            // "Nothing to lint" is the run's own verdict (no location): right wherever the judgement allows exit 2 for
            // an input that holds nothing to lint.
            bool nothingToLint = ip.Line == 0 && (ip.Message ?? string.Empty).StartsWith("nothing to lint", StringComparison.Ordinal);
            if (nothingToLint && expected.Exit.Contains(2) && (int)summary["files"]! == 0)
            {
                continue;
            }

            if (!expected.InputProblems.Contains($"{ip.File}:{ip.Line}"))
            {
                problems.Add($"input error not judged right: {ip.File}:{ip.Line}: {ip.Message}");
            }
        }

        Assert.True(problems.Count == 0, entry + ":\n  " + string.Join("\n  ", problems));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_InputsAreTheRecordedBytes(string entry)
    {
        var dir = Path.Combine(Root, entry);
        var expected = Expectation.Load(Path.Combine(dir, "expected.yaml"));
        var input = Path.Combine(dir, "input");
        var files = Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(input, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(files, expected.Sources.Keys.OrderBy(f => f, StringComparer.Ordinal));
        foreach (var (file, blob) in expected.Sources)
        {
            Assert.True(blob == GitBlobId(File.ReadAllBytes(Path.Combine(input, file))), $"{entry}/input/{file} is not the recorded bytes (git blob {blob})");
        }
    }

    [Fact]
    public void Manifest_HasOneRowPerEntry()
    {
        var manifest = File.ReadAllText(Path.Combine(Root, "MANIFEST.md"));
        var rows = Regex.Matches(manifest, @"^\| `([a-z0-9-]+)/`", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Entries().Select(e => (string)e[0]), rows.Distinct().OrderBy(r => r, StringComparer.Ordinal));
        Assert.True(rows.Count >= 25, $"{rows.Count} entries; the collection promises at least 25");
    }

    private static string Relative(string? path)
    {
        path = (path ?? string.Empty).Replace('\\', '/');
        return path.StartsWith("input/", StringComparison.Ordinal) ? path.Substring("input/".Length) : path;
    }

    /// <summary>The id git gives the file's bytes (<c>git hash-object</c>), so upstream blobs can be compared.</summary>
    private static string GitBlobId(byte[] bytes)
    {
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
#pragma warning disable CA5350 // SHA-1 is what git names blobs with; no security use.
        var hash = SHA1.HashData(header.Concat(bytes).ToArray());
#pragma warning restore CA5350
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    private sealed record Finding(string RuleId, string Severity, string File, int Line, string Message)
    {
        public static Finding From(JToken t) => new(
            (string)t["ruleId"]!,
            (string)t["severity"]!,
            Relative((string?)t["location"]?["path"]),
            (int?)t["location"]?["startLine"] ?? 0,
            (string?)t["message"] ?? string.Empty);

        public override string ToString() => $"{RuleId} {Severity} @ {File}:{Line}: {Message}";
    }

    /// <summary>One "RULE [level] [@ file[:line]]" entry of expected.yaml.</summary>
    private sealed record Pattern(string RuleId, string? Level, string? File, int? Line)
    {
        private static readonly Regex Syntax = new(@"^(PL\d{4})(?:\s+(error|warning|note))?(?:\s*@\s*([^:\s]+)(?::(\d+))?)?$", RegexOptions.CultureInvariant);

        private static readonly string[] Levels = { "note", "warning", "error" };

        public static Pattern Parse(string text)
        {
            var m = Syntax.Match(text.Trim());
            if (!m.Success)
            {
                throw new FormatException($"not a finding pattern: '{text}' (RULE [level] [@ file[:line]])");
            }

            return new Pattern(
                m.Groups[1].Value,
                m.Groups[2].Success ? m.Groups[2].Value : null,
                m.Groups[3].Success ? m.Groups[3].Value : null,
                m.Groups[4].Success ? int.Parse(m.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        private bool Locates(Finding f) =>
            f.RuleId == RuleId && (File is null || f.File == File) && (Line is null || f.Line == Line);

        /// <summary>Same rule and place, and the same level when one is given.</summary>
        public bool Matches(Finding f) => Locates(f) && (Level is null || f.Severity == Level);

        /// <summary>Same rule and place, at the given level or above (any level when none is given).</summary>
        public bool Forbids(Finding f) =>
            Locates(f) && (Level is null || Array.IndexOf(Levels, f.Severity) >= Array.IndexOf(Levels, Level));

        public override string ToString() =>
            RuleId + (Level is null ? string.Empty : " " + Level) + (File is null ? string.Empty : " @ " + File + (Line is null ? string.Empty : ":" + Line));
    }

    private sealed class Expectation
    {
        public IReadOnlyList<int> Exit { get; private init; } = Array.Empty<int>();

        public IReadOnlyList<Pattern> Errors { get; private init; } = Array.Empty<Pattern>();

        public IReadOnlyList<Pattern> Findings { get; private init; } = Array.Empty<Pattern>();

        public IReadOnlyList<Pattern> Allowed { get; private init; } = Array.Empty<Pattern>();

        public IReadOnlyList<Pattern> Forbidden { get; private init; } = Array.Empty<Pattern>();

        public IReadOnlyList<string> InputProblems { get; private init; } = Array.Empty<string>();

        /// <summary>Local file (relative to input/) → git blob id of its recorded bytes.</summary>
        public IReadOnlyDictionary<string, string> Sources { get; private init; } = new Dictionary<string, string>();

        public static Expectation Load(string path)
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                stream.Load(reader);
            }

            var root = (YamlMappingNode)stream.Documents[0].RootNode;
            List<string> Strings(string key) =>
                root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
                    ? seq.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToList()
                    : new List<string>();

            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var s in ((YamlSequenceNode)root.Children[new YamlScalarNode("sources")]).Children.Cast<YamlMappingNode>())
            {
                sources.Add(((YamlScalarNode)s.Children[new YamlScalarNode("file")]).Value!, ((YamlScalarNode)s.Children[new YamlScalarNode("blob")]).Value!);
            }

            return new Expectation
            {
                Exit = Strings("exit").Select(e => int.Parse(e, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                Errors = Strings("errors").Select(Pattern.Parse).ToList(),
                Findings = Strings("findings").Select(Pattern.Parse).ToList(),
                Allowed = Strings("allowed").Select(Pattern.Parse).ToList(),
                Forbidden = Strings("forbidden").Select(Pattern.Parse).ToList(),
                InputProblems = Strings("inputProblems"),
                Sources = sources,
            };
        }
    }
}
