using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Docs;

/// <summary>
/// The VS Code extension lists one severity setting per rule (editors/vscode/package.json). Its own node tests check it
/// against rules/README.md in .ci/check-vscode.sh; this keeps a new rule from slipping past `dotnet test` alone.
/// </summary>
public sealed class EditorSettingsTests
{
    [Fact]
    public void The_vscode_extension_has_a_severity_setting_for_every_rule_and_no_other()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Root, "editors", "vscode", "package.json")));
        var settings = doc.RootElement.GetProperty("contributes").GetProperty("configuration").GetProperty("properties")
            .GetProperty("peeringlint.rules").GetProperty("properties");

        var ids = settings.EnumerateObject().Select(p => p.Name).OrderBy(n => n, System.StringComparer.Ordinal);
        var rules = RuleCatalog.All.Select(r => r.Descriptor.Id).OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Equal(rules, ids);
    }
}
