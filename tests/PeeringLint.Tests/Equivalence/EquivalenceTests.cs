using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace PeeringLint.Tests.Equivalence;

/// <summary>
/// The cross-format equivalence suite: each topology, written once in the neutral form, gives the same model facts
/// and the same findings from tutorial YAML, CloudFormation JSON and CloudFormation YAML as from AWS describe-* JSON
/// (the CDK C# form is compared in PeeringLint.Analyzers.Tests). Disagreements are either fixed or listed in
/// <see cref="KnownDrifts"/>.
/// </summary>
public sealed class EquivalenceTests
{
    public static TheoryData<string> HandWrittenNames()
    {
        var data = new TheoryData<string>();
        foreach (var t in Topologies.All)
        {
            data.Add(t.Name);
        }

        return data;
    }

    private static string Report(IEnumerable<Drift> drifts) => string.Join("\n", drifts.Select(d => d.ToString()));

    [Theory]
    [MemberData(nameof(HandWrittenNames))]
    public void Hand_written_topology_means_the_same_in_every_form(string name)
    {
        var outcome = EquivalenceSuite.HandWritten.Single(o => o.Topology.Name == name);
        Assert.True(outcome.Unexplained.Count == 0, Report(outcome.Unexplained));
    }

    [Fact]
    public void Generated_networks_mean_the_same_in_every_form()
    {
        var outcomes = EquivalenceSuite.GeneratedOutcomes;
        Assert.Equal(EquivalenceSuite.GeneratedCount, outcomes.Count);
        var unexplained = outcomes.SelectMany(o => o.Unexplained).ToList();
        Assert.True(unexplained.Count == 0, unexplained.Count + " unexplained drifts:\n" + Report(unexplained.Take(2000)));
    }

    [Fact]
    public void Every_known_drift_still_drifts()
    {
        var all = EquivalenceSuite.HandWritten.Concat(EquivalenceSuite.GeneratedOutcomes).SelectMany(o => o.Known).Select(k => k.Known.Id).ToHashSet(StringComparer.Ordinal);
        var stale = KnownDrifts.All.Where(k => k.Forms.Any(f => EquivalenceSuite.LoaderForms.Contains(f)) && !all.Contains(k.Id)).Select(k => k.Id).ToList();
        Assert.True(stale.Count == 0, "these KnownDrift entries no longer drift; remove them: " + string.Join(", ", stale));
    }

    [Fact]
    public void The_reference_form_reads_every_element()
    {
        foreach (var o in EquivalenceSuite.HandWritten.Concat(EquivalenceSuite.GeneratedOutcomes))
        {
            var t = o.Topology;
            Assert.Equal(t.Vpcs.Count, o.Reference.Facts.Count(l => l.StartsWith("vpc ", StringComparison.Ordinal)));
            Assert.Equal(t.Vpcs.Sum(v => v.Subnets.Count), o.Reference.Facts.Count(l => l.StartsWith("subnet ", StringComparison.Ordinal)));
            Assert.Equal(t.Vpcs.Sum(v => v.Tables.Sum(r => r.Routes.Count)), o.Reference.Facts.Count(l => l.StartsWith("route ", StringComparison.Ordinal)));
            Assert.Equal(t.Peerings.Count, o.Reference.Facts.Count(l => l.StartsWith("peering-status ", StringComparison.Ordinal)));
            Assert.Equal(t.Vpcs.Count(v => v.Ipv6Cidr is not null), o.Reference.Facts.Count(l => l.StartsWith("vpc-v6 ", StringComparison.Ordinal) && !l.EndsWith("[]", StringComparison.Ordinal)));
            Assert.Equal(t.Nats.Count, o.Reference.Facts.Count(l => l.StartsWith("nat ", StringComparison.Ordinal)));
            Assert.Equal(t.Vpcs.Sum(v => v.Instances.Count), o.Reference.Facts.Count(l => l.StartsWith("instance ", StringComparison.Ordinal)));
            foreach (var v in t.Vpcs)
            {
                Assert.Contains($"account {v.Name} {v.Account}", o.Reference.Facts);
                Assert.Contains($"region {v.Name} {v.Region}", o.Reference.Facts);
            }

            foreach (var p in t.Peerings)
            {
                Assert.Contains($"region {p.Name} {t.Vpc(p.Requester).Region} -> {t.Vpc(p.Accepter).Region}", o.Reference.Facts);
            }

            foreach (var v in t.Vpcs)
            {
                foreach (var table in v.Tables)
                {
                    foreach (var r in table.Routes)
                    {
                        // What AWS reports for each target (describe-route-tables names the kind by the id's prefix).
                        string kind = r.Kind switch
                        {
                            TTarget.InternetGateway => "InternetGateway",
                            TTarget.Peering or TTarget.Blackhole => "VpcPeeringConnection",
                            TTarget.NatGateway => "NatGateway",
                            TTarget.VpnGateway => "VirtualPrivateGateway",
                            TTarget.TransitGateway => "TransitGateway",
                            _ => "EgressOnlyInternetGateway",
                        };
                        string expected = $"route {table.Name} {r.Destination} {kind} ";
                        Assert.True(o.Reference.Facts.Any(l => l.StartsWith(expected, StringComparison.Ordinal)), $"{t.Name}: no '{expected}…'");
                    }
                }
            }

            Assert.DoesNotContain(o.Reference.Facts.Concat(o.Reference.Findings), l => l.Contains(" ?", StringComparison.Ordinal) || l.Contains("@?", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Forms_are_skipped_only_where_they_cannot_express_the_topology()
    {
        var skipped = EquivalenceSuite.HandWritten.Where(o => o.Skipped.Count > 0).Select(o => o.Topology.Name).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "blackhole-after-deleted-peering", "failed-overlapping-peering", "tutorial-broken" }, skipped);
        Assert.All(EquivalenceSuite.HandWritten.Concat(EquivalenceSuite.GeneratedOutcomes), o => Assert.Contains(Form.TutorialYaml, o.Compared));

        // The generator must not hollow the template forms out by skipping them.
        int templates = EquivalenceSuite.GeneratedOutcomes.Count(o => o.Compared.Contains(Form.CfnJson));
        Assert.True(templates >= EquivalenceSuite.GeneratedCount / 3, $"CloudFormation compared on only {templates} generated networks");
    }

    [Fact]
    public void Generator_is_reproducible_and_varied()
    {
        var a = TopologyGenerator.Generate(EquivalenceSuite.Seed);
        var b = TopologyGenerator.Generate(EquivalenceSuite.Seed);
        Assert.Equal(Renderers.Render(a, Form.AwsJson).Files, Renderers.Render(b, Form.AwsJson).Files);
        var all = EquivalenceSuite.Generated().ToList();
        Assert.Contains(all, t => t.Vpcs.Count == 2);
        Assert.Contains(all, t => t.Vpcs.Count >= 5);
        Assert.Contains(all, t => t.Vpcs.Any(v => v.Ipv6Cidr is not null));
        Assert.Contains(all, t => t.Peerings.Any(p => p.Status == TStatus.Failed));
        Assert.Contains(all, t => t.Peerings.Any(p => p.Status == TStatus.PendingAcceptance));
        Assert.Contains(all, t => t.Nats.Count > 0);
        Assert.Contains(all, t => t.Peerings.Any(p => t.Vpc(p.Requester).Region != t.Vpc(p.Accepter).Region));
        foreach (var kind in Enum.GetValues<TTarget>())
        {
            Assert.Contains(all, t => t.Vpcs.SelectMany(v => v.Tables).SelectMany(r => r.Routes).Any(r => r.Kind == kind));
        }

        Assert.Contains(all, t => t.Vpcs.Any(v => v.Acls.Count > 0));
        Assert.Contains(all, t => t.Vpcs.SelectMany(v => v.Tables).SelectMany(r => r.Routes).Any(r => r.IsIpv6 && r.Kind == TTarget.Peering));
    }
}
