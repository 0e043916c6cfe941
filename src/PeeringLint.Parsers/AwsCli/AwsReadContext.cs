using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// What the reader knows about one file while mapping its records: account and region hints from the
/// layout, the placebo call it came from, and typed accessors that report wrong types as input problems.
/// </summary>
internal sealed class AwsReadContext
{
    public AwsReadContext(string path, List<InputProblem> problems)
    {
        Path = path;
        Problems = problems;
    }

    public string Path { get; }

    public List<InputProblem> Problems { get; }

    /// <summary>Account id from the folder layout (accounts/&lt;id&gt;/ or a 12-digit folder name).</summary>
    public string? Account { get; set; }

    /// <summary>Region from the folder layout or a <c>&lt;Type&gt;-&lt;region&gt;.json</c> file name.</summary>
    public string? Region { get; set; }

    /// <summary>Placebo recordings: directory + operation (e.g. <c>dir/ec2.DescribeSecurityGroups</c>); null otherwise.</summary>
    public string? CallGroup { get; set; }

    /// <summary>Placebo call number (<c>_3</c> → 3); later calls win over earlier ones of the same operation.</summary>
    public int CallNumber { get; set; }

    /// <summary>Logical path prefix of the response body: "" for plain CLI output, "data." for placebo recordings.</summary>
    public string Prefix { get; set; } = string.Empty;

    public void Error(SyntaxNode node, string path, string message) =>
        Problems.Add(new InputProblem(node.Location(path), message, InputProblemSeverity.Error));

    public void Warning(SyntaxNode node, string path, string message) =>
        Problems.Add(new InputProblem(node.Location(path), message, InputProblemSeverity.Warning));

    public void Note(SyntaxNode node, string path, string message) =>
        Problems.Add(new InputProblem(node.Location(path), message, InputProblemSeverity.Note));

    /// <summary>A string value; numbers and booleans are taken as their text; empty strings and null are null.</summary>
    public string? Str(SyntaxNode value, string path, string key)
    {
        if (value is ScalarNode s)
        {
            if (s.Kind == ScalarKind.Null)
            {
                return null;
            }

            return string.IsNullOrEmpty(s.Value) ? null : s.Value;
        }

        Error(value, path, $"expected a string for '{key}', found {value.KindName}");
        return null;
    }

    /// <summary>A boolean; "true"/"false" strings are accepted. Null when absent, null, or wrong.</summary>
    public bool? Bool(SyntaxNode value, string path, string key)
    {
        if (value is ScalarNode s)
        {
            if (s.Kind == ScalarKind.Null)
            {
                return null;
            }

            if (s.Kind is ScalarKind.Boolean or ScalarKind.String)
            {
                if (string.Equals(s.Value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (string.Equals(s.Value, "false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            Error(value, path, $"expected true or false for '{key}', found {Describe(s)}");
            return null;
        }

        Error(value, path, $"expected true or false for '{key}', found {value.KindName}");
        return null;
    }

    /// <summary>An integer; numeric strings are accepted. Null when absent, null, or wrong.</summary>
    public int? Int(SyntaxNode value, string path, string key)
    {
        if (value is ScalarNode s)
        {
            if (s.Kind == ScalarKind.Null)
            {
                return null;
            }

            if (s.Kind is ScalarKind.Number or ScalarKind.String
                && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v))
            {
                return v;
            }

            Error(value, path, $"expected an integer for '{key}', found {Describe(s)}");
            return null;
        }

        Error(value, path, $"expected an integer for '{key}', found {value.KindName}");
        return null;
    }

    /// <summary>A list; null (and a problem unless the value is null) otherwise.</summary>
    public SequenceNode? List(SyntaxNode value, string path, string key)
    {
        if (value is SequenceNode seq)
        {
            return seq;
        }

        if (value is ScalarNode { Kind: ScalarKind.Null })
        {
            return null;
        }

        Error(value, path, $"expected a list for '{key}', found {value.KindName}");
        return null;
    }

    /// <summary>A JSON object; null (and a problem unless the value is null) otherwise.</summary>
    public MappingNode? Map(SyntaxNode value, string path, string key)
    {
        if (value is MappingNode map)
        {
            return map;
        }

        if (value is ScalarNode { Kind: ScalarKind.Null })
        {
            return null;
        }

        Error(value, path, $"expected an object for '{key}', found {value.KindName}");
        return null;
    }

    /// <summary>An item of a list that must be a JSON object (a record).</summary>
    public MappingNode? Item(SyntaxNode value, string path, string what)
    {
        if (value is MappingNode map)
        {
            return map;
        }

        Error(value, path, $"expected an object for {what}, found {value.KindName}");
        return null;
    }

    /// <summary>The Name tag of a Tags/TagSet list.</summary>
    public string? NameTag(SyntaxNode value, string path, string key)
    {
        var list = List(value, path, key);
        return list is null ? null : NameOf(list);
    }

    /// <summary>The Name tag of a list of tags (the first one named "Name"); null when none or empty.</summary>
    public static string? NameOf(SequenceNode list)
    {
        string? name = null;
        for (int i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is MappingNode tag && tag.TryGetScalar("Key", out var tagKey, out _) && tagKey == "Name" && tag.TryGetScalar("Value", out var tagValue, out _))
            {
                name ??= tagValue;
            }
        }

        return string.IsNullOrEmpty(name) ? null : name;
    }

    /// <summary>A CIDR value at the string node; wrong types become problems and null.</summary>
    public CidrValue? Cidr(SyntaxNode value, string path, string key)
    {
        if (value is ScalarNode { Kind: ScalarKind.String } s && s.Value is not null)
        {
            return CidrValue.Parse(s.Value, s.Location(path));
        }

        if (value is ScalarNode { Kind: ScalarKind.Null })
        {
            return null;
        }

        Error(value, path, $"expected a CIDR string for '{key}', found {value.KindName}");
        return null;
    }

    private static string Describe(ScalarNode s) => s.Kind == ScalarKind.String ? $"'{s.Value}'" : s.KindName + " " + s.Value;
}
