using System.Globalization;
using System.IO;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Pipelines;

/// <summary>
/// Azure Pipelines logging commands: <c>##vso[task.logissue type=error;sourcepath=…;linenumber=…;columnnumber=…;code=PL2001]message</c>,
/// which the agent shows as errors and warnings on the run (docs/ci.md). Azure has no note level: notes are plain log
/// lines. Every value from an input is escaped as azure-pipelines-task-lib does (<c>%</c>, CR, LF, and in properties
/// <c>;</c> and <c>]</c>), control characters are shown as <c>\u001b</c>, and no line of ours can carry a second
/// command, whatever a resource is named.
/// </summary>
internal static class AzureReporter
{
    public static void Write(TextWriter w, LintRun run)
    {
        var paths = new RepositoryPaths(run.BaseDirectory);
        foreach (var p in run.Problems)
        {
            string type = p.Severity == InputProblemSeverity.Error ? "error" : p.Severity == InputProblemSeverity.Warning ? "warning" : "note";
            Issue(w, type, p.Location, ToolDiagnostics.InputProblem, p.Message, paths);
        }

        foreach (var failure in run.Result.Failures)
        {
            Issue(w, "error", SourceLocation.None, ToolDiagnostics.InternalError, $"internal error in rule {failure.RuleId}: {failure.Message} (please report this bug)", paths);
        }

        foreach (var f in run.Shown)
        {
            Issue(w, f.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" }, f.Location, f.RuleId, f.Message, paths);
        }
    }

    private static void Issue(TextWriter w, string type, SourceLocation loc, string code, string message, RepositoryPaths paths)
    {
        if (type == "note")
        {
            // Not a command, and Data leaves no '##' in it for the agent to read as one.
            string where = loc.IsNone ? string.Empty : $"{paths.Relative(loc.Path)}:{loc.StartLine}:{loc.StartColumn}: ";
            w.Write("note: " + Data(where + code + ": " + message) + "\n");
            return;
        }

        var sb = new StringBuilder("##vso[task.logissue type=").Append(type);
        if (!loc.IsNone)
        {
            sb.Append(";sourcepath=").Append(Property(paths.Relative(loc.Path)));
            sb.Append(";linenumber=").Append(loc.StartLine.ToString(CultureInfo.InvariantCulture));
            sb.Append(";columnnumber=").Append(loc.StartColumn.ToString(CultureInfo.InvariantCulture));
        }

        sb.Append(";code=").Append(Property(code)).Append(';').Append(']').Append(Data(message));
        w.Write(sb.Append('\n').ToString());
    }

    /// <summary>
    /// A command's message: <c>%</c>, CR and LF escaped as the task library does; other control characters shown as
    /// <c>\u001b</c> (<see cref="TextEscaping"/>); and <c>##</c> shown as <c>#%23</c>, so that no second <c>##vso[</c> or <c>##[</c> stands in the line.
    /// </summary>
    internal static string Data(string s) => Escape(s).Replace("##", "#%23");

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in TextEscaping.Escape(s, keepLineBreaks: true))
        {
            sb.Append(c switch
            {
                '%' => "%AZP25",
                '\r' => "%0D",
                '\n' => "%0A",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>A property value: the data escapes plus <c>;</c> and <c>]</c>, which would end the value or the command.</summary>
    internal static string Property(string s) => Data(s).Replace(";", "%3B").Replace("]", "%5D");
}
