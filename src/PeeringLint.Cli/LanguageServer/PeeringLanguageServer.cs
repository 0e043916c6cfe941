using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using PeeringLint.Engine;
using StreamJsonRpc;

namespace PeeringLint.Cli.LanguageServer;

/// <summary>
/// <c>peeringlint lsp</c>: a Language Server Protocol 3.17 server over a pair of streams (standard input and output),
/// JSON-RPC with LSP's <c>Content-Length</c> header framing through StreamJsonRpc. Diagnostics on open, on change
/// (debounced) and on save for the whole workspace; hover; go-to-definition; quick fixes from <see cref="IQuickFixes"/>.
/// A handler that throws answers with an error (requests) or a log message (notifications); the server ends only on
/// <c>exit</c> or when the client closes the stream.
/// </summary>
internal sealed class PeeringLanguageServer
{
    public const int DefaultDebounceMs = 300;

    private readonly Workspace _workspace = new();
    private readonly IQuickFixes _fixes;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private JsonRpc? _rpc;
    private int _generation;
    private int _debounceMs = DefaultDebounceMs;
    private bool _shutdown;
    private bool _canPullConfiguration;
    private string? _rootUri;

    private PeeringLanguageServer(IQuickFixes fixes)
    {
        _fixes = fixes;
    }

    /// <summary>Raised after each lint has published (tests and the benchmark wait on it).</summary>
    public event Action<LintOutcome>? Linted;

    internal Workspace Workspace => _workspace;

    /// <summary>The options every message is written and read with: camelCase names, nulls left out, names matched case-insensitively.</summary>
    public static JsonSerializerOptions SerializerOptions(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        return options;
    }

    /// <summary>Serves one client until <c>exit</c> or the end of <paramref name="input"/>; returns the process exit code (0 after shutdown, else 1).</summary>
    public static Task<int> RunAsync(Stream input, Stream output, IQuickFixes? fixes = null, Action<PeeringLanguageServer>? started = null)
    {
        var server = new PeeringLanguageServer(fixes ?? SharedQuickFixes.Instance);
        started?.Invoke(server);
        return server.ServeAsync(input, output);
    }

    private async Task<int> ServeAsync(Stream input, Stream output)
    {
        var formatter = new SystemTextJsonFormatter();
        SerializerOptions(formatter.JsonSerializerOptions);
        var handler = new HeaderDelimitedMessageHandler(output, input, formatter);
        using var rpc = new JsonRpc(handler);
        _rpc = rpc;
        rpc.AddLocalRpcTarget(new Target(this), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true, DisposeOnDisconnect = false });
        rpc.StartListening();
        try
        {
            await Task.WhenAny(rpc.Completion, _exit.Task).ConfigureAwait(false);
        }
        finally
        {
            _stop.Cancel();
        }

        return _exit.Task.IsCompleted ? await _exit.Task.ConfigureAwait(false) : _shutdown ? 0 : 1;
    }

    /// <summary>Lints after <paramref name="delayMs"/> unless another change comes first; one lint at a time, publications in order.</summary>
    private void ScheduleLint(int delayMs)
    {
        int generation = Interlocked.Increment(ref _generation);
        _ = Task.Run(async () =>
        {
            try
            {
                if (delayMs > 0)
                {
                    await Task.Delay(delayMs, _stop.Token).ConfigureAwait(false);
                }

                if (Volatile.Read(ref _generation) != generation)
                {
                    return;
                }

                await _gate.WaitAsync(_stop.Token).ConfigureAwait(false);
                try
                {
                    if (Volatile.Read(ref _generation) != generation)
                    {
                        return;
                    }

                    var outcome = _workspace.Lint();
                    foreach (var line in outcome.Log)
                    {
                        await LogAsync(line.Contains(": error:", StringComparison.Ordinal) ? 1 : line.Contains(": warning:", StringComparison.Ordinal) ? 2 : 3, line).ConfigureAwait(false);
                    }

                    foreach (var p in outcome.Publications)
                    {
                        await Notify("textDocument/publishDiagnostics", new PublishDiagnosticsParams(p.Uri, p.Version, p.Diagnostics)).ConfigureAwait(false);
                    }

                    Linted?.Invoke(outcome);
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException && _stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                await LogAsync(1, "peeringlint: internal error while linting (please report it): " + ex).ConfigureAwait(false);
            }
        });
    }

    private async Task Notify(string method, object argument)
    {
        if (_rpc is { } rpc && !_stop.IsCancellationRequested)
        {
            await rpc.NotifyWithParameterObjectAsync(method, argument).ConfigureAwait(false);
        }
    }

    private async Task LogAsync(int type, string message)
    {
        try
        {
            await Notify("window/logMessage", new LogMessageParams(type, message)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException or IOException)
        {
            // The client is gone; nothing left to tell.
        }
    }

    /// <summary>Runs a notification handler; an exception is logged to the client, never thrown into the connection.</summary>
    private void Guard(string method, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex)
        {
            _ = LogAsync(1, $"peeringlint: internal error in {method} (please report it): {ex}");
        }
    }

    /// <summary>Runs a request handler; an exception is logged and answered with an empty result.</summary>
    private T Guard<T>(string method, Func<T> func, T fallback)
    {
        try
        {
            return func();
        }
        catch (Exception ex)
        {
            _ = LogAsync(1, $"peeringlint: internal error in {method} (please report it): {ex}");
            return fallback;
        }
    }

    private static ServerOptions ReadOptions(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e)
        {
            return ServerOptions.Default;
        }

        if (e.TryGetProperty("peeringlint", out var nested) && nested.ValueKind == JsonValueKind.Object)
        {
            e = nested;
        }

        try
        {
            return e.Deserialize<ServerOptions>(SerializerOptions(new JsonSerializerOptions())) ?? ServerOptions.Default;
        }
        catch (JsonException)
        {
            // A setting of the wrong type: the defaults, rather than a failed initialize.
            return ServerOptions.Default;
        }
    }

    private InitializeResult Initialize(InitializeParams p)
    {
        string? root = p.WorkspaceFolders is { Count: > 0 } folders ? DocumentText.PathOf(folders[0].Uri) : null;
        root ??= DocumentText.PathOf(p.RootUri) ?? (p.RootPath is { Length: > 0 } rootPath ? Path.GetFullPath(rootPath) : null);
        _workspace.Root = root;
        _rootUri = root is null ? null : DocumentText.UriOf(root);
        _canPullConfiguration = p.Capabilities is { ValueKind: JsonValueKind.Object } caps
            && caps.TryGetProperty("workspace", out var workspace) && workspace.ValueKind == JsonValueKind.Object
            && workspace.TryGetProperty("configuration", out var pull) && pull.ValueKind == JsonValueKind.True;
        ApplyOptions(ReadOptions(p.InitializationOptions));
        string version = typeof(PeeringLanguageServer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return new InitializeResult(
            new ServerCapabilities(
                PositionEncoding: "utf-16",
                TextDocumentSync: new TextDocumentSyncOptions(OpenClose: true, Change: 1, Save: new SaveOptions(IncludeText: false)),
                HoverProvider: true,
                DefinitionProvider: true,
                CodeActionProvider: new CodeActionOptions(new[] { "quickfix" })),
            new ServerInfo("peeringlint", version.Split('+')[0]));
    }

    private void ApplyOptions(ServerOptions options)
    {
        _workspace.Options = options;
        _debounceMs = Math.Clamp(options.DebounceMs ?? DefaultDebounceMs, 0, 10_000);
    }

    /// <summary>
    /// After <c>workspace/didChangeConfiguration</c> without the settings in it (the pull model): asks the client for the
    /// <c>peeringlint</c> section, applies it and lints again.
    /// </summary>
    private async Task PullConfigurationAsync()
    {
        try
        {
            if (_rpc is { } rpc)
            {
                var result = await rpc.InvokeWithParameterObjectAsync<JsonElement>("workspace/configuration", new ConfigurationParams(new[] { new ConfigurationItem(_rootUri, "peeringlint") }), _stop.Token).ConfigureAwait(false);
                if (result.ValueKind == JsonValueKind.Array && result.GetArrayLength() > 0 && result[0].ValueKind == JsonValueKind.Object)
                {
                    ApplyOptions(ReadOptions(result[0]));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await LogAsync(2, "peeringlint: could not read the settings (workspace/configuration): " + ex.Message).ConfigureAwait(false);
        }

        ScheduleLint(0);
    }

    private IReadOnlyList<CodeAction> CodeActions(CodeActionParams p)
    {
        if (DocumentText.PathOf(p.TextDocument.Uri) is not { } path)
        {
            return Array.Empty<CodeAction>();
        }

        var shown = _workspace.Shown(path);
        var wanted = new List<int>();
        var asked = p.Context.Diagnostics ?? Array.Empty<JsonElement>();
        for (int i = 0; i < shown.Diagnostics.Count; i++)
        {
            var d = shown.Diagnostics[i];
            bool match = asked.Count > 0 ? asked.Any(a => Matches(d, a)) : Intersects(d.Range, p.Range);
            if (match && shown.Findings[i] is not null)
            {
                wanted.Add(i);
            }
        }

        var actions = new List<CodeAction>();
        foreach (int i in wanted)
        {
            var finding = shown.Findings[i]!;
            var run = shown.Run!;
            var fixes = _fixes.For(finding, display => _workspace.TextOf(Diagnostics.FullPath(run.BaseDirectory, display)));
            foreach (var fix in fixes)
            {
                var changes = fix.Edits
                    .GroupBy(e => DocumentText.UriOf(Diagnostics.FullPath(run.BaseDirectory, e.Path)), StringComparer.Ordinal)
                    .ToDictionary(
                        g => g.Key,
                        g => (IReadOnlyList<TextEdit>)g.Select(e => new TextEdit(
                            new Range(new Position(e.StartLine - 1, e.StartColumn - 1), new Position(e.EndLine - 1, e.EndColumn - 1)), e.NewText)).ToArray(),
                        StringComparer.Ordinal);
                actions.Add(new CodeAction($"{fix.Title} ({fix.RuleId})", "quickfix", new[] { shown.Diagnostics[i] }, new WorkspaceEdit(changes)) { IsPreferred = fixes.Count == 1 ? true : null });
            }
        }

        return actions;
    }

    private static bool Matches(Diagnostic d, JsonElement asked)
    {
        if (asked.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        string? code = asked.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string? message = asked.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        Range? range = null;
        if (asked.TryGetProperty("range", out var r))
        {
            try
            {
                range = r.Deserialize<Range>(SerializerOptions(new JsonSerializerOptions()));
            }
            catch (JsonException)
            {
            }
        }

        return code == d.Code && message == d.Message && range == d.Range;
    }

    private static bool Intersects(Range a, Range b) => !Before(a.End, b.Start) && !Before(b.End, a.Start);

    private static bool Before(Position x, Position y) => x.Line < y.Line || (x.Line == y.Line && x.Character < y.Character);

    /// <summary>The JSON-RPC methods: only these are callable (the server's own members are not).</summary>
    private sealed class Target
    {
        private readonly PeeringLanguageServer _s;

        public Target(PeeringLanguageServer server) => _s = server;

        [JsonRpcMethod("initialize")]
        public InitializeResult Initialize(InitializeParams p) => _s.Initialize(p);

        // initialized, shutdown and exit come with no params, null or {} depending on the client: one overload each.
        [JsonRpcMethod("initialized")]
        public void Initialized() => _s.Guard("initialized", () => _s.ScheduleLint(0));

        [JsonRpcMethod("initialized")]
        public void Initialized(JsonElement? p) => Initialized();

        [JsonRpcMethod("shutdown")]
        public object? Shutdown()
        {
            _s._shutdown = true;
            return null;
        }

        [JsonRpcMethod("shutdown")]
        public object? Shutdown(JsonElement? p) => Shutdown();

        [JsonRpcMethod("exit")]
        public void Exit() => _s._exit.TrySetResult(_s._shutdown ? 0 : 1);

        [JsonRpcMethod("exit")]
        public void Exit(JsonElement? p) => Exit();

        [JsonRpcMethod("textDocument/didOpen")]
        public void DidOpen(DidOpenTextDocumentParams p) => _s.Guard("textDocument/didOpen", () =>
        {
            if (DocumentText.PathOf(p.TextDocument.Uri) is { } path)
            {
                _s._workspace.Open(path, p.TextDocument);
                _s.ScheduleLint(0);
            }
        });

        [JsonRpcMethod("textDocument/didChange")]
        public void DidChange(DidChangeTextDocumentParams p) => _s.Guard("textDocument/didChange", () =>
        {
            if (DocumentText.PathOf(p.TextDocument.Uri) is { } path && _s._workspace.Change(path, p.TextDocument.Version, p.ContentChanges))
            {
                _s.ScheduleLint(_s._debounceMs);
            }
        });

        [JsonRpcMethod("textDocument/didSave")]
        public void DidSave(DidSaveTextDocumentParams p) => _s.Guard("textDocument/didSave", () => _s.ScheduleLint(0));

        [JsonRpcMethod("textDocument/didClose")]
        public void DidClose(DidCloseTextDocumentParams p) => _s.Guard("textDocument/didClose", () =>
        {
            if (DocumentText.PathOf(p.TextDocument.Uri) is { } path)
            {
                // The file on disk is what counts again (its unsaved changes are gone).
                _s._workspace.Close(path);
                _s.ScheduleLint(0);
            }
        });

        [JsonRpcMethod("workspace/didChangeWatchedFiles")]
        public void DidChangeWatchedFiles(DidChangeWatchedFilesParams p) => _s.Guard("workspace/didChangeWatchedFiles", () => _s.ScheduleLint(_s._debounceMs));

        [JsonRpcMethod("workspace/didChangeConfiguration")]
        public void DidChangeConfiguration(DidChangeConfigurationParams p) => _s.Guard("workspace/didChangeConfiguration", () =>
        {
            // Settings of our own: under `peeringlint`, or the shape itself when the client cannot be asked. An empty
            // object (Neovim sends one when none were configured) changes nothing.
            if (p.Settings is { ValueKind: JsonValueKind.Object } settings && (settings.TryGetProperty("peeringlint", out _) || (!_s._canPullConfiguration && settings.EnumerateObject().Any())))
            {
                _s.ApplyOptions(ReadOptions(settings));
                _s.ScheduleLint(0);
            }
            else if (_s._canPullConfiguration)
            {
                _ = _s.PullConfigurationAsync();
            }
        });

        [JsonRpcMethod("textDocument/hover")]
        public Hover? Hover(TextDocumentPositionParams p) => _s.Guard<Hover?>("textDocument/hover", () =>
            DocumentText.PathOf(p.TextDocument.Uri) is { } path && _s._workspace.LastRun is { } run && _s._workspace.TextOf(path) is { } text
                ? Navigator.Hover(run, path, text, p.Position)
                : null, null);

        [JsonRpcMethod("textDocument/definition")]
        public Location? Definition(TextDocumentPositionParams p) => _s.Guard<Location?>("textDocument/definition", () =>
            DocumentText.PathOf(p.TextDocument.Uri) is { } path && _s._workspace.LastRun is { } run && _s._workspace.TextOf(path) is { } text
                ? Navigator.Definition(run, path, text, p.Position)
                : null, null);

        [JsonRpcMethod("textDocument/codeAction")]
        public IReadOnlyList<CodeAction> CodeAction(CodeActionParams p) => _s.Guard("textDocument/codeAction", () => _s.CodeActions(p), Array.Empty<CodeAction>());
    }
}
