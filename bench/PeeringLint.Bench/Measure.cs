using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Bench;

/// <summary>Times the phases in process, the bare JsonDocument parse of the same bytes, and the published CLI end to end.</summary>
internal static class Measure
{
    private sealed record Row(int Vpcs, int Files, long Bytes, double ParseMs, double ReadMs, double IndexMs, double RulesMs, double ReportMs, double CliMs, long CliPeakKb, double CliGcMs, double ParseProcessMs, int Findings, double? CfnLintMs, double? OurCfnMs);

    public static int Run(string root, Dictionary<string, string> options)
    {
        var sizes = Program.Get(options, "sizes", "100,1000,10000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        string results = Program.Get(options, "results", Path.Combine(root, "bench", "results.md"));
        bool cfnLint = options.ContainsKey("cfn-lint");
        string cli = PublishCli(root);
        var rows = new List<Row>();
        foreach (int n in sizes)
        {
            string dir = Path.Combine(root, "bench", "out", "org-" + n.ToString(CultureInfo.InvariantCulture));
            if (!Directory.Exists(dir))
            {
                var g = new TopologyGenerator(n);
                g.WriteAwsJson(Path.Combine(dir, "aws"));
                g.WriteCloudFormation(Path.Combine(dir, "cfn"));
            }

            rows.Add(MeasureOne(n, dir, cli, cfnLint && n == 1000, root));
            var r = rows[^1];
            Console.WriteLine($"N={n}: files {r.Files}, {r.Bytes / 1e6:F1} MB, parse {r.ParseMs:F0} ms, read {r.ReadMs:F0} ms, index {r.IndexMs:F0} ms, rules {r.RulesMs:F0} ms, report {r.ReportMs:F0} ms, CLI {r.CliMs:F0} ms (GC {r.CliGcMs:F0} ms) / {r.CliPeakKb / 1024} MiB, parse process {r.ParseProcessMs:F0} ms, findings {r.Findings}");
        }

        double smallMs = MedianCli(cli, Path.Combine(root, "examples", "nextwork-peering-broken.yaml"), 7, out _, out _);
        File.WriteAllText(results, Render(rows, smallMs));
        Console.WriteLine($"small example: {smallMs:F0} ms; wrote {results}");
        return 0;
    }

    private static Row MeasureOne(int n, string dir, string cli, bool cfnLint, string root)
    {
        var files = Directory.GetFiles(Path.Combine(dir, "aws"), "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var bytes = files.Select(File.ReadAllBytes).ToArray();
        long total = bytes.Sum(b => (long)b.Length);

        double parse = Median(5, () =>
        {
            foreach (var b in bytes)
            {
                using var doc = JsonDocument.Parse(b);
            }
        });

        var sources = files.Select((f, i) => new InputSource(Path.GetRelativePath(dir, f).Replace('\\', '/'), () => bytes[i], false)
        {
            Folders = Path.GetRelativePath(Path.Combine(dir, "aws"), Path.GetDirectoryName(f)!).Split(Path.DirectorySeparatorChar),
        }).ToArray();
        LoadResult? load = null;
        double read = Median(3, () => load = new InputLoader().Load(sources));
        ModelIndex? index = null;
        double indexMs = Median(3, () => index = new ModelIndex(load!.Model));
        LintResult? result = null;
        double rules = Median(3, () => result = LintEngine.Run(load!.Model));
        double report = Median(3, () =>
        {
            using var ms = new MemoryStream();
            using var w = new Utf8JsonWriter(ms);
            w.WriteStartArray();
            foreach (var f in result!.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("message", f.Message);
                w.WriteString("path", f.Location.Path);
                w.WriteNumber("line", f.Location.StartLine);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
        double cliMs = MedianCli(cli, Path.Combine(dir, "aws"), 3, out long peak, out double gcMs);
        double parseProcessMs = MedianParseProcess(Path.Combine(dir, "aws"), 3);
        double? cfnMs = null, ourCfn = null;
        if (cfnLint)
        {
            cfnMs = TimeCfnLint(root, Path.Combine(dir, "cfn"));
            ourCfn = MedianCli(cli, Path.Combine(dir, "cfn"), 3, out _, out _);
        }

        return new Row(n, files.Length, total, parse, read, indexMs, rules, report, cliMs, peak, gcMs, parseProcessMs, result!.Findings.Count, cfnMs, ourCfn);
    }

    private static double Median(int runs, Action action)
    {
        action(); // warm-up
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static string PublishCli(string root)
    {
        string outDir = Path.Combine(root, "bench", "out", "cli");
        var psi = new ProcessStartInfo("dotnet", $"publish \"{Path.Combine(root, "src", "PeeringLint.Cli")}\" -c Release -o \"{outDir}\" -p:PublishReadyToRun=true --nologo -v q")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var p = Process.Start(psi)!;
        p.StandardOutput.ReadToEnd();
        string err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("publish failed: " + err);
        }

        return Path.Combine(outDir, "peeringlint");
    }

    /// <summary>
    /// Median wall time of the CLI over <paramref name="runs"/> runs, its peak resident memory (from /proc VmHWM via
    /// /usr/bin/time when present) and the median of the collector's pauses it reports with <c>--verbose</c>.
    /// </summary>
    private static double MedianCli(string cli, string input, int runs, out long peakKb, out double gcMs)
    {
        peakKb = 0;
        var times = new List<double>();
        var pauses = new List<double>();
        bool haveTime = File.Exists("/usr/bin/time");
        for (int i = 0; i < runs + 1; i++)
        {
            var psi = haveTime
                ? new ProcessStartInfo("/usr/bin/time", $"-f %M \"{cli}\" lint \"{input}\" --format json --output /dev/null --verbose")
                : new ProcessStartInfo(cli, $"lint \"{input}\" --format json --output /dev/null --verbose");
            psi.RedirectStandardError = true;
            psi.RedirectStandardOutput = true;
            var sw = Stopwatch.StartNew();
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            _ = stdout.Result;
            double ms = sw.Elapsed.TotalMilliseconds;
            if (i == 0)
            {
                continue; // warm the file cache
            }

            times.Add(ms);
            var lines = err.Trim().Split('\n');
            if (haveTime && long.TryParse(lines[^1], NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
            {
                peakKb = Math.Max(peakKb, kb);
            }

            const string Gc = "timing: gc pauses ";
            var gcLine = lines.FirstOrDefault(l => l.StartsWith(Gc, StringComparison.Ordinal));
            if (gcLine is not null && double.TryParse(gcLine.AsSpan(Gc.Length, gcLine.IndexOf(" ms", Gc.Length, StringComparison.Ordinal) - Gc.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out double pause))
            {
                pauses.Add(pause);
            }
        }

        times.Sort();
        pauses.Sort();
        gcMs = pauses.Count == 0 ? double.NaN : pauses[pauses.Count / 2];
        return times[times.Count / 2];
    }

    /// <summary>Median wall time of <see cref="ParseOnly"/> as its own process (this assembly started again by the same host).</summary>
    private static double MedianParseProcess(string dir, int runs)
    {
        string self = typeof(Measure).Assembly.Location;
        var times = new List<double>();
        for (int i = 0; i < runs + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            if (Run(Environment.ProcessPath ?? "dotnet", $"\"{self}\" parse-only --dir \"{dir}\"", out string output) != 0)
            {
                throw new InvalidOperationException("parse-only failed: " + output);
            }

            if (i > 0)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return times[times.Count / 2];
    }

    private static double? TimeCfnLint(string root, string cfnDir)
    {
        string cache = Path.Combine(root, "bench", "out", "cfn-lint");
        string entry = Path.Combine(cache, "node_modules", "cfn-lint", "lib", "index.js");
        if (!File.Exists(entry))
        {
            Directory.CreateDirectory(cache);
            if (Run("npm", "install --no-audit --no-fund --loglevel=error --prefix \"" + cache + "\" cfn-lint@1.9.7", out _) != 0 || !File.Exists(entry))
            {
                Console.Error.WriteLine("cfn-lint 1.9.7 could not be installed with npm; skipping the peer reference");
                return null;
            }
        }

        var sw = Stopwatch.StartNew();
        foreach (var t in Directory.GetFiles(cfnDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            Run("node", $"\"{entry}\" validate \"{t}\"", out _);
        }

        return sw.Elapsed.TotalMilliseconds;
    }

    private static int Run(string file, string args, out string output)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        output = o.Result + e.Result;
        return p.ExitCode;
    }

    private static string Render(List<Row> rows, double smallMs)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("# Benchmark results");
        sb.AppendLine();
        sb.AppendLine(inv, $"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores, {Machine()}, .NET {Environment.Version}.");
        string sizes = string.Join(",", rows.Select(r => r.Vpcs.ToString(inv)));
        string withCfn = rows.Any(r => r.CfnLintMs is not null) ? " --cfn-lint" : string.Empty;
        sb.AppendLine(inv, $"Generated by `dotnet run -c Release --project bench/PeeringLint.Bench -- measure --sizes {sizes}{withCfn}` (topology: bench/PeeringLint.Bench/TopologyGenerator.cs;");
        sb.AppendLine("≈16 routes and 12 SG rules per VPC, 2 peerings per VPC, every 100th VPC with a 300-rule group, AWS CLI JSON in the Batfish multi-account layout).");
        sb.AppendLine("In-process phases are medians of 3 runs after a warm-up; `parse` is `JsonDocument.Parse` over the same bytes already in memory;");
        sb.AppendLine("`CLI` is the published ReadyToRun tool end to end (`lint DIR --format json --verbose`), median of 3 runs, with its peak RSS and the collector's pauses it reports;");
        sb.AppendLine("`parse process` is a separate process that only reads and parses the same files with `JsonDocument` on every core (`parse-only`, start-up included), the floor issue 17 compares the CLI with.");
        sb.AppendLine();
        sb.AppendLine("| VPCs | files | MB | parse ms | read ms | index ms | rules ms | report ms | lint/parse | CLI wall ms | CLI GC ms | CLI peak MiB | parse process ms | CLI/parse process | findings |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            double lint = r.ReadMs + r.RulesMs + r.ReportMs;
            sb.AppendLine(inv, $"| {r.Vpcs:N0} | {r.Files} | {r.Bytes / 1e6:F1} | {r.ParseMs:F0} | {r.ReadMs:F0} | {r.IndexMs:F0} | {r.RulesMs:F0} | {r.ReportMs:F0} | {lint / r.ParseMs:F1} | {r.CliMs:F0} | {r.CliGcMs:F0} | {r.CliPeakKb / 1024} | {r.ParseProcessMs:F0} | {r.CliMs / r.ParseProcessMs:F1} | {r.Findings:N0} |");
        }

        sb.AppendLine();
        sb.AppendLine("Growth exponent k (time ∝ N^k) between consecutive sizes:");
        sb.AppendLine();
        for (int i = 1; i < rows.Count; i++)
        {
            var a = rows[i - 1];
            var b = rows[i];
            double ln = Math.Log((double)b.Vpcs / a.Vpcs);
            sb.AppendLine(inv, $"- {a.Vpcs:N0} → {b.Vpcs:N0}: CLI wall k = {Math.Log(b.CliMs / a.CliMs) / ln:F2}, in-process lint k = {Math.Log((b.ReadMs + b.RulesMs) / (a.ReadMs + a.RulesMs)) / ln:F2}, rules k = {Math.Log(b.RulesMs / Math.Max(0.01, a.RulesMs)) / ln:F2}");
        }

        sb.AppendLine();
        sb.AppendLine(inv, $"Small example (`lint examples/nextwork-peering-broken.yaml`, published tool): {smallMs:F0} ms wall, median of 7.");
        var cfn = rows.FirstOrDefault(r => r.CfnLintMs is not null);
        if (cfn is not null)
        {
            sb.AppendLine();
            sb.AppendLine(inv, $"Peer reference, CloudFormation form of the {cfn.Vpcs:N0}-VPC case: cfn-lint (npm, JavaScript port 1.9.7, one `validate` per template) {cfn.CfnLintMs:F0} ms; PeeringLint {cfn.OurCfnMs:F0} ms — {cfn.OurCfnMs / cfn.CfnLintMs:F2}× cfn-lint's time.");
        }

        return sb.ToString();
    }

    private static string Machine()
    {
        try
        {
            var model = File.ReadAllLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            var mem = File.ReadAllLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal));
            return $"{model?.Split(':')[1].Trim()}, {mem?.Split(':')[1].Trim()}";
        }
        catch (IOException)
        {
            return Environment.OSVersion.ToString();
        }
    }
}
