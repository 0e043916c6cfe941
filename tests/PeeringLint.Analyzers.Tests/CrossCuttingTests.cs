using System;
using System.Linq;
using System.Reflection;
using PeeringLint.Engine;
using Xunit;

namespace PeeringLint.Analyzers.Tests;

public sealed class CrossCuttingTests
{
    private static readonly Version RoslynPin = new(4, 8, 0, 0);

    [Fact]
    public void EveryRuleHasADescriptorWithItsHelpLink()
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

    [Theory]
    [InlineData(typeof(PeeringLintAnalyzer))]
    [InlineData(typeof(CodeFixes.PL1002UseSuggestedDestinationCodeFixProvider))]
    public void RoslynReferenceIsNotNewerThanThePin(Type type)
    {
        var references = type.Assembly.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(references);
        foreach (var r in references)
        {
            Assert.True(r.Version <= RoslynPin, $"{type.Assembly.GetName().Name} references {r.Name} {r.Version}, newer than {RoslynPin}");
        }
    }

    [Fact]
    public void AnalyzerDoesNotReferenceWorkspaces()
    {
        Assert.DoesNotContain(typeof(PeeringLintAnalyzer).Assembly.GetReferencedAssemblies(), a => a.Name!.Contains("Workspaces", StringComparison.Ordinal));
    }
}
