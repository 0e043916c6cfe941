using System;
using System.Collections.Generic;
using System.IO;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// Line and column lookup for a UTF-8 file that is never whole in memory. The bytes are fed once, in order,
/// as they are read; every 4 KB block gets a checkpoint (newlines before it, the start of the line it begins
/// in, and how many more UTF-8 bytes than UTF-16 units precede it). A lookup reads at most two blocks, from the
/// reader's current window when they are there and from the file otherwise. Memory: 12 bytes per 4 KB.
/// </summary>
internal sealed class BlockLineIndex
{
    private const int Shift = 12;
    private const int BlockSize = 1 << Shift;
    private const int MaxSnippetBytes = 1 << 16;

    private readonly Func<Stream> _open;
    private readonly List<int> _newlinesBefore = new() { 0 };
    private readonly List<int> _lineStartOf = new() { 0 };
    private readonly List<int> _deltaBefore = new() { 0 };
    private readonly object _gate = new();
    private readonly byte[] _scratch = new byte[BlockSize];
    private int _length;
    private int _newlines;
    private int _lineStart;
    private int _delta;
    private bool _bom;
    private byte[]? _window;
    private int _windowStart;
    private int _windowLength;
    private int _cachedLineStart = -1;
    private int _cachedLineDelta;

    public BlockLineIndex(Func<Stream> open)
    {
        _open = open;
    }

    /// <summary>Appends the next bytes of the file.</summary>
    public void Feed(ReadOnlySpan<byte> bytes)
    {
        if (_length == 0 && bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            _bom = true;
        }

        while (bytes.Length > 0)
        {
            int room = BlockSize - (_length & (BlockSize - 1));
            var piece = bytes.Slice(0, Math.Min(room, bytes.Length));
            _newlines += Newlines(piece, out int last);
            if (last >= 0)
            {
                _lineStart = _length + last + 1;
            }

            if (!SourceDocument.IsAscii(piece))
            {
                _delta += Delta(piece);
            }

            _length += piece.Length;
            bytes = bytes.Slice(piece.Length);
            if ((_length & (BlockSize - 1)) == 0)
            {
                _newlinesBefore.Add(_newlines);
                _lineStartOf.Add(_lineStart);
                _deltaBefore.Add(_delta);
            }
        }
    }

    /// <summary>The reader's buffer: bytes [start, start + length) of the file are in <paramref name="buffer"/>.</summary>
    public void SetWindow(byte[]? buffer, int start, int length)
    {
        lock (_gate)
        {
            _window = buffer;
            _windowStart = start;
            _windowLength = length;
        }
    }

    public (int Line, int Column) LineColumn(int offset)
    {
        lock (_gate)
        {
            offset = Math.Max(0, Math.Min(offset, _length));
            int b = offset >> Shift;
            int bs = b << Shift;
            var prefix = Block(b, offset - bs);
            int line = _newlinesBefore[b] + Newlines(prefix, out int last);

            int lineStart;
            int column;
            if (last >= 0)
            {
                lineStart = bs + last + 1;
                var tail = prefix.Slice(last + 1);
                column = tail.Length - Delta(tail);
            }
            else
            {
                lineStart = _lineStartOf[b];
                int deltaAtOffset = _deltaBefore[b] + Delta(prefix);
                column = (offset - lineStart) - (deltaAtOffset - DeltaAt(lineStart));
            }

            if (lineStart == 0 && _bom)
            {
                column = Math.Max(0, column - 1);
            }

            return (line + 1, column + 1);
        }
    }

    /// <summary>The text of a 1-based line (at most 64 KB of it), read from the window or the file.</summary>
    public string GetLine(int line)
    {
        lock (_gate)
        {
            if (line < 1 || line > _newlines + 1)
            {
                return string.Empty;
            }

            int start = 0;
            if (line > 1)
            {
                // The block holding the (line - 1)th newline: the last block with fewer newlines before it.
                int target = line - 1;
                int lo = 0, hi = _newlinesBefore.Count - 1;
                while (lo < hi)
                {
                    int mid = (lo + hi + 1) / 2;
                    if (_newlinesBefore[mid] < target)
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid - 1;
                    }
                }

                int bs = lo << Shift;
                var block = Block(lo, Math.Min(BlockSize, _length - bs));
                int seen = _newlinesBefore[lo];
                for (int i = 0; i < block.Length; i++)
                {
                    if (block[i] == (byte)'\n' && ++seen == target)
                    {
                        start = bs + i + 1;
                        break;
                    }
                }
            }

            int count = Math.Min(MaxSnippetBytes, _length - start);
            var bytes = new byte[count];
            int got = ReadAt(start, bytes, count);
            int end = Array.IndexOf(bytes, (byte)'\n', 0, got);
            string text = System.Text.Encoding.UTF8.GetString(bytes, 0, end < 0 ? got : end).TrimEnd('\r');
            return start == 0 && text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
    }

    /// <summary>The number of line feeds in <paramref name="bytes"/> and the index of the last one (-1: none).</summary>
    private static int Newlines(ReadOnlySpan<byte> bytes, out int last)
    {
        int count = 0;
        last = -1;
        for (int i = bytes.IndexOf((byte)'\n'); i >= 0;)
        {
            count++;
            last = i;
            int next = bytes.Slice(i + 1).IndexOf((byte)'\n');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return count;
    }

    /// <summary>How many more UTF-8 bytes than UTF-16 units <paramref name="bytes"/> hold.</summary>
    private static int Delta(ReadOnlySpan<byte> bytes)
    {
        int d = 0;
        foreach (byte x in bytes)
        {
            if ((x & 0xC0) == 0x80)
            {
                d++;
            }
            else if (x >= 0xF0)
            {
                d--;
            }
        }

        return d;
    }

    private int DeltaAt(int offset)
    {
        if (offset == _cachedLineStart)
        {
            return _cachedLineDelta;
        }

        int b = offset >> Shift;
        int delta = _deltaBefore[b] + Delta(Block(b, offset - (b << Shift)));
        _cachedLineStart = offset;
        _cachedLineDelta = delta;
        return delta;
    }

    /// <summary>The first <paramref name="count"/> bytes of block <paramref name="b"/>.</summary>
    private ReadOnlySpan<byte> Block(int b, int count)
    {
        int start = b << Shift;
        if (count <= 0)
        {
            return ReadOnlySpan<byte>.Empty;
        }

        if (_window is not null && start >= _windowStart && start + count <= _windowStart + _windowLength)
        {
            return new ReadOnlySpan<byte>(_window, start - _windowStart, count);
        }

        int got = ReadAt(start, _scratch, count);
        return new ReadOnlySpan<byte>(_scratch, 0, got);
    }

    private int ReadAt(int offset, byte[] into, int count)
    {
        using var stream = _open();
        stream.Seek(offset, SeekOrigin.Begin);
        int total = 0;
        while (total < count)
        {
            int n = stream.Read(into, total, count - total);
            if (n <= 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }
}
