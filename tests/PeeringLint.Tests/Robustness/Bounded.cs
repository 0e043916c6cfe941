using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Runs work that must end (a CLI run over FIFOs, link loops, a pathological glob) on its own task and fails the test
/// when it has not ended after a generous bound, instead of hanging the test run. This detects hangs, not slowness:
/// the bound is a minute, and every case here ends in well under a second.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static T Run<T>(Func<T> work, string what, Action? release = null)
    {
        var task = Task.Run(work);
        if (!task.Wait(Limit))
        {
            release?.Invoke();
            Assert.Fail($"{what} did not end within {Limit.TotalSeconds:F0} s (a hang)");
        }

        return task.Result;
    }

    /// <summary>The CLI in process, bounded; <paramref name="fifos"/> are opened for writing if it hangs, so the blocked reader is let go.</summary>
    public static CliResult Cli(string baseDirectory, string[] args, params string[] fifos) =>
        Run(() => CliRunner.Run(baseDirectory, args), "peeringlint " + string.Join(' ', args), () => Release(fifos));

    public static void MakeFifo(string path)
    {
        using var p = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }

    private static void Release(string[] fifos)
    {
        foreach (var f in fifos)
        {
            try
            {
                // A reader blocked in open(2) on the FIFO returns once a writer opens it; closing gives it end of file.
                using var w = new FileStream(f, FileMode.Open, FileAccess.Write);
            }
            catch (IOException)
            {
            }
        }
    }
}
