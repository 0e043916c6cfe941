using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PeeringLint.Addressing;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>State shared by the resolvers of one run: parameters, exports, problems, cycle guards.</summary>
internal sealed class CfnRun
{
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly Dictionary<Template, IntrinsicResolver> _resolvers = new();

    public CfnRun(IReadOnlyDictionary<string, string> parameters, List<InputProblem> problems)
    {
        Parameters = parameters;
        Problems = problems;
    }

    public IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Parameters whose value is deliberately unknown for every template (UsePreviousValue).</summary>
    public IReadOnlyCollection<string> UnknownParameters { get; init; } = Array.Empty<string>();

    public List<InputProblem> Problems { get; }

    /// <summary>Nested stack instances, by the <c>AWS::CloudFormation::Stack</c> resource that creates each.</summary>
    public Dictionary<TemplateResource, Template> Nested { get; } = new();

    /// <summary>Fn::ImportValue uses whose export is not among the inputs, by location (each listed once).</summary>
    public Dictionary<SourceLocation, UnresolvedImport> UnresolvedImports { get; } = new();

    /// <summary>A value given for every template (configuration, parameter files, --parameter), or null.</summary>
    public string? Global(string name) => Parameters.TryGetValue(name, out var v) ? v : null;

    /// <summary>The account a template is deployed in: its stack's, else the global AWS::AccountId, else null.</summary>
    public string? AccountOf(Template t) => t.Stack?.Account ?? Global("AWS::AccountId");

    /// <summary>The region a template is deployed in: its stack's, else the global AWS::Region, else null.</summary>
    public string? RegionOf(Template t) => t.Stack?.Region ?? Global("AWS::Region");

    /// <summary>Export name → (exporting template, the output's Value node).</summary>
    public Dictionary<string, (Template Template, SyntaxNode Value)> Exports { get; } = new(StringComparer.Ordinal);

    /// <summary>Evaluations in progress (GetAtt of a property, exports, conditions): a repeat is a cycle.</summary>
    public HashSet<string> InProgress { get; } = new(StringComparer.Ordinal);

    /// <summary>VPCs (by model id) whose default security group a template refers to.</summary>
    public Dictionary<string, TemplateResource> DefaultGroupsUsed { get; } = new(StringComparer.Ordinal);

    public IntrinsicResolver ResolverFor(Template t)
    {
        if (!_resolvers.TryGetValue(t, out var r))
        {
            _resolvers[t] = r = new IntrinsicResolver(t, this);
        }

        return r;
    }

    public void Report(SourceLocation location, string message, InputProblemSeverity severity = InputProblemSeverity.Error)
    {
        if (_reported.Add(location.ToString() + "|" + message))
        {
            Problems.Add(new InputProblem(location, message, severity));
        }
    }
}

/// <summary>
/// Resolves CloudFormation intrinsic functions statically, as cfn-lint-class tools do. Short-form YAML tags
/// (<c>!Ref</c>, <c>!GetAtt a.b</c>, ...) are read as their long forms in <see cref="TryGetIntrinsic"/>, the
/// one place that knows both. Whatever cannot be determined becomes <see cref="CfnKind.Unknown"/>; problems
/// (references to nothing, cycles, bad arguments) are reported with their location and never thrown.
/// </summary>
internal sealed class IntrinsicResolver
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

    private CfnValue Ref(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var nameValue = ResolveArgument(arg, call, depth);
        if (!nameValue.IsString)
        {
            _run.Report(arg.Location(), $"expected a name for 'Ref', found {nameValue.KindName}");
            return CfnValue.Unknown("bad Ref", call);
        }

        return RefName(nameValue.Text!, call, depth);
    }

    private CfnValue RefName(string name, SyntaxNode call, int depth)
    {
        if (name == "AWS::NoValue")
        {
            return CfnValue.NoValue(call);
        }

        if (_t.Stack is { } stack)
        {
            string? pseudo = name switch
            {
                "AWS::StackName" => stack.Name,
                "AWS::AccountId" => stack.Account,
                "AWS::Region" => stack.Region,
                _ => null,
            };
            if (pseudo is not null)
            {
                return CfnValue.Str(pseudo, call);
            }

            if (stack.Parameters.TryGetValue(name, out var own))
            {
                return ParameterValue(name, own, call);
            }

            if (System.Linq.Enumerable.Contains(stack.UnknownParameters, name))
            {
                return CfnValue.Unknown($"parameter '{name}' keeps its previous value (UsePreviousValue), which is not known offline", call);
            }
        }

        if (_t.Parent is { } parent && _t.Parameters?.Get(name) is not null && _t.PassedParameters?.Get(name) is { } passed)
        {
            return Passed(parent, name, passed, call, depth);
        }

        if (_t.Parent is not null && name == "AWS::StackName")
        {
            return CfnValue.Unknown("a nested stack's name is chosen by CloudFormation at deploy time", call);
        }

        if (_run.Parameters.TryGetValue(name, out var given))
        {
            return ParameterValue(name, given, call);
        }

        if (System.Linq.Enumerable.Contains(_run.UnknownParameters, name))
        {
            return CfnValue.Unknown($"parameter '{name}' keeps its previous value (UsePreviousValue), which is not known offline", call);
        }

        if (Array.IndexOf(PseudoParameters, name) >= 0)
        {
            return name == "AWS::AccountId" ? CfnValue.AccountId(call) : CfnValue.Unknown($"the pseudo parameter {name} is not given (--parameter {name}=...)", call);
        }

        if (_t.Parameters?.Get(name) is { } p)
        {
            if ((p as MappingNode)?.Get("Type") is ScalarNode { Value: { } ptype } && ptype.StartsWith("AWS::SSM::Parameter::", StringComparison.Ordinal))
            {
                // The default is the name of an SSM parameter; its value is read at deploy time.
                return CfnValue.Unknown($"parameter '{name}' is read from SSM Parameter Store at deploy time", call);
            }

            var def = p is MappingNode pm ? pm.Get("Default") : null;
            if (def is null || def is ScalarNode { Kind: ScalarKind.Null })
            {
                return CfnValue.Unknown($"parameter '{name}' has no default and no value was given (--parameter {name}=...)", call);
            }

            var dv = Resolve(def, depth + 1);
            if (dv.IsString)
            {
                return ParameterValue(name, dv.Text!, call);
            }

            return dv.At(call);
        }

        if (_t.Resources.TryGetValue(name, out var r))
        {
            return r.Created ? CfnValue.Resource(r.ModelId, call) : CfnValue.Unknown($"resource '{name}' is not created (its condition is false)", call);
        }

        _run.Report(call.Location(), $"'Ref' to '{name}', which is neither a parameter nor a resource of this template");
        return CfnValue.Unknown("Ref to nothing", call);
    }

    /// <summary>A nested stack's parameter: the value its parent passes, read in the parent (guarded against cycles).</summary>
    private CfnValue Passed(TemplateResource parent, string name, SyntaxNode passed, SyntaxNode call, int depth)
    {
        string key = "passed|" + _t.Describe + "|" + name;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: parameter '{name}' of nested stack '{parent.LogicalId}' depends on itself");
            return CfnValue.Unknown("circular reference", call);
        }

        try
        {
            var v = _run.ResolverFor(parent.Template).Resolve(passed, depth + 1);
            return v.IsString ? ParameterValue(name, v.Text!, call) : v.At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }

    private CfnValue ParameterValue(string name, string text, SyntaxNode call)
    {
        string? type = (_t.Parameters?.Get(name) as MappingNode)?.Get("Type") is ScalarNode { Value: { } ty } ? ty : null;
        if (type is not null && (type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList"))
        {
            var items = new List<CfnValue>();
            foreach (var part in text.Split(','))
            {
                items.Add(CfnValue.Str(part.Trim(), call));
            }

            return CfnValue.List(items, call);
        }

        return CfnValue.Str(text, call);
    }

    private CfnValue GetAtt(SyntaxNode call, SyntaxNode arg, int depth)
    {
        string? logical;
        string? attribute;
        if (arg is ScalarNode s && (ReferenceEquals(arg, call) || s.Tag is null))
        {
            string text = s.Value ?? string.Empty;
            int dot = text.IndexOf('.');
            logical = dot > 0 ? text.Substring(0, dot) : null;
            attribute = dot > 0 ? text.Substring(dot + 1) : null;
        }
        else if (arg is SequenceNode { Items.Count: 2 } seq)
        {
            logical = Resolve(seq.Items[0], depth + 1) is { IsString: true } l ? l.Text : null;
            attribute = Resolve(seq.Items[1], depth + 1) is { IsString: true } a ? a.Text : null;
            if (attribute is null && logical is not null)
            {
                return CfnValue.Unknown("Fn::GetAtt with an unknown attribute name", call);
            }
        }
        else
        {
            logical = null;
            attribute = null;
        }

        if (logical is null || attribute is null)
        {
            _run.Report(arg.Location(), "expected 'Fn::GetAtt' as [resource, attribute] or \"resource.attribute\"");
            return CfnValue.Unknown("bad GetAtt", call);
        }

        if (!_t.Resources.TryGetValue(logical, out var r))
        {
            _run.Report(call.Location(), $"'Fn::GetAtt' of '{logical}', which is not a resource of this template");
            return CfnValue.Unknown("GetAtt of nothing", call);
        }

        if (!r.Created)
        {
            return CfnValue.Unknown($"resource '{logical}' is not created (its condition is false)", call);
        }

        return Attribute(r, attribute, call, depth);
    }

    private CfnValue Attribute(TemplateResource r, string attribute, SyntaxNode call, int depth)
    {
        switch (r.Type, attribute)
        {
            case ("AWS::EC2::VPC", "VpcId"):
            case ("AWS::EC2::SecurityGroup", "GroupId"):
            case ("AWS::EC2::Subnet", "SubnetId"):
            case ("AWS::EC2::RouteTable", "RouteTableId"):
            case ("AWS::EC2::InternetGateway", "InternetGatewayId"):
            case ("AWS::EC2::VPCPeeringConnection", "Id"):
            case ("AWS::EC2::NetworkAcl", "Id"):
            case ("AWS::EC2::NatGateway", "NatGatewayId"):
            case ("AWS::EC2::EIP", "AllocationId"):
            case ("AWS::EC2::EIP", "PublicIp"):
                return CfnValue.Resource(r.ModelId, call);
            case ("AWS::EC2::VPC", "DefaultSecurityGroup"):
                _run.DefaultGroupsUsed[r.ModelId] = r;
                return CfnValue.Resource(CloudFormationIds.DefaultSecurityGroup(r.ModelId), call);
            case ("AWS::EC2::VPC", "CidrBlock"):
            case ("AWS::EC2::Subnet", "CidrBlock"):
            case ("AWS::EC2::Subnet", "VpcId"):
            case ("AWS::EC2::Subnet", "AvailabilityZone"):
            case ("AWS::EC2::SecurityGroup", "VpcId"):
                return PropertyOf(r, attribute, call, depth);
            case ("AWS::CloudFormation::Stack", _) when attribute.StartsWith("Outputs.", StringComparison.Ordinal):
                return NestedOutput(r, attribute.Substring("Outputs.".Length), call, depth);
            default:
                return CfnValue.Unknown($"attribute {r.LogicalId}.{attribute} is only known after deployment", call);
        }
    }

    /// <summary>An output of a nested stack (<c>Fn::GetAtt Child.Outputs.Name</c>), read in the child (guarded against cycles).</summary>
    private CfnValue NestedOutput(TemplateResource r, string output, SyntaxNode call, int depth)
    {
        if (!_run.Nested.TryGetValue(r, out var child))
        {
            return CfnValue.Unknown($"the template of nested stack '{r.LogicalId}' is not read (its TemplateURL is not a local file among or next to the inputs)", call);
        }

        if ((child.Outputs?.Get(output) as MappingNode)?.Get("Value") is not { } value)
        {
            _run.Report(call.Location(), $"nested stack '{r.LogicalId}' ({child.File.Path}) has no output '{output}'");
            return CfnValue.Unknown("output of nothing", call);
        }

        string key = "output|" + child.Describe + "|" + output;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: output '{output}' of nested stack '{r.LogicalId}' depends on itself");
            return CfnValue.Unknown("circular reference", call);
        }

        try
        {
            return _run.ResolverFor(child).Resolve(value, depth + 1).At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }

    /// <summary>A property of another resource (GetAtt VPC.CidrBlock), guarded against cycles.</summary>
    private CfnValue PropertyOf(TemplateResource r, string property, SyntaxNode call, int depth)
    {
        var node = r.Properties?.Get(property);
        if (node is null)
        {
            return CfnValue.Unknown($"{r.LogicalId} has no {property}", call);
        }

        string key = _t.Describe + "|" + r.LogicalId + "." + property;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: {r.LogicalId}.{property} depends on itself through Fn::GetAtt/Fn::Sub");
            return CfnValue.Unknown("circular reference", call);
        }

        try
        {
            return Resolve(node, depth + 1).At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }

    private CfnValue Sub(SyntaxNode call, SyntaxNode arg, int depth)
    {
        SyntaxNode? textNode;
        MappingNode? vars = null;
        if (arg is SequenceNode seq && (ReferenceEquals(arg, call) || arg.Tag is null))
        {
            if (seq.Items.Count != 2 || seq.Items[1] is not MappingNode vm)
            {
                _run.Report(arg.Location(), "expected 'Fn::Sub' as a string or [string, {variables}]");
                return CfnValue.Unknown("bad Sub", call);
            }

            textNode = seq.Items[0];
            vars = vm;
        }
        else
        {
            textNode = arg;
        }

        var template = ReferenceEquals(textNode, call) ? Plain(textNode, depth) : Resolve(textNode, depth + 1);
        if (!template.IsString)
        {
            return template.IsUnknown ? CfnValue.Unknown("Fn::Sub of an unknown string", call) : BadArgument(arg, "Fn::Sub", "a string", template, call);
        }

        string text = template.Text!;
        var sb = new StringBuilder();
        string? unknown = null;
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                sb.Append(text, i, text.Length - i);
                break;
            }

            sb.Append(text, i, open - i);
            int close = text.IndexOf('}', open + 2);
            if (close < 0)
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
            CfnValue v;
            if (vars?.Get(name) is { } varNode)
            {
                v = Resolve(varNode, depth + 1);
            }
            else if (name.IndexOf('.') is int dot && dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal))
            {
                string logical = name.Substring(0, dot);
                if (!_t.Resources.TryGetValue(logical, out var r))
                {
                    _run.Report(call.Location(), $"'Fn::Sub' refers to '${{{name}}}', but '{logical}' is not a resource of this template");
                    return CfnValue.Unknown("Sub of nothing", call);
                }

                v = r.Created ? Attribute(r, name.Substring(dot + 1), call, depth + 1) : CfnValue.Unknown("not created", call);
            }
            else
            {
                v = RefName(name, call, depth + 1);
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
        if (ArgList(arg, call, "Fn::Join", 2) is not { } args)
        {
            return CfnValue.Unknown("bad Join", call);
        }

        var delim = Resolve(args[0], depth + 1);
        var list = Resolve(args[1], depth + 1);
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
        if (ArgList(arg, call, "Fn::Select", 2) is not { } args)
        {
            return CfnValue.Unknown("bad Select", call);
        }

        var index = Resolve(args[0], depth + 1);
        var list = Resolve(args[1], depth + 1);
        if (list.Kind != CfnKind.List)
        {
            return list.IsUnknown || list.Kind == CfnKind.Resource ? CfnValue.Unknown("Fn::Select from an unknown list", call, list.MayBeResource) : BadArgument(arg, "Fn::Select", "[index, [values]]", list, call);
        }

        if (!index.IsString || !int.TryParse(index.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int k))
        {
            if (index.IsUnknown)
            {
                return CfnValue.Unknown("Fn::Select with an unknown index", call, list.ContainsResource());
            }

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

    private CfnValue Split(SyntaxNode call, SyntaxNode arg, int depth)
    {
        if (ArgList(arg, call, "Fn::Split", 2) is not { } args)
        {
            return CfnValue.Unknown("bad Split", call);
        }

        var delim = Resolve(args[0], depth + 1);
        var source = Resolve(args[1], depth + 1);
        if (!delim.IsString || !source.IsString)
        {
            return CfnValue.Unknown("Fn::Split of an unknown string", call);
        }

        var items = new List<CfnValue>();
        foreach (var part in delim.Text!.Length == 0 ? new[] { source.Text! } : source.Text!.Split(new[] { delim.Text }, StringSplitOptions.None))
        {
            items.Add(CfnValue.Str(part, call));
        }

        return CfnValue.List(items, call);
    }

    private CfnValue If(SyntaxNode call, SyntaxNode arg, int depth)
    {
        if (ArgList(arg, call, "Fn::If", 3) is not { } args)
        {
            return CfnValue.Unknown("bad If", call);
        }

        var condName = Resolve(args[0], depth + 1);
        if (!condName.IsString)
        {
            _run.Report(args[0].Location(), "expected a condition name as the first argument of 'Fn::If'");
            return CfnValue.Unknown("bad If", call);
        }

        bool? cond = Condition(condName.Text!, args[0], depth + 1);
        if (cond == true)
        {
            return Resolve(args[1], depth + 1);
        }

        if (cond == false)
        {
            return Resolve(args[2], depth + 1);
        }

        var a = Resolve(args[1], depth + 1);
        var b = Resolve(args[2], depth + 1);
        if (a.SameAs(b))
        {
            return a.At(call);
        }

        return CfnValue.Unknown($"condition '{condName.Text}' cannot be decided", call, a.ContainsResource() || b.ContainsResource());
    }

    private CfnValue FindInMap(SyntaxNode call, SyntaxNode arg, int depth)
    {
        if (ArgList(arg, call, "Fn::FindInMap", 3, 4) is not { } args)
        {
            return CfnValue.Unknown("bad FindInMap", call);
        }

        SyntaxNode? defaultNode = null;
        if (args.Count == 4)
        {
            defaultNode = (args[3] as MappingNode)?.Get("DefaultValue");
        }

        var mapName = Resolve(args[0], depth + 1);
        var top = Resolve(args[1], depth + 1);
        var second = Resolve(args[2], depth + 1);
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
                return Resolve(defaultNode, depth + 1).At(call);
            }

            string what = map is null ? $"mapping '{mapName.Text}' does not exist" : level is null ? $"mapping '{mapName.Text}' has no key '{top.Text}'" : $"mapping '{mapName.Text}'/'{top.Text}' has no key '{second.Text}'";
            _run.Report(call.Location(), $"'Fn::FindInMap': {what}");
            return CfnValue.Unknown("FindInMap of nothing", call);
        }

        return Resolve(value, depth + 1).At(call);
    }

    private CfnValue CidrFunction(SyntaxNode call, SyntaxNode arg, int depth)
    {
        if (ArgList(arg, call, "Fn::Cidr", 3) is not { } args)
        {
            return CfnValue.Unknown("bad Cidr", call);
        }

        var block = Resolve(args[0], depth + 1);
        var count = Resolve(args[1], depth + 1);
        var bits = Resolve(args[2], depth + 1);
        if (!block.IsString || !count.IsString || !bits.IsString)
        {
            return CfnValue.Unknown("Fn::Cidr of an unknown value", call);
        }

        if (!TryCidr(block.Text!, count.Text!, bits.Text!, out var result, out var problem))
        {
            _run.Report(call.Location(), "'Fn::Cidr': " + problem);
            return CfnValue.Unknown("bad Cidr", call);
        }

        var items = new List<CfnValue>(result.Count);
        foreach (var c in result)
        {
            items.Add(CfnValue.Str(c.ToString(), call));
        }

        return CfnValue.List(items, call);
    }

    /// <summary>
    /// AWS's Fn::Cidr: <paramref name="countText"/> consecutive blocks with <paramref name="bitsText"/> host bits
    /// (prefix = 32 or 128 minus cidrBits), in ascending order from the block's network address.
    /// </summary>
    public static bool TryCidr(string blockText, string countText, string bitsText, out IReadOnlyList<Cidr> result, out string? problem)
    {
        result = Array.Empty<Cidr>();
        if (Cidr.TryParse(blockText.Trim(), out var block, out var parseProblem) == CidrParseStatus.Malformed)
        {
            problem = $"'{blockText}' is not a CIDR block ({parseProblem})";
            return false;
        }

        if (!int.TryParse(countText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count) || count < 1 || count > 256)
        {
            problem = $"count '{countText}' must be an integer from 1 to 256";
            return false;
        }

        if (!int.TryParse(bitsText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int bits) || bits < 1 || bits > block.MaxPrefix)
        {
            problem = $"cidrBits '{bitsText}' must be an integer from 1 to {block.MaxPrefix}";
            return false;
        }

        int prefix = block.MaxPrefix - bits;
        if (prefix < block.PrefixLength)
        {
            problem = $"cidrBits {bits} gives /{prefix} blocks, larger than {block}";
            return false;
        }

        int freeBits = prefix - block.PrefixLength;
        if (freeBits < 9 && count > (1 << freeBits))
        {
            problem = $"{block} holds only {1 << freeBits} block(s) of /{prefix}, not {count}";
            return false;
        }

        var list = new List<Cidr>(count);
        ulong hi = block.Hi;
        ulong lo = block.Lo;
        for (int i = 0; i < count; i++)
        {
            list.Add(block.Family == IpFamily.V4 ? Cidr.FromV4((uint)lo, prefix) : Cidr.FromV6(hi, lo, prefix));
            (hi, lo) = AddPower(hi, lo, bits);
        }

        result = list;
        problem = null;
        return true;
    }

    /// <summary>(hi, lo) + 2^power as a 128-bit number.</summary>
    private static (ulong Hi, ulong Lo) AddPower(ulong hi, ulong lo, int power)
    {
        if (power >= 64)
        {
            return power >= 128 ? (hi, lo) : (hi + (1UL << (power - 64)), lo);
        }

        ulong add = 1UL << power;
        ulong sum = lo + add;
        return (sum < lo ? hi + 1 : hi, sum);
    }

    private CfnValue ImportValue(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var name = ResolveArgument(arg, call, depth);
        if (!name.IsString)
        {
            string shown = RawText(arg, call) ?? "(a name computed at deploy time)";
            Unresolved(shown, call);
            return CfnValue.Unknown($"imported from another stack (export name '{shown}' is not known: configure the stack's parameters or name in 'stacks:')", call);
        }

        if (!_run.Exports.TryGetValue(name.Text!, out var export))
        {
            Unresolved(name.Text!, call);
            return CfnValue.Unknown($"imported from another stack (export '{name.Text}' is not in the inputs)", call);
        }

        string key = "export|" + name.Text;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: export '{name.Text}' imports itself");
            return CfnValue.Unknown("circular import", call);
        }

        try
        {
            return _run.ResolverFor(export.Template).Resolve(export.Value, depth + 1).At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }

    private void Unresolved(string name, SyntaxNode call)
    {
        var at = call.Location();
        if (!_run.UnresolvedImports.ContainsKey(at))
        {
            _run.UnresolvedImports[at] = new UnresolvedImport(name, at);
        }
    }

    /// <summary>The text of an export name that could not be resolved, as written (<c>${NetworkStack}-VpcId</c>), or null.</summary>
    private static string? RawText(SyntaxNode arg, SyntaxNode call)
    {
        var node = arg;
        if (TryGetIntrinsic(arg, out var fn, out var inner) && !ReferenceEquals(arg, call))
        {
            if (fn != "Fn::Sub")
            {
                return null;
            }

            node = inner is SequenceNode { Items.Count: > 0 } seq && (ReferenceEquals(inner, arg) || inner.Tag is null) ? seq.Items[0] : inner;
        }
        else if (ReferenceEquals(arg, call) && arg is not ScalarNode)
        {
            return null;
        }

        return node is ScalarNode { Kind: ScalarKind.String, Value: { } text } ? text : null;
    }

    /// <summary>Evaluates a named condition: true, false, or null when it cannot be decided.</summary>
    public bool? Condition(string name, SyntaxNode at, int depth = 0)
    {
        if (_conditions.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var node = _t.Conditions?.Get(name);
        if (node is null)
        {
            _run.Report(at.Location(), $"condition '{name}' is not defined in 'Conditions'");
            return null;
        }

        string key = _t.Describe + "|condition|" + name;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(at.Location(), $"circular reference: condition '{name}' depends on itself");
            return null;
        }

        bool? result;
        try
        {
            result = EvaluateCondition(node, depth + 1);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }

        _conditions[name] = result;
        return result;
    }

    private bool? EvaluateCondition(SyntaxNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            _run.Report(node.Location(), $"conditions are nested deeper than {MaxDepth} levels");
            return null;
        }

        if (!TryGetIntrinsic(node, out var fn, out var arg, allowCondition: true))
        {
            var v = Resolve(node, depth + 1);
            return v.IsString && bool.TryParse(v.Text, out bool b) ? b : null;
        }

        switch (fn)
        {
            case "Condition":
                {
                    var name = ResolveArgument(arg, node, depth);
                    return name.IsString ? Condition(name.Text!, node, depth + 1) : null;
                }

            case "Fn::Equals":
                {
                    if (ArgList(arg, node, fn, 2) is not { } args)
                    {
                        return null;
                    }

                    var a = Resolve(args[0], depth + 1);
                    var b = Resolve(args[1], depth + 1);
                    if (a.IsUnknown || b.IsUnknown || a.ContainsResource() || b.ContainsResource())
                    {
                        return a.Kind == CfnKind.Resource && b.Kind == CfnKind.Resource && a.SameAs(b) ? true : null;
                    }

                    return a.SameAs(b);
                }

            case "Fn::Not":
                {
                    if (ArgList(arg, node, fn, 1) is not { } args)
                    {
                        return null;
                    }

                    bool? v = EvaluateCondition(args[0], depth + 1);
                    return v is null ? null : !v;
                }

            case "Fn::And":
            case "Fn::Or":
                {
                    if (ArgList(arg, node, fn, 1, 10) is not { } args)
                    {
                        return null;
                    }

                    bool isAnd = fn == "Fn::And";
                    bool undecided = false;
                    foreach (var a in args)
                    {
                        bool? v = EvaluateCondition(a, depth + 1);
                        if (v is null)
                        {
                            undecided = true;
                        }
                        else if (v.Value != isAnd)
                        {
                            return !isAnd;
                        }
                    }

                    return undecided ? null : isAnd;
                }

            case "Fn::If":
                {
                    var v = If(node, arg, depth);
                    return v.IsString && bool.TryParse(v.Text, out bool b) ? b : null;
                }

            default:
                return null;
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

/// <summary>Ids PeeringLint gives to what AWS creates implicitly for a template VPC.</summary>
internal static class CloudFormationIds
{
    public static string MainRouteTable(string vpcId) => vpcId + ".MainRouteTable";

    public static string DefaultSecurityGroup(string vpcId) => vpcId + ".DefaultSecurityGroup";
}
