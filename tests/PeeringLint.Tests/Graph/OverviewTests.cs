using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using PeeringLint.Cli.Commands;
using PeeringLint.Cli.Output.Graph;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Graph;

/// <summary>
/// The overview view (one node per VPC, peerings as edges, layout computed by the tool), <c>--view</c>, <c>--focus</c>
/// and the HTML report's matrix data. Geometry is read back from the SVG: no two node boxes overlap and the picture
/// stays within 2:1.
/// </summary>
public sealed class OverviewTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Theory]
    [InlineData("svg")]
    [InlineData("dot")]
    [InlineData("mermaid")]
    public void Small_org_overview_matches_golden_files(string format)
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.Org(8));
        var args = new[] { "graph", file, "--view", "overview", "--format", format };
        var (exit, output, err) = GraphTestKit.Cli(args);
        Assert.True(exit == 0, err);
        Assert.Equal(string.Empty, err);
        Golden.Verify($"graph/org8.overview.{(format == "mermaid" ? "mmd" : format)}", output);
        Assert.Equal(output, GraphTestKit.Cli(args).Out);
    }

    [Fact]
    public void Transit_gateway_hub_is_kept_in_the_overview()
    {
        var (exit, output, err) = GraphTestKit.Cli("graph", GraphTestKit.Example("transit-gateway/hub-and-spoke.yaml"), "--view", "overview", "--format", "svg");
        Assert.True(exit == 0, err);
        Golden.Verify("graph/transit-gateway/hub-and-spoke.overview.svg", output);
        var doc = XDocument.Parse(output);
        var hub = Assert.Single(doc.Descendants(Svg + "g"), g => Classes(g).Contains("hub"));
        var spokes = doc.Descendants(Svg + "path").Where(p => Classes(p).Contains("spoke")).ToList();
        Assert.Equal(2, spokes.Count);
        Assert.All(spokes, s => Assert.Equal((string?)hub.Attribute("id"), (string?)s.Attribute("data-b")));
        AssertGeometry(doc, 3); // two VPCs and the hub
    }

    [Fact]
    public void Overview_at_100_vpcs_has_no_overlapping_boxes_fits_2_to_1_and_shows_every_vpc()
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.Org(100));
        var (exit, output, err) = GraphTestKit.Cli("graph", file, "--format", "svg");
        Assert.True(exit == 0, err);
        var doc = XDocument.Parse(output);
        AssertGeometry(doc, 101);
        var shown = doc.Descendants(Svg + "g").Select(g => (string?)g.Attribute("data-name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < 100; i++)
        {
            Assert.Contains(GraphFixtures.OrgVpc(i), shown);
        }

        // 200 peerings inside the input plus the one to the VPC outside it, each an edge between two drawn boxes.
        var nodeIds = doc.Descendants(Svg + "g").Where(g => Classes(g).Contains("vpc")).Select(g => (string)g.Attribute("id")!).ToHashSet(StringComparer.Ordinal);
        var peerings = doc.Descendants(Svg + "path").Where(p => Classes(p).Contains("peering")).ToList();
        Assert.Equal(201, peerings.Count);
        Assert.All(peerings, p => Assert.True(nodeIds.Contains((string)p.Attribute("data-a")!) && nodeIds.Contains((string)p.Attribute("data-b")!)));
    }

    [Fact]
    public void Auto_view_draws_the_overview_above_the_threshold_only()
    {
        var small = GraphTestKit.Cli("graph", GraphTestKit.TempYaml(GraphFixtures.Org(GraphCommand.OverviewThreshold)));
        Assert.True(small.Exit == 0, small.Err);
        Assert.StartsWith("digraph peeringlint {", small.Out, StringComparison.Ordinal);
        var big = GraphTestKit.Cli("graph", GraphTestKit.TempYaml(GraphFixtures.Org(GraphCommand.OverviewThreshold + 1)));
        Assert.True(big.Exit == 0, big.Err);
        Assert.StartsWith("graph peeringlint_overview {", big.Out, StringComparison.Ordinal);

        // --detail (and --view topology) keep the topology view at any size.
        var detail = GraphTestKit.Cli("graph", GraphTestKit.TempYaml(GraphFixtures.Org(GraphCommand.OverviewThreshold + 1)), "--detail");
        Assert.StartsWith("digraph peeringlint {", detail.Out, StringComparison.Ordinal);
        var topo = GraphTestKit.Cli("graph", GraphTestKit.TempYaml(GraphFixtures.Org(GraphCommand.OverviewThreshold + 1)), "--view", "topology");
        Assert.StartsWith("digraph peeringlint {", topo.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Peerings_carry_their_state_and_findings()
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.Org(8));
        var (index, findings) = GraphTestKit.Lint(file);
        var overview = Overview.Build(index, TopologyBuilder.Build(index, findings));
        OverviewPeering P(string name) => overview.Peerings.Single(p => p.Name == name || p.Id == name);
        Assert.Equal("active", ReportData.State(P("p000-001")));
        Assert.Equal(PeeringRoutes.Both, P("p000-001").Routes);
        Assert.Equal("missing return route", ReportData.State(P("p003-004")));
        Assert.Equal(PeeringRoutes.OneSide, P("p003-004").Routes);
        Assert.Equal("pending", ReportData.State(P("p002-003")));
        Assert.Equal("overlapping", ReportData.State(P("p005-006")));
        Assert.True(P("p005-006").Overlapping);
        Assert.Equal("peer not in input", ReportData.State(P("p-outside")));
        Assert.True(P("p-outside").Accepter.External);

        // The missing return route is a finding on the peering (PL2001 on the route over it): the edge is coloured.
        Assert.Contains("PL2001", P("p003-004").Marks.RuleIds);
        Assert.Null(P("p000-001").Marks.Severity);
        string svg = OverviewWriter.Svg(overview);
        var path = XDocument.Parse(svg).Descendants(Svg + "path").Single(p => (string?)p.Attribute("id") == P("p003-004").NodeId);
        Assert.Equal(GraphStyle.Colour(P("p003-004").Marks.Severity!.Value), (string?)path.Attribute("stroke"));

        // A VPC is coloured by its worst finding.
        var worst = overview.Vpcs.Where(v => v.Marks.Severity is not null).ToList();
        Assert.NotEmpty(worst);
        var doc = XDocument.Parse(svg);
        foreach (var v in worst)
        {
            var rect = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("id") == v.NodeId).Element(Svg + "rect")!;
            Assert.Equal(GraphStyle.Colour(v.Marks.Severity!.Value), (string?)rect.Attribute("stroke"));
        }
    }

    [Fact]
    public void Focus_draws_the_vpc_and_its_direct_peers_only()
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.Org(40));
        var (exit, dot, err) = GraphTestKit.Cli("graph", file, "--focus", "org004");
        Assert.True(exit == 0, err);
        Assert.StartsWith("digraph peeringlint {", dot, StringComparison.Ordinal);
        Assert.Contains("focus: org004", dot);
        var drawn = Enumerable.Range(0, 40).Where(i => dot.Contains("\"" + GraphFixtures.OrgVpc(i) + "\\l", StringComparison.Ordinal)).ToList();

        // org004 peers with org003 (no route back from org003), org005, org001 and org007.
        Assert.Equal(new[] { 1, 3, 4, 5, 7 }, drawn);
        Assert.Contains(GraphStyle.NodeId("pcx", "p003-004") + " [", dot);
        Assert.DoesNotContain(GraphStyle.NodeId("pcx", "p002-003"), dot); // named in a finding message, but not drawn

        // By id as well as by name; the same picture.
        string id = GraphTestKit.Lint(file).Index.Vpcs.Values.Single(v => v.Name == "org004").Id;
        Assert.Equal(dot, GraphTestKit.Cli("graph", file, "--focus", id).Out);
    }

    [Fact]
    public void Focus_on_a_name_two_vpcs_share_lists_their_ids_escaped()
    {
        // Ids come from the input: one carrying a terminal escape sequence must not reach the terminal raw.
        string file = GraphTestKit.TempYaml(
            "{\"Vpcs\": [{\"VpcId\": \"vpc-1\\u001b[2J\", \"CidrBlock\": \"10.1.0.0/16\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"twin\"}]}," +
            " {\"VpcId\": \"vpc-2\", \"CidrBlock\": \"10.2.0.0/16\", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"twin\"}]}]}");
        var (exit, _, err) = GraphTestKit.Cli("graph", file, "--focus", "twin");
        Assert.Equal(2, exit);
        Assert.Contains("--focus: 2 VPCs are named 'twin' (vpc-1\\u001b[2J, vpc-2); give the id", err);
        Assert.DoesNotContain("\u001b[2J", err, StringComparison.Ordinal); // the raw sequence would clear the screen (ordinal: culture comparison ignores the ESC)
    }

    [Fact]
    public void Focus_and_view_mistakes_exit_2_with_a_message()
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.Org(8));
        var unknown = GraphTestKit.Cli("graph", file, "--focus", "nope");
        Assert.Equal(2, unknown.Exit);
        Assert.Equal(string.Empty, unknown.Out);
        Assert.Contains("--focus: no VPC with the id or name 'nope' in the input", unknown.Err);
        var both = GraphTestKit.Cli("graph", file, "--focus", "org001", "--view", "overview");
        Assert.Equal(2, both.Exit);
        Assert.Contains("--focus draws the topology view; it cannot be combined with --view overview", both.Err);
        var detail = GraphTestKit.Cli("graph", file, "--detail", "--view", "overview");
        Assert.Equal(2, detail.Exit);
        Assert.Contains("--detail draws the topology view", detail.Err);
        Assert.Equal(2, GraphTestKit.Cli("graph", file, "--view", "bigger").Exit);
    }

    [Fact]
    public void Html_overview_report_embeds_the_svg_and_the_matrix_data_offline()
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.Org(40));
        var (exit, html, err) = GraphTestKit.Graph(null, file, "--format", "html");
        Assert.True(exit == 0, err);

        // The overview needs no Graphviz (this run has none).
        Assert.Contains("<body data-view=\"overview\"", html);
        Assert.Contains("<div class=\"diagram\">\n<svg", html);
        for (int i = 0; i < 40; i++)
        {
            Assert.Contains($"data-name=\"{GraphFixtures.OrgVpc(i)}\"", html);
        }

        const string open = "<script type=\"application/json\" id=\"network-data\">";
        int start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        string json = html.Substring(start, html.IndexOf("</script>", start, StringComparison.Ordinal) - start);
        using var data = JsonDocument.Parse(json);
        var vpcs = data.RootElement.GetProperty("vpcs");
        Assert.Equal(41, vpcs.GetArrayLength()); // and the one outside the input
        Assert.Equal(81, data.RootElement.GetProperty("peerings").GetArrayLength());
        var states = data.RootElement.GetProperty("states").EnumerateArray().Select(s => s.GetString()).ToList();
        var p34 = data.RootElement.GetProperty("peerings").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "p003-004" || p.GetProperty("n").GetString() == "p003-004");
        Assert.Equal("missing return route", states[p34.GetProperty("st").GetInt32()]);
        Assert.Contains("PL2001", p34.GetProperty("rules").GetString());

        Assert.Contains("id=\"matrix-canvas\"", html);
        Assert.Contains("<input type=\"search\" id=\"q\"", html);
        Assert.Contains("<select id=\"rule\"", html);
        Assert.Contains("<tr data-sev=\"error\" data-rule=\"PL2001\">", html);
        Assert.DoesNotContain("<script src", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("https://", html);
    }

    [Fact]
    public void Names_are_text_in_the_overview_svg_and_the_report_data()
    {
        string file = GraphTestKit.TempYaml(GraphFixtures.TrickyYaml);
        var (exit, svg, err) = GraphTestKit.Cli("graph", file, "--view", "overview", "--format", "svg");
        Assert.True(exit == 0, err);
        var doc = XDocument.Parse(svg);
        Assert.Contains(doc.Descendants(Svg + "g"), g => (string?)g.Attribute("data-name") == "VPC \"A\" <prod> [blue] #1 | x & y");
        var (_, html, _) = GraphTestKit.Graph(null, file, "--format", "html", "--view", "overview");
        Assert.DoesNotContain("<prod>", html);
        Assert.Contains("\\u003Cprod\\u003E", html);
    }

    [Fact]
    public void An_input_without_vpcs_gives_an_empty_overview_not_a_crash()
    {
        string file = GraphTestKit.TempYaml("name: nothing\naccount: \"111111111111\"\nregion: us-east-1\nvpcs: []\n");
        var (exit, svg, err) = GraphTestKit.Cli("graph", file, "--view", "overview", "--format", "svg");
        Assert.True(exit == 0, err);
        var doc = XDocument.Parse(svg);
        AssertGeometry(doc, 0);
        Assert.Contains("overview: 0 VPCs, 0 peering connections", svg);
        var html = GraphTestKit.Graph(null, file, "--view", "overview", "--format", "html");
        Assert.True(html.Exit == 0, html.Err);
        Assert.DoesNotContain("id=\"matrix-canvas\"", html.Out); // no peerings, no matrix
    }

    private static IReadOnlyList<string> Classes(XElement e) => ((string?)e.Attribute("class") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every VPC and hub box is inside the picture, no two overlap, and the picture is within 2:1 either way.</summary>
    internal static void AssertGeometry(XDocument doc, int expectedNodes)
    {
        var vb = ((string)doc.Root!.Attribute("viewBox")!).Split(' ').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
        double w = vb[2], h = vb[3];
        Assert.InRange(w / h, 0.5, 2.0);
        var boxes = doc.Descendants(Svg + "g").Where(g => Classes(g).Contains("vpc") || Classes(g).Contains("hub"))
            .Select(g => g.Element(Svg + "rect")!)
            .Select(r => (X: D(r, "x"), Y: D(r, "y"), W: D(r, "width"), H: D(r, "height")))
            .OrderBy(b => b.X).ToList();
        Assert.Equal(expectedNodes, boxes.Count);
        foreach (var b in boxes)
        {
            Assert.True(b.X >= 0 && b.Y >= 0 && b.X + b.W <= w && b.Y + b.H <= h, $"box at {b.X},{b.Y} is outside the {w}×{h} picture");
        }

        for (int i = 0; i < boxes.Count; i++)
        {
            for (int j = i + 1; j < boxes.Count && boxes[j].X < boxes[i].X + boxes[i].W; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                bool overlap = a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
                Assert.False(overlap, $"boxes at {a.X},{a.Y} and {b.X},{b.Y} overlap");
            }
        }

        static double D(XElement e, string name) => double.Parse((string)e.Attribute(name)!, CultureInfo.InvariantCulture);
    }
}
