using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Conditions: Fn::If and the named conditions (Fn::And, Fn::Or, Fn::Not, Fn::Equals, Condition).</summary>
internal sealed partial class IntrinsicResolver
{
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
}
