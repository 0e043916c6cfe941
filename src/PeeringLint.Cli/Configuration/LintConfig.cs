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

    public Severity? SeverityThreshold { get; init; }
}
