using System;
using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Configuration;

/// <summary>A rule's entry under <c>rules:</c>: on/off and an optional severity.</summary>
internal sealed record RuleSetting(string RuleId, bool Enabled, Severity? Severity, SourceLocation Location);

/// <summary>
/// One <c>suppressions:</c> entry: findings of <see cref="Rule"/> (any rule when null) on the element
/// <see cref="Resource"/> (an AWS id such as <c>rtb-0abc…</c>, or a logical id / tutorial name) are kept
/// but marked suppressed (SARIF kind external) with the justification.
/// </summary>
internal sealed record ConfigSuppression(string? Rule, string Resource, string Justification, SourceLocation Location)
{
    public bool Matches(Finding f) =>
        (Rule is null || string.Equals(Rule, f.RuleId, StringComparison.Ordinal))
        && f.ElementId is not null
        && string.Equals(Resource, f.ElementId, StringComparison.Ordinal);
}

/// <summary>
/// One <c>stacks:</c> entry: the templates <see cref="Template"/> matches (a path or glob relative to the configuration's
/// folder) are deployed as the stack <see cref="Name"/> in <see cref="Account"/>/<see cref="Region"/>, with these
/// parameter values (the <c>parameter_file</c>'s, then <c>parameters:</c> over them).
/// </summary>
internal sealed record StackEntry(string Template, Glob Glob, SourceLocation Location, SourceLocation TemplateLocation)
{
    public string? Name { get; init; }

    public string? Account { get; init; }

    public string? Region { get; init; }

    /// <summary>The parameter values: those of the parameter file, with the entry's own <c>parameters:</c> over them.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Parameters the parameter file leaves at their previous value (unknown offline).</summary>
    public IReadOnlyCollection<string> UnknownParameters { get; init; } = Array.Empty<string>();

    /// <summary>The parameter file, absolute, or null.</summary>
    public string? ParameterFile { get; init; }

    /// <summary>True when the template path, relative to the configuration's folder and '/'-separated, is this entry's.</summary>
    public bool Matches(string relativePath) => Glob.IsMatch(relativePath);
}

/// <summary>A parsed <c>.peeringlint.yaml</c> (schema: docs/configuration.md).</summary>
internal sealed record LintConfig
{
    /// <summary>The file's path as shown in messages (relative to the invocation folder).</summary>
    public string DisplayPath { get; init; } = string.Empty;

    /// <summary>Absolute folder of the file; ignore globs and intent files are relative to it.</summary>
    public string Directory { get; init; } = string.Empty;

    public IReadOnlyList<RuleSetting> Rules { get; init; } = Array.Empty<RuleSetting>();

    public IReadOnlyList<string> IgnorePaths { get; init; } = Array.Empty<string>();

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Connectivity intent files, absolute.</summary>
    public IReadOnlyList<string> Intents { get; init; } = Array.Empty<string>();

    public IReadOnlyList<ConfigSuppression> Suppressions { get; init; } = Array.Empty<ConfigSuppression>();

    /// <summary>How the templates are deployed (<c>stacks:</c>), in file order: the first entry that matches a template wins.</summary>
    public IReadOnlyList<StackEntry> Stacks { get; init; } = Array.Empty<StackEntry>();

    public Severity? SeverityThreshold { get; init; }
}
