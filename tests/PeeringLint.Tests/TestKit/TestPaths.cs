using System;
using System.IO;

namespace PeeringLint.Tests.TestKit;

/// <summary>Paths inside the repository, found by walking up from the test binary to PeeringLint.sln (no absolute paths baked in).</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeeringLint.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("PeeringLint.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    public static string Fixtures => Path.Combine(Root, "tests", "Fixtures");

    public static string Golden => Path.Combine(Root, "tests", "Golden");

    public static string Examples => Path.Combine(Root, "examples");

    public static string Rules => Path.Combine(Root, "rules");

    public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
}
