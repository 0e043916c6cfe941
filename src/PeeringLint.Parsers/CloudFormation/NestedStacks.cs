using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// Follows <c>AWS::CloudFormation::Stack</c> resources whose <c>TemplateURL</c> is a local relative path (the input of
/// <c>aws cloudformation package</c>): each one becomes an instance of the child template, read as a stack of its own
/// whose parameters are what the parent passes and whose outputs the parent's <c>Fn::GetAtt Child.Outputs.X</c> reads.
/// The child is taken from the inputs, or read from disk when it is in the parent's folder or below it. A template
/// nested twice gives two instances; a cycle of templates is an error and nesting stops at
/// <see cref="CloudFormationReader.MaxNestingDepth"/> levels.
/// </summary>
internal sealed class NestedStacks
{
    private readonly LoadOptions _options;
    private readonly CfnRun _run;
    private readonly List<SourceDocument> _extraDocuments;
    private readonly List<string> _notes;
    private readonly Dictionary<string, ParsedFile?> _fromDisk = new(StringComparer.Ordinal);

    /// <summary>
    /// At most this many nested instances in a run: a template that nests another many times, which nests another many
    /// times, would otherwise multiply without a cycle.
    /// </summary>
    public const int MaxInstances = 1000;

    private int _instances;

    /// <summary>Templates not followed because they are nested too deep: they are not read as stacks of their own either.</summary>
    private readonly HashSet<string> _tooDeep = new(StringComparer.Ordinal);

    public NestedStacks(LoadOptions options, CfnRun run, List<SourceDocument> extraDocuments, List<string> notes)
    {
        _options = options;
        _run = run;
        _extraDocuments = extraDocuments;
        _notes = notes;
    }

    /// <summary>
    /// The run's templates with their nested stacks: the inputs that no other input nests (in path order), then the
    /// nested instances, each after its parent. An input that another input nests is read only as that nested stack.
    /// </summary>
    public List<Template> Expand(List<Template> inputs)
    {
        var byPath = new Dictionary<string, Template>(StringComparer.Ordinal);
        foreach (var t in inputs)
        {
            if (!byPath.ContainsKey(t.File.Path))
            {
                byPath[t.File.Path] = t;
            }
        }

        // Inputs some other input nests are not stacks of their own.
        var nested = new HashSet<Template>();
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var t in inputs)
        {
            foreach (var r in t.ResourceOrder)
            {
                if (LocalPath(r, t) is { } path && byPath.TryGetValue(path, out var child) && !ReferenceEquals(child, t))
                {
                    nested.Add(child);
                    if (!children.TryGetValue(t.File.Path, out var list))
                    {
                        children[t.File.Path] = list = new List<string>();
                    }

                    list.Add(path);
                }
            }
        }

        var result = new List<Template>();
        var used = new HashSet<Template>();
        var queue = new Queue<Template>();
        foreach (var t in inputs)
        {
            if (!nested.Contains(t))
            {
                result.Add(t);
                queue.Enqueue(t);
            }
        }

        while (true)
        {
            while (queue.Count > 0)
            {
                var parent = queue.Dequeue();
                foreach (var r in parent.ResourceOrder)
                {
                    if (r.Type == "AWS::CloudFormation::Stack" && Instantiate(r, parent, byPath, used) is { } child)
                    {
                        _run.Nested[r] = child;
                        result.Add(child);
                        queue.Enqueue(child);
                    }
                }
            }

            // Inputs nested only by one another (a cycle) are read on their own, and the cycle is reported there;
            // those below a stack nested too deep are not read at all.
            var below = Closure(_tooDeep, children);
            var left = inputs.FirstOrDefault(t => nested.Contains(t) && !used.Contains(t) && !result.Contains(t) && !below.Contains(t.File.Path));
            if (left is null)
            {
                break;
            }

            result.Add(left);
            queue.Enqueue(left);
        }

        return result;
    }

    /// <summary>The paths <paramref name="from"/> and every template they nest, through any number of levels.</summary>
    private static HashSet<string> Closure(IEnumerable<string> from, Dictionary<string, List<string>> children)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>(from);
        while (work.Count > 0)
        {
            var p = work.Pop();
            if (seen.Add(p) && children.TryGetValue(p, out var list))
            {
                foreach (var c in list)
                {
                    work.Push(c);
                }
            }
        }

        return seen;
    }

    /// <summary>The display path a stack resource's literal, relative TemplateURL names, or null.</summary>
    private static string? LocalPath(TemplateResource r, Template parent)
    {
        if (r.Type != "AWS::CloudFormation::Stack" || r.Properties?.Get("TemplateURL") is not ScalarNode { Kind: ScalarKind.String, Tag: null, Value: { } url } || !IsLocal(url))
        {
            return null;
        }

        string file = parent.File.Path;
        int slash = file.LastIndexOf('/');
        return Normalize((slash >= 0 ? file.Substring(0, slash + 1) : string.Empty) + url.Replace('\\', '/'));
    }

    private static bool IsLocal(string url) =>
        url.Length > 0 && url.IndexOf("://", StringComparison.Ordinal) < 0 && !url.StartsWith("/", StringComparison.Ordinal)
        && !url.StartsWith("\\", StringComparison.Ordinal) && !(url.Length > 1 && url[1] == ':');

    /// <summary>Removes "." and "dir/.." segments of a '/'-separated relative path (leading ".." stay).</summary>
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var p in path.Split('/'))
        {
            if (p.Length == 0 || p == ".")
            {
                continue;
            }

            if (p == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(p);
            }
        }

        return string.Join("/", parts);
    }

    private Template? Instantiate(TemplateResource r, Template parent, Dictionary<string, Template> byPath, HashSet<Template> used)
    {
        var urlNode = r.Properties?.Get("TemplateURL");
        if (urlNode is null)
        {
            return null;
        }

        var where = urlNode.Location(r.PropertyPath("TemplateURL"));
        if (LocalPath(r, parent) is not { } path)
        {
            _notes.Add($"nested stack '{r.LogicalId}' in {parent.File.Path}: its TemplateURL is not a local relative path, so its resources are not checked");
            return null;
        }

        // A template that (through its parents) nests itself would never finish deploying.
        var chain = new List<string> { path };
        for (var t = parent; t is not null; t = t.Parent?.Template)
        {
            chain.Add(t.File.Path);
            if (t.File.Path == path)
            {
                chain.Reverse();
                _run.Report(where, $"nested stacks form a cycle: {string.Join(" -> ", chain)}; CloudFormation cannot create it");
                return null;
            }
        }

        if (parent.Depth + 1 > CloudFormationReader.MaxNestingDepth)
        {
            _tooDeep.Add(path);
            _run.Report(where, $"nested stack '{r.LogicalId}' is more than {CloudFormationReader.MaxNestingDepth} levels deep; PeeringLint does not follow it, so its resources are not checked", InputProblemSeverity.Warning);
            return null;
        }

        if (_instances >= MaxInstances)
        {
            _run.Report(where, $"more than {MaxInstances} nested stacks in this run; PeeringLint does not follow nested stack '{r.LogicalId}', so its resources are not checked", InputProblemSeverity.Warning);
            return null;
        }

        _instances++;
        Template? child;
        if (byPath.TryGetValue(path, out var input))
        {
            // The input itself for its first use (its own problems are already reported), a fresh instance after.
            child = used.Add(input) ? input : Template.Read(input.File, new List<InputProblem>());
        }
        else if (ReadFromDisk(r, parent, path, where) is { } file)
        {
            child = Template.Read(file, new List<InputProblem>());
        }
        else
        {
            return null;
        }

        if (child is null)
        {
            return null;
        }

        child.Parent = r;
        child.Depth = parent.Depth + 1;
        child.Stack = new StackSettings { Account = _run.AccountOf(parent), Region = _run.RegionOf(parent) };
        return child;
    }

    /// <summary>Reads a nested template that is not an input, when it is in the parent's folder or below it.</summary>
    private ParsedFile? ReadFromDisk(TemplateResource r, Template parent, string path, SourceLocation where)
    {
        if (_fromDisk.TryGetValue(path, out var cached))
        {
            return cached;
        }

        string file = parent.File.Path;
        int slash = file.LastIndexOf('/');
        string folder = slash >= 0 ? file.Substring(0, slash + 1) : string.Empty;
        if (_options.BaseDirectory is not { } baseDir || !path.StartsWith(folder, StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal) || path == "..")
        {
            _notes.Add($"nested stack '{r.LogicalId}' in {parent.File.Path}: {path} is not among the inputs (name it to check its resources)");
            _fromDisk[path] = null;
            return null;
        }

        string full = Path.GetFullPath(Path.Combine(baseDir, path));
        var kind = SafeFile.KindOf(full);
        if (kind == FileKind.Unknown && !File.Exists(full))
        {
            _run.Report(where, $"the template '{path}' of nested stack '{r.LogicalId}' does not exist; its resources are not checked", InputProblemSeverity.Warning);
            _fromDisk[path] = null;
            return null;
        }

        long length = kind == FileKind.Regular ? new FileInfo(full).Length : -1;
        var parsed = InputLoader.Decode(InputSource.FromFile(path, full, isExplicit: true, length), _run.Problems);
        _fromDisk[path] = parsed;
        if (parsed is not null)
        {
            _extraDocuments.Add(parsed.Document);
            _notes.Add($"read {path}: the template of nested stack '{r.LogicalId}' in {parent.File.Path}, although it is not among the inputs");
        }

        return parsed;
    }
}
