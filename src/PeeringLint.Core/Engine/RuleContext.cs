using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Fixes;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>What a rule sees while it runs: the model, its index, and a way to report.</summary>
public sealed class RuleContext
{
    private readonly List<Finding> _findings = new();
    private readonly Severity? _configured;

    /// <param name="configured">The severity the configuration sets for this rule, or null (the rule decides).</param>
    internal RuleContext(Rule rule, NetworkModel model, ModelIndex index, Severity? configured)
    {
        Rule = rule;
        Model = model;
        Index = index;
        _configured = configured;
    }

    public Rule Rule { get; }

    public NetworkModel Model { get; }

    public ModelIndex Index { get; }

    internal IReadOnlyList<Finding> Findings => _findings;

    /// <summary>
    /// Reports a finding at <paramref name="location"/>. <paramref name="element"/> (and <paramref name="ignoredRules"/>,
    /// for values such as routes that are not elements) decide in-source suppression. <paramref name="severity"/>
    /// overrides the descriptor's default for rules with two levels (PL2006, PL5003); configured overrides still win.
    /// <paramref name="repair"/> is the finding's one unambiguous repair, when it has one
    /// (<paramref name="repairs"/> when it takes several edits of one kind).
    /// </summary>
    public void Report(
        SourceLocation location,
        string message,
        Element? element = null,
        IEnumerable<RelatedLocation>? related = null,
        string? key = null,
        Severity? severity = null,
        IReadOnlyList<string>? ignoredRules = null,
        IReadOnlyDictionary<string, string>? properties = null,
        IReadOnlyList<FindingStep>? steps = null,
        Repair? repair = null,
        IReadOnlyList<Repair>? repairs = null)
    {
        var id = Rule.Descriptor.Id;
        // A configured severity always wins (even one equal to the default); otherwise the rule's own choice, then its default.
        var effective = _configured ?? severity ?? Rule.Descriptor.DefaultSeverity;
        var relatedList = related is null ? Array.Empty<RelatedLocation>() : related.ToArray();
        var finding = new Finding(id, effective, message, location)
        {
            ElementId = element?.Id,
            Related = relatedList,
            Key = key ?? ((element?.Id ?? location.LogicalPath ?? string.Empty) + "|" + message),
            Properties = properties ?? new Dictionary<string, string>(),
            Steps = steps ?? Array.Empty<FindingStep>(),
            Repairs = repairs ?? (repair is null ? Array.Empty<Repair>() : new[] { repair }),
        };

        var suppression = FindSuppression(id, element, ignoredRules);
        if (suppression is not null)
        {
            finding = finding with { Suppression = suppression };
        }

        _findings.Add(finding);
    }

    private static FindingSuppression? FindSuppression(string id, Element? element, IReadOnlyList<string>? ignoredRules)
    {
        if (ignoredRules is not null && Contains(ignoredRules, id))
        {
            return new FindingSuppression(SuppressionKind.InSource, "ignored in source", element?.IgnoreLocation);
        }

        if (element is not null && Contains(element.IgnoredRules, id))
        {
            return new FindingSuppression(SuppressionKind.InSource, "ignored in source on " + element.Label, element.IgnoreLocation);
        }

        return null;
    }

    private static bool Contains(IReadOnlyList<string> list, string id)
    {
        foreach (var s in list)
        {
            if (string.Equals(s, id, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
