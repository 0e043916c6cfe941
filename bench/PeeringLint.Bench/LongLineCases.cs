using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace PeeringLint.Bench;

/// <summary>
/// Long-line cases (issue 18 item 6): a JSON input minified onto one line (as `--output json` with no indent or a
/// `jq -c` writes it), its records repeated so the one line holds many findings, linted through the CLI entry point
/// in one output format. The output must stay linear: at most <see cref="Factor"/> × the input plus
/// <see cref="Fixed"/> bytes (SARIF alone carries about 120 KB of rule metadata), whatever the format, and the run
/// must end (exit 0, 1 or 2) within the bound.
/// </summary>
internal static class LongLineCases
{
    private const int Factor = 64;
    private const int Fixed = 256 * 1024;
    private static readonly string[] Formats = { "text", "json", "sarif", "github", "junit", "gitlab", "azure" };

    /// <summary>Runs one case; null when it passed (or the seed is not JSON), else what went wrong ("hang: …" for a time-out).</summary>
    public static string? Run(string seedPath, byte[] seed, Random rng, TimeSpan bound)
    {
        string text = Encoding.UTF8.GetString(seed).TrimStart('\uFEFF');
        if (!text.TrimStart().StartsWith('{'))
        {
            return null;
        }

        // JSON allows line breaks only between tokens: joining the lines keeps the document as it was.
        string line = string.Join(" ", text.Split('\n').Select(l => l.Trim()));
        line = Repeat(line, 1 + rng.Next(40));
        string format = Formats[rng.Next(Formats.Length)];
        string dir = Path.Combine(Path.GetTempPath(), "peeringlint-fuzz-" + Environment.ProcessId, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string name = Path.GetFileName(seedPath);
            File.WriteAllText(Path.Combine(dir, name), line);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var task = Task.Run(() => PeeringLint.Cli.Program.Run(new[] { "lint", name, "--format", format }, stdout, stderr, dir));
            if (!task.Wait(bound))
            {
                return $"hang: long line, {format}, {seedPath}";
            }

            if (task.IsFaulted)
            {
                var ex = task.Exception!.GetBaseException();
                return $"crash: long line, {format}, {seedPath}: {ex.GetType().Name}: {ex.Message}";
            }

            string err = stderr.ToString();
            if (task.Result is < 0 or > 2 || err.Contains("internal error", StringComparison.Ordinal))
            {
                return $"crash: long line, {format}, {seedPath}: exit {task.Result}";
            }

            long output = Encoding.UTF8.GetByteCount(stdout.ToString()) + Encoding.UTF8.GetByteCount(err);
            long limit = (long)Factor * line.Length + Fixed;
            return output > limit ? $"crash: long line, {format}, {seedPath}: {output:N0} bytes of output for a {line.Length:N0}-character line (limit {limit:N0})" : null;
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>The document's first list of records repeated <paramref name="times"/> times (more elements, more findings, one line).</summary>
    private static string Repeat(string line, int times)
    {
        int open = line.IndexOf('[', StringComparison.Ordinal);
        int close = line.LastIndexOf(']');
        if (times <= 1 || open < 0 || close <= open + 1)
        {
            return line;
        }

        string items = line.Substring(open + 1, close - open - 1).Trim();
        if (items.Length == 0 || !items.StartsWith('{'))
        {
            return line;
        }

        return line.Substring(0, open + 1) + string.Join(", ", Enumerable.Repeat(items, times)) + line.Substring(close);
    }
}
