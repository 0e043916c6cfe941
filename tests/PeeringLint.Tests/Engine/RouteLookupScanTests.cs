using System.Collections.Generic;
using System.Linq;
using CsCheck;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Engine;

/// <summary>
/// RouteLookup scans small tables and walks a trie for large ones; both must give the trie's answers: the longest
/// containing prefix, a local route first among equal prefixes, then input order (random tables of 1 to 40 routes, so
/// both paths run).
/// </summary>
public sealed class RouteLookupScanTests
{
    private static readonly SourceLocation At = new("t.json", 1, 1, 1, 2);

    [Fact]
    public void Match_resolve_and_whole_ranges_equal_the_trie() =>
        Gen.Select(Gen.Select(Gen.Int[0, 65535], Gen.Int[16, 28], Gen.Int[0, 3]).Array[1, 40], Gen.Select(Gen.Int[0, 65535], Gen.Int[16, 32]).Array[1, 8], Gen.Bool)
            .Sample((routes, probes, withVpc) =>
            {
                var list = routes.Select(r => new Route(At, r.Item3 == 0 ? RouteTargetKind.Local : RouteTargetKind.VpcPeeringConnection, r.Item3 == 0 ? "local" : "pcx-" + r.Item3)
                {
                    Destination = CidrValue.Parse(Cidr.FromV4((10u << 24) | (uint)r.Item1, r.Item2).ToString(), At),
                }).ToArray();
                var table = new RouteTable("rtb-1", At, "vpc-1") { Routes = list };
                var vpc = withVpc ? new Vpc("vpc-1", At) { Ipv4Cidrs = new[] { CidrValue.Parse("10.0.0.0/16", At) } } : null;
                var lookup = new ModelIndex(Model(table, vpc)).Lookup(table);

                // The reference: the same entries in the same order in a trie (the VPC block as a local route unless listed).
                var trie = new PrefixTrie<Route>();
                foreach (var r in list)
                {
                    trie.Add(r.Destination!.Value!.Value, r);
                }

                var block = Cidr.Parse("10.0.0.0/16");
                if (vpc is not null && !list.Any(r => r.IsLocal && r.Destination!.Value!.Value.Equals(block)))
                {
                    trie.Add(block, new Route(At, RouteTargetKind.Local, "local"));
                }

                foreach (var (address, prefix) in probes)
                {
                    var probe = Cidr.FromV4((10u << 24) | (uint)address, prefix);
                    var expected = trie.TryLongestMatch(probe, out var values, out _) ? Pick(values) : null;
                    Assert.True(Same(list, expected, lookup.Match(probe)), $"Match({probe})");

                    var parts = trie.Partition(probe);
                    var resolved = lookup.Resolve(probe);
                    Assert.Equal(parts.Select(p => p.Block), resolved.Select(p => p.Block));
                    for (int i = 0; i < parts.Count; i++)
                    {
                        Assert.True(Same(list, parts[i].Values.Count == 0 ? null : Pick(parts[i].Values), resolved[i].Route), $"Resolve({probe}) block {parts[i].Block}");
                    }

                    bool whole = lookup.TryResolveWhole(probe, out var route);
                    Assert.Equal(parts.Count == 1, whole);
                    if (whole)
                    {
                        Assert.True(Same(list, resolved[0].Route, route), $"TryResolveWhole({probe})");
                    }
                }
            });

    private static NetworkModel Model(RouteTable table, Vpc? vpc)
    {
        var b = new NetworkModelBuilder();
        b.RouteTables.Add(table);
        if (vpc is not null)
        {
            b.Vpcs.Add(vpc);
        }

        return b.Build();
    }

    private static Route Pick(IReadOnlyList<Route> routes) => routes.FirstOrDefault(r => r.IsLocal) ?? routes[0];

    /// <summary>The same route: the very object for listed routes; for the VPC block's implicit local route (each side makes its own), both implicit.</summary>
    private static bool Same(Route[] listed, Route? a, Route? b) =>
        a is null ? b is null : b is not null && (ReferenceEquals(a, b) || (a.IsLocal && b.IsLocal && !listed.Any(r => ReferenceEquals(r, a)) && !listed.Any(r => ReferenceEquals(r, b))));
}
