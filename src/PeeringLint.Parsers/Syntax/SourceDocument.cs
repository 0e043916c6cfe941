using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// One input file: its display path and a map from offsets to 1-based line and column. Columns count
/// UTF-16 code units (SARIF's default column kind); for JSON the offsets are UTF-8 bytes and are converted.
/// </summary>
public sealed class SourceDocument
{
    private readonly int[] _lineStarts;
    private readonly byte[]? _utf8;
    private readonly bool _ascii;

    private SourceDocument(string path, int[] lineStarts, byte[]? utf8, bool ascii, string? text)
    {
        Path = path;
        _lineStarts = lineStarts;
        _utf8 = utf8;
        _ascii = ascii;
        Text = text;
    }

    public string Path { get; }

    /// <summary>The text, for YAML documents (JSON keeps bytes only).</summary>
    public string? Text { get; }

    public int LineCount => _lineStarts.Length;

    /// <summary>A document whose offsets are UTF-8 byte offsets into <paramref name="utf8"/>.</summary>
    public static SourceDocument FromUtf8(string path, byte[] utf8)
    {
        // Vectorised: IndexOf finds line breaks, and the ASCII check reads eight bytes at a time.
        var starts = new List<int>(Math.Max(16, utf8.Length / 32)) { 0 };
        var span = new ReadOnlySpan<byte>(utf8);
        int pos = 0;
        while (pos < span.Length)
        {
            int i = span.Slice(pos).IndexOf((byte)'\n');
            if (i < 0)
            {
                break;
            }

            pos += i + 1;
            starts.Add(pos);
        }

        return new SourceDocument(path, starts.ToArray(), utf8, IsAscii(span), null);
    }

    private static bool IsAscii(ReadOnlySpan<byte> bytes)
    {
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (ulong w in words)
        {
            if ((w & 0x8080808080808080UL) != 0)
            {
                return false;
            }
        }

        for (int i = words.Length * 8; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A document whose offsets are character offsets into <paramref name="text"/>.</summary>
    public static SourceDocument FromText(string path, string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return new SourceDocument(path, starts.ToArray(), null, true, text);
    }

    public (int Line, int Column) LineColumn(int offset)
    {
        int line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        line = Math.Max(0, line);
        int lineStart = _lineStarts[line];
        int column = offset - lineStart;
        if (_utf8 is not null && !_ascii && column > 0)
        {
            int len = Math.Min(column, _utf8.Length - lineStart);
            column = System.Text.Encoding.UTF8.GetCharCount(_utf8, lineStart, Math.Max(0, len));
            if (lineStart == 0 && _utf8.Length >= 3 && _utf8[0] == 0xEF && _utf8[1] == 0xBB && _utf8[2] == 0xBF)
            {
                column = Math.Max(0, column - 1);
            }
        }

        return (line + 1, column + 1);
    }

    public SourceLocation Locate(int start, int end, string? logicalPath = null)
    {
        var (sl, sc) = LineColumn(start);
        var (el, ec) = LineColumn(Math.Max(start, end));
        return new SourceLocation(Path, sl, sc, el, ec, logicalPath) { StartOffset = start, EndOffset = end };
    }

    /// <summary>The text of one 1-based line without its line break (for snippets); empty when out of range.</summary>
    public string GetLine(int line)
    {
        if (line < 1 || line > _lineStarts.Length)
        {
            return string.Empty;
        }

        int start = _lineStarts[line - 1];
        if (Text is not null)
        {
            int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
            return Text.Substring(start, end - start).TrimEnd('\r', '\n');
        }

        if (_utf8 is not null)
        {
            int end = line < _lineStarts.Length ? _lineStarts[line] : _utf8.Length;
            return System.Text.Encoding.UTF8.GetString(_utf8, start, end - start).TrimEnd('\r', '\n');
        }

        return string.Empty;
    }
}

/// <summary>A syntax problem with its location; thrown by the decoders, caught by the loader.</summary>
public sealed class SyntaxException : Exception
{
    public SyntaxException(SourceLocation location, string message)
        : base(message)
    {
        Location = location;
    }

    public SourceLocation Location { get; }
}
