using System;
using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>One resource of a template: its logical id key, its body, and the model id it gets in the run.</summary>
internal sealed class TemplateResource
{
    public TemplateResource(Template template, ScalarNode key, MappingNode body, string type)
    {
        Template = template;
        Key = key;
        Body = body;
        Type = type;
        ModelId = key.Value ?? string.Empty;
    }

    public Template Template { get; }

    public ScalarNode Key { get; }

    public string LogicalId => Key.Value ?? string.Empty;

    public MappingNode Body { get; }

    public string Type { get; }

    /// <summary>The logical id, or "key/logical id" when another input of the run uses the same id.</summary>
    public string ModelId { get; set; }

    /// <summary>False when the resource's Condition is decidably false (CloudFormation does not create it).</summary>
    public bool Created { get; set; } = true;

    public MappingNode? Properties => Body.Get("Properties") as MappingNode;

    public SourceLocation Location => Key.Location("Resources/" + LogicalId);

    public string PropertyPath(string property) => "Resources/" + LogicalId + "/Properties/" + property;
}

/// <summary>A CloudFormation template's sections, checked for shape (wrong shapes are input problems, never exceptions).</summary>
internal sealed class Template
{
    private Template(ParsedFile file, MappingNode root, string stem)
    {
        File = file;
        Root = root;
        Stem = stem;
    }

    public ParsedFile File { get; }

    public MappingNode Root { get; }

    /// <summary>The template's key in the run (<see cref="FileKeys"/>): qualifies logical ids that collide with other inputs.</summary>
    public string Stem { get; set; }

    public Dictionary<string, TemplateResource> Resources { get; } = new(StringComparer.Ordinal);

    public List<TemplateResource> ResourceOrder { get; } = new();

    public MappingNode? Parameters { get; private set; }

    /// <summary>How the template is deployed (configured in <c>stacks:</c>, or inherited by a nested stack); null when not known.</summary>
    public StackSettings? Stack { get; set; }

    /// <summary>For a nested stack: the parent's <c>AWS::CloudFormation::Stack</c> resource that creates this instance.</summary>
    public TemplateResource? Parent { get; set; }

    /// <summary>How many nested stacks deep this instance is (0 for a template the run reads as a stack of its own).</summary>
    public int Depth { get; set; }

    /// <summary>For a nested stack: the <c>Parameters</c> the parent passes (read with the parent's resolver), or null.</summary>
    public MappingNode? PassedParameters => Parent?.Properties?.Get("Parameters") as MappingNode;

    /// <summary>What messages call this template: its path, and for a nested stack the resource that creates it.</summary>
    public string Describe => Parent is null ? File.Path : $"{File.Path} (nested stack '{Parent.LogicalId}' of {Parent.Template.Describe})";

    public MappingNode? Mappings { get; private set; }

    public MappingNode? Conditions { get; private set; }

    public MappingNode? Outputs { get; private set; }

    public static Template? Read(ParsedFile file, List<InputProblem> problems)
    {
        if (file.Root is not MappingNode root)
        {
            problems.Add(new InputProblem(file.Root.Location(), $"expected a CloudFormation template (a mapping), found {file.Root.KindName}"));
            return null;
        }

        string name = file.Path;
        int slash = name.LastIndexOf('/');
        string stem = FileKeys.Stem(slash >= 0 ? name.Substring(slash + 1) : name);

        var t = new Template(file, root, stem)
        {
            Parameters = Section(root, "Parameters", problems),
            Mappings = Section(root, "Mappings", problems),
            Conditions = Section(root, "Conditions", problems),
            Outputs = Section(root, "Outputs", problems),
        };

        var resources = root.Get("Resources");
        if (resources is null)
        {
            problems.Add(new InputProblem(root.Location(), "the CloudFormation template has no 'Resources' section"));
            return t;
        }

        if (resources is not MappingNode rmap)
        {
            problems.Add(new InputProblem(resources.Location("Resources"), $"expected a mapping for 'Resources', found {resources.KindName}"));
            return t;
        }

        foreach (var e in rmap.Entries)
        {
            string logical = e.Key.Value ?? string.Empty;
            if (logical.StartsWith("Fn::ForEach", StringComparison.Ordinal))
            {
                problems.Add(new InputProblem(e.Key.Location("Resources/" + logical), $"'{logical}' (AWS::LanguageExtensions) is not expanded; the resources it would create are not checked", InputProblemSeverity.Note));
                continue;
            }

            if (e.Value is not MappingNode body)
            {
                problems.Add(new InputProblem(e.Value.Location("Resources/" + logical), $"expected a mapping for resource '{logical}', found {e.Value.KindName}"));
                continue;
            }

            var typeNode = body.Get("Type");
            if (typeNode is not ScalarNode { Kind: ScalarKind.String, Value: { } type })
            {
                problems.Add(new InputProblem((typeNode ?? e.Key).Location("Resources/" + logical + "/Type"), $"resource '{logical}' has no 'Type' string"));
                continue;
            }

            var props = body.Get("Properties");
            if (props is not null && props is not MappingNode && !(props is ScalarNode { Kind: ScalarKind.Null }))
            {
                problems.Add(new InputProblem(props.Location("Resources/" + logical + "/Properties"), $"expected a mapping for 'Properties' of '{logical}', found {props.KindName}"));
                continue;
            }

            if (t.Resources.ContainsKey(logical))
            {
                continue;
            }

            var r = new TemplateResource(t, e.Key, body, type);
            t.Resources[logical] = r;
            t.ResourceOrder.Add(r);
        }

        return t;
    }

    private static MappingNode? Section(MappingNode root, string name, List<InputProblem> problems)
    {
        var node = root.Get(name);
        switch (node)
        {
            case null:
                return null;
            case MappingNode m:
                return m;
            case ScalarNode { Kind: ScalarKind.Null }:
                return null;
            default:
                problems.Add(new InputProblem(node.Location(name), $"expected a mapping for '{name}', found {node.KindName}"));
                return null;
        }
    }
}
