using System;
using System.Collections.Generic;

namespace PeeringLint.Parsers.Inputs;

/// <summary>
/// Short, unique keys for the files of one run, derived from their display paths: the file name without its
/// extension (<c>net</c>) when no other file of the run has that name, else the name with its extension
/// (<c>net.yaml</c>, <c>net.json</c>), else as many trailing folders as it takes to tell them apart
/// (<c>a/net</c>, <c>b/net</c>), up to the whole display path. Readers that derive ids from names or logical ids qualify them with these keys, so that
/// two files never share an element id by accident. Keys compare ignoring case, so two keys never differ only
/// in case.
/// </summary>
internal static class FileKeys
{
    /// <summary>One key per path, in the same order; distinct paths always get distinct keys.</summary>
    public static string[] For(IReadOnlyList<string> paths)
    {
        var parts = new string[paths.Count][];
        var level = new int[paths.Count];
        var keys = new string[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            parts[i] = paths[i].Replace('\\', '/').Split('/');
            level[i] = 1;
            keys[i] = Key(parts[i], 1);
        }

        // Each round lengthens every key that collides; a key that is already the whole path gets "#n".
        for (bool changed = true; changed;)
        {
            changed = false;
            var groups = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < keys.Length; i++)
            {
                if (!groups.TryGetValue(keys[i], out var g))
                {
                    g = new List<int>(1);
                    groups[keys[i]] = g;
                }

                g.Add(i);
            }

            foreach (var g in groups.Values)
            {
                if (g.Count < 2)
                {
                    continue;
                }

                int n = 0;
                foreach (int i in g)
                {
                    n++;
                    if (level[i] < 2 * parts[i].Length)
                    {
                        level[i]++;
                        keys[i] = Key(parts[i], level[i]);
                    }
                    else if (n > 1)
                    {
                        // The same display path twice: keep the first key, number the others.
                        keys[i] = paths[i] + "#" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    changed = true;
                }
            }
        }

        return keys;
    }

    /// <summary>
    /// A file name without its extension; the CDK's <c>.template.json</c> counts as one extension
    /// (<c>MyStack.template.json</c> → <c>MyStack</c>).
    /// </summary>
    public static string Stem(string fileName)
    {
        foreach (var ext in CompoundExtensions)
        {
            if (fileName.EndsWith(ext, StringComparison.OrdinalIgnoreCase) && fileName.Length > ext.Length)
            {
                return fileName.Substring(0, fileName.Length - ext.Length);
            }
        }

        int dot = fileName.LastIndexOf('.');
        return dot > 0 ? fileName.Substring(0, dot) : fileName;
    }

    private static readonly string[] CompoundExtensions = { ".template.json", ".template.yaml", ".template.yml" };

    /// <summary>
    /// Level 1: the file name without its extension; 2: with it; 3: one folder and the name without its
    /// extension; 4: with it; and so on up to the whole path at level 2 × parts.
    /// </summary>
    private static string Key(string[] parts, int level)
    {
        int folders = Math.Min((level - 1) / 2, parts.Length - 1);
        string name = parts[parts.Length - 1];
        if (level % 2 == 1)
        {
            name = Stem(name);
        }

        return folders == 0 ? name : string.Join("/", parts, parts.Length - 1 - folders, folders) + "/" + name;
    }
}
