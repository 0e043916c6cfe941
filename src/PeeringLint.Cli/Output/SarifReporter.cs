using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using PeeringLint.Cli.Commands;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;
using EngineSuppressionKind = PeeringLint.Engine.SuppressionKind;
using SarifFix = Microsoft.CodeAnalysis.Sarif.Fix;
using SarifLocation = Microsoft.CodeAnalysis.Sarif.Location;
using SarifSuppression = Microsoft.CodeAnalysis.Sarif.Suppression;
using SarifSuppressionKind = Microsoft.CodeAnalysis.Sarif.SuppressionKind;

namespace PeeringLint.Cli.Output;

/// <summary>
/// SARIF 2.1.0 output, built with the Sarif.Sdk object model: one run, the whole rule catalogue in
/// <c>tool.driver.rules</c>, every finding (suppressed ones too, with a <c>suppressions</c> entry), paths
/// relative to <c>%SRCROOT%</c> (the invocation folder), line-independent <c>partialFingerprints</c>,
/// and a code flow for findings that explain a path. No timestamps and a stable order, so the same inputs
/// give byte-identical logs.
/// </summary>
internal static class SarifReporter
{
    public const string ToolName = "PeeringLint";

    public const string SrcRoot = "%SRCROOT%";

    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(TextWriter writer, LintRun run)
    {
        // Written straight to the destination (no whole-log string): memory stays at the tree, not three copies of it.
        var lf = new LfWriter(writer);
        WriteTo(lf, Build(run));
        lf.Write('\n');
        lf.Flush();
    }

    /// <summary>The log as indented JSON with LF line ends.</summary>
    public static string ToJson(SarifLog log)
    {
        var sb = new StringBuilder();
        using (var sw = new StringWriter(sb, System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" })
        {
            WriteTo(sw, log);
        }

        return sb.ToString();
    }

    private static void WriteTo(TextWriter writer, SarifLog log)
    {
        // Re-parse so that property-bag values (kept as raw JSON by the SDK) are indented like the rest.
        var tree = JObject.Parse(JsonConvert.SerializeObject(log));
        EnsureResultLevels(tree);
        var jw = new JsonTextWriter(writer) { Formatting = Formatting.Indented, Indentation = 2, CloseOutput = false };
        tree.WriteTo(jw);
        jw.Flush();
    }

    /// <summary>
    /// Forwards to another writer in 64 KB pieces (a console writer flushes on every write) with LF as its line end
    /// (JsonTextWriter indents with the writer's NewLine).
    /// </summary>
    private sealed class LfWriter : TextWriter
    {
        private const int Chunk = 1 << 16;
        private readonly TextWriter _inner;
        private readonly StringBuilder _buffer = new(Chunk);

        public LfWriter(TextWriter inner)
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
            _inner = inner;
            NewLine = "\n";
        }

        public override Encoding Encoding => _inner.Encoding;

        public override void Write(char value)
        {
            _buffer.Append(value);
            Spill();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            _buffer.Append(buffer, index, count);
            Spill();
        }

        public override void Write(string? value)
        {
            _buffer.Append(value);
            Spill();
        }

        public override void Flush()
        {
            _inner.Write(_buffer.ToString());
            _buffer.Clear();
            _inner.Flush();
        }

        private void Spill()
        {
            if (_buffer.Length >= Chunk)
            {
                _inner.Write(_buffer.ToString());
                _buffer.Clear();
            }
        }
    }

    public static SarifLog Build(LintRun run)
    {
        var rules = RuleCatalog.All;
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Descriptor.Id] = i;
        }

        var documents = run.Load.Documents;
        var results = new List<Result>();
        foreach (var f in run.Findings)
        {
            results.Add(ToResult(f, ruleIndex, documents, run.Baseline, run.FixesOf(f)));
        }

        if (run.Baseline is { } baseline)
        {
            foreach (var old in baseline.Absent(run.Findings))
            {
                results.Add(AbsentResult(old, ruleIndex));
            }
        }

        var invocation = new Invocation
        {
            ExecutionSuccessful = !run.HasInputErrors,
            ToolExecutionNotifications = Notifications(run),
        };

        var sarifRun = new Run
        {
            Tool = new Tool { Driver = Driver() },
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>(StringComparer.Ordinal)
            {
                [SrcRoot] = new ArtifactLocation
                {
                    Uri = DirectoryUri(run.BaseDirectory),
                    Description = new Message { Text = "The folder peeringlint ran in; result paths are relative to it." },
                },
            },
            Invocations = new List<Invocation> { invocation },
            ColumnKind = ColumnKind.Utf16CodeUnits,
            Results = results,
        };

        // What the inputs did not say (docs/unknowns.md): a reader of the log sees what the rules could not check.
        var coverage = run.Coverage;
        sarifRun.SetProperty("peeringlint/notDescribed", coverage.MissingKinds.Select(Coverage.Describe).ToList());
        sarifRun.SetProperty("peeringlint/vpcsOutsideInput", coverage.Outside.Where(o => o.VpcId is not null).Select(o => o.VpcId).ToList());

        return new SarifLog
        {
            SchemaUri = new Uri(SchemaUri),
            Version = SarifVersion.Current,
            Runs = new List<Run> { sarifRun },
        };
    }

    /// <summary>tool.driver with the full rule catalogue (rules are listed even when disabled, so ruleIndex is stable).</summary>
    public static ToolComponent Driver()
    {
        var driver = new ToolComponent
        {
            Name = ToolName,
            FullName = "PeeringLint " + ToolInfo.Version,
            SemanticVersion = ToolInfo.Version,
            Version = ToolInfo.Version,
            InformationUri = new Uri(ToolInfo.InformationUri),
            Rules = RuleCatalog.All.Select(r => Descriptor(r.Descriptor)).ToList(),
        };
        return driver;
    }

    private static ReportingDescriptor Descriptor(RuleDescriptor d)
    {
        var page = ExplainCommand.Page(d.Id);
        var descriptor = new ReportingDescriptor
        {
            Id = d.Id,
            Name = d.Name,
            ShortDescription = new MultiformatMessageString { Text = Sentence(d.Title) },
            FullDescription = new MultiformatMessageString { Text = Sentence(d.Description) },
            HelpUri = new Uri(d.HelpUri),
            Help = new MultiformatMessageString
            {
                Text = Sentence(d.Description) + " See " + d.HelpUri + ".",
                Markdown = page,
            },
            DefaultConfiguration = new ReportingConfiguration { Level = Level(d.DefaultSeverity) },
        };

        var tags = new List<string> { d.Category.ToLowerInvariant() };
        tags.AddRange(d.Tags.Where(t => !tags.Contains(t, StringComparer.Ordinal)));
        if (d.SecuritySeverity is not null && !tags.Contains("security", StringComparer.Ordinal))
        {
            tags.Add("security");
        }

        descriptor.SetProperty("tags", tags);
        descriptor.SetProperty("precision", d.Precision);
        if (d.SecuritySeverity is { } ss)
        {
            // GitHub code scanning reads security-severity as a string holding a number from 0.0 to 10.0.
            descriptor.SetProperty("security-severity", ss.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }

        return descriptor;
    }

    private static Result ToResult(Finding f, IReadOnlyDictionary<string, int> ruleIndex, IReadOnlyDictionary<string, SourceDocument> documents, Baseline? baseline, IReadOnlyList<TextFix> fixes)
    {
        var result = new Result
        {
            RuleId = f.RuleId,
            RuleIndex = ruleIndex.TryGetValue(f.RuleId, out int idx) ? idx : -1,
            Level = Level(f.Severity),
            Message = new Message { Text = Sentence(f.Message) },
            PartialFingerprints = new Dictionary<string, string>(StringComparer.Ordinal) { [Fingerprints.Key] = Fingerprints.Of(f) },
        };

        // GitHub code scanning rejects results without a location: a finding about a fact with no text of its
        // own (an implicit main route table) is placed at its first related location or path step instead.
        var at = !f.Location.IsNone ? f.Location
            : f.Related.Select(r => r.Location).Concat(f.Steps.Select(st => st.Location)).FirstOrDefault(l => !l.IsNone);
        if (at is not null)
        {
            var primary = Physical(at, documents);
            var location = new SarifLocation { PhysicalLocation = primary };
            if (at.LogicalPath is { } lp)
            {
                location.LogicalLocations = new List<LogicalLocation> { new() { FullyQualifiedName = lp } };
            }

            result.Locations = new List<SarifLocation> { location };
        }

        if (f.Related.Count > 0)
        {
            result.RelatedLocations = f.Related
                .Where(r => !r.Location.IsNone)
                .Select((r, i) => new SarifLocation
                {
                    Id = i + 1,
                    PhysicalLocation = Physical(r.Location, documents),
                    Message = new Message { Text = Sentence(r.Message) },
                })
                .ToList();
        }

        if (f.Steps.Count > 0)
        {
            var steps = f.Steps.Select(s => new ThreadFlowLocation
            {
                Location = new SarifLocation
                {
                    PhysicalLocation = s.Location.IsNone ? null : Physical(s.Location, documents),
                    Message = new Message { Text = Sentence(s.Message) },
                },
                Importance = s.Blocks ? ThreadFlowLocationImportance.Essential : ThreadFlowLocationImportance.Important,
                Kinds = s.Blocks ? new List<string> { "exit" } : null,
            }).ToList();
            result.CodeFlows = new List<CodeFlow>
            {
                new() { ThreadFlows = new List<ThreadFlow> { new() { Locations = steps } } },
            };
        }

        if (f.Suppression is { } s2)
        {
            var suppression = new SarifSuppression
            {
                Kind = s2.Kind == EngineSuppressionKind.InSource ? SarifSuppressionKind.InSource : SarifSuppressionKind.External,
                Status = SuppressionStatus.Accepted,
                Justification = s2.Justification,
            };
            if (s2.Location is { IsNone: false } sl)
            {
                suppression.Location = new SarifLocation { PhysicalLocation = Physical(sl, documents) };
            }

            result.Suppressions = new List<SarifSuppression> { suppression };
        }

        if (baseline is not null)
        {
            result.BaselineState = baseline.IsNew(f) ? BaselineState.New : BaselineState.Unchanged;
        }

        // The finding's repair (docs/fixes.md): its text edits, the same ones `lint --fix` applies; for an AWS export,
        // which has nothing to edit, the AWS CLI command that repairs the network (SARIF's fix needs an artifact change).
        if (fixes.Count > 0)
        {
            result.Fixes = fixes.Select(ToFix).ToList();
        }

        var commands = f.Repairs.Select(RepairCommands.AwsCli).Where(c => c is not null).ToList();
        if (fixes.Count == 0 && commands.Count > 0)
        {
            result.SetProperty("peeringlint/awsCliFix", commands);
        }

        return result;
    }

    private static SarifFix ToFix(TextFix fix) => new()
    {
        Description = new Message { Text = Sentence(fix.Title) },
        ArtifactChanges = fix.Edits
            .GroupBy(e => e.Path)
            .Select(g => new ArtifactChange
            {
                ArtifactLocation = Artifact(g.Key),
                Replacements = g.Select(e => new Replacement
                {
                    DeletedRegion = new Region { StartLine = e.StartLine, StartColumn = e.StartColumn, EndLine = e.EndLine, EndColumn = e.EndColumn },
                    InsertedContent = new ArtifactContent { Text = e.NewText },
                }).ToList(),
            })
            .ToList(),
    };

    /// <summary>A baseline result no longer found: copied as it was, marked absent, its rule index renumbered for this catalogue.</summary>
    private static Result AbsentResult(Result old, IReadOnlyDictionary<string, int> ruleIndex)
    {
        return new Result(old)
        {
            BaselineState = BaselineState.Absent,
            RuleIndex = old.RuleId is not null && ruleIndex.TryGetValue(old.RuleId, out int idx) ? idx : -1,
        };
    }

    private static List<Notification> Notifications(LintRun run)
    {
        var list = new List<Notification>();
        foreach (var p in run.Problems)
        {
            var n = new Notification
            {
                Level = p.Severity switch
                {
                    InputProblemSeverity.Error => FailureLevel.Error,
                    InputProblemSeverity.Warning => FailureLevel.Warning,
                    _ => FailureLevel.Note,
                },
                Message = new Message { Text = Sentence(p.Message) },
            };
            if (!p.Location.IsNone)
            {
                n.Locations = new List<SarifLocation> { new() { PhysicalLocation = Physical(p.Location, run.Load.Documents) } };
            }

            list.Add(n);
        }

        foreach (var failure in run.Result.Failures)
        {
            list.Add(new Notification
            {
                Level = FailureLevel.Error,
                Message = new Message { Text = $"Internal error in rule {failure.RuleId}: {failure.Message} (please report this bug)." },
            });
        }

        return list;
    }

    private static PhysicalLocation Physical(SourceLocation loc, IReadOnlyDictionary<string, SourceDocument> documents)
    {
        var region = new Region
        {
            StartLine = loc.StartLine,
            StartColumn = loc.StartColumn,
            EndLine = loc.EndLine,
            EndColumn = loc.EndColumn,
        };
        Region? context = null;
        if (documents.TryGetValue(loc.Path, out var doc))
        {
            if (Snippet(doc, loc) is { Length: > 0 } text)
            {
                region.Snippet = new ArtifactContent { Text = text };
            }

            context = Context(doc, loc);
        }

        return new PhysicalLocation { ArtifactLocation = Artifact(loc.Path), Region = region, ContextRegion = context };
    }

    internal static ArtifactLocation Artifact(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new ArtifactLocation { Uri = new Uri(Path.GetFullPath(path)) };
        }

        var escaped = string.Join("/", path.Split('/').Select(s => s is ".." or "." ? s : Uri.EscapeDataString(s)));
        return new ArtifactLocation { Uri = new Uri(escaped, UriKind.Relative), UriBaseId = SrcRoot };
    }

    internal static Uri DirectoryUri(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!full.EndsWith(Path.DirectorySeparatorChar))
        {
            full += Path.DirectorySeparatorChar;
        }

        return new Uri(new Uri(full).AbsoluteUri);
    }

    /// <summary>
    /// The most characters a snippet or a context region holds. Longer regions get no snippet, and the context of
    /// a long line is a window of it around the region (its columns say where), so the log grows with the number
    /// of results, not with results × line length.
    /// </summary>
    internal const int SnippetWidth = 240;

    /// <summary>Multi-line snippets and contexts hold at most this many characters in all.</summary>
    internal const int MultiLineSnippetWidth = 4 * SnippetWidth;

    /// <summary>The text the region covers (columns are UTF-16 code units, end exclusive; lines joined with LF); null when it is too long.</summary>
    internal static string? Snippet(SourceDocument doc, SourceLocation loc)
    {
        if (loc.StartLine == loc.EndLine)
        {
            if (loc.EndColumn - loc.StartColumn > SnippetWidth)
            {
                return null;
            }

            var window = doc.Window(loc.StartLine, loc.StartColumn, loc.EndColumn, SnippetWidth);
            int from = Math.Clamp(loc.StartColumn - window.StartColumn, 0, window.Text.Length);
            int to = Math.Clamp(loc.EndColumn - window.StartColumn, from, window.Text.Length);
            return window.Text.Substring(from, to - from);
        }

        if (!SmallLines(doc, loc.StartLine, loc.EndLine))
        {
            return null;
        }

        var sb = new StringBuilder();
        for (int line = loc.StartLine; line <= loc.EndLine; line++)
        {
            string text = doc.Line(line);
            int from = line == loc.StartLine ? Math.Min(text.Length, Math.Max(0, loc.StartColumn - 1)) : 0;
            int to = line == loc.EndLine ? Math.Min(text.Length, Math.Max(from, loc.EndColumn - 1)) : text.Length;
            sb.Append(text, from, to - from);
            if (line < loc.EndLine)
            {
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The context region: the whole lines of the region when they are short, else (one line) a window of at most
    /// <see cref="SnippetWidth"/> characters around the region, with its columns; null when the region itself is too long.
    /// </summary>
    internal static Region? Context(SourceDocument doc, SourceLocation loc)
    {
        if (loc.StartLine == loc.EndLine)
        {
            var window = doc.Window(loc.StartLine, loc.StartColumn, loc.EndColumn, SnippetWidth);
            if (window.Text.Length == 0)
            {
                return null;
            }

            if (!window.CutBefore && !window.CutAfter)
            {
                return new Region { StartLine = loc.StartLine, EndLine = loc.EndLine, Snippet = new ArtifactContent { Text = window.Text } };
            }

            // A context region must contain the region (SARIF 3.29.5).
            if (loc.StartColumn < window.StartColumn || loc.EndColumn > window.EndColumn)
            {
                return null;
            }

            return new Region
            {
                StartLine = loc.StartLine,
                StartColumn = window.StartColumn,
                EndLine = loc.EndLine,
                EndColumn = window.EndColumn,
                Snippet = new ArtifactContent { Text = window.Text },
            };
        }

        if (!SmallLines(doc, loc.StartLine, loc.EndLine))
        {
            return null;
        }

        var lines = Enumerable.Range(loc.StartLine, loc.EndLine - loc.StartLine + 1).Select(doc.Line).ToArray();
        return lines.Any(l => l.Length > 0)
            ? new Region { StartLine = loc.StartLine, EndLine = loc.EndLine, Snippet = new ArtifactContent { Text = string.Join("\n", lines) } }
            : null;
    }

    /// <summary>Whether lines <paramref name="first"/>..<paramref name="last"/> hold at most <see cref="MultiLineSnippetWidth"/> characters in all.</summary>
    private static bool SmallLines(SourceDocument doc, int first, int last)
    {
        long total = 0;
        for (int line = first; line <= last; line++)
        {
            total += doc.LineLengthBound(line) + 1;
            if (total > MultiLineSnippetWidth + 1)
            {
                return false;
            }
        }

        return true;
    }

    internal static FailureLevel Level(Severity s) => s switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };

    /// <summary>SARIF asks for messages that are complete sentences (rule SARIF2001): end them with a period.</summary>
    internal static string Sentence(string text)
    {
        text = text.TrimEnd();
        return text.Length == 0 || text.EndsWith('.') || text.EndsWith('!') || text.EndsWith('?') ? text : text + ".";
    }

    /// <summary>
    /// Sarif.Sdk leaves out <c>level</c> when it is "warning" (the SARIF default), but a reader then takes the
    /// rule's <c>defaultConfiguration.level</c>, which is wrong for rules whose default is error or note and
    /// whose severity was changed. Write the level of every result explicitly.
    /// </summary>
    private static void EnsureResultLevels(JObject log)
    {
        foreach (var result in log.SelectTokens("runs[*].results[*]").OfType<JObject>())
        {
            if (result.Property("level") is null)
            {
                var after = result.Property("ruleIndex") ?? result.Property("ruleId");
                var level = new JProperty("level", "warning");
                if (after is not null)
                {
                    after.AddAfterSelf(level);
                }
                else
                {
                    result.AddFirst(level);
                }
            }
        }
    }
}
