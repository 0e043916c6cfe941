using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// One input file: its display path and a map from offsets to 1-based line and column. Columns count
/// UTF-16 code units (SARIF's default column kind); for JSON the offsets are UTF-8 bytes and are converted.
/// Three backings: YAML text; JSON bytes in memory (released after mapping when every column can be computed
/// without them, and read again for snippets); and a JSON file read as a stream, whose line index is a
/// checkpoint every 4 KB (<see cref="BlockLineIndex"/>) so that memory does not grow with the file.
/// </summary>
public sealed class SourceDocument
{
    private int[]? _lineStarts;
    private bool _lineIndexReleasable;
    private WeakReference<int[]>? _rebuiltLineStarts;
    private readonly BlockLineIndex? _blocks;
    private readonly bool _ascii;
    private readonly bool _bom;
    private byte[]? _utf8;
    private Func<byte[]>? _reread;
    private WeakReference<byte[]>? _rereadCache;

    private SourceDocument(string path, int[]? lineStarts, byte[]? utf8, bool ascii, string? text, BlockLineIndex? blocks)
    {
        Path = path;
        _lineStarts = lineStarts;
        _utf8 = utf8;
        _ascii = ascii;
        _bom = utf8 is { Length: >= 3 } && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF;
        Text = text;
        _blocks = blocks;
    }

    public string Path { get; }

    /// <summary>The text, for YAML documents (JSON keeps bytes only).</summary>
    public string? Text { get; }

    /// <summary>True when the file was read as a stream (never whole in memory).</summary>
    public bool IsStreamed => _blocks is not null;

    /// <summary>A document whose offsets are UTF-8 byte offsets into <paramref name="utf8"/>.</summary>
    public static SourceDocument FromUtf8(string path, byte[] utf8) =>
        new(path, LineStartsOf(utf8), utf8, IsAscii(utf8), null, null);

    /// <summary>The offset of every line's first byte.</summary>
    internal static int[] LineStartsOf(byte[] utf8)
    {
        // Eight bytes at a time (one IndexOf call per line cost more than the scan at 7 million short lines): a first
        // pass counts the line breaks to size the index exactly, a second one writes where each line starts.
        var span = new ReadOnlySpan<byte>(utf8);
        var words = BitConverter.IsLittleEndian ? System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(span) : default;
        int count = 1;
        foreach (ulong w in words)
        {
            // One bit (the high bit of its byte) per line break; multiplying sums the eight bytes into the top one.
            count += (int)(((NewlineBits(w) >> 7) * 0x0101010101010101UL) >> 56);
        }

        for (int i = words.Length * 8; i < span.Length; i++)
        {
            count += span[i] == (byte)'\n' ? 1 : 0;
        }

        var starts = new int[count];
        int line = 1;
        for (int k = 0; k < words.Length; k++)
        {
            ulong bits = NewlineBits(words[k]);
            for (int b = 0; bits != 0; b++, bits >>= 8)
            {
                if ((bits & 0x80) != 0)
                {
                    starts[line++] = (k * 8) + b + 1;
                }
            }
        }

        for (int i = words.Length * 8; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                starts[line++] = i + 1;
            }
        }

        return starts;
    }

    /// <summary>
    /// The high bit of each byte of <paramref name="word"/> that is '\n', and no other bit: a byte of
    /// <c>x = word ^ 0x0A..0A</c> is zero exactly there, and adding 0x7F to its low seven bits sets its high bit
    /// unless all eight bits of x were zero (no carry crosses into the next byte).
    /// </summary>
    private static ulong NewlineBits(ulong word)
    {
        const ulong low7 = 0x7F7F7F7F7F7F7F7FUL;
        ulong x = word ^ 0x0A0A0A0A0A0A0A0AUL;
        return ~(((x & low7) + low7) | x | low7);
    }

    /// <summary>A document over a file read as a stream; <paramref name="index"/> is fed as the bytes go by.</summary>
    internal static SourceDocument Streamed(string path, BlockLineIndex index) => new(path, null, null, false, null, index);

    internal static bool IsAscii(ReadOnlySpan<byte> bytes)
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

        return new SourceDocument(path, starts.ToArray(), null, true, text, null);
    }

    /// <summary>
    /// Lets the bytes of an ASCII JSON document go once it is mapped (columns are then byte offsets); snippets
    /// read them again through <paramref name="reread"/>. A document with other characters keeps its bytes.
    /// </summary>
    internal void ReleaseBytes(Func<byte[]> reread)
    {
        if (_utf8 is not null && _ascii && !_bom)
        {
            _utf8 = null;
            _reread = reread;
            if (_lineIndexReleasable)
            {
                _lineStarts = null;
            }
        }
    }

    /// <summary>
    /// Said by a reader that has made every location it will ever need from this document while mapping it (the AWS
    /// reader): when the bytes are let go (<see cref="ReleaseBytes"/>), the line index goes with them, and a snippet
    /// rebuilds it from the bytes read again. At 10,000 VPCs the line indexes were 29 MB of the model's memory.
    /// </summary>
    internal void LocationsComplete() => _lineIndexReleasable = true;

    /// <summary>The line index: the one made with the document, or one rebuilt from the bytes read again (null when they cannot be).</summary>
    private int[]? LineStarts()
    {
        if (_lineStarts is { } starts)
        {
            return starts;
        }

        if (_reread is null)
        {
            return null;
        }

        lock (_reread)
        {
            if (_rebuiltLineStarts is not null && _rebuiltLineStarts.TryGetTarget(out var cached))
            {
                return cached;
            }

            if (Bytes() is not { } bytes)
            {
                return null;
            }

            var rebuilt = LineStartsOf(bytes);
            _rebuiltLineStarts = new WeakReference<int[]>(rebuilt);
            return rebuilt;
        }
    }

    public (int Line, int Column) LineColumn(int offset)
    {
        if (_blocks is not null)
        {
            return _blocks.LineColumn(offset);
        }

        if (LineStarts() is not { } lineStarts)
        {
            // Only after the bytes were let go and could not be read again; every location of such a document was
            // made while mapping it.
            return (1, 1);
        }

        int line = Array.BinarySearch(lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        line = Math.Max(0, line);
        int lineStart = lineStarts[line];
        int column = offset - lineStart;
        if (_utf8 is not null && !_ascii && column > 0)
        {
            int len = Math.Min(column, _utf8.Length - lineStart);
            column = System.Text.Encoding.UTF8.GetCharCount(_utf8, lineStart, Math.Max(0, len));
            if (lineStart == 0 && _bom)
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
        return new SourceLocation(Path, sl, sc, el, ec, logicalPath is null ? null : LogicalPaths.Share(logicalPath));
    }

    /// <summary>The text of one 1-based line without its line break (for snippets); empty when out of range.</summary>
    public string GetLine(int line)
    {
        if (_blocks is not null)
        {
            return _blocks.GetLine(line);
        }

        if (LineStarts() is not { } lineStarts || line < 1 || line > lineStarts.Length)
        {
            return string.Empty;
        }

        int start = lineStarts[line - 1];
        if (Text is not null)
        {
            int end = line < lineStarts.Length ? lineStarts[line] : Text.Length;
            return Text.Substring(start, end - start).TrimEnd('\r', '\n');
        }

        if (Bytes() is { } utf8 && start <= utf8.Length)
        {
            int end = line < lineStarts.Length ? Math.Min(lineStarts[line], utf8.Length) : utf8.Length;
            return System.Text.Encoding.UTF8.GetString(utf8, start, end - start).TrimEnd('\r', '\n');
        }

        return string.Empty;
    }

    /// <summary>
    /// A bounded piece of one line around the columns <paramref name="startColumn"/>..<paramref name="endColumn"/>
    /// (1-based, end exclusive): at most <paramref name="maxChars"/> characters, never cutting a surrogate pair.
    /// The line is decoded once and kept in a small cache, so many findings on one long line cost the line once
    /// plus a window each.
    /// </summary>
    public LineWindow Window(int line, int startColumn, int endColumn, int maxChars)
    {
        string text = CachedLine(line);
        return LineWindow.Around(text, startColumn, endColumn, maxChars);
    }

    /// <summary>
    /// At least the length of a 1-based line in UTF-16 code units, without decoding it where the line index
    /// knows where it ends (a UTF-8 line has no more UTF-16 units than bytes).
    /// </summary>
    public int LineLengthBound(int line)
    {
        if (LineStarts() is { } starts)
        {
            if (line < 1 || line > starts.Length)
            {
                return 0;
            }

            int end = line < starts.Length ? starts[line] : (Text?.Length ?? _utf8?.Length ?? -1);
            return end < 0 ? CachedLine(line).Length : Math.Max(0, end - starts[line - 1]);
        }

        return CachedLine(line).Length;
    }

    /// <summary>A whole 1-based line, through the line cache (see <see cref="Window"/>).</summary>
    public string Line(int line) => CachedLine(line);

    private const int LineCacheSize = 4;
    private readonly (int Line, string Text)[] _lineCache = new (int, string)[LineCacheSize];
    private int _lineCacheNext;

    private string CachedLine(int line)
    {
        lock (_lineCache)
        {
            foreach (var (l, t) in _lineCache)
            {
                if (l == line && t is not null)
                {
                    return t;
                }
            }

            string text = GetLine(line);
            _lineCache[_lineCacheNext] = (line, text);
            _lineCacheNext = (_lineCacheNext + 1) % LineCacheSize;
            return text;
        }
    }

    private byte[]? Bytes()
    {
        if (_utf8 is not null || _reread is null)
        {
            return _utf8;
        }

        lock (_reread)
        {
            if (_rereadCache is not null && _rereadCache.TryGetTarget(out var cached))
            {
                return cached;
            }

            try
            {
                var bytes = _reread();
                _rereadCache = new WeakReference<byte[]>(bytes);
                return bytes;
            }
            catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}

/// <summary>
/// A bounded piece of a source line: <see cref="Text"/> starts at 1-based <see cref="StartColumn"/>;
/// <see cref="CutBefore"/> and <see cref="CutAfter"/> say whether the line goes on beyond it.
/// </summary>
public readonly record struct LineWindow(string Text, int StartColumn, bool CutBefore, bool CutAfter)
{
    /// <summary>The 1-based column just after the window (exclusive end).</summary>
    public int EndColumn => StartColumn + Text.Length;

    /// <summary>The window of at most <paramref name="maxChars"/> characters of <paramref name="line"/> that shows the span best.</summary>
    public static LineWindow Around(string line, int startColumn, int endColumn, int maxChars)
    {
        maxChars = Math.Max(8, maxChars);
        if (line.Length <= maxChars)
        {
            return new LineWindow(line, 1, false, false);
        }

        int s = Math.Min(Math.Max(startColumn - 1, 0), line.Length);
        int e = endColumn == int.MaxValue ? line.Length : Math.Min(Math.Max(endColumn - 1, s), line.Length);
        int from;
        if (e - s >= maxChars - 16)
        {
            // A span longer than the window: show its start, with a little of what comes before.
            from = Math.Max(0, s - 16);
        }
        else
        {
            // Centre the span, with the room left split before and after it.
            from = Math.Max(0, s - ((maxChars - (e - s)) / 2));
        }

        int to = Math.Min(line.Length, from + maxChars);
        from = Math.Max(0, to - maxChars);
        if (from > 0 && char.IsLowSurrogate(line[from]))
        {
            from++;
        }

        if (to < line.Length && to > from && char.IsHighSurrogate(line[to - 1]))
        {
            to--;
        }

        return new LineWindow(line.Substring(from, to - from), from + 1, from > 0, to < line.Length);
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
