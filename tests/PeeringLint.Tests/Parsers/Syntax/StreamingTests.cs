using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Parsers.Syntax;

/// <summary>
/// Issue 9: large JSON files are read as a stream. Streaming must give exactly what reading the file whole
/// gives: the same model, findings, problems, lines and columns.
/// </summary>
public sealed class StreamingTests
{
    private static readonly string[] Inputs = { "tests/Fixtures/corpus/aws-json", "examples/aws-json", "tests/Fixtures/corpus/cloudformation" };

    private static IReadOnlyList<InputSource> Sources()
    {
        var sources = new List<InputSource>();
        foreach (var input in Inputs)
        {
            string root = TestPaths.Combine(input.Split('/'));
            foreach (var f in Directory.GetFiles(root, "*.json", SearchOption.AllDirectories))
            {
                var rel = Path.GetRelativePath(root, Path.GetDirectoryName(f)!);
                string display = Path.GetRelativePath(TestPaths.Root, f).Replace('\\', '/');
                sources.Add(InputSource.FromFile(display, f, isExplicit: false, new FileInfo(f).Length) with
                {
                    Folders = rel == "." ? Array.Empty<string>() : rel.Split(Path.DirectorySeparatorChar),
                });
            }
        }

        return sources;
    }

    private static string Describe(LoadResult load)
    {
        var sb = new StringBuilder();
        var m = load.Model;
        sb.AppendLine($"vpcs {m.Vpcs.Count} subnets {m.Subnets.Count} tables {m.RouteTables.Count} routes {m.RouteTables.Sum(t => t.Routes.Count)} groups {m.SecurityGroups.Count} rules {m.SecurityGroups.Sum(g => g.Ingress.Count + g.Egress.Count)} acls {m.NetworkAcls.Count} instances {m.Instances.Count} peerings {m.PeeringConnections.Count} eips {m.ElasticIps.Count} coverage {m.Coverage}");
        foreach (var p in load.Problems)
        {
            sb.AppendLine($"problem {p.Severity} {p.Location.Path}:{p.Location.StartLine}:{p.Location.StartColumn}-{p.Location.EndLine}:{p.Location.EndColumn} {p.Location.LogicalPath} {p.Message}");
        }

        foreach (var f in LintEngine.Run(m).Findings)
        {
            sb.AppendLine($"finding {f.RuleId} {f.Location.Path}:{f.Location.StartLine}:{f.Location.StartColumn}-{f.Location.EndLine}:{f.Location.EndColumn} {f.Location.LogicalPath} {f.Message}");
            var doc = load.Documents[f.Location.Path];
            sb.AppendLine("  " + doc.GetLine(f.Location.StartLine));
        }

        return sb.ToString();
    }

    [Fact]
    public void Streaming_every_corpus_file_gives_the_same_model_findings_and_locations_as_reading_it_whole()
    {
        var sources = Sources();
        var whole = new InputLoader().Load(sources, new LoadOptions { StreamThreshold = long.MaxValue });
        var streamed = new InputLoader().Load(sources, new LoadOptions { StreamThreshold = 0 });

        Assert.Contains(streamed.Documents.Values, d => d.IsStreamed);
        Assert.DoesNotContain(whole.Documents.Values, d => d.IsStreamed);
        string expected = Describe(whole);
        Assert.Contains("finding PL", expected);
        Assert.Equal(expected, Describe(streamed));
    }

    public static IEnumerable<object[]> Texts()
    {
        yield return new object[] { "{\"a\": 1}\n{\"b\": 2}\n" };
        yield return new object[] { "\uFEFF{\"Vpcs\": [\r\n  {\"VpcId\": \"vpc-1\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"Café ☕ 𝄞\"}]}\r\n]}" };
        var rng = new Random(9);
        string[] pieces = { "a", "é", "☕", "𝄞", "\n", "\r\n", " ", "\"x\": [1, 2]", new string('z', 5000) };
        for (int n = 0; n < 12; n++)
        {
            var sb = new StringBuilder();
            int count = rng.Next(1, 4000);
            for (int i = 0; i < count; i++)
            {
                sb.Append(pieces[rng.Next(pieces.Length)]);
            }

            yield return new object[] { sb.ToString() };
        }
    }

    /// <summary>The 4 KB checkpoint index answers every offset and line exactly like the whole-file index.</summary>
    [Theory]
    [MemberData(nameof(Texts))]
    public void Checkpoint_line_index_matches_the_whole_file_index_at_every_offset(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var whole = SourceDocument.FromUtf8("t.json", bytes);
        var index = new BlockLineIndex(() => new MemoryStream(bytes, writable: false));
        var rng = new Random(bytes.Length);
        for (int at = 0; at < bytes.Length;)
        {
            int n = Math.Min(bytes.Length - at, rng.Next(1, 9000));
            index.Feed(new ReadOnlySpan<byte>(bytes, at, n));
            at += n;
        }

        var streamed = SourceDocument.Streamed("t.json", index);
        for (int offset = 0; offset <= bytes.Length; offset++)
        {
            if (offset < bytes.Length && (bytes[offset] & 0xC0) == 0x80)
            {
                continue; // not a character boundary
            }

            Assert.Equal(whole.LineColumn(offset), streamed.LineColumn(offset));
        }

        int lines = bytes.Count(b => b == (byte)'\n') + 1;
        for (int line = 0; line <= lines + 1; line++)
        {
            Assert.Equal(whole.GetLine(line).TrimStart('\uFEFF'), streamed.GetLine(line));
        }
    }

    /// <summary>A file with a syntax error late in it: the error's line and column are the whole-file reader's.</summary>
    [Fact]
    public void A_syntax_error_deep_in_a_streamed_file_has_the_same_location()
    {
        var sb = new StringBuilder("{\"Vpcs\": [\n");
        for (int i = 0; i < 30000; i++)
        {
            sb.Append("  {\"VpcId\": \"vpc-").Append(i.ToString("x8")).Append("\", \"CidrBlock\": \"10.0.0.0/16\"},\n");
        }

        sb.Append("  {\"VpcId\": \"vpc-last\", \"CidrBlock\": 10.0.0.0/16}\n]}\n");
        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        var source = new InputSource("big.json", () => bytes, true) { Open = () => new MemoryStream(bytes, writable: false), Length = bytes.Length };
        var whole = new InputLoader().Load(new[] { source }, new LoadOptions { StreamThreshold = long.MaxValue });
        var streamed = new InputLoader().Load(new[] { source }, new LoadOptions { StreamThreshold = 0 });
        var expected = Assert.Single(whole.Problems);
        var actual = Assert.Single(streamed.Problems);
        Assert.Equal(30002, expected.Location.StartLine);
        Assert.Equal((expected.Location.StartLine, expected.Location.StartColumn, expected.Message), (actual.Location.StartLine, actual.Location.StartColumn, actual.Message));
    }
}
