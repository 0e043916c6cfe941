using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// The longest single value (a YAML scalar, a JSON string, number or key) the decoders accept. No real input
/// comes near it (CloudFormation accepts whole templates of at most 1 MB, tag values have 256 characters), and a
/// value any longer would be copied into messages, labels and reports: it is a located error instead.
/// </summary>
public static class ValueLimit
{
    /// <summary>1 Mi characters (UTF-16 code units).</summary>
    public const int MaxLength = 1 << 20;

    internal static SyntaxException TooLong(SourceLocation at, long length, string unit) =>
        new(at, $"this value is {length:N0} {unit} long; PeeringLint reads values up to {MaxLength:N0} characters (1 MiB; CloudFormation accepts whole templates of at most 1 MB)");
}
