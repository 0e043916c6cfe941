using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

public enum ScalarKind
{
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// A node of a decoded JSON or YAML document that remembers where it came from. Readers walk these
/// nodes instead of raw JSON/YAML, so JSON and YAML (and YAML short-form tags) look the same to them.
/// </summary>
public abstract class SyntaxNode
{
    protected SyntaxNode(SourceDocument document, int start, int end)
    {
        Document = document;
        Start = start;
        End = end;
    }

    public SourceDocument Document { get; }

    /// <summary>Start offset in the document's unit (UTF-8 bytes for JSON, characters for YAML).</summary>
    public int Start { get; }

    public int End { get; }

    /// <summary>A YAML tag such as <c>!Ref</c>; null when none.</summary>
    public string? Tag { get; init; }

    /// <summary>Number of nodes this subtree stands for once aliases are expanded.</summary>
    public virtual long Size => 1;

    public SourceLocation Location(string? logicalPath = null) => Document.Locate(Start, End, logicalPath);

    public abstract string KindName { get; }
}

public sealed class ScalarNode : SyntaxNode
{
    public ScalarNode(SourceDocument document, int start, int end, string? value, ScalarKind kind, bool quoted)
        : base(document, start, end)
    {
        Value = value;
        Kind = kind;
        IsQuoted = quoted;
    }

    /// <summary>The scalar's text (numbers as written, booleans as "true"/"false"); null for null.</summary>
    public string? Value { get; }

    public ScalarKind Kind { get; }

    public bool IsQuoted { get; }

    public override string KindName => Kind switch
    {
        ScalarKind.Number => "a number",
        ScalarKind.Boolean => "a boolean",
        ScalarKind.Null => "null",
        _ => "a string",
    };

    public bool? AsBool()
    {
        if (Value is null)
        {
            return null;
        }

        return Value.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" => true,
            "false" or "no" or "off" => false,
            _ => null,
        };
    }

    public int? AsInt() => int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;

    public override string ToString() => Value ?? "null";
}

public sealed class SequenceNode : SyntaxNode
{
    private readonly long _size;

    public SequenceNode(SourceDocument document, int start, int end, SyntaxNode[] items)
        : base(document, start, end)
    {
        Items = new NodeList<SyntaxNode>(items);
        long size = 1;
        foreach (var i in items)
        {
            size += i.Size;
        }

        _size = size;
    }

    public NodeList<SyntaxNode> Items { get; }

    public override long Size => _size;

    public override string KindName => "a list";
}

/// <summary>
/// An entry of a JSON object as the decoder keeps it: the key as its text and the span of its token, and the value
/// with its span. A scalar value stays its text (<see cref="Value"/> a string: numbers as written, booleans as "true"/"false", null
/// for null; <see cref="Kind"/> says which) until a node is asked for (<see cref="MappingNode.ValueAt"/>), which then replaces the
/// text; objects and lists are nodes from the start. Key nodes are made only by <see cref="MappingNode.Entries"/>.
/// Most values of an AWS export are scalars that the mappers read as text: no node object is made for them.
/// </summary>
internal struct JsonEntry
{
    /// <summary>The value's node, or a scalar's text (null for null) while it has no node.</summary>
    public object? Value;

    public JsonEntry(string key, int keyStart, int keyEnd, SyntaxNode value)
    {
        Key = key;
        KeyStart = keyStart;
        KeyEnd = keyEnd;
        Value = value;
        ValueStart = value.Start;
        ValueEnd = value.End;
        Kind = ScalarKind.Null;
    }

    public JsonEntry(string key, int keyStart, int keyEnd, string? text, ScalarKind kind, int valueStart, int valueEnd)
    {
        Key = key;
        KeyStart = keyStart;
        KeyEnd = keyEnd;
        Value = text;
        ValueStart = valueStart;
        ValueEnd = valueEnd;
        Kind = kind;
    }

    public string Key { get; }

    public int KeyStart { get; }

    public int KeyEnd { get; }

    public int ValueStart { get; }

    public int ValueEnd { get; }

    /// <summary>The scalar's kind while <see cref="Value"/> is not a node.</summary>
    public ScalarKind Kind { get; }
}

public sealed class MappingNode : SyntaxNode
{
    private readonly long _size;
    private readonly JsonEntry[]? _json;
    private KeyValuePair<ScalarNode, SyntaxNode>[]? _entries;
    private Dictionary<string, int>? _lookup;

    public MappingNode(SourceDocument document, int start, int end, KeyValuePair<ScalarNode, SyntaxNode>[] entries)
        : base(document, start, end)
    {
        _entries = entries;
        long size = 1;
        foreach (var e in entries)
        {
            size += e.Value.Size + 1;
        }

        _size = size;
    }

    /// <summary>A JSON object: its keys stay text and spans until <see cref="Entries"/> is asked for.</summary>
    internal MappingNode(SourceDocument document, int start, int end, JsonEntry[] entries)
        : base(document, start, end)
    {
        _json = entries;
        long size = 1;
        foreach (var e in entries)
        {
            size += (e.Value is SyntaxNode n ? n.Size : 1) + 1;
        }

        _size = size;
    }

    /// <summary>The entries with their key nodes (made on first use for JSON objects, then kept).</summary>
    public NodeList<KeyValuePair<ScalarNode, SyntaxNode>> Entries => new(_entries ?? MakeEntries());

    /// <summary>Number of entries.</summary>
    public int Count => _json?.Length ?? _entries!.Length;

    /// <summary>The key of entry <paramref name="index"/> (null for a YAML null key), without making its node.</summary>
    public string? KeyAt(int index) => _json is { } json ? json[index].Key : _entries![index].Key.Value;

    /// <summary>The value of entry <paramref name="index"/> (for a JSON scalar, its node is made on first use, then kept).</summary>
    public SyntaxNode ValueAt(int index) => _json is { } json ? json[index].Value as SyntaxNode ?? MakeScalar(json, index) : _entries![index].Value;

    /// <summary>
    /// The text and kind of entry <paramref name="index"/> when its value is a scalar (numbers as written, booleans as
    /// "true"/"false", null for null), without making its node; false for an object or a list.
    /// </summary>
    public bool TryScalarAt(int index, out string? text, out ScalarKind kind)
    {
        var json = _json;
        object? value = json is not null ? json[index].Value : _entries![index].Value;
        if (value is ScalarNode s)
        {
            (text, kind) = (s.Value, s.Kind);
            return true;
        }

        if (value is SyntaxNode)
        {
            (text, kind) = (null, ScalarKind.Null);
            return false;
        }

        (text, kind) = ((string?)value, json![index].Kind);
        return true;
    }

    /// <summary>Where the value of entry <paramref name="index"/> is, without making its node.</summary>
    public SourceLocation ValueLocation(int index, string? logicalPath = null) => _json is { } json
        ? Document.Locate(json[index].ValueStart, json[index].ValueEnd, logicalPath)
        : _entries![index].Value.Location(logicalPath);

    private SyntaxNode MakeScalar(JsonEntry[] json, int index)
    {
        ref var e = ref json[index];
        object? text = e.Value;
        if (text is SyntaxNode made)
        {
            return made;
        }

        var node = new ScalarNode(Document, e.ValueStart, e.ValueEnd, (string?)text, e.Kind, quoted: e.Kind == ScalarKind.String);

        // Made at most once per entry as seen by every reader of it (a race makes equal nodes; one is kept).
        return System.Threading.Interlocked.CompareExchange(ref e.Value, node, text) as SyntaxNode ?? node;
    }

    /// <summary>Where the key of entry <paramref name="index"/> is, without making its node.</summary>
    public SourceLocation KeyLocation(int index, string? logicalPath = null) => _json is { } json
        ? Document.Locate(json[index].KeyStart, json[index].KeyEnd, logicalPath)
        : _entries![index].Key.Location(logicalPath);

    private KeyValuePair<ScalarNode, SyntaxNode>[] MakeEntries()
    {
        var json = _json!;
        var entries = json.Length == 0 ? Array.Empty<KeyValuePair<ScalarNode, SyntaxNode>>() : new KeyValuePair<ScalarNode, SyntaxNode>[json.Length];
        for (int i = 0; i < json.Length; i++)
        {
            var e = json[i];
            entries[i] = new KeyValuePair<ScalarNode, SyntaxNode>(new ScalarNode(Document, e.KeyStart, e.KeyEnd, e.Key, ScalarKind.String, quoted: true), ValueAt(i));
        }

        // Made at most once per node as seen by every reader of it (a race makes equal arrays; one is kept).
        return System.Threading.Interlocked.CompareExchange(ref _entries, entries, null) ?? entries;
    }

    public override long Size => _size;

    public override string KindName => "a mapping";

    /// <summary>The value for <paramref name="key"/> (exact, case-sensitive); the first one when duplicated.</summary>
    public SyntaxNode? Get(string key) => IndexOf(key) is int at and >= 0 ? ValueAt(at) : null;

    /// <summary>The index of the first entry with <paramref name="key"/> (exact, case-sensitive); -1 when there is none.</summary>
    public int IndexOf(string key)
    {
        int count = Count;
        if (count <= 8)
        {
            for (int i = 0; i < count; i++)
            {
                if (string.Equals(KeyAt(i), key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        if (_lookup is null)
        {
            var d = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                var k = KeyAt(i) ?? string.Empty;
                if (!d.ContainsKey(k))
                {
                    d[k] = i;
                }
            }

            _lookup = d;
        }

        return _lookup.TryGetValue(key, out int idx) ? idx : -1;
    }

    /// <summary>The text and kind of the value for <paramref name="key"/> when it is a scalar, without making its node.</summary>
    public bool TryGetScalar(string key, out string? text, out ScalarKind kind)
    {
        if (IndexOf(key) is int at and >= 0)
        {
            return TryScalarAt(at, out text, out kind);
        }

        (text, kind) = (null, ScalarKind.Null);
        return false;
    }

    public bool Has(string key) => IndexOf(key) >= 0;

    public ScalarNode? GetKey(string key)
    {
        var entries = Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            if (string.Equals(KeyAt(i), key, StringComparison.Ordinal))
            {
                return entries[i].Key;
            }
        }

        return null;
    }
}
