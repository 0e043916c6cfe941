using System.IO;

namespace PeeringLint.Cli.Configuration;

/// <summary>
/// Finds <c>.peeringlint.yaml</c> by walking up from the first input's folder, never past a boundary: the first
/// folder on the way up that is the repository root (it holds <c>.git</c>, a folder or, in a worktree or submodule,
/// a file) or the base (current) folder. When neither is above the input, only the input's own folder is searched,
/// so a configuration in a shared parent (a temporary folder, a home folder) never applies by accident.
/// </summary>
internal static class ConfigDiscovery
{
    /// <summary>The nearest configuration file at or above <paramref name="firstInput"/>'s folder, within the boundary; null when none.</summary>
    public static string? Find(string firstInput, string baseDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, firstInput));
        var start = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
        if (start is null)
        {
            return null;
        }

        var boundary = Boundary(start, Path.GetFullPath(baseDirectory));
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ConfigReader.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (boundary is null || SamePath(dir.FullName, boundary))
            {
                break;
            }
        }

        return null;
    }

    /// <summary>The first folder at or above <paramref name="start"/> that is a repository root or the base folder; null when none is.</summary>
    private static string? Boundary(DirectoryInfo start, string baseDirectory)
    {
        for (var dir = start; dir is not null; dir = dir.Parent)
        {
            if (SamePath(dir.FullName, baseDirectory) || Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), System.StringComparison.Ordinal);
}
