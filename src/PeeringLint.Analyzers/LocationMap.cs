using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PeeringLint.Model;

namespace PeeringLint.Analyzers;

/// <summary>
/// Turns Roslyn locations into model <see cref="SourceLocation"/>s and back. A C# location keeps the syntax
/// tree's path (made unique when two trees share one) and Roslyn's line and character (UTF-16, 0-based, stored
/// 1-based); the diagnostic is rebuilt with <c>Location.Create(tree, span)</c> on the real tree, the span's
/// offsets computed back from the tree's line starts (the exact inverse of <c>GetLineSpan</c>).
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

        var lines = location.GetLineSpan();
        return new SourceLocation(
            KeyOf(tree),
            lines.StartLinePosition.Line + 1,
            lines.StartLinePosition.Character + 1,
            lines.EndLinePosition.Line + 1,
            lines.EndLinePosition.Character + 1,
            logicalPath);
    }

    public Location ToRoslyn(SourceLocation location)
    {
        if (location.IsNone || !_trees.TryGetValue(location.Path, out var tree))
        {
            return Location.None;
        }

        var text = tree.GetText();
        int start = Offset(text, location.StartLine, location.StartColumn);
        int end = Math.Max(Offset(text, location.EndLine, location.EndColumn), start);
        return Location.Create(tree, TextSpan.FromBounds(start, end));
    }

    /// <summary>The offset of a 1-based line and column in <paramref name="text"/>, clamped to the text.</summary>
    private static int Offset(SourceText text, int line, int column)
    {
        if (line > text.Lines.Count)
        {
            return text.Length;
        }

        return Math.Min(text.Lines[Math.Max(line, 1) - 1].Start + Math.Max(column, 1) - 1, text.Length);
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
