using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using PeeringLint.Addressing;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>A route together with the table that holds it.</summary>
public readonly record struct TableRoute(RouteTable Table, Route Route);

/// <summary>
/// Lookups computed once per model and shared by all rules: elements by id, children by parent, routes by
/// target, each subnet's effective route table, and per-table longest-prefix-match tries. Every join goes
/// through a dictionary; nothing here compares all pairs. Thread-safe for concurrent readers.
/// </summary>
public sealed class ModelIndex
{
    private static readonly IReadOnlyList<Subnet> NoSubnets = Array.Empty<Subnet>();
    private static readonly IReadOnlyList<RouteTable> NoTables = Array.Empty<RouteTable>();
    private static readonly IReadOnlyList<VpcPeeringConnection> NoPeerings = Array.Empty<VpcPeeringConnection>();
    private static readonly IReadOnlyList<TableRoute> NoRoutes = Array.Empty<TableRoute>();

    private readonly Dictionary<string, List<Subnet>> _subnetsByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RouteTable>> _tablesByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteTable> _mainTableByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RouteTable> _explicitTableBySubnet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<VpcPeeringConnection>> _peeringsByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TableRoute>> _routesByTarget = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<InternetGateway>> _igwsByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SecurityGroup>> _groupsByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Instance>> _instancesByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkAcl> _aclBySubnet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NetworkAcl> _defaultAclByVpc = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ElasticIp>> _eipsByInstance = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ElasticIp>> _eipsByEni = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, object> _byKind = new();
    private readonly Lazy<TransitGatewayIndex> _transitGateways;
    private readonly Lazy<Dictionary<string, List<VpnConnection>>> _vpnsByGateway;
    // Per-table caches in slots, one per route table id (the first table with that id), filled lazily without locks:
    // rules running in parallel used to contend on a ConcurrentDictionary's locks for every table's first lookup.
    private readonly Dictionary<string, int> _tableSlot = new(StringComparer.Ordinal);
    private readonly RouteLookup?[] _lookupSlots;
    private readonly IReadOnlyList<Subnet>?[] _servedSlots;
    private readonly Dictionary<RouteTable, int> _tablePosition = new(ReferenceComparer<RouteTable>.Instance);
    private readonly ConcurrentDictionary<string, RouteLookup> _otherLookups = new(StringComparer.Ordinal);

    public ModelIndex(NetworkModel model)
    {
        Model = model;
        _transitGateways = new Lazy<TransitGatewayIndex>(() => new TransitGatewayIndex(this));
        _vpnsByGateway = new Lazy<Dictionary<string, List<VpnConnection>>>(() =>
        {
            var byGateway = new Dictionary<string, List<VpnConnection>>(StringComparer.Ordinal);
            foreach (var vpn in model.Of<VpnConnection>())
            {
                if (vpn.VpnGatewayId is { } vgw)
                {
                    byGateway.AddTo(vgw, vpn);
                }
            }

            return byGateway;
        });
        foreach (var kind in ResourceKind.All)
        {
            _byKind[kind.ElementType] = kind.Accept(new IndexKind(model));
        }

        Vpcs = ById<Vpc>();
        Subnets = ById<Subnet>();
        RouteTables = ById<RouteTable>();
        Peerings = ById<VpcPeeringConnection>();
        SecurityGroups = ById<SecurityGroup>();
        NetworkAcls = ById<NetworkAcl>();
        Instances = ById<Instance>();
        NetworkInterfaces = ById<NetworkInterface>();
        InternetGateways = ById<InternetGateway>();
        NatGateways = ById<NatGateway>();
        ElasticIps = ById<ElasticIp>();

        foreach (var s in model.Subnets)
        {
            if (s.VpcId is not null)
            {
                _subnetsByVpc.AddTo(s.VpcId, s);
            }
        }

        foreach (var t in model.RouteTables)
        {
            if (!_tableSlot.ContainsKey(t.Id))
            {
                _tableSlot[t.Id] = _tableSlot.Count;
            }

            if (!_tablePosition.ContainsKey(t))
            {
                _tablePosition[t] = _tablePosition.Count;
            }

            if (t.VpcId is not null)
            {
                _tablesByVpc.AddTo(t.VpcId, t);
                if (t.IsMain && !_mainTableByVpc.ContainsKey(t.VpcId))
                {
                    _mainTableByVpc[t.VpcId] = t;
                }
            }

            foreach (var subnetId in t.SubnetIds)
            {
                if (!_explicitTableBySubnet.ContainsKey(subnetId))
                {
                    _explicitTableBySubnet[subnetId] = t;
                }
            }

            foreach (var r in t.Routes)
            {
                if (r.TargetId is not null)
                {
                    _routesByTarget.AddTo(r.TargetId, new TableRoute(t, r));
                }
            }
        }

        _lookupSlots = new RouteLookup?[_tableSlot.Count];
        _servedSlots = new IReadOnlyList<Subnet>?[_tablePosition.Count];

        foreach (var p in model.PeeringConnections)
        {
            if (p.Requester.VpcId is not null)
            {
                _peeringsByVpc.AddTo(p.Requester.VpcId, p);
            }

            if (p.Accepter.VpcId is not null && p.Accepter.VpcId != p.Requester.VpcId)
            {
                _peeringsByVpc.AddTo(p.Accepter.VpcId, p);
            }
        }

        foreach (var g in model.InternetGateways)
        {
            foreach (var v in g.AttachedVpcIds)
            {
                _igwsByVpc.AddTo(v, g);
            }
        }

        foreach (var g in model.SecurityGroups)
        {
            if (g.VpcId is not null)
            {
                _groupsByVpc.AddTo(g.VpcId, g);
            }
        }

        foreach (var i in model.Instances)
        {
            var vpc = VpcOfInstance(i);
            if (vpc is not null)
            {
                _instancesByVpc.AddTo(vpc, i);
            }
        }

        foreach (var acl in model.NetworkAcls)
        {
            foreach (var s in acl.SubnetIds)
            {
                if (!_aclBySubnet.ContainsKey(s))
                {
                    _aclBySubnet[s] = acl;
                }
            }

            if (acl.IsDefault && acl.VpcId is not null && !_defaultAclByVpc.ContainsKey(acl.VpcId))
            {
                _defaultAclByVpc[acl.VpcId] = acl;
            }
        }

        foreach (var e in model.ElasticIps)
        {
            if (e.InstanceId is not null)
            {
                _eipsByInstance.AddTo(e.InstanceId, e);
            }

            if (e.NetworkInterfaceId is not null)
            {
                _eipsByEni.AddTo(e.NetworkInterfaceId, e);
            }
        }
    }

    public NetworkModel Model { get; }

    /// <summary>The VPN connections of a virtual private gateway, in input order (built on first use).</summary>
    public IReadOnlyList<VpnConnection> VpnConnectionsOf(string vpnGatewayId) =>
        _vpnsByGateway.Value.TryGetValue(vpnGatewayId, out var list) ? list : Array.Empty<VpnConnection>();

    /// <summary>The transit gateway joins (attachments by VPC, associations, TGW route lookups), built on first use.</summary>
    public TransitGatewayIndex TransitGateways => _transitGateways.Value;

    /// <summary>The elements of one kind of <see cref="ResourceKind.All"/> by id (the first of a duplicated id wins).</summary>
    public IReadOnlyDictionary<string, T> ById<T>()
        where T : Element =>
        _byKind.TryGetValue(typeof(T), out var d) ? (IReadOnlyDictionary<string, T>)d : throw new InvalidOperationException($"{typeof(T).Name} is not a resource kind");

    public IReadOnlyDictionary<string, Vpc> Vpcs { get; }

    public IReadOnlyDictionary<string, Subnet> Subnets { get; }

    public IReadOnlyDictionary<string, RouteTable> RouteTables { get; }

    public IReadOnlyDictionary<string, VpcPeeringConnection> Peerings { get; }

    public IReadOnlyDictionary<string, SecurityGroup> SecurityGroups { get; }

    public IReadOnlyDictionary<string, NetworkAcl> NetworkAcls { get; }

    public IReadOnlyDictionary<string, Instance> Instances { get; }

    public IReadOnlyDictionary<string, NetworkInterface> NetworkInterfaces { get; }

    public IReadOnlyDictionary<string, InternetGateway> InternetGateways { get; }

    public IReadOnlyDictionary<string, NatGateway> NatGateways { get; }

    public IReadOnlyDictionary<string, ElasticIp> ElasticIps { get; }

    /// <summary>The element of this kind with this id, or null (no id, or not in the input): a lookup without an out variable, for conditions.</summary>
    public T? Find<T>(string? id)
        where T : Element =>
        id is not null && ById<T>().TryGetValue(id, out var e) ? e : null;

    public Vpc? Vpc(string? id) => id is not null && Vpcs.TryGetValue(id, out var v) ? v : null;

    /// <summary>The peering connection with this id, or null (a lookup without an out variable, for conditions).</summary>
    public VpcPeeringConnection? Peering(string? id) => id is not null && Peerings.TryGetValue(id, out var p) ? p : null;

    /// <summary>The internet gateway with this id, or null.</summary>
    public InternetGateway? InternetGateway(string? id) => id is not null && InternetGateways.TryGetValue(id, out var g) ? g : null;

    /// <summary>The instance with this id, or null.</summary>
    public Instance? Instance(string? id) => id is not null && Instances.TryGetValue(id, out var i) ? i : null;

    /// <summary>The subnet with this id, or null.</summary>
    public Subnet? Subnet(string? id) => id is not null && Subnets.TryGetValue(id, out var s) ? s : null;

    /// <summary>The security group with this id, or null.</summary>
    public SecurityGroup? SecurityGroup(string? id) => id is not null && SecurityGroups.TryGetValue(id, out var g) ? g : null;

    public IReadOnlyList<Subnet> SubnetsOf(string vpcId) => _subnetsByVpc.TryGetValue(vpcId, out var l) ? l : NoSubnets;

    public IReadOnlyList<RouteTable> RouteTablesOf(string vpcId) => _tablesByVpc.TryGetValue(vpcId, out var l) ? l : NoTables;

    public RouteTable? MainRouteTableOf(string vpcId) => _mainTableByVpc.TryGetValue(vpcId, out var t) ? t : null;

    public IReadOnlyList<VpcPeeringConnection> PeeringsOf(string vpcId) => _peeringsByVpc.TryGetValue(vpcId, out var l) ? l : NoPeerings;

    /// <summary>Routes whose target id is <paramref name="targetId"/> (a pcx, an igw, ...), with their tables.</summary>
    public IReadOnlyList<TableRoute> RoutesTo(string targetId) => _routesByTarget.TryGetValue(targetId, out var l) ? l : NoRoutes;

    public IReadOnlyList<InternetGateway> InternetGatewaysOf(string vpcId) => _igwsByVpc.TryGetValue(vpcId, out var l) ? l : Array.Empty<InternetGateway>();

    public IReadOnlyList<SecurityGroup> SecurityGroupsOf(string vpcId) => _groupsByVpc.TryGetValue(vpcId, out var l) ? l : Array.Empty<SecurityGroup>();

    public IReadOnlyList<Instance> InstancesOf(string vpcId) => _instancesByVpc.TryGetValue(vpcId, out var l) ? l : Array.Empty<Instance>();

    public IReadOnlyList<ElasticIp> ElasticIpsOfInstance(string instanceId) => _eipsByInstance.TryGetValue(instanceId, out var l) ? l : Array.Empty<ElasticIp>();

    public IReadOnlyList<ElasticIp> ElasticIpsOfInterface(string eniId) => _eipsByEni.TryGetValue(eniId, out var l) ? l : Array.Empty<ElasticIp>();

    /// <summary>The route table a subnet uses: its explicit association, else its VPC's main table.</summary>
    public RouteTable? EffectiveRouteTable(Subnet subnet)
    {
        if (_explicitTableBySubnet.TryGetValue(subnet.Id, out var t))
        {
            return t;
        }

        return subnet.VpcId is null ? null : MainRouteTableOf(subnet.VpcId);
    }

    /// <summary>The subnets a table serves: explicitly associated ones, plus unassociated ones of its VPC when it is the main table.</summary>
    /// <remarks>Computed once per table of the model (the list is shared: do not cast it back and change it).</remarks>
    public IReadOnlyList<Subnet> SubnetsServedBy(RouteTable table)
    {
        int slot = ModelTableSlot(table);
        if (slot < 0)
        {
            return ComputeSubnetsServedBy(table);
        }

        return Volatile.Read(ref _servedSlots[slot]) ?? Interlocked.CompareExchange(ref _servedSlots[slot], ComputeSubnetsServedBy(table), null) ?? _servedSlots[slot]!;
    }

    private IReadOnlyList<Subnet> ComputeSubnetsServedBy(RouteTable table)
    {
        // Indexed loops: a foreach over an IReadOnlyList boxes its enumerator, once per table of the model.
        var ids = table.SubnetIds;
        var ofVpc = table.IsMain && table.VpcId is not null ? SubnetsOf(table.VpcId) : NoSubnets;
        if (ids.Count + ofVpc.Count == 0)
        {
            return NoSubnets;
        }

        var result = new List<Subnet>(ids.Count + ofVpc.Count);
        for (int i = 0; i < ids.Count; i++)
        {
            if (Subnets.TryGetValue(ids[i], out var s))
            {
                result.Add(s);
            }
        }

        for (int i = 0; i < ofVpc.Count; i++)
        {
            if (!_explicitTableBySubnet.ContainsKey(ofVpc[i].Id))
            {
                result.Add(ofVpc[i]);
            }
        }

        return result.Count == 0 ? NoSubnets : result;
    }

    /// <summary>The network ACL a subnet uses: its association, else its VPC's default ACL (null: none in the input, AWS's default allows all).</summary>
    public NetworkAcl? EffectiveNetworkAcl(Subnet subnet)
    {
        if (_aclBySubnet.TryGetValue(subnet.Id, out var acl))
        {
            return acl;
        }

        return subnet.VpcId is not null && _defaultAclByVpc.TryGetValue(subnet.VpcId, out var d) ? d : null;
    }

    public string? VpcOfInstance(Instance i)
    {
        if (i.VpcId is not null)
        {
            return i.VpcId;
        }

        return i.SubnetId is not null && Subnets.TryGetValue(i.SubnetId, out var s) ? s.VpcId : null;
    }

    /// <summary>
    /// The usable CIDR blocks of one side of a peering: the VPC's own associated blocks when the VPC is in the
    /// input, else what the peering record reports. <paramref name="known"/> is false when they cannot be determined.
    /// </summary>
    public IReadOnlyList<CidrValue> SideCidrs(PeeringSide side, out bool known)
    {
        var vpc = Vpc(side.VpcId);
        if (vpc is not null)
        {
            known = !vpc.HasUnknownCidrs;
            return Usable(vpc.Ipv4Cidrs, vpc.Ipv6Cidrs);
        }

        var list = Usable(side.Ipv4Cidrs, side.Ipv6Cidrs);
        known = list.Count > 0 && !AnyUnknown(side.Ipv4Cidrs);
        return list;
    }

    /// <summary>Usable (known, parsed, associated) IPv4 and IPv6 blocks of a VPC.</summary>
    public static IReadOnlyList<CidrValue> UsableCidrs(Vpc vpc) => Usable(vpc.Ipv4Cidrs, vpc.Ipv6Cidrs);

    /// <summary>Longest-prefix-match lookup over a table's routes plus its VPC's implicit local routes.</summary>
    public RouteLookup Lookup(RouteTable table)
    {
        if (!_tableSlot.TryGetValue(table.Id, out int slot))
        {
            return _otherLookups.GetOrAdd(table.Id, _ => NewLookup(table));
        }

        return Volatile.Read(ref _lookupSlots[slot]) ?? Interlocked.CompareExchange(ref _lookupSlots[slot], NewLookup(table), null) ?? _lookupSlots[slot]!;
    }

    /// <summary>The slot of <paramref name="table"/> itself (not another table with its id or equal contents), or -1.</summary>
    private int ModelTableSlot(RouteTable table) => _tablePosition.TryGetValue(table, out int i) ? i : -1;

    private RouteLookup NewLookup(RouteTable table) =>
        new(table, Vpc(table.VpcId), ById<PrefixList>(), PeeringLint.Aws.VpnRoutes.Propagated(this, table, out bool unknown), unknown);

    private static IReadOnlyList<CidrValue> Usable(IReadOnlyList<CidrValue> v4, IReadOnlyList<CidrValue> v6)
    {
        // The common case, every block usable and of one family: the model's own list, read-only to every caller (rules
        // ask for a VPC's blocks per peering and per route table; a new list each time was megabytes at 10,000 VPCs).
        if (v6.Count == 0 && AllUsable(v4))
        {
            return v4;
        }

        if (v4.Count == 0 && AllUsable(v6))
        {
            return v6;
        }

        var list = new List<CidrValue>(v4.Count + v6.Count);
        foreach (var c in v4)
        {
            if (c.IsUsable)
            {
                list.Add(c);
            }
        }

        foreach (var c in v6)
        {
            if (c.IsUsable)
            {
                list.Add(c);
            }
        }

        return list;
    }

    private static bool AllUsable(IReadOnlyList<CidrValue> list)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (!list[i].IsUsable)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyUnknown(IReadOnlyList<CidrValue> list)
    {
        foreach (var c in list)
        {
            if (c.IsUnknown)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, T> Index<T>(IReadOnlyList<T> items)
        where T : Element
    {
        var d = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!d.ContainsKey(item.Id))
            {
                d[item.Id] = item;
            }
        }

        return d;
    }

    private sealed class IndexKind : IResourceKindVisitor<object>
    {
        private readonly NetworkModel _model;

        public IndexKind(NetworkModel model) => _model = model;

        public object Visit<T>(ResourceKind<T> kind)
            where T : Element => ModelIndex.Index(_model.Of<T>());
    }
}

/// <summary>
/// Longest-prefix match over one route table. Routes with unknown destinations are ignored (rules that
/// use the lookup must treat <see cref="HasUnknownRoutes"/> as "cannot tell").
/// </summary>
public sealed class RouteLookup
{
    // Up to this many routes a linear scan over one array beats the trie: a route table's trie is a chain of small
    // nodes per route, and walking it cost a cache miss per bit at 10,000 VPCs (bench/README.md).
    private const int ScanLimit = 32;

    // The entries are _entries[0.._count) (the array may be a little longer).
    private readonly (Cidr Cidr, Route Route)[] _entries;
    private readonly int _count;
    private PrefixTrie<Route>? _trie;

    internal RouteLookup(RouteTable table, Vpc? vpc, IReadOnlyDictionary<string, PrefixList>? prefixLists = null, IReadOnlyList<Route>? propagated = null, bool propagatedUnknown = false)
    {
        Table = table;
        propagated ??= Array.Empty<Route>();
        List<Route>? unresolved = null;
        var routes = table.Routes;
        // One array of the final size at most (the implicit local routes a listed one replaces leave it a little longer
        // than _count): 20,000 tables at 10,000 VPCs used to build a list and copy it (bench/README.md, fifth session).
        int capacity = routes.Count + propagated.Count + (vpc is null ? 0 : vpc.Ipv4Cidrs.Count + vpc.Ipv6Cidrs.Count);
        for (int i = 0; i < routes.Count; i++)
        {
            // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            string? listId = routes[i].Destination?.Value is null ? routes[i].DestinationPrefixListId : null;
            PrefixList? list = null;
            if (listId is not null && prefixLists is not null)
            {
                prefixLists.TryGetValue(listId, out list);
            }

            if (list is not null && list.EntriesKnown)
            {
                capacity += list.Entries.Count;
            }
        }

        var entries = new (Cidr Cidr, Route Route)[capacity];
        int count = 0;
        for (int i = 0; i < routes.Count; i++)
        {
            var r = routes[i];
            if (r.Destination?.Value is { } c)
            {
                entries[count++] = (c, r);
            }
            else if (r.DestinationPrefixListId is null)
            {
                HasUnknownRoutes = true;
            }
            else if (prefixLists is not null && prefixLists.TryGetValue(r.DestinationPrefixListId, out var list) && list.EntriesKnown)
            {
                // A route to a managed prefix list is one route per entry; entries that are unknown leave a part unknown.
                for (int e = 0; e < list.Entries.Count; e++)
                {
                    if (list.Entries[e].Value is { } ec)
                    {
                        entries[count++] = (ec, r);
                    }
                }

                if (list.HasUnknownEntries)
                {
                    (unresolved ??= new List<Route>()).Add(r);
                }
            }
            else
            {
                (unresolved ??= new List<Route>()).Add(r);
            }
        }

        UnresolvedPrefixListRoutes = (IReadOnlyList<Route>?)unresolved ?? Array.Empty<Route>();

        // Routes a virtual private gateway propagates (a template's static VPN routes) come after the table's own:
        // AWS prefers a static route to a propagated one of the same prefix.
        for (int i = 0; i < propagated.Count; i++)
        {
            entries[count++] = (propagated[i].Destination!.Value!.Value, propagated[i]);
        }

        // A listed local route stands for the VPC block it names; ClassicLink's 10.0.0.0/8 → local is not the VPC's own range.
        if (vpc is not null)
        {
            int listed = count;
            AddLocal(entries, ref count, listed, vpc.Ipv4Cidrs);
            AddLocal(entries, ref count, listed, vpc.Ipv6Cidrs);
        }

        _entries = entries;
        _count = count;
        if (_count > ScanLimit)
        {
            _trie = BuildTrie(_entries, _count);
        }

        HasUnknownRoutes |= table.RoutesIncomplete || propagatedUnknown;
    }

    public RouteTable Table { get; }

    public bool HasUnknownRoutes { get; }

    /// <summary>
    /// Routes to a prefix list whose entries are not in the input (an AWS-managed service list such as
    /// <c>com.amazonaws.us-east-1.s3</c> that was not exported). The lookup leaves them out; the reachability engine
    /// asks whether one of them may hold the destination.
    /// </summary>
    public IReadOnlyList<Route> UnresolvedPrefixListRoutes { get; }

    /// <summary>The most specific route containing <paramref name="destination"/>; ties go to the first listed.</summary>
    public Route? Match(Cidr destination)
    {
        if (_count <= ScanLimit)
        {
            return Scan(destination, stopInside: false, out _);
        }

        if (!Trie.TryLongestMatch(destination, out var routes, out _))
        {
            return null;
        }

        return Pick(routes);
    }

    /// <summary>
    /// <paramref name="range"/> split into disjoint blocks, in address order, each with the route that the longest
    /// prefix match picks for every address in it (null: no route). Used to ask whether routes cover a whole range.
    /// </summary>
    public IReadOnlyList<(Cidr Block, Route? Route)> Resolve(Cidr range)
    {
        var parts = Trie.Partition(range);
        var result = new List<(Cidr, Route?)>(parts.Count);
        foreach (var (block, routes) in parts)
        {
            result.Add((block, routes.Count == 0 ? null : Pick(routes)));
        }

        return result;
    }

    /// <summary>
    /// True when one route (or none, <paramref name="route"/> null) serves every address of <paramref name="range"/>:
    /// what <see cref="Resolve"/> returns as a single block, without building the list.
    /// </summary>
    public bool TryResolveWhole(Cidr range, out Route? route)
    {
        if (_count <= ScanLimit)
        {
            route = Scan(range, stopInside: true, out bool inside);
            if (inside)
            {
                route = null;
                return false;
            }

            return true;
        }

        if (!Trie.TryUniform(range, out var routes))
        {
            route = null;
            return false;
        }

        route = routes.Count == 0 ? null : Pick(routes);
        return true;
    }

    private PrefixTrie<Route> Trie => Volatile.Read(ref _trie) ?? Interlocked.CompareExchange(ref _trie, BuildTrie(_entries, _count), null) ?? _trie!;

    private static PrefixTrie<Route> BuildTrie((Cidr Cidr, Route Route)[] entries, int count)
    {
        var trie = new PrefixTrie<Route>();
        for (int i = 0; i < count; i++)
        {
            trie.Add(entries[i].Cidr, entries[i].Route);
        }

        return trie;
    }

    /// <summary>The VPC's usable blocks (IPv4, then IPv6) as implicit local routes, except those a listed local route names.</summary>
    private static void AddLocal((Cidr Cidr, Route Route)[] entries, ref int count, int listed, IReadOnlyList<CidrValue> blocks)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            var c = blocks[i];
            if (!c.IsUsable || ListedLocal(entries, listed, c.Value!.Value))
            {
                continue;
            }

            entries[count++] = (c.Value!.Value, new Route(c.Location, RouteTargetKind.Local, "local") { Destination = c, Origin = RouteOrigin.CreateRouteTable });
        }
    }

    private static bool ListedLocal((Cidr Cidr, Route Route)[] entries, int listed, Cidr c)
    {
        for (int i = 0; i < listed; i++)
        {
            if (entries[i].Route.IsLocal && entries[i].Cidr.Equals(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The trie's answer by a scan in input order: among the entries that contain <paramref name="range"/>, those of the
    /// longest prefix (all one block), picked as <see cref="Pick"/> does. With <paramref name="stopInside"/>,
    /// <paramref name="inside"/> tells that an entry lies strictly inside the range (it is not one block).
    /// </summary>
    private Route? Scan(Cidr range, bool stopInside, out bool inside)
    {
        inside = false;
        int best = -1;
        Route? first = null;
        Route? cidr = null;
        Route? local = null;
        for (int i = 0; i < _count; i++)
        {
            var (c, r) = _entries[i];
            if (c.PrefixLength > range.PrefixLength)
            {
                if (stopInside && range.Contains(c))
                {
                    inside = true;
                    return null;
                }

                continue;
            }

            if (!c.Contains(range))
            {
                continue;
            }

            if (c.PrefixLength > best)
            {
                best = c.PrefixLength;
                first = r;
                cidr = r.DestinationPrefixListId is null ? r : null;
                local = r.IsLocal ? r : null;
            }
            else if (c.PrefixLength == best)
            {
                local ??= r.IsLocal ? r : null;
                cidr ??= r.DestinationPrefixListId is null ? r : null;
            }
        }

        return local ?? cidr ?? first;
    }

    private static Route Pick(IReadOnlyList<Route> routes)
    {
        // Among equal prefixes a local route wins (AWS gives local routes priority), then a CIDR route over a
        // prefix-list route (AWS prefers the CIDR route), then input order.
        foreach (var r in routes)
        {
            if (r.IsLocal)
            {
                return r;
            }
        }

        foreach (var r in routes)
        {
            if (r.DestinationPrefixListId is null)
            {
                return r;
            }
        }

        return routes[0];
    }
}
