using PeeringLint.Tests.TestKit;
using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using PeeringLint.Cli.Output.Graph;
using Xunit;

namespace PeeringLint.Tests.Graph;

/// <summary>
/// SVG through Graphviz and the HTML report. Tests that need Graphviz check the real thing when 'dot' is on PATH
/// and, when it is not, that the command fails the documented way (exit 2 and the install hint): never skipped.
/// </summary>
public sealed class SvgAndHtmlTests
{
    private static string Broken => GraphTestKit.Example("nextwork-peering-broken.yaml");

    [Fact]
    public void Svg_is_well_formed_with_the_node_ids_when_graphviz_is_installed_else_exit_2_with_the_hint()
    {
        var (exit, output, err) = GraphTestKit.Cli("graph", Broken, "--format", "svg", "--detail");
        if (GraphTestKit.Dot is null)
        {
            Assert.Equal(2, exit);
            Assert.Contains(SvgRenderer.NotFoundMessage, err);
            Assert.Equal(string.Empty, output);
            return;
        }

        Assert.True(exit == 0, err);
        var doc = XDocument.Parse(output);
        XNamespace svg = "http://www.w3.org/2000/svg";
        Assert.Equal(svg + "svg", doc.Root!.Name);
        var ids = doc.Descendants().Select(e => (string?)e.Attribute("id")).Where(id => id is not null).ToHashSet();
        foreach (var id in new[] { "vpc_NextWork_1_vpc_14b8e5", "vpc_NextWork_2_vpc_f8479c", "pcx_VPC_1____VPC_2_49299a", "rtb_NextWork_1_rtb_public_ccb1a0", "igw_NextWork_1_igw_cac48f", "i_Instance___NextWork_VPC_1_cf8ed3", "internet" })
        {
            Assert.Contains(id, ids);
        }

        // The label text survives escaping, and the typo route is drawn in the error colour.
        Assert.Contains("VPC 1 &lt;&gt; VPC 2", output);
        Assert.Contains("stroke=\"#d73a49\"", output);
    }

    [Fact]
    public void Missing_graphviz_gives_exit_2_and_the_install_hint()
    {
        var (exit, output, err) = GraphTestKit.Graph(null, Broken, "--format", "svg");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains("Graphviz 'dot' was not found on PATH; install it (Debian/Ubuntu: sudo apt-get install graphviz, macOS: brew install graphviz) or use --format dot|mermaid|html", err);
    }

    [Fact]
    public void Dot_is_looked_up_on_path()
    {
        string dir = Path.Combine(Path.GetTempPath(), "peeringlint-nodot-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        Assert.Null(SvgRenderer.FindOnPath(dir));
        Assert.Null(SvgRenderer.FindOnPath(string.Empty));
        Assert.Null(SvgRenderer.FindOnPath(null));
        string fake = Path.Combine(dir, OperatingSystem.IsWindows() ? "dot.exe" : "dot");
        File.WriteAllText(fake, string.Empty);
        Assert.Equal(fake, SvgRenderer.FindOnPath(string.Join(Path.PathSeparator, "/no/such/dir", dir)));
    }

    [Fact]
    public void Html_report_without_graphviz_embeds_the_mermaid_text_and_says_so()
    {
        var (exit, html, err) = GraphTestKit.Graph(null, Broken, "--format", "html");
        Assert.True(exit == 0, err);
        AssertSelfContainedReport(html);
        Assert.DoesNotContain("<svg", html);
        Assert.Contains("Graphviz &#39;dot&#39; was not found on PATH", html);
        Assert.Contains("<pre class=\"mermaid-source\">flowchart LR", html);
        Assert.Contains("VPC 1 #lt;#gt; VPC 2", html);
    }

    [Fact]
    public void Html_report_with_graphviz_inlines_the_svg_else_falls_back()
    {
        string outFile = Path.Combine(Path.GetTempPath(), "peeringlint-graph-" + Guid.NewGuid().ToString("N") + ".html");
        var (exit, stdout, err) = GraphTestKit.Cli("graph", Broken, "--format", "html", "--detail", "--output", outFile);
        Assert.True(exit == 0, err);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("wrote " + outFile, err);
        string html = File.ReadAllText(outFile);
        AssertSelfContainedReport(html);
        if (GraphTestKit.Dot is null)
        {
            Assert.Contains("<pre class=\"mermaid-source\">", html);
        }
        else
        {
            Assert.Contains("<div class=\"diagram\">\n<svg", html);
            Assert.DoesNotContain("<!DOCTYPE svg", html);
            Assert.Contains("id=\"pcx_VPC_1____VPC_2_49299a\"", html);
        }
    }

    [Fact]
    public void Input_errors_exit_2_without_a_diagram()
    {
        string bad = GraphTestKit.TempYaml("vpcs:\n  - name: a\n    cidr: [10.1.0.0/16\n");
        var (exit, output, err) = GraphTestKit.Cli("graph", bad, "--format", "mermaid");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.Matches(@"input\.yaml:\d+:\d+: error: invalid YAML", err);
        Assert.Equal(2, GraphTestKit.Cli("graph", Broken, "--format", "png").Exit);
    }

    private static void AssertSelfContainedReport(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("<table class=\"sortable\" id=\"findings\">", html);
        Assert.Contains("<td>PL1002</td>", html);
        Assert.Contains("<td>PL2001</td>", html);
        int errors = PeeringLint.Engine.LintEngine.Run(RuleVerifier.Load(System.IO.File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering-broken.yaml"))).Model).Findings.Count(f => f.Severity == PeeringLint.Engine.Severity.Error);
        Assert.Contains($"{errors} errors", html);
        Assert.Contains("addEventListener(\"click\"", html);
        Assert.Contains("<table class=\"sortable\" id=\"intents\">", html);
        Assert.Contains("blocked at", html); // intents are evaluated by the reachability engine

        // Offline: no external scripts, styles or images.
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("https://", html);
    }
}
