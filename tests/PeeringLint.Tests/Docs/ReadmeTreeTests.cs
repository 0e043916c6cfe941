using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Docs;

/// <summary>README's "How it is built" tree names only folders and files that exist (issue 19 §5: docs drift).</summary>
public sealed class ReadmeTreeTests
{
    [Fact]
    public void Every_folder_in_the_readme_tree_exists()
    {
        string readme = File.ReadAllText(Path.Combine(TestPaths.Root, "README.md")).Replace("\r\n", "\n");
        var section = readme.Substring(readme.IndexOf("## How it is built", System.StringComparison.Ordinal));
        var tree = Regex.Match(section, "```\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var named = new List<string>();
        string? parent = null;
        foreach (var line in tree.Split('\n').Where(l => l.Trim().Length > 0))
        {
            var top = Regex.Match(line, @"^([\w.]+(?:/[\w.<>]+)*/?)(?:,\s*([\w.]+(?:/[\w.]+)*/?))?\s");
            if (top.Success)
            {
                parent = top.Groups[1].Value.TrimEnd('/');
                named.Add(parent);
                if (top.Groups[2].Success)
                {
                    named.Add(top.Groups[2].Value.TrimEnd('/'));
                }

                continue;
            }

            var child = Regex.Match(line, @"^  (\w+)/\s");
            if (child.Success && parent is not null)
            {
                named.Add(parent + "/" + child.Groups[1].Value);
            }
        }

        Assert.True(named.Count > 15, "the README tree was not found or not parsed: " + string.Join(", ", named));
        foreach (var path in named.Where(p => !p.Contains('<')))
        {
            string full = Path.Combine(TestPaths.Root, path);
            Assert.True(Directory.Exists(full) || File.Exists(full), $"README.md's tree names '{path}', which does not exist");
        }
    }
}
