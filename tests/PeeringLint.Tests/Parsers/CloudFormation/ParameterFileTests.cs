using System.Collections.Generic;
using System.Linq;
using System.Text;
using PeeringLint.Model;
using PeeringLint.Parsers.CloudFormation;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>The parameter files people already have: the AWS CLI's list and CodePipeline's template configuration.</summary>
public sealed class ParameterFileTests
{
    private static (ParameterSet? Set, List<InputProblem> Problems) Parse(string json)
    {
        var problems = new List<InputProblem>();
        var set = ParameterFile.Parse(Encoding.UTF8.GetBytes(json), "params.json", problems);
        return (set, problems);
    }

    [Fact]
    public void AwsCliList_IsRead_AndUsePreviousValueIsUnknown()
    {
        var (set, problems) = Parse("""
            [
              { "ParameterKey": "NetworkStackName", "ParameterValue": "corp-network" },
              { "ParameterKey": "Count", "ParameterValue": 3 },
              { "ParameterKey": "Cidr", "UsePreviousValue": true },
              { "ParameterKey": "Ami", "ParameterValue": "/aws/service/ami", "ResolvedValue": "ami-0123" }
            ]
            """);
        Assert.Empty(problems);
        Assert.Equal(("corp-network", "3", "/aws/service/ami"), (set!.Values["NetworkStackName"], set.Values["Count"], set.Values["Ami"]));
        Assert.Equal(new[] { "Cidr" }, set.Unknown);
        Assert.False(set.Values.ContainsKey("Cidr"));
    }

    [Fact]
    public void CodePipelineTemplateConfiguration_IsRead()
    {
        var (set, problems) = Parse("""
            { "Parameters": { "NetworkStackName": "corp-network", "Enabled": true }, "Tags": { "team": "net" }, "StackPolicy": { "Statement": [] } }
            """);
        Assert.Empty(problems);
        Assert.Equal(new Dictionary<string, string> { ["NetworkStackName"] = "corp-network", ["Enabled"] = "true" }, set!.Values);
        Assert.Empty(set.Unknown);
    }

    [Theory]
    [InlineData("[\n  { \"ParameterKey\": \"A\", \"Value\": \"x\" }\n]", 2, 26, "unknown key 'Value' in a parameter")]
    [InlineData("[\n  { \"ParameterValue\": \"x\" }\n]", 2, 3, "a parameter needs a 'ParameterKey' string")]
    [InlineData("[\n  { \"ParameterKey\": \"A\" }\n]", 2, 3, "parameter 'A' needs a 'ParameterValue'")]
    [InlineData("[\n  { \"ParameterKey\": \"A\", \"ParameterValue\": [\"x\"] }\n]", 2, 44, "expected a string value for parameter 'A'")]
    [InlineData("[\n  { \"ParameterKey\": \"A\", \"ParameterValue\": \"x\", \"UsePreviousValue\": true }\n]", 2, 44, "has both 'ParameterValue' and 'UsePreviousValue: true'")]
    [InlineData("[\n  { \"ParameterKey\": \"A\", \"UsePreviousValue\": \"yes\" }\n]", 2, 46, "expected true or false for 'UsePreviousValue'")]
    [InlineData("[\n  \"A=x\"\n]", 2, 3, "expected {\"ParameterKey\"")]
    [InlineData("{\n  \"Parameters\": { \"A\": \"x\" },\n  \"Parameter\": {}\n}", 3, 3, "unknown key 'Parameter' in a template configuration file")]
    [InlineData("{\n  \"Parameters\": [\"A\"]\n}", 2, 17, "expected a mapping of parameter name to value for 'Parameters'")]
    [InlineData("{\n  \"Parameters\": { \"A\": { \"Ref\": \"B\" } }\n}", 2, 24, "expected a string value for parameter 'A'")]
    [InlineData("\"text\"", 1, 1, "expected a parameter file")]
    [InlineData("[\n  { \"ParameterKey\": \"A\",, }\n]", 2, 25, "")]
    [InlineData("  \n", 1, 1, "the parameter file is empty")]
    public void InvalidFile_IsAnErrorWithLocation(string json, int line, int column, string message)
    {
        var (set, problems) = Parse(json);
        Assert.Null(set);
        var p = problems.First();
        Assert.Equal(InputProblemSeverity.Error, p.Severity);
        Assert.Contains(message, p.Message);
        Assert.Equal(("params.json", line, column), (p.Location.Path, p.Location.StartLine, p.Location.StartColumn));
    }
}
