using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Bench;

/// <summary>
/// <c>profile --vpcs N [--rounds 5] [--only PL2001,PL4002]</c>: the rules phase rule by rule (each rule alone over a fresh shared index, in
/// catalogue order, sequentially; median of the rounds), the whole engine run as the CLI does it, and managed-heap
/// checkpoints (GC.GetTotalMemory after a full collection) after reading, indexing and linting. Prints the load average
/// next to the numbers: the machine is shared.
/// </summary>
internal static class Profile
{
    public static int Run(string root, Dictionary<string, string> options)
    {
        int n = int.Parse(Program.Get(options, "vpcs", "10000"), CultureInfo.InvariantCulture);
        int rounds = int.Parse(Program.Get(options, "rounds", "5"), CultureInfo.InvariantCulture);
        bool summary = options.ContainsKey("tgw-summary");
        string dir = Path.Combine(root, "bench", "out", "org-" + n.ToString(CultureInfo.InvariantCulture) + (summary ? "-summary" : string.Empty));
        if (!Directory.Exists(dir))
        {
            var g = new TopologyGenerator(n) { SummaryRoutes = summary };
            g.WriteAwsJson(Path.Combine(dir, "aws"));
            g.WriteCloudFormation(Path.Combine(dir, "cfn"));
        }

        var files = Directory.GetFiles(Path.Combine(dir, "aws"), "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var sources = files.Select(f => new InputSource(Path.GetRelativePath(dir, f).Replace('\\', '/'), () => File.ReadAllBytes(f), false)
        {
            Folders = Path.GetRelativePath(Path.Combine(dir, "aws"), Path.GetDirectoryName(f)!).Split(Path.DirectorySeparatorChar),
        }).ToArray();

        long before = Heap();
        var sw = Stopwatch.StartNew();
        var load = new InputLoader().Load(sources);
        double readMs = sw.Elapsed.TotalMilliseconds;
        long afterRead = Heap();
        Console.WriteLine($"load {Load()}: read {readMs:F0} ms; heap before {Mib(before)}, after read {Mib(afterRead)} (model + documents), peak working set so far {Mib(Process.GetCurrentProcess().PeakWorkingSet64)}");
        Console.WriteLine($"  model: {load.Model.Vpcs.Count} VPCs, {load.Model.Subnets.Count} subnets, {load.Model.RouteTables.Count} tables, {load.Model.RouteTables.Sum(t => t.Routes.Count)} routes, {load.Model.SecurityGroups.Count} groups, {load.Model.Instances.Count} instances, {load.Documents.Count} documents");

        if (options.TryGetValue("pause", out var pause))
        {
            // time to take a heap dump of the model: dotnet-gcdump collect -p PID
            Console.WriteLine($"pid {Environment.ProcessId}: pausing {pause} s");
            System.Threading.Thread.Sleep(int.Parse(pause, CultureInfo.InvariantCulture) * 1000);
        }

        var rules = options.TryGetValue("only", out var only) ? RuleCatalog.All.Where(r => only.Split(',').Contains(r.Descriptor.Id)).ToList() : RuleCatalog.All;
        var times = rules.Select(_ => new List<double>()).ToArray();
        var engine = new List<double>();
        var indexTimes = new List<double>();
        int findings = 0;
        for (int round = 0; round < rounds + 1; round++)
        {
            GC.Collect();
            sw.Restart();
            var index = new ModelIndex(load.Model);
            double ix = sw.Elapsed.TotalMilliseconds;
            for (int i = 0; i < rules.Count; i++)
            {
                var context = new RuleContext(rules[i], load.Model, index, null);
                double cpu0 = ThreadCpuMs();
                rules[i].Analyze(context);
                double ms = ThreadCpuMs() - cpu0;
                if (round > 0)
                {
                    times[i].Add(ms);
                }
            }

            GC.Collect();
            sw.Restart();
            var result = LintEngine.Run(load.Model);
            double e = sw.Elapsed.TotalMilliseconds;
            findings = result.Findings.Count;
            if (round > 0)
            {
                indexTimes.Add(ix);
                engine.Add(e);
            }
        }

        long afterRules = Heap();
        double sum = times.Sum(Median);
        Console.WriteLine($"load {Load()}: engine run (index + rules in parallel, as the CLI) median {Median(engine):F0} ms (min {engine.Min():F0}); index {Median(indexTimes):F0} ms; rules one by one (thread CPU time, so that other builds on the machine count less): sum of medians {sum:F0} ms; {findings} findings; heap after rules {Mib(afterRules)}");
        foreach (var (rule, i) in rules.Select((r, i) => (r, i)).OrderByDescending(x => Median(times[x.i])))
        {
            double m = Median(times[i]);
            if (m >= 1)
            {
                Console.WriteLine($"  {rule.Descriptor.Id} {m,7:F1} ms {100 * m / sum,5:F1} %");
            }
        }

        GC.KeepAlive(load);
        return 0;
    }

    /// <summary>CPU time of the calling thread (getrusage RUSAGE_THREAD), in ms; wall time where that is not available.</summary>
    private static double ThreadCpuMs()
    {
        if (OperatingSystem.IsLinux() && getrusage(1, out var u) == 0)
        {
            return ((u.UserSec + u.SysSec) * 1e3) + ((u.UserUsec + u.SysUsec) / 1e3);
        }

        return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out RUsage usage);

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSec;
        public long UserUsec;
        public long SysSec;
        public long SysUsec;
        private unsafe fixed long _rest[14];
    }

    private static double Median(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToList();
        return s[s.Count / 2];
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(true);
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture) + " MiB";

    internal static string Load()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
