using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PeeringLint.Cli;
using PeeringLint.Cli.Output;
using PeeringLint.Parsers.Syntax;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18, items 6 and 7: output grows linearly with the findings, however long the lines they sit on
/// (snippets and SARIF context regions are bounded windows of a line, decoded once).
/// </summary>
public sealed class OutputBoundsTests : IDisposable
{
    /// <summary>Bytes of output a finding or input problem may cost in any format (SARIF, the largest, needs about 1.8 KB).</summary>
    private const int PerItem = 3000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peeringlint-bounds-" + Guid.NewGuid().ToString("N"));

    public OutputBoundsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(args, stdout, stderr, _dir);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A minified describe-vpcs export (one line) whose every VPC block has host bits set: one PL1004 error per VPC.</summary>
    private string MinifiedVpcs(int count)
    {
        var sb = new StringBuilder("{\"Vpcs\":[");
        for (int i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",")
                .Append("{\"VpcId\":\"vpc-").Append(i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture))
                .Append("\",\"CidrBlock\":\"10.").Append(i / 256).Append('.').Append(i % 256).Append(".1/16\",\"State\":\"available\",\"OwnerId\":\"111122223333\"}");
        }

        File.WriteAllText(Path.Combine(_dir, "vpcs.json"), sb.Append("]}").ToString());
        return "vpcs.json";
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("github")]
    public void Every_format_stays_linear_in_input_size_and_findings_on_a_minified_file(string format)
    {
        const int Count = 2500;
        string file = MinifiedVpcs(Count);
        long inputBytes = new FileInfo(Path.Combine(_dir, file)).Length;
        var (exit, output, err) = Run("lint", file, "--format", format);
        Assert.True(exit == 1, err);
        long outputBytes = Encoding.UTF8.GetByteCount(output) + Encoding.UTF8.GetByteCount(err);
        long bound = (2 * inputBytes) + ((long)Count * PerItem);
        Assert.True(outputBytes <= bound, $"{format}: {outputBytes:N0} bytes of output for {inputBytes:N0} bytes of input and {Count} findings (bound {bound:N0})");

        // Every finding is there (nothing was dropped to stay small).
        int reported = format switch
        {
            "text" => output.Split('\n').Count(l => l.Contains(": error PL1004: ", StringComparison.Ordinal)),
            "json" => JsonDocument.Parse(output).RootElement.GetProperty("findings").GetArrayLength(),
            "sarif" => JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(),
            _ => output.Split('\n').Count(l => l.StartsWith("::error ", StringComparison.Ordinal)),
        };
        Assert.Equal(Count, reported);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("sarif")]
    public void Thousands_of_input_problems_on_one_long_line_stay_linear(string format)
    {
        const int Records = 3000;
        var sb = new StringBuilder("{\"Vpcs\":[");
        for (int i = 0; i < Records; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append("{\"VpcId\":").Append(i).Append(",\"CidrBlock\":7}");
        }

        File.WriteAllText(Path.Combine(_dir, "bad.json"), sb.Append("]}").ToString());
        long inputBytes = new FileInfo(Path.Combine(_dir, "bad.json")).Length;
        var (exit, output, err) = Run("lint", "bad.json", "--format", format);
        Assert.Equal(2, exit);
        long outputBytes = Encoding.UTF8.GetByteCount(output) + Encoding.UTF8.GetByteCount(err);

        // Two problems per record (a CIDR that is a number, and so no known range).
        long bound = (2 * inputBytes) + (2L * Records * PerItem);
        Assert.True(outputBytes <= bound, $"{format}: {outputBytes:N0} bytes for {inputBytes:N0} bytes of input (bound {bound:N0})");
        Assert.Contains("expected a CIDR string for 'CidrBlock', found a number", output + err);
    }

    [Fact]
    public void Text_snippets_of_a_long_line_are_windows_with_the_caret_under_the_span()
    {
        string file = MinifiedVpcs(400);
        var (_, output, _) = Run("lint", file);
        var lines = output.Split('\n');
        int checkedSnippets = 0;
        for (int i = 0; i + 2 < lines.Length; i++)
        {
            if (!lines[i].Contains(": error PL1004: ", StringComparison.Ordinal))
            {
                continue;
            }

            string expected = lines[i].Split('\'')[3]; // the CIDR block named in the message
            string snippet = lines[i + 1], carets = lines[i + 2];
            Assert.True(snippet.Length <= TextReporter.SnippetWidth + 16, $"snippet of {snippet.Length} characters");
            Assert.Contains("…", snippet);
            int caret = carets.IndexOf('^');
            Assert.True(caret > 0, carets);
            string under = snippet.Substring(caret).TrimStart('"');
            Assert.True(under.StartsWith(expected, StringComparison.Ordinal), $"caret points at '{under.Substring(0, Math.Min(20, under.Length))}', expected '{expected}'");
            checkedSnippets++;
        }

        Assert.Equal(400, checkedSnippets);
    }

    [Fact]
    public void Sarif_context_regions_of_a_long_line_are_windows_that_contain_the_region()
    {
        string file = MinifiedVpcs(300);
        var (_, output, _) = Run("lint", file, "--format", "sarif");
        var results = JsonDocument.Parse(output).RootElement.GetProperty("runs")[0].GetProperty("results");
        string line = File.ReadAllText(Path.Combine(_dir, file));
        foreach (var r in results.EnumerateArray())
        {
            var physical = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var region = physical.GetProperty("region");
            var context = physical.GetProperty("contextRegion");
            int start = region.GetProperty("startColumn").GetInt32(), end = region.GetProperty("endColumn").GetInt32();
            int cStart = context.GetProperty("startColumn").GetInt32(), cEnd = context.GetProperty("endColumn").GetInt32();
            string text = context.GetProperty("snippet").GetProperty("text").GetString()!;
            Assert.True(text.Length <= SarifReporter.SnippetWidth);
            Assert.True(cStart <= start && end <= cEnd, $"context {cStart}-{cEnd} does not contain region {start}-{end}");
            Assert.Equal(line.Substring(cStart - 1, cEnd - cStart), text);
            Assert.Equal(line.Substring(start - 1, end - start), region.GetProperty("snippet").GetProperty("text").GetString());
        }
    }

    [Theory]
    [InlineData(10, 3, 1, 12)]
    [InlineData(5000, 4000, 4010, 240)]
    [InlineData(5000, 1, 2, 240)]
    [InlineData(5000, 4990, 5001, 240)]
    [InlineData(5000, 100, 3000, 240)]
    public void A_line_window_is_bounded_and_holds_the_start_of_the_span(int lineLength, int start, int end, int max)
    {
        string line = new string('x', lineLength);
        var w = LineWindow.Around(line, start, end, max);
        Assert.True(w.Text.Length <= max);
        Assert.InRange(start, w.StartColumn, w.EndColumn);
        Assert.Equal(w.StartColumn > 1, w.CutBefore);
        Assert.Equal(w.EndColumn <= lineLength, w.CutAfter);
        Assert.Equal(line.Substring(w.StartColumn - 1, w.Text.Length), w.Text);
    }

    [Fact]
    public void A_line_window_never_splits_a_surrogate_pair()
    {
        string line = string.Concat(Enumerable.Repeat("😀", 500));
        for (int start = 1; start < 40; start++)
        {
            var w = LineWindow.Around(line, start * 17, (start * 17) + 3, 61);
            Assert.False(char.IsLowSurrogate(w.Text[0]));
            Assert.False(char.IsHighSurrogate(w.Text[^1]));
        }
    }
}
