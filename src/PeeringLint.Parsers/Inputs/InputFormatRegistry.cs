using System.Collections.Generic;
using PeeringLint.Parsers.AwsCli;
using PeeringLint.Parsers.CloudFormation;
using PeeringLint.Parsers.Tutorial;

namespace PeeringLint.Parsers.Inputs;

/// <summary>The known input formats, asked in this order whether they recognise a document.</summary>
public static class InputFormatRegistry
{
    public static IReadOnlyList<IInputFormat> Default { get; } = new IInputFormat[]
    {
        new TutorialFormat(),
        new CloudFormationFormat(),
        new AwsJsonFormat(),
    };
}
