using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;

using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Inputs;

/// <summary>Turns command-line paths (files and folders) into <see cref="InputSource"/>s; display paths are relative to a base folder.</summary>
public static class InputFiles
{
    private static readonly string[] Extensions = { ".json", ".yaml", ".yml", ".template" };
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj", ".vs", ".idea" };

    public static IReadOnlyList<InputSource> Enumerate(IEnumerable<string> paths, string baseDirectory, List<InputProblem> problems)
    {
        var result = new List<InputSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            string full = Path.GetFullPath(Path.Combine(baseDirectory, raw));
            if (File.Exists(full))
            {
                named.Add(full);
                if (seen.Add(full))
                {
                    result.Add(Source(full, baseDirectory, Array.Empty<string>(), isExplicit: true));
                }
            }
            else if (Directory.Exists(full))
            {
                foreach (var file in Walk(full, problems, baseDirectory))
                {
                    if (seen.Add(file))
                    {
                        var rel = Path.GetRelativePath(full, Path.GetDirectoryName(file)!);
                        var folders = rel == "." ? Array.Empty<string>() : rel.Split(Path.DirectorySeparatorChar);
                        result.Add(Source(file, baseDirectory, folders, isExplicit: false));
                    }
                }
            }
            else
            {
                problems.Add(new InputProblem(new SourceLocation(Display(full, baseDirectory), 1, 1, 1, 1), "no such file or directory"));
            }
        }

        // A file named explicitly is explicit even when a folder named before it holds it too
        // (`lint examples/ --intents examples/nextwork-intents.yaml`): the intents file is then a named one.
        for (int i = 0; i < result.Count; i++)
        {
            if (!result[i].Explicit && named.Contains(Path.GetFullPath(Path.Combine(baseDirectory, result[i].Path))))
            {
                result[i] = result[i] with { Explicit = true };
            }
        }

        return result;
    }

    public static string Display(string fullPath, string baseDirectory)
    {
        var rel = Path.GetRelativePath(baseDirectory, fullPath);
        return rel.Replace('\\', '/');
    }

    private static InputSource Source(string full, string baseDirectory, IReadOnlyList<string> folders, bool isExplicit) =>
        InputSource.FromFile(Display(full, baseDirectory), full, isExplicit, LengthOf(full)) with { Folders = folders };

    private static long LengthOf(string full)
    {
        try
        {
            return new FileInfo(full).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static IEnumerable<string> Walk(string root, List<InputProblem> problems, string baseDirectory)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        var files = new List<string>();
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            try
            {
                foreach (var f in Directory.EnumerateFiles(dir))
                {
                    if (Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        files.Add(f);
                    }
                }

                foreach (var d in Directory.EnumerateDirectories(dir))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(d)))
                    {
                        stack.Push(d);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(new SourceLocation(Display(dir, baseDirectory), 1, 1, 1, 1), "cannot read the directory: " + ex.Message));
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
