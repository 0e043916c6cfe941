using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;

using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Inputs;

/// <summary>
/// Turns command-line paths (files and folders) into <see cref="InputSource"/>s; display paths are relative to a base folder.
/// Only regular files are read: a FIFO, socket or device named on the command line is an input error, one found in a
/// folder is skipped with a warning. Folders are walked once each by their real path (links resolved), so link loops
/// (<c>x -> .</c>) end, and a file reached by two paths (a link, a folder named twice) is read once.
/// </summary>
public static class InputFiles
{
    private static readonly string[] Extensions = { ".json", ".yaml", ".yml", ".template" };
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj", ".vs", ".idea" };

    /// <summary>Links followed while resolving one path before it counts as a loop (Linux's ELOOP limit).</summary>
    private const int MaxLinkHops = 40;

    public static IReadOnlyList<InputSource> Enumerate(IEnumerable<string> paths, string baseDirectory, List<InputProblem> problems)
    {
        var result = new List<InputSource>();
        var seen = new HashSet<string>(PathComparer);
        var visited = new HashSet<string>(PathComparer);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in paths)
        {
            string full = Path.GetFullPath(Path.Combine(baseDirectory, raw));
            var kind = SafeFile.KindOf(full);
            if (kind == FileKind.Directory)
            {
                foreach (var (file, real) in Walk(full, visited, problems, baseDirectory))
                {
                    if (seen.Add(real))
                    {
                        var rel = Path.GetRelativePath(full, Path.GetDirectoryName(file)!);
                        var folders = rel == "." ? Array.Empty<string>() : rel.Split(Path.DirectorySeparatorChar);
                        result.Add(Source(file, baseDirectory, folders, isExplicit: false));
                    }
                }
            }
            else if (!SafeFile.MayOpen(kind))
            {
                problems.Add(new InputProblem(At(full, baseDirectory), "cannot read the file: " + SafeFile.Refusal(kind)));
            }
            else if (File.Exists(full))
            {
                named.Add(full);
                if (seen.Add(RealPath(full)))
                {
                    result.Add(Source(full, baseDirectory, Array.Empty<string>(), isExplicit: true));
                }
            }
            else
            {
                problems.Add(new InputProblem(At(full, baseDirectory), "no such file or directory"));
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

    /// <summary>
    /// The path with every link resolved (as realpath(3) does, without asking that the path exist): the identity of a
    /// file or folder however it was reached. A loop of links ends after <see cref="MaxLinkHops"/> and returns the path as is.
    /// </summary>
    public static string RealPath(string fullPath)
    {
        var rest = new Stack<string>();
        var root = Path.GetPathRoot(fullPath) ?? string.Empty;
        Push(rest, fullPath.Substring(root.Length));
        string current = root;
        int hops = 0;
        while (rest.Count > 0)
        {
            var part = rest.Pop();
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            string? target = null;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return fullPath;
            }

            if (Path.IsPathRooted(target))
            {
                var targetRoot = Path.GetPathRoot(target) ?? string.Empty;
                current = targetRoot;
                Push(rest, target.Substring(targetRoot.Length));
            }
            else
            {
                Push(rest, target);
            }
        }

        return current;
    }

    private static void Push(Stack<string> rest, string relative)
    {
        var parts = relative.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            rest.Push(parts[i]);
        }
    }

    /// <summary>True when <paramref name="outer"/> is <paramref name="inner"/> or one of its parents.</summary>
    private static bool Contains(string outer, string inner)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var prefix = Path.EndsInDirectorySeparator(outer) ? outer : outer + Path.DirectorySeparatorChar;
        return string.Equals(outer, inner, comparison) || inner.StartsWith(prefix, comparison);
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private static SourceLocation At(string full, string baseDirectory) => new(Display(full, baseDirectory), 1, 1, 1, 1);

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

    /// <summary>
    /// The input files under <paramref name="root"/>, sorted. Real folders are walked first and linked folders after,
    /// each folder once by its real path (shared across the command line's roots in <paramref name="visited"/>): a link
    /// back into the tree or to a folder holding it is never followed, a link out of it is followed once.
    /// </summary>
    private static List<(string Path, string Real)> Walk(string root, HashSet<string> visited, List<InputProblem> problems, string baseDirectory)
    {
        var stack = new Stack<string>();
        var linked = new Queue<string>();
        stack.Push(root);
        var files = new List<(string Path, string Real)>();
        var realRoot = RealPath(root);
        while (stack.Count > 0 || linked.Count > 0)
        {
            var dir = stack.Count > 0 ? stack.Pop() : linked.Dequeue();
            var realDir = RealPath(dir);
            if ((dir != root && Contains(realDir, realRoot)) || !visited.Add(realDir))
            {
                // Already walked, or a link to a folder holding the walk (a parent): following it would re-enter the tree.
                continue;
            }

            try
            {
                foreach (var info in new DirectoryInfo(dir).EnumerateFiles())
                {
                    var f = info.FullName;
                    if (!Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    var kind = SafeFile.KindOf(f);
                    if (SafeFile.MayOpen(kind))
                    {
                        // The enumeration already knows whether the entry is a link; only links need resolving.
                        bool isLink = (info.Attributes & FileAttributes.ReparsePoint) != 0;
                        files.Add((f, isLink ? RealPath(f) : Path.Combine(realDir, info.Name)));
                    }
                    else
                    {
                        problems.Add(new InputProblem(At(f, baseDirectory), "skipped: " + SafeFile.Refusal(kind), InputProblemSeverity.Warning));
                    }
                }

                foreach (var d in Directory.EnumerateDirectories(dir))
                {
                    if (SkippedFolders.Contains(Path.GetFileName(d)))
                    {
                        continue;
                    }

                    if (new DirectoryInfo(d).LinkTarget is null)
                    {
                        stack.Push(d);
                    }
                    else
                    {
                        linked.Enqueue(d);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(At(dir, baseDirectory), "cannot read the directory: " + ex.Message));
            }
        }

        files.Sort((a, b) => StringComparer.Ordinal.Compare(a.Path, b.Path));
        return files;
    }
}
