using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PeeringLint.Cli;
using PeeringLint.Cli.Output;
using PeeringLint.Cli.Output.Graph;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18, items 10 and 15: names from the inputs cannot forge output (GitHub workflow commands, terminal escape
/// sequences, invalid XML), and a name of any length still renders as a diagram.
/// </summary>
public sealed class OutputEscapingTests : IDisposable
{
    private const string Forged = "prod\n::error file=README.md,line=1::FORGED";
    private const string Title = "\u001b]0;title\u0007";
    private const string Clear = "\u001b[2J";

    /// <summary>Three VPCs with one block, two peerings: two PL1001 errors and one PL1003 warning, all naming the hostile VPCs.</summary>
    private const string Hostile = """
        vpcs:
          - name: "prod\n::error file=README.md,line=1::FORGED"
            cidr: 10.1.0.0/16
          - name: "\e]0;title\a"
            cidr: 10.1.0.0/16
          - name: "\e[2J"
            cidr: 10.1.0.0/16
        peerings:
          - { name: "p\e[2J1", requester: "prod\n::error file=README.md,line=1::FORGED", accepter: "\e]0;title\a" }
          - { name: "p2", requester: "prod\n::error file=README.md,line=1::FORGED", accepter: "\e[2J" }
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peeringlint-escape-" + Guid.NewGuid().ToString("N"));

    public OutputEscapingTests()
    {
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "hostile.yaml"), Hostile.Replace("\r\n", "\n") + "\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = Program.Run(args, stdout, stderr, _dir);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void AssertNoControlCharacters(string text, string what)
    {
        int bad = text.IndexOf(text.FirstOrDefault(c => TextEscaping.IsUnsafe(c) && c != '\n'));
        Assert.True(text.All(c => !TextEscaping.IsUnsafe(c) || c == '\n'), $"{what} holds a raw control character at {bad}: ...{(bad >= 0 ? text.Substring(Math.Max(0, bad - 40), Math.Min(80, text.Length - Math.Max(0, bad - 40))) : string.Empty)}...");
    }

    [Fact]
    public void Text_output_shows_control_characters_escaped_and_no_line_starts_a_workflow_command()
    {
        var (exit, output, err) = Run("lint", "hostile.yaml");
        Assert.Equal(1, exit);
        AssertNoControlCharacters(output + err, "text output");
        Assert.DoesNotContain(output.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.Contains(@"'prod\n::error file=README.md,line=1::FORGED'", output);
        Assert.Contains(@"'\u001b]0;title\u0007'", output);
        Assert.Contains(@"'\u001b[2J'", output);
    }

    [Fact]
    public void A_raw_escape_in_a_source_line_is_escaped_in_the_snippet_and_the_caret_still_points_at_the_span()
    {
        // A YAML comment may hold any printable text; ESC in it reaches the snippet of the finding on that line.
        File.WriteAllText(Path.Combine(_dir, "comment.yaml"), "vpcs:\n  - { name: a, cidr: 10.1.0.1/16 } # \u001b[2J\u001b]0;x\u0007\n");
        var (_, output, err) = Run("lint", "comment.yaml");
        AssertNoControlCharacters(output + err, "text output");
        var lines = output.Split('\n');
        int at = Array.FindIndex(lines, l => l.Contains("PL1004", StringComparison.Ordinal));
        Assert.True(at >= 0, output + err);
        Assert.Contains(@"# \u001b[2J\u001b]0;x\u0007", lines[at + 1]);
        Assert.StartsWith("10.1.0.1/16", lines[at + 1].Substring(lines[at + 2].IndexOf('^')));
    }

    [Fact]
    public void GitHub_output_has_exactly_the_expected_annotations_with_data_and_properties_encoded()
    {
        var (_, json, _) = Run("lint", "hostile.yaml", "--format", "json");
        int expected = JsonDocument.Parse(json).RootElement.GetProperty("findings").GetArrayLength();
        Assert.Equal(3, expected);

        var (exit, output, err) = Run("lint", "hostile.yaml", "--format", "github");
        Assert.Equal(1, exit);
        Assert.DoesNotContain('\u001b', output + err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, lines.Length);
        var command = new Regex("^::(error|warning|notice) file=hostile\\.yaml,line=\\d+,col=\\d+,endLine=\\d+,endColumn=\\d+,title=PL100[13]::[^\\r\\n]+$");
        Assert.All(lines, l => Assert.Matches(command, l));
        Assert.Contains(lines, l => l.Contains("'prod%0A::error file=README.md,line=1::FORGED'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(@"'\u001b]0;title\u0007'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a%b\r\nc", "a%25b%0D%0Ac")]
    [InlineData("x\u001b[2Jy", @"x\u001b[2Jy")]
    [InlineData("plain", "plain")]
    public void GitHub_data_is_encoded_as_the_toolkit_does(string input, string expected) =>
        Assert.Equal(expected, GitHubReporter.EscapeData(input));

    [Fact]
    public void GitHub_properties_also_encode_colon_and_comma() =>
        Assert.Equal("a%3Ab%2Cc%25%0A", GitHubReporter.EscapeProperty("a:b,c%\n"));

    [Theory]
    [InlineData("a\nb\r\tc", @"a\nb\r\tc")]
    [InlineData("\u001b\u0007\u007f\u0085\u202e\u2028", @"\u001b\u0007\u007f\u0085\u202e\u2028")]
    [InlineData("ünïcødé 😀 fine", "ünïcødé 😀 fine")]
    public void Text_escaping_makes_control_characters_visible(string input, string expected) =>
        Assert.Equal(expected, TextEscaping.Escape(input));

    [Theory]
    [InlineData("dot")]
    [InlineData("mermaid")]
    [InlineData("html")]
    public void Diagrams_hold_no_raw_control_characters(string format)
    {
        var (exit, output, err) = Run("graph", Path.Combine(_dir, "hostile.yaml"), "--format", format);
        Assert.True(exit == 0, err);
        AssertNoControlCharacters(output, format);
        Assert.Contains(@"\\u001b[2J", format == "dot" ? output : output.Replace(@"\", @"\\"));
    }

    [Fact]
    public void Svg_of_hostile_names_is_valid_xml_when_graphviz_is_installed()
    {
        var (exit, output, err) = Run("graph", Path.Combine(_dir, "hostile.yaml"), "--format", "svg");
        if (SvgRenderer.FindOnPath(Environment.GetEnvironmentVariable("PATH")) is null)
        {
            Assert.Equal(2, exit);
            Assert.Contains(SvgRenderer.NotFoundMessage, err);
            return;
        }

        Assert.True(exit == 0, err);
        var doc = XDocument.Parse(output);
        Assert.Contains(doc.Descendants().Select(e => e.Value), v => v.Contains(@"\u001b]0;title\u0007", StringComparison.Ordinal));
    }

    [Fact]
    public void A_twenty_thousand_character_name_renders_with_a_cut_label_and_the_full_name_in_the_tooltip()
    {
        string name = new string('N', 20000);
        File.WriteAllText(Path.Combine(_dir, "long.yaml"), $"vpcs:\n  - name: {name}\n    cidr: 10.1.0.0/16\n  - {{ name: b, cidr: 10.2.0.0/16 }}\npeerings:\n  - {{ name: p, requester: {name}, accepter: b }}\n");

        var (dotExit, dot, dotErr) = Run("graph", Path.Combine(_dir, "long.yaml"), "--format", "dot");
        Assert.True(dotExit == 0, dotErr);

        // Graphviz refuses quoted strings over 16,384 characters: every quoted piece is shorter.
        Assert.All(Regex.Matches(dot, "\"(?:[^\"\\\\]|\\\\.)*\"").Select(m => m.Length), n => Assert.True(n <= DotWriter.MaxQuoted + 16, $"a quoted string of {n} characters"));
        Assert.Contains(new string('N', GraphText.MaxLabel - 1) + "…", dot);

        var (mmdExit, mermaid, _) = Run("graph", Path.Combine(_dir, "long.yaml"), "--format", "mermaid");
        Assert.Equal(0, mmdExit);
        Assert.DoesNotContain(new string('N', GraphText.MaxLabel + 1), mermaid);

        var (exit, svg, err) = Run("graph", Path.Combine(_dir, "long.yaml"), "--format", "svg");
        var (htmlExit, html, htmlErr) = Run("graph", Path.Combine(_dir, "long.yaml"), "--format", "html");
        Assert.True(htmlExit == 0, htmlErr);
        if (SvgRenderer.FindOnPath(Environment.GetEnvironmentVariable("PATH")) is null)
        {
            Assert.Equal(2, exit);
            return;
        }

        Assert.True(exit == 0, err);
        var doc = XDocument.Parse(svg);
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        Assert.Contains(doc.Descendants().Select(e => (string?)e.Attribute(xlink + "title")), t => t is not null && t.Contains(name, StringComparison.Ordinal));
        Assert.All(doc.Descendants().Where(e => e.Name.LocalName == "text"), t => Assert.True(t.Value.Length <= GraphText.MaxLabel, t.Value.Length + " characters in a label"));
        Assert.Contains("<svg", html);
        Assert.DoesNotContain("mermaid-source", html);
    }
}
