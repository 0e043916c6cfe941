using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using PeeringLint.Analyzers.Tests.TestKit;
using Xunit;

namespace PeeringLint.Analyzers.Tests;

/// <summary>
/// Templates listed as AdditionalFiles are parsed once per content: a compilation whose templates did not change (an
/// edit in a C# file) replays the diagnostics of the last one instead of reading the templates again (issue 17).
/// </summary>
public sealed class TemplateSetCacheTests
{
    private const string Broken =
        "name: t\nvpcs:\n  - name: a\n    cidr: 10.1.0.0/16\n    route_tables:\n      - name: rtb-a\n        routes:\n" +
        "          - { destination: 10.1.0.0/16, target: a-b }\n  - name: b\n    cidr: 10.2.0.0/16\n" +
        "peerings:\n  - name: a-b\n    requester: a\n    accepter: b\n";

    [Fact]
    public void Same_contents_are_replayed_without_linting_again()
    {
        var cache = new AdditionalFilesLinter.TemplateSetCache(capacity: 4);
        var first = Run(cache, new InMemoryAdditionalText("network/t.yaml", Broken));
        Assert.Contains(first, d => d.Id == "PL1002");
        Assert.Equal(1, cache.Misses);

        // A new AdditionalText object with the same path and text: another compilation of an unchanged project.
        var second = Run(cache, new InMemoryAdditionalText("network/t.yaml", Broken));
        Assert.Equal(1, cache.Misses);
        Assert.Equal(first.Count, second.Count);
        Assert.All(first.Zip(second), p => Assert.Same(p.First, p.Second));
    }

    [Fact]
    public void Changed_contents_or_another_path_are_linted_again()
    {
        var cache = new AdditionalFilesLinter.TemplateSetCache(capacity: 4);
        Run(cache, new InMemoryAdditionalText("network/t.yaml", Broken));
        var fixedRun = Run(cache, new InMemoryAdditionalText("network/t.yaml", Broken.Replace("destination: 10.1.0.0/16", "destination: 10.2.0.0/16")));
        Assert.Equal(2, cache.Misses);
        Assert.DoesNotContain(fixedRun, d => d.Id == "PL1002");

        var moved = Run(cache, new InMemoryAdditionalText("other/t.yaml", Broken));
        Assert.Equal(3, cache.Misses);
        Assert.Equal("other/t.yaml", moved.First(d => d.Id == "PL1002").Location.GetLineSpan().Path);
    }

    [Fact]
    public void The_order_the_project_lists_the_files_in_does_not_matter_but_every_file_does()
    {
        var cache = new AdditionalFilesLinter.TemplateSetCache(capacity: 4);
        var a = new InMemoryAdditionalText("network/a.yaml", Broken);
        var b = new InMemoryAdditionalText("network/b.yaml", "vpcs: []\n");
        Run(cache, a, b);
        Run(cache, b, a);
        Assert.Equal(1, cache.Misses);
        Run(cache, a);
        Assert.Equal(2, cache.Misses);
    }

    [Fact]
    public void The_oldest_set_is_forgotten_beyond_the_capacity()
    {
        var cache = new AdditionalFilesLinter.TemplateSetCache(capacity: 2);
        Run(cache, new InMemoryAdditionalText("one.yaml", Broken));
        Run(cache, new InMemoryAdditionalText("two.yaml", Broken));
        Run(cache, new InMemoryAdditionalText("one.yaml", Broken)); // still cached: one is now the newest
        Assert.Equal(2, cache.Misses);
        Run(cache, new InMemoryAdditionalText("three.yaml", Broken)); // evicts two
        Run(cache, new InMemoryAdditionalText("two.yaml", Broken));
        Assert.Equal(4, cache.Misses);
    }

    private static List<Diagnostic> Run(AdditionalFilesLinter.TemplateSetCache cache, params AdditionalText[] files)
    {
        var found = new List<Diagnostic>();
        cache.Lint(files, found.Add, default);
        return found;
    }
}
