using System.Collections.Generic;

namespace PeeringLint.Fixes;

/// <summary>Line starts of a text: 1-based line and UTF-16 column to string offset and back.</summary>
internal sealed class LineIndex
{
    private readonly List<int> _starts = new() { 0 };
    private readonly int _length;

    public LineIndex(string text)
    {
        _length = text.Length;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _starts.Add(i + 1);
            }
        }
    }

    /// <summary>The offset of a 1-based line and column, or -1 when outside the text.</summary>
    public int Offset(int line, int column)
    {
        if (line < 1 || line > _starts.Count || column < 1)
        {
            return -1;
        }

        int offset = _starts[line - 1] + column - 1;
        int lineEnd = line < _starts.Count ? _starts[line] : _length;
        return offset <= lineEnd ? offset : -1;
    }

    public (int Line, int Column) Position(int offset)
    {
        int lo = 0, hi = _starts.Count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (_starts[mid] <= offset)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return (lo + 1, offset - _starts[lo] + 1);
    }

    public int LineStart(int offset) => _starts[Position(offset).Line - 1];
}
