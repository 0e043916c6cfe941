using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeeringLint.Cli.LanguageServer;

// The small part of LSP 3.17 that `peeringlint lsp` speaks, as records serialised by System.Text.Json with camelCase
// names (no maintained .NET package carries the protocol's types without a server framework around them).
// Positions are 0-based lines and UTF-16 code units (the protocol's default position encoding).

internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record Location(string Uri, Range Range);

internal sealed record TextDocumentIdentifier(string Uri);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

internal sealed record TextDocumentItem(string Uri, string? LanguageId, int Version, string Text);

internal sealed record WorkspaceFolder(string Uri, string? Name);

internal sealed record InitializeParams(
    int? ProcessId,
    string? RootUri,
    string? RootPath,
    IReadOnlyList<WorkspaceFolder>? WorkspaceFolders,
    JsonElement? InitializationOptions,
    JsonElement? Capabilities);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record ServerInfo(string Name, string Version);

internal sealed record ServerCapabilities(
    string PositionEncoding,
    TextDocumentSyncOptions TextDocumentSync,
    bool HoverProvider,
    bool DefinitionProvider,
    CodeActionOptions CodeActionProvider);

/// <summary><c>Change</c>: 1 = full text on every change (the server also applies ranged changes when a client sends them).</summary>
internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

internal sealed record SaveOptions(bool IncludeText);

internal sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record TextDocumentContentChangeEvent(Range? Range, string Text);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record CodeDescription(string Href);

internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

/// <summary>Severity: 1 error, 2 warning, 3 information, 4 hint. Tags: 1 unnecessary, 2 deprecated.</summary>
internal sealed record Diagnostic(Range Range, int Severity, string? Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    public IReadOnlyList<int>? Tags { get; init; }
}

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

internal sealed record MarkupContent(string Kind, string Value);

internal sealed record Hover(MarkupContent Contents, Range? Range);

/// <summary>The client's diagnostics stay JSON: they may come from other servers too, with codes of any type.</summary>
internal sealed record CodeActionContext(IReadOnlyList<JsonElement>? Diagnostics, IReadOnlyList<string>? Only);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

internal sealed record CodeAction(string Title, string Kind, IReadOnlyList<Diagnostic> Diagnostics, WorkspaceEdit Edit)
{
    public bool? IsPreferred { get; init; }
}

/// <summary><c>Type</c>: 1 error, 2 warning, 3 info, 4 log.</summary>
internal sealed record LogMessageParams(int Type, string Message);

internal sealed record ConfigurationItem(string? ScopeUri, string Section);

internal sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

/// <summary><c>workspace/didChangeConfiguration</c>: the settings, under a <c>peeringlint</c> key or as they are.</summary>
internal sealed record DidChangeConfigurationParams(JsonElement? Settings);

/// <summary>What the client may pass as <c>initializationOptions</c> (all optional; docs/editors.md).</summary>
internal sealed record ServerOptions
{
    /// <summary>Files or folders to lint, relative to the workspace folder (default: the whole folder).</summary>
    public IReadOnlyList<string>? Inputs { get; init; }

    /// <summary>The configuration file, absolute or relative to the workspace folder; null: the nearest .peeringlint.yaml.</summary>
    public string? ConfigPath { get; init; }

    public bool NoConfig { get; init; }

    /// <summary><c>Name=Value</c> template parameters.</summary>
    public IReadOnlyList<string>? Parameters { get; init; }

    public IReadOnlyList<string>? ParameterFiles { get; init; }

    public IReadOnlyList<string>? Intents { get; init; }

    /// <summary>Rule severities by id (<c>error</c>, <c>warning</c>, <c>note</c>, or <c>off</c>), over the configuration's.</summary>
    public IReadOnlyDictionary<string, string>? Rules { get; init; }

    /// <summary>How long after a change the workspace is linted again.</summary>
    public int? DebounceMs { get; init; }

    [JsonIgnore]
    public static ServerOptions Default { get; } = new();
}
