using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// Collects the templates of one run in <see cref="Add"/> and builds the model in <see cref="Complete"/>, so
/// that logical ids can be qualified when they collide (each template is a stack of its own) and
/// Fn::ImportValue can join across templates.
/// </summary>
internal sealed class CloudFormationReader : FormatReader<Template>, IFormatReaderReport
{
    /// <summary>Nested stacks are followed this many levels deep at most.</summary>
    public const int MaxNestingDepth = 10;

    private readonly LoadOptions _options;
    private List<Template> _templates = new();
    private readonly List<SourceDocument> _extraDocuments = new();
    private readonly List<string> _notes = new();
    private IReadOnlyList<UnresolvedImport> _unresolved = Array.Empty<UnresolvedImport>();

    public CloudFormationReader(LoadOptions options)
    {
        _options = options;
    }

    public override Template? Map(ParsedFile file, List<InputProblem> problems) => Template.Read(file, problems);

    public override void Add(Template template, List<InputProblem> problems) => _templates.Add(template);

    public IReadOnlyList<SourceDocument> ExtraDocuments => _extraDocuments;

    public IReadOnlyList<string> Notes => _notes;

    public IReadOnlyList<UnresolvedImport> UnresolvedImports => _unresolved;

    public override void Complete(NetworkModelBuilder builder, List<InputProblem> problems)
    {
        var run = new CfnRun(_options.Parameters, problems) { UnknownParameters = _options.UnknownParameters };
        foreach (var t in _templates)
        {
            t.Stack = _options.StackFor?.Invoke(t.File.Path);
        }

        _templates = new NestedStacks(_options, run, _extraDocuments, _notes).Expand(_templates);
        AssignIds(builder);
        foreach (var t in _templates)
        {
            DependencyCycles.Report(t, run);
        }

        CollectExports(run);
        foreach (var t in _templates)
        {
            var resolver = run.ResolverFor(t);
            foreach (var r in t.ResourceOrder)
            {
                if (r.Body.Get("Condition") is { } cond)
                {
                    string? name = (cond as ScalarNode)?.Value;
                    if (name is null)
                    {
                        run.Report(cond.Location("Resources/" + r.LogicalId + "/Condition"), $"expected a condition name for 'Condition' of '{r.LogicalId}', found {cond.KindName}");
                        continue;
                    }

                    if (resolver.Condition(name, cond) == false)
                    {
                        r.Created = false;
                    }
                }
            }
        }

        // A nested stack whose AWS::CloudFormation::Stack resource is not created creates nothing (parents come first).
        foreach (var t in _templates)
        {
            if (t.Parent is { Created: false })
            {
                foreach (var r in t.ResourceOrder)
                {
                    r.Created = false;
                }
            }
        }

        new ResourceMapper(run, _templates).Build(builder);
        _unresolved = run.UnresolvedImports.Values.OrderBy(u => u.Location).ToArray();
    }

    /// <summary>
    /// Every template is a stack of its own: a logical id that several templates of the run use, or that is
    /// already the id of an element another format read (a tutorial name), becomes "key/logical id", where the
    /// key is the file name without extension, lengthened from the display path until the run's templates have
    /// distinct keys (<see cref="FileKeys"/>). Other logical ids stay as they are, so a single template's ids
    /// (and the fingerprints built from them) do not depend on what else is linted.
    /// </summary>
    private void AssignIds(NetworkModelBuilder builder)
    {
        var keys = FileKeys.For(_templates.Where(t => t.Parent is null).Select(t => t.File.Path).ToList());
        int k = 0;
        foreach (var t in _templates)
        {
            // A nested stack's key is its parent's and the resource that creates it (parents come first), so that a
            // template nested twice gives distinct ids.
            t.Stem = t.Parent is { } parent ? parent.Template.Stem + "/" + parent.LogicalId : keys[k++];
        }

        var taken = IdsOf(builder);
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in _templates)
        {
            foreach (var id in t.Resources.Keys)
            {
                count[id] = count.TryGetValue(id, out int c) ? c + 1 : 1;
            }
        }

        foreach (var t in _templates)
        {
            foreach (var r in t.ResourceOrder)
            {
                r.ModelId = count[r.LogicalId] > 1 || taken.Contains(r.LogicalId) ? t.Stem + "/" + r.LogicalId : r.LogicalId;
            }
        }
    }

    /// <summary>The ids of the elements other formats of the run have already written.</summary>
    private static HashSet<string> IdsOf(NetworkModelBuilder b)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in b.All())
        {
            ids.Add(e.Id);
        }

        return ids;
    }

    private void CollectExports(CfnRun run)
    {
        foreach (var t in _templates)
        {
            if (t.Outputs is null)
            {
                continue;
            }

            var resolver = run.ResolverFor(t);
            foreach (var o in t.Outputs.Entries)
            {
                if (o.Value is not MappingNode output || (output.Get("Export") as MappingNode)?.Get("Name") is not { } nameNode || output.Get("Value") is not { } value)
                {
                    continue;
                }

                string? name = resolver.ResolveString(nameNode);
                if (name is null)
                {
                    continue;
                }

                if (run.Exports.TryGetValue(name, out var first) && !ReferenceEquals(first.Template, t))
                {
                    run.Report(nameNode.Location("Outputs/" + o.Key.Value + "/Export/Name"), $"export name '{name}' is also exported by {first.Template.File.Path}; CloudFormation export names must be unique in a region");
                    continue;
                }

                run.Exports[name] = (t, value);
            }
        }
    }
}

/// <summary>Resources that depend on each other through Ref, Fn::GetAtt or Fn::Sub: CloudFormation rejects such templates.</summary>
internal static class DependencyCycles
{
    public static void Report(Template t, CfnRun run)
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var r in t.ResourceOrder)
        {
            var refs = new List<string>();
            Collect(r.Body, t, refs, 0);
            edges[r.LogicalId] = refs;
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var r in t.ResourceOrder)
        {
            Visit(r.LogicalId, t, edges, state, stack, run);
        }
    }

    private static void Visit(string id, Template t, Dictionary<string, List<string>> edges, Dictionary<string, int> state, List<string> stack, CfnRun run)
    {
        // Iterative DFS: templates can hold hundreds of resources in a chain.
        var work = new Stack<(string Id, int Next)>();
        if (state.TryGetValue(id, out _))
        {
            return;
        }

        state[id] = 1;
        stack.Add(id);
        work.Push((id, 0));
        while (work.Count > 0)
        {
            var (cur, next) = work.Pop();
            var outs = edges[cur];
            if (next < outs.Count)
            {
                work.Push((cur, next + 1));
                string to = outs[next];
                if (!state.TryGetValue(to, out int s))
                {
                    state[to] = 1;
                    stack.Add(to);
                    work.Push((to, 0));
                }
                else if (s == 1)
                {
                    int from = stack.IndexOf(to);
                    var cycle = stack.Skip(from).Concat(new[] { to }).ToList();
                    var r = t.Resources[to];
                    run.Report(r.Location, $"circular dependency between resources: {string.Join(" -> ", cycle)} (through Ref, Fn::GetAtt or Fn::Sub); CloudFormation rejects the template");
                }
            }
            else
            {
                state[cur] = 2;
                stack.RemoveAt(stack.Count - 1);
            }
        }
    }

    private static void Collect(SyntaxNode node, Template t, List<string> refs, int depth)
    {
        if (depth > IntrinsicResolver.MaxDepth)
        {
            return;
        }

        if (IntrinsicResolver.TryGetIntrinsic(node, out var fn, out var arg))
        {
            switch (fn)
            {
                case "Ref" when arg is ScalarNode { Value: { } name }:
                    Add(name, t, refs);
                    return;
                case "Fn::GetAtt":
                    if (arg is ScalarNode { Value: { } ga })
                    {
                        int dot = ga.IndexOf('.');
                        Add(dot > 0 ? ga.Substring(0, dot) : ga, t, refs);
                    }
                    else if (arg is SequenceNode { Items.Count: > 0 } seq && seq.Items[0] is ScalarNode { Value: { } first })
                    {
                        Add(first, t, refs);
                    }

                    return;
                case "Fn::Sub":
                    var textNode = arg is SequenceNode { Items.Count: > 0 } sseq ? sseq.Items[0] : arg;
                    if (textNode is ScalarNode { Value: { } text })
                    {
                        int i = 0;
                        while ((i = text.IndexOf("${", i, StringComparison.Ordinal)) >= 0)
                        {
                            int close = text.IndexOf('}', i);
                            if (close < 0)
                            {
                                break;
                            }

                            string name = text.Substring(i + 2, close - i - 2);
                            if (!name.StartsWith("!", StringComparison.Ordinal))
                            {
                                int dot = name.IndexOf('.');
                                Add(dot > 0 ? name.Substring(0, dot) : name, t, refs);
                            }

                            i = close + 1;
                        }
                    }

                    if (arg is SequenceNode { Items.Count: 2 } withVars)
                    {
                        Collect(withVars.Items[1], t, refs, depth + 1);
                    }

                    return;
            }

            if (ReferenceEquals(arg, node))
            {
                // Short form: the node is its own argument; walk its children only.
                WalkChildren(node, t, refs, depth);
                return;
            }

            Collect(arg, t, refs, depth + 1);
            return;
        }

        WalkChildren(node, t, refs, depth);
    }

    private static void WalkChildren(SyntaxNode node, Template t, List<string> refs, int depth)
    {
        switch (node)
        {
            case SequenceNode s:
                foreach (var i in s.Items)
                {
                    Collect(i, t, refs, depth + 1);
                }

                break;
            case MappingNode m:
                foreach (var e in m.Entries)
                {
                    if (e.Key.Value is "DependsOn" or "Metadata" or "Type" or "Condition" or "DeletionPolicy" or "UpdateReplacePolicy")
                    {
                        continue;
                    }

                    Collect(e.Value, t, refs, depth + 1);
                }

                break;
        }
    }

    private static void Add(string name, Template t, List<string> refs)
    {
        if (t.Resources.ContainsKey(name) && !refs.Contains(name))
        {
            refs.Add(name);
        }
    }
}
