using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using System.Reflection;
using PeeringLint.Engine;
using Xunit;

namespace PeeringLint.Analyzers.Tests;

public sealed class CrossCuttingTests
{
    private static readonly Version RoslynPin = new(4, 8, 0, 0);

    [Fact]
    public void Every_rule_has_a_descriptor_with_its_help_link()
    {
        var analyzer = new PeeringLintAnalyzer();
        var ids = analyzer.SupportedDiagnostics.Select(d => d.Id).ToArray();
        Assert.Equal(ids.Distinct().Count(), ids.Length);
        foreach (var rule in RuleCatalog.All)
        {
            var d = Assert.Single(analyzer.SupportedDiagnostics, x => x.Id == rule.Descriptor.Id);
            Assert.Equal(rule.Descriptor.HelpUri, d.HelpLinkUri);
            Assert.Equal(rule.Descriptor.Title, d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(rule.Descriptor.Category, d.Category);
        }

        foreach (var d in analyzer.SupportedDiagnostics)
        {
            Assert.Matches(@"^PL\d{4}$", d.Id);
            Assert.Equal(RuleDescriptor.DocsRoot + d.Id + ".md", d.HelpLinkUri);
            Assert.Contains(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.CompilationEnd, d.CustomTags);
        }
    }

    [Fact]
    public void Every_reportable_id_has_a_page_and_is_in_the_release_table()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "PeeringLint.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        string releases = File.ReadAllText(Path.Combine(root, "src", "PeeringLint.Analyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(root, "src", "PeeringLint.Analyzers", "AnalyzerReleases.Shipped.md"));
        var listed = Regex.Matches(releases, @"^(PL\d{4}) \| (\w+) \|", RegexOptions.Multiline).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        var supported = new PeeringLintAnalyzer().SupportedDiagnostics;
        Assert.Equal(supported.Select(d => d.Id).OrderBy(i => i), listed.Keys.OrderBy(i => i));
        foreach (var d in supported)
        {
            Assert.True(File.Exists(Path.Combine(root, "rules", d.Id + ".md")), $"rules/{d.Id}.md is missing: {d.HelpLinkUri} would not resolve");
            Assert.Equal(d.Category, listed[d.Id]);
        }
    }

    [Fact]
    public void A_failure_inside_peering_lint_is_reported_as_PL0002_not_swallowed()
    {
        var reported = new List<Diagnostic>();
        PeeringLintAnalyzer.Guard(() => throw new InvalidOperationException("boom"), "this construct", Location.None, reported.Add, CancellationToken.None);
        PeeringLintAnalyzer.ReportFailures(new[] { new RuleFailure("PL2001", "NullReferenceException: x") }, reported.Add);

        Assert.Equal(new[] { "PL0002", "PL0002" }, reported.Select(d => d.Id));
        Assert.Equal(DiagnosticSeverity.Warning, reported[0].Severity);
        Assert.Equal("PeeringLint could not analyze this construct: InvalidOperationException: boom; the results are incomplete (please report this bug)", reported[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("rule PL2001: NullReferenceException: x", reported[1].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => PeeringLintAnalyzer.Guard(() => cts.Token.ThrowIfCancellationRequested(), "x", Location.None, reported.Add, cts.Token));
    }

    [Fact]
    public void Every_code_fix_serves_a_rule_that_says_it_has_one_and_every_such_rule_has_a_fix()
    {
        var providers = typeof(CodeFixes.PeeringCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        var fixable = providers.SelectMany(p => p.FixableDiagnosticIds).OrderBy(i => i).ToList();
        Assert.Equal(RuleCatalog.All.Where(r => r.Descriptor.HasCodeFix).Select(r => r.Descriptor.Id).OrderBy(i => i), fixable);
        Assert.All(providers, p => Assert.NotNull(p.GetFixAllProvider()));
    }

    [Theory]
    [InlineData(typeof(PeeringLintAnalyzer))]
    [InlineData(typeof(CodeFixes.PL1002UseSuggestedDestinationCodeFixProvider))]
    public void Roslyn_reference_is_not_newer_than_the_pin(Type type)
    {
        var references = type.Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(references);
        foreach (var r in references)
        {
            Assert.True(r.Version <= RoslynPin, $"{type.Assembly.GetName().Name} references {r.Name} {r.Version}, newer than {RoslynPin}");
        }
    }

    [Fact]
    public void Analyzer_does_not_reference_workspaces()
    {
        Assert.DoesNotContain(typeof(PeeringLintAnalyzer).Assembly.GetReferencedAssemblies(), a => a.Name!.Contains("Workspaces", StringComparison.Ordinal));
    }
}
