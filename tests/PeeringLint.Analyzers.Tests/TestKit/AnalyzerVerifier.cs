using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Analyzers.Tests.TestKit;

/// <summary>
/// Checks that the analyzer reports exactly the marked spans: C# sources and AdditionalFiles texts may carry
/// <c>[|…|]</c> (id <paramref name="defaultId"/>) or <c>{|PL1002:…|}</c> markup.
/// </summary>
public static class AnalyzerVerifier
{
    public static Task<ImmutableDiagnostics> VerifyAsync(string csharpMarkup, string? defaultId = null) =>
        VerifyAsync(new[] { ("Stack.cs", csharpMarkup) }, System.Array.Empty<(string, string)>(), defaultId);

    /// <summary>
    /// As <see cref="VerifyAsync(string, string?)"/>, but the diagnostics of the <paramref name="ignored"/> ids are
    /// neither expected nor checked: for a test about another rule on a topology where those fire too (the L2
    /// tutorial's public instances admit no SSH: PL4001).
    /// </summary>
    public static Task<ImmutableDiagnostics> VerifyIgnoringAsync(string csharpMarkup, string? defaultId, params string[] ignored) =>
        VerifyAsync(new[] { ("Stack.cs", csharpMarkup) }, System.Array.Empty<(string, string)>(), defaultId, ignored);

    public static async Task<ImmutableDiagnostics> VerifyAsync(IEnumerable<(string Path, string Markup)> csharp, IEnumerable<(string Path, string Markup)> additional, string? defaultId = null, IReadOnlyCollection<string>? ignored = null)
    {
        var expected = new List<string>();
        var sources = new List<(string, string)>();
        var texts = new Dictionary<string, string>();
        foreach (var (path, markup) in csharp)
        {
            var (text, spans) = Markup.Parse(markup);
            sources.Add((path, text));
            texts[path] = text;
            expected.AddRange(spans.Select(s => Format(s.RuleId ?? defaultId ?? "?", path, s.Start, s.End, text)));
        }

        var extra = new List<InMemoryAdditionalText>();
        foreach (var (path, markup) in additional)
        {
            var (text, spans) = Markup.Parse(markup);
            extra.Add(new InMemoryAdditionalText(path, text));
            texts[path] = text;
            expected.AddRange(spans.Select(s => Format(s.RuleId ?? defaultId ?? "?", path, s.Start, s.End, text)));
        }

        var compilation = CdkCompiler.Compile(sources);
        var run = await CdkCompiler.RunAsync(compilation, extra);
        Assert.Empty(run.Exceptions);
        var actual = run.Diagnostics
            .Where(d => d.Id.StartsWith("PL", System.StringComparison.Ordinal) && (ignored is null || !ignored.Contains(d.Id)))
            .Select(d =>
            {
                var span = d.Location.SourceSpan;
                string path = d.Location.IsInSource ? d.Location.SourceTree!.FilePath : d.Location.GetLineSpan().Path;
                return Format(d.Id, path, span.Start, span.End, texts.TryGetValue(path, out var t) ? t : string.Empty);
            })
            .ToList();
        expected.Sort(System.StringComparer.Ordinal);
        actual.Sort(System.StringComparer.Ordinal);
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
        return new ImmutableDiagnostics(run.Diagnostics.Where(d => d.Id.StartsWith("PL", System.StringComparison.Ordinal)).ToList());
    }

    private static string Format(string id, string path, int start, int end, string text)
    {
        string slice = end <= text.Length && start <= end ? text.Substring(start, end - start) : "?";
        return $"{id} {path} [{start}..{end}) `{slice}`";
    }
}

/// <summary>The PL diagnostics of a run, for assertions on messages and properties.</summary>
public sealed record ImmutableDiagnostics(IReadOnlyList<Diagnostic> All)
{
    public Diagnostic Single(string id) => Assert.Single(All, d => d.Id == id);
}
