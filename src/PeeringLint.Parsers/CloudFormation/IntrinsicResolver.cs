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
        string? tag = node.Tag;
        if (tag is null)
        {
            return TryGetLongForm(node, out function, out argument) && (allowCondition || function != "Condition");
        }

        function = string.Empty;
        argument = node;
        if (tag.Length < 2 || tag[0] != '!')
        {
            return false;
        }

        string name = tag.Substring(1);
        function = name is "Ref" or "Condition" ? name : "Fn::" + name;
        return true;
    }

    /// <summary>A one-key mapping whose key is <c>Ref</c>, <c>Fn::...</c> or <c>Condition</c> (a function in conditions only), whatever its tag.</summary>
    private static bool TryGetLongForm(SyntaxNode node, out string function, out SyntaxNode argument)
    {
        function = string.Empty;
        argument = node;
        var m = node as MappingNode;
        if (m is null || m.Entries.Count != 1)
        {
            return false;
        }

        string key = m.Entries[0].Key.Value ?? string.Empty;
        if (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal) || key == "Condition")
        {
            function = key;
            argument = m.Entries[0].Value;
            return true;
        }

        return false;
    }

    public CfnValue Resolve(SyntaxNode node) => Resolve(node, 0);

    /// <summary>The resolved string, or null when the value is not a known string.</summary>
    public string? ResolveString(SyntaxNode? node) => node is null ? null : Resolve(node).Text;

    /// <summary>
    /// Resolves a node nested <paramref name="depth"/> values deep (0 for a property). The depth is counted here
    /// only: every value resolved on the way (a function, its list of arguments, a parameter's default, another
    /// resource's property, a nested stack's output, an export) is one level.
    /// </summary>
    private CfnValue Resolve(SyntaxNode node, int depth)
    {
        int level = depth + 1;
        if (level > MaxDepth)
        {
            _run.Report(node.Location(), $"intrinsic functions are nested deeper than {MaxDepth} levels; the value is treated as unknown");
            return CfnValue.Unknown("nested too deeply", node);
        }

        if (TryGetIntrinsic(node, out var fn, out var arg))
        {
            return Intrinsic(node, fn, arg, level);
        }

        return Plain(node, level);
    }

    /// <summary>
    /// Resolves the argument of a function. A short form's argument is the tagged node itself, read without its tag;
    /// a one-key <c>Fn::</c> mapping there is a function of its own (<c>!Base64 {Fn::Sub: ...}</c> is
    /// <c>{"Fn::Base64": {"Fn::Sub": ...}}</c>).
    /// </summary>
    private CfnValue ResolveArgument(SyntaxNode node, SyntaxNode call, int depth)
    {
        if (!ReferenceEquals(node, call))
        {
            return Resolve(node, depth);
        }

        if (TryGetLongForm(node, out var fn, out var arg) && fn != "Condition")
        {
            return Intrinsic(node, fn, arg, depth);
        }

        return Plain(node, depth);
    }

    private CfnValue Plain(SyntaxNode node, int depth)
    {
        if (node is ScalarNode s)
        {
            if (s.Kind == ScalarKind.Null)
            {
                return CfnValue.Null(node);
            }

            // Dynamic references ({{resolve:ssm:...}}) are resolved by CloudFormation at deploy time.
            string text = s.Value ?? string.Empty;
            return text.IndexOf("{{resolve:", StringComparison.Ordinal) >= 0
                ? CfnValue.Unknown("a dynamic reference is resolved at deploy time", node)
                : CfnValue.Str(text, node);
        }

        if (node is SequenceNode seq)
        {
            var items = new List<CfnValue>(seq.Items.Count);
            foreach (var i in seq.Items)
            {
                var v = Resolve(i, depth);
                if (v.Kind != CfnKind.NoValue)
                {
                    items.Add(v);
                }
            }

            return CfnValue.List(items, node);
        }

        // The syntax tree has three kinds of node: what is neither a scalar nor a sequence is a mapping.
        var map = (MappingNode)node;
        var entries = new List<KeyValuePair<ScalarNode, CfnValue>>(map.Entries.Count);
        foreach (var e in map.Entries)
        {
            var v = Resolve(e.Value, depth);
            if (v.Kind != CfnKind.NoValue)
            {
                entries.Add(new KeyValuePair<ScalarNode, CfnValue>(e.Key, v));
            }
        }

        return CfnValue.Map(entries, node);
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

    /// <summary>The items of a list argument of <paramref name="min"/> to <paramref name="max"/> (default: exactly <paramref name="min"/>) items, or null (reported).</summary>
    private List<SyntaxNode>? ArgList(SyntaxNode arg, string fn, int min, int? max = null)
    {
        int most = max ?? min;
        var seq = arg as SequenceNode;
        if (seq is not null && seq.Items.Count >= min && seq.Items.Count <= most)
        {
            return new List<SyntaxNode>(seq.Items);
        }

        string expected = min == most ? $"a list of {min}" : $"a list of {min} to {most}";
        string found = seq is null ? arg.KindName : $"a list of {seq.Items.Count}";
        _run.Report(arg.Location(), $"expected {expected} argument(s) for '{fn}', found {found}");
        return null;
    }

    private CfnValue BadArgument(SyntaxNode arg, string fn, string expected, CfnValue found, SyntaxNode call)
    {
        _run.Report(arg.Location(), $"expected {expected} for '{fn}', found {found.KindName}");
        return CfnValue.Unknown("bad " + fn, call);
    }
}

