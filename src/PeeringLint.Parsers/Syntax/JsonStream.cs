using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// Reads a large JSON file as a stream: tokens one at a time, and whole values (one record of a
/// <c>describe-*</c> list) as small <see cref="SyntaxNode"/> trees that die as soon as they are mapped. Memory is
/// one buffer (it grows only to hold the largest single value, at most <see cref="MaxValueBytes"/>) plus the
/// document's 4 KB checkpoints; the file is never whole in memory.
/// </summary>
internal sealed class JsonStream : IDisposable
{
    public const int MaxValueBytes = 64 << 20;
    private const int Block = 4096;

    private readonly Stream _stream;
    private readonly BlockLineIndex _index;
    private readonly List<InputProblem> _problems;
    private readonly JsonDecoder.Scratch _scratch = JsonDecoder.Scratch.ForThread();
    private byte[] _buffer = new byte[1 << 20];
    private int _bufferOffset;
    private int _pos;
    private int _end;
    private bool _eof;
    private JsonReaderState _state;
    private readonly System.Text.Decoder _utf8 = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();

    public JsonStream(string path, Func<Stream> open, List<InputProblem> problems)
    {
        _stream = open();
        _problems = problems;
        _index = new BlockLineIndex(open);
        Document = SourceDocument.Streamed(path, _index);
        _state = new JsonReaderState(JsonDecoder.ReaderOptions);
        if (_stream.CanSeek && _stream.Length > int.MaxValue)
        {
            throw new SyntaxException(Document.Locate(0, 0), $"the file is {_stream.Length / (1 << 20)} MB; PeeringLint reads files up to 2 GB");
        }

        Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _pos = 3;
        }
    }

    public SourceDocument Document { get; }

    /// <summary>File offset of the last token read by <see cref="Next"/>.</summary>
    public int TokenStart { get; private set; }

    /// <summary>File offset just past the last token read by <see cref="Next"/> (a property name's closing quote).</summary>
    public int TokenEnd { get; private set; }

    /// <summary>The property name when the last token was one.</summary>
    public string? PropertyName { get; private set; }

    /// <summary>Reads the next token; false at the end of the file.</summary>
    public bool Next(out JsonTokenType type)
    {
        while (true)
        {
            var reader = Reader();
            if (Read(ref reader))
            {
                type = reader.TokenType;
                TokenStart = _bufferOffset + _pos + (int)reader.TokenStartIndex;
                TokenEnd = type == JsonTokenType.PropertyName ? TokenStart + reader.ValueSpan.Length + 2 : TokenStart + (int)reader.BytesConsumed - (int)reader.TokenStartIndex;
                PropertyName = type == JsonTokenType.PropertyName ? JsonDecoder.Text(ref reader, Document, TokenStart, TokenEnd, _problems, _scratch.Strings) : null;
                Advance(ref reader);
                return true;
            }

            if (_eof)
            {
                type = JsonTokenType.None;
                return false;
            }

            Fill();
        }
    }

    /// <summary>The type of the next token without reading it (None at the end of the file).</summary>
    public JsonTokenType Peek()
    {
        while (true)
        {
            var reader = Reader();
            if (Read(ref reader))
            {
                return reader.TokenType;
            }

            if (_eof)
            {
                return JsonTokenType.None;
            }

            Fill();
        }
    }

    /// <summary>Decodes the next whole value (the next item of a list, or a property's value) into a tree.</summary>
    public SyntaxNode ReadValue()
    {
        while (true)
        {
            var reader = Reader();
            if (!Read(ref reader))
            {
                if (_eof)
                {
                    throw new SyntaxException(Document.Locate(_bufferOffset + _end, _bufferOffset + _end), "invalid JSON: the file ends inside a value");
                }

                Fill();
                continue;
            }

            int start = _pos + (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !TrySkip(ref reader))
            {
                if (_eof)
                {
                    throw new SyntaxException(Document.Locate(_bufferOffset + _end, _bufferOffset + _end), "invalid JSON: the file ends inside a value");
                }

                Fill(_bufferOffset + start);
                continue;
            }

            int end = _pos + (int)reader.BytesConsumed;
            var value = new Utf8JsonReader(
                new ReadOnlySpan<byte>(_buffer, start, end - start),
                JsonDecoder.ReaderOptions);
            Read(ref value);
            var node = Decode(ref value, start);
            Advance(ref reader);
            return node;
        }
    }

    /// <summary>Skips the next value, token by token, however large it is.</summary>
    public void SkipValue()
    {
        int depth = 0;
        do
        {
            if (!Next(out var type))
            {
                return;
            }

            if (type is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                depth++;
            }
            else if (type is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                depth--;
            }
        }
        while (depth > 0);
    }

    public void Dispose()
    {
        _index.SetWindow(null, 0, 0);
        _stream.Dispose();
    }

    private Utf8JsonReader Reader() => new(new ReadOnlySpan<byte>(_buffer, _pos, _end - _pos), _eof, _state);

    private void Advance(ref Utf8JsonReader reader)
    {
        _pos += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    private bool Read(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private bool TrySkip(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.TrySkip();
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private SyntaxNode Decode(ref Utf8JsonReader reader, int start)
    {
        try
        {
            return JsonDecoder.ReadValue(ref reader, Document, _bufferOffset + start, _problems, _scratch);
        }
        catch (JsonException ex)
        {
            throw Invalid(ex);
        }
    }

    private SyntaxException Invalid(JsonException ex) => JsonDecoder.Invalid(Document.Path, ex);

    /// <summary>
    /// Reads more of the file (<paramref name="valueStart"/>: where the value being buffered starts, for the error
    /// when it outgrows the limit). The bytes from the 4 KB block of the current position on stay in the buffer (a
    /// value being buffered starts at the position), so checkpoint lookups for the current value never reread.
    /// </summary>
    private void Fill(int valueStart = -1)
    {
        int keep = _pos - (_pos % Block);
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
            _bufferOffset += keep;
            _pos -= keep;
            _end -= keep;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxValueBytes + Block)
            {
                int at = valueStart >= 0 ? valueStart : _bufferOffset + _pos;
                throw new SyntaxException(Document.Locate(at, at), $"a single JSON value is larger than {MaxValueBytes >> 20} MB; PeeringLint reads records up to that size");
            }

            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxValueBytes + Block));
        }

        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        try
        {
            _utf8.GetCharCount(_buffer, _end, Math.Max(0, n), flush: n <= 0);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            int at = _bufferOffset + _end + Math.Max(0, ex.Index);
            _index.Feed(new ReadOnlySpan<byte>(_buffer, _end, Math.Max(0, n)));
            throw new SyntaxException(Document.Locate(at, at), "the file is not valid UTF-8 text");
        }

        if (n <= 0)
        {
            _eof = true;
        }
        else
        {
            _index.Feed(new ReadOnlySpan<byte>(_buffer, _end, n));
            _end += n;
        }

        _index.SetWindow(_buffer, _bufferOffset, _end);
    }
}
