using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>
/// Lookups the reachability engine needs on top of <see cref="ModelIndex"/>, built once per index and cached
/// beside it: elements by name, default security groups, subnets and VPCs by address, network ACL entries in
/// rule-number order, peerings by VPC pair.
/// </summary>
internal sealed class ReachabilityIndex
{
    private static readonly ConditionalWeakTable<ModelIndex, ReachabilityIndex> Cache = new();

    private readonly Dictionary<string, SecurityGroup> _defaultGroupByVpc = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NetworkAclEntry[]> _sortedIngress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, NetworkAclEntry[]> _sortedEgress = new(StringComparer.Ordinal);

    // Built on first use: the rules that ask only for hosts (exposure, security groups, network ACLs) never need
    // names, address tries or peerings by pair; queries and intents (the path walker) do. Lazy<T> is thread-safe:
    // the engine runs rules in parallel over one index.
    private readonly Lazy<Names> _names;
    private readonly Lazy<Addresses> _addresses;
    private readonly Lazy<Dictionary<string, List<VpcPeeringConnection>>> _peeringsByPair;

    private ReachabilityIndex(ModelIndex index)
    {
        Index = index;
        var model = index.Model;
        _names = new Lazy<Names>(() => new Names(model));
        _addresses = new Lazy<Addresses>(() => new Addresses(model));
        _peeringsByPair = new Lazy<Dictionary<string, List<VpcPeeringConnection>>>(() => PairsOf(model));
        foreach (var g in model.SecurityGroups)
        {
            if (g.IsDefault && g.VpcId is not null && !_defaultGroupByVpc.ContainsKey(g.VpcId))
            {
                _defaultGroupByVpc[g.VpcId] = g;
            }
        }

        foreach (var e in model.ElasticIps)
        {
            if (e.AssociationUnknown && e.InstanceId is null && e.NetworkInterfaceId is null)
            {
                HasElasticIpWithUnknownAssociation = true;
            }
        }
    }

    public ModelIndex Index { get; }

    /// <summary>Some Elastic IP is associated with something the input cannot name (it may be any instance's).</summary>
    public bool HasElasticIpWithUnknownAssociation { get; }

    public static ReachabilityIndex For(ModelIndex index) => Cache.GetValue(index, i => new ReachabilityIndex(i));

    /// <summary>
    /// Every instance (or, when no instance has the name, every ENI) named <paramref name="name"/> (exact
    /// matches first, then ignoring case), only those declared in <paramref name="file"/> when it is given.
    /// </summary>
    public IReadOnlyList<Element> FindAllByName(string name, string? file)
    {
        var names = _names.Value;
        var found = Filter(names.Exact, name, file);
        return found.Count > 0 ? found : Filter(names.IgnoreCase, name, file);
    }

    private static List<Element> Filter(Dictionary<string, List<Element>> d, string name, string? file)
    {
        if (!d.TryGetValue(name, out var list))
        {
            return new List<Element>(0);
        }

        var inFile = file is null ? list : list.FindAll(e => string.Equals(e.Location.Path, file, StringComparison.Ordinal));

        // An ENI attached to a named instance often carries the same Name tag: prefer instances.
        var instances = inFile.FindAll(e => e is Instance);
        return instances.Count > 0 ? instances : new List<Element>(inFile);
    }

    public SecurityGroup? DefaultGroupOf(string vpcId) => _defaultGroupByVpc.TryGetValue(vpcId, out var g) ? g : null;

    /// <summary>The subnet whose block contains all of <paramref name="cidr"/> (the most specific), or null.</summary>
    public Subnet? SubnetContaining(Cidr cidr) =>
        _addresses.Value.Subnets.TryLongestMatch(cidr, out var values, out _) ? values[0] : null;

    /// <summary>Subnets that overlap <paramref name="cidr"/>.</summary>
    public IEnumerable<Subnet> SubnetsOverlapping(Cidr cidr) => _addresses.Value.Subnets.Overlapping(cidr);

    /// <summary>The VPC whose block contains all of <paramref name="cidr"/>, or null.</summary>
    public Vpc? VpcContaining(Cidr cidr) =>
        _addresses.Value.Vpcs.TryLongestMatch(cidr, out var values, out _) ? values[0] : null;

    /// <summary>True when some VPC block of the model overlaps <paramref name="cidr"/>.</summary>
    public bool OverlapsAnyVpc(Cidr cidr)
    {
        foreach (var _ in _addresses.Value.Vpcs.Overlapping(cidr))
        {
            return true;
        }

        return false;
    }

    public IReadOnlyList<VpcPeeringConnection> PeeringsBetween(string vpcA, string vpcB) =>
        _peeringsByPair.Value.TryGetValue(PairKey(vpcA, vpcB), out var l) ? l : Array.Empty<VpcPeeringConnection>();

    /// <summary>The ACL's entries of one direction in evaluation order (rule number, then input order).</summary>
    public NetworkAclEntry[] SortedEntries(NetworkAcl acl, bool egress)
    {
        // One table per direction keyed by the id (no key to build); the closure only when the entries are sorted.
        var sorted = egress ? _sortedEgress : _sortedIngress;
        return sorted.TryGetValue(acl.Id, out var entries) ? entries : SortOnce(sorted, acl, egress);
    }

    // A method of its own: a lambda's captured parameters are allocated on entry to the method that holds it.
    private static NetworkAclEntry[] SortOnce(ConcurrentDictionary<string, NetworkAclEntry[]> sorted, NetworkAcl acl, bool egress) =>
        sorted.GetOrAdd(acl.Id, _ => Sort(acl, egress));

    internal static NetworkAclEntry[] Sort(NetworkAcl acl, bool egress)
    {
        var list = new List<(NetworkAclEntry Entry, int Order)>();
        int order = 0;
        foreach (var e in acl.Entries)
        {
            if (e.Egress == egress)
            {
                list.Add((e, order++));
            }
        }

        list.Sort((x, y) => x.Entry.RuleNumber != y.Entry.RuleNumber ? x.Entry.RuleNumber.CompareTo(y.Entry.RuleNumber) : x.Order.CompareTo(y.Order));
        var result = new NetworkAclEntry[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            result[i] = list[i].Entry;
        }

        return result;
    }

    private static string PairKey(string a, string b) => a + "|" + b;

    private static Dictionary<string, List<VpcPeeringConnection>> PairsOf(NetworkModel model)
    {
        var pairs = new Dictionary<string, List<VpcPeeringConnection>>(StringComparer.Ordinal);
        foreach (var p in model.PeeringConnections)
        {
            // No pattern variables in the condition: Stryker cannot compile its mutants (CS0165; docs/quality.md).
            var a = p.Requester.VpcId;
            var b = p.Accepter.VpcId;
            // Stryker disable once Logical : a key with one side null ("a|") is never looked up (PeeringsBetween takes two ids)
            if (a is not null && b is not null)
            {
                pairs.AddTo(PairKey(a, b), p, capacity: 1);
                if (a != b)
                {
                    pairs.AddTo(PairKey(b, a), p, capacity: 1);
                }
            }
        }

        return pairs;
    }

    /// <summary>Instances and ENIs by Name tag, exactly and ignoring case.</summary>
    private sealed class Names
    {
        public Names(NetworkModel model)
        {
            foreach (var i in model.Instances)
            {
                AddName(i);
            }

            foreach (var n in model.NetworkInterfaces)
            {
                AddName(n);
            }
        }

        public Dictionary<string, List<Element>> Exact { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, List<Element>> IgnoreCase { get; } = new(StringComparer.OrdinalIgnoreCase);

        private void AddName(Element e)
        {
            if (e.Name is null)
            {
                return;
            }

            Exact.AddTo(e.Name, e, capacity: 1);
            IgnoreCase.AddTo(e.Name, e, capacity: 1);
        }
    }

    /// <summary>Subnets and VPCs by their usable blocks.</summary>
    private sealed class Addresses
    {
        public Addresses(NetworkModel model)
        {
            foreach (var s in model.Subnets)
            {
                // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                var v4 = s.Ipv4Cidr;
                if (v4 is not null && v4.IsUsable)
                {
                    Subnets.Add(v4.Value!.Value, s);
                }

                foreach (var c6 in s.Ipv6Cidrs)
                {
                    if (c6.IsUsable)
                    {
                        Subnets.Add(c6.Value!.Value, s);
                    }
                }
            }

            foreach (var v in model.Vpcs)
            {
                foreach (var c in ModelIndex.UsableCidrs(v))
                {
                    Vpcs.Add(c.Value!.Value, v);
                }
            }
        }

        public PrefixTrie<Subnet> Subnets { get; } = new();

        public PrefixTrie<Vpc> Vpcs { get; } = new();
    }
}
