using System;
using System.Collections.Generic;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

internal enum CfnKind
{
    /// <summary>A string (numbers and booleans keep their text).</summary>
    String,

    List,

    Map,

    /// <summary>A reference to a resource of the run: <see cref="CfnValue.ResourceId"/> is its model id.</summary>
    Resource,

    /// <summary>A value the templates cannot pin down (parameter without default, pseudo parameter, import, ...).</summary>
    Unknown,

    /// <summary><c>Ref: AWS::NoValue</c>: the property or list item is removed.</summary>
    NoValue,

    /// <summary>A YAML/JSON null.</summary>
    Null,
}

/// <summary>
/// A statically resolved template value. <see cref="Node"/> is where the value is written in the resource
/// (for a value produced by an intrinsic function, the function call), so locations point where a user
/// would change it.
/// </summary>
internal sealed class CfnValue
{
    private static readonly IReadOnlyList<CfnValue> NoItems = Array.Empty<CfnValue>();
    private static readonly IReadOnlyList<KeyValuePair<ScalarNode, CfnValue>> NoEntries = Array.Empty<KeyValuePair<ScalarNode, CfnValue>>();

    private CfnValue(CfnKind kind, SyntaxNode node)
    {
        Kind = kind;
        Node = node;
    }

    public CfnKind Kind { get; }

    public SyntaxNode Node { get; private set; }

    public string? Text { get; private set; }

    public IReadOnlyList<CfnValue> Items { get; private set; } = NoItems;

    public IReadOnlyList<KeyValuePair<ScalarNode, CfnValue>> Entries { get; private set; } = NoEntries;

    /// <summary>Model id of the referenced resource (Kind Resource).</summary>
    public string? ResourceId { get; private set; }

    /// <summary>Why the value is unknown (Kind Unknown).</summary>
    public string? Why { get; private set; }

    /// <summary>For an unknown value: it may be one of the run's own resources (an undecidable Fn::If between two of them).</summary>
    public bool MayBeResource { get; private set; }

    /// <summary>For an unknown value: it is the pseudo parameter AWS::AccountId.</summary>
    public bool IsAccountId { get; private set; }

    public bool IsString => Kind == CfnKind.String;

    public bool IsUnknown => Kind == CfnKind.Unknown;

    public bool IsAbsent => Kind is CfnKind.NoValue or CfnKind.Null;

    public static CfnValue Str(string text, SyntaxNode node) => new(CfnKind.String, node) { Text = text };

    public static CfnValue List(IReadOnlyList<CfnValue> items, SyntaxNode node) => new(CfnKind.List, node) { Items = items };

    public static CfnValue Map(IReadOnlyList<KeyValuePair<ScalarNode, CfnValue>> entries, SyntaxNode node) => new(CfnKind.Map, node) { Entries = entries };

    public static CfnValue Resource(string modelId, SyntaxNode node) => new(CfnKind.Resource, node) { ResourceId = modelId };

    public static CfnValue Unknown(string why, SyntaxNode node, bool mayBeResource = false) =>
        new(CfnKind.Unknown, node) { Why = why, MayBeResource = mayBeResource };

    public static CfnValue AccountId(SyntaxNode node) => new(CfnKind.Unknown, node) { Why = "the pseudo parameter AWS::AccountId is not given", IsAccountId = true };

    public static CfnValue NoValue(SyntaxNode node) => new(CfnKind.NoValue, node);

    public static CfnValue Null(SyntaxNode node) => new(CfnKind.Null, node);

    /// <summary>The value of <paramref name="key"/> in a map; null when absent, not a map, or AWS::NoValue.</summary>
    public CfnValue? Get(string key)
    {
        foreach (var e in Entries)
        {
            if (string.Equals(e.Key.Value, key, StringComparison.Ordinal))
            {
                return e.Value.IsAbsent ? null : e.Value;
            }
        }

        return null;
    }

    /// <summary>True when the value (or an item of it) refers to a resource of the run.</summary>
    public bool ContainsResource()
    {
        if (Kind == CfnKind.Resource || (Kind == CfnKind.Unknown && MayBeResource))
        {
            return true;
        }

        foreach (var i in Items)
        {
            if (i.ContainsResource())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A copy located at <paramref name="node"/> (deep for lists), used for values that come from elsewhere.</summary>
    public CfnValue At(SyntaxNode node)
    {
        var copy = new CfnValue(Kind, node)
        {
            Text = Text,
            Entries = Entries,
            ResourceId = ResourceId,
            Why = Why,
            MayBeResource = MayBeResource,
            IsAccountId = IsAccountId,
        };
        if (Items.Count > 0)
        {
            var items = new CfnValue[Items.Count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = Items[i].At(node);
            }

            copy.Items = items;
        }

        return copy;
    }

    /// <summary>Structural equality (locations ignored); unknowns are never equal.</summary>
    public bool SameAs(CfnValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        switch (Kind)
        {
            case CfnKind.String:
                return string.Equals(Text, other.Text, StringComparison.Ordinal);
            case CfnKind.Resource:
                return string.Equals(ResourceId, other.ResourceId, StringComparison.Ordinal);
            case CfnKind.NoValue:
            case CfnKind.Null:
                return true;
            case CfnKind.List:
                if (Items.Count != other.Items.Count)
                {
                    return false;
                }

                for (int i = 0; i < Items.Count; i++)
                {
                    if (!Items[i].SameAs(other.Items[i]))
                    {
                        return false;
                    }
                }

                return true;
            case CfnKind.Map:
                if (Entries.Count != other.Entries.Count)
                {
                    return false;
                }

                for (int i = 0; i < Entries.Count; i++)
                {
                    if (!string.Equals(Entries[i].Key.Value, other.Entries[i].Key.Value, StringComparison.Ordinal) || !Entries[i].Value.SameAs(other.Entries[i].Value))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    public string KindName => Kind switch
    {
        CfnKind.String => "a string",
        CfnKind.List => "a list",
        CfnKind.Map => "a mapping",
        CfnKind.Resource => "a resource reference",
        CfnKind.Null => "null",
        _ => "an unknown value",
    };

    public override string ToString() => Kind switch
    {
        CfnKind.String => Text ?? string.Empty,
        CfnKind.Resource => "{" + ResourceId + "}",
        CfnKind.List => "[" + string.Join(", ", Items) + "]",
        CfnKind.Unknown => "<unknown>",
        _ => Kind.ToString(),
    };
}
