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

        bool exported = _run.Exports.TryGetValue(name.Text!, out var export);
        if (!exported)
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
            return _run.ResolverFor(export.Template).Resolve(export.Value, depth).At(call);
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
        // The short form's argument is the tagged node itself: only a long-form function in it is a function.
        bool shortForm = ReferenceEquals(arg, call);
        string fn;
        SyntaxNode inner;
        bool function = shortForm ? TryGetLongForm(arg, out fn, out inner) : TryGetIntrinsic(arg, out fn, out inner);
        SyntaxNode node = arg;
        if (function)
        {
            if (fn != "Fn::Sub")
            {
                return null;
            }

            // Fn::Sub's text: the node itself (`!Sub text`, `Fn::Sub: text`) or the first item of its list form.
            node = inner;
            var list = inner as SequenceNode;
            bool listForm = ReferenceEquals(inner, arg) || inner.Tag is null;
            if (list is not null && list.Items.Count > 0 && listForm)
            {
                node = list.Items[0];
            }
        }

        var scalar = node as ScalarNode;
        return scalar is not null && scalar.Kind == ScalarKind.String ? scalar.Value : null;
    }
}
