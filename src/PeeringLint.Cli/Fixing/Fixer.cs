using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PeeringLint.Cli.Inputs;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Fixes;

namespace PeeringLint.Cli.Fixing;

/// <summary>
/// <c>lint --fix</c>: applies the text fixes of the findings (<see cref="TextFixes"/>) to the input files, re-linting
/// between rounds, then writes every changed file atomically. A round applies the fixes of one rule only (the lowest
/// id with a fix), so that a fix that removes another finding's cause is seen before that finding is fixed too:
/// correcting a PL1002 typo often brings back the return route a PL2001 asked for. A finding is fixed at most once.
/// </summary>
internal static class Fixer
{
    private const int MaxRounds = 64;

    /// <summary>One file the fixes change: its text before and after, and whether it starts with a byte order mark.</summary>
    public sealed record FileChange(string Path, string FullPath, string Before, string After, bool Bom);

    /// <param name="First">The run over the files as they are.</param>
    /// <param name="Last">The run over the fixed texts (not written yet).</param>
    /// <param name="Applied">The fixes applied, in order: rule id and title.</param>
    /// <param name="Notes">What could not be fixed, and why; AWS CLI commands for exports.</param>
    public sealed record Outcome(LintRun First, LintRun Last, IReadOnlyList<FileChange> Changes, IReadOnlyList<(Finding Finding, TextFix Fix)> Applied, IReadOnlyList<string> Notes);

    public static Outcome Plan(RunRequest request)
    {
        var overlay = new Dictionary<string, string>(StringComparer.Ordinal);
        var originals = new Dictionary<string, (string Text, bool Bom)>(StringComparer.Ordinal);
        var applied = new List<(Finding, TextFix)>();
        var notes = new List<string>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        bool cautious = false;
        var first = Pipeline.Run(request);
        var run = first;
        Notes(first, notes);
        for (int round = 0; round < MaxRounds && !run.HasInputErrors; round++)
        {
            var candidates = new List<(Finding Finding, TextFix Fix)>();
            foreach (var f in run.Shown)
            {
                if (f.Repairs.Count == 0 || done.Contains(f.RuleId + "|" + f.Key))
                {
                    continue;
                }

                foreach (var fix in run.FixesOf(f))
                {
                    if (fix.Edits.All(e => Writable(request, e.Path, refused, notes)))
                    {
                        candidates.Add((f, fix));
                        break;
                    }
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            string rule = candidates.Select(c => c.Fix.RuleId).OrderBy(id => id, StringComparer.Ordinal).First();
            var texts = new Dictionary<string, (string Text, List<TextEdit> Edits)>(StringComparer.Ordinal);
            int roundStart = applied.Count;
            var doneBefore = new HashSet<string>(done, StringComparer.Ordinal);
            var repaired = new HashSet<string>(StringComparer.Ordinal);
            var inserted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (finding, fix) in candidates.Where(c => c.Fix.RuleId == rule))
            {
                string key = finding.RuleId + "|" + finding.Key;
                var trial = new Dictionary<string, List<TextEdit>>(StringComparer.Ordinal);
                bool duplicate = true, fits = true;
                foreach (var g in fix.Edits.GroupBy(e => e.Path))
                {
                    if (!texts.TryGetValue(g.Key, out var entry))
                    {
                        entry = (run.TextOf(g.Key) ?? string.Empty, new List<TextEdit>());
                        texts[g.Key] = entry;
                    }

                    duplicate &= g.All(e => entry.Edits.Contains(e));
                    var edits = entry.Edits.Concat(g).ToList();
                    fits &= TextFixes.Apply(entry.Text, edits) is not null;
                    trial[g.Key] = edits;
                }

                duplicate |= finding.Repairs.All(r => repaired.Contains(RepairKey(r)));
                if (duplicate)
                {
                    // Two findings with one repair (a route that lacks its return for two reasons): done once.
                    done.Add(key);
                    continue;
                }

                // One insertion per element (table, group) and round: two new resources for one table, rendered against
                // the same text, would pick the same logical id; the second is rendered again next round, against the
                // text with the first. Cautious rounds (after a round whose edits together did not parse) allow one per file.
                var inserts = fix.Edits.Where(e => e.StartLine == e.EndLine && e.StartColumn == e.EndColumn)
                    .Select(e => cautious ? e.Path : e.Path + "|" + string.Join("|", finding.Repairs.Select(Target)))
                    .ToList();
                if (!fits || inserts.Any(inserted.Contains) || finding.Repairs.Any(r => repaired.Contains(RepairKey(r))))
                {
                    // Overlaps a fix of this round: left for the next round, against the new text.
                    continue;
                }

                inserted.UnionWith(inserts);
                repaired.UnionWith(finding.Repairs.Select(RepairKey));
                done.Add(key);
                foreach (var t in trial)
                {
                    texts[t.Key] = (texts[t.Key].Text, t.Value);
                }

                applied.Add((finding, fix));
            }

            bool changed = false;
            var before = new Dictionary<string, string>(overlay, StringComparer.Ordinal);
            foreach (var (path, (text, edits)) in texts)
            {
                if (edits.Count == 0)
                {
                    continue;
                }

                if (!originals.ContainsKey(path))
                {
                    var full = Path.GetFullPath(Path.Combine(request.BaseDirectory, path));
                    originals[path] = InputText.Read(full) is { } read ? read : (text, false);
                }

                overlay[path] = TextFixes.Apply(text, edits)!;
                changed = true;
            }

            if (!changed)
            {
                break;
            }

            var next = Pipeline.Run(request with { Overlay = new Dictionary<string, string>(overlay, StringComparer.Ordinal) });
            if (next.HasInputErrors && !cautious)
            {
                // This round's edits, each sound alone, do not parse together: undo it and go on one fix per file.
                overlay = before;
                applied.RemoveRange(roundStart, applied.Count - roundStart);
                done.RemoveWhere(k => !doneBefore.Contains(k));
                cautious = true;
                continue;
            }

            run = next;
        }

        var changes = overlay
            .Where(o => o.Value != originals[o.Key].Text)
            .OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => new FileChange(o.Key, Path.GetFullPath(Path.Combine(request.BaseDirectory, o.Key)), originals[o.Key].Text, o.Value, originals[o.Key].Bom))
            .ToList();
        return new Outcome(first, run, changes, applied, notes);
    }

    /// <summary>
    /// Writes the changes, each to a temporary file beside it renamed into place. A file that changed since it was read,
    /// or that is now a link, is not written: the message says so (input error).
    /// </summary>
    public static List<string> Write(IReadOnlyList<FileChange> changes)
    {
        var errors = new List<string>();
        foreach (var c in changes)
        {
            if (IsLink(c.FullPath))
            {
                errors.Add($"{c.Path}: not fixed: it is a symbolic link or lies under one");
                continue;
            }

            if (InputText.Read(c.FullPath) is not { } now || now.Text != c.Before)
            {
                errors.Add($"{c.Path}: not fixed: the file changed since it was read");
                continue;
            }

            string directory = Path.GetDirectoryName(c.FullPath) ?? ".";
            string temp = Path.Combine(directory, "." + Path.GetFileName(c.FullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".fix.tmp");
            try
            {
                var bytes = new UTF8Encoding(c.Bom).GetPreamble().Concat(new UTF8Encoding(false).GetBytes(c.After)).ToArray();
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes, 0, bytes.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(c.FullPath));
                }

                File.Move(temp, c.FullPath, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add($"{c.Path}: not fixed: {e.Message}");
            }
            finally
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }

        return errors;
    }

    /// <summary>What a repair changes, without where it was found: two findings asking for the same route get it once.</summary>
    private static string RepairKey(Repair repair) => repair switch
    {
        AddRoute r => $"route|{r.RouteTableId}|{r.DestinationCidr}",
        AddEgressRule r => $"egress|{r.SecurityGroupId}|{r.Protocol}|{r.FromPort}|{r.ToPort}|{r.Cidr}",
        AddIngressRule r => $"ingress|{r.SecurityGroupId}|{r.Protocol}|{r.FromPort}|{r.ToPort}|{r.Cidr}",
        ReplaceRouteDestination r => $"destination|{r.Destination}",
        AcceptPeering r => $"accept|{r.PeeringConnectionId}",
        AssignPublicIp r => $"public-ip|{r.InstanceId}",
        _ => repair.ToString(),
    };

    /// <summary>The element a repair adds to.</summary>
    private static string Target(Repair repair) => repair switch
    {
        AddRoute r => r.RouteTableId,
        AddIngressRule r => r.SecurityGroupId,
        AddEgressRule r => r.SecurityGroupId,
        ReplaceRouteDestination r => r.RouteTableId,
        AcceptPeering r => r.PeeringConnectionId,
        AssignPublicIp r => r.InstanceId,
        _ => string.Empty,
    };

    /// <summary>Only regular files of the run, never through a symbolic link (one could lead out of the tree).</summary>
    private static bool Writable(RunRequest request, string path, HashSet<string> refused, List<string> notes)
    {
        if (refused.Contains(path))
        {
            return false;
        }

        var full = Path.GetFullPath(Path.Combine(request.BaseDirectory, path));
        if (IsLink(full))
        {
            refused.Add(path);
            notes.Add($"{path}: not fixed: it is a symbolic link or lies under one; fix the file it points to directly");
            return false;
        }

        return true;
    }

    private static bool IsLink(string full)
    {
        try
        {
            return new FileInfo(full).LinkTarget is not null || !string.Equals(InputFiles.RealPath(full), full, FileIdentity.PathComparison);
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Findings with a repair but no text fix in an AWS describe-* export: the AWS CLI command that repairs the network.</summary>
    private static void Notes(LintRun run, List<string> notes)
    {
        foreach (var f in run.Shown)
        {
            if (f.Repairs.Count == 0 || run.FixesOf(f).Count > 0)
            {
                continue;
            }

            foreach (var r in f.Repairs)
            {
                if (RepairCommands.AwsCli(r) is { } command)
                {
                    notes.Add($"{f.Location}: {f.RuleId}: an AWS describe-* export records state and is not changed; to repair the network: {command}");
                }
            }
        }
    }
}
