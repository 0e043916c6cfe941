using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PeeringLint.Model;

namespace PeeringLint.Analyzers;

/// <summary>
/// Turns Roslyn locations into model <see cref="SourceLocation"/>s and back. A C# location keeps the syntax
/// tree's path (made unique when two trees share one) and the exact <see cref="TextSpan"/> as offsets, so the
/// diagnostic is rebuilt with <c>Location.Create(tree, span)</c> on the real tree, never from a line/column.
/// </summary>
internal sealed class LocationMap
{
    private readonly Dictionary<string, SyntaxTree> _trees = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxTree, string> _keys = new();

    public SourceLocation ToModel(Location location, string? logicalPath = null)
    {
        if (!location.IsInSource || location.SourceTree is not { } tree)
        {
            return SourceLocation.None;
        }

        var span = location.SourceSpan;
        var lines = location.GetLineSpan();
        return new SourceLocation(
            KeyOf(tree),
            lines.StartLinePosition.Line + 1,
            lines.StartLinePosition.Character + 1,
            lines.EndLinePosition.Line + 1,
            lines.EndLinePosition.Character + 1,
            logicalPath)
        {
            StartOffset = span.Start,
            EndOffset = span.End,
        };
    }

    public Location ToRoslyn(SourceLocation location)
    {
        if (location.IsNone || location.StartOffset < 0 || !_trees.TryGetValue(location.Path, out var tree))
        {
            return Location.None;
        }

        int length = tree.Length;
        int start = Math.Min(location.StartOffset, length);
        int end = Math.Min(Math.Max(location.EndOffset, start), length);
        return Location.Create(tree, TextSpan.FromBounds(start, end));
    }

    private string KeyOf(SyntaxTree tree)
    {
        if (_keys.TryGetValue(tree, out var key))
        {
            return key;
        }

        key = tree.FilePath ?? string.Empty;
        if (_trees.ContainsKey(key))
        {
            int n = 2;
            while (_trees.ContainsKey(key + "#" + n))
            {
                n++;
            }

            key = key + "#" + n;
        }

        _trees[key] = tree;
        _keys[tree] = key;
        return key;
    }
}
