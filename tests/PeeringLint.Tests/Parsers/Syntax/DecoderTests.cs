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
    [InlineData("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.1.0.0/16\",\n    }\n  ]\n}")]
    [InlineData("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.1.0.0/16\"},\n  ]\n}")]
    [InlineData("{\n  \"Vpcs\": [\n    {\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.1.0.0/16\"},\n  ],\n}")]
    public void A_comma_before_a_closing_bracket_is_read_as_CloudFormation_reads_it(string json)
    {
        // CloudFormation reads templates with a YAML parser, whose flow collections allow the comma: aws-samples'
        // scalable-security application template deploys with one. The AWS CLI documentation's describe-security-groups
        // example has one too. Whole and streamed, the file reads as if the comma were not there.
        var bytes = Encoding.UTF8.GetBytes(json);
        var (file, problems) = Decode("t.json", bytes);
        Assert.Empty(problems);
        Assert.NotNull(file);
        var source = new InputSource("accounts/111111111111/eu-west-1/t.json", () => bytes, true) { Open = () => new System.IO.MemoryStream(bytes, writable: false), Length = bytes.Length };
        foreach (long threshold in new[] { long.MaxValue, 0L })
        {
            var load = new InputLoader().Load(new[] { source }, new LoadOptions { StreamThreshold = threshold });
            Assert.Empty(load.Problems);
            var vpc = Assert.Single(load.Model.Of<Vpc>());
            Assert.Equal(("vpc-1", "10.1.0.0/16"), (vpc.Id, vpc.Ipv4Cidrs.Single().Text));
        }
    }

    [Fact]
    public void A_lone_comma_is_still_invalid_json()
    {
        var (file, problems) = Decode("t.json", Encoding.UTF8.GetBytes("{\"Vpcs\": [,]}"));
        Assert.Null(file);
        Assert.StartsWith("invalid JSON", Assert.Single(problems).Message);
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
