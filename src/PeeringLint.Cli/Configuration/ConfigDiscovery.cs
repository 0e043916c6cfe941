using System.IO;

namespace PeeringLint.Cli.Configuration;

/// <summary>Finds <c>.peeringlint.yaml</c> by walking up from the first input's folder.</summary>
internal static class ConfigDiscovery
{
    /// <summary>The nearest configuration file at or above <paramref name="firstInput"/>'s folder; null when none.</summary>
    public static string? Find(string firstInput, string baseDirectory)
    {
        var full = Path.GetFullPath(Path.Combine(baseDirectory, firstInput));
        var dir = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory;
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, ConfigReader.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            dir = dir.Parent;
        }

        return null;
    }
}
