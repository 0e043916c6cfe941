using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Tasks;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>Graphviz is not installed (or did not work).</summary>
internal sealed class GraphvizException : Exception
{
    public GraphvizException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// Renders dot to SVG by running Graphviz's <c>dot -Tsvg</c> found on PATH: dot text on stdin, SVG on stdout,
/// no shell, killed after a timeout.
/// </summary>
internal sealed class SvgRenderer
{
    public const string NotFoundMessage =
        "Graphviz 'dot' was not found on PATH; install it (Debian/Ubuntu: sudo apt-get install graphviz, macOS: brew install graphviz) or use --format dot|mermaid|html";

    public SvgRenderer(string? dotPath, TimeSpan? timeout = null)
    {
        DotPath = dotPath;
        Timeout = timeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>The full path of the dot executable, or null when there is none.</summary>
    public string? DotPath { get; }

    public TimeSpan Timeout { get; }

    public bool IsAvailable => DotPath is not null;

    /// <summary>A renderer using the dot found on this process's PATH.</summary>
    public static SvgRenderer FromPath() => new(FindOnPath(Environment.GetEnvironmentVariable("PATH")));

    /// <summary>The first <c>dot</c> (or <c>dot.exe</c>) in the directories of <paramref name="pathVariable"/>.</summary>
    public static string? FindOnPath(string? pathVariable)
    {
        if (string.IsNullOrEmpty(pathVariable))
        {
            return null;
        }

        string exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dot.exe" : "dot";
        foreach (var dir in pathVariable!.Split(Path.PathSeparator))
        {
            if (dir.Length == 0)
            {
                continue;
            }

            try
            {
                string candidate = Path.Combine(dir.Trim('"'), exe);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            catch (ArgumentException)
            {
                // A malformed PATH entry: skip it.
            }
        }

        return null;
    }

    /// <summary>Runs dot; throws <see cref="GraphvizException"/> when it is missing, fails or times out.</summary>
    public string Render(string dot)
    {
        if (DotPath is null)
        {
            throw new GraphvizException(NotFoundMessage);
        }

        var psi = new ProcessStartInfo(DotPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            CreateNoWindow = true,
        };
        psi.ArgumentList.Add("-Tsvg");
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new GraphvizException($"could not run Graphviz '{DotPath}': {ex.Message}");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdin = Task.Run(() =>
        {
            try
            {
                using var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false));
                input.Write(dot);
            }
            catch (IOException)
            {
                // dot exited early; its stderr says why.
            }
        });

        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            throw new GraphvizException($"Graphviz 'dot' did not finish within {Timeout.TotalSeconds:F0} s; try --format dot or mermaid, or a smaller input");
        }

        stdin.Wait();
        string svg = stdout.GetAwaiter().GetResult();
        string err = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0 || svg.Length == 0)
        {
            throw new GraphvizException($"Graphviz 'dot' failed (exit {process.ExitCode}): {err.Trim()}");
        }

        return svg;
    }
}
