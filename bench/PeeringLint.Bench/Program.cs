using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PeeringLint.Bench;

/// <summary>
/// dotnet run -c Release --project bench/PeeringLint.Bench -- generate --vpcs N --out DIR [--tgw-summary]
///                                                         -- cdk-app [--vpcs 200] [--out DIR]
///                                                         -- measure [--sizes 100,1000,10000] [--results bench/results.md] [--cfn-lint]
///                                                         -- profile [--vpcs 10000] [--rounds 5] [--tgw-summary]
///                                                         -- fuzz [--cases 20000] [--seed 1] [--seconds 600] [--results bench/results.md]
///                                                         -- lsp [--edits 1000] [--timed 60] [--lines 1000]
///                                                         -- parse-only --dir DIR   (the separate-process parse floor that measure compares with)
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: PeeringLint.Bench generate|measure|fuzz|lsp [options]");
            return 2;
        }

        var options = ParseOptions(args.Skip(1).ToArray());
        string root = FindRoot();
        switch (args[0])
        {
            case "generate":
            {
                int n = int.Parse(Get(options, "vpcs", "100"), CultureInfo.InvariantCulture);
                bool summary = options.ContainsKey("tgw-summary");
                string outDir = Get(options, "out", Path.Combine(root, "bench", "out", "org-" + n + (summary ? "-summary" : string.Empty)));
                var g = new TopologyGenerator(n) { SummaryRoutes = summary };
                g.WriteAwsJson(Path.Combine(outDir, "aws"));
                g.WriteCloudFormation(Path.Combine(outDir, "cfn"));
                Console.WriteLine($"wrote {outDir}");
                return 0;
            }

            case "cdk-app":
            {
                int n = int.Parse(Get(options, "vpcs", "200"), CultureInfo.InvariantCulture);
                string outDir = Get(options, "out", Path.Combine(root, "bench", "out", "cdk-" + n));
                CdkAppGenerator.Write(outDir, root, n);
                Console.WriteLine($"wrote {outDir}");
                return 0;
            }

            case "measure":
                return Measure.Run(root, options);
            case "fuzz":
                return Fuzzer.Run(root, options);
            case "profile":
                return Profile.Run(root, options);
            case "lsp":
                return LspBench.Run(root, options);
            case "parse-only":
                return ParseOnly.Run(Get(options, "dir", "."));
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'");
                return 2;
        }
    }

    internal static string Get(Dictionary<string, string> o, string key, string fallback) => o.TryGetValue(key, out var v) ? v : fallback;

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            string key = args[i].Substring(2);
            d[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }

        return d;
    }

    internal static string FindRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeeringLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }
}
