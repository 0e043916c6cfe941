using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace PeeringLint.Analyzers.Tests.TestKit;

/// <summary>
/// Runs the analyzer on a document, applies one code fix (or Fix All, optionally as a client that passes no equivalence
/// key) and compares the resulting source.
/// </summary>
public static class CodeFixVerifier
{
    public static async Task VerifyAsync(CodeFixProvider provider, string diagnosticId, string before, string after, bool fixAll = false, bool clientKnowsNoKey = false)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "CdkApp", "CdkApp", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: CdkCompiler.References));
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Stack.cs", SourceText.From(before), filePath: "Stack.cs");
        var document = solution.GetDocument(documentId)!;

        var diagnostics = await Diagnose(document);
        var targets = diagnostics.Where(d => d.Id == diagnosticId).ToList();
        Assert.NotEmpty(targets);

        CodeAction? action = null;
        if (fixAll)
        {
            var fixAllProvider = provider.GetFixAllProvider()!;
            var registered = await Register(provider, document, targets[0]);
            // dotnet format passes the key of the first diagnostic's action, null when that one has no fix.
            var equivalenceKey = clientKnowsNoKey ? null : registered[0].EquivalenceKey;
            var context = new FixAllContext(document, provider, FixAllScope.Document, equivalenceKey, new[] { diagnosticId }, new Provider(diagnostics), CancellationToken.None);
            action = await fixAllProvider.GetFixAsync(context);
        }
        else
        {
            action = (await Register(provider, document, targets[0])).FirstOrDefault();
        }

        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var text = await changed.GetDocument(documentId)!.GetTextAsync();
        Assert.Equal(after.Replace("\r\n", "\n"), text.ToString().Replace("\r\n", "\n"));
    }

    /// <summary>True when the analyzer reports <paramref name="diagnosticId"/> but the provider offers no fix.</summary>
    public static async Task<bool> OffersNoFixAsync(CodeFixProvider provider, string diagnosticId, string source)
    {
        var compilation = CdkCompiler.Compile(new[] { ("Stack.cs", source) });
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "CdkApp", "CdkApp", LanguageNames.CSharp,
            compilationOptions: compilation.Options, parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12), metadataReferences: CdkCompiler.References));
        var document = workspace.AddDocument(project.Id, "Stack.cs", SourceText.From(source));
        var diagnostics = await Diagnose(document);
        var target = diagnostics.First(d => d.Id == diagnosticId);
        return (await Register(provider, document, target)).Count == 0;
    }

    /// <summary>True when the provider's Fix All, asked without a key, returns an action that changes nothing.</summary>
    public static async Task<bool> FixAllChangesNothingAsync(CodeFixProvider provider, string diagnosticId, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Default, "CdkApp", "CdkApp", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12), metadataReferences: CdkCompiler.References));
        var document = workspace.AddDocument(project.Id, "Stack.cs", SourceText.From(source));
        var diagnostics = await Diagnose(document);
        Assert.Contains(diagnostics, d => d.Id == diagnosticId);
        var context = new FixAllContext(document, provider, FixAllScope.Document, null, new[] { diagnosticId }, new Provider(diagnostics), CancellationToken.None);
        var action = await provider.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString() == source;
    }

    private static async Task<ImmutableArray<Diagnostic>> Diagnose(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var run = await CdkCompiler.RunAsync(compilation);
        Assert.Empty(run.Exceptions);
        return run.Diagnostics;
    }

    private static async Task<List<CodeAction>> Register(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions;
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree is not null));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
