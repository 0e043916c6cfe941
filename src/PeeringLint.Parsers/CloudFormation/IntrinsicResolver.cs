using System;
using System.Collections.Generic;
using System.Text;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// Resolves CloudFormation intrinsic functions statically, as cfn-lint-class tools do. Short-form YAML tags
/// (<c>!Ref</c>, <c>!GetAtt a.b</c>, ...) are read as their long forms in <see cref="TryGetIntrinsic"/>, the
/// one place that knows both. Whatever cannot be determined becomes <see cref="CfnKind.Unknown"/>; problems
/// (references to nothing, cycles, bad arguments) are reported with their location and never thrown.
/// </summary>
internal sealed partial class IntrinsicResolver
{
    public const int MaxDepth = 64;

    private static readonly string[] PseudoParameters =
    {
        "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::StackName", "AWS::StackId", "AWS::URLSuffix", "AWS::NotificationARNs",
    };

    private readonly Template _t;
    private readonly CfnRun _run;
    private readonly Dictionary<string, bool?> _conditions = new(StringComparer.Ordinal);

    public IntrinsicResolver(Template template, CfnRun run)
    {
        _t = template;
        _run = run;
    }

    public Template Template => _t;

    /// <summary>Maps a YAML short-form tag or a one-key <c>Fn::</c>/<c>Ref</c> mapping to the function name and its argument.</summary>
    public static bool TryGetIntrinsic(SyntaxNode node, out string function, out SyntaxNode argument, bool allowCondition = false)
    {
        if (node.Tag is { Length: > 1 } tag && tag[0] == '!')
        {
            string name = tag.Substring(1);
            function = name is "Ref" or "Condition" ? name : "Fn::" + name;
            argument = node;
            return true;
        }

        if (node is MappingNode { Entries.Count: 1 } m && node.Tag is null)
        {
            string key = m.Entries[0].Key.Value ?? string.Empty;
            if (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal) || (allowCondition && key == "Condition"))
            {
                function = key;
                argument = m.Entries[0].Value;
                return true;
            }
        }

        function = string.Empty;
        argument = node;
        return false;
    }

    public CfnValue Resolve(SyntaxNode node) => Resolve(node, 0);

    /// <summary>The resolved string, or null when the value is not a known string.</summary>
    public string? ResolveString(SyntaxNode? node) => node is null ? null : Resolve(node) is { IsString: true } v ? v.Text : null;

    public CfnValue Resolve(SyntaxNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            _run.Report(node.Location(), $"intrinsic functions are nested deeper than {MaxDepth} levels; the value is treated as unknown");
            return CfnValue.Unknown("nested too deeply", node);
        }

        if (TryGetIntrinsic(node, out var fn, out var arg))
        {
            return Intrinsic(node, fn, arg, depth + 1);
        }

        return Plain(node, depth);
    }

    /// <summary>Resolves a node without looking at its own tag (the argument of a short-form function).</summary>
    private CfnValue ResolveArgument(SyntaxNode node, SyntaxNode call, int depth) =>
        ReferenceEquals(node, call) ? Plain(node, depth) : Resolve(node, depth);

    private CfnValue Plain(SyntaxNode node, int depth)
    {
        switch (node)
        {
            case ScalarNode s:
                if (s.Kind == ScalarKind.Null)
                {
                    return CfnValue.Null(node);
                }

                // Dynamic references ({{resolve:ssm:...}}) are resolved by CloudFormation at deploy time.
                return s.Value is { } text && text.IndexOf("{{resolve:", StringComparison.Ordinal) >= 0
                    ? CfnValue.Unknown("a dynamic reference is resolved at deploy time", node)
                    : CfnValue.Str(s.Value ?? string.Empty, node);
            case SequenceNode seq:
                {
                    var items = new List<CfnValue>(seq.Items.Count);
                    foreach (var i in seq.Items)
                    {
                        var v = Resolve(i, depth + 1);
                        if (v.Kind != CfnKind.NoValue)
                        {
                            items.Add(v);
                        }
                    }

                    return CfnValue.List(items, node);
                }

            case MappingNode map:
                {
                    var entries = new List<KeyValuePair<ScalarNode, CfnValue>>(map.Entries.Count);
                    foreach (var e in map.Entries)
                    {
                        var v = Resolve(e.Value, depth + 1);
                        if (v.Kind != CfnKind.NoValue)
                        {
                            entries.Add(new KeyValuePair<ScalarNode, CfnValue>(e.Key, v));
                        }
                    }

                    return CfnValue.Map(entries, node);
                }

            default:
                return CfnValue.Unknown("unsupported node", node);
        }
    }

    private CfnValue Intrinsic(SyntaxNode call, string fn, SyntaxNode arg, int depth)
    {
        switch (fn)
        {
            case "Ref":
                return Ref(call, arg, depth);
            case "Fn::GetAtt":
                return GetAtt(call, arg, depth);
            case "Fn::Sub":
                return Sub(call, arg, depth);
            case "Fn::Join":
                return Join(call, arg, depth);
            case "Fn::Select":
                return Select(call, arg, depth);
            case "Fn::Split":
                return Split(call, arg, depth);
            case "Fn::If":
                return If(call, arg, depth);
            case "Fn::FindInMap":
                return FindInMap(call, arg, depth);
            case "Fn::Cidr":
                return CidrFunction(call, arg, depth);
            case "Fn::GetAZs":
                return CfnValue.Unknown("Fn::GetAZs depends on the account and region", call);
            case "Fn::ImportValue":
                return ImportValue(call, arg, depth);
            case "Fn::Base64":
                {
                    var v = ResolveArgument(arg, call, depth);
                    return v.IsString ? CfnValue.Str(Convert.ToBase64String(Encoding.UTF8.GetBytes(v.Text!)), call) : CfnValue.Unknown("Fn::Base64 of an unknown value", call);
                }

            default:
                return CfnValue.Unknown(fn + " is not evaluated", call);
        }
    }

    private List<SyntaxNode>? ArgList(SyntaxNode arg, SyntaxNode call, string fn, int min, int? max = null)
    {
        max ??= min;
        if (arg is SequenceNode seq && seq.Items.Count >= min && seq.Items.Count <= max)
        {
            return new List<SyntaxNode>(seq.Items);
        }

        string expected = min == max ? $"a list of {min}" : $"a list of {min} to {max}";
        _run.Report(arg.Location(), $"expected {expected} argument(s) for '{fn}', found {DescribeArg(arg, call)}");
        return null;
    }

    private static string DescribeArg(SyntaxNode arg, SyntaxNode call) =>
        arg is SequenceNode s ? $"a list of {s.Items.Count}" : arg.KindName;

    private CfnValue BadArgument(SyntaxNode arg, string fn, string expected, CfnValue found, SyntaxNode call)
    {
        _run.Report(arg.Location(), $"expected {expected} for '{fn}', found {found.KindName}");
        return CfnValue.Unknown("bad " + fn, call);
    }
}

