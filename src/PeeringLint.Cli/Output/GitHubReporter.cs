using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…::message</c>), which the runner turns into
/// annotations on the pull request. Suppressed findings and findings already in the baseline are left out;
/// input problems come first, as errors, warnings or notices.
/// </summary>
internal static class GitHubReporter
{
    public static void Write(TextWriter w, LintRun run)
    {
        foreach (var p in run.Problems)
        {
            var command = p.Severity switch
            {
                InputProblemSeverity.Error => "error",
                InputProblemSeverity.Warning => "warning",
                _ => "notice",
            };
            WriteCommand(w, command, p.Location, "peeringlint", p.Message);
        }

        foreach (var failure in run.Result.Failures)
        {
            WriteCommand(w, "error", SourceLocation.None, "peeringlint", $"internal error in rule {failure.RuleId}: {failure.Message} (please report this bug)");
        }

        foreach (var f in run.Shown)
        {
            WriteCommand(w, Command(f.Severity), f.Location, f.RuleId, f.Message);
        }
    }

    internal static string Command(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static void WriteCommand(TextWriter w, string command, SourceLocation loc, string title, string message)
    {
        var props = new List<string>();
        if (!loc.IsNone)
        {
            props.Add("file=" + EscapeProperty(loc.Path));
            props.Add("line=" + loc.StartLine.ToString(CultureInfo.InvariantCulture));
            if (loc.EndLine == loc.StartLine)
            {
                // GitHub only honours columns on single-line annotations.
                props.Add("col=" + loc.StartColumn.ToString(CultureInfo.InvariantCulture));
            }

            props.Add("endLine=" + loc.EndLine.ToString(CultureInfo.InvariantCulture));
            if (loc.EndLine == loc.StartLine)
            {
                props.Add("endColumn=" + loc.EndColumn.ToString(CultureInfo.InvariantCulture));
            }
        }

        props.Add("title=" + EscapeProperty(title));
        w.Write("::" + command + " " + string.Join(",", props) + "::" + EscapeData(message) + "\n");
    }

    /// <summary>
    /// Escaping of a command's message, as @actions/core does it ('%', CR and LF), after every other control
    /// character has been made visible (<see cref="TextEscaping"/>): no raw ESC reaches the log.
    /// </summary>
    internal static string EscapeData(string s)
    {
        s = TextEscaping.Escape(s, keepLineBreaks: true);
        var sb = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '%' => "%25",
                '\r' => "%0D",
                '\n' => "%0A",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>Escaping of a property value: the data escapes plus ':' and ','.</summary>
    internal static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A").Replace(",", "%2C");
}
