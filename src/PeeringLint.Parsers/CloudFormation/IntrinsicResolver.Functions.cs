using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>The string and list functions: Fn::Sub, Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap.</summary>
internal sealed partial class IntrinsicResolver
{
    private CfnValue Sub(SyntaxNode call, SyntaxNode arg, int depth)
    {
        // `!Sub text`, `Fn::Sub: text` or the list form [text, {variables}]; a tagged list in the long form
        // (`Fn::Sub: !Join [...]`) is a function that gives the text.
        SyntaxNode textNode = arg;
        MappingNode? vars = null;
        var seq = arg as SequenceNode;
        if (seq is not null && (ReferenceEquals(arg, call) || arg.Tag is null))
        {
            vars = seq.Items.Count == 2 ? seq.Items[1] as MappingNode : null;
            if (vars is null)
            {
                _run.Report(arg.Location(), "expected 'Fn::Sub' as a string or [string, {variables}]");
                return CfnValue.Unknown("bad Sub", call);
            }

            textNode = seq.Items[0];
        }

        var template = ReferenceEquals(textNode, call) ? Plain(textNode, depth) : Resolve(textNode, depth);
        if (!template.IsString)
        {
            return template.IsUnknown ? CfnValue.Unknown("Fn::Sub of an unknown string", call) : BadArgument(arg, "Fn::Sub", "a string", template, call);
        }

        string text = template.Text!;
        var sb = new StringBuilder();
        string? unknown = null;
        int i = 0;
        while (true)
        {
            int open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            sb.Append(text, i, open - i);
            int close = text.IndexOf('}', open + 2);
            if (close == -1)
            {
                sb.Append(text, open, text.Length - open);
                break;
            }

            string name = text.Substring(open + 2, close - open - 2);
            i = close + 1;
            if (name.StartsWith("!", StringComparison.Ordinal))
            {
                sb.Append("${").Append(name.Substring(1)).Append('}');
                continue;
            }

            name = name.Trim();
            var varNode = vars?.Get(name);
            int dot = name.IndexOf('.');
            CfnValue v;
            if (varNode is not null)
            {
                v = Resolve(varNode, depth);
            }
            else if (dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                // ${Resource.Attribute}, as Fn::GetAtt.
                string logical = name.Substring(0, dot);
                var r = ResourceNamed(logical);
                if (r is null)
                {
                    _run.Report(call.Location(), $"'Fn::Sub' refers to '${{{name}}}', but '{logical}' is not a resource of this template");
                    return CfnValue.Unknown("Sub of nothing", call);
                }

                v = r.Created ? Attribute(r, name.Substring(dot + 1), call, depth) : CfnValue.Unknown("not created", call);
            }
            else
            {
                v = RefName(name, call, depth);
            }

            if (v.IsString)
            {
                sb.Append(v.Text);
            }
            else
            {
                unknown ??= v.Kind == CfnKind.Resource ? $"'${{{name}}}' is a physical id known only after deployment" : $"'${{{name}}}' is unknown";
            }
        }

        return unknown is null ? CfnValue.Str(sb.ToString(), call) : CfnValue.Unknown(unknown, call);
    }

    private CfnValue Join(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var args = ArgList(arg, "Fn::Join", 2);
        if (args is null)
        {
            return CfnValue.Unknown("bad Join", call);
        }

        var delim = Resolve(args[0], depth);
        var list = Resolve(args[1], depth);
        if (!delim.IsString || list.Kind != CfnKind.List)
        {
            return list.IsUnknown || delim.IsUnknown ? CfnValue.Unknown("Fn::Join of an unknown list", call) : BadArgument(arg, "Fn::Join", "[delimiter, [values]]", list, call);
        }

        var parts = new List<string>();
        foreach (var item in list.Items)
        {
            if (!item.IsString)
            {
                return CfnValue.Unknown("Fn::Join of an unknown value", call);
            }

            parts.Add(item.Text!);
        }

        return CfnValue.Str(string.Join(delim.Text, parts), call);
    }

    private CfnValue Select(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var args = ArgList(arg, "Fn::Select", 2);
        if (args is null)
        {
            return CfnValue.Unknown("bad Select", call);
        }

        var index = Resolve(args[0], depth);
        var list = Resolve(args[1], depth);
        if (list.Kind != CfnKind.List)
        {
            return list.IsUnknown || list.Kind == CfnKind.Resource ? CfnValue.Unknown("Fn::Select from an unknown list", call, list.MayBeResource) : BadArgument(arg, "Fn::Select", "[index, [values]]", list, call);
        }

        if (index.IsUnknown)
        {
            return CfnValue.Unknown("Fn::Select with an unknown index", call, list.ContainsResource());
        }

        int k = IndexOf(index);
        if (k < 0)
        {
            _run.Report(args[0].Location(), $"expected a non-negative integer index for 'Fn::Select', found '{index}'");
            return CfnValue.Unknown("bad index", call);
        }

        if (k >= list.Items.Count)
        {
            _run.Report(args[0].Location(), $"'Fn::Select' index {k} is out of range: the list has {list.Items.Count} item(s)");
            return CfnValue.Unknown("index out of range", call);
        }

        return list.Items[k].At(call);
    }

    /// <summary>A string of decimal digits as a non-negative index; -1 for anything else.</summary>
    private static int IndexOf(CfnValue index)
    {
        if (!index.IsString)
        {
            return -1;
        }

        bool parsed = int.TryParse(index.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int k);
        return parsed ? k : -1;
    }

    private CfnValue Split(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var args = ArgList(arg, "Fn::Split", 2);
        if (args is null)
        {
            return CfnValue.Unknown("bad Split", call);
        }

        var delim = Resolve(args[0], depth);
        var source = Resolve(args[1], depth);
        if (!delim.IsString || !source.IsString)
        {
            return CfnValue.Unknown("Fn::Split of an unknown string", call);
        }

        var items = new List<CfnValue>();
        // An empty delimiter splits nothing (String.Split ignores an empty separator): one item, the whole string.
        foreach (var part in source.Text!.Split(new[] { delim.Text! }, StringSplitOptions.None))
        {
            items.Add(CfnValue.Str(part, call));
        }

        return CfnValue.List(items, call);
    }

    private CfnValue FindInMap(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var args = ArgList(arg, "Fn::FindInMap", 3, 4);
        if (args is null)
        {
            return CfnValue.Unknown("bad FindInMap", call);
        }

        SyntaxNode? defaultNode = null;
        if (args.Count == 4)
        {
            defaultNode = (args[3] as MappingNode)?.Get("DefaultValue");
        }

        var mapName = Resolve(args[0], depth);
        var top = Resolve(args[1], depth);
        var second = Resolve(args[2], depth);
        if (!mapName.IsString || !top.IsString || !second.IsString)
        {
            return CfnValue.Unknown("Fn::FindInMap with an unknown key", call);
        }

        var map = _t.Mappings?.Get(mapName.Text!) as MappingNode;
        var level = map?.Get(top.Text!) as MappingNode;
        var value = level?.Get(second.Text!);
        if (value is null)
        {
            if (defaultNode is not null)
            {
                return Resolve(defaultNode, depth).At(call);
            }

            string what = map is null ? $"mapping '{mapName.Text}' does not exist" : level is null ? $"mapping '{mapName.Text}' has no key '{top.Text}'" : $"mapping '{mapName.Text}'/'{top.Text}' has no key '{second.Text}'";
            _run.Report(call.Location(), $"'Fn::FindInMap': {what}");
            return CfnValue.Unknown("FindInMap of nothing", call);
        }

        return Resolve(value, depth).At(call);
    }
}
