using System;
using System.Collections.Generic;
using System.Text.Json;
using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// Decodes JSON bytes into <see cref="SyntaxNode"/>s with Utf8JsonReader, keeping every value's byte span.
/// Depth is bounded (a 100,000-deep document is an error, not a stack overflow); duplicate keys are reported.
/// </summary>
public static class JsonDecoder
{
    public const int MaxDepth = 512;

    /// <summary>
    /// How JSON text is read, whole or streamed: comments are skipped and a comma before a closing bracket is accepted.
    /// CloudFormation reads a template with a YAML parser, and YAML's flow collections allow that comma, so a template
    /// written as JSON with one deploys (aws-samples' scalable-security application template); the AWS CLI never writes
    /// one, and the documentation's hand-edited examples that have one mean the same thing without it.
    /// </summary>
    internal static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static SyntaxNode? Decode(SourceDocument document, byte[] utf8, List<InputProblem> problems)
    {
        int offset = utf8.Length >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF ? 3 : 0;
        var reader = new Utf8JsonReader(
            new ReadOnlySpan<byte>(utf8, offset, utf8.Length - offset),
            ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                problems.Add(new InputProblem(document.Locate(0, 0), "the file is empty; expected a JSON document"));
                return null;
            }

            var root = ReadValue(ref reader, document, offset, problems, Scratch.ForThread());
            if (reader.Read())
            {
                int at = offset + (int)reader.TokenStartIndex;
                throw new SyntaxException(document.Locate(at, at), "unexpected content after the end of the JSON document");
            }

            return root;
        }
        catch (JsonException ex)
        {
            throw Invalid(document.Path, ex);
        }
    }

    /// <summary>A reader error as a located syntax error; the reader's line numbers count across refills too.</summary>
    internal static SyntaxException Invalid(string path, JsonException ex)
    {
        int line = (int)(ex.LineNumber ?? 0) + 1;
        int col = (int)(ex.BytePositionInLine ?? 0) + 1;
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        if (message.IndexOf("maximum configured depth", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            message = $"the JSON document is nested deeper than {MaxDepth} levels";
        }

        return new SyntaxException(new SourceLocation(path, line, col, line, col), "invalid JSON: " + message.TrimEnd('.'));
    }

    /// <summary>Small objects (nearly all of them) are checked by a scan; a set is built only for large ones.</summary>
    private static bool IsDuplicate(List<JsonEntry> entries, int first, string name, ref HashSet<string>? seen)
    {
        if (entries.Count - first < 16)
        {
            for (int i = first; i < entries.Count; i++)
            {
                if (string.Equals(entries[i].Key, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        if (seen is null)
        {
            seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = first; i < entries.Count; i++)
            {
                seen.Add(entries[i].Key);
            }
        }

        return !seen.Add(name);
    }

    /// <summary>
    /// Decodes the value the reader is on. Children are collected on the scratch stacks and copied once into
    /// an exact-size array when their container ends (no list growth per container).
    /// </summary>
    internal static SyntaxNode ReadValue(ref Utf8JsonReader reader, SourceDocument doc, int offset, List<InputProblem> problems, Scratch scratch)
    {
        int start = offset + (int)reader.TokenStartIndex;
        var strings = scratch.Strings;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var entries = scratch.Entries;
                int first = entries.Count;
                HashSet<string>? seen = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    int keyStart = offset + (int)reader.TokenStartIndex;
                    int keyEnd = keyStart + (reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length) + 2;
                    string name = Text(ref reader, doc, keyStart, keyEnd, problems, strings);
                    reader.Read();
                    JsonEntry entry;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        entry = new JsonEntry(name, keyStart, keyEnd, ReadValue(ref reader, doc, offset, problems, scratch));
                    }
                    else
                    {
                        // A scalar stays text in the entry: no node unless one is asked for.
                        int valueStart = offset + (int)reader.TokenStartIndex;
                        int valueEnd = offset + (int)reader.BytesConsumed;
                        string? text = ScalarText(ref reader, doc, valueStart, valueEnd, problems, strings, out var kind);
                        entry = new JsonEntry(name, keyStart, keyEnd, text, kind, valueStart, valueEnd);
                    }

                    if (IsDuplicate(entries, first, name, ref seen))
                    {
                        problems.Add(new InputProblem(doc.Locate(keyStart, keyEnd), $"duplicate key '{name}' in a JSON object"));
                    }

                    entries.Add(entry);
                }

                var array = entries.Count == first ? Array.Empty<JsonEntry>() : new JsonEntry[entries.Count - first];
                entries.CopyTo(first, array, 0, array.Length);
                entries.RemoveRange(first, array.Length);
                return new MappingNode(doc, start, offset + (int)reader.BytesConsumed, array);
            }

            case JsonTokenType.StartArray:
            {
                var items = scratch.Items;
                int first = items.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, doc, offset, problems, scratch));
                }

                var array = items.Count == first ? Array.Empty<SyntaxNode>() : new SyntaxNode[items.Count - first];
                items.CopyTo(first, array, 0, array.Length);
                items.RemoveRange(first, array.Length);
                return new SequenceNode(doc, start, offset + (int)reader.BytesConsumed, array);
            }

            default:
            {
                int end = offset + (int)reader.BytesConsumed;
                string? text = ScalarText(ref reader, doc, start, end, problems, strings, out var kind);
                return new ScalarNode(doc, start, end, text, kind, quoted: kind == ScalarKind.String);
            }
        }
    }

    /// <summary>The text and kind of the scalar token the reader is on (numbers as written, booleans as "true"/"false").</summary>
    private static string? ScalarText(ref Utf8JsonReader reader, SourceDocument doc, int start, int end, List<InputProblem> problems, StringCache strings, out ScalarKind kind)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                kind = ScalarKind.String;
                return Text(ref reader, doc, start, end, problems, strings);
            case JsonTokenType.Number:
                kind = ScalarKind.Number;
                return Text(ref reader, doc, start, end, problems, strings);
            case JsonTokenType.True:
                kind = ScalarKind.Boolean;
                return "true";
            case JsonTokenType.False:
                kind = ScalarKind.Boolean;
                return "false";
            case JsonTokenType.Null:
                kind = ScalarKind.Null;
                return null;
            default:
                throw new SyntaxException(doc.Locate(start, start), $"unexpected JSON token {reader.TokenType}");
        }
    }

    /// <summary>
    /// The text of a string, number or key token: longer than <see cref="ValueLimit.MaxLength"/> is a located
    /// error (checked before the string is made); an unpaired surrogate escape (<c>"x\ud800"</c>, which
    /// System.Text.Json refuses to decode) is read as U+FFFD with a warning at the token, so the rest of the file
    /// is still read. Whole and streamed files report both at the same place.
    /// </summary>
    internal static string Text(ref Utf8JsonReader reader, SourceDocument doc, int start, int end, List<InputProblem> problems, StringCache strings)
    {
        int raw = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw > ValueLimit.MaxLength)
        {
            long chars = CharCount(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan, reader.ValueIsEscaped);
            if (chars > ValueLimit.MaxLength)
            {
                throw ValueLimit.TooLong(doc.Locate(start, start), chars, "characters");
            }
        }

        try
        {
            return strings.Get(ref reader);
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            // Only an unpaired surrogate escape makes an escaped string undecodable here: the reader has already
            // checked the escapes' syntax and the UTF-8 of the rest.
            string text = TextEncodings.ReplaceLoneSurrogates(Unescape(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()));
            problems.Add(TextEncodings.LoneSurrogate(doc.Locate(start, end)));
            return text;
        }
    }

    /// <summary>Characters (UTF-16 code units) a raw JSON string of valid UTF-8 decodes to, without decoding it.</summary>
    private static long CharCount(ReadOnlySpan<byte> raw, bool escaped)
    {
        long chars = 0;
        for (int i = 0; i < raw.Length;)
        {
            byte b = raw[i];
            if (escaped && b == (byte)'\\' && i + 1 < raw.Length)
            {
                i += raw[i + 1] == (byte)'u' ? 6 : 2;
                chars++;
            }
            else
            {
                chars += (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
                i++;
            }
        }

        return chars;
    }

    /// <summary>Unescapes a JSON string whose escapes the reader has validated, keeping unpaired surrogates as they are.</summary>
    private static string Unescape(byte[] raw)
    {
        var sb = new System.Text.StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            int bs = Array.IndexOf(raw, (byte)'\\', i);
            int stop = bs < 0 ? raw.Length : bs;
            sb.Append(System.Text.Encoding.UTF8.GetString(raw, i, stop - i));
            if (bs < 0 || bs + 1 >= raw.Length)
            {
                break;
            }

            char c = (char)raw[bs + 1];
            i = bs + 2;
            switch (c)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    sb.Append((char)int.Parse(System.Text.Encoding.ASCII.GetString(raw, i, Math.Min(4, raw.Length - i)), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Per-thread scratch space reused across documents: the children stacks and the string cache. On an
    /// exception the stacks may keep entries; <see cref="ForThread"/> clears them before each document.
    /// </summary>
    internal sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? _current;

        public List<JsonEntry> Entries { get; } = new();

        public List<SyntaxNode> Items { get; } = new();

        public StringCache Strings { get; } = new();

        public static Scratch ForThread()
        {
            var s = _current ??= new Scratch();
            s.Entries.Clear();
            s.Items.Clear();
            if (s.Entries.Capacity > 1 << 16)
            {
                s.Entries.Capacity = 1024;
            }

            if (s.Items.Capacity > 1 << 16)
            {
                s.Items.Capacity = 1024;
            }

            return s;
        }
    }

    /// <summary>
    /// Reuses one string for each short key or value that repeats ("CidrBlock", "active", an account id, a port
    /// number), so a large export does not allocate the same text millions of times. Numbers go through it too.
    /// </summary>
    internal sealed class StringCache
    {
        /// <summary>Longest text cached, in bytes: 64 takes in the peering options' 42-character keys (160,000 copies at 10,000 VPCs).</summary>
        private const int MaxLength = 64;
        private readonly (byte[]? Bytes, string? Text)[] _slots = new (byte[]?, string?)[4096];

        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > MaxLength)
            {
                return reader.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()) : reader.GetString() ?? string.Empty;
            }

            var span = reader.ValueSpan;
            uint hash = 2166136261;
            foreach (byte b in span)
            {
                hash = (hash ^ b) * 16777619;
            }

            ref var slot = ref _slots[hash & (uint)(_slots.Length - 1)];
            if (slot.Bytes is not null && span.SequenceEqual(slot.Bytes))
            {
                return slot.Text!;
            }

            var bytes = span.ToArray();
            string text = System.Text.Encoding.UTF8.GetString(bytes);
            slot = (bytes, text);
            return text;
        }
    }
}
