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

public sealed class MappingNode : SyntaxNode
{
    private readonly long _size;
    private Dictionary<string, int>? _lookup;

    public MappingNode(SourceDocument document, int start, int end, KeyValuePair<ScalarNode, SyntaxNode>[] entries)
        : base(document, start, end)
    {
        Entries = new NodeList<KeyValuePair<ScalarNode, SyntaxNode>>(entries);
        long size = 1;
        foreach (var e in entries)
        {
            size += e.Value.Size + 1;
        }

        _size = size;
    }

    public NodeList<KeyValuePair<ScalarNode, SyntaxNode>> Entries { get; }

    public override long Size => _size;

    public override string KindName => "a mapping";

    /// <summary>The value for <paramref name="key"/> (exact, case-sensitive); the first one when duplicated.</summary>
    public SyntaxNode? Get(string key)
    {
        if (Entries.Count <= 8)
        {
            foreach (var e in Entries)
            {
                if (string.Equals(e.Key.Value, key, StringComparison.Ordinal))
                {
                    return e.Value;
                }
            }

            return null;
        }

        if (_lookup is null)
        {
            var d = new Dictionary<string, int>(Entries.Count, StringComparer.Ordinal);
            for (int i = 0; i < Entries.Count; i++)
            {
                var k = Entries[i].Key.Value ?? string.Empty;
                if (!d.ContainsKey(k))
                {
                    d[k] = i;
                }
            }

            _lookup = d;
        }

        return _lookup.TryGetValue(key, out int idx) ? Entries[idx].Value : null;
    }

    public ScalarNode? GetKey(string key)
    {
        foreach (var e in Entries)
        {
            if (string.Equals(e.Key.Value, key, StringComparison.Ordinal))
            {
                return e.Key;
            }
        }

        return null;
    }

    public bool Has(string key) => Get(key) is not null;
}
