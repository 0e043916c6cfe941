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
/// <c>profile --vpcs N [--rounds 5] [--only PL2001,PL4002] [--alloc] [--reverse]</c>: the rules phase rule by rule (each rule alone over a fresh shared index, in
/// catalogue order, sequentially; median of the rounds), the whole engine run as the CLI does it, and managed-heap
/// checkpoints (GC.GetTotalMemory after a full collection) after reading, indexing and linting. Prints the load average
/// next to the numbers: the machine is shared. <c>--alloc</c>: the rules' allocation by type (sampled, one by one only).
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

        if (options.ContainsKey("read"))
        {
            return ReadPhase(sources, rounds, options["read"], options);
        }

        long before = Heap();
        var sw = Stopwatch.StartNew();
        var load = new InputLoader().Load(sources);
        double readMs = sw.Elapsed.TotalMilliseconds;
        long afterRead = Heap();
        Console.WriteLine($"load {Load()}: read {readMs:F0} ms; heap before {Mib(before)}, after read {Mib(afterRead)} (model + documents), peak working set so far {Mib(Process.GetCurrentProcess().PeakWorkingSet64)}");
        Console.WriteLine($"  model: {load.Model.Vpcs.Count} VPCs, {load.Model.Subnets.Count} subnets, {load.Model.RouteTables.Count} tables, {load.Model.RouteTables.Sum(t => t.Routes.Count)} routes, {load.Model.SecurityGroups.Count} groups, {load.Model.Instances.Count} instances, {load.Documents.Count} documents");

        if (options.ContainsKey("survey"))
        {
            ModelSurvey.Print(load.Model);
            return 0;
        }

        if (options.TryGetValue("pause", out var pause))
        {
            // time to take a heap dump of the model: dotnet-gcdump collect -p PID
            Console.WriteLine($"pid {Environment.ProcessId}: pausing {pause} s");
            System.Threading.Thread.Sleep(int.Parse(pause, CultureInfo.InvariantCulture) * 1000);
        }

        var rules = options.TryGetValue("only", out var only) ? RuleCatalog.All.Where(r => only.Split(',').Contains(r.Descriptor.Id)).ToList() : RuleCatalog.All;
        if (options.ContainsKey("reverse"))
        {
            // --reverse: the rules in the opposite order, so that a rule's shared structures are paid for by another one
            rules = rules.Reverse().ToList();
        }

        var times = rules.Select(_ => new List<double>()).ToArray();
        var allocated = new long[rules.Count];
        long engineAllocated = 0;
        var engine = new List<double>();
        var indexTimes = new List<double>();
        int findings = 0;
        // --alloc: the rules' allocations by type (sampled; the engine run is left out so that only the rules one by one count).
        bool alloc = options.ContainsKey("alloc");
        using var sampler = alloc ? new AllocationSampler() : null;
        for (int round = 0; round < rounds + 1; round++)
        {
            GC.Collect();
            sampler?.Pause(); // the index is built here, outside the rules
            sw.Restart();
            var index = new ModelIndex(load.Model);
            double ix = sw.Elapsed.TotalMilliseconds;
            sampler?.Resume();
            for (int i = 0; i < rules.Count; i++)
            {
                var context = new RuleContext(rules[i], load.Model, index, null);
                double cpu0 = ThreadCpuMs();
                long bytes0 = GC.GetAllocatedBytesForCurrentThread();
                rules[i].Analyze(context);
                double ms = ThreadCpuMs() - cpu0;
                allocated[i] = GC.GetAllocatedBytesForCurrentThread() - bytes0;
                if (round > 0)
                {
                    times[i].Add(ms);
                }
            }

            if (alloc)
            {
                continue;
            }

            GC.Collect();
            sw.Restart();
            long engine0 = GC.GetTotalAllocatedBytes(precise: true);
            var result = LintEngine.Run(load.Model);
            double e = sw.Elapsed.TotalMilliseconds;
            engineAllocated = GC.GetTotalAllocatedBytes(precise: true) - engine0;
            findings = result.Findings.Count;
            if (round > 0)
            {
                indexTimes.Add(ix);
                engine.Add(e);
            }
        }

        if (sampler is not null)
        {
            System.Threading.Thread.Sleep(1000); // the runtime delivers the samples on another thread
            sampler.Print();
            engine.Add(0);
            indexTimes.Add(0);
        }

        long afterRules = Heap();
        if (options.TryGetValue("pause-end", out var pauseEnd))
        {
            // a heap dump with the model, the last round's index and findings alive (as the CLI before its output)
            Console.WriteLine($"pid {Environment.ProcessId}: pausing {pauseEnd} s after the rules");
            System.Threading.Thread.Sleep(int.Parse(pauseEnd, CultureInfo.InvariantCulture) * 1000);
        }

        double sum = times.Sum(Median);
        Console.WriteLine($"load {Load()}: engine run (index + rules in parallel, as the CLI) median {Median(engine):F0} ms (min {engine.Min():F0}); index {Median(indexTimes):F0} ms; rules one by one (thread CPU time, so that other builds on the machine count less): sum of medians {sum:F0} ms; {findings} findings; heap after rules {Mib(afterRules)}; the engine run allocated {Mib(engineAllocated)}");
        foreach (var (rule, i) in rules.Select((r, i) => (r, i)).OrderByDescending(x => Median(times[x.i])))
        {
            double m = Median(times[i]);
            if (m >= 1)
            {
                Console.WriteLine($"  {rule.Descriptor.Id} {m,7:F1} ms {100 * m / sum,5:F1} %  allocated {allocated[i] / 1048576.0,6:F1} MiB");
            }
        }

        GC.KeepAlive(load);
        return 0;
    }

    /// <summary>
    /// <c>profile --read</c>: the read phase alone, median of the rounds: the bare <c>JsonDocument.Parse</c> of every file,
    /// the decode to syntax trees alone (<c>--read decode</c>: only the rows whose name contains "decode"), and the whole loader (decode + map + model) on one thread and on all cores,
    /// each with the bytes it allocated and its thread CPU time; then the managed heap with the last load alive.
    /// </summary>
    private static int ReadPhase(InputSource[] sources, int rounds, string which, Dictionary<string, string> options)
    {
        var bytes = sources.Select(s => s.ReadBytes()).ToArray();
        var rows = new (string Name, Func<object?> Run)[]
        {
            ("JsonDocument.Parse (1 thread)", () =>
            {
                foreach (var b in bytes)
                {
                    using var d = System.Text.Json.JsonDocument.Parse(b);
                }

                return null;
            }),
            ("decode to syntax trees (1 thread)", () =>
            {
                var problems = new List<PeeringLint.Model.InputProblem>();
                for (int i = 0; i < bytes.Length; i++)
                {
                    var doc = PeeringLint.Parsers.Syntax.SourceDocument.FromUtf8(sources[i].Path, bytes[i]);
                    PeeringLint.Parsers.Syntax.JsonDecoder.Decode(doc, bytes[i], problems);
                }

                return null;
            }),
            ("InputLoader.Load (1 thread)", () => new InputLoader().Load(sources, new LoadOptions { MaxDegreeOfParallelism = 1 })),
            ("InputLoader.Load (all cores)", () => new InputLoader().Load(sources)),
        };
        object? last = null;
        using var sampler = options.ContainsKey("alloc") ? new AllocationSampler() : null;
        foreach (var (name, run) in rows)
        {
            if (which != "true" && !name.Contains(which, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var wall = new List<double>();
            var cpu = new List<double>();
            var alloc = new List<double>();
            var collections = new List<(int Gen0, int Gen1, int Gen2)>();
            for (int round = 0; round < rounds + 1; round++)
            {
                last = null;
                GC.Collect();
                long a0 = GC.GetTotalAllocatedBytes(true);
                double c0 = ProcessCpuMs();
                var gc0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var sw = Stopwatch.StartNew();
                last = run();
                double w = sw.Elapsed.TotalMilliseconds;
                if (round > 0)
                {
                    wall.Add(w);
                    cpu.Add(ProcessCpuMs() - c0);
                    alloc.Add((GC.GetTotalAllocatedBytes(true) - a0) / 1048576.0);
                    collections.Add((GC.CollectionCount(0) - gc0.Item1, GC.CollectionCount(1) - gc0.Item2, GC.CollectionCount(2) - gc0.Item3));
                }
            }

            // Collections during the row's last round (a gen2 collection counts in gen1 and gen0 too).
            var (g0, g1, g2) = collections[^1];
            Console.WriteLine($"load {Load()}: {name,-34} wall {Median(wall),6:F0} ms (min {wall.Min(),5:F0}), CPU {Median(cpu),6:F0} ms, allocated {Median(alloc),6:F0} MiB, collections {g0}/{g1}/{g2}");
        }

        sampler?.Print();
        Console.WriteLine($"heap with the last load alive {Mib(Heap())}; peak working set {Mib(Process.GetCurrentProcess().PeakWorkingSet64)}");
        GC.KeepAlive(last);
        return 0;
    }

    private static double ProcessCpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

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

    /// <summary>
    /// <c>--alloc</c>: the runtime's allocation sampling (an event about every 100 KB allocated, naming the type of the
    /// object that crossed the mark), summed by type: where the read phase's bytes go, without a profiler.
    /// </summary>
    private sealed class AllocationSampler : System.Diagnostics.Tracing.EventListener
    {
        private readonly Dictionary<string, long> _bytes = new(StringComparer.Ordinal);
        private volatile bool _paused;

        /// <summary>Stops counting (the rules profile counts the rules one by one, not the engine run).</summary>
        public void Pause() => _paused = true;

        public void Resume() => _paused = false;

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x1);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs e)
        {
            if (_paused || e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null)
            {
                return;
            }

            int t = e.PayloadNames!.IndexOf("TypeName");
            int a = e.PayloadNames.IndexOf("AllocationAmount64");
            string type = t >= 0 ? e.Payload[t]?.ToString() ?? "?" : "?";
            long amount = a >= 0 ? Convert.ToInt64(e.Payload[a], CultureInfo.InvariantCulture) : 100_000;
            lock (_bytes)
            {
                _bytes[type] = _bytes.GetValueOrDefault(type) + amount;
            }
        }

        public void Print()
        {
            lock (_bytes)
            {
                long total = _bytes.Values.Sum();
                Console.WriteLine($"allocation samples by type (all rounds, {Mib(total)} sampled):");
                foreach (var (type, bytes) in _bytes.OrderByDescending(kv => kv.Value).Take(25))
                {
                    Console.WriteLine($"  {100.0 * bytes / total,5:F1} %  {Mib(bytes),8}  {type}");
                }
            }
        }
    }
}
