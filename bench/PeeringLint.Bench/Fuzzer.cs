using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Bench;

/// <summary>
/// Mutation fuzzing over every shipped input (the corpus copies, fixtures and examples): random byte and
/// structure mutations (also lone surrogate escapes, leading zeros, tags, values over the length limit, and the
/// text re-encoded as UTF-16 or UTF-32), each case loaded and linted in process. A case passes when it ends in findings, no
/// findings, or clean input problems; it fails when an exception escapes, a rule fails, or it runs over 5 s.
/// Every 32nd case is a long-line case (<see cref="LongLineCases"/>: a JSON input minified onto one line with its
/// records repeated, linted in one output format whose size must stay linear).
/// Every tenth case is a file-system case instead (<see cref="FileSystemCases"/>: link loops, FIFOs, devices,
/// same-named files) run through the CLI entry point. Deterministic for a seed.
/// </summary>
internal static class Fuzzer
{
    private static readonly string[] Replacements =
    {
        "300.1.1.1/16", "10.1.0.0/33", "::ffff:10.0.0.0/104", "10.1.0.5/16", "-1", "null", "[]", "{}", "\"\"", "true",
        "99999999999999999999", "\"\u00e9\u00df\u6f22\"", "!Ref Nope", "{\"Ref\": \"Nope\"}", "*anchor", "&a [*a]", "\ufeff",
        "010.1.0.0/16", "10.2.0.0/016", "\" 10.3.0.0/16 \"", "!Whatever 10.4.0.0/16", "\"x\\ud800\"", "\"\\udc00\\ud800\"",
    };

    public static int Run(string root, Dictionary<string, string> options)
    {
        int cases = int.Parse(Program.Get(options, "cases", "20000"), CultureInfo.InvariantCulture);
        int seed = int.Parse(Program.Get(options, "seed", "1"), CultureInfo.InvariantCulture);
        double seconds = double.Parse(Program.Get(options, "seconds", "600"), CultureInfo.InvariantCulture);
        string? results = options.TryGetValue("results", out var r) ? r : null;

        var seeds = Seeds(root);
        var rng = new Random(seed);
        var sw = Stopwatch.StartNew();
        int run = 0, findings = 0, clean = 0, inputErrors = 0, crashes = 0, hangs = 0, fsCases = 0, longLines = 0;
        var failures = new List<string>();
        while (run < cases && sw.Elapsed.TotalSeconds < seconds)
        {
            var (path, bytes) = seeds[rng.Next(seeds.Count)];
            if (run % 10 == 9 && !OperatingSystem.IsWindows())
            {
                run++;
                var failure = FileSystemCases.Run(fsCases++ % FileSystemCases.Kinds, path, bytes, rng, TimeSpan.FromSeconds(5));
                if (failure is not null)
                {
                    hangs += failure.StartsWith("hang", StringComparison.Ordinal) ? 1 : 0;
                    crashes += failure.StartsWith("hang", StringComparison.Ordinal) ? 0 : 1;
                    failures.Add(failure + $" (case {run})");
                }

                continue;
            }

            if (run % 32 == 31)
            {
                run++;
                longLines++;
                var failure = LongLineCases.Run(path, bytes, rng, TimeSpan.FromSeconds(10));
                if (failure is not null)
                {
                    hangs += failure.StartsWith("hang", StringComparison.Ordinal) ? 1 : 0;
                    crashes += failure.StartsWith("hang", StringComparison.Ordinal) ? 0 : 1;
                    failures.Add(failure + $" (case {run})");
                }

                continue;
            }

            var mutated = Mutate(bytes, rng);
            run++;
            bool stream = (run & 1) == 0; // every other case goes through the streaming reader
            var task = Task.Run(() => Check(path, mutated, stream));
            if (!task.Wait(TimeSpan.FromSeconds(5)))
            {
                hangs++;
                failures.Add($"hang: {path} (case {run})");
                continue;
            }

            var (outcome, error) = task.Result;
            switch (outcome)
            {
                case Outcome.Findings: findings++; break;
                case Outcome.Clean: clean++; break;
                case Outcome.InputError: inputErrors++; break;
                default:
                    crashes++;
                    string dump = Path.Combine(root, "bench", "out", "fuzz-crash-" + run.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(path));
                    Directory.CreateDirectory(Path.GetDirectoryName(dump)!);
                    File.WriteAllBytes(dump, mutated);
                    failures.Add($"crash: {path} (case {run}) → {dump}: {error}");
                    break;
            }
        }

        string summary = $"fuzz: seed {seed}, {run} cases ({fsCases} file-system and {longLines} long-line cases through the CLI) from {seeds.Count} seed files in {sw.Elapsed.TotalSeconds:F1} s: {findings} with findings, {clean} clean, {inputErrors} input errors, {crashes} crashes, {hangs} hangs";
        Console.WriteLine(summary);
        foreach (var f in failures.Take(20))
        {
            Console.WriteLine("  " + f);
        }

        if (results is not null)
        {
            var text = File.Exists(results) ? File.ReadAllText(results) : "# Benchmark results\n";
            const string Begin = "<!-- fuzz:begin -->", End = "<!-- fuzz:end -->";
            string block = $"{Begin}\n## Mutation fuzzing\n\n`dotnet run -c Release --project bench/PeeringLint.Bench -- fuzz --cases {cases} --seed {seed}` ({DateTime.UtcNow:yyyy-MM-dd}):\n\n{summary}.\n{End}";
            int b = text.IndexOf(Begin, StringComparison.Ordinal), e = text.IndexOf(End, StringComparison.Ordinal);
            text = b >= 0 && e > b ? text.Substring(0, b) + block + text.Substring(e + End.Length) : text.TrimEnd() + "\n\n" + block + "\n";
            File.WriteAllText(results, text);
        }

        return crashes + hangs == 0 ? 0 : 1;
    }

    private enum Outcome
    {
        Findings,
        Clean,
        InputError,
        Crash,
    }

    private static (Outcome, string?) Check(string path, byte[] bytes, bool stream)
    {
        try
        {
            var source = new InputSource(path, () => bytes, true) { Open = () => new MemoryStream(bytes, writable: false), Length = bytes.Length };
            var load = new InputLoader().Load(new[] { source }, new LoadOptions { MaxDegreeOfParallelism = 1, StreamThreshold = stream ? 0 : long.MaxValue });
            foreach (var p in load.Problems)
            {
                if (stream && !p.Location.IsNone && load.Documents.TryGetValue(p.Location.Path, out var doc))
                {
                    doc.GetLine(p.Location.StartLine); // snippets of streamed documents read the file again
                }
            }

            foreach (var p in load.Problems)
            {
                if (p.Message.Contains("internal error", StringComparison.Ordinal))
                {
                    return (Outcome.Crash, p.Message);
                }

                if (p.Location is null || p.Message.Length == 0 || (!p.Location.IsNone && (p.Location.StartLine < 1 || p.Location.StartColumn < 1)))
                {
                    return (Outcome.Crash, "problem without a usable location: " + p);
                }
            }

            var lint = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 });
            if (lint.Failures.Count > 0)
            {
                return (Outcome.Crash, string.Join("; ", lint.Failures));
            }

            if (load.Problems.Any(p => p.Severity == InputProblemSeverity.Error))
            {
                return (Outcome.InputError, null);
            }

            return (lint.Findings.Count > 0 ? Outcome.Findings : Outcome.Clean, null);
        }
        catch (Exception ex)
        {
            return (Outcome.Crash, ex.GetType().Name + ": " + ex.Message + " at " + ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim());
        }
    }

    private static List<(string Path, byte[] Bytes)> Seeds(string root)
    {
        var list = new List<(string, byte[])>();
        foreach (var dir in new[] { Path.Combine(root, "tests", "Fixtures"), Path.Combine(root, "examples") })
        {
            if (!Directory.Exists(dir))
            {
                continue;
            }

            foreach (var f in Directory.GetFiles(dir, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                string ext = Path.GetExtension(f).ToLowerInvariant();
                if (ext is ".json" or ".yaml" or ".yml" or ".template" && new FileInfo(f).Length < 512 * 1024)
                {
                    list.Add((Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)));
                }
            }
        }

        return list;
    }

    /// <summary>Hostile values that keep the document well-formed when they replace a quoted string's content.</summary>
    private static readonly string[] QuotedValues =
    {
        "300.1.1.1/16", "10.1.0.0/33", "::ffff:10.0.0.0/104", "10.1.0.5/16", "0.0.0.0/0", "::/0", "10.0.0.0/8", "10.1.0.0/16", "192.168.1.0/0",
        "pcx-00000000", "vpc-00000000", "igw-1", "sg-1", "rtb-1", "subnet-1", "i-1", "local", "blackhole", "pending-acceptance", "deleted",
        "-1", "icmp", "tcp", "65536", "", " ", "\u00e9\u00df\u6f22\ud83d\ude00", "AWS::EC2::VPC", "AWS::EC2::Route", "${AWS::Region}",
        "010.1.0.0/16", "10.2.0.0/016", " 10.3.0.0/16 ", "10.1.0.00/24", "x\\ud800", "\\udfff\\ud800y", "\\ud83d\\ude00",
    };

    private static byte[] Mutate(byte[] input, Random rng)
    {
        var mutated = MutateContent(input, rng);
        if (rng.Next(64) == 0)
        {
            mutated = LongValue(mutated, rng);
        }

        return rng.Next(8) == 0 ? Reencode(mutated, rng) : mutated;
    }

    /// <summary>The text in UTF-16 or UTF-32, either byte order, with or without a BOM (as Windows tools write it).</summary>
    private static byte[] Reencode(byte[] utf8, Random rng)
    {
        string text = Encoding.UTF8.GetString(utf8);
        Encoding e = rng.Next(4) switch
        {
            0 => new UnicodeEncoding(false, true),
            1 => new UnicodeEncoding(true, true),
            2 => new UTF32Encoding(false, true),
            _ => new UTF32Encoding(true, true),
        };
        var body = e.GetBytes(text);
        return rng.Next(3) == 0 ? body : e.GetPreamble().Concat(body).ToArray();
    }

    /// <summary>Replaces a quoted string's content with a value just over the decoders' 1 Mi character limit.</summary>
    private static byte[] LongValue(byte[] input, Random rng)
    {
        int open = Array.IndexOf(input, (byte)'"', rng.Next(Math.Max(1, input.Length)));
        int close = open < 0 ? -1 : Array.IndexOf(input, (byte)'"', open + 1);
        if (close < 0)
        {
            return input;
        }

        var value = Encoding.UTF8.GetBytes(new string('x', PeeringLint.Parsers.Syntax.ValueLimit.MaxLength + 1));
        return input.Take(open + 1).Concat(value).Concat(input.Skip(close)).ToArray();
    }

    private static byte[] MutateContent(byte[] input, Random rng)
    {
        if (rng.Next(2) == 0)
        {
            return MutateQuotedValues(input, rng);
        }

        var b = new List<byte>(input);
        int rounds = 1 + rng.Next(4);
        for (int r = 0; r < rounds && b.Count > 0; r++)
        {
            int at = rng.Next(b.Count);
            switch (rng.Next(8))
            {
                case 0: b[at] = (byte)rng.Next(256); break;                               // flip a byte
                case 1: b.RemoveRange(at, Math.Min(b.Count - at, 1 + rng.Next(16))); break; // delete a run
                case 2: b.RemoveRange(at, b.Count - at); break;                           // truncate
                case 3:                                                                   // duplicate a chunk
                {
                    int len = Math.Min(b.Count - at, 1 + rng.Next(200));
                    b.InsertRange(rng.Next(b.Count), b.GetRange(at, len));
                    break;
                }

                case 4: b.InsertRange(at, Encoding.UTF8.GetBytes(Replacements[rng.Next(Replacements.Length)])); break;
                case 5: ReplaceToken(b, at, rng); break;                                  // swap a value for a hostile one
                case 6: b.InsertRange(at, Encoding.UTF8.GetBytes(new string('[', 1 + rng.Next(2000)))); break;
                default: b.InsertRange(at, new[] { (byte)'\r', (byte)'\n', (byte)'\t' }.Take(1 + rng.Next(3))); break;
            }
        }

        return b.ToArray();
    }

    /// <summary>Replaces the content of 1–5 double-quoted strings with hostile values: the document stays well-formed.</summary>
    private static byte[] MutateQuotedValues(byte[] input, Random rng)
    {
        var b = new List<byte>(input);
        int rounds = 1 + rng.Next(5);
        for (int r = 0; r < rounds && b.Count > 2; r++)
        {
            int open = b.IndexOf((byte)'"', rng.Next(b.Count));
            int close = open < 0 ? -1 : b.IndexOf((byte)'"', open + 1);
            if (close < 0)
            {
                continue;
            }

            b.RemoveRange(open + 1, close - open - 1);
            b.InsertRange(open + 1, Encoding.UTF8.GetBytes(QuotedValues[rng.Next(QuotedValues.Length)]));
        }

        return b.ToArray();
    }

    /// <summary>Replaces the quoted or plain token around <paramref name="at"/> with a hostile value.</summary>
    private static void ReplaceToken(List<byte> b, int at, Random rng)
    {
        int start = at, end = at;
        while (start > 0 && !IsBoundary(b[start - 1]))
        {
            start--;
        }

        while (end < b.Count && !IsBoundary(b[end]))
        {
            end++;
        }

        b.RemoveRange(start, end - start);
        b.InsertRange(start, Encoding.UTF8.GetBytes(Replacements[rng.Next(Replacements.Length)]));
    }

    private static bool IsBoundary(byte c) => c is (byte)'"' or (byte)',' or (byte)':' or (byte)'\n' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' or (byte)' ';
}
