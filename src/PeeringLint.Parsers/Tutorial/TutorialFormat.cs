using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

/// <summary>The tutorial topology YAML (docs/tutorial-yaml.md): recognised by a top-level <c>vpcs</c> or <c>intents</c> key.</summary>
public sealed class TutorialFormat : IInputFormat
{
    public string Name => "tutorial";

    public InputFormats Kind => InputFormats.Tutorial;

    public bool Recognizes(SyntaxNode root) =>
        root is MappingNode m && !m.Has("Resources") && (m.Has("vpcs") || m.Has("peerings") || m.Has("intents"));

    public IFormatReader CreateReader(LoadOptions options) => new TutorialReader();
}
