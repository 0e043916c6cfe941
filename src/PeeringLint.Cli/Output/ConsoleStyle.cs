using System;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Output;

/// <summary>ANSI colours, only when writing to a terminal and NO_COLOR is not set.</summary>
internal sealed class ConsoleStyle
{
    private ConsoleStyle(bool enabled) => Enabled = enabled;

    public static ConsoleStyle Plain { get; } = new(false);

    public bool Enabled { get; }

    public static ConsoleStyle ForStdout(bool noColor)
    {
        bool enabled = !noColor
            && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
            && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
        return new ConsoleStyle(enabled);
    }

    public string Severity(Severity s, string text) => Wrap(s switch
    {
        Engine.Severity.Error => "31;1",
        Engine.Severity.Warning => "33;1",
        _ => "36",
    }, text);

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Red(string text) => Wrap("31", text);

    public string Green(string text) => Wrap("32", text);

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
