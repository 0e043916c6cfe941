namespace PeeringLint.Cli;

/// <summary>Process exit codes, as linters in CI pipelines use them.</summary>
internal static class ExitCodes
{
    /// <summary>No finding at or above the severity threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the threshold (or, for reach, not reachable).</summary>
    public const int Findings = 1;

    /// <summary>Usage error or unreadable/invalid input.</summary>
    public const int InputError = 2;
}
