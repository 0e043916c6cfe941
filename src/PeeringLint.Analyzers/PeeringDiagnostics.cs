using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PeeringLint.Engine;

namespace PeeringLint.Analyzers;

/// <summary>
/// One Roslyn descriptor per Core rule (id, title, category, severity and help link come from the rule's
/// <see cref="RuleDescriptor"/>, so nothing is declared twice), plus PL0001 for input problems in AdditionalFiles and PL0002 for PeeringLint's own failures.
/// Every finding needs the whole model, so all are reported at compilation end.
/// </summary>
internal static class PeeringDiagnostics
{
    public const string InputProblemId = ToolDiagnostics.InputProblem;

    private static readonly string[] Tags = { WellKnownDiagnosticTags.CompilationEnd, "PeeringLint" };

    public static readonly DiagnosticDescriptor InputProblem = new(
        InputProblemId,
        "Input problem",
        "{0}",
        "Input",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A template listed in AdditionalFiles cannot be read as a PeeringLint input (invalid YAML or JSON, a wrong type, a reference to nothing).",
        helpLinkUri: RuleDescriptor.DocsRoot + InputProblemId + ".md",
        customTags: Tags);

    /// <summary>
    /// PeeringLint failed on part of the code or the templates: reported (as a warning, so a bug of ours does not fail
    /// the build) instead of swallowed, because no diagnostics would otherwise look like a clean network.
    /// </summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        ToolDiagnostics.InternalError,
        "PeeringLint failed to analyze part of the input",
        "PeeringLint could not analyze {0}: {1}; the results are incomplete (please report this bug)",
        "Internal",
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An exception inside PeeringLint (a rule, a reader or the CDK model builder). The other diagnostics are still reported, but what failed was not analyzed.",
        helpLinkUri: RuleDescriptor.DocsRoot + ToolDiagnostics.InternalError + ".md",
        customTags: Tags);

    public static ImmutableDictionary<string, DiagnosticDescriptor> ByRuleId { get; } = Build();

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = BuildAll();

    public static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };

    private static ImmutableDictionary<string, DiagnosticDescriptor> Build()
    {
        var b = ImmutableDictionary.CreateBuilder<string, DiagnosticDescriptor>();
        foreach (var rule in RuleCatalog.All)
        {
            var d = rule.Descriptor;
            b[d.Id] = new DiagnosticDescriptor(
                d.Id,
                d.Title,
                "{0}",
                d.Category,
                ToRoslyn(d.DefaultSeverity),
                isEnabledByDefault: true,
                description: d.Description,
                helpLinkUri: d.HelpUri,
                customTags: Tags);
        }

        return b.ToImmutable();
    }

    private static ImmutableArray<DiagnosticDescriptor> BuildAll()
    {
        var list = new List<DiagnosticDescriptor> { InputProblem, InternalError };
        foreach (var rule in RuleCatalog.All)
        {
            list.Add(ByRuleId[rule.Descriptor.Id]);
        }

        return list.ToImmutableArray();
    }
}
