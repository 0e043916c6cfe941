using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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
    private readonly ConcurrentDictionary<string, RouteLookup> _lookups = new(StringComparer.Ordinal);

    public ModelIndex(NetworkModel model)
    {
        Model = model;
        Vpcs = ById(model.Vpcs);
        Subnets = ById(model.Subnets);
        RouteTables = ById(model.RouteTables);
        Peerings = ById(model.PeeringConnections);
        SecurityGroups = ById(model.SecurityGroups);
        NetworkAcls = ById(model.NetworkAcls);
        Instances = ById(model.Instances);
        NetworkInterfaces = ById(model.NetworkInterfaces);
        InternetGateways = ById(model.InternetGateways);
        NatGateways = ById(model.NatGateways);
        ElasticIps = ById(model.ElasticIps);

        foreach (var s in model.Subnets)
        {
            if (s.VpcId is not null)
            {
                Add(_subnetsByVpc, s.VpcId, s);
            }
        }

        foreach (var t in model.RouteTables)
        {
            if (t.VpcId is not null)
            {
                Add(_tablesByVpc, t.VpcId, t);
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
                    Add(_routesByTarget, r.TargetId, new TableRoute(t, r));
                }
            }
        }

        foreach (var p in model.PeeringConnections)
        {
            if (p.Requester.VpcId is not null)
            {
                Add(_peeringsByVpc, p.Requester.VpcId, p);
            }

            if (p.Accepter.VpcId is not null && p.Accepter.VpcId != p.Requester.VpcId)
            {
                Add(_peeringsByVpc, p.Accepter.VpcId, p);
            }
        }

        foreach (var g in model.InternetGateways)
        {
            foreach (var v in g.AttachedVpcIds)
            {
                Add(_igwsByVpc, v, g);
            }
        }

        foreach (var g in model.SecurityGroups)
        {
            if (g.VpcId is not null)
            {
                Add(_groupsByVpc, g.VpcId, g);
            }
        }

        foreach (var i in model.Instances)
        {
            var vpc = VpcOfInstance(i);
            if (vpc is not null)
            {
                Add(_instancesByVpc, vpc, i);
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
                Add(_eipsByInstance, e.InstanceId, e);
            }

            if (e.NetworkInterfaceId is not null)
            {
                Add(_eipsByEni, e.NetworkInterfaceId, e);
            }
        }
    }

    public NetworkModel Model { get; }

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
    public IReadOnlyList<Subnet> SubnetsServedBy(RouteTable table)
    {
        var result = new List<Subnet>();
        foreach (var id in table.SubnetIds)
        {
            if (Subnets.TryGetValue(id, out var s))
            {
                result.Add(s);
            }
        }

        if (table.IsMain && table.VpcId is not null)
        {
            foreach (var s in SubnetsOf(table.VpcId))
            {
                if (!_explicitTableBySubnet.ContainsKey(s.Id))
                {
                    result.Add(s);
                }
            }
        }

        return result;
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
    public RouteLookup Lookup(RouteTable table) => _lookups.GetOrAdd(table.Id, _ => new RouteLookup(table, Vpc(table.VpcId)));

    private static IReadOnlyList<CidrValue> Usable(IReadOnlyList<CidrValue> v4, IReadOnlyList<CidrValue> v6)
    {
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

    private static Dictionary<string, T> ById<T>(IReadOnlyList<T> items)
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

    private static void Add<T>(Dictionary<string, List<T>> d, string key, T value)
    {
        if (!d.TryGetValue(key, out var list))
        {
            list = new List<T>(2);
            d[key] = list;
        }

        list.Add(value);
    }
}

/// <summary>
/// Longest-prefix match over one route table. Routes with unknown destinations are ignored (rules that
/// use the lookup must treat <see cref="HasUnknownRoutes"/> as "cannot tell").
/// </summary>
public sealed class RouteLookup
{
    private readonly PrefixTrie<Route> _trie = new();

    internal RouteLookup(RouteTable table, Vpc? vpc)
    {
        Table = table;
        // A listed local route stands for the VPC block it names; ClassicLink's 10.0.0.0/8 → local is not the VPC's own range.
        var listedLocal = new HashSet<Cidr>();
        foreach (var r in table.Routes)
        {
            if (r.Destination?.Value is { } c)
            {
                _trie.Add(c, r);
                if (r.IsLocal)
                {
                    listedLocal.Add(c);
                }
            }
            else if (r.DestinationPrefixListId is null)
            {
                HasUnknownRoutes = true;
            }
        }

        if (vpc is not null)
        {
            foreach (var c in ModelIndex.UsableCidrs(vpc))
            {
                if (listedLocal.Contains(c.Value!.Value))
                {
                    continue;
                }

                _trie.Add(c.Value!.Value, new Route(c.Location, RouteTargetKind.Local, "local") { Destination = c, Origin = RouteOrigin.CreateRouteTable });
            }
        }

        HasUnknownRoutes |= table.RoutesIncomplete;
    }

    public RouteTable Table { get; }

    public bool HasUnknownRoutes { get; }

    /// <summary>The most specific route containing <paramref name="destination"/>; ties go to the first listed.</summary>
    public Route? Match(Cidr destination)
    {
        if (!_trie.TryLongestMatch(destination, out var routes, out _))
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
        var parts = _trie.Partition(range);
        var result = new List<(Cidr, Route?)>(parts.Count);
        foreach (var (block, routes) in parts)
        {
            result.Add((block, routes.Count == 0 ? null : Pick(routes)));
        }

        return result;
    }

    private static Route Pick(IReadOnlyList<Route> routes)
    {
        // Among equal prefixes a local route wins (AWS gives local routes priority), then input order.
        foreach (var r in routes)
        {
            if (r.IsLocal)
            {
                return r;
            }
        }

        return routes[0];
    }
}
