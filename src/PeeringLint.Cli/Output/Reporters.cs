using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PeeringLint.Cli.Output;

/// <summary>Writes one <see cref="LintRun"/> in one format.</summary>
internal interface IReporter
{
    /// <summary>The <c>--format</c> value.</summary>
    string Name { get; }

    /// <summary>
    /// True when the report carries the input problems itself in a form the reader sees where they look (GitHub
    /// annotations): printing them on standard error too would show them twice in the same log.
    /// </summary>
    bool ShowsProblems { get; }

    void Write(TextWriter writer, LintRun run, ConsoleStyle style);
}

/// <summary>The lint report formats, by <c>--format</c> name.</summary>
internal static class Reporters
{
    public static IReadOnlyList<IReporter> All { get; } = new IReporter[]
    {
        new Reporter("text", false, TextReporter.WriteFindings),
        new Reporter("json", false, WriteJson),
        new Reporter("sarif", false, (w, run, _) => SarifReporter.Write(w, run)),
        new Reporter("github", true, (w, run, _) => GitHubReporter.Write(w, run)),
        new Reporter("junit", false, (w, run, _) => Pipelines.JUnitReporter.Write(w, run)),
        new Reporter("gitlab", false, (w, run, _) => Pipelines.GitLabReporter.Write(w, run)),
        new Reporter("azure", true, (w, run, _) => Pipelines.AzureReporter.Write(w, run)),
    };

    public static string[] Names => All.Select(r => r.Name).ToArray();

    public static IReporter Find(string name) => All.First(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    private static void WriteJson(TextWriter w, LintRun run, ConsoleStyle style)
    {
        if (w is StreamWriter { BaseStream: var stream } file)
        {
            file.Flush();
            JsonReporter.Write(stream, run);
            file.WriteLine();
            return;
        }

        using var memory = new MemoryStream();
        JsonReporter.Write(memory, run);
        w.Write(Encoding.UTF8.GetString(memory.GetBuffer(), 0, (int)memory.Length));
        w.WriteLine();
    }

    private sealed record Reporter(string Name, bool ShowsProblems, Action<TextWriter, LintRun, ConsoleStyle> WriteAction) : IReporter
    {
        public void Write(TextWriter writer, LintRun run, ConsoleStyle style) => WriteAction(writer, run, style);
    }
}
