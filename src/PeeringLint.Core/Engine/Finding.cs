using System;
using System.Collections.Generic;
using PeeringLint.Fixes;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>A secondary location of a finding: the other side of a peering, the table that lacks a route.</summary>
public sealed record RelatedLocation(SourceLocation Location, string Message);

/// <summary>One step of a path (a reachability hop); becomes a SARIF threadFlow location.</summary>
public sealed record FindingStep(SourceLocation Location, string Message, bool Blocks = false);

public enum SuppressionKind
{
    /// <summary>Suppressed next to the element (tutorial ignore:, CloudFormation Metadata).</summary>
    InSource,

    /// <summary>Suppressed from outside (configuration file, baseline).</summary>
    External,
}

public sealed record FindingSuppression(SuppressionKind Kind, string Justification, SourceLocation? Location = null);

/// <summary>
/// What a rule reports. <see cref="Key"/> identifies the finding independently of line numbers (rule id,
/// element ids, CIDRs) so that fingerprints survive edits above it.
/// </summary>
public sealed record Finding(string RuleId, Severity Severity, string Message, SourceLocation Location) : IComparable<Finding>
{
    public IReadOnlyList<RelatedLocation> Related { get; init; } = Array.Empty<RelatedLocation>();

    public IReadOnlyList<FindingStep> Steps { get; init; } = Array.Empty<FindingStep>();

    /// <summary>Id of the model element at fault, when there is one.</summary>
    public string? ElementId { get; init; }

    /// <summary>A line-independent identity used for fingerprints; defaults to element id + message.</summary>
    public string Key { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Properties { get; init; } = EmptyProperties;

    public FindingSuppression? Suppression { get; init; }

    /// <summary>
    /// The repairs the rule decided for this finding (usually none or one): one definition that text fixes, SARIF
    /// <c>fixes</c>, <c>lint --fix</c>, the editor's quick fixes and the Roslyn code fixes all render (docs/fixes.md).
    /// </summary>
    public IReadOnlyList<Repair> Repairs { get; init; } = Array.Empty<Repair>();

    public bool IsSuppressed => Suppression is not null;

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    /// <summary>Output order: file, line, column, rule id, then message.</summary>
    public int CompareTo(Finding? other)
    {
        if (other is null)
        {
            return 1;
        }

        int c = Location.CompareTo(other.Location);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(RuleId, other.RuleId);
        return c != 0 ? c : string.CompareOrdinal(Message, other.Message);
    }
}
