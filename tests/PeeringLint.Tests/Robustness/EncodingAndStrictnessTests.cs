using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18, items 11–14 and 16 (encodings and strictness): lone surrogates, UTF-16 and UTF-32 files, the format
/// decided by content before streaming, leading zeros, stray spaces and unknown tags in the tutorial format, and
/// values too long to copy into every message.
/// </summary>
public sealed class EncodingAndStrictnessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peeringlint-encoding-" + Guid.NewGuid().ToString("N"));

    public EncodingAndStrictnessTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static InputSource Source(string path, byte[] bytes) =>
        new(path, () => bytes, true) { Open = () => new MemoryStream(bytes, writable: false), Length = bytes.Length };

    private static LoadResult Load(bool stream, params InputSource[] sources) =>
        new InputLoader().Load(sources, new LoadOptions { StreamThreshold = stream ? 0 : long.MaxValue, MaxDegreeOfParallelism = 1 });

    /// <summary>Everything a run reports: problems and findings with their locations, and the snippet line of each.</summary>
    private static string Describe(LoadResult load)
    {
        var sb = new StringBuilder();
        var m = load.Model;
        sb.AppendLine($"vpcs {m.Vpcs.Count} subnets {m.Subnets.Count} tables {m.RouteTables.Count} instances {m.Instances.Count} peerings {m.PeeringConnections.Count}");
        foreach (var p in load.Problems)
        {
            sb.AppendLine($"problem {p.Severity} {p.Location.Path}:{p.Location.StartLine}:{p.Location.StartColumn}-{p.Location.EndLine}:{p.Location.EndColumn} {p.Message}");
        }

        foreach (var f in LintEngine.Run(m).Findings)
        {
            sb.AppendLine($"finding {f.RuleId} {f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}-{f.Location.EndLine}:{f.Location.EndColumn} {f.Message}");
            sb.AppendLine("  " + load.Documents[f.Location.Path].GetLine(f.Location.StartLine));
        }

        return sb.ToString();
    }

    // ---- Item 11: lone surrogates -------------------------------------------------------------------------------

    private const string SurrogateExport =
        "{\"Vpcs\": [\n" +
        "  {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.1.0.0/16\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"x\\ud800\"}]},\n" +
        "  {\"VpcId\": \"vpc-2\", \"CidrBlock\": \"10.2.0.0/16\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"\\udc00y\\ud83d\\ude00\"}]},\n" +
        "  {\"VpcId\": \"vpc-3\", \"CidrBlock\": \"10.3.0.5/16\"}\n" +
        "],\n" +
        "\"Extra\\ud800\": []}\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_lone_surrogate_in_a_json_string_is_a_located_warning_and_the_rest_of_the_file_is_read(bool stream)
    {
        var load = Load(stream, Source("vpcs.json", Encoding.UTF8.GetBytes(SurrogateExport)));

        Assert.DoesNotContain(load.Problems, p => p.Message.Contains("internal error", StringComparison.Ordinal));
        var warnings = load.Problems.Where(p => p.Message.Contains("unpaired surrogate", StringComparison.Ordinal)).ToArray();
        Assert.All(warnings, w => Assert.Equal(InputProblemSeverity.Warning, w.Severity));
        Assert.Equal(new[] { (2, 84), (3, 84), (6, 1) }, warnings.Select(w => (w.Location.StartLine, w.Location.StartColumn)).ToArray());

        // The values are kept with U+FFFD (a valid pair stays a pair), and the finding in the last record is not lost.
        Assert.Equal(new[] { "x\uFFFD", "\uFFFDy\U0001F600" }, load.Model.Vpcs.Where(v => v.Id != "vpc-3").Select(v => v.Name).ToArray());
        var finding = Assert.Single(LintEngine.Run(load.Model).Findings);
        Assert.Equal(("PL1004", 4, 35), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
    }

    [Fact]
    public void Whole_and_streamed_files_report_a_lone_surrogate_at_the_same_place()
    {
        var bytes = Encoding.UTF8.GetBytes(SurrogateExport);
        Assert.Equal(Describe(Load(false, Source("vpcs.json", bytes))), Describe(Load(true, Source("vpcs.json", bytes))));
    }

    [Fact]
    public void A_lone_surrogate_in_a_yaml_string_is_a_located_error_not_a_crash()
    {
        var load = Load(false, InputSource.FromText("s.yaml", "vpcs:\n  - name: \"x\\ud800\"\n    cidr: 10.0.0.0/16\n"));
        var problem = Assert.Single(load.Problems);
        Assert.Equal((InputProblemSeverity.Error, 2, 11), (problem.Severity, problem.Location.StartLine, problem.Location.StartColumn));
        Assert.StartsWith("invalid YAML", problem.Message, StringComparison.Ordinal);
    }

    // ---- Item 12: UTF-16 and UTF-32 -----------------------------------------------------------------------------

    public static IEnumerable<object[]> Encodings()
    {
        yield return new object[] { "utf-16le", true };
        yield return new object[] { "utf-16be", true };
        yield return new object[] { "utf-32le", true };
        yield return new object[] { "utf-32be", true };
        yield return new object[] { "utf-16le", false };
        yield return new object[] { "utf-16be", false };
        yield return new object[] { "utf-32le", false };
    }

    private static byte[] Encode(string text, string encoding, bool bom)
    {
        Encoding e = encoding switch
        {
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            "utf-32le" => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var body = e.GetBytes(text);
        return bom ? e.GetPreamble().Concat(body).ToArray() : body;
    }

    private const string UnicodeVpcs =
        "{\r\n  \"Vpcs\": [\r\n    {\"VpcId\": \"vpc-1\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"Réseau 東京 🚀\"}], \"CidrBlock\": \"10.1.0.5/16\"}\r\n  ]\r\n}\r\n";

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Utf16_and_utf32_files_give_the_same_findings_at_the_same_line_and_column_as_utf8(string encoding, bool bom)
    {
        string tutorial = File.ReadAllText(Path.Combine(TestPaths.Examples, "nextwork-peering-broken.yaml"));
        var inputs = new (string Path, string Text)[] { ("tutorial.yaml", tutorial), ("aws/unicode-vpcs.json", UnicodeVpcs) }
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.Examples, "aws-json", "nextwork-broken")).OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path: "aws/" + Path.GetFileName(f), Text: File.ReadAllText(f))))
            .ToArray();

        string expected = Describe(Load(false, inputs.Select(i => Source(i.Path, Encoding.UTF8.GetBytes(i.Text))).ToArray()));
        var decoded = Load(false, inputs.Select(i => Source(i.Path, Encode(i.Text, encoding, bom))).ToArray());

        Assert.Contains("finding PL1002 tutorial.yaml:16:28", expected, StringComparison.Ordinal);
        Assert.Contains("finding PL1004 aws/unicode-vpcs.json:3:89", expected, StringComparison.Ordinal);
        Assert.Equal(expected, Describe(decoded));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void A_large_utf16_or_utf32_json_file_is_read_whole_not_streamed_and_gives_the_same_findings(string encoding, bool bom)
    {
        string expected = Describe(Load(false, Source("describe-vpcs.json", Encoding.UTF8.GetBytes(UnicodeVpcs))));
        var load = Load(stream: true, Source("describe-vpcs.json", Encode(UnicodeVpcs, encoding, bom)));
        Assert.False(load.Documents["describe-vpcs.json"].IsStreamed);
        Assert.Equal(expected, Describe(load));
    }

    [Fact]
    public void A_powershell_redirect_file_is_linted_like_its_utf8_original()
    {
        // Windows PowerShell 5.1: `aws ec2 describe-vpcs > vpcs.json` writes UTF-16 LE with a BOM and CRLF.
        File.WriteAllBytes(Path.Combine(_dir, "vpcs.json"), Encode(UnicodeVpcs, "utf-16le", bom: true));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = PeeringLint.Cli.Program.Run(new[] { "lint", "vpcs.json", "--format", "github" }, stdout, stderr, _dir);
        Assert.Equal(1, exit);
        Assert.Contains("::error file=vpcs.json,line=3,col=89,", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("binary", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf16_is_a_located_error_that_names_the_encoding()
    {
        // A lone high surrogate (D800) on line 2, after "  a: " (5 characters).
        var bytes = new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("vpcs:\n  a: ")).Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).ToArray();
        var problem = Assert.Single(Load(false, Source("bad.yaml", bytes)).Problems);
        Assert.Equal((2, 6), (problem.Location.StartLine, problem.Location.StartColumn));
        Assert.Contains("not valid UTF-16 LE text", problem.Message, StringComparison.Ordinal);

        var odd = new UnicodeEncoding(false, true).GetPreamble().Concat(Encoding.Unicode.GetBytes("{}")).Concat(new byte[] { 0x20 }).ToArray();
        Assert.Contains("not valid UTF-16 LE text", Assert.Single(Load(false, Source("odd.json", odd)).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_is_still_binary()
    {
        var bytes = new byte[] { 0x7B, 0x00, 0x01, 0x02, 0x00, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x0D, 0x0A };
        var problem = Assert.Single(Load(false, Source("b.json", bytes)).Problems);
        Assert.Contains("binary", problem.Message, StringComparison.Ordinal);
        Assert.Equal((1, 2), (problem.Location.StartLine, problem.Location.StartColumn));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, InputEncoding.Utf16LE, 2)]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B }, InputEncoding.Utf16BE, 2)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, InputEncoding.Utf32LE, 4)]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x7B }, InputEncoding.Utf32BE, 4)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B }, InputEncoding.Utf8, 3)]
    [InlineData(new byte[] { 0x76, 0x00, 0x70, 0x00, 0x63, 0x00, 0x73, 0x00, 0x3A, 0x00 }, InputEncoding.Utf16LE, 0)]
    [InlineData(new byte[] { 0x00, 0x76, 0x00, 0x70, 0x00, 0x63, 0x00, 0x73, 0x00, 0x3A }, InputEncoding.Utf16BE, 0)]
    [InlineData(new byte[] { 0x7B, 0x00, 0x00, 0x00, 0x7D, 0x00, 0x00, 0x00 }, InputEncoding.Utf32LE, 0)]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00, 0x7D }, InputEncoding.Utf32BE, 0)]
    [InlineData(new byte[] { 0x7B, 0x00, 0x01 }, InputEncoding.Utf8, 0)]
    [InlineData(new byte[] { 0x7B, 0x7D }, InputEncoding.Utf8, 0)]
    public void Encodings_are_recognised_by_bom_or_by_the_nul_pattern_of_ascii(byte[] head, InputEncoding encoding, int bom)
    {
        Assert.Equal((encoding, bom), TextEncodings.Detect(head));
    }

    // ---- Item 13: the format is decided by content, before streaming --------------------------------------------

    [Fact]
    public void A_large_yaml_template_is_read_whole_as_yaml_not_streamed_as_json()
    {
        var bytes = File.ReadAllBytes(Path.Combine(TestPaths.Examples, "cloudformation", "nextwork-broken.yaml"));
        string whole = Describe(Load(false, Source("stack.template", bytes)));
        var streamed = Load(stream: true, Source("stack.template", bytes));

        Assert.DoesNotContain(streamed.Problems, p => p.Message.Contains("JSON", StringComparison.Ordinal));
        Assert.Contains("finding PL", whole, StringComparison.Ordinal);
        Assert.Equal(whole, Describe(streamed));
    }

    [Theory]
    [InlineData("vpcs.json", "vpcs:\n  - name: a\n    cidr: 10.0.0.0/33\n", 3, 11)]
    [InlineData("vpcs.yaml", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/33\"}]}", 1, 43)]
    [InlineData("vpcs.sarif", "# a comment first\n{vpcs: [{name: a, cidr: 10.0.0.0/33}]}\n", 2, 25)]
    [InlineData("vpcs", "// exported by a script\n{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/33\"}]}", 2, 43)]
    public void Yaml_in_a_json_file_and_json_in_a_yaml_file_are_read_by_content(string path, string text, int line, int column)
    {
        foreach (bool stream in new[] { false, true })
        {
            var load = Load(stream, Source(path, Encoding.UTF8.GetBytes(text)));
            Assert.Empty(load.Problems);
            var finding = Assert.Single(LintEngine.Run(load.Model).Findings);
            Assert.Equal(("PL1004", line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        }
    }

    [Fact]
    public void Yaml_and_utf16_files_over_the_whole_file_limit_are_refused_with_what_was_found()
    {
        var options = new LoadOptions { StreamThreshold = 1024, MaxWholeFileBytes = 2048 };
        string yaml = "vpcs:\n" + string.Concat(Enumerable.Repeat("  - { name: v, cidr: 10.0.0.0/16 }\n", 200));
        var big = Encoding.UTF8.GetBytes(yaml);
        var problem = Assert.Single(new InputLoader().Load(new[] { Source("big.json", big) }, options).Problems);
        Assert.Contains("of YAML", problem.Message, StringComparison.Ordinal);
        Assert.Contains("up to 0 MB", problem.Message, StringComparison.Ordinal);

        var utf16 = Encode("{\"Vpcs\": [" + string.Join(", ", Enumerable.Repeat("{\"VpcId\": \"vpc-1\"}", 200)) + "]}", "utf-16le", bom: true);
        problem = Assert.Single(new InputLoader().Load(new[] { Source("big.json", utf16) }, options).Problems);
        Assert.Contains("of UTF-16 LE text", problem.Message, StringComparison.Ordinal);
        Assert.Contains("iconv -f UTF-16LE -t UTF-8 big.json", problem.Message, StringComparison.Ordinal);
    }

    // ---- Item 14: leading zeros, spaces and tags ----------------------------------------------------------------

    private const string Strict =
        "vpcs:\n" +
        "  - name: a\n" +
        "    cidr: 010.1.0.0/16\n" +
        "  - name: b\n" +
        "    cidr: 10.2.0.0/016\n" +
        "  - name: c\n" +
        "    cidr: \" 10.3.0.0/16 \"\n" +
        "  - name: d\n" +
        "    cidr: !Whatever 10.4.0.0/16\n" +
        "  - name: e\n" +
        "    cidr: !!str 10.5.0.0/16\n" +
        "    subnets:\n" +
        "      - { name: s, cidr: !Ref Nope }\n";

    [Fact]
    public void The_tutorial_format_rejects_leading_zeros_and_unknown_tags_and_warns_about_spaces()
    {
        var load = Load(false, InputSource.FromText("strict.yaml", Strict));

        var problems = load.Problems.Select(p => (p.Severity, p.Location.StartLine, p.Location.StartColumn, p.Message.Split(';')[0])).ToArray();
        Assert.Equal(
            new[]
            {
                (InputProblemSeverity.Warning, 7, 11, "the CIDR ' 10.3.0.0/16 ' has spaces around it"),
                (InputProblemSeverity.Error, 9, 11, "unknown tag '!Whatever'"),
                (InputProblemSeverity.Error, 13, 26, "unknown tag '!Ref'"),
            },
            problems);

        var findings = LintEngine.Run(load.Model).Findings.Where(f => f.RuleId == "PL1004").ToArray();
        Assert.Contains(findings, f => (f.Location.StartLine, f.Location.StartColumn) == (3, 11) && f.Message.Contains("leading zero ('010')", StringComparison.Ordinal));
        Assert.Contains(findings, f => (f.Location.StartLine, f.Location.StartColumn) == (5, 11) && f.Message.Contains("'/016' has a leading zero", StringComparison.Ordinal));
        Assert.Equal("10.3.0.0/16", load.Model.Vpcs.Single(v => v.Name == "c").Ipv4Cidrs[0].Value.ToString());
        Assert.Equal("10.5.0.0/16", load.Model.Vpcs.Single(v => v.Name == "e").Ipv4Cidrs[0].Value.ToString());
    }

    [Theory]
    [InlineData("vpcs.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"010.1.0.0/16\"}]}", 1, 43)]
    [InlineData("stack.yaml", "Resources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.1.0.0/016\n", 5, 18)]
    [InlineData("stack.json", "{\"Resources\": {\"V\": {\"Type\": \"AWS::EC2::VPC\", \"Properties\": {\"CidrBlock\": \"10.01.0.0/16\"}}}}", 1, 75)]
    public void Every_format_reports_leading_zeros_as_an_invalid_cidr(string path, string text, int line, int column)
    {
        var load = Load(false, InputSource.FromText(path, text));
        Assert.Empty(load.Problems);
        var finding = Assert.Single(LintEngine.Run(load.Model).Findings);
        Assert.Equal(("PL1004", line, column), (finding.RuleId, finding.Location.StartLine, finding.Location.StartColumn));
        Assert.Contains("leading zero", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("010.1.0.0/16", "'010'")]
    [InlineData("10.1.0.00/16", "'00'")]
    [InlineData("10.2.0.0/016", "'/016'")]
    [InlineData("10.2.0.0/00", "'/00'")]
    [InlineData("::ffff:010.0.0.0/104", "'010'")]
    public void Cidrs_with_leading_zeros_are_malformed(string text, string named)
    {
        Assert.Equal(CidrParseStatus.Malformed, Cidr.TryParse(text, out _, out var problem));
        Assert.Contains(named, problem, StringComparison.Ordinal);
        Assert.Contains("leading zero", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.0/8")]
    [InlineData("100.64.0.0/10")]
    [InlineData("2001:0db8::/32")]
    public void Zeros_that_are_not_leading_stay_valid(string text)
    {
        Assert.Equal(CidrParseStatus.Ok, Cidr.TryParse(text, out _, out _));
    }

    [Fact]
    public void Ipv4_addresses_with_leading_zeros_are_not_addresses()
    {
        Assert.False(Cidr.TryParseV4("010.1.0.5", out _));
        Assert.False(Cidr.TryParseV4("10.1.0.05", out _));
        Assert.True(Cidr.TryParseV4("10.1.0.0", out uint a));
        Assert.Equal(0x0A010000u, a);
    }

    // ---- Item 16: values too long to copy everywhere ------------------------------------------------------------

    [Fact]
    public void A_yaml_scalar_over_the_limit_is_a_located_error()
    {
        string text = "vpcs:\n  - name: v\n    description: " + new string('a', ValueLimit.MaxLength + 1) + "\n    cidr: 10.0.0.0/16\n";
        var problem = Assert.Single(Load(false, InputSource.FromText("long.yaml", text)).Problems);
        Assert.Equal((InputProblemSeverity.Error, 3, 18), (problem.Severity, problem.Location.StartLine, problem.Location.StartColumn));
        Assert.Contains($"{ValueLimit.MaxLength + 1:N0} characters long", problem.Message, StringComparison.Ordinal);

        // A value at the limit is read.
        string fits = "vpcs:\n  - name: " + new string('a', ValueLimit.MaxLength) + "\n    cidr: 10.0.0.0/16\n";
        Assert.Empty(Load(false, InputSource.FromText("fits.yaml", fits)).Problems);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_json_string_over_the_limit_is_a_located_error_whole_and_streamed(bool stream)
    {
        // Two-byte characters: the limit counts characters, not bytes, so 600,000 × "é" (1.2 MB) is within it.
        string fits = new('é', 600_000);
        string text = "{\"Vpcs\": [\n  {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.1.0.0/16\", \"Description\": \"" + fits + "\"},\n  {\"VpcId\": \"vpc-2\", \"Description\": \"" + new string('y', ValueLimit.MaxLength + 1) + "\"}\n]}\n";
        var problem = Assert.Single(Load(stream, Source("long.json", Encoding.UTF8.GetBytes(text))).Problems);
        Assert.Equal((InputProblemSeverity.Error, 3, 37), (problem.Severity, problem.Location.StartLine, problem.Location.StartColumn));
        Assert.Contains($"{ValueLimit.MaxLength + 1:N0} characters long", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>The case: a 10 MB YAML scalar, linted by the CLI under a 256 MB heap limit.</summary>
    [Fact]
    public void A_10_MB_yaml_scalar_is_a_clear_error_under_a_256_MB_heap()
    {
        File.WriteAllText(Path.Combine(_dir, "long.yaml"), "vpcs:\n  - name: v\n    cidr: 10.0.0.0/16\n  - name: " + new string('n', 10_000_000) + "\n    cidr: 10.1.0.0/16\n");
        var (exit, stdout, stderr) = RunCliUnderHeapLimit("lint", "long.yaml");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("OutOfMemory", stdout + stderr, StringComparison.Ordinal);
        Assert.Contains("long.yaml:4:11: error: this value is 10,000,000 characters long", stderr, StringComparison.Ordinal);
    }

    private (int Exit, string Out, string Err) RunCliUnderHeapLimit(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peeringlint.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_GCHeapHardLimit"] = "0x10000000"; // 256 MB
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(2)), "the CLI did not finish within 2 minutes");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
