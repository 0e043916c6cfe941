using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Docs;

/// <summary>
/// Every rule page's examples must really behave: the <c>yaml bad</c> block raises this page's rule and no
/// other (suppressed findings aside), the <c>yaml good</c> block raises nothing. Only rules in
/// <see cref="RuleCatalog.All"/> are run, so rules added later cannot break pages written before them
/// without their author noticing in this test.
/// </summary>
public sealed class RuleExampleTests
{
    private static readonly Regex Fence = new(@"^```(?<info>[^\n]*)\n(?<body>.*?)^```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline);

    public static TheoryData<string> Pages()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(TestPaths.Rules, "PL*.md").OrderBy(p => p, StringComparer.Ordinal))
        {
            // Tool diagnostics (PL0001, PL0002) describe PeeringLint, not a network: they have no examples to run.
            if (ToolDiagnostics.All.Any(t => t.Id == Path.GetFileNameWithoutExtension(path)))
            {
                continue;
            }

            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void ExamplesBehave(string page)
    {
        string id = Path.GetFileNameWithoutExtension(page);
        string text = File.ReadAllText(Path.Combine(TestPaths.Rules, page)).Replace("\r\n", "\n");
        var blocks = Fence.Matches(text).Cast<Match>().Select(m => (Info: m.Groups["info"].Value.Trim(), Body: m.Groups["body"].Value)).ToList();

        var bad = blocks.Where(b => b.Info == "yaml bad").ToList();
        var good = blocks.Where(b => b.Info == "yaml good").ToList();
        Assert.True(bad.Count == 1, $"{page}: expected exactly one ```yaml bad block, found {bad.Count}");
        Assert.True(good.Count == 1, $"{page}: expected exactly one ```yaml good block, found {good.Count}");
        Assert.Contains(RuleCatalog.All, r => r.Descriptor.Id == id);

        var badFindings = Lint(page + " (bad)", bad[0].Body);
        Assert.True(badFindings.Count > 0, $"{page}: the bad example raises no finding");
        var foreign = badFindings.Where(f => f.RuleId != id).ToList();
        Assert.True(foreign.Count == 0, $"{page}: the bad example raises other rules:\n" + Describe(foreign));

        var goodFindings = Lint(page + " (good)", good[0].Body);
        Assert.True(goodFindings.Count == 0, $"{page}: the good example raises findings:\n" + Describe(goodFindings));
    }

    /// <summary>Loads one example as a tutorial file and returns its unsuppressed findings.</summary>
    private static List<Finding> Lint(string what, string yaml)
    {
        var result = new InputLoader().Load(new[] { InputSource.FromText("example.yaml", yaml) });
        var errors = result.Problems.Where(p => p.Severity == InputProblemSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{what}: input problems:\n" + string.Join("\n", errors));

        var lint = LintEngine.Run(result.Model);
        Assert.True(lint.Failures.Count == 0, $"{what}: rules failed:\n" + string.Join("\n", lint.Failures));
        return lint.Findings.Where(f => !f.IsSuppressed).ToList();
    }

    private static string Describe(IEnumerable<Finding> findings) =>
        string.Join("\n", findings.Select(f => $"  {f.Location.StartLine}:{f.Location.StartColumn} {f.RuleId} {f.Severity}: {f.Message}"));
}
