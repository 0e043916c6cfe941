using System;
using System.IO;
using Xunit;

namespace PeeringLint.Tests.TestKit;

/// <summary>
/// Golden files under tests/Golden: compares normalized output (LF line ends) with the stored file and
/// reports the first differing line; <c>PEERINGLINT_UPDATE_GOLDEN=1</c> rewrites the file instead.
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("PEERINGLINT_UPDATE_GOLDEN") == "1";

    /// <param name="relativePath">Path under tests/Golden, '/' separated (e.g. <c>cli/broken.sarif</c>).</param>
    public static void Verify(string relativePath, string actual)
    {
        actual = actual.Replace("\r\n", "\n");
        var path = Path.Combine(TestPaths.Golden, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new System.Text.UTF8Encoding(false));
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"golden file tests/Golden/{relativePath} does not exist; run the tests with PEERINGLINT_UPDATE_GOLDEN=1 to create it, then review it");
        }

        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
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

        string Line(string[] lines, int n) => n < lines.Length ? lines[n] : "<end of file>";
        Assert.Fail(
            $"output differs from tests/Golden/{relativePath} at line {i + 1}:\n" +
            $"  expected: {Line(e, i)}\n" +
            $"  actual:   {Line(a, i)}\n" +
            $"(expected {e.Length} lines, actual {a.Length}); if the change is intended, rerun with PEERINGLINT_UPDATE_GOLDEN=1 and review the diff");
    }
}
