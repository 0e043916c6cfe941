using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PeeringLint.Tests.Graph;

/// <summary>
/// Structural checks on Mermaid output (the real parser runs in .ci/check-graph.sh): balanced subgraph/end, every
/// node an edge names is declared, labels carry no raw quote or angle bracket (only the &lt;br/&gt; line breaks).
/// </summary>
public sealed class MermaidStructureTests
{
    private static readonly Regex NodeDecl = new(@"^\s*([A-Za-z0-9_]+)(\[|\(\[|\(\(|\{\{)""", RegexOptions.Compiled);
    private static readonly Regex SubgraphDecl = new(@"^\s*subgraph ([A-Za-z0-9_]+)\[""", RegexOptions.Compiled);
    private static readonly Regex EdgeLine = new(@"^\s*([A-Za-z0-9_]+) (---|-->|-\.->|==>)(\|""(?<label>[^""]*)""\|)? ([A-Za-z0-9_]+)$", RegexOptions.Compiled);
    private static readonly Regex Quoted = new(@"""([^""]*)""", RegexOptions.Compiled);

    public static IEnumerable<object[]> Inputs()
    {
        foreach (var detail in new[] { false, true })
        {
            yield return new object[] { "broken", detail };
            yield return new object[] { "working", detail };
            yield return new object[] { "tricky", detail };
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Mermaid_is_well_formed(string input, bool detail)
    {
        string path = input switch
        {
            "broken" => GraphTestKit.Example("nextwork-peering-broken.yaml"),
            "working" => GraphTestKit.Example("nextwork-peering.yaml"),
            _ => GraphTestKit.TempYaml(GraphFixtures.TrickyYaml),
        };
        var args = new List<string> { "graph", path, "--format", "mermaid" };
        if (detail)
        {
            args.Add("--detail");
        }

        var (exit, text, err) = GraphTestKit.Cli(args.ToArray());
        Assert.True(exit == 0, err);
        AssertWellFormed(text);
    }

    internal static void AssertWellFormed(string text)
    {
        var lines = text.Split('\n').Where(l => l.Length > 0).ToList();
        Assert.Equal("flowchart LR", lines[0]);
        var declared = new HashSet<string>();
        int depth = 0;
        var edges = new List<(string From, string To)>();
        foreach (var line in lines.Skip(1))
        {
            string t = line.Trim();
            if (t.StartsWith("%%"))
            {
                continue;
            }

            if (SubgraphDecl.Match(line) is { Success: true } sg)
            {
                depth++;
                Assert.True(declared.Add(sg.Groups[1].Value), "duplicate id " + sg.Groups[1].Value);
                AssertLabelsClean(line);
                continue;
            }

            if (t == "end")
            {
                depth--;
                Assert.True(depth >= 0, "'end' without 'subgraph'");
                continue;
            }

            if (EdgeLine.Match(line) is { Success: true } e)
            {
                edges.Add((e.Groups[1].Value, e.Groups[4].Value));
                AssertLabelsClean(line);
                continue;
            }

            if (NodeDecl.Match(line) is { Success: true } n)
            {
                Assert.True(declared.Add(n.Groups[1].Value), "duplicate id " + n.Groups[1].Value);
                AssertLabelsClean(line);
                continue;
            }

            Assert.Matches(@"^\s*(classDef|class|style|linkStyle) ", line);
            Assert.DoesNotContain("\"", line);
        }

        Assert.Equal(0, depth);
        Assert.NotEmpty(edges);
        foreach (var (from, to) in edges)
        {
            Assert.Contains(from, declared);
            Assert.Contains(to, declared);
        }
    }

    private static void AssertLabelsClean(string line)
    {
        foreach (Match m in Quoted.Matches(line))
        {
            string label = m.Groups[1].Value.Replace("<br/>", string.Empty);
            Assert.DoesNotContain("<", label);
            Assert.DoesNotContain(">", label);
            Assert.DoesNotContain("|", label);
        }

        // Outside the quoted labels only ids, shape brackets and arrows remain: an even number of quotes.
        Assert.Equal(0, line.Count(c => c == '"') % 2);
    }
}
