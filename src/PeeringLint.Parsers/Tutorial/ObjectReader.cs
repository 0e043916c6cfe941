using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

/// <summary>
/// Typed, checked access to one YAML mapping of the tutorial format: unknown keys and wrong types become
/// input problems with the exact location ("expected a string for 'cidr', found a list").
/// </summary>
internal sealed class ObjectReader
{
    private readonly List<InputProblem> _problems;

    public ObjectReader(MappingNode node, string what, string path, List<InputProblem> problems, params string[] allowed)
    {
        Node = node;
        What = what;
        Path = path;
        _problems = problems;
        foreach (var e in node.Entries)
        {
            if (Array.IndexOf(allowed, e.Key.Value) < 0)
            {
                Error(e.Key, $"unknown key '{e.Key.Value}' in {what}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public MappingNode Node { get; }

    public string What { get; }

    /// <summary>Logical path of this mapping (vpcs[0].route_tables[1]).</summary>
    public string Path { get; }

    public SourceLocation Location => Node.Location(Path);

    public SyntaxNode? Get(string key) => Node.Get(key);

    public SourceLocation LocationOf(string key) => (Node.Get(key) ?? Node).Location(Path + "." + key);

    public void Error(SyntaxNode at, string message) => _problems.Add(new InputProblem(at.Location(), message));

    public string? String(string key, bool required = false)
    {
        var n = Node.Get(key);
        if (n is null || (n is ScalarNode { Kind: ScalarKind.Null } && !required))
        {
            if (required)
            {
                Error(Node, $"{What} needs '{key}'");
            }

            return null;
        }

        if (n is ScalarNode s && s.Kind != ScalarKind.Null)
        {
            return s.Value;
        }

        Error(n, $"expected a single value for '{key}', found {n.KindName}");
        return null;
    }

    public ScalarNode? Scalar(string key)
    {
        var n = Node.Get(key);
        if (n is null)
        {
            return null;
        }

        if (n is ScalarNode s)
        {
            return s;
        }

        Error(n, $"expected a single value for '{key}', found {n.KindName}");
        return null;
    }

    public bool? Bool(string key)
    {
        var s = Scalar(key);
        if (s is null || s.Kind == ScalarKind.Null)
        {
            return null;
        }

        var b = s.AsBool();
        if (b is null)
        {
            Error(s, $"expected true or false for '{key}', found '{s.Value}'");
        }

        return b;
    }

    public int? Int(string key)
    {
        var s = Scalar(key);
        if (s is null || s.Kind == ScalarKind.Null)
        {
            return null;
        }

        var v = s.AsInt();
        if (v is null)
        {
            Error(s, $"expected a whole number for '{key}', found '{s.Value}'");
        }

        return v;
    }

    /// <summary>A value that may be one scalar or a list of scalars.</summary>
    public IReadOnlyList<ScalarNode> Scalars(string key)
    {
        var n = Node.Get(key);
        switch (n)
        {
            case null:
            case ScalarNode { Kind: ScalarKind.Null }:
                return Array.Empty<ScalarNode>();
            case ScalarNode s:
                return new[] { s };
            case SequenceNode seq:
                var list = new List<ScalarNode>();
                foreach (var item in seq.Items)
                {
                    if (item is ScalarNode si && si.Kind != ScalarKind.Null)
                    {
                        list.Add(si);
                    }
                    else
                    {
                        Error(item, $"expected a single value in '{key}', found {item.KindName}");
                    }
                }

                return list;
            default:
                Error(n, $"expected a value or a list of values for '{key}', found {n.KindName}");
                return Array.Empty<ScalarNode>();
        }
    }

    /// <summary>A list of mappings (each item checked); items of the wrong shape are reported and skipped.</summary>
    public IReadOnlyList<(MappingNode Node, string Path)> Objects(string key)
    {
        var n = Node.Get(key);
        if (n is null || n is ScalarNode { Kind: ScalarKind.Null })
        {
            return Array.Empty<(MappingNode, string)>();
        }

        if (n is not SequenceNode seq)
        {
            Error(n, $"expected a list for '{key}', found {n.KindName}");
            return Array.Empty<(MappingNode, string)>();
        }

        var result = new List<(MappingNode, string)>();
        for (int i = 0; i < seq.Items.Count; i++)
        {
            if (seq.Items[i] is MappingNode m)
            {
                result.Add((m, $"{Path}.{key}[{i}]"));
            }
            else
            {
                Error(seq.Items[i], $"expected a mapping in '{key}', found {seq.Items[i].KindName}");
            }
        }

        return result;
    }

    /// <summary>The rule ids in an <c>ignore:</c> list.</summary>
    public IReadOnlyList<string> Ignore() => Scalars("ignore").Select(s => s.Value ?? string.Empty).ToArray();

    public SourceLocation? IgnoreLocation() => Node.Get("ignore")?.Location(Path + ".ignore");
}
