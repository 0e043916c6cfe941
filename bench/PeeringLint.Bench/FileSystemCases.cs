using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace PeeringLint.Bench;

/// <summary>
/// File-system cases for the fuzzer (issue 18): a seed file placed among folder link loops, FIFOs, a link to a device
/// and same-named files in two folders, run through the CLI entry point in process with its own base folder. A case
/// passes when the CLI returns 0, 1 or 2 with no internal error or stack trace; it fails when an exception escapes or
/// it runs over the time bound (a FIFO left blocking is opened for writing so the stuck reader is let go).
/// </summary>
internal static class FileSystemCases
{
    public const int Kinds = 6;

    public static string KindName(int kind) => kind switch
    {
        0 => "folder link loops",
        1 => "FIFO in a folder",
        2 => "FIFO named as input/--config/--intents/--baseline",
        3 => "link to a device",
        4 => "device named as input/--config/--baseline",
        _ => "same-named files in two folders",
    };

    /// <summary>Runs one case; returns null when it passed, else what went wrong ("hang: …" for a time-out).</summary>
    public static string? Run(int kind, string seedPath, byte[] seed, Random rng, TimeSpan bound)
    {
        string dir = Path.Combine(Path.GetTempPath(), "peeringlint-fuzz-" + Environment.ProcessId, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string name = Path.GetFileName(seedPath);
        string[] fifos = Array.Empty<string>();
        try
        {
            string[] args = Arrange(kind, dir, name, seed, rng, out fifos);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var task = Task.Run(() => PeeringLint.Cli.Program.Run(args, stdout, stderr, dir));
            if (!task.Wait(bound))
            {
                Release(fifos);
                return $"hang: {KindName(kind)} with {seedPath} (peeringlint {string.Join(' ', args)})";
            }

            if (task.IsFaulted)
            {
                var ex = task.Exception!.GetBaseException();
                return $"crash: {KindName(kind)} with {seedPath}: {ex.GetType().Name}: {ex.Message}";
            }

            string err = stderr.ToString();
            if (task.Result is < 0 or > 2 || err.Contains("internal error", StringComparison.Ordinal) || err.Contains("   at ", StringComparison.Ordinal))
            {
                return $"crash: {KindName(kind)} with {seedPath}: exit {task.Result}: {err.Split('\n').FirstOrDefault(l => l.Contains("internal error", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal))}";
            }

            return null;
        }
        catch (Exception ex)
        {
            return $"crash: {KindName(kind)} with {seedPath}: {ex.GetType().Name}: {ex.Message}";
        }
        finally
        {
            try
            {
                Directory.Delete(dir, recursive: true); // removes links, never what they point to
            }
            catch (IOException)
            {
            }
        }
    }

    private static string[] Arrange(int kind, string dir, string name, byte[] seed, Random rng, out string[] fifos)
    {
        fifos = Array.Empty<string>();
        string net = Path.Combine(dir, "net");
        Directory.CreateDirectory(Path.Combine(net, "sub"));
        File.WriteAllBytes(Path.Combine(net, name), seed);
        switch (kind)
        {
            case 0:
                File.WriteAllBytes(Path.Combine(net, "sub", name), seed);
                Directory.CreateSymbolicLink(Path.Combine(net, "x"), ".");
                Directory.CreateSymbolicLink(Path.Combine(net, "y"), ".");
                Directory.CreateSymbolicLink(Path.Combine(net, "self"), ".");
                Directory.CreateSymbolicLink(Path.Combine(net, "sub", "up"), "..");
                Directory.CreateSymbolicLink(Path.Combine(net, "sub", "top"), dir);
                File.CreateSymbolicLink(Path.Combine(net, "dangling.json"), "missing.json");
                return new[] { "lint", rng.Next(2) == 0 ? "net" : "net/x/y/self", "--format", "json" };
            case 1:
            {
                var fifo = Path.Combine(net, "sub", "pipe" + Path.GetExtension(name));
                MakeFifo(fifo);
                fifos = new[] { fifo };
                return new[] { "lint", "net" };
            }

            case 2:
            {
                var fifo = Path.Combine(dir, "pipe.yaml");
                MakeFifo(fifo);
                fifos = new[] { fifo };
                return (rng.Next(4)) switch
                {
                    0 => new[] { "lint", "net", "pipe.yaml" },
                    1 => new[] { "lint", "net", "--config", "pipe.yaml" },
                    2 => new[] { "lint", "net", "--intents", "pipe.yaml" },
                    _ => new[] { "lint", "net", "--format", "sarif", "--baseline", "pipe.yaml" },
                };
            }

            case 3:
                File.CreateSymbolicLink(Path.Combine(net, "zero" + Path.GetExtension(name)), rng.Next(2) == 0 ? "/dev/zero" : "/dev/urandom");
                return new[] { "lint", "net", "--format", "sarif" };
            case 4:
            {
                string device = rng.Next(2) == 0 ? "/dev/zero" : "/dev/urandom";
                return (rng.Next(3)) switch
                {
                    0 => new[] { "lint", "net", device },
                    1 => new[] { "lint", "net", "--config", device },
                    _ => new[] { "lint", "net", "--format", "sarif", "--baseline", device },
                };
            }

            default:
                Directory.CreateDirectory(Path.Combine(dir, "a"));
                Directory.CreateDirectory(Path.Combine(dir, "b"));
                File.WriteAllBytes(Path.Combine(dir, "a", name), seed);
                File.WriteAllBytes(Path.Combine(dir, "b", name), seed);
                return new[] { "lint", "a", "b", "net", "--format", "json" };
        }
    }

    private static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new IOException("mkfifo failed for " + path);
        }
    }

    private static void Release(string[] fifos)
    {
        foreach (var f in fifos)
        {
            try
            {
                using var w = new FileStream(f, FileMode.Open, FileAccess.Write);
            }
            catch (IOException)
            {
            }
        }
    }
}
