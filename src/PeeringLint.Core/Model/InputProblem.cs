namespace PeeringLint.Model;

/// <summary>
/// A problem with an input itself (unreadable file, invalid YAML, a reference to nothing): not a finding
/// about the network. Errors make the CLI exit 2; warnings and notes are shown and do not.
/// </summary>
public sealed record InputProblem(SourceLocation Location, string Message, InputProblemSeverity Severity = InputProblemSeverity.Error)
{
    public override string ToString() => $"{Location}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

public enum InputProblemSeverity
{
    Note,
    Warning,
    Error,
}
