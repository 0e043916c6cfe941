using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Nerdbank.Streams;
using PeeringLint.Cli.LanguageServer;
using StreamJsonRpc;

namespace PeeringLint.Tests.LanguageServer;

/// <summary>
/// A language client for tests: the server runs in-process on one end of a full-duplex stream, the client speaks
/// JSON-RPC with LSP's Content-Length framing on the other, and every publishDiagnostics notification is recorded.
/// Waits are bounded (a hang fails the test) but nothing asserts how long anything took.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly List<PublishDiagnosticsParams> _published = new();
    private readonly List<LintOutcome> _lints = new();
    private readonly Dictionary<string, int> _versions = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private PeeringLanguageServer? _server;

    private LspTestClient(string root) => Root = root;

    public string Root { get; }

    public JsonRpc Rpc { get; private set; } = null!;

    public Task<int> ServerTask { get; private set; } = null!;

    public JsonElement InitializeResult { get; private set; }

    public List<string> Log { get; } = new();

    public int ConfigurationRequests { get; private set; }

    /// <summary>What the client answers to <c>workspace/configuration</c> (announced only when set before <see cref="StartAsync"/>).</summary>
    public object? Configuration { get; set; }

    public static async Task<LspTestClient> StartAsync(string root, object? initializationOptions = null, IQuickFixes? fixes = null, object? configuration = null)
    {
        var client = new LspTestClient(root) { Configuration = configuration };
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        client.ServerTask = PeeringLanguageServer.RunAsync(serverStream, serverStream, fixes, s =>
        {
            client._server = s;
            s.Linted += o =>
            {
                lock (client._lock)
                {
                    client._lints.Add(o);
                    Monitor.PulseAll(client._lock);
                }
            };
        });
        var formatter = new SystemTextJsonFormatter();
        PeeringLanguageServer.SerializerOptions(formatter.JsonSerializerOptions);
        client.Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(clientStream, clientStream, formatter));
        client.Rpc.AddLocalRpcTarget(new ClientTarget(client), new JsonRpcTargetOptions { UseSingleObjectParameterDeserialization = true });
        client.Rpc.StartListening();
        client.InitializeResult = await client.Rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new
        {
            processId = (int?)null,
            rootUri = new Uri(root).AbsoluteUri,
            capabilities = configuration is null ? (object)new { } : new { workspace = new { configuration = true } },
            initializationOptions = initializationOptions ?? new { debounceMs = 20 },
        });
        await client.Rpc.NotifyWithParameterObjectAsync("initialized", new { });
        return client;
    }

    public string Uri(string relative) => new Uri(Path.Combine(Root, relative)).AbsoluteUri;

    /// <summary>How many notifications have arrived so far: pass it to the waits to look only at later ones.</summary>
    public int Mark()
    {
        lock (_lock)
        {
            return _published.Count;
        }
    }

    public int LintMark()
    {
        lock (_lock)
        {
            return _lints.Count;
        }
    }

    public Task OpenAsync(string relative, string? text = null)
    {
        _versions[relative] = 1;
        return Rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new
        {
            textDocument = new { uri = Uri(relative), languageId = "yaml", version = 1, text = text ?? File.ReadAllText(Path.Combine(Root, relative)) },
        });
    }

    /// <summary>Sends the whole new text (full synchronisation); returns the new version.</summary>
    public async Task<int> ChangeAsync(string relative, string text)
    {
        int version = ++_versions[relative];
        await Rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri(relative), version },
            contentChanges = new[] { new { text } },
        });
        return version;
    }

    /// <summary>A change to a document that was never opened (a client bug the server must survive).</summary>
    public Task ChangeAsyncUnopened(string relative, string text) => Rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
    {
        textDocument = new { uri = Uri(relative) + ".unopened", version = 7 },
        contentChanges = new[] { new { text } },
    });

    public Task<JsonElement> RequestAsync(string method, object argument) => Rpc.InvokeWithParameterObjectAsync<JsonElement>(method, argument);

    /// <summary>The first notification for <paramref name="relative"/> after <paramref name="since"/> that satisfies <paramref name="predicate"/>.</summary>
    public PublishDiagnosticsParams WaitFor(string relative, int since, Func<PublishDiagnosticsParams, bool>? predicate = null)
    {
        string uri = Uri(relative);
        var deadline = DateTime.UtcNow + Patience;
        lock (_lock)
        {
            while (true)
            {
                for (int i = since; i < _published.Count; i++)
                {
                    var p = _published[i];
                    if (p.Uri == uri && (predicate is null || predicate(p)))
                    {
                        return p;
                    }
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"no diagnostics for {relative} as expected; received:\n" + string.Join("\n", _published.Skip(since).Select(Describe)) + "\nlog:\n" + string.Join("\n", Log));
                }

                Monitor.Wait(_lock, left);
            }
        }
    }

    /// <summary>The lint outcome (server side) that published <paramref name="publication"/>.</summary>
    public LintOutcome LintThatPublished(PublishDiagnosticsParams publication, int since)
    {
        var deadline = DateTime.UtcNow + Patience;
        lock (_lock)
        {
            while (true)
            {
                for (int i = since; i < _lints.Count; i++)
                {
                    if (_lints[i].Publications.Any(p => p.Uri == publication.Uri && p.Version == publication.Version && p.Diagnostics.SequenceEqual(publication.Diagnostics, DiagnosticComparer.Instance)))
                    {
                        return _lints[i];
                    }
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException("the lint that published the diagnostics never reported");
                }

                Monitor.Wait(_lock, left);
            }
        }
    }

    /// <summary>Every notification for a file, in arrival order.</summary>
    public IReadOnlyList<PublishDiagnosticsParams> PublishedFor(string relative)
    {
        string uri = Uri(relative);
        lock (_lock)
        {
            return _published.Where(p => p.Uri == uri).ToArray();
        }
    }

    public static string Describe(PublishDiagnosticsParams p) =>
        $"{p.Uri} v{p.Version}: " + string.Join("; ", p.Diagnostics.Select(d => $"{d.Code ?? "problem"}@{d.Range.Start.Line}:{d.Range.Start.Character} {d.Message}"));

    public async ValueTask DisposeAsync()
    {
        if (!ServerTask.IsCompleted)
        {
            try
            {
                await Rpc.InvokeWithParameterObjectAsync<object?>("shutdown", new { });
                await Rpc.NotifyWithParameterObjectAsync("exit", new { });
                await ServerTask.WaitAsync(Patience);
            }
            catch (Exception ex) when (ex is ConnectionLostException or ObjectDisposedException)
            {
            }
        }

        Rpc.Dispose();
    }

    private sealed class DiagnosticComparer : IEqualityComparer<Diagnostic>
    {
        public static DiagnosticComparer Instance { get; } = new();

        public bool Equals(Diagnostic? x, Diagnostic? y) => x is not null && y is not null && x.Range == y.Range && x.Code == y.Code && x.Message == y.Message && x.Severity == y.Severity;

        public int GetHashCode(Diagnostic obj) => obj.Message.GetHashCode(StringComparison.Ordinal);
    }

    private sealed class ClientTarget
    {
        private readonly LspTestClient _c;

        public ClientTarget(LspTestClient client) => _c = client;

        [JsonRpcMethod("textDocument/publishDiagnostics")]
        public void Publish(PublishDiagnosticsParams p)
        {
            lock (_c._lock)
            {
                _c._published.Add(p);
                Monitor.PulseAll(_c._lock);
            }
        }

        [JsonRpcMethod("workspace/configuration")]
        public object?[] Configuration(JsonElement p)
        {
            lock (_c._lock)
            {
                _c.ConfigurationRequests++;
            }

            return new[] { _c.Configuration };
        }

        [JsonRpcMethod("window/logMessage")]
        public void LogMessage(LogMessageParams p)
        {
            lock (_c._lock)
            {
                _c.Log.Add(p.Message);
            }
        }
    }
}

/// <summary>A temporary workspace folder with copies of repository files; deleted on dispose.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "peeringlint-lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Copy(string repositoryPath, string? relative = null)
    {
        relative ??= Path.GetFileName(repositoryPath);
        var target = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(TestKit.TestPaths.Combine(repositoryPath.Split('/')), target);
        return relative;
    }

    public string Write(string relative, string text)
    {
        var target = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, text);
        return relative;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
