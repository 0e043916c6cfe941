using System;
using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// Output of <c>aws ec2 describe-*</c> (docs/aws-json.md): recognised by a top-level key such as
/// <c>Vpcs</c> or <c>RouteTables</c>, also inside Cloud Custodian placebo recordings
/// (<c>{"status_code": 200, "data": {...}}</c>) and botocore example files; create-*/accept-*/run-instances
/// outputs and <c>--query</c> results by the shape of their records (<see cref="AwsShapes"/>).
/// </summary>
public sealed class AwsJsonFormat : IInputFormat, IExplainsSkippedInput
{
    /// <summary>Top-level keys of the describe-* responses this format reads.</summary>
    internal static readonly HashSet<string> Keys = new(AwsRecordKinds.ByListKey.Keys, StringComparer.Ordinal);

    public string Name => "aws-json";

    public InputFormats Kind => InputFormats.AwsCli;

    public bool Recognizes(SyntaxNode root) => AwsShapes.Classify(root).Kind != AwsShapeKind.None;

    public string? WhyNotRecognized(SyntaxNode root) => AwsShapes.Classify(root).Reason;

    public IFormatReader CreateReader(LoadOptions options) => new AwsJsonReader();

    internal static bool HasKnownKey(MappingNode m)
    {
        for (int i = 0; i < m.Count; i++)
        {
            if (m.KeyAt(i) is { } k && Keys.Contains(k) && AwsRecordKinds.ByListKey[k].Claims(m))
            {
                return true;
            }
        }

        return false;
    }
}
