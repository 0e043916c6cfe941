using System.Collections.Generic;
using System.Linq;
using System.Text;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;
using Xunit;

namespace PeeringLint.Tests.Parsers.Syntax;

/// <summary>
/// The read phase's compact forms (issue 17): JSON object keys kept as text and spans until their nodes are asked for,
/// and logical paths joined through the per-thread table. Each must give exactly what the plain forms gave.
/// </summary>
public sealed class CompactJsonTests
{
    private static MappingNode Root(string json)
    {
        var problems = new List<InputProblem>();
        var file = InputLoader.Decode(new InputSource("c.json", () => Encoding.UTF8.GetBytes(json), true), problems);
        return Assert.IsType<MappingNode>(file!.Root);
    }

    [Fact]
    public void Keys_read_without_nodes_match_the_key_nodes()
    {
        var m = Root("{\n  \"Vpcs\": [],\n  \"Ünï\": 1,\n  \"esc\\u0041\": {\"a\": null}\n}");
        Assert.Equal(3, m.Count);
        var entries = m.Entries;
        for (int i = 0; i < m.Count; i++)
        {
            Assert.Equal(entries[i].Key.Value, m.KeyAt(i));
            Assert.Same(entries[i].Value, m.ValueAt(i));
            Assert.Equal(entries[i].Key.Location("p"), m.KeyLocation(i, "p"));
            Assert.Equal(ScalarKind.String, entries[i].Key.Kind);
            Assert.True(entries[i].Key.IsQuoted);
        }

        Assert.Equal(new[] { "Vpcs", "Ünï", "escA" }, Enumerable.Range(0, m.Count).Select(m.KeyAt));
        Assert.Equal((4, 3, 4, 14), (m.KeyLocation(2).StartLine, m.KeyLocation(2).StartColumn, m.KeyLocation(2).EndLine, m.KeyLocation(2).EndColumn));
        Assert.Same(entries[0].Key, m.Entries[0].Key);
    }

    [Fact]
    public void Lookup_by_key_works_below_and_above_the_dictionary_size()
    {
        var small = Root("{\"a\": 1, \"b\": 2, \"a\": 3}");
        Assert.Equal("1", ((ScalarNode)small.Get("a")!).Value);
        Assert.Null(small.Get("c"));
        Assert.Equal("b", small.GetKey("b")!.Value);

        string big = "{" + string.Join(", ", Enumerable.Range(0, 20).Select(i => $"\"k{i}\": {i}")) + ", \"k3\": 99}";
        var m = Root(big);
        Assert.Equal(21, m.Count);
        Assert.Equal("3", ((ScalarNode)m.Get("k3")!).Value);
        Assert.Equal("19", ((ScalarNode)m.Get("k19")!).Value);
        Assert.False(m.Has("k20"));
    }

    [Fact]
    public void Duplicate_keys_are_still_located_at_the_second_key()
    {
        var problems = new List<InputProblem>();
        InputLoader.Decode(new InputSource("d.json", () => Encoding.UTF8.GetBytes("{\n \"Vpcs\": [],\n \"Vpcs\": []\n}"), true), problems);
        var p = Assert.Single(problems);
        Assert.Contains("duplicate key 'Vpcs'", p.Message);
        Assert.Equal((3, 2, 3, 8), (p.Location.StartLine, p.Location.StartColumn, p.Location.EndLine, p.Location.EndColumn));
    }

    [Theory]
    [InlineData("RouteTables[3].Routes", "DestinationCidrBlock")]
    [InlineData("", "Vpcs")]
    [InlineData("data.SecurityGroups[0]", "")]
    public void Child_paths_equal_concatenation_and_are_shared(string parent, string key)
    {
        string a = LogicalPaths.Child(parent, key);
        Assert.Equal(parent + "." + key, a);
        Assert.Same(a, LogicalPaths.Child(parent, key));
        Assert.Same(a, LogicalPaths.Share(parent + "." + key));
    }

    [Theory]
    [InlineData("Vpcs", 0)]
    [InlineData("Vpcs", 9)]
    [InlineData("Vpcs", 10)]
    [InlineData("RouteTables[3].Routes", 1234567)]
    [InlineData("x", int.MaxValue)]
    [InlineData("x", -1)]
    [InlineData("", 7)]
    public void Item_paths_equal_concatenation(string parent, int index)
    {
        string a = LogicalPaths.Item(parent, index);
        Assert.Equal(parent + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", a);
        Assert.Same(a, LogicalPaths.Item(parent, index));
    }

    [Fact]
    public void Long_paths_are_joined_too()
    {
        string parent = new string('p', 300);
        Assert.Equal(parent + ".k", LogicalPaths.Child(parent, "k"));
        Assert.Equal(parent + "[12]", LogicalPaths.Item(parent, 12));
    }

    [Fact]
    public void An_aws_document_lets_its_line_index_go_and_snippets_still_find_their_lines()
    {
        string json = "{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}\n  ]\n}\n";
        int reads = 0;
        var source = new InputSource("v.json", () => { reads++; return Encoding.UTF8.GetBytes(json); }, true);
        var load = new InputLoader().Load(new[] { source });
        var doc = load.Documents["v.json"];
        var vpc = Assert.Single(load.Model.Vpcs);
        Assert.Equal((3, 5), (vpc.Location.StartLine, vpc.Location.StartColumn));
        Assert.Equal(1, reads);

        // The index is rebuilt from the bytes read again, and gives what the first one gave.
        Assert.Equal("    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}", doc.GetLine(3));
        Assert.Equal(2, reads);
        Assert.Equal((3, 5), doc.LineColumn(json.IndexOf("{\"VpcId\"", System.StringComparison.Ordinal)));
        Assert.Equal(string.Empty, doc.GetLine(7));
        Assert.Equal(json.Split('\n')[1].Length + 1, doc.LineLengthBound(2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\n\n\n")]
    [InlineData("{\r\n  \"a\": 1\r\n}\r\n")]
    [InlineData("no line break at all, but longer than one block of thirty-two bytes")]
    public void Line_index_finds_every_line_break(string text)
    {
        AssertLineStarts(Encoding.UTF8.GetBytes(text));
    }

    [Fact]
    public void Line_index_finds_line_breaks_at_every_position_of_a_block()
    {
        // Line breaks at each offset around the 32-byte blocks, alone, in pairs and in runs, and in the tail.
        for (int at = 0; at < 100; at++)
        {
            var bytes = Encoding.ASCII.GetBytes(new string('x', 100));
            bytes[at] = (byte)'\n';
            AssertLineStarts(bytes);
            bytes[(at * 7) % 100] = (byte)'\n';
            bytes[(at + 1) % 100] = (byte)'\n';
            AssertLineStarts(bytes);
        }

        AssertLineStarts(Encoding.ASCII.GetBytes(new string('\n', 97)));
        AssertLineStarts(Encoding.UTF8.GetBytes("ünï\ncödé\n" + new string('é', 40) + "\n\n€"));
    }

    private static void AssertLineStarts(byte[] bytes)
    {
        var expected = new List<int> { 0 };
        for (int i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                expected.Add(i + 1);
            }
        }

        Assert.Equal(expected, SourceDocument.LineStartsOf(bytes));
    }

    [Fact]
    public void Scalars_read_without_nodes_match_the_nodes_made_later()
    {
        var m = Root("{\n  \"s\": \"t\u00e9xt\",\n  \"n\": -12.5e3,\n  \"t\": true,\n  \"f\": false,\n  \"z\": null,\n  \"e\": \"\",\n  \"o\": {},\n  \"l\": [1]\n}");
        var expected = new (string? Text, ScalarKind Kind)[]
        {
            ("t\u00e9xt", ScalarKind.String), ("-12.5e3", ScalarKind.Number), ("true", ScalarKind.Boolean),
            ("false", ScalarKind.Boolean), (null, ScalarKind.Null), (string.Empty, ScalarKind.String),
        };
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(m.TryScalarAt(i, out var text, out var kind));
            Assert.Equal(expected[i], (text, kind));
            var at = m.ValueLocation(i, "p");

            // The node made on first use says the same, sits at the same place, and is kept.
            var node = Assert.IsType<ScalarNode>(m.ValueAt(i));
            Assert.Equal(expected[i], (node.Value, node.Kind));
            Assert.Equal(kind == ScalarKind.String, node.IsQuoted);
            Assert.Equal(at, node.Location("p"));
            Assert.Same(node, m.ValueAt(i));
            Assert.Same(node, m.Entries[i].Value);
            Assert.True(m.TryScalarAt(i, out text, out kind));
            Assert.Equal(expected[i], (text, kind));
        }

        Assert.Equal((3, 8, 3, 15), (m.ValueLocation(1).StartLine, m.ValueLocation(1).StartColumn, m.ValueLocation(1).EndLine, m.ValueLocation(1).EndColumn));
        Assert.False(m.TryScalarAt(6, out _, out _));
        Assert.False(m.TryScalarAt(7, out _, out _));
        Assert.IsType<MappingNode>(m.ValueAt(6));
        Assert.True(m.TryGetScalar("t", out var t, out var tk));
        Assert.Equal(("true", ScalarKind.Boolean), (t, tk));
        Assert.False(m.TryGetScalar("missing", out _, out _));
        Assert.Equal(-1, m.IndexOf("missing"));
        Assert.Equal(7, m.IndexOf("l"));
    }
}
