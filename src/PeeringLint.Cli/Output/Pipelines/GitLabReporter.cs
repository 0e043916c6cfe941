using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Pipelines;

/// <summary>
/// GitLab Code Quality report (a JSON array, shown in merge requests): <c>description</c>, <c>check_name</c>,
/// <c>fingerprint</c> (the SARIF partial fingerprint: stable when lines above move), <c>severity</c> on GitLab's
/// five levels, and <c>location.path</c> relative to the repository root with <c>location.lines.begin</c>.
/// </summary>
internal static class GitLabReporter
{
    public static void Write(TextWriter w, LintRun run)
    {
        var paths = new RepositoryPaths(run.BaseDirectory);
        using var buffer = new MemoryStream();
        using (var j = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartArray();
            foreach (var p in run.Problems)
            {
                string severity = p.Severity switch { InputProblemSeverity.Error => "blocker", InputProblemSeverity.Warning => "minor", _ => "info" };
                Issue(j, ToolDiagnostics.InputProblem, p.Message, Fingerprints.OfText(ToolDiagnostics.InputProblem + "\n" + p.Location.Path + "\n" + p.Message), severity, p.Location, paths);
            }

            foreach (var failure in run.Result.Failures)
            {
                string message = $"internal error in rule {failure.RuleId}: {failure.Message} (please report this bug)";
                Issue(j, ToolDiagnostics.InternalError, message, Fingerprints.OfText(ToolDiagnostics.InternalError + "\n" + failure.RuleId), "blocker", SourceLocation.None, paths);
            }

            foreach (var f in run.Shown)
            {
                Issue(j, f.RuleId, f.Message, Fingerprints.Of(f), Severity(f.Severity), f.Location, paths);
            }

            j.WriteEndArray();
        }

        w.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        w.Write('\n');
    }

    /// <summary>GitLab's levels: info, minor, major, critical, blocker (input errors are blockers: nothing after them was checked).</summary>
    internal static string Severity(Engine.Severity s) => s switch
    {
        Engine.Severity.Error => "major",
        Engine.Severity.Warning => "minor",
        _ => "info",
    };

    private static void Issue(Utf8JsonWriter j, string check, string description, string fingerprint, string severity, SourceLocation loc, RepositoryPaths paths)
    {
        j.WriteStartObject();
        j.WriteString("description", description);
        j.WriteString("check_name", check);
        j.WriteString("fingerprint", fingerprint);
        j.WriteString("severity", severity);
        j.WriteStartObject("location");
        j.WriteString("path", loc.IsNone ? "." : paths.Relative(loc.Path));
        j.WriteStartObject("lines");
        j.WriteNumber("begin", loc.IsNone ? 1 : loc.StartLine);
        j.WriteEndObject();
        j.WriteEndObject();
        j.WriteEndObject();
    }
}
