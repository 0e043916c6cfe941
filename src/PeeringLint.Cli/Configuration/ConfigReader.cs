using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Cli.Configuration;

/// <summary>
/// Reads <c>.peeringlint.yaml</c> strictly: the Parsers' <see cref="YamlDecoder"/> gives located nodes, and
/// every unknown key, wrong type or unknown rule is a problem at its file:line:col (the CLI exits 2).
/// </summary>
internal static class ConfigReader
{
    public const string FileName = ".peeringlint.yaml";

    private static readonly string[] TopKeys = { "version", "rules", "severity_threshold", "ignore_paths", "parameters", "intents", "suppressions", "stacks" };

    private static readonly string[] StackKeys = { "template", "name", "parameters", "parameter_file", "account", "region" };

    /// <summary>Reads the file at <paramref name="fullPath"/>; null when it has errors (they are in <paramref name="problems"/>).</summary>
    public static LintConfig? Read(string fullPath, string displayPath, List<InputProblem> problems)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(SafeFile.ReadAllBytes(fullPath, SafeFile.MaxConfigBytes, "a configuration file"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            problems.Add(new InputProblem(new SourceLocation(displayPath, 1, 1, 1, 1), "cannot read the configuration file: " + ex.Message));
            return null;
        }

        return Parse(text, displayPath, Path.GetDirectoryName(Path.GetFullPath(fullPath)) ?? ".", problems);
    }

    /// <summary>Parses configuration text; <paramref name="directory"/> anchors relative paths.</summary>
    public static LintConfig? Parse(string text, string displayPath, string directory, List<InputProblem> problems)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }

        int before = problems.Count(p => p.Severity == InputProblemSeverity.Error);
        var doc = SourceDocument.FromText(displayPath, text);
        SyntaxNode? root;
        try
        {
            if (text.Trim().Length == 0 || text.Split('\n').All(l => l.TrimStart().Length == 0 || l.TrimStart().StartsWith("#", StringComparison.Ordinal)))
            {
                // An empty configuration (or only comments) is valid: it changes nothing.
                return new LintConfig { DisplayPath = displayPath, Directory = directory };
            }

            root = YamlDecoder.Decode(doc, text, problems);
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

        var r = new Reader(problems, displayPath, directory);
        var config = r.ReadRoot(root, displayPath, directory);
        return problems.Count(p => p.Severity == InputProblemSeverity.Error) > before ? null : config;
    }

    private sealed class Reader
    {
        private readonly List<InputProblem> _problems;
        private readonly string _displayPath;
        private readonly string _directory;

        public Reader(List<InputProblem> problems, string displayPath, string directory)
        {
            _problems = problems;
            _displayPath = displayPath;
            _directory = directory;
        }

        public LintConfig ReadRoot(SyntaxNode root, string displayPath, string directory)
        {
            var config = new LintConfig { DisplayPath = displayPath, Directory = directory };
            if (root is not MappingNode map)
            {
                Error(root, $"expected a mapping at the top of {FileName} (keys: {string.Join(", ", TopKeys)}), found {root.KindName}");
                return config;
            }

            CheckKeys(map, TopKeys, "the configuration");
            if (map.Get("version") is { } version && !(version is ScalarNode { Kind: ScalarKind.Number, Value: "1" }))
            {
                Error(version, "unsupported configuration version: expected 1");
            }

            return config with
            {
                Rules = map.Get("rules") is { } rules ? ReadRules(rules) : Array.Empty<RuleSetting>(),
                SeverityThreshold = map.Get("severity_threshold") is { } t ? ReadSeverity(t, "severity_threshold") : null,
                IgnorePaths = map.Get("ignore_paths") is { } ip ? ReadStrings(ip, "ignore_paths").Select(s => s.Value).ToArray() : Array.Empty<string>(),
                Parameters = map.Get("parameters") is { } ps ? ReadParameters(ps) : new Dictionary<string, string>(),
                Intents = map.Get("intents") is { } it ? ReadStrings(it, "intents").Select(s => Path.GetFullPath(Path.Combine(directory, s.Value))).ToArray() : Array.Empty<string>(),
                Suppressions = map.Get("suppressions") is { } sp ? ReadSuppressions(sp) : Array.Empty<ConfigSuppression>(),
                Stacks = map.Get("stacks") is { } st ? ReadStacks(st) : Array.Empty<StackEntry>(),
            };
        }

        private IReadOnlyList<RuleSetting> ReadRules(SyntaxNode node)
        {
            var list = new List<RuleSetting>();
            if (node is ScalarNode { Kind: ScalarKind.Null })
            {
                return list;
            }

            if (node is not MappingNode map)
            {
                Error(node, $"expected a mapping of rule id to setting for 'rules', found {node.KindName}");
                return list;
            }

            foreach (var entry in map.Entries)
            {
                var name = entry.Key.Value ?? string.Empty;
                var rule = RuleCatalog.Find(name);
                if (rule is null)
                {
                    Error(entry.Key, $"unknown rule '{name}'; 'peeringlint rules' lists them");
                    continue;
                }

                var id = rule.Descriptor.Id;
                var loc = entry.Key.Location();
                switch (entry.Value)
                {
                    case ScalarNode { Kind: ScalarKind.Boolean } b:
                        list.Add(new RuleSetting(id, b.Value == "true", null, loc));
                        break;
                    case ScalarNode { Kind: ScalarKind.String } s when s.Value is "on" or "off":
                        list.Add(new RuleSetting(id, s.Value == "on", null, loc));
                        break;
                    case ScalarNode s:
                        if (ReadSeverity(s, "rules." + name) is { } sev)
                        {
                            list.Add(new RuleSetting(id, true, sev, loc));
                        }

                        break;
                    case MappingNode m:
                        CheckKeys(m, new[] { "enabled", "severity" }, $"rule '{name}'");
                        bool enabled = true;
                        if (m.Get("enabled") is { } en)
                        {
                            if (en is ScalarNode { Kind: ScalarKind.Boolean } eb)
                            {
                                enabled = eb.Value == "true";
                            }
                            else
                            {
                                Error(en, $"expected true or false for 'enabled', found {Describe(en)}");
                            }
                        }

                        Severity? severity = m.Get("severity") is { } sv ? ReadSeverity(sv, "severity") : null;
                        list.Add(new RuleSetting(id, enabled, severity, loc));
                        break;
                    default:
                        Error(entry.Value, $"expected off, on, error, warning, note or a mapping (enabled, severity) for rule '{name}', found {entry.Value.KindName}");
                        break;
                }
            }

            return list;
        }

        private Severity? ReadSeverity(SyntaxNode node, string what)
        {
            if (node is ScalarNode { Kind: ScalarKind.String } s)
            {
                switch (s.Value)
                {
                    case "error":
                        return Severity.Error;
                    case "warning":
                        return Severity.Warning;
                    case "note":
                        return Severity.Note;
                }
            }

            Error(node, $"expected error, warning or note for '{what}', found {Describe(node)}");
            return null;
        }

        private IReadOnlyDictionary<string, string> ReadParameters(SyntaxNode node)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node is ScalarNode { Kind: ScalarKind.Null })
            {
                return result;
            }

            if (node is not MappingNode map)
            {
                Error(node, $"expected a mapping of parameter name to value for 'parameters', found {node.KindName}");
                return result;
            }

            foreach (var e in map.Entries)
            {
                if (e.Value is ScalarNode { Kind: not ScalarKind.Null } v)
                {
                    result[e.Key.Value ?? string.Empty] = v.Value ?? string.Empty;
                }
                else
                {
                    Error(e.Value, $"expected a value for parameter '{e.Key.Value}', found {e.Value.KindName}");
                }
            }

            return result;
        }

        private IReadOnlyList<StackEntry> ReadStacks(SyntaxNode node)
        {
            var list = new List<StackEntry>();
            foreach (var m in MappingItems(node, "a list of stacks (template, name, parameters, parameter_file, account, region)", "stacks", string.Join(", ", StackKeys)))
            {
                CheckKeys(m, StackKeys, "a stack");
                var templateNode = m.Get("template");
                var template = templateNode is not null ? RequireString(templateNode, "template") : MissingKey(m, "a stack", "template");
                string? name = m.Get("name") is { } nn ? Checked(nn, "name", StackName, "a stack name: letters, digits and '-', starting with a letter, at most 128 characters") : null;
                string? account = m.Get("account") is { } an ? Checked(an, "account", AccountId, "a 12-digit AWS account id") : null;
                string? region = m.Get("region") is { } rn ? Checked(rn, "region", RegionName, "an AWS region such as us-east-1") : null;
                var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
                var unknown = new HashSet<string>(StringComparer.Ordinal);
                string? parameterFile = null;
                if (m.Get("parameter_file") is { } pf && RequireString(pf, "parameter_file") is { } pfPath)
                {
                    parameterFile = Path.GetFullPath(Path.Combine(_directory, pfPath));
                    var display = Path.Combine(Path.GetDirectoryName(_displayPath) ?? string.Empty, pfPath).Replace('\\', '/');
                    if (!File.Exists(parameterFile))
                    {
                        Error(pf, $"parameter file '{pfPath}' not found (relative to {_displayPath})");
                    }
                    else if (PeeringLint.Parsers.CloudFormation.ParameterFile.Read(parameterFile, display, _problems) is { } set)
                    {
                        foreach (var kv in set.Values)
                        {
                            parameters[kv.Key] = kv.Value;
                        }

                        unknown.UnionWith(set.Unknown);
                    }
                }

                if (m.Get("parameters") is { } ps)
                {
                    foreach (var kv in ReadParameters(ps))
                    {
                        parameters[kv.Key] = kv.Value;
                        unknown.Remove(kv.Key);
                    }
                }

                if (template is null)
                {
                    continue;
                }

                string pattern = template.Replace('\\', '/');
                while (pattern.StartsWith("./", StringComparison.Ordinal))
                {
                    pattern = pattern.Substring(2);
                }

                list.Add(new StackEntry(template, new Glob("/" + pattern.TrimStart('/')), m.Location(), templateNode!.Location())
                {
                    Name = name,
                    Account = account,
                    Region = region,
                    Parameters = parameters,
                    UnknownParameters = unknown,
                    ParameterFile = parameterFile,
                });
            }

            return list;
        }

        private static bool StackName(string s) =>
            s.Length is > 0 and <= 128 && char.IsAsciiLetter(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

        private static bool AccountId(string s) => s.Length == 12 && s.All(char.IsAsciiDigit);

        private static bool RegionName(string s) =>
            System.Text.RegularExpressions.Regex.IsMatch(s, "^[a-z]{2}(-[a-z]+)+-[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        /// <summary>A scalar that must satisfy <paramref name="valid"/>; a 12-digit account id may be written as a number.</summary>
        private string? Checked(SyntaxNode node, string what, Func<string, bool> valid, string expected)
        {
            if (node is ScalarNode { Kind: ScalarKind.String or ScalarKind.Number, Value: { } v } && valid(v))
            {
                return v;
            }

            Error(node, $"expected {expected} for '{what}', found {Describe(node)}");
            return null;
        }

        private string? MissingKey(MappingNode m, string what, string key)
        {
            Error(m, $"{what} needs '{key}'");
            return null;
        }

        private IReadOnlyList<ConfigSuppression> ReadSuppressions(SyntaxNode node)
        {
            var list = new List<ConfigSuppression>();
            foreach (var m in MappingItems(node, "a list", "suppressions", "rule, resource, justification"))
            {
                CheckKeys(m, new[] { "rule", "resource", "justification" }, "a suppression");
                string? ruleId = null;
                if (m.Get("rule") is { } rn)
                {
                    if (RequireString(rn, "rule") is { } name)
                    {
                        var rule = RuleCatalog.Find(name);
                        if (rule is null)
                        {
                            Error(rn, $"unknown rule '{name}'; 'peeringlint rules' lists them");
                        }

                        ruleId = rule?.Descriptor.Id;
                    }
                }

                var resource = m.Get("resource") is { } res ? RequireString(res, "resource") : Missing(m, "resource");
                var justification = m.Get("justification") is { } j ? RequireString(j, "justification") : Missing(m, "justification");
                if (resource is not null && justification is not null)
                {
                    list.Add(new ConfigSuppression(ruleId, resource, justification, m.Location()));
                }
            }

            return list;
        }

        private string? Missing(MappingNode m, string key)
        {
            Error(m, $"a suppression needs '{key}'");
            return null;
        }

        private string? RequireString(SyntaxNode node, string what)
        {
            if (node is ScalarNode { Kind: not ScalarKind.Null } s && !string.IsNullOrWhiteSpace(s.Value))
            {
                return s.Value;
            }

            Error(node, $"expected a non-empty string for '{what}', found {Describe(node)}");
            return null;
        }

        private List<(string Value, SyntaxNode Node)> ReadStrings(SyntaxNode node, string what)
        {
            var list = new List<(string, SyntaxNode)>();
            foreach (var item in ListItems(node, "a list of strings", what))
            {
                if (RequireString(item, what) is { } s)
                {
                    list.Add((s, item));
                }
            }

            return list;
        }

        /// <summary>The items of a list setting: none when it is empty (null), an error and none when it is not a list.</summary>
        private IEnumerable<SyntaxNode> ListItems(SyntaxNode node, string expected, string what)
        {
            if (node is ScalarNode { Kind: ScalarKind.Null })
            {
                return Array.Empty<SyntaxNode>();
            }

            if (node is not SequenceNode seq)
            {
                Error(node, $"expected {expected} for '{what}', found {node.KindName}");
                return Array.Empty<SyntaxNode>();
            }

            return seq.Items;
        }

        /// <summary>The mappings of a list setting, in order; an item that is not a mapping is an error (<paramref name="keys"/> says what it holds).</summary>
        private IEnumerable<MappingNode> MappingItems(SyntaxNode node, string expected, string what, string keys)
        {
            foreach (var item in ListItems(node, expected, what))
            {
                if (item is MappingNode m)
                {
                    yield return m;
                }
                else
                {
                    Error(item, $"expected a mapping ({keys}) in '{what}', found {item.KindName}");
                }
            }
        }

        private void CheckKeys(MappingNode map, string[] allowed, string what)
        {
            foreach (var e in map.Entries)
            {
                if (!allowed.Contains(e.Key.Value ?? string.Empty, StringComparer.Ordinal))
                {
                    Error(e.Key, $"unknown key '{e.Key.Value}' in {what}; expected one of: {string.Join(", ", allowed)}");
                }
            }
        }

        private static string Describe(SyntaxNode node) =>
            node is ScalarNode { Kind: not ScalarKind.Null } s ? $"'{s.Value}'" : node.KindName;

        private void Error(SyntaxNode node, string message) => _problems.Add(new InputProblem(node.Location(), message));
    }
}
