using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Conditions: Fn::If and the named conditions (Fn::And, Fn::Or, Fn::Not, Fn::Equals, Condition).</summary>
internal sealed partial class IntrinsicResolver
{
    private CfnValue If(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var args = ArgList(arg, "Fn::If", 3);
        if (args is null)
        {
            return CfnValue.Unknown("bad If", call);
        }

        var condName = Resolve(args[0], depth);
        if (!condName.IsString)
        {
            _run.Report(args[0].Location(), "expected a condition name as the first argument of 'Fn::If'");
            return CfnValue.Unknown("bad If", call);
        }

        bool? cond = Condition(condName.Text!, args[0], depth);
        if (cond == true)
        {
            return Resolve(args[1], depth);
        }

        if (cond == false)
        {
            return Resolve(args[2], depth);
        }

        var a = Resolve(args[1], depth);
        var b = Resolve(args[2], depth);
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
            result = EvaluateCondition(node, depth);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }

        _conditions[name] = result;
        return result;
    }

    /// <summary>Evaluates a condition inside one nested <paramref name="parentDepth"/> levels deep; each condition function is one level, as in <see cref="Resolve(SyntaxNode, int)"/>.</summary>
    private bool? EvaluateCondition(SyntaxNode node, int parentDepth)
    {
        int depth = parentDepth + 1;
        if (depth > MaxDepth)
        {
            _run.Report(node.Location(), $"conditions are nested deeper than {MaxDepth} levels");
            return null;
        }

        if (!TryGetIntrinsic(node, out var fn, out var arg, allowCondition: true))
        {
            return AsBool(Resolve(node, depth));
        }

        switch (fn)
        {
            case "Condition":
                {
                    var name = ResolveArgument(arg, node, depth);
                    return name.IsString ? Condition(name.Text!, node, depth) : null;
                }

            case "Fn::Equals":
                {
                    var args = ArgList(arg, fn, 2);
                    if (args is null)
                    {
                        return null;
                    }

                    var a = Resolve(args[0], depth);
                    var b = Resolve(args[1], depth);
                    if (a.SameAs(b))
                    {
                        return true;
                    }

                    // Different texts are decided; an unknown value or a resource's physical id may equal anything.
                    return Undecided(a) || Undecided(b) ? null : false;
                }

            case "Fn::Not":
                {
                    var args = ArgList(arg, fn, 1);
                    if (args is null)
                    {
                        return null;
                    }

                    // An undecided condition stays undecided (the lifted ! of null is null).
                    return !EvaluateCondition(args[0], depth);
                }

            case "Fn::And":
            case "Fn::Or":
                {
                    // CloudFormation takes 2 to 10 conditions and rejects the template otherwise.
                    var args = ArgList(arg, fn, 2, 10);
                    if (args is null)
                    {
                        return null;
                    }

                    bool isAnd = fn == "Fn::And";
                    bool undecided = false;
                    foreach (var a in args)
                    {
                        bool? v = EvaluateCondition(a, depth);
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
                    return AsBool(If(node, arg, depth));
                }

            default:
                return null;
        }
    }

    /// <summary>A string "true" or "false" (any case) as a condition's value; null for anything else.</summary>
    private static bool? AsBool(CfnValue v)
    {
        bool parsed = bool.TryParse(v.Text, out bool b);
        return parsed ? b : null;
    }

    /// <summary>True when the value is, or holds, an unknown value or a resource (whose physical id is not known).</summary>
    private static bool Undecided(CfnValue v)
    {
        if (v.IsUnknown || v.Kind == CfnKind.Resource)
        {
            return true;
        }

        foreach (var i in v.Items)
        {
            if (Undecided(i))
            {
                return true;
            }
        }

        foreach (var e in v.Entries)
        {
            if (Undecided(e.Value))
            {
                return true;
            }
        }

        return false;
    }
}
