namespace PeeringLint.Engine;

/// <summary>
/// The ids PeeringLint reports about itself rather than about the network: they have pages under rules/ like the
/// rules, but no <see cref="Rule"/> class. The CLI shows the same conditions as input problems (exit 2).
/// </summary>
public static class ToolDiagnostics
{
    /// <summary>An input cannot be read as a PeeringLint input (invalid YAML or JSON, a wrong type, a reference to nothing).</summary>
    public const string InputProblem = "PL0001";

    /// <summary>PeeringLint itself failed (a rule or a reader threw): the analysis is incomplete, never silently empty.</summary>
    public const string InternalError = "PL0002";

    /// <summary>Both ids with their page titles.</summary>
    public static (string Id, string Title)[] All { get; } =
    {
        (InputProblem, "Input problem"),
        (InternalError, "PeeringLint failed to analyze part of the input"),
    };
}
