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

    /// <summary>
    /// The entries the lookup holds, filled into one array sized in advance (issue 17, fifth session): prefix-list routes
    /// (entries known, partly unknown, list not in the input), routes of unknown destination, and the VPC's usable
    /// blocks (a disassociated one, a secondary, IPv6) as implicit local routes unless listed, against the same entries
    /// collected in a list in that order and put in a trie.
    /// </summary>
    [Fact]
    public void Prefix_lists_unknown_destinations_and_several_vpc_blocks_give_the_entries_in_order() =>
        Gen.Select(Gen.Select(Gen.Int[0, 65535], Gen.Int[8, 28], Gen.Int[0, 6]).Array[1, 40], Gen.Select(Gen.Int[0, 65535], Gen.Int[12, 32]).Array[1, 8])
            .Sample((routes, probes) =>
            {
                var known = new PrefixList("pl-known", At) { EntriesKnown = true, Entries = new[] { V("10.7.0.0/16"), V("10.0.3.0/24"), V("10.5.0.0/20") } };
                var partial = new PrefixList("pl-partial", At) { EntriesKnown = true, Entries = new[] { V("10.0.8.0/22"), CidrValue.Unknown(At), V("10.6.0.0/16") } };
                var list = routes.Select(r => r.Item3 switch
                {
                    0 => new Route(At, RouteTargetKind.Local, "local") { Destination = V(Cidr.FromV4((10u << 24) | (uint)r.Item1, r.Item2).ToString()) },
                    1 => new Route(At, RouteTargetKind.Local, "local") { Destination = V("10.5.0.0/16") },
                    2 => new Route(At, RouteTargetKind.VpcPeeringConnection, "pcx-" + r.Item1) { DestinationPrefixListId = "pl-known" },
                    3 => new Route(At, RouteTargetKind.VpcPeeringConnection, "pcx-" + r.Item1) { DestinationPrefixListId = r.Item1 % 2 == 0 ? "pl-partial" : "pl-absent" },
                    4 => new Route(At, RouteTargetKind.VpcPeeringConnection, "pcx-" + r.Item1) { Destination = r.Item1 % 5 == 0 ? CidrValue.Unknown(At) : null, DestinationPrefixListId = r.Item1 % 5 == 0 ? "pl-known" : null },
                    _ => new Route(At, RouteTargetKind.VpcPeeringConnection, "pcx-" + r.Item3) { Destination = V(Cidr.FromV4((10u << 24) | (uint)r.Item1, r.Item2).ToString()) },
                }).ToArray();
                var table = new RouteTable("rtb-1", At, "vpc-1") { Routes = list };
                var vpc = new Vpc("vpc-1", At)
                {
                    Ipv4Cidrs = new[] { V("10.0.0.0/16"), V("10.9.0.0/16") with { State = CidrAssociationState.Disassociated }, V("10.5.0.0/16") },
                    Ipv6Cidrs = new[] { V("2600:1f18::/56") },
                };
                var b = new NetworkModelBuilder();
                b.RouteTables.Add(table);
                b.Vpcs.Add(vpc);
                b.Of<PrefixList>().Add(known);
                b.Of<PrefixList>().Add(partial);
                var lookup = new ModelIndex(b.Build()).Lookup(table);

                // The reference: the entries in the order the lookup documents, in a list, then a trie.
                var entries = new List<(Cidr Cidr, Route Route)>();
                bool unknown = false;
                var unresolved = new List<Route>();
                foreach (var r in list)
                {
                    if (r.Destination?.Value is { } c)
                    {
                        entries.Add((c, r));
                    }
                    else if (r.DestinationPrefixListId is null)
                    {
                        unknown = true;
                    }
                    else if (r.DestinationPrefixListId is "pl-known" or "pl-partial")
                    {
                        var pl = r.DestinationPrefixListId == "pl-known" ? known : partial;
                        entries.AddRange(pl.Entries.Where(e => e.Value is not null).Select(e => (e.Value!.Value, r)));
                        if (pl == partial)
                        {
                            unresolved.Add(r);
                        }
                    }
                    else
                    {
                        unresolved.Add(r);
                    }
                }

                int listed = entries.Count;
                var locals = new List<Route>();
                foreach (var c in new[] { "10.0.0.0/16", "10.5.0.0/16", "2600:1f18::/56" }.Select(Cidr.Parse))
                {
                    if (!entries.Take(listed).Any(e => e.Route.IsLocal && e.Cidr.Equals(c)))
                    {
                        var local = new Route(At, RouteTargetKind.Local, "local");
                        locals.Add(local);
                        entries.Add((c, local));
                    }
                }

                Assert.Equal(unknown, lookup.HasUnknownRoutes);
                Assert.Equal(unresolved, lookup.UnresolvedPrefixListRoutes);
                var trie = new PrefixTrie<Route>();
                foreach (var (c, r) in entries)
                {
                    trie.Add(c, r);
                }

                foreach (var (address, prefix) in probes)
                {
                    var probe = Cidr.FromV4((10u << 24) | (uint)address, prefix);
                    var expected = trie.TryLongestMatch(probe, out var values, out _) ? PickCidrFirst(values) : null;
                    Assert.True(Same(list, expected, lookup.Match(probe)), $"Match({probe})");
                    var parts = trie.Partition(probe);
                    var resolved = lookup.Resolve(probe);
                    Assert.Equal(parts.Select(p => p.Block), resolved.Select(p => p.Block));
                    for (int i = 0; i < parts.Count; i++)
                    {
                        Assert.True(Same(list, parts[i].Values.Count == 0 ? null : PickCidrFirst(parts[i].Values), resolved[i].Route), $"Resolve({probe}) block {parts[i].Block}");
                    }
                }

                var v6 = Cidr.Parse("2600:1f18:0:1::/64");
                Assert.True(Same(list, locals[locals.Count - 1], lookup.Match(v6)), "the IPv6 block is an implicit local route");
            });

    private static CidrValue V(string text) => CidrValue.Parse(text, At);

    /// <summary>RouteLookup's choice among equal prefixes: a local route, then a CIDR route over a prefix-list one, then input order.</summary>
    private static Route PickCidrFirst(IReadOnlyList<Route> routes) =>
        routes.FirstOrDefault(r => r.IsLocal) ?? routes.FirstOrDefault(r => r.DestinationPrefixListId is null) ?? routes[0];

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
