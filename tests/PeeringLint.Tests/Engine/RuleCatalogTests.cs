using System;
using System.Linq;
using System.Text.RegularExpressions;
using PeeringLint.Engine;
using Xunit;

namespace PeeringLint.Tests.Engine;

public sealed class RuleCatalogTests
{
    [Fact]
    public void Catalog_lists_every_rule_class_once_sorted_by_id()
    {
        var types = typeof(Rule).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(Rule).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();
        var listed = RuleCatalog.All.Select(r => r.GetType()).ToArray();
        Assert.Equal(types.Select(t => t.Name), listed.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(listed.Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal), listed.Select(t => t.Name));
    }

    [Fact]
    public void Ids_are_unique_well_formed_and_in_their_category_block()
    {
        Assert.Equal(RuleCatalog.All.Count, RuleCatalog.All.Select(r => r.Descriptor.Id).Distinct().Count());
        foreach (var r in RuleCatalog.All)
        {
            var d = r.Descriptor;
            Assert.Matches(new Regex(@"^PL\d{4}$"), d.Id);
            Assert.Equal(RuleCategories.ForId(d.Id), d.Category);
            Assert.Equal(d.Id + d.Name, r.GetType().Name);
            Assert.Equal(RuleDescriptor.DocsRoot + d.Id + ".md", d.HelpUri);
            Assert.False(d.Title.EndsWith(".", StringComparison.Ordinal), d.Id + " title ends with a period");
            Assert.True(char.IsUpper(d.Title[0]), d.Id + " title is not sentence case");
            Assert.Same(r, RuleCatalog.Find(d.Slug));
            Assert.Same(r, RuleCatalog.Find(d.Id.ToLowerInvariant()));
        }
    }

    [Fact]
    public void Every_rule_has_a_test_class()
    {
        var testClasses = typeof(RuleCatalogTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var r in RuleCatalog.All)
        {
            Assert.Contains(r.GetType().Name + "Tests", testClasses);
        }
    }

    [Theory]
    [InlineData("OverlappingPeerCidrs", "overlapping-peer-cidrs")]
    [InlineData("PeeringRouteFromNonMember", "peering-route-from-non-member")]
    [InlineData("InvalidCidr", "invalid-cidr")]
    public void Slugs_are_kebab_case(string name, string slug) => Assert.Equal(slug, RuleDescriptor.ToSlug(name));

    [Fact]
    public void Engine_output_is_identical_across_thread_counts()
    {
        var load = TestKit.RuleVerifier.Load(System.IO.File.ReadAllText(TestKit.TestPaths.Combine("examples", "nextwork-peering-broken.yaml")));
        var one = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 }).Findings;
        var many = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 8 }).Findings;
        Assert.Equal(one.Select(f => f.RuleId + f.Location + f.Message), many.Select(f => f.RuleId + f.Location + f.Message));
    }

    [Fact]
    public void A_throwing_rule_is_reported_as_a_failure_not_lost()
    {
        var result = LintEngine.Run(PeeringLint.Model.NetworkModel.Empty, rules: new Rule[] { new Throwing() });
        var failure = Assert.Single(result.Failures);
        Assert.Equal("PL0999", failure.RuleId);
    }

    private sealed class Throwing : Rule
    {
        public override RuleDescriptor Descriptor { get; } = new("PL0999", "Throwing", "Throws", "Throws.", RuleCategories.Input, Severity.Error);

        public override void Analyze(RuleContext context) => throw new InvalidOperationException("boom");
    }
}
