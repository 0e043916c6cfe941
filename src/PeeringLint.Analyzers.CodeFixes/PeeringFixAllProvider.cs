using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CodeActions;

namespace PeeringLint.Analyzers.CodeFixes;

/// <summary>
/// The Fix All of every PeeringLint fix: the batch fixer, asked for this provider's own fix whatever equivalence key
/// the client passes, and a no-op action (not null) when no diagnostic of the scope has a fix.
/// </summary>
/// <remarks>
/// <c>dotnet format analyzers --diagnostics PL1002 PL2001 PL4002</c> asks each provider for a Fix All with the key of
/// the action registered for the <em>first</em> diagnostic of its ids. When that diagnostic has no fix (it lies in an
/// AdditionalFiles template, or an earlier fix already removed its cause: fixing a PL1002 typo adds the return route a
/// PL2001 asked for), the key is null, the batch fixer matches no action and returns null, and dotnet format reports
/// "didn't return a Fix All action". Forcing the provider's key and answering "nothing to fix" with an empty action
/// lets the three fixes run one after the other in a single invocation.
/// </remarks>
internal sealed class PeeringFixAllProvider : FixAllProvider
{
    private readonly string _equivalenceKey;

    public PeeringFixAllProvider(string equivalenceKey)
    {
        _equivalenceKey = equivalenceKey;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var context = fixAllContext;
        if (context.CodeActionEquivalenceKey != _equivalenceKey)
        {
            var diagnostics = new Forwarding(fixAllContext);
            context = fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, _equivalenceKey, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
        }

        var action = await WellKnownFixAllProviders.BatchFixer.GetFixAsync(context).ConfigureAwait(false);
        return action ?? CodeAction.Create("No PeeringLint fix applies here", _ => Task.FromResult(fixAllContext.Solution), _equivalenceKey);
    }

    /// <summary>The client's diagnostics, unchanged.</summary>
    private sealed class Forwarding : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _inner;

        public Forwarding(FixAllContext inner)
        {
            _inner = inner;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Cast(_inner.GetDocumentDiagnosticsAsync(document));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Cast(_inner.GetProjectDiagnosticsAsync(project));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Cast(_inner.GetAllDiagnosticsAsync(project));

        private static async Task<IEnumerable<Diagnostic>> Cast(Task<ImmutableArray<Diagnostic>> diagnostics) => await diagnostics.ConfigureAwait(false);
    }
}
