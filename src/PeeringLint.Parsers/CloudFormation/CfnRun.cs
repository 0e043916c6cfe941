using System;
using System.Collections.Generic;
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
