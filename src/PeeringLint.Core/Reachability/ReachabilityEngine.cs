using System;
using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>
/// Evaluates whether traffic can flow between two endpoints the way AWS decides it, hop by hop: the source's
/// security groups (egress), the source subnet's network ACL (outbound), its route table (longest prefix match),
/// the peering connection or internet gateway, the destination subnet's network ACL (inbound), the destination's
/// security groups (ingress); then the reply: security groups are stateful, network ACLs are not (ephemeral
/// ports 1024–65535 both ways), and the destination's route table must send the reply back the same way.
/// Pure and fast: a handful of dictionary and trie lookups per hop.
/// </summary>
public static class ReachabilityEngine
{
    private static readonly Cidr[] GenericInternet =
    {
        Cidr.Parse("203.0.113.10/32"),
        Cidr.Parse("198.51.100.10/32"),
        Cidr.Parse("192.0.2.10/32"),
        Cidr.Parse("8.8.8.8/32"),
    };

    /// <summary>Evaluates <paramref name="query"/> on the model behind <paramref name="index"/>.</summary>
    public static ReachabilityResult Evaluate(ModelIndex index, ReachabilityQuery query)
    {
        var ri = ReachabilityIndex.For(index);
        var traffic = query.Request;
        var sources = Expand(ri, query.Source, out var sourceProblem);
        var destinations = Expand(ri, query.Destination, out var destinationProblem);
        if (sources.Count == 0 || destinations.Count == 0)
        {
            var (ep, why) = sources.Count == 0 ? (query.Source, sourceProblem) : (query.Destination, destinationProblem);
            // An instance's or interface's endpoint text is its id (Endpoint.ForInstance, ForInterface).
            var hop = new Hop(HopKind.RouteTable, HopDirection.Forward, ep.Text, ep.Label, ep.Element?.Location ?? SourceLocation.None, HopVerdict.Unknown, why ?? "the endpoint cannot be placed in the network")
            {
                Code = ReasonCodes.UnknownValue,
                Element = ep.Element,
            };
            return new ReachabilityResult(query, ReachabilityVerdict.Unknown, new[] { hop });
        }

        // Ranges spanning several subnets must be reachable from (to) every part: "for all" over the expansion;
        // the internet is reachable when some internet address is: "exists" over witness addresses.
        ReachabilityResult? unknown = null;
        ReachabilityResult? reachable = null;
        foreach (var s in sources)
        {
            foreach (var d in destinations)
            {
                var r = Exists(ri, query, s, d, traffic);
                if (r.Verdict == ReachabilityVerdict.NotReachable)
                {
                    return r;
                }

                if (r.Verdict == ReachabilityVerdict.Unknown)
                {
                    unknown ??= r;
                }
                else
                {
                    reachable ??= r;
                }
            }
        }

        return unknown ?? reachable!;
    }

    private static ReachabilityResult Exists(ReachabilityIndex ri, ReachabilityQuery query, Host s, Host d, Traffic traffic)
    {
        IReadOnlyList<(Host S, Host D)> pairs;
        if (s.Endpoint.Kind == EndpointKind.Internet)
        {
            pairs = Witnesses(ri, d, ingress: true, traffic).ConvertAll(w => (new Host(s.Endpoint, w) { External = true }, d));
        }
        else if (d.Endpoint.Kind == EndpointKind.Internet)
        {
            pairs = Witnesses(ri, s, ingress: false, traffic).ConvertAll(w => (s, new Host(d.Endpoint, w) { External = true }));
        }
        else
        {
            pairs = new[] { (s, d) };
        }

        ReachabilityResult? first = null;
        ReachabilityResult? unknown = null;
        foreach (var (ps, pd) in pairs)
        {
            var walker = new PathWalker(ri, ps, pd, traffic);
            var r = new ReachabilityResult(query, walker.Walk(), walker.Hops);
            if (r.Verdict == ReachabilityVerdict.Reachable)
            {
                return r;
            }

            first ??= r;
            if (r.Verdict == ReachabilityVerdict.Unknown)
            {
                unknown ??= r;
            }
        }

        return unknown ?? first!;
    }

    /// <summary>
    /// Internet addresses worth trying against <paramref name="host"/>: a generic public address outside every
    /// specific block its rules name, plus one address inside each public block its security groups and network
    /// ACL name (so that "SSH from 203.0.113.0/24 only" still counts as reachable from the internet).
    /// </summary>
    private static List<Cidr> Witnesses(ReachabilityIndex ri, Host host, bool ingress, Traffic traffic)
    {
        var blocks = new List<Cidr>();
        foreach (var g in host.Groups)
        {
            foreach (var r in ingress ? g.Ingress : g.Egress)
            {
                // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                Cidr? c = r.PeerKind == SgPeerKind.Cidr ? r.Cidr?.Value : null;
                if (c is not null && c.Value.Family == IpFamily.V4 && c.Value.PrefixLength > 0
                    && traffic.MatchedBy(r.Protocol, r.FromPort, r.ToPort) != Tri.No)
                {
                    blocks.Add(c.Value);
                }
            }
        }

        var acl = host.Subnet is null ? null : ri.Index.EffectiveNetworkAcl(host.Subnet);
        if (acl is not null)
        {
            foreach (var e in acl.Entries)
            {
                Cidr? c = e.Egress != ingress ? e.Cidr?.Value : null;
                if (c is not null && c.Value.Family == IpFamily.V4 && c.Value.PrefixLength > 0)
                {
                    blocks.Add(c.Value);
                }
            }
        }

        var result = new List<Cidr>();
        var table = host.Subnet is null ? null : ri.Index.EffectiveRouteTable(host.Subnet);
        var lookup = table is null ? null : ri.Index.Lookup(table);
        Cidr? generic = GenericWitness(ri, lookup, blocks);
        if (generic is not null)
        {
            result.Add(generic.Value);
        }
        else
        {
            result.Add(GenericInternet[0]);
        }

        // Every public block the rules name is tried (no cap: when the only block that gets through came after a cap,
        // the blocked ones before it would have made "not reachable" an error without proof). Groups hold at most a few
        // hundred rules and ACLs 40 entries, so this is at most a few hundred walks of one query.
        var tried = new HashSet<Cidr>(result);
        foreach (var b in blocks)
        {
            var w = b.PrefixLength >= 31 ? Cidr.FromV4((uint)b.Lo, 32) : Cidr.FromV4((uint)b.Lo + 1, 32);
            if (PublicAddresses.Includes(w) && !ri.OverlapsAnyVpc(w) && tried.Add(w))
            {
                result.Add(w);
            }
        }

        return result;
    }

    /// <summary>
    /// A public address that stands for "the internet": outside every VPC and every specific block the rules name, and
    /// routed by the host's table only by its least specific route (no more specific route, such as a transit gateway
    /// to a data centre, sends it elsewhere). The well-known documentation addresses first, else one found in the trie.
    /// </summary>
    private static Cidr? GenericWitness(ReachabilityIndex ri, RouteLookup? lookup, List<Cidr> blocks)
    {
        bool Fits(Cidr a) => PublicAddresses.Includes(a) && !blocks.Exists(b => b.Contains(a)) && !ri.OverlapsAnyVpc(a) && RoutedByDefault(lookup, a);

        foreach (var g in GenericInternet)
        {
            if (Fits(g))
            {
                return g;
            }
        }

        if (lookup is null)
        {
            return null;
        }

        // Every block the table routes by its default route (or not at all), in address order; try a few addresses in each.
        foreach (var (block, route) in lookup.Resolve(Cidr.AnyV4))
        {
            // Only a shortcut: Fits rejects every address of a block another route takes (RoutedByDefault).
            // Stryker disable once Statement,Block : removing the continue only tries addresses that Fits then rejects
            if (route is not null && route.Destination?.Value?.PrefixLength != 0)
            {
                continue;
            }

            uint start = (uint)block.Lo;
            ulong size = 1UL << (32 - block.PrefixLength);
            for (int k = 0; k < 8; k++)
            {
                var a = Cidr.FromV4((uint)(start + (size * (ulong)k / 8) + (size > 16 ? 10UL : 0UL)), 32);
                if (block.Contains(a) && Fits(a))
                {
                    return a;
                }
            }
        }

        return null;
    }

    private static bool RoutedByDefault(RouteLookup? lookup, Cidr address)
    {
        if (lookup is null)
        {
            return true;
        }

        var r = lookup.Match(address);
        return r is null || r.Destination?.Value?.PrefixLength == 0;
    }

    /// <summary>The concrete hosts of an endpoint; empty (with a reason) when it cannot be placed.</summary>
    private static List<Host> Expand(ReachabilityIndex ri, Endpoint ep, out string? problem)
    {
        problem = null;
        var list = new List<Host>(1);
        switch (ep.Kind)
        {
            case EndpointKind.Internet:
                // A placeholder: Exists replaces it by witness addresses (external hosts) before any walk.
                list.Add(new Host(ep, Cidr.AnyV4));
                return list;

            case EndpointKind.Instance:
            case EndpointKind.NetworkInterface:
                var h = Host.ForElement(ri, ep);
                if (h is null)
                {
                    problem = Unplaced(ri, ep);
                }
                else
                {
                    list.Add(h);
                }

                return list;
        }

        var cidr = ep.Cidr!.Value;
        var subnet = ri.SubnetContaining(cidr);
        if (subnet is not null)
        {
            list.Add(new Host(ep, cidr) { Subnet = subnet, Vpc = ri.Index.Vpc(subnet.VpcId) });
            return list;
        }

        var vpc = ri.VpcContaining(cidr);
        if (vpc is null)
        {
            if (!ri.OverlapsAnyVpc(cidr))
            {
                list.Add(new Host(ep, cidr) { External = true });
                return list;
            }

            problem = $"{cidr} covers addresses of VPCs and addresses outside them";
            return list;
        }

        // A range inside one VPC spanning subnets: every overlapping subnet's part.
        foreach (var s in ri.SubnetsOverlapping(cidr))
        {
            Cidr? sc = s.VpcId == vpc.Id ? s.Ipv4Cidr?.Value : null;
            if (sc is not null && sc.Value.Family == cidr.Family)
            {
                // No subnet holds all of the range (SubnetContaining above), so each one it overlaps lies inside it.
                list.Add(new Host(ep, sc.Value) { Subnet = s, Vpc = vpc });
            }
        }

        if (list.Count == 0)
        {
            problem = $"no subnet of {vpc.Label} in the input holds {cidr}";
        }

        return list;
    }

    /// <summary>Why an instance or network interface cannot be placed (Host.ForElement found no address or subnet).</summary>
    private static string Unplaced(ReachabilityIndex ri, Endpoint ep)
    {
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var instance = ep.Element as Instance;
        string? linked = instance?.SubnetId is null ? instance?.ClassicLinkVpcId : null;
        if (linked is null)
        {
            return $"the address and subnet of {ep.Label} are unknown";
        }

        return $"{ep.Label} is an EC2-Classic instance linked to {ri.Index.Vpc(linked)?.Label ?? "'" + linked + "'"} (IPv4 only, in no subnet: it uses that VPC's main route table, and the VPC reaches it by ClassicLink's 10.0.0.0/8 local route); PeeringLint does not follow ClassicLink paths";
    }
}
