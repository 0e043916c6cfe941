using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Fn::ImportValue across the stacks of a run, and the imports it could not resolve.</summary>
internal sealed partial class IntrinsicResolver
{
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
}
