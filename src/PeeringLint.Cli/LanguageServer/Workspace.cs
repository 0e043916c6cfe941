using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Commands;
using PeeringLint.Cli.Configuration;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.LanguageServer;

/// <summary>A document the editor has open: its URI, version and (maybe unsaved) text.</summary>
internal sealed record OpenDocument(string Uri, int Version, string Text);

/// <summary>What is shown for one file: the diagnostics, the finding behind each (null for an input problem), and the run they came from.</summary>
internal sealed record FileDiagnostics(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Finding?> Findings, LintRun? Run)
{
    public static FileDiagnostics Empty { get; } = new(Array.Empty<Diagnostic>(), Array.Empty<Finding?>(), null);
}

/// <summary>One diagnostics notification to send.</summary>
internal sealed record Publication(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>What one lint of the workspace produced: the notifications to send and what to tell the log.</summary>
internal sealed record LintOutcome(IReadOnlyList<Publication> Publications, IReadOnlyList<string> Log, LintRun? Run);

/// <summary>
/// The server's model of the workspace: the root folder linted as <c>peeringlint lint &lt;root&gt;</c> would lint it (its
/// inputs, <c>.peeringlint.yaml</c>, stacks and parameters, bound by <see cref="SharedOptions"/> and run by
/// <see cref="Pipeline"/>), with the open documents' unsaved text in place of the files'. Each lint runs the whole
/// workspace, because a finding in one file depends on others (a peering in one template, its routes in another).
/// While an open document does not parse, the other files keep the diagnostics of the last lint in which every open
/// document parsed; diagnostics that disappear are published as empty lists. Thread-safe: edits and lints may interleave.
/// </summary>
internal sealed class Workspace
{
    private readonly object _lock = new();
    private readonly Dictionary<string, OpenDocument> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDiagnostics> _shown = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDiagnostics> _lastGood = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _publishedVersion = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unlocatedLogged = new(StringComparer.Ordinal);
    private LintRun? _lastRun;
    private string? _root;
    private ServerOptions _options = ServerOptions.Default;

    /// <summary>The folder linted; null until the client names one or opens a document.</summary>
    public string? Root
    {
        get
        {
            lock (_lock)
            {
                return _root;
            }
        }

        set
        {
            lock (_lock)
            {
                _root = value is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(value));
            }
        }
    }

    public ServerOptions Options
    {
        get
        {
            lock (_lock)
            {
                return _options;
            }
        }

        set
        {
            lock (_lock)
            {
                _options = value;
            }
        }
    }

    /// <summary>The latest run (for hover and go-to-definition), or null before the first lint.</summary>
    public LintRun? LastRun
    {
        get
        {
            lock (_lock)
            {
                return _lastRun;
            }
        }
    }

    public void Open(string path, TextDocumentItem item)
    {
        lock (_lock)
        {
            _open[path] = new OpenDocument(item.Uri, item.Version, item.Text);
            _root ??= Path.GetDirectoryName(path);
        }
    }

    /// <summary>Applies the changes in order; false when the document is not open.</summary>
    public bool Change(string path, int? version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(path, out var doc))
            {
                return false;
            }

            string text = doc.Text;
            foreach (var c in changes)
            {
                text = DocumentText.Apply(text, c);
            }

            _open[path] = doc with { Version = version ?? doc.Version + 1, Text = text };
            return true;
        }
    }

    public void Close(string path)
    {
        lock (_lock)
        {
            _open.Remove(path);
            _publishedVersion.Remove(path);
        }
    }

    public OpenDocument? Document(string path)
    {
        lock (_lock)
        {
            return _open.TryGetValue(path, out var d) ? d : null;
        }
    }

    /// <summary>The text of a file as the server sees it: the open document's, else the file's on disk; null when unreadable.</summary>
    public string? TextOf(string fullPath)
    {
        if (Document(fullPath) is { } doc)
        {
            return doc.Text;
        }

        // As fixes read it: only a regular file (a FIFO named like a template never blocks), UTF-8 without its BOM.
        return File.Exists(fullPath) ? Fixing.InputText.Read(fullPath)?.Text : null;
    }

    /// <summary>What is shown for a file, with the finding behind each diagnostic.</summary>
    public FileDiagnostics Shown(string path)
    {
        lock (_lock)
        {
            return _shown.TryGetValue(path, out var s) ? s : FileDiagnostics.Empty;
        }
    }

    /// <summary>Lints the workspace once and returns what to publish (only what changed, and every open document whose version moved).</summary>
    public LintOutcome Lint()
    {
        string? root;
        ServerOptions options;
        Dictionary<string, OpenDocument> open;
        lock (_lock)
        {
            root = _root;
            options = _options;
            open = new Dictionary<string, OpenDocument>(_open, StringComparer.Ordinal);
        }

        var log = new List<string>();
        if (root is null)
        {
            return new LintOutcome(Array.Empty<Publication>(), log, null);
        }

        var error = new StringWriter();
        var settings = new SharedSettings
        {
            Inputs = options.Inputs is { Count: > 0 } inputs ? inputs : new[] { "." },
            Config = options.ConfigPath,
            NoConfig = options.NoConfig,
            Parameters = options.Parameters ?? Array.Empty<string>(),
            ParameterFiles = options.ParameterFiles ?? Array.Empty<string>(),
            Intents = options.Intents ?? Array.Empty<string>(),
        };
        var request = SharedOptions.Bind(settings, new CommandIO(TextWriter.Null, error) { BaseDirectory = root });
        var current = new Dictionary<string, FileDiagnostics>(StringComparer.Ordinal);
        LintRun? run = null;
        if (request is null)
        {
            // The settings or the configuration are unusable: say so at the configuration's lines when it has them,
            // and leave the other files' diagnostics as they were.
            log.Add("peeringlint: " + error.ToString().Trim());
            foreach (var (path, diagnostics) in ConfigDiagnostics(root, settings))
            {
                current[path] = new FileDiagnostics(diagnostics, diagnostics.Select(_ => (Finding?)null).ToArray(), null);
            }

            return Publish(current, open, new HashSet<string>(StringComparer.Ordinal), keepOthers: true, log, null);
        }

        request = request with
        {
            Lint = WithRuleOptions(request.Lint, options.Rules, log),
            Overlay = open.Where(kv => Under(kv.Key, root)).ToDictionary(kv => Inputs.InputFiles.Display(kv.Key, root), kv => kv.Value.Text, StringComparer.Ordinal),
        };
        run = Pipeline.Run(request);
        var unlocated = new List<InputProblem>();
        var findingsByDiagnostic = new Dictionary<Diagnostic, Finding>(ReferenceEqualityComparer.Instance);
        foreach (var f in run.Shown)
        {
            if (!f.Location.IsNone)
            {
                findingsByDiagnostic[Diagnostics.ToDiagnostic(f, run.BaseDirectory)] = f;
            }
        }

        foreach (var (path, list) in Group(run, findingsByDiagnostic, unlocated))
        {
            current[path] = list;
        }

        foreach (var p in unlocated)
        {
            if (_unlocatedLogged.Add(p.Message))
            {
                log.Add($"peeringlint: {p.Severity.ToString().ToLowerInvariant()}: {p.Message}");
            }
        }

        // An open document that did not make it into the model because of an error (it does not parse, or cannot be
        // read): the other files keep what the last lint without such a document showed.
        var inModel = new HashSet<string>(run.Load.Model.Files.Select(f => Diagnostics.FullPath(run.BaseDirectory, f)), StringComparer.Ordinal);
        var broken = open.Keys
            .Where(p => !inModel.Contains(p) && current.TryGetValue(p, out var d) && d.Findings.Where((f, i) => f is null && d.Diagnostics[i].Severity == 1).Any())
            .ToHashSet(StringComparer.Ordinal);
        return Publish(current, open, broken, keepOthers: false, log, run);
    }

    private LintOutcome Publish(Dictionary<string, FileDiagnostics> current, Dictionary<string, OpenDocument> open, HashSet<string> broken, bool keepOthers, List<string> log, LintRun? run)
    {
        var publications = new List<Publication>();
        lock (_lock)
        {
            var next = new Dictionary<string, FileDiagnostics>(StringComparer.Ordinal);
            if (keepOthers || broken.Count > 0)
            {
                foreach (var kv in _shown)
                {
                    next[kv.Key] = _lastGood.TryGetValue(kv.Key, out var good) ? good : kv.Value;
                }

                foreach (var kv in current)
                {
                    if (keepOthers || broken.Contains(kv.Key) || !_lastGood.ContainsKey(kv.Key))
                    {
                        next[kv.Key] = kv.Value;
                    }
                }

                foreach (var p in broken)
                {
                    if (!current.ContainsKey(p))
                    {
                        next.Remove(p);
                    }
                }
            }
            else
            {
                foreach (var kv in current)
                {
                    next[kv.Key] = kv.Value;
                }

                _lastGood.Clear();
                foreach (var kv in current)
                {
                    _lastGood[kv.Key] = kv.Value;
                }
            }

            foreach (var path in next.Keys.Concat(_shown.Keys).Concat(open.Keys).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray())
            {
                var now = next.TryGetValue(path, out var n) ? n : FileDiagnostics.Empty;
                var before = _shown.TryGetValue(path, out var b) ? b : FileDiagnostics.Empty;
                int? version = open.TryGetValue(path, out var doc) ? doc.Version : null;
                bool versionMoved = version is { } v && (!_publishedVersion.TryGetValue(path, out var pv) || pv != v);
                if (versionMoved || !Diagnostics.Same(now.Diagnostics, before.Diagnostics))
                {
                    publications.Add(new Publication(open.TryGetValue(path, out var d) ? d.Uri : DocumentText.UriOf(path), version, now.Diagnostics));
                    if (version is { } published)
                    {
                        _publishedVersion[path] = published;
                    }
                }

                if (now.Diagnostics.Count == 0)
                {
                    _shown.Remove(path);
                }
                else
                {
                    _shown[path] = now;
                }
            }

            if (run is not null)
            {
                _lastRun = run;
            }
        }

        return new LintOutcome(publications, log, run);
    }

    /// <summary>Diagnostics by file, findings first in location order, then input problems.</summary>
    private static Dictionary<string, FileDiagnostics> Group(LintRun run, Dictionary<Diagnostic, Finding> findings, List<InputProblem> unlocated)
    {
        var lists = new Dictionary<string, (List<Diagnostic> D, List<Finding?> F)>(StringComparer.Ordinal);
        void Add(string path, Diagnostic d, Finding? f)
        {
            if (!lists.TryGetValue(path, out var l))
            {
                l = (new List<Diagnostic>(), new List<Finding?>());
                lists[path] = l;
            }

            l.D.Add(d);
            l.F.Add(f);
        }

        foreach (var kv in findings.OrderBy(kv => kv.Value))
        {
            Add(Diagnostics.FullPath(run.BaseDirectory, kv.Value.Location.Path), kv.Key, kv.Value);
        }

        foreach (var f in run.Shown.Where(f => f.Location.IsNone))
        {
            unlocated.Add(new InputProblem(f.Location, $"{f.RuleId}: {f.Message}", InputProblemSeverity.Note));
        }

        foreach (var p in run.Problems)
        {
            if (p.Location.IsNone || p.Location.Path.Length == 0)
            {
                unlocated.Add(p);
            }
            else
            {
                Add(Diagnostics.FullPath(run.BaseDirectory, p.Location.Path), Diagnostics.ToDiagnostic(p), null);
            }
        }

        foreach (var failure in run.Result.Failures)
        {
            unlocated.Add(new InputProblem(SourceLocation.None, $"rule {failure.RuleId} failed: {failure.Message}"));
        }

        return lists.ToDictionary(kv => kv.Key, kv => new FileDiagnostics(kv.Value.D, kv.Value.F, run), StringComparer.Ordinal);
    }

    /// <summary>The configuration's own problems at their lines, when the configuration is what made binding fail.</summary>
    private static IEnumerable<(string Path, List<Diagnostic> Diagnostics)> ConfigDiagnostics(string root, SharedSettings settings)
    {
        string? path = settings.Config is { } named ? Path.GetFullPath(Path.Combine(root, named)) : settings.NoConfig ? null : ConfigDiscovery.Find(".", root);
        if (path is null || !File.Exists(path))
        {
            yield break;
        }

        var problems = new List<InputProblem>();
        ConfigReader.Read(path, Inputs.InputFiles.Display(path, root), problems);
        var located = problems.Where(p => !p.Location.IsNone).Select(Diagnostics.ToDiagnostic).ToList();
        if (located.Count > 0)
        {
            yield return (path, located);
        }
    }

    /// <summary>The editor's rule settings over the configuration's: a severity, or <c>off</c>.</summary>
    private static LintOptions WithRuleOptions(LintOptions lint, IReadOnlyDictionary<string, string>? rules, List<string> log)
    {
        if (rules is null || rules.Count == 0)
        {
            return lint;
        }

        var excluded = lint.ExcludeRules.ToList();
        var severities = new Dictionary<string, Severity>(lint.SeverityOverrides, StringComparer.Ordinal);
        foreach (var kv in rules)
        {
            if (kv.Value is null || kv.Value.Equals("default", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (RuleCatalog.Find(kv.Key) is not { } rule)
            {
                log.Add($"peeringlint: warning: unknown rule '{kv.Key}' in the editor settings");
                continue;
            }

            string id = rule.Descriptor.Id;
            switch ((kv.Value ?? string.Empty).Trim().ToLowerInvariant())
            {
                case "off":
                case "none":
                    excluded.Add(id);
                    break;
                case "error":
                    severities[id] = Severity.Error;
                    excluded.Remove(id);
                    break;
                case "warning":
                    severities[id] = Severity.Warning;
                    excluded.Remove(id);
                    break;
                case "note":
                case "info":
                case "information":
                    severities[id] = Severity.Note;
                    excluded.Remove(id);
                    break;
                default:
                    log.Add($"peeringlint: warning: rule {id}: '{kv.Value}' is not error, warning, note or off");
                    break;
            }
        }

        return lint with { ExcludeRules = excluded, SeverityOverrides = severities };
    }

    private static bool Under(string path, string root) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
