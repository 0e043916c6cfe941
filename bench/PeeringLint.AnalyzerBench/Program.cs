using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PeeringLint.Analyzers;

// dotnet run -c Release --project bench/PeeringLint.AnalyzerBench -- DIR [rounds]
// DIR: a C# app written by `PeeringLint.Bench cdk-app` (or any folder of .cs files against Amazon.CDK.Lib 2.160.0).
// Each round parses the sources afresh and measures, on one thread (process CPU time, concurrent analysis off):
//   compile = GetDiagnostics (binding every method body) + Emit to memory, what the compiler does for a build;
//   analyzer = PeeringLintAnalyzer alone through CompilationWithAnalyzers on a fresh compilation (its own binding of the
//              bodies it looks at included), and the analyzer's own callback time as ReportAnalyzer measures it.
// The first round warms the JIT (as the compiler server and the IDE are warm) and is not counted.
string dir = args.Length > 0 ? args[0] : throw new ArgumentException("usage: DIR [rounds]");
int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
var files = Directory.GetFiles(dir, "*.cs", SearchOption.TopDirectoryOnly).OrderBy(f => f, StringComparer.Ordinal).ToArray();
var texts = files.Select(f => (Path: f, Text: File.ReadAllText(f))).ToArray();
var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
var references = tpa.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
var parse = new CSharpParseOptions(LanguageVersion.Latest);
var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);
Console.WriteLine($"{files.Length} files, {texts.Sum(t => t.Text.Split('\n').Length)} lines, {references.Length} references");

CSharpCompilation Fresh() => CSharpCompilation.Create("CdkScale", texts.Select(t => CSharpSyntaxTree.ParseText(SourceText.From(t.Text), parse, t.Path)), references, options);
double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

var compileMs = new System.Collections.Generic.List<double>();
var analyzerMs = new System.Collections.Generic.List<double>();
var treesMs = new System.Collections.Generic.List<double>();
var callbackMs = new System.Collections.Generic.List<double>();
int findings = 0;
for (int round = 0; round <= rounds; round++)
{
    var c = Fresh();
    double t0 = Cpu();
    var errors = c.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    using (var ms = new MemoryStream())
    {
        c.Emit(ms);
    }

    double t1 = Cpu();
    if (errors > 0)
    {
        throw new InvalidOperationException($"{errors} compile errors");
    }

    // The operation trees: any analyzer of operations (the SDK's CA rules, on by default) makes the compiler build them.
    var baseline = RunAnalyzers(Fresh(), new OperationsBaseline());
    var analyzer = new PeeringLintAnalyzer();
    var both = RunAnalyzers(Fresh(), new OperationsBaseline(), analyzer);
    findings = both.Diagnostics.Count(d => d.Id.StartsWith("PL", StringComparison.Ordinal));
    if (round == 0)
    {
        Console.WriteLine($"warm-up: compile {t1 - t0:F0} ms, operation trees {baseline.Ms:F0} ms, with PeeringLint {both.Ms:F0} ms, {findings} PL diagnostics");
        continue;
    }

    compileMs.Add(t1 - t0);
    treesMs.Add(baseline.Ms);
    analyzerMs.Add(both.Ms - baseline.Ms);
    callbackMs.Add(both.Cwa.GetAnalyzerTelemetryInfoAsync(analyzer, default).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
}

double Median(System.Collections.Generic.List<double> l) => l.OrderBy(x => x).ElementAt(l.Count / 2);
double build = Median(compileMs) + Median(treesMs);
Console.WriteLine($"median of {rounds} (CPU ms): compile (bind + emit) {Median(compileMs):F0}; operation trees for analyzers {Median(treesMs):F0}; " +
    $"PeeringLint on top {Median(analyzerMs):F0} (its callbacks {Median(callbackMs):F0}) = {100 * Median(analyzerMs) / (build + Median(analyzerMs)):F1} % of compile + trees + PeeringLint; {findings} PL diagnostics");

(double Ms, ImmutableArray<Diagnostic> Diagnostics, CompilationWithAnalyzers Cwa) RunAnalyzers(Compilation c, params DiagnosticAnalyzer[] analyzers)
{
    var cwa = c.WithAnalyzers(analyzers.ToImmutableArray(),
        new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    double t = Cpu();
    var d = cwa.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    return (Cpu() - t, d, cwa);
}

/// <summary>Asks for the operations PeeringLint asks for and does nothing with them: the cost every operation analyzer shares.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationsBaseline : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BASE0001", "never", "never", "bench", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => { }, Microsoft.CodeAnalysis.OperationKind.ObjectCreation, Microsoft.CodeAnalysis.OperationKind.Invocation, Microsoft.CodeAnalysis.OperationKind.VariableDeclarator, Microsoft.CodeAnalysis.OperationKind.SimpleAssignment, Microsoft.CodeAnalysis.OperationKind.Return);
    }
}
