using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PeeringLint.Analyzers.Tests.TestKit;

/// <summary>
/// Compiles C# against the real Amazon.CDK.Lib 2.160.0 (plus Constructs and the jsii runtime, copied to the
/// test output by the package references) and the running framework's assemblies, and runs the analyzer with
/// <see cref="CompilationWithAnalyzers"/>. The reference set is built once per test run.
/// </summary>
public static class CdkCompiler
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static ImmutableArray<MetadataReference> FrameworkOnly { get; } = BuildFrameworkReferences();

    /// <summary>Wraps statements in a CDK stack constructor, with the usual usings.</summary>
    public static string Stack(string body, string members = "") =>
        "using System;\n" +
        "using Amazon.CDK;\n" +
        "using Amazon.CDK.AWS.EC2;\n" +
        "using Constructs;\n" +
        "\n" +
        "namespace App;\n" +
        "\n" +
        "public sealed class NetStack : Stack\n" +
        "{\n" +
        members +
        "    public NetStack(Construct scope, string id)\n" +
        "        : base(scope, id)\n" +
        "    {\n" +
        body +
        "    }\n" +
        "}\n";

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, ImmutableArray<MetadataReference>? references = null, ReportDiagnostic? generalOption = null, IDictionary<string, ReportDiagnostic>? specific = null)
    {
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), parse, s.Path)).ToArray();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(specific ?? new Dictionary<string, ReportDiagnostic>());
        var compilation = CSharpCompilation.Create("CdkApp", trees, references ?? References, options);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException("test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        }

        return compilation;
    }

    public sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions);

    public static async Task<AnalyzerRun> RunAsync(Compilation compilation, IEnumerable<AdditionalText>? additional = null)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additional?.ToImmutableArray() ?? ImmutableArray<AdditionalText>.Empty),
            (ex, _, _) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(ex);
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var with = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PeeringLintAnalyzer()), options);
        var diagnostics = await with.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return new AnalyzerRun(diagnostics, exceptions);
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var list = new List<MetadataReference>(FrameworkOnly);
        foreach (var name in new[] { "Amazon.CDK.Lib.dll", "Constructs.dll", "Amazon.JSII.Runtime.dll" })
        {
            list.Add(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, name)));
        }

        return list.ToImmutableArray();
    }

    private static ImmutableArray<MetadataReference> BuildFrameworkReferences()
    {
        string frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

/// <summary>An in-memory AdditionalFiles item.</summary>
public sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public InMemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
