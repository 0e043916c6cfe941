using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PeeringLint.Tests.TestKit;

namespace PeeringLint.Tests.Cli;

internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the CLI in-process with its own base folder (no process-wide current directory change, so tests can run in parallel).</summary>
internal static class CliRunner
{
    public static CliResult Run(string baseDirectory, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = PeeringLint.Cli.Program.Run(args, stdout, stderr, baseDirectory);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs in the repository root, as a user in a clone would.</summary>
    public static CliResult InRepo(params string[] args) => Run(TestPaths.Root, args);

    /// <summary>
    /// Makes SARIF independent of the machine and release: the %SRCROOT% folder and the tool version
    /// become placeholders, and rule pages embedded as help.markdown are replaced by their resource name
    /// (they change with the docs, which have their own tests).
    /// </summary>
    public static string NormalizeSarif(string sarif, string baseDirectory)
    {
        var root = PeeringLint.Cli.Output.SarifReporter.DirectoryUri(baseDirectory).AbsoluteUri;
        sarif = sarif.Replace("\"" + root + "\"", "\"file:///SRCROOT/\"");
        var version = PeeringLint.Cli.Output.ToolInfo.Version;
        sarif = sarif.Replace("\"version\": \"" + version + "\"", "\"version\": \"<version>\"")
            .Replace("\"semanticVersion\": \"" + version + "\"", "\"semanticVersion\": \"<version>\"")
            .Replace("\"fullName\": \"PeeringLint " + version + "\"", "\"fullName\": \"PeeringLint <version>\"");
        sarif = Regex.Replace(sarif, "\"markdown\": \"(?:[^\"\\\\]|\\\\.)*\"", "\"markdown\": \"<rule page>\"");
        return sarif;
    }
}

/// <summary>A scratch folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "peeringlint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string text)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace("\r\n", "\n"));
        return full;
    }

    public string CopyExample(string name, string? asName = null, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(TestPaths.Examples, name));
        return Write(asName ?? name, edit is null ? text : edit(text));
    }

    public string Read(string relative) => File.ReadAllText(System.IO.Path.Combine(Path, relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
