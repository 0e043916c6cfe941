using System;
using System.IO;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Graph;

/// <summary>
/// Compares output with a golden file under tests/Golden/graph; PEERINGLINT_UPDATE_GOLDEN=1 rewrites the file
/// instead (then review the diff and commit it).
/// </summary>
internal static class GoldenFile
{
    public static bool Updating => Environment.GetEnvironmentVariable("PEERINGLINT_UPDATE_GOLDEN") == "1";

    public static string PathOf(string name) => Path.Combine(TestPaths.Golden, "graph", name);

    public static void AssertMatches(string name, string actual)
    {
        string path = PathOf(name);
        actual = actual.Replace("\r\n", "\n");
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests with PEERINGLINT_UPDATE_GOLDEN=1 to create it");
        string expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        int i = 0;
        while (i < e.Length && i < a.Length && e[i] == a[i])
        {
            i++;
        }

        Assert.Fail($"output differs from {path} at line {i + 1}:\n  expected: {(i < e.Length ? e[i] : "<end of file>")}\n  actual:   {(i < a.Length ? a[i] : "<end of output>")}\n(PEERINGLINT_UPDATE_GOLDEN=1 rewrites the golden file)");
    }
}
