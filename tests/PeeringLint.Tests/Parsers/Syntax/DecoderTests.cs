using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.Syntax;

public sealed class DecoderTests
{
    private static (ParsedFile? File, List<InputProblem> Problems) Decode(string path, byte[] bytes)
    {
        var problems = new List<InputProblem>();
        var file = InputLoader.Decode(new InputSource(path, () => bytes, true), problems);
        return (file, problems);
    }

    [Fact]
    public void Deeply_nested_json_is_an_error_not_a_stack_overflow()
    {
        string deep = new string('[', 100_000) + new string(']', 100_000);
        var (file, problems) = Decode("deep.json", Encoding.UTF8.GetBytes(deep));
        Assert.Null(file);
        Assert.Contains("deeper than", Assert.Single(problems).Message);
    }

    [Fact]
    public void Truncated_json_reports_line_and_column()
    {
        var (file, problems) = Decode("t.json", Encoding.UTF8.GetBytes("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\""));
        Assert.Null(file);
        var p = Assert.Single(problems);
        Assert.StartsWith("invalid JSON", p.Message);
        Assert.Equal(3, p.Location.StartLine);
    }

    [Theory]
    [InlineData("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\",\n    }\n  ]\n}", 4, 5, "'}'")]
    [InlineData("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\"},\n  ]\n}", 4, 3, "']'")]
    public void Trailing_comma_is_named_at_the_closer_without_the_readers_advice(string json, int line, int col, string closer)
    {
        // aws-cli's describe-security-groups example ends an object with a trailing comma (third-party entry
        // awscli-describe-security-groups); the reader's text said "Change the reader options".
        var (file, problems) = Decode("t.json", Encoding.UTF8.GetBytes(json));
        Assert.Null(file);
        var p = Assert.Single(problems);
        Assert.Equal($"invalid JSON: a comma before this {closer} (JSON allows no trailing comma; remove it)", p.Message);
        Assert.DoesNotContain("reader options", p.Message, StringComparison.Ordinal);
        Assert.Equal((line, col), (p.Location.StartLine, p.Location.StartColumn));
    }

    [Fact]
    public void Binary_and_empty_files_are_clear_errors()
    {
        Assert.Contains("binary", Assert.Single(Decode("b.json", new byte[] { 0x7B, 0x00, 0x01 }).Problems).Message);
        Assert.Contains("empty", Assert.Single(Decode("e.yaml", new byte[0]).Problems).Message);
    }

    [Fact]
    public void Bom_and_crlf_do_not_shift_columns()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\r\n  \"Vpcs\": []\r\n}")).ToArray();
        var (file, problems) = Decode("bom.json", bytes);
        Assert.Empty(problems);
        var key = ((PeeringLint.Parsers.Syntax.MappingNode)file!.Root).Entries[0].Key.Location();
        Assert.Equal((2, 3), (key.StartLine, key.StartColumn));
    }

    [Fact]
    public void Unicode_before_a_value_counts_utf16_columns()
    {
        var (file, _) = Decode("u.json", Encoding.UTF8.GetBytes("{\"Näme\": \"x\"}"));
        var value = ((PeeringLint.Parsers.Syntax.MappingNode)file!.Root).Entries[0].Value.Location();
        Assert.Equal(10, value.StartColumn);
    }
}
