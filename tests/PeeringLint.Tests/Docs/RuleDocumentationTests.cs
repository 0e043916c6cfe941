using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Docs;

/// <summary>
/// Keeps rules/ true to the code: a page per rule and a rule per page, titles and generated blocks equal to
/// the descriptors, known headings in order, and rules/README.md's index. PEERINGLINT_UPDATE_DOCS=1 rewrites
/// the generated parts instead of failing.
/// </summary>
public sealed class RuleDocumentationTests
{
    private static readonly string[] KnownHeadings = { "Why this is a problem", "What it needs to know", "Example", "How to fix", "Options", "How to suppress", "References" };
    private static readonly string[] RequiredHeadings = { "Why this is a problem", "Example", "How to fix" };
    private static bool Update => Environment.GetEnvironmentVariable("PEERINGLINT_UPDATE_DOCS") == "1";

    public static IEnumerable<object[]> Rules() => RuleCatalog.All.Select(r => new object[] { r.Descriptor.Id });

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_a_page_matching_its_descriptor(string id)
    {
        var d = RuleCatalog.Find(id)!.Descriptor;
        string path = Path.Combine(TestPaths.Rules, id + ".md");
        Assert.True(File.Exists(path), $"rules/{id}.md is missing");
        string text = File.ReadAllText(path).Replace("\r\n", "\n");
        string expectedBlock = GeneratedBlock(d);
        var block = Regex.Match(text, "<!-- generated -->\n(.*?)<!-- /generated -->\n", RegexOptions.Singleline);
        string header = $"# {d.Id}: {d.Title}\n";
        if (Update && (!text.StartsWith(header, StringComparison.Ordinal) || !block.Success || block.Groups[1].Value != expectedBlock))
        {
            int firstBreak = text.IndexOf('\n');
            string rest = firstBreak >= 0 ? text.Substring(firstBreak + 1) : string.Empty;
            rest = block.Success ? rest.Replace(block.Value, $"<!-- generated -->\n{expectedBlock}<!-- /generated -->\n") : $"\n<!-- generated -->\n{expectedBlock}<!-- /generated -->\n" + rest;
            File.WriteAllText(path, header + rest.TrimStart('\n').Insert(0, "\n"));
            text = File.ReadAllText(path);
            block = Regex.Match(text, "<!-- generated -->\n(.*?)<!-- /generated -->\n", RegexOptions.Singleline);
        }

        Assert.StartsWith(header, text);
        Assert.True(block.Success, $"rules/{id}.md has no <!-- generated --> block");
        Assert.Equal(expectedBlock, block.Groups[1].Value);

        var headings = Regex.Matches(text, "^## (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Trim()).ToList();
        foreach (var h in headings)
        {
            Assert.Contains(h, KnownHeadings);
        }

        foreach (var required in RequiredHeadings)
        {
            Assert.Contains(required, headings);
        }

        var order = headings.Select(h => Array.IndexOf(KnownHeadings, h)).ToList();
        Assert.True(order.SequenceEqual(order.OrderBy(i => i)), $"rules/{id}.md headings are out of order: {string.Join(", ", headings)}");
        Assert.Single(Regex.Matches(text, "^```yaml bad$", RegexOptions.Multiline));
        Assert.Single(Regex.Matches(text, "^```yaml good$", RegexOptions.Multiline));
    }

    [Fact]
    public void Every_page_has_a_rule()
    {
        foreach (var file in Directory.GetFiles(TestPaths.Rules, "PL*.md"))
        {
            string id = Path.GetFileNameWithoutExtension(file);
            Assert.True(RuleCatalog.Find(id) is not null || ToolDiagnostics.All.Any(t => t.Id == id), $"rules/{id}.md documents no rule in RuleCatalog and no tool diagnostic");
        }
    }

    [Fact]
    public void Every_tool_diagnostic_has_a_page_with_its_title()
    {
        foreach (var (id, title) in ToolDiagnostics.All)
        {
            string path = Path.Combine(TestPaths.Rules, id + ".md");
            Assert.True(File.Exists(path), $"rules/{id}.md is missing");
            Assert.StartsWith($"# {id}: {title}\n", File.ReadAllText(path).Replace("\r\n", "\n"));
        }
    }

    [Fact]
    public void Readme_index_lists_every_rule()
    {
        string path = Path.Combine(TestPaths.Rules, "README.md");
        string text = File.ReadAllText(path).Replace("\r\n", "\n");
        var sb = new StringBuilder("| Id | Title | Category | Severity |\n|---|---|---|---|\n");
        foreach (var r in RuleCatalog.All)
        {
            var d = r.Descriptor;
            sb.Append($"| [{d.Id}]({d.Id}.md) | {d.Title} | {d.Category} | {d.DefaultSeverity} |\n");
        }

        var m = Regex.Match(text, "<!-- rules:begin -->\n(.*?)<!-- rules:end -->", RegexOptions.Singleline);
        Assert.True(m.Success, "rules/README.md lacks the <!-- rules:begin --> / <!-- rules:end --> markers");
        if (Update && m.Groups[1].Value != sb.ToString())
        {
            File.WriteAllText(path, text.Replace(m.Value, "<!-- rules:begin -->\n" + sb + "<!-- rules:end -->"));
            return;
        }

        Assert.Equal(sb.ToString(), m.Groups[1].Value);
    }

    internal static string GeneratedBlock(RuleDescriptor d)
    {
        return "| Category | Default severity | Code fix |\n|---|---|---|\n"
            + $"| {d.Category} | {d.DefaultSeverity} | {(d.HasCodeFix ? "yes" : "no")} |\n";
    }
}
