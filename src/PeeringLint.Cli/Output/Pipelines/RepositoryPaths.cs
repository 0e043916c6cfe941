using System.IO;

namespace PeeringLint.Cli.Output.Pipelines;

/// <summary>Paths relative to the repository root (the nearest folder above the run's base folder that holds <c>.git</c>), as CI services expect them.</summary>
internal sealed class RepositoryPaths
{
    private readonly string _baseDirectory;
    private readonly string _root;

    public RepositoryPaths(string baseDirectory)
    {
        _baseDirectory = baseDirectory;
        _root = FindRoot(baseDirectory) ?? baseDirectory;
    }

    /// <summary>A display path (relative to the base folder) made relative to the repository root, with '/' separators.</summary>
    public string Relative(string displayPath)
    {
        if (displayPath.Length == 0)
        {
            return displayPath;
        }

        string full = Path.GetFullPath(Path.Combine(_baseDirectory, displayPath));
        return Path.GetRelativePath(_root, full).Replace('\\', '/');
    }

    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            string git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
