using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output;

/// <summary>
/// The documented, versioned JSON output (docs/json-output.md). Field order and formatting are fixed so
/// that the same inputs give byte-identical output.
/// </summary>
internal static class JsonReporter
{
    public const string SchemaVersion = "1.0";

    public static void Write(Stream stream, LintRun run)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("schemaVersion", SchemaVersion);
        w.WriteStartObject("tool");
        w.WriteString("name", "peeringlint");
        w.WriteString("version", ToolInfo.Version);
        w.WriteEndObject();

        var shown = run.Shown.ToList();
        w.WriteStartObject("summary");
        w.WriteNumber("errors", shown.Count(f => f.Severity == Severity.Error));
        w.WriteNumber("warnings", shown.Count(f => f.Severity == Severity.Warning));
        w.WriteNumber("notes", shown.Count(f => f.Severity == Severity.Note));
        w.WriteNumber("suppressed", run.Findings.Count(f => f.IsSuppressed));
        if (run.Baseline is { } b)
        {
            w.WriteNumber("unchanged", run.Findings.Count(f => !f.IsSuppressed && !b.IsNew(f)));
        }

        w.WriteNumber("inputErrors", run.Problems.Count(p => p.Severity == InputProblemSeverity.Error) + run.Result.Failures.Count);
        w.WriteNumber("inputWarnings", run.Problems.Count(p => p.Severity == InputProblemSeverity.Warning));
        w.WriteNumber("files", run.Load.Model.Files.Count);
        w.WriteString("threshold", TextReporter.SeverityName(run.Threshold));

        // Failed: the run ends with a non-zero exit code for its findings or its inputs (--exit-zero aside).
        w.WriteBoolean("failed", run.HasInputErrors || run.Failing.Any());
        w.WriteEndObject();

        w.WriteStartArray("findings");
        foreach (var f in run.Findings)
        {
            WriteFinding(w, f, run.Baseline, run.FixesOf(f));
        }

        w.WriteEndArray();

        w.WriteStartArray("inputProblems");
        foreach (var p in run.Problems)
        {
            w.WriteStartObject();
            w.WriteString("severity", p.Severity.ToString().ToLowerInvariant());
            w.WriteString("message", p.Message);
            w.WritePropertyName("location");
            WriteLocation(w, p.Location);
            w.WriteEndObject();
        }

        foreach (var failure in run.Result.Failures)
        {
            w.WriteStartObject();
            w.WriteString("severity", "error");
            w.WriteString("message", $"internal error in rule {failure.RuleId}: {failure.Message}");
            w.WriteNull("location");
            w.WriteEndObject();
        }

        w.WriteEndArray();

        // Fn::ImportValue uses whose export no input holds: the values are unknown, and 'stacks:' can link them.
        w.WriteStartArray("unresolvedImports");
        foreach (var u in run.Load.UnresolvedImports)
        {
            w.WriteStartObject();
            w.WriteString("name", u.Name);
            w.WritePropertyName("location");
            WriteLocation(w, u.Location);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteCoverage(w, run.Coverage);
        w.WriteEndObject();
        w.Flush();
    }

    /// <summary>What the inputs cover (docs/unknowns.md): the kinds described, each VPC's counts or why none are known, and peer VPCs outside the input.</summary>
    private static void WriteCoverage(Utf8JsonWriter w, Coverage coverage)
    {
        w.WriteStartObject("coverage");
        w.WriteStartArray("described");
        foreach (var k in Coverage.ReportedKinds.Where(k => (coverage.Kinds & k) == k))
        {
            w.WriteStringValue(Coverage.Describe(k));
        }

        w.WriteEndArray();
        w.WriteStartArray("notDescribed");
        foreach (var k in coverage.MissingKinds)
        {
            w.WriteStringValue(Coverage.Describe(k));
        }

        w.WriteEndArray();
        w.WriteStartArray("vpcs");
        foreach (var v in coverage.Vpcs)
        {
            w.WriteStartObject();
            w.WriteString("id", v.Vpc.Id);
            if (v.Vpc.Name is { } name)
            {
                w.WriteString("name", name);
            }

            Count(w, "subnets", v.Subnets);
            Count(w, "routeTables", v.RouteTables);
            Count(w, "securityGroups", v.SecurityGroups);
            Count(w, "instances", v.Instances);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("outside");
        foreach (var o in coverage.Outside)
        {
            w.WriteStartObject();
            w.WriteString("vpcId", o.VpcId);
            w.WriteString("ownerId", o.OwnerId);
            w.WriteString("region", o.Region);
            w.WriteString("peering", o.Peering.Id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();

        static void Count(Utf8JsonWriter w, string name, (int Count, Knowledge Knowledge) c)
        {
            if (c.Knowledge == Knowledge.Unknown)
            {
                w.WriteString(name, "unknown");
            }
            else
            {
                w.WriteNumber(name, c.Count);
            }
        }
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f, Baseline? baseline, IReadOnlyList<TextFix> fixes)
    {
        var rule = RuleCatalog.Find(f.RuleId);
        w.WriteStartObject();
        w.WriteString("ruleId", f.RuleId);
        w.WriteString("ruleName", rule?.Descriptor.Slug);
        w.WriteString("severity", TextReporter.SeverityName(f.Severity));
        w.WriteString("message", f.Message);
        w.WritePropertyName("location");
        WriteLocation(w, f.Location);
        if (f.ElementId is not null)
        {
            w.WriteString("elementId", f.ElementId);
        }

        w.WriteString("fingerprint", Fingerprints.Of(f));
        if (baseline is not null)
        {
            w.WriteString("baselineState", baseline.IsNew(f) ? "new" : "unchanged");
        }

        w.WriteStartArray("related");
        foreach (var r in f.Related)
        {
            w.WriteStartObject();
            w.WriteString("message", r.Message);
            w.WritePropertyName("location");
            WriteLocation(w, r.Location);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (f.Steps.Count > 0)
        {
            w.WriteStartArray("steps");
            foreach (var s in f.Steps)
            {
                w.WriteStartObject();
                w.WriteString("message", s.Message);
                w.WriteBoolean("blocks", s.Blocks);
                w.WritePropertyName("location");
                WriteLocation(w, s.Location);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (f.Properties.Count > 0)
        {
            w.WriteStartObject("properties");
            foreach (var kv in f.Properties.OrderBy(k => k.Key, System.StringComparer.Ordinal))
            {
                w.WriteString(kv.Key, kv.Value);
            }

            w.WriteEndObject();
        }

        WriteFixes(w, f, fixes);
        if (f.Suppression is { } s2)
        {
            w.WriteStartObject("suppression");
            w.WriteString("kind", s2.Kind == SuppressionKind.InSource ? "inSource" : "external");
            w.WriteString("justification", s2.Justification);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("suppression");
        }

        w.WriteEndObject();
    }

    /// <summary>
    /// The finding's repairs (docs/fixes.md): a fix per text fix, with its edits; for an AWS export, which has nothing to
    /// edit, one with no edits and the AWS CLI command. Empty when the finding has no repair.
    /// </summary>
    private static void WriteFixes(Utf8JsonWriter w, Finding f, IReadOnlyList<TextFix> fixes)
    {
        w.WriteStartArray("fixes");
        foreach (var fix in fixes)
        {
            w.WriteStartObject();
            w.WriteString("title", fix.Title);
            w.WriteStartArray("edits");
            foreach (var e in fix.Edits)
            {
                w.WriteStartObject();
                w.WriteString("path", e.Path);
                w.WriteNumber("startLine", e.StartLine);
                w.WriteNumber("startColumn", e.StartColumn);
                w.WriteNumber("endLine", e.EndLine);
                w.WriteNumber("endColumn", e.EndColumn);
                w.WriteString("newText", e.NewText);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        if (fixes.Count == 0)
        {
            foreach (var r in f.Repairs)
            {
                if (RepairCommands.AwsCli(r) is { } command)
                {
                    w.WriteStartObject();
                    w.WriteString("title", r.Title);
                    w.WriteStartArray("edits");
                    w.WriteEndArray();
                    w.WriteString("awsCli", command);
                    w.WriteEndObject();
                }
            }
        }

        w.WriteEndArray();
    }

    private static void WriteLocation(Utf8JsonWriter w, SourceLocation l)
    {
        if (l.IsNone)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("path", l.Path);
        w.WriteNumber("startLine", l.StartLine);
        w.WriteNumber("startColumn", l.StartColumn);
        w.WriteNumber("endLine", l.EndLine);
        w.WriteNumber("endColumn", l.EndColumn);
        if (l.LogicalPath is not null)
        {
            w.WriteString("logicalPath", l.LogicalPath);
        }

        w.WriteEndObject();
    }
}

/// <summary>Line-independent fingerprints: a hash of rule id, file and the finding's key (element ids, CIDRs).</summary>
internal static class Fingerprints
{
    /// <summary>The SARIF <c>partialFingerprints</c> key; bump the version if <see cref="Of"/> ever changes.</summary>
    public const string Key = "peeringlint/v1";

    public static string Of(Finding f) => OfText(f.RuleId + "\n" + f.Location.Path + "\n" + f.Key);

    /// <summary>32 hex digits of SHA-256 over <paramref name="text"/> (reports' fingerprints of what is not a finding).</summary>
    public static string OfText(string text)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return System.Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}

internal static class ToolInfo
{
    public const string InformationUri = "https://github.com/peeringlint/peeringlint";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
