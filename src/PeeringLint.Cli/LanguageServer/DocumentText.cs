using System;
using System.IO;
using PeeringLint.Model;

namespace PeeringLint.Cli.LanguageServer;

/// <summary>Positions, ranges and URIs: LSP's 0-based UTF-16 positions against PeeringLint's 1-based <see cref="SourceLocation"/>s.</summary>
internal static class DocumentText
{
    /// <summary>The protocol range of a location (end exclusive in both); a location without a span is the file's start.</summary>
    public static Range ToRange(SourceLocation location)
    {
        if (location.IsNone)
        {
            return new Range(new Position(0, 0), new Position(0, 0));
        }

        var start = new Position(Math.Max(0, location.StartLine - 1), Math.Max(0, location.StartColumn - 1));
        var end = location.EndLine <= 0 ? start : new Position(Math.Max(0, location.EndLine - 1), Math.Max(0, location.EndColumn - 1));
        return end.Line < start.Line || (end.Line == start.Line && end.Character < start.Character) ? new Range(start, start) : new Range(start, end);
    }

    /// <summary>True when the 0-based position lies in the location's span (its end included, where an editor's cursor rests after a word).</summary>
    public static bool Contains(SourceLocation location, Position p)
    {
        if (location.IsNone)
        {
            return false;
        }

        int line = p.Line + 1;
        int col = p.Character + 1;
        bool afterStart = line > location.StartLine || (line == location.StartLine && col >= location.StartColumn);
        bool beforeEnd = line < location.EndLine || (line == location.EndLine && col <= location.EndColumn);
        return afterStart && beforeEnd;
    }

    /// <summary>The UTF-16 offset of a position in <paramref name="text"/> (lines end at \n, \r\n or \r); clamped to the text.</summary>
    public static int OffsetOf(string text, Position p)
    {
        int offset = 0;
        for (int line = 0; line < p.Line; line++)
        {
            int next = text.IndexOfAny(LineBreaks, offset);
            if (next < 0)
            {
                return text.Length;
            }

            offset = text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? next + 2 : next + 1;
        }

        int lineEnd = text.IndexOfAny(LineBreaks, offset);
        if (lineEnd < 0)
        {
            lineEnd = text.Length;
        }

        return Math.Min(offset + Math.Max(0, p.Character), lineEnd);
    }

    /// <summary>The text after one content change: the whole text, or a range replaced.</summary>
    public static string Apply(string text, TextDocumentContentChangeEvent change)
    {
        if (change.Range is not { } range)
        {
            return change.Text;
        }

        int start = OffsetOf(text, range.Start);
        int end = Math.Max(start, OffsetOf(text, range.End));
        return string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
    }

    /// <summary>The absolute local path of a <c>file:</c> URI, or null for any other scheme.</summary>
    public static string? PathOf(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string UriOf(string fullPath) => new Uri(fullPath).AbsoluteUri;

    private static readonly char[] LineBreaks = { '\n', '\r' };
}
