using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// CloudFormation templates in JSON or YAML (hand-written or CDK-synthesized), recognised by a top-level
/// <c>Resources</c> or <c>AWSTemplateFormatVersion</c> key. See docs/cloudformation.md.
/// </summary>
public sealed class CloudFormationFormat : IInputFormat
{
    public string Name => "cloudformation";

    public InputFormats Kind => InputFormats.CloudFormation;

    public bool Recognizes(SyntaxNode root) =>
        root is MappingNode m && (m.Has("Resources") || m.Has("AWSTemplateFormatVersion"));

    public IFormatReader CreateReader(LoadOptions options) => new CloudFormationReader(options);
}
