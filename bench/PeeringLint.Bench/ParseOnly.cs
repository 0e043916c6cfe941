using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace PeeringLint.Bench;

/// <summary>
/// <c>parse-only --dir DIR</c>: the floor issue 17 compares the CLI with — a separate process that reads every
/// <c>*.json</c> under DIR and parses it with <see cref="JsonDocument"/>, on every core, and does nothing else.
/// <see cref="Measure"/> starts it as its own process (start-up included, like the CLI's).
/// </summary>
internal static class ParseOnly
{
    public static int Run(string dir)
    {
        var files = Directory.GetFiles(dir, "*.json", SearchOption.AllDirectories);
        long tokens = 0;
        Parallel.ForEach(files, file =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            // Touch the result so that the parse cannot be skipped.
            System.Threading.Interlocked.Add(ref tokens, doc.RootElement.ValueKind == JsonValueKind.Undefined ? 0 : 1);
        });
        Console.WriteLine($"{files.Length} files, {tokens} documents");
        return tokens == files.Length ? 0 : 1;
    }
}
