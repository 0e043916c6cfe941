namespace PeeringLint.Engine;

/// <summary>Finding severity, ordered: Note &lt; Warning &lt; Error. Maps to SARIF note/warning/error.</summary>
public enum Severity
{
    Note = 0,
    Warning = 1,
    Error = 2,
}
