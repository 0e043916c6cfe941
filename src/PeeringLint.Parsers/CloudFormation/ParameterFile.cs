using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>CloudFormation parameter values read from a parameter file, and those deliberately left unknown.</summary>
public sealed record ParameterSet(IReadOnlyDictionary<string, string> Values, IReadOnlyCollection<string> Unknown);

/// <summary>
/// Reads the parameter files people already have, strictly and with located errors: the AWS CLI's
/// <c>[{"ParameterKey": "K", "ParameterValue": "V"}]</c> (<c>--parameters file://…</c>; <c>UsePreviousValue: true</c>
/// leaves the value unknown) and CodePipeline's template configuration <c>{"Parameters": {"K": "V"}, "Tags": {…}}</c>.
/// The file is read through <see cref="SafeFile"/> (regular files only, size cap) and decoded with the repository's
/// JSON decoder, so every error has its file:line:col.
/// </summary>
public static class ParameterFile
{
    private static readonly string[] ListKeys = { "ParameterKey", "ParameterValue", "UsePreviousValue", "ResolvedValue" };
    private static readonly string[] ConfigurationKeys = { "Parameters", "Tags", "StackPolicy" };

    /// <summary>Reads the file at <paramref name="fullPath"/>; null when it has errors (they are in <paramref name="problems"/>).</summary>
    public static ParameterSet? Read(string fullPath, string displayPath, List<InputProblem> problems)
    {
        byte[] bytes;
        try
        {
            bytes = SafeFile.ReadAllBytes(fullPath, SafeFile.MaxConfigBytes, "a parameter file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(new SourceLocation(displayPath, 1, 1, 1, 1), "cannot read the parameter file: " + ex.Message));
            return null;
        }

        return Parse(bytes, displayPath, problems);
    }

    /// <summary>Parses a parameter file's bytes; null when it has errors (they are in <paramref name="problems"/>).</summary>
    public static ParameterSet? Parse(byte[] bytes, string displayPath, List<InputProblem> problems)
    {
        int before = problems.Count(p => p.Severity == InputProblemSeverity.Error);
        var doc = SourceDocument.FromUtf8(displayPath, bytes);
        if (bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            problems.Add(new InputProblem(new SourceLocation(displayPath, 1, 1, 1, 1), "the parameter file is empty"));
            return null;
        }

        SyntaxNode? root;
        try
        {
            root = JsonDecoder.Decode(doc, bytes, problems);
        }
        catch (SyntaxException ex)
        {
            problems.Add(new InputProblem(ex.Location, ex.Message));
            return null;
        }

        if (root is null)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        void Error(SyntaxNode node, string message) => problems.Add(new InputProblem(node.Location(), message));

        switch (root)
        {
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    if (item is not MappingNode entry)
                    {
                        Error(item, $"expected {{\"ParameterKey\": …, \"ParameterValue\": …}} in the parameter list, found {item.KindName}");
                        continue;
                    }

                    foreach (var e in entry.Entries.Where(e => !ListKeys.Contains(e.Key.Value ?? string.Empty, StringComparer.Ordinal)))
                    {
                        Error(e.Key, $"unknown key '{e.Key.Value}' in a parameter; expected one of: {string.Join(", ", ListKeys)}");
                    }

                    if (entry.Get("ParameterKey") is not ScalarNode { Kind: ScalarKind.String, Value: { Length: > 0 } key })
                    {
                        Error(entry.Get("ParameterKey") ?? entry, "a parameter needs a 'ParameterKey' string");
                        continue;
                    }

                    bool previous = false;
                    if (entry.Get("UsePreviousValue") is { } up)
                    {
                        if (up is ScalarNode { Kind: ScalarKind.Boolean } b)
                        {
                            previous = b.Value == "true";
                        }
                        else
                        {
                            Error(up, $"expected true or false for 'UsePreviousValue' of '{key}', found {up.KindName}");
                        }
                    }

                    var valueNode = entry.Get("ParameterValue");
                    if (previous)
                    {
                        if (valueNode is not null)
                        {
                            Error(valueNode, $"parameter '{key}' has both 'ParameterValue' and 'UsePreviousValue: true'; CloudFormation accepts only one");
                        }

                        unknown.Add(key);
                        values.Remove(key);
                    }
                    else if (valueNode is null)
                    {
                        Error(entry, $"parameter '{key}' needs a 'ParameterValue' (or 'UsePreviousValue: true')");
                    }
                    else if (Value(valueNode, key, Error) is { } v)
                    {
                        values[key] = v;
                        unknown.Remove(key);
                    }
                }

                break;
            case MappingNode map:
                foreach (var e in map.Entries.Where(e => !ConfigurationKeys.Contains(e.Key.Value ?? string.Empty, StringComparer.Ordinal)))
                {
                    Error(e.Key, $"unknown key '{e.Key.Value}' in a template configuration file; expected one of: {string.Join(", ", ConfigurationKeys)} (or use the AWS CLI's list of {{\"ParameterKey\", \"ParameterValue\"}})");
                }

                if (map.Get("Parameters") is { } ps)
                {
                    if (ps is MappingNode pm)
                    {
                        foreach (var e in pm.Entries)
                        {
                            if (Value(e.Value, e.Key.Value ?? string.Empty, Error) is { } v)
                            {
                                values[e.Key.Value ?? string.Empty] = v;
                            }
                        }
                    }
                    else if (!(ps is ScalarNode { Kind: ScalarKind.Null }))
                    {
                        Error(ps, $"expected a mapping of parameter name to value for 'Parameters', found {ps.KindName}");
                    }
                }

                break;
            default:
                Error(root, $"expected a parameter file: the AWS CLI's list [{{\"ParameterKey\": …, \"ParameterValue\": …}}] or a template configuration {{\"Parameters\": {{…}}}}, found {root.KindName}");
                break;
        }

        return problems.Count(p => p.Severity == InputProblemSeverity.Error) > before ? null : new ParameterSet(values, unknown);
    }

    /// <summary>A parameter's value: a string, number or boolean as its text (CloudFormation passes every value as a string).</summary>
    private static string? Value(SyntaxNode node, string key, Action<SyntaxNode, string> error)
    {
        if (node is ScalarNode { Kind: ScalarKind.String or ScalarKind.Number or ScalarKind.Boolean } s)
        {
            return s.Value ?? string.Empty;
        }

        error(node, $"expected a string value for parameter '{key}', found {node.KindName}");
        return null;
    }
}
