using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers;

/// <summary>Issue 18: the keys that qualify ids of several files are unique per file and as short as the run allows.</summary>
public sealed class FileKeysTests
{
    [Theory]
    [InlineData(new[] { "x/net.yaml", "y/other.yaml" }, new[] { "net", "other" })]
    [InlineData(new[] { "a/net.yaml", "b/net.yaml" }, new[] { "a/net", "b/net" })]
    [InlineData(new[] { "net.yaml", "net.json" }, new[] { "net.yaml", "net.json" })]
    [InlineData(new[] { "p/a/net.yaml", "q/a/net.yaml", "b/net.yaml" }, new[] { "p/a/net", "q/a/net", "b/net" })]
    [InlineData(new[] { "A/net.yaml", "a/net.yaml" }, new[] { "A/net.yaml", "a/net.yaml#2" })]
    [InlineData(new[] { "net", "a/net.yaml" }, new[] { "net", "net.yaml" })]
    [InlineData(new[] { "a/net.yaml", "a/net.yaml" }, new[] { "a/net.yaml", "a/net.yaml#2" })]
    [InlineData(new[] { "cdk.out/App.template.json", "cdk.out/Net.template.json" }, new[] { "App", "Net" })]
    [InlineData(new[] { "a/App.template.json", "b/App.template.json" }, new[] { "a/App", "b/App" })]
    public void Keys_are_the_shortest_distinct_ends_of_the_display_paths(string[] paths, string[] keys) =>
        Assert.Equal(keys, FileKeys.For(paths));

    [Fact]
    public void Keys_never_differ_only_in_case_and_never_repeat()
    {
        var keys = FileKeys.For(new[] { "Net.yaml", "net.yaml", "x/NET.yml", "x/net.yml" });
        Assert.Equal(keys.Length, new System.Collections.Generic.HashSet<string>(keys, System.StringComparer.OrdinalIgnoreCase).Count);
    }
}
