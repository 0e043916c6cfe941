using System;
using System.Collections.Generic;
using PeeringLint.Engine;

namespace PeeringLint.Fixes;

/// <summary>
/// One replacement in one file. <see cref="Path"/> is in <see cref="Finding.Location"/>'s form; lines and columns are
/// 1-based, columns in UTF-16 code units, the end exclusive (as <see cref="Model.SourceLocation"/>). An insertion has
/// its start equal to its end.
/// </summary>
public sealed record TextEdit(string Path, int StartLine, int StartColumn, int EndLine, int EndColumn, string NewText);

/// <summary>A finding's repair as text edits: what an editor's quick fix, <c>lint --fix</c> and SARIF <c>fixes</c> apply.</summary>
public sealed record TextFix(string RuleId, string Title, IReadOnlyList<TextEdit> Edits);

/// <summary>
/// Renders a finding's <see cref="Finding.Repairs"/> into text edits for the input format of the file they change:
/// CloudFormation YAML and JSON and the tutorial YAML. AWS describe-* exports record state, not source: they get no
/// text edit (<see cref="RepairCommands.AwsCli"/> gives the command instead). A fix is offered only when every edit
/// applies to the text as it is now and what it adds parses in place: a new entry is parsed together with the sibling
/// it follows (YAML), the edited document's syntax is checked (JSON), a replaced CIDR keeps its quoting.
/// </summary>
public static class TextFixes
{
    /// <param name="textOf">The current text of a file (an editor passes unsaved buffers); null when unavailable: no fix.</param>
    public static IReadOnlyList<TextFix> For(Finding finding, Func<string, string?> textOf)
    {
        if (finding.Repairs.Count == 0)
        {
            return Array.Empty<TextFix>();
        }

        // All of a finding's repairs change the same file (one rule, one element); they make one fix or none.
        string? path = null;
        foreach (var repair in finding.Repairs)
        {
            string? p = FileOf(repair);
            if (p is null || (path is not null && p != path))
            {
                return Array.Empty<TextFix>();
            }

            path = p;
        }

        string? text = textOf(path!);
        if (text is null)
        {
            return Array.Empty<TextFix>();
        }

        var document = FixDocument.Cached(path!, text);
        if (document is null)
        {
            return Array.Empty<TextFix>();
        }

        var edits = new List<TextEdit>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var repair in finding.Repairs)
        {
            var rendered = document.Render(repair, names);
            if (rendered is null)
            {
                return Array.Empty<TextFix>();
            }

            edits.AddRange(rendered);
        }

        // Each edit was checked as it was rendered (docs/fixes.md); together they must not overlap.
        var merged = Merge(edits);
        if (merged is null || Overlap(merged))
        {
            return Array.Empty<TextFix>();
        }

        string title = finding.Repairs.Count == 1 ? finding.Repairs[0].Title : Titles(finding.Repairs);
        return new[] { new TextFix(finding.RuleId, title, merged) };
    }

    /// <summary>
    /// Applies non-overlapping <paramref name="edits"/> (of one file) to <paramref name="text"/>; null when two overlap.
    /// Insertions at one point keep their order.
    /// </summary>
    public static string? Apply(string text, IReadOnlyList<TextEdit> edits)
    {
        var lines = new LineIndex(text);
        var spans = new List<(int Start, int End, int Order, string Text)>();
        for (int i = 0; i < edits.Count; i++)
        {
            var e = edits[i];
            int start = lines.Offset(e.StartLine, e.StartColumn);
            int end = lines.Offset(e.EndLine, e.EndColumn);
            if (start < 0 || end < start)
            {
                return null;
            }

            spans.Add((start, end, i, e.NewText));
        }

        spans.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        var sb = new System.Text.StringBuilder(text.Length + 256);
        int at = 0;
        foreach (var s in spans)
        {
            if (s.Start < at)
            {
                return null;
            }

            sb.Append(text, at, s.Start - at).Append(s.Text);
            at = s.End;
        }

        return sb.Append(text, at, text.Length - at).ToString();
    }

    private static bool Overlap(IReadOnlyList<TextEdit> edits)
    {
        var sorted = new List<TextEdit>(edits);
        sorted.Sort((a, b) => a.StartLine != b.StartLine ? a.StartLine.CompareTo(b.StartLine) : a.StartColumn.CompareTo(b.StartColumn));
        for (int i = 1; i < sorted.Count; i++)
        {
            var (p, c) = (sorted[i - 1], sorted[i]);
            if (p.EndLine > c.StartLine || (p.EndLine == c.StartLine && p.EndColumn > c.StartColumn))
            {
                return true;
            }
        }

        return false;
    }

    private static string? FileOf(Repair repair)
    {
        var location = repair switch
        {
            ReplaceRouteDestination r => r.Destination,
            AddRoute r => r.RouteTable,
            AddIngressRule r => r.SecurityGroup,
            AddEgressRule r => r.SecurityGroup,
            AcceptPeering r => r.Status,
            AssignPublicIp r => r.Instance,
            _ => Model.SourceLocation.None,
        };
        return location.IsNone ? null : location.Path;
    }

    private static string Titles(IReadOnlyList<Repair> repairs)
    {
        if (repairs[0] is AddRoute first)
        {
            var destinations = new List<string>();
            foreach (var r in repairs)
            {
                destinations.Add(((AddRoute)r).DestinationCidr);
            }

            return $"Add the return routes {string.Join(", ", destinations)} over '{first.PeeringConnectionId}' to route table '{first.RouteTableId}'";
        }

        return repairs[0].Title;
    }

    /// <summary>Insertions at the same point become one (in order); overlapping edits make no fix.</summary>
    private static IReadOnlyList<TextEdit>? Merge(List<TextEdit> edits)
    {
        var result = new List<TextEdit>();
        foreach (var e in edits)
        {
            int same = result.FindIndex(r => r.StartLine == e.StartLine && r.StartColumn == e.StartColumn && r.EndLine == r.StartLine
                && r.EndColumn == r.StartColumn && e.EndLine == e.StartLine && e.EndColumn == e.StartColumn);
            if (same >= 0)
            {
                result[same] = result[same] with { NewText = result[same].NewText + e.NewText };
            }
            else
            {
                result.Add(e);
            }
        }

        return result;
    }
}
