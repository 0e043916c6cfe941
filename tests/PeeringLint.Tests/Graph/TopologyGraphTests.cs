using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PeeringLint.Cli.Output.Graph;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Graph;

public sealed class TopologyGraphTests
{
    private static string Broken => GraphTestKit.Example("nextwork-peering-broken.yaml");

    private static string Working => GraphTestKit.Example("nextwork-peering.yaml");

    [Fact]
    public void Detail_view_has_vpcs_subnets_tables_gateways_instances_and_the_bridge()
    {
        var g = GraphTestKit.Build(detail: true, null, Broken);
        var vpcs = g.AllClusters().Where(c => c.Kind == ClusterKind.Vpc).ToList();
        Assert.Equal(new[] { "NextWork-1-vpc", "NextWork-2-vpc" }, vpcs.Select(v => v.Lines[0]));
        Assert.Contains("10.1.0.0/16", vpcs[0].Lines);
        var nodes = g.AllNodes().ToList();
        Assert.Equal(2, nodes.Count(n => n.Kind == NodeKind.Subnet));
        Assert.All(nodes.Where(n => n.Kind == NodeKind.Subnet), n => Assert.Contains("public", n.Lines.Last()));
        Assert.Equal(2, nodes.Count(n => n.Kind == NodeKind.RouteTable));
        Assert.Equal(2, nodes.Count(n => n.Kind == NodeKind.InternetGateway));
        var instance1 = nodes.Single(n => n.Kind == NodeKind.Instance && n.Lines[0] == "Instance - NextWork VPC 1");
        Assert.Contains("private 10.1.4.12", instance1.Lines);
        Assert.Contains("no public IP", instance1.Lines);
        Assert.Contains("SG: default", instance1.Lines);

        // The peering sits outside both VPC clusters, labelled with its name and status.
        var pcx = Assert.Single(g.Nodes, n => n.Kind == NodeKind.Peering);
        Assert.Equal(new[] { "VPC 1 <> VPC 2", "peering · pending-acceptance" }, pcx.Lines);
        Assert.Equal(2, g.Edges.Count(e => e.Kind == EdgeKind.Route && e.To == pcx.Id));
    }

    [Fact]
    public void The_typo_route_is_red_with_its_rule_ids_and_its_table_is_marked()
    {
        var g = GraphTestKit.Build(detail: true, null, Broken);
        var typo = g.Edges.Single(e => e.Kind == EdgeKind.Route && e.From.StartsWith("rtb_NextWork_1", StringComparison.Ordinal) && e.Lines[0] == "10.1.0.0/16");
        Assert.Equal(Severity.Error, typo.Marks.Severity);
        Assert.Equal(new[] { "PL1002", "PL2003" }, typo.Marks.RuleIds);
        Assert.Equal(GraphStyle.Error, GraphText.EdgeColour(typo));
        Assert.Contains("PL1002 PL2003", GraphText.Lines(typo));

        var igwRoute = g.Edges.Single(e => e.Kind == EdgeKind.Route && e.From.StartsWith("rtb_NextWork_1", StringComparison.Ordinal) && e.Lines[0] == "0.0.0.0/0");
        // The ping intent is blocked at this route (10.2.x.x goes to the internet gateway): PL9001 only.
        Assert.Equal(new[] { "PL9001" }, igwRoute.Marks.RuleIds);

        var table = g.AllNodes().Single(n => n.Id == typo.From);
        Assert.Equal(Severity.Error, table.Marks.Severity);
        Assert.Contains("error PL1002 PL2003 PL9001", GraphText.Lines(table)); // the blocked ping intent names this table too
    }

    [Fact]
    public void Working_example_has_only_note_marks_and_routes_both_ways()
    {
        var g = GraphTestKit.Build(detail: true, null, Working);
        Assert.All(g.AllNodes(), n => Assert.True(n.Marks.IsEmpty || n.Marks.Severity == Severity.Note, n.Id));
        Assert.All(g.Edges, e => Assert.True(e.Marks.IsEmpty || e.Marks.Severity == Severity.Note, e.From + "->" + e.To));
        var pcx = Assert.Single(g.Nodes, n => n.Kind == NodeKind.Peering);
        Assert.Contains("peering · active", pcx.Lines);
        Assert.Equal(new[] { "10.1.0.0/16", "10.2.0.0/16" }, g.Edges.Where(e => e.To == pcx.Id).Select(e => e.Lines[0]).OrderBy(s => s, StringComparer.Ordinal));
    }

    [Fact]
    public void Collapsed_view_summarises_each_vpc_and_rolls_findings_up()
    {
        var g = GraphTestKit.Build(detail: false, null, Broken);
        Assert.DoesNotContain(g.AllNodes(), n => n.Kind is NodeKind.Subnet or NodeKind.RouteTable or NodeKind.Instance);
        var summaries = g.AllNodes().Where(n => n.Kind == NodeKind.Summary).ToList();
        Assert.Equal(2, summaries.Count);
        Assert.Equal("1 subnet (1 public, 0 private)", summaries[0].Lines[0]);
        Assert.Equal(new[] { "PL1002", "PL2003", "PL3001", "PL9001" }, summaries[0].Marks.RuleIds);
        Assert.Equal(new[] { "PL2001", "PL2003", "PL3001" }, summaries[1].Marks.RuleIds);
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.Route && e.From == summaries[0].Id && e.Marks.RuleIds.Contains("PL1002"));
    }

    [Fact]
    public void Intents_without_a_verdict_are_grey_and_not_evaluated()
    {
        var g = GraphTestKit.Build(detail: true, null, Broken);
        var intents = g.Edges.Where(e => e.Kind == EdgeKind.Intent).ToList();
        Assert.Equal(2, intents.Count);
        Assert.All(intents, e => Assert.Equal(IntentState.NotEvaluated, e.Intent));
        Assert.All(intents, e => Assert.True(GraphText.EdgeDashed(e)));
        Assert.All(intents, e => Assert.Equal(GraphStyle.Neutral, GraphText.EdgeColour(e)));
        Assert.Equal("internet", intents[0].From);
        Assert.Contains("tcp/22 · not evaluated", intents[0].Lines);
    }

    [Fact]
    public void Engine_verdicts_colour_intents_and_mark_the_blocking_hop()
    {
        var (index, findings) = GraphTestKit.Lint(Broken);
        var intents = index.Model.Intents;
        var q0 = IntentResolver.Resolve(index, intents[0]).Query!;
        var q1 = IntentResolver.Resolve(index, intents[1]).Query!;
        var blocked = new Hop(HopKind.RouteTable, HopDirection.Forward, "NextWork-1-rtb-public", "'NextWork-1-rtb-public'", SourceLocation.None, HopVerdict.Blocked, "no route to 10.2.9.40");
        var verdicts = IntentVerdicts.From(new[]
        {
            new IntentOutcome(intents[0], q0, new ReachabilityResult(q0, ReachabilityVerdict.Reachable, Array.Empty<Hop>()), null),
            new IntentOutcome(intents[1], q1, new ReachabilityResult(q1, ReachabilityVerdict.NotReachable, new[] { blocked }), null),
        });
        var g = TopologyBuilder.Build(index, findings, new GraphOptions { Detail = true, Verdicts = verdicts });
        var edges = g.Edges.Where(e => e.Kind == EdgeKind.Intent).ToList();
        Assert.Equal(IntentState.Reachable, edges[0].Intent);
        Assert.Equal(GraphStyle.Reachable, GraphText.EdgeColour(edges[0]));
        Assert.Equal(IntentState.Blocked, edges[1].Intent);
        Assert.Equal(GraphStyle.Error, GraphText.EdgeColour(edges[1]));
        Assert.Contains("icmp · blocked at NextWork-1-rtb-public", edges[1].Lines);
        var table = g.AllNodes().Single(n => n.Kind == NodeKind.RouteTable && n.Lines[0] == "NextWork-1-rtb-public");
        Assert.Equal(new[] { "ping across the peering" }, table.Blocks);
        Assert.Contains("blocks: ping across the peering", GraphText.Lines(table));
        Assert.Contains("class rtb_NextWork_1_rtb_public_ccb1a0 blocks", MermaidWriter.Write(g));
        Assert.Contains("penwidth=3", DotWriter.Write(g));
    }

    [Fact]
    public void The_pipelines_evaluated_intents_colour_the_diagram_as_the_engine_decided()
    {
        var (index, findings) = GraphTestKit.Lint(Broken);
        var outcomes = IntentResolver.Evaluate(index);
        Assert.Same(outcomes, IntentResolver.Evaluate(index));
        var g = TopologyBuilder.Build(index, findings, new GraphOptions { Detail = true, Verdicts = IntentVerdicts.From(outcomes) });
        var edges = g.Edges.Where(e => e.Kind == EdgeKind.Intent).ToList();
        Assert.Equal(outcomes.Count, edges.Count);
        Assert.Contains(outcomes, o => o.Result?.Verdict == ReachabilityVerdict.NotReachable);
        for (int i = 0; i < outcomes.Count; i++)
        {
            var expected = outcomes[i].Result!.Verdict switch
            {
                ReachabilityVerdict.Reachable => IntentState.Reachable,
                ReachabilityVerdict.NotReachable => IntentState.Blocked,
                _ => IntentState.Unknown,
            };
            Assert.Equal(expected, edges[i].Intent);
        }
    }

    [Fact]
    public void An_intent_without_a_result_is_drawn_not_evaluated()
    {
        var (index, findings) = GraphTestKit.Lint(Broken);
        var unevaluated = index.Model.Intents.Select(i => new IntentOutcome(i, null, null, null));
        var g = TopologyBuilder.Build(index, findings, new GraphOptions { Detail = true, Verdicts = IntentVerdicts.From(unevaluated) });
        Assert.All(g.Edges.Where(e => e.Kind == EdgeKind.Intent), e => Assert.Equal(IntentState.NotEvaluated, e.Intent));
        Assert.Null(IntentVerdicts.None(index.Model.Intents[0]));
    }

    [Fact]
    public void External_peers_are_dashed_and_accounts_become_outer_clusters()
    {
        var g = GraphTestKit.Build(detail: true, null, GraphTestKit.TempYaml(GraphFixtures.TrickyYaml));
        var groups = g.Clusters.Where(c => c.Kind == ClusterKind.Group).ToList();
        Assert.Equal(new[] { "account 111111111111 · us-east-1", "account 222222222222 · eu-west-1" }, groups.Select(c => c.Lines[0]));
        var ext = Assert.Single(g.Clusters, c => c.Kind == ClusterKind.ExternalVpc);
        Assert.True(ext.Dashed);
        Assert.Equal("vpc-0ext", ext.Lines[0]);
        Assert.Contains("172.16.0.0/16", ext.Nodes[0].Lines);
        Assert.Contains(g.Edges, e => e.Kind == EdgeKind.PeeringSide && e.To == ext.Nodes[0].Id && e.Lines[0] == "accepter");
        Assert.Contains(g.Nodes, n => n.Kind == NodeKind.Endpoint && n.Lines[0] == "192.0.2.10");
        string dot = DotWriter.Write(g);
        Assert.Contains("style=\"rounded,dashed\"", dot);
        Assert.Contains("label=\"VPC \\\"A\\\" <prod> [blue] #1 | x & y\\l10.1.0.0/16\\l\"", dot);
    }

    [Fact]
    public void Node_ids_are_sanitised_stable_and_distinct()
    {
        Assert.Equal("vpc_vpc0123", GraphStyle.NodeId("vpc", "vpc0123"));
        Assert.Equal(GraphStyle.NodeId("pcx", "VPC 1 <> VPC 2"), GraphStyle.NodeId("pcx", "VPC 1 <> VPC 2"));
        Assert.Matches("^pcx_VPC_1____VPC_2_[0-9a-f]{6}$", GraphStyle.NodeId("pcx", "VPC 1 <> VPC 2"));
        Assert.NotEqual(GraphStyle.NodeId("sn", "a-b"), GraphStyle.NodeId("sn", "a_b"));
        var g = GraphTestKit.Build(detail: true, null, GraphTestKit.TempYaml(GraphFixtures.TrickyYaml));
        var ids = g.AllNodes().Select(n => n.Id).Concat(g.AllClusters().Select(c => c.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[A-Za-z0-9_]+$", id));
    }

    [Fact]
    public void A_hundred_vpcs_stay_compact_and_deterministic()
    {
        string path = GraphTestKit.TempYaml(GraphFixtures.HubAndSpokes(100));
        var g = GraphTestKit.Build(detail: false, null, path);
        Assert.Equal(100, g.AllClusters().Count(c => c.Kind == ClusterKind.Vpc));
        Assert.Equal(2, g.Clusters.Count(c => c.Kind == ClusterKind.Group));

        // Collapsed: one summary node per VPC, the 99 peerings, nothing else.
        Assert.Equal(100, g.AllNodes().Count(n => n.Kind == NodeKind.Summary));
        Assert.Equal(199, g.AllNodes().Count());
        Assert.Equal(198, g.Edges.Count(e => e.Kind == EdgeKind.Route));
        Assert.All(g.AllNodes(), n => Assert.True(n.Lines.Count <= 4, n.Id));

        string dot = DotWriter.Write(g);
        Assert.Equal(dot, DotWriter.Write(GraphTestKit.Build(detail: false, null, path)));
        Assert.Equal(MermaidWriter.Write(g), MermaidWriter.Write(GraphTestKit.Build(detail: false, null, path)));
        MermaidStructureTests.AssertWellFormed(MermaidWriter.Write(g));
        Assert.Contains("rankdir=LR", dot);

        var detail = GraphTestKit.Build(detail: true, null, path);
        Assert.Equal(200, detail.AllNodes().Count(n => n.Kind == NodeKind.Subnet));
        Assert.Equal(200, detail.Edges.Count(e => e.Kind == EdgeKind.Association));
    }

    [Fact]
    public void Findings_colour_by_highest_severity()
    {
        var marks = new FindingMarks();
        var loc = SourceLocation.None;
        marks.Add(new Finding("PL2002", Severity.Note, "n", loc));
        Assert.Equal(Severity.Note, marks.Severity);
        marks.Add(new Finding("PL1001", Severity.Error, "e", loc));
        marks.Add(new Finding("PL2004", Severity.Warning, "w", loc));
        Assert.Equal(Severity.Error, marks.Severity);
        Assert.Equal("PL1001 PL2002 PL2004", marks.RuleText);
        Assert.Equal("#d73a49", GraphStyle.Colour(Severity.Error));
        Assert.Equal("#dbab09", GraphStyle.Colour(Severity.Warning));
        Assert.Equal("#0366d6", GraphStyle.Colour(Severity.Note));
        foreach (var c in new[] { GraphStyle.Error, GraphStyle.Warning, GraphStyle.Note, GraphStyle.Reachable, GraphStyle.Neutral, GraphStyle.Fill(Severity.Error), GraphStyle.Fill(Severity.Warning), GraphStyle.Fill(Severity.Note) })
        {
            Assert.Matches("^#[0-9a-f]{6}$", c);
        }

        // Every colour the dot writer emits is 6-digit hex (Graphviz rejects CSS names with alpha).
        string dot = DotWriter.Write(GraphTestKit.Build(detail: true, null, Broken));
        foreach (Match m in Regex.Matches(dot, "(?:color|fillcolor|fontcolor)=\"([^\"]*)\""))
        {
            Assert.Matches("^#[0-9a-f]{6}$", m.Groups[1].Value);
        }
    }
}
