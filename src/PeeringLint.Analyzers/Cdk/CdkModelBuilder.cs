using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>What the C# code yields: the model, and the way back from model ids and locations to C#.</summary>
internal sealed class CdkModel
{
    public CdkModel(NetworkModel model, LocationMap locations, Dictionary<string, ConstructFact> factsById)
    {
        Model = model;
        Locations = locations;
        FactsById = factsById;
    }

    public NetworkModel Model { get; }

    public LocationMap Locations { get; }

    /// <summary>The construct behind each model element id (ids are unique per kind; a clash keeps the first).</summary>
    public Dictionary<string, ConstructFact> FactsById { get; }

    /// <summary>L2 subnet route table ids → the C# expression of their id (<c>vpc1.PublicSubnets[0].RouteTable.RouteTableId</c>).</summary>
    public IReadOnlyDictionary<string, string> TableExpressions { get; init; } = new Dictionary<string, string>();

    /// <summary>What the CDK changes on synthesis (an L2 VPC block it rounds): reported as PL1004 warnings.</summary>
    public IReadOnlyList<(Location Location, string Message)> Notes { get; init; } = Array.Empty<(Location, string)>();
}

/// <summary>
/// Builds the normalized <see cref="NetworkModel"/> from the construct facts of one compilation (the same
/// builder every input format fills). References are resolved through the variables constructs are stored in;
/// what cannot be resolved stays unknown (null ids, <see cref="CidrValue.Unknown"/>).
/// </summary>
internal sealed partial class CdkModelBuilder
{
    private const string CdkDefaultVpcCidr = "10.0.0.0/16";

    private readonly List<ConstructFact> _facts;
    private readonly List<CallFact> _calls;
    private readonly List<StackCreationFact> _stacks;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, L2VpcLayout> _layouts = new(StringComparer.Ordinal);
    private readonly LocationMap _locations = new();
    private readonly Dictionary<ISymbol, ConstructFact?> _bySymbol = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<CdkValue>> _aliases = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxNode, ConstructFact> _byCreation = new();
    private readonly Dictionary<ConstructFact, string> _ids = new();
    private readonly Dictionary<string, ConstructFact> _factsById = new(StringComparer.Ordinal);
    private readonly List<(Location Location, string Message)> _notes = new();
    private readonly Dictionary<string, string> _tableExpressions = new(StringComparer.Ordinal);

    public CdkModelBuilder(IEnumerable<ConstructFact> facts, IEnumerable<CallFact> calls, IEnumerable<StackCreationFact> stacks, CancellationToken cancellationToken)
    {
        _stacks = new List<StackCreationFact>(stacks);
        _facts = new List<ConstructFact>(facts);
        _facts.Sort(CompareSyntax);
        _calls = new List<CallFact>(calls);
        _calls.Sort((a, b) => CompareNodes(a.Syntax, b.Syntax));
        _cancellationToken = cancellationToken;
    }

    /// <summary>Variables, parameters and methods that stand for constructs created elsewhere (<see cref="AliasFact"/>).</summary>
    public IEnumerable<AliasFact> Aliases { get; init; } = Array.Empty<AliasFact>();

    /// <summary>Alias steps followed from one reference (locals, properties, parameters, returns) before giving up.</summary>
    internal const int MaxAliasSteps = 8;

    /// <summary>Of those, steps into or out of a method of the compilation (parameter bindings and returns).</summary>
    internal const int MaxCallDepth = 3;

    /// <summary>Constructs one reference may stand for (a helper called for several groups) before it is unknown.</summary>
    internal const int MaxTargets = 16;

    public CdkModel Build()
    {
        foreach (var a in Aliases)
        {
            if (!_aliases.TryGetValue(a.Symbol, out var list))
            {
                _aliases[a.Symbol] = list = new List<CdkValue>();
            }

            list.Add(a.Target);
        }

        AssignIds();
        var b = new NetworkModelBuilder();
        var vpcs = new Dictionary<string, Vpc>(StringComparer.Ordinal);
        var vpcOrder = new List<string>();
        var tables = new Dictionary<string, RouteTable>(StringComparer.Ordinal);
        var tableOrder = new List<string>();
        var groups = new Dictionary<string, SecurityGroup>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var acls = new Dictionary<string, NetworkAcl>(StringComparer.Ordinal);
        var aclOrder = new List<string>();
        var igws = new Dictionary<string, InternetGateway>(StringComparer.Ordinal);
        var igwOrder = new List<string>();
        var eips = new Dictionary<string, ElasticIp>(StringComparer.Ordinal);
        var eipOrder = new List<string>();
        var subnets = new List<Subnet>();
        var subnetVpc = new Dictionary<string, string?>(StringComparer.Ordinal);
        var routes = new Dictionary<string, List<Route>>(StringComparer.Ordinal);
        var tableSubnets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var attachments = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        bool unmodelledL2Vpc = false;
        bool orphanRoutes = false;

        // Pass 1: containers.
        foreach (var f in _facts)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string id = _ids[f];
            var loc = Src(f.Location, f.Kind + " '" + id + "'");
            switch (f.Kind)
            {
                case "CfnVPC":
                    vpcs[id] = new Vpc(id, loc) { Name = NameTag(f), Ipv4Cidrs = new[] { Cidr(f.Prop("CidrBlock"), f, "CidrBlock") ?? CidrValue.Unknown(loc, "no CidrBlock (IPAM pool)") } };
                    vpcOrder.Add(id);

                    // AWS creates a main route table with the VPC; the code cannot name it, subnets without an association use it.
                    tables[id + "/main"] = AwsDefaults.MainRouteTable(id + "/main", loc, id, NameTag(f) ?? id);
                    tableOrder.Add(id + "/main");
                    break;
                case "Vpc":
                    vpcs[id] = new Vpc(id, loc) { Name = Str(f.Prop("VpcName")), Ipv4Cidrs = new[] { L2VpcCidr(f, loc) } };
                    vpcOrder.Add(id);
                    var layout = L2VpcLayout.TryCreate(id, f.Props, PrimaryCidrText(f), EnvironmentAgnostic(f));
                    if (layout is null)
                    {
                        unmodelledL2Vpc = true;
                        break;
                    }

                    _layouts[id] = layout;
                    AddL2Network(f, layout, subnets, subnetVpc, tables, tableOrder, routes, tableSubnets, igws, igwOrder, attachments, b.NatGateways);
                    break;
                case "CfnRouteTable":
                    tables[id] = new RouteTable(id, loc, RefId(f.Prop("VpcId"), "CfnVPC", "Vpc")) { Name = NameTag(f) };
                    tableOrder.Add(id);
                    break;
                case "CfnInternetGateway":
                    igws[id] = new InternetGateway(id, loc) { Name = NameTag(f) };
                    igwOrder.Add(id);
                    break;
                case "CfnSecurityGroup":
                    groups[id] = new SecurityGroup(id, loc, RefId(f.Prop("VpcId"), "CfnVPC", "Vpc"))
                    {
                        Name = NameTag(f),
                        GroupName = Str(f.Prop("GroupName")),
                        Ingress = CfnRules(f.Prop("SecurityGroupIngress"), RuleDirection.Ingress),
                        Egress = f.Prop("SecurityGroupEgress") is null ? new[] { AwsDefaults.DefaultEgressRule(loc) } : CfnRules(f.Prop("SecurityGroupEgress"), RuleDirection.Egress),
                    };
                    groupOrder.Add(id);
                    break;
                case "SecurityGroup":
                    groups[id] = new SecurityGroup(id, loc, RefId(f.Prop("Vpc"), "CfnVPC", "Vpc"))
                    {
                        GroupName = Str(f.Prop("SecurityGroupName")),
                        Egress = f.Prop("AllowAllOutbound") is BoolValue { Value: false }
                            ? Array.Empty<SecurityGroupRule>()
                            : new[] { new SecurityGroupRule(loc, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr) { Cidr = CidrValue.Parse("0.0.0.0/0", loc) } },
                    };
                    groupOrder.Add(id);
                    break;
                case "CfnNetworkAcl":
                    acls[id] = new NetworkAcl(id, loc, RefId(f.Prop("VpcId"), "CfnVPC", "Vpc")) { Name = NameTag(f) };
                    aclOrder.Add(id);
                    break;
                case "CfnSubnet":
                    string? vpcId = RefId(f.Prop("VpcId"), "CfnVPC", "Vpc");
                    subnetVpc[id] = vpcId;
                    subnets.Add(new Subnet(id, loc, vpcId)
                    {
                        Name = NameTag(f),
                        Ipv4Cidr = Cidr(f.Prop("CidrBlock"), f, "CidrBlock"),
                        Ipv6Cidrs = Cidr(f.Prop("Ipv6CidrBlock"), f, "Ipv6CidrBlock") is { } subnetV6 ? new[] { subnetV6 } : Array.Empty<CidrValue>(),
                        AvailabilityZone = Str(f.Prop("AvailabilityZone")),
                        MapPublicIpOnLaunch = f.Prop("MapPublicIpOnLaunch") is BoolValue bv ? bv.Value : null,
                    });
                    break;
                case "CfnEIP":
                    eips[id] = new ElasticIp(id, loc) { Name = NameTag(f), InstanceId = RefId(f.Prop("InstanceId"), "CfnInstance", "Instance_") };
                    eipOrder.Add(id);
                    break;
                default:
                    _ = MapTransitGatewayContainer(f, id, loc) || MapEdge(f, id, loc);
                    break;
            }
        }

        // Pass 2: things that attach to containers.
        var ingress = new Dictionary<string, List<SecurityGroupRule>>(StringComparer.Ordinal);
        var egress = new Dictionary<string, List<SecurityGroupRule>>(StringComparer.Ordinal);
        var aclEntries = new Dictionary<string, List<NetworkAclEntry>>(StringComparer.Ordinal);
        var aclSubnets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var extraCidrs = new Dictionary<string, List<CidrValue>>(StringComparer.Ordinal);
        var extraV6Cidrs = new Dictionary<string, List<CidrValue>>(StringComparer.Ordinal);
        foreach (var f in _facts)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string id = _ids[f];
            var loc = Src(f.Location, f.Kind + " '" + id + "'");
            switch (f.Kind)
            {
                case "CfnRoute":
                    if (f.Prop("RouteTableId") is SubnetValue { Member: "RouteTableId" } subnetTable)
                    {
                        // An L2 subnet's table, or each table of a group in a foreach.
                        var l2Tables = L2Subnets(subnetTable, f.Creation);
                        if (l2Tables is null)
                        {
                            orphanRoutes = true;
                            break;
                        }

                        foreach (var l2Subnet in l2Tables)
                        {
                            Add(routes, l2Subnet.TableId, ReadRoute(f, id, loc));
                        }

                        break;
                    }

                    var tableId = RefId(f.Prop("RouteTableId"), "CfnRouteTable");
                    if (tableId is null || !tables.ContainsKey(tableId))
                    {
                        orphanRoutes = true;
                        break;
                    }

                    Add(routes, tableId, ReadRoute(f, id, loc));
                    break;
                case "CfnSubnetRouteTableAssociation":
                    if (RefId(f.Prop("RouteTableId"), "CfnRouteTable") is { } t && RefId(f.Prop("SubnetId"), "CfnSubnet") is { } s)
                    {
                        Add(tableSubnets, t, s);
                    }

                    break;
                case "CfnVPCCidrBlock":
                    if (RefId(f.Prop("VpcId"), "CfnVPC", "Vpc") is { } v && Cidr(f.Prop("CidrBlock"), f, "CidrBlock") is { } extra)
                    {
                        Add(extraCidrs, v, extra);
                    }

                    // A literal IPv6 block (an Amazon-provided one is not known until deployment).
                    if (RefId(f.Prop("VpcId"), "CfnVPC", "Vpc") is { } v6Vpc && Cidr(f.Prop("Ipv6CidrBlock"), f, "Ipv6CidrBlock") is { } extraV6)
                    {
                        Add(extraV6Cidrs, v6Vpc, extraV6);
                    }

                    break;
                case "CfnVPCGatewayAttachment":
                    if (RefId(f.Prop("InternetGatewayId"), "CfnInternetGateway") is { } g && RefId(f.Prop("VpcId"), "CfnVPC", "Vpc") is { } av)
                    {
                        Add(attachments, g, av);
                    }

                    AttachVpnGateway(f);
                    break;
                case "CfnVPCPeeringConnection":
                    b.PeeringConnections.Add(ReadPeering(f, id, loc));
                    break;
                case "CfnSecurityGroupIngress":
                case "CfnSecurityGroupEgress":
                    if (RefId(f.Prop("GroupId"), "CfnSecurityGroup", "SecurityGroup") is { } gid && f.Props is { } p)
                    {
                        var dir = f.Kind == "CfnSecurityGroupIngress" ? RuleDirection.Ingress : RuleDirection.Egress;
                        foreach (var r in CfnRule(p, dir, loc))
                        {
                            Add(dir == RuleDirection.Ingress ? ingress : egress, gid, r);
                        }
                    }

                    break;
                case "CfnNetworkAclEntry":
                    if (RefId(f.Prop("NetworkAclId"), "CfnNetworkAcl") is { } acl)
                    {
                        Add(aclEntries, acl, ReadAclEntry(f, loc));
                    }

                    break;
                case "CfnSubnetNetworkAclAssociation":
                    if (RefId(f.Prop("NetworkAclId"), "CfnNetworkAcl") is { } acl2 && RefId(f.Prop("SubnetId"), "CfnSubnet") is { } s2)
                    {
                        Add(aclSubnets, acl2, s2);
                    }

                    break;
                case "CfnInstance":
                    b.Instances.Add(ReadCfnInstance(f, id, loc, subnetVpc));
                    break;
                case "Instance_":
                    b.Instances.Add(ReadL2Instance(f, id, loc));
                    break;
                case "CfnNatGateway":
                    var natSubnet = RefId(f.Prop("SubnetId"), "CfnSubnet");
                    var nat = new NatGateway(id, loc, natSubnet)
                    {
                        Name = NameTag(f),
                        VpcId = natSubnet is not null && subnetVpc.TryGetValue(natSubnet, out var nv) ? nv : null,
                        IsPublic = !string.Equals(Str(f.Prop("ConnectivityType")), "private", StringComparison.OrdinalIgnoreCase),
                    };
                    b.NatGateways.Add(ElasticIpAssociations.WithAddresses(nat, Source(f)));
                    break;
                case "CfnEIPAssociation":
                    var instanceId = RefId(f.Prop("InstanceId"), "CfnInstance", "Instance_");
                    var eipId = RefId(f.Prop("AllocationId"), "CfnEIP") ?? RefId(f.Prop("Eip"), "CfnEIP");
                    if (eipId is not null && eips.TryGetValue(eipId, out var eip))
                    {
                        eips[eipId] = eip with { InstanceId = instanceId, AssociationUnknown = instanceId is null };
                    }
                    else
                    {
                        eips[id] = new ElasticIp(id, loc) { InstanceId = instanceId, AssociationId = id, AssociationUnknown = instanceId is null };
                        eipOrder.Add(id);
                    }

                    break;
                default:
                    _ = MapTransitGatewayLink(f, id, loc) || MapEdgeLink(f);
                    break;
            }
        }

        foreach (var call in _calls)
        {
            if (call.Method == "AddRoute")
            {
                // subnet.AddRoute(id, new AddRouteOptions { … }) on an L2 subnet; any other receiver could be any table.
                var l2 = call.Receiver is SubnetValue { Member.Length: 0 } sv ? L2Subnets(sv, call.Syntax) : null;
                if (l2 is null || call.Arguments.Count < 2 || call.Arguments[1] is not ObjectValue options)
                {
                    orphanRoutes = true;
                    continue;
                }

                foreach (var s in l2)
                {
                    Add(routes, s.TableId, ReadAddRoute(call, options));
                }

                continue;
            }

            if (call.Method is "AllowFrom" or "AllowFromAnyIpv4" or "AllowDefaultPortFrom")
            {
                // x.Connections.AllowFrom(peer, port): an ingress rule in x's group (an L2 instance's own group).
                var (peer, port, description) = call.Method switch
                {
                    "AllowFrom" => (Arg(call, 0), Arg(call, 1), Arg(call, 2)),
                    "AllowFromAnyIpv4" => (new CallValue("Peer.AnyIpv4", Array.Empty<CdkValue>(), call.Syntax.GetLocation()), Arg(call, 0), Arg(call, 1)),
                    _ => (Arg(call, 0), (CdkValue?)null, Arg(call, 1)),
                };
                foreach (var owner in Receivers(call.Receiver))
                {
                    var target = owner.Kind == "Instance_" ? Resolve(owner.Prop("SecurityGroup")) : owner;
                    if (target is { Kind: "SecurityGroup" or "CfnSecurityGroup" })
                    {
                        var source = ConnectablePeer(peer);
                        Add(ingress, _ids[target], L2Rule(call, RuleDirection.Ingress, source, port, description));

                        // Between two groups the CDK also opens the source's egress when it does not allow all outbound.
                        if (Resolve(source) is { Kind: "SecurityGroup" } from && from.Prop("AllowAllOutbound") is BoolValue { Value: false })
                        {
                            var back = new RefValue(null, target.Creation, string.Empty, call.Syntax.GetLocation());
                            Add(egress, _ids[from], L2Rule(call, RuleDirection.Egress, back, port, description));
                        }
                    }
                }

                continue;
            }

            if (call.Arguments.Count < 2)
            {
                continue;
            }

            foreach (var sgFact in Receivers(call.Receiver))
            {
                if (sgFact.Kind is "SecurityGroup" or "CfnSecurityGroup")
                {
                    var dir = call.Method == "AddIngressRule" ? RuleDirection.Ingress : RuleDirection.Egress;
                    var rule = L2Rule(call, dir, call.Arguments[0], call.Arguments[1], call.Arguments.Count > 2 ? call.Arguments[2] : null);
                    Add(dir == RuleDirection.Ingress ? ingress : egress, _ids[sgFact], rule);
                }
            }
        }

        foreach (var id in vpcOrder)
        {
            var vpc = vpcs[id];
            var withBlocks = extraCidrs.TryGetValue(id, out var extra) ? vpc with { Ipv4Cidrs = Concat(vpc.Ipv4Cidrs, extra) } : vpc;
            b.Vpcs.Add(extraV6Cidrs.TryGetValue(id, out var extraV6s) ? withBlocks with { Ipv6Cidrs = Concat(withBlocks.Ipv6Cidrs, extraV6s) } : withBlocks);
        }

        b.Subnets.AddRange(subnets);
        AutoAssignedPublicIps(b.Instances, subnets);
        foreach (var id in tableOrder)
        {
            var t = tables[id];
            b.RouteTables.Add(t with
            {
                Routes = routes.TryGetValue(id, out var r) ? r.ToArray() : Array.Empty<Route>(),
                SubnetIds = tableSubnets.TryGetValue(id, out var s) ? s.ToArray() : Array.Empty<string>(),
                RoutesIncomplete = orphanRoutes,
                PropagatingVgwIds = PropagatingVgws(id),
            });
        }

        foreach (var id in igwOrder)
        {
            b.InternetGateways.Add(igws[id] with { AttachedVpcIds = attachments.TryGetValue(id, out var a) ? a.ToArray() : Array.Empty<string>() });
        }

        foreach (var id in groupOrder)
        {
            var g = groups[id];
            b.SecurityGroups.Add(g with
            {
                Ingress = ingress.TryGetValue(id, out var i) ? Concat(g.Ingress, i) : g.Ingress,
                Egress = egress.TryGetValue(id, out var e) ? Concat(g.Egress, e) : g.Egress,
            });
        }

        foreach (var id in aclOrder)
        {
            b.NetworkAcls.Add(acls[id] with
            {
                Entries = aclEntries.TryGetValue(id, out var e) ? e.ToArray() : Array.Empty<NetworkAclEntry>(),
                SubnetIds = aclSubnets.TryGetValue(id, out var s) ? s.ToArray() : Array.Empty<string>(),
            });
        }

        foreach (var id in eipOrder)
        {
            b.ElasticIps.Add(eips[id]);
        }

        // An L2 Vpc whose subnets could not be laid out creates route tables the model lacks, and a route whose
        // table is unresolved could belong to any table: only then is the list of route tables incomplete.
        EmitTransitGateways(b);
        EmitEdges(b);
        b.Coverage = (!unmodelledL2Vpc && !orphanRoutes && tables.Count > 0 ? ResourceKinds.RouteTables : ResourceKinds.None) | _edgeCoverage;
        return new CdkModel(b.Build(), _locations, _factsById) { Notes = _notes, TableExpressions = _tableExpressions };
    }
}
