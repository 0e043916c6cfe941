using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
internal sealed class CdkModelBuilder
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
                        Egress = CfnRules(f.Prop("SecurityGroupEgress"), RuleDirection.Egress),
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
                        AvailabilityZone = Str(f.Prop("AvailabilityZone")),
                        MapPublicIpOnLaunch = f.Prop("MapPublicIpOnLaunch") is BoolValue bv ? bv.Value : null,
                    });
                    break;
                case "CfnEIP":
                    eips[id] = new ElasticIp(id, loc) { Name = NameTag(f), InstanceId = RefId(f.Prop("InstanceId"), "CfnInstance", "Instance_") };
                    eipOrder.Add(id);
                    break;
            }
        }

        // Pass 2: things that attach to containers.
        var ingress = new Dictionary<string, List<SecurityGroupRule>>(StringComparer.Ordinal);
        var egress = new Dictionary<string, List<SecurityGroupRule>>(StringComparer.Ordinal);
        var aclEntries = new Dictionary<string, List<NetworkAclEntry>>(StringComparer.Ordinal);
        var aclSubnets = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var extraCidrs = new Dictionary<string, List<CidrValue>>(StringComparer.Ordinal);
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

                    break;
                case "CfnVPCGatewayAttachment":
                    if (RefId(f.Prop("InternetGatewayId"), "CfnInternetGateway") is { } g && RefId(f.Prop("VpcId"), "CfnVPC", "Vpc") is { } av)
                    {
                        Add(attachments, g, av);
                    }

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
            b.Vpcs.Add(extraCidrs.TryGetValue(id, out var extra) ? vpc with { Ipv4Cidrs = Concat(vpc.Ipv4Cidrs, extra) } : vpc);
        }

        b.Subnets.AddRange(subnets);
        foreach (var id in tableOrder)
        {
            var t = tables[id];
            b.RouteTables.Add(t with
            {
                Routes = routes.TryGetValue(id, out var r) ? r.ToArray() : Array.Empty<Route>(),
                SubnetIds = tableSubnets.TryGetValue(id, out var s) ? s.ToArray() : Array.Empty<string>(),
                RoutesIncomplete = orphanRoutes,
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
        b.Coverage = !unmodelledL2Vpc && !orphanRoutes && tables.Count > 0 ? ResourceKinds.RouteTables : ResourceKinds.None;
        return new CdkModel(b.Build(), _locations, _factsById) { Notes = _notes, TableExpressions = _tableExpressions };
    }

    /// <summary>True when the VPC's stack certainly has no environment (see <see cref="StackEnvironment"/>).</summary>
    private bool EnvironmentAgnostic(ConstructFact vpc)
    {
        if (vpc.Environment is not { IsUnknown: false } env)
        {
            return false;
        }

        foreach (var (ctor, ordinal) in env.PassThrough)
        {
            int seen = 0;
            foreach (var creation in _stacks)
            {
                if (SymbolEqualityComparer.Default.Equals(creation.Constructor, ctor))
                {
                    if (ordinal >= creation.WithoutEnv.Length || !creation.WithoutEnv[ordinal])
                    {
                        return false;
                    }

                    seen++;
                }
            }

            if (seen == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the subnets, route tables (with their default routes), internet and NAT gateways of an L2 VPC.</summary>
    private void AddL2Network(
        ConstructFact vpc,
        L2VpcLayout layout,
        List<Subnet> subnets,
        Dictionary<string, string?> subnetVpc,
        Dictionary<string, RouteTable> tables,
        List<string> tableOrder,
        Dictionary<string, List<Route>> routes,
        Dictionary<string, List<string>> tableSubnets,
        Dictionary<string, InternetGateway> igws,
        List<string> igwOrder,
        Dictionary<string, List<string>> attachments,
        List<NatGateway> nats)
    {
        string vpcId = layout.VpcId;
        SourceLocation At(string id) => Src(vpc.Location, "Vpc '" + vpcId + "' " + id);
        if (layout.InternetGatewayId is { } igw)
        {
            igws[igw] = new InternetGateway(igw, At(igw));
            igwOrder.Add(igw);
            Add(attachments, igw, vpcId);
        }

        foreach (var (id, subnetId) in layout.NatGateways)
        {
            nats.Add(new NatGateway(id, At(id), subnetId) { VpcId = vpcId });
        }

        foreach (var s in layout.Subnets)
        {
            if (vpc.Variable is { } variable && !(variable is IParameterSymbol))
            {
                // How C# names this subnet's table, for code fixes: vpc1.PublicSubnets[0].RouteTable.RouteTableId.
                _tableExpressions[s.TableId] = variable.Name + "." + s.Group + "[" + layout.Group(s.Group).IndexOf(s).ToString(CultureInfo.InvariantCulture) + "].RouteTable.RouteTableId";
            }

            var loc = At(s.Id);
            subnetVpc[s.Id] = vpcId;
            subnets.Add(new Subnet(s.Id, loc, vpcId)
            {
                Ipv4Cidr = s.Cidr is null ? CidrValue.Unknown(loc, "subnet block not computed") : CidrValue.Parse(s.Cidr, loc),
                MapPublicIpOnLaunch = s.MapPublicIpOnLaunch,
            });
            tables[s.TableId] = new RouteTable(s.TableId, At(s.TableId), vpcId);
            tableOrder.Add(s.TableId);
            Add(tableSubnets, s.TableId, s.Id);
            if (s.Group == "PublicSubnets" && layout.InternetGatewayId is { } gw)
            {
                Add(routes, s.TableId, new Route(At(s.TableId), RouteTargetKind.InternetGateway, gw) { Destination = CidrValue.Parse("0.0.0.0/0", At(s.TableId)) });
            }
            else if (s.NatGatewayId is { } nat)
            {
                Add(routes, s.TableId, new Route(At(s.TableId), RouteTargetKind.NatGateway, nat) { Destination = CidrValue.Parse("0.0.0.0/0", At(s.TableId)) });
            }
        }
    }

    /// <summary>
    /// The L2 subnets a <see cref="SubnetValue"/> denotes: one, or for a foreach variable every subnet of the group
    /// when <paramref name="user"/> (the construct creation or call) runs once per iteration. Null when unknown.
    /// </summary>
    private List<L2Subnet>? L2Subnets(SubnetValue value, SyntaxNode user)
    {
        if (Resolve(value.Vpc) is not { Kind: "Vpc" } vpc || !_layouts.TryGetValue(_ids[vpc], out var layout))
        {
            return null;
        }

        var group = layout.Group(value.Group);
        if (value.Index is { } i)
        {
            return i < group.Count ? new List<L2Subnet> { group[i] } : null;
        }

        return value.Loop is ForEachStatementSyntax loop && ValueReader.RunsOncePerIteration(user, loop) ? group : null;
    }

    /// <summary><c>subnet.AddRoute("id", new AddRouteOptions { DestinationCidrBlock, RouterType, RouterId })</c>.</summary>
    private Route ReadAddRoute(CallFact call, ObjectValue options)
    {
        var loc = Src(call.Syntax.GetLocation());
        // RouterType says which CfnRoute property CDK writes RouterId to; the layer decides what that names.
        string? property = (options.Get("RouterType") as EnumValue)?.Member switch
        {
            "VPC_PEERING_CONNECTION" => "VpcPeeringConnectionId",
            "GATEWAY" => "GatewayId",
            "NAT_GATEWAY" => "NatGatewayId",
            "INSTANCE" => "InstanceId",
            "NETWORK_INTERFACE" => "NetworkInterfaceId",
            "TRANSIT_GATEWAY" => "TransitGatewayId",
            "VPC_ENDPOINT" => "VpcEndpointId",
            "EGRESS_ONLY_INTERNET_GATEWAY" => "EgressOnlyInternetGatewayId",
            "CARRIER_GATEWAY" => "CarrierGatewayId",
            "LOCAL_GATEWAY" => "LocalGatewayId",
            _ => null,
        };
        var (kind, target) = property is null ? (RouteTargetKind.Unknown, null) : RouteTargets.Of(property, Pv(options.Get("RouterId")));
        var dest = options.Get("DestinationCidrBlock") ?? options.Get("DestinationIpv6CidrBlock");
        return new Route(loc, kind, target)
        {
            Destination = dest is null ? null : CidrOf(dest),
            DeclaringId = call.Arguments[0] is StringValue id ? id.Text : null,
        };
    }

    private void AssignIds()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _facts)
        {
            if (f.Variable is not null)
            {
                // A variable assigned two constructs cannot tell which one a reference means.
                _bySymbol[f.Variable] = _bySymbol.ContainsKey(f.Variable) ? null : f;
            }

            _byCreation[f.Creation] = f;
            string baseId = f.ConstructId is StringValue s && s.Text.Length > 0
                ? s.Text
                : f.Variable?.Name ?? f.Kind + "@" + (f.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
            string id = baseId;
            int n = 2;
            while (!used.Add(Group(f.Kind) + "|" + id))
            {
                id = baseId + "#" + n.ToString(CultureInfo.InvariantCulture);
                n++;
            }

            _ids[f] = id;
            if (!_factsById.ContainsKey(id))
            {
                _factsById[id] = f;
            }
        }
    }

    /// <summary>Model kinds: ids are unique per kind, and L1/L2 constructs of one kind share the id space.</summary>
    private static string Group(string kind) => kind switch
    {
        "Vpc" => "CfnVPC",
        "SecurityGroup" => "CfnSecurityGroup",
        "Instance_" => "CfnInstance",
        "CfnSecurityGroupIngress" or "CfnSecurityGroupEgress" => "CfnSecurityGroupRule",
        _ => kind,
    };

    /// <summary>The one construct a reference denotes, or null when unknown or ambiguous.</summary>
    private ConstructFact? Resolve(CdkValue? value) => ResolveAll(value, 0, 0) is { Count: 1 } one ? one[0] : null;

    /// <summary>
    /// Every construct a reference can denote: the construct created into its variable, or what its aliases denote
    /// (a local or property assigned from another reference, a parameter at each call site, a method's returns).
    /// Null when any path is unknown, a variable holds two things, or a budget runs out.
    /// </summary>
    private List<ConstructFact>? ResolveAll(CdkValue? value, int steps, int calls)
    {
        if (value is not RefValue r)
        {
            return null;
        }

        if (r.Symbol is null)
        {
            return r.Creation is not null && _byCreation.TryGetValue(r.Creation, out var c) ? new List<ConstructFact> { c } : null;
        }

        bool created = _bySymbol.TryGetValue(r.Symbol, out var f);
        bool aliased = _aliases.TryGetValue(r.Symbol, out var targets);
        if (created && !aliased)
        {
            return f is null ? null : new List<ConstructFact> { f };
        }

        bool call = r.Symbol is IParameterSymbol or IMethodSymbol;
        if (created || !aliased || steps >= MaxAliasSteps || (call && calls >= MaxCallDepth))
        {
            // Created here and assigned something else too: which one is meant is unknown.
            return null;
        }

        var all = new List<ConstructFact>();
        foreach (var t in targets!)
        {
            var sub = ResolveAll(t, steps + 1, call ? calls + 1 : calls);
            if (sub is null)
            {
                return null;
            }

            foreach (var s in sub)
            {
                if (!all.Contains(s))
                {
                    all.Add(s);
                }
            }
        }

        // A local, field or property must hold one thing; a parameter or a helper's result may be several.
        return all.Count == 0 || all.Count > MaxTargets || (!call && all.Count > 1) ? null : all;
    }

    /// <summary>The constructs a call's receiver denotes: one, or for a helper's parameter each bound construct.</summary>
    private List<ConstructFact> Receivers(CdkValue receiver)
    {
        if (receiver is RefValue { Symbol: IParameterSymbol })
        {
            return ResolveAll(receiver, 0, 0) ?? new List<ConstructFact>();
        }

        return Resolve(receiver) is { } one ? new List<ConstructFact> { one } : new List<ConstructFact>();
    }

    /// <summary>
    /// The model id a property refers to: a construct of one of <paramref name="kinds"/> (through <c>x.Ref</c>,
    /// <c>x.AttrVpcId</c>, <c>x.VpcId</c> or <c>x</c> itself), or a literal AWS id. Null when unknown.
    /// </summary>
    private string? RefId(CdkValue? value, params string[] kinds)
    {
        switch (value)
        {
            case StringValue s when s.Text.Length > 0:
                return s.Text;
            case RefValue r when r.Member.Length == 0 || r.Member == "Ref" || r.Member.EndsWith("Id", StringComparison.Ordinal):
                var f = Resolve(r);
                return f is not null && Array.IndexOf(kinds, f.Kind) >= 0 ? _ids[f] : null;
            case SubnetValue { Index: not null } sv when Resolve(sv.Vpc) is { Kind: "Vpc" } vf && _layouts.TryGetValue(_ids[vf], out var layout):
                var group = layout.Group(sv.Group);
                if (sv.Index.Value >= group.Count)
                {
                    return null;
                }

                return sv.Member switch
                {
                    "SubnetId" when Array.IndexOf(kinds, "CfnSubnet") >= 0 => group[sv.Index.Value].Id,
                    "RouteTableId" when Array.IndexOf(kinds, "CfnRouteTable") >= 0 => group[sv.Index.Value].TableId,
                    _ => null,
                };
            default:
                return null;
        }
    }

    private SourceLocation Src(Location location, string? logicalPath = null) => _locations.ToModel(location, logicalPath);

    private CidrValue? Cidr(CdkValue? value, ConstructFact owner, string property)
    {
        if (value is null)
        {
            return null;
        }

        var loc = Src(value.Location, owner.Kind + " '" + _ids[owner] + "'." + property);
        if (value is StringValue s)
        {
            return CidrValue.Parse(s.Text, loc);
        }

        // vpc.AttrCidrBlock / vpc.VpcCidrBlock: the referenced VPC's primary block.
        if (value is RefValue { Member: "AttrCidrBlock" or "VpcCidrBlock" } r && Resolve(r) is { } vf && PrimaryCidrText(vf) is { } text)
        {
            return CidrValue.Parse(text, loc);
        }

        return CidrValue.Unknown(loc, "not a constant the analyzer can follow");
    }

    private static string? PrimaryCidrText(ConstructFact vpc) => vpc.Kind switch
    {
        "CfnVPC" => (vpc.Prop("CidrBlock") as StringValue)?.Text,
        "Vpc" => L2CidrArgument(vpc) is { } given ? (given is StringValue s ? CdkDeployedCidr(s.Text) ?? s.Text : null)
            : vpc.Prop("IpAddresses") is null ? CdkDefaultVpcCidr : null,
        _ => null,
    };

    /// <summary>The L2 VPC's block as written: <c>IpAddresses.Cidr("…")</c>'s argument or the older <c>Cidr</c>.</summary>
    private static CdkValue? L2CidrArgument(ConstructFact vpc) =>
        vpc.Prop("IpAddresses") is CallValue { Method: "IpAddresses.Cidr" } c && c.Arguments.Count > 0 ? c.Arguments[0]
        : vpc.Prop("IpAddresses") is null ? vpc.Prop("Cidr")
        : null;

    /// <summary>
    /// The block the CDK synthesizes for an L2 VPC's IPv4 CIDR text: Amazon.CDK.Lib's <c>CidrBlock</c> (network-util)
    /// takes the address plus the block size minus one and rounds that down to the block boundary, so a block with
    /// host bits set moves UP to the next boundary (<c>10.0.1.0/20</c> → <c>10.0.16.0/20</c>); an aligned block is
    /// unchanged. Null when the text is not a dotted IPv4 CIDR with a /0–/32 mask.
    /// </summary>
    internal static string? CdkDeployedCidr(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int mask) || mask > 32)
        {
            return null;
        }

        var octets = text.Substring(0, slash).Split('.');
        if (octets.Length != 4)
        {
            return null;
        }

        long address = 0;
        foreach (var o in octets)
        {
            if (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out int b) || b > 255)
            {
                return null;
            }

            address = (address << 8) | (uint)b;
        }

        long size = 1L << (32 - mask);
        long network = address + size - 1;
        network -= network % size;
        if (network > uint.MaxValue)
        {
            return null;
        }

        return string.Join(".", (network >> 24) & 255, (network >> 16) & 255, (network >> 8) & 255, network & 255) + "/" + mask.ToString(CultureInfo.InvariantCulture);
    }

    private CidrValue L2VpcCidr(ConstructFact f, SourceLocation loc)
    {
        switch (f.Prop("IpAddresses"))
        {
            case CallValue { Method: "IpAddresses.Cidr" } call when call.Arguments.Count > 0:
                return L2Given(f, call.Arguments[0], "IpAddresses");
            case null:
                break;
            default:
                return CidrValue.Unknown(Src(f.Prop("IpAddresses")!.Location), "IP addresses not given by IpAddresses.Cidr");
        }

        if (f.Prop("Cidr") is { } cidr)
        {
            return L2Given(f, cidr, "Cidr");
        }

        // Neither given: the CDK's documented default.
        return CidrValue.Parse(CdkDefaultVpcCidr, loc);
    }

    /// <summary>
    /// An L2 VPC's given block as the CDK deploys it (<see cref="CdkDeployedCidr"/>). When the CDK moves it, the model
    /// carries the deployed block and the analyzer notes the difference as a PL1004 warning at the literal.
    /// </summary>
    private CidrValue L2Given(ConstructFact f, CdkValue given, string property)
    {
        var written = Cidr(given, f, property) ?? CidrValue.Unknown(Src(f.Location));
        if (given is not StringValue s || CdkDeployedCidr(s.Text) is not { } deployed || deployed == s.Text)
        {
            return written;
        }

        var loc = Src(given.Location, f.Kind + " '" + _ids[f] + "'." + property);
        var parsed = CidrValue.Parse(deployed, loc);
        if (parsed.Value is null)
        {
            return written;
        }

        _notes.Add((given.Location,
            $"VPC '{_ids[f]}' is given {s.Text}, which has host bits set; the CDK does not pass it to AWS as written. "
            + $"Amazon.CDK.Lib rounds it up to the next /{parsed.Value.Value.PrefixLength} boundary and deploys {deployed}, and lays the subnets out in {deployed}. "
            + $"Write \"{deployed}\" if that is the block you mean; otherwise write the block you want with its host bits clear."));
        return parsed;
    }

    private static string? Str(CdkValue? value) => (value as StringValue)?.Text;

    private static string? NameTag(ConstructFact f)
    {
        if (f.Prop("Tags") is not ListValue tags)
        {
            return null;
        }

        foreach (var t in tags.Items)
        {
            if (t is ObjectValue o && Str(o.Get("Key")) == "Name" && Str(o.Get("Value")) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private Route ReadRoute(ConstructFact f, string id, SourceLocation loc)
    {
        var (kind, target) = RouteTarget(f);
        var dest = f.Prop("DestinationCidrBlock") ?? f.Prop("DestinationIpv6CidrBlock");
        string property = f.Prop("DestinationCidrBlock") is not null ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock";
        return new Route(loc, kind, target)
        {
            Destination = Cidr(dest, f, property),
            DestinationPrefixListId = Str(f.Prop("DestinationPrefixListId")),
            DeclaringId = id,
        };
    }

    /// <summary>The route's target, decided by the shared layer (<see cref="RouteTargets"/>).</summary>
    private (RouteTargetKind Kind, string? Id) RouteTarget(ConstructFact f) => RouteTargets.Choose(Source(f));

    private VpcPeeringConnection ReadPeering(ConstructFact f, string id, SourceLocation loc)
    {
        var requesterValue = f.Prop("VpcId");
        var accepterValue = f.Prop("PeerVpcId");
        var requester = new PeeringSide(RefId(requesterValue, "CfnVPC", "Vpc"), requesterValue is null ? loc : Src(requesterValue.Location));

        // The stack's account is not known to the analyzer; the layer decides as for a template without AWS::AccountId.
        var props = Source(f);
        var (owner, region) = PeeringRequests.Accepter(props, null, null);
        var accepter = new PeeringSide(RefId(accepterValue, "CfnVPC", "Vpc"), accepterValue is null ? loc : Src(accepterValue.Location))
        {
            OwnerId = owner,
            Region = region,
        };
        return new VpcPeeringConnection(id, loc, requester, accepter)
        {
            Name = NameTag(f),
            Status = PeeringRequests.StatusWhenCreated(props, null),
        };
    }

    /// <summary>A construct's properties as a <see cref="PropertySource"/> for the semantics layer.</summary>
    private PropertySource Source(ConstructFact f) => name => Pv(f.Prop(name));

    /// <summary>
    /// A C# value as the semantics layer reads it: a literal, a reference to a construct of the compilation (with
    /// its CloudFormation type), a list, or unknown.
    /// </summary>
    private PropertyValue Pv(CdkValue? value)
    {
        switch (value)
        {
            case null:
                return PropertyValue.Absent;
            case StringValue s when s.Text.Length > 0:
                return PropertyValue.Known(s.Text);
            case ListValue list:
                var items = new List<PropertyValue>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    items.Add(Pv(item));
                }

                return PropertyValue.List(items);
            case RefValue { Member: "InternetGatewayId" } r when Resolve(r) is { Kind: "Vpc" } vf && _layouts.TryGetValue(_ids[vf], out var layout):
                // An L2 Vpc's own internet gateway.
                return layout.InternetGatewayId is { } igw ? PropertyValue.Reference(igw, AwsResourceTypes.InternetGateway) : PropertyValue.Unknown();
            case RefValue r when r.Member.Length == 0 || r.Member == "Ref" || r.Member.EndsWith("Id", StringComparison.Ordinal):
                return Resolve(r) is { } f ? PropertyValue.Reference(_ids[f], AwsTypeOf(f.Kind)) : PropertyValue.Unknown();
            case SubnetValue sv:
                return RefId(sv, "CfnSubnet", "CfnRouteTable") is { } sid
                    ? PropertyValue.Reference(sid, sv.Member == "RouteTableId" ? AwsResourceTypes.RouteTable : AwsResourceTypes.Subnet)
                    : PropertyValue.Unknown();
            default:
                return PropertyValue.Unknown();
        }
    }

    /// <summary>The CloudFormation type a construct kind synthesizes: <c>CfnVPNGateway</c> → <c>AWS::EC2::VPNGateway</c>, L2 <c>Vpc</c> → <c>AWS::EC2::VPC</c>.</summary>
    private static string AwsTypeOf(string kind) => kind switch
    {
        "Vpc" => AwsResourceTypes.Vpc,
        "SecurityGroup" => AwsResourceTypes.SecurityGroup,
        "Instance_" => AwsResourceTypes.Instance,
        _ when kind.StartsWith("Cfn", StringComparison.Ordinal) => "AWS::EC2::" + kind.Substring(3),
        _ => kind,
    };

    private IReadOnlyList<SecurityGroupRule> CfnRules(CdkValue? list, RuleDirection direction)
    {
        if (list is not ListValue l)
        {
            return Array.Empty<SecurityGroupRule>();
        }

        var rules = new List<SecurityGroupRule>();
        foreach (var item in l.Items)
        {
            if (item is ObjectValue o)
            {
                rules.AddRange(CfnRule(o, direction, Src(o.Location)));
            }
        }

        return rules;
    }

    private IEnumerable<SecurityGroupRule> CfnRule(ObjectValue o, RuleDirection direction, SourceLocation loc)
    {
        int? protocol = Protocol(o.Get("IpProtocol"));
        int? from = Int(o.Get("FromPort"));
        int? to = Int(o.Get("ToPort"));
        string cidrProp = direction == RuleDirection.Ingress ? "CidrIp" : "CidrIp";
        if (o.Get(cidrProp) is { } c4)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Cidr) { Cidr = CidrOf(c4), Description = Str(o.Get("Description")) };
        }

        if (o.Get("CidrIpv6") is { } c6)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Cidr) { Cidr = CidrOf(c6), Description = Str(o.Get("Description")) };
        }

        var group = o.Get(direction == RuleDirection.Ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId");
        if (group is not null)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.SecurityGroup) { GroupId = RefId(group, "CfnSecurityGroup", "SecurityGroup") };
        }

        var prefix = o.Get(direction == RuleDirection.Ingress ? "SourcePrefixListId" : "DestinationPrefixListId");
        if (prefix is not null)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.PrefixList) { PrefixListId = Str(prefix) };
        }
    }

    private CidrValue CidrOf(CdkValue v) =>
        v is StringValue s ? CidrValue.Parse(s.Text, Src(v.Location)) : CidrValue.Unknown(Src(v.Location), "not a constant the analyzer can follow");

    private static CdkValue? Arg(CallFact call, int i) => i < call.Arguments.Count ? call.Arguments[i] : null;

    /// <summary>An <c>IConnectable</c> peer: an L2 instance stands for its security group; anything else is itself.</summary>
    private CdkValue? ConnectablePeer(CdkValue? peer)
    {
        if (Resolve(peer) is { Kind: "Instance_" } instance)
        {
            return instance.Prop("SecurityGroup") is RefValue g ? g : new UnknownValue(peer!.Location);
        }

        return peer;
    }

    private SecurityGroupRule L2Rule(CallFact call, RuleDirection direction, CdkValue? peer, CdkValue? port, CdkValue? description)
    {
        var loc = Src(call.Syntax.GetLocation());
        var (protocol, from, to) = PortOf(port);
        var rule = new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Unknown)
        {
            Description = Str(description),
        };
        switch (peer)
        {
            case CallValue { Method: "Peer.Ipv4" or "Peer.Ipv6" } p when p.Arguments.Count > 0:
                return rule with { PeerKind = SgPeerKind.Cidr, Cidr = CidrOf(p.Arguments[0]) };
            case CallValue { Method: "Peer.AnyIpv4" } p:
                return rule with { PeerKind = SgPeerKind.Cidr, Cidr = CidrValue.Parse("0.0.0.0/0", Src(p.Location)) };
            case CallValue { Method: "Peer.AnyIpv6" } p:
                return rule with { PeerKind = SgPeerKind.Cidr, Cidr = CidrValue.Parse("::/0", Src(p.Location)) };
            case CallValue { Method: "Peer.PrefixList" } p when p.Arguments.Count > 0:
                return rule with { PeerKind = SgPeerKind.PrefixList, PrefixListId = Str(p.Arguments[0]) };
            case CallValue { Method: "Peer.SecurityGroupId" } p when p.Arguments.Count > 0:
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = Str(p.Arguments[0]) };
            case RefValue r when Resolve(r) is { Kind: "SecurityGroup" or "CfnSecurityGroup" } g:
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = _ids[g] };
            default:
                return rule;
        }
    }

    /// <summary>
    /// A <c>Port</c>: a factory call (<c>Port.Tcp(22)</c>), a static property (<c>Port.SSH</c>), or
    /// <c>new Port(new PortProps { Protocol, FromPort, ToPort })</c>. Unknown parts stay null.
    /// </summary>
    private static (int? Protocol, int? From, int? To) PortOf(CdkValue? value)
    {
        switch (value)
        {
            case CallValue call:
                return PortOf(call);
            case ObjectValue { TypeName: "Port", Arguments.Count: > 0 } created when created.Arguments[0] is ObjectValue props:
                int? protocol = (props.Get("Protocol") as EnumValue)?.Member switch
                {
                    "TCP" => 6,
                    "UDP" => 17,
                    "ICMP" => 1,
                    "ICMPV6" => 58,
                    "ALL" => -1,
                    _ => null,
                };
                if (protocol == -1)
                {
                    return (-1, null, null);
                }

                return protocol is null ? (null, null, null) : (protocol, Int(props.Get("FromPort")), Int(props.Get("ToPort")));
            default:
                return (null, null, null);
        }
    }

    private static (int? Protocol, int? From, int? To) PortOf(CallValue port)
    {
        int? A(int i) => port.Arguments.Count > i ? Int(port.Arguments[i]) : null;
        return port.Method switch
        {
            "Port.Tcp" => (6, A(0), A(0)),
            "Port.TcpRange" => (6, A(0), A(1)),
            "Port.AllTcp" => (6, 0, 65535),
            "Port.Udp" => (17, A(0), A(0)),
            "Port.UdpRange" => (17, A(0), A(1)),
            "Port.AllUdp" => (17, 0, 65535),
            "Port.AllIcmp" => (1, -1, -1),
            "Port.IcmpPing" => (1, 8, -1),
            "Port.IcmpType" => (1, A(0), -1),
            "Port.IcmpTypeAndCode" => (1, A(0), A(1)),
            "Port.AllIcmpV6" => (58, -1, -1),
            "Port.AllTraffic" => (-1, null, null),
            "Port.Ah" => (51, null, null),
            "Port.Esp" => (50, null, null),
            "Port.SSH" => (6, 22, 22),
            "Port.SMTP" => (6, 25, 25),
            "Port.DNS_TCP" => (6, 53, 53),
            "Port.DNS_UDP" => (17, 53, 53),
            "Port.HTTP" => (6, 80, 80),
            "Port.POP3" => (6, 110, 110),
            "Port.IMAP" => (6, 143, 143),
            "Port.LDAP" => (6, 389, 389),
            "Port.HTTPS" => (6, 443, 443),
            "Port.SMB" => (6, 445, 445),
            "Port.IMAPS" => (6, 993, 993),
            "Port.POP3S" => (6, 995, 995),
            "Port.MSSQL" => (6, 1433, 1433),
            "Port.NFS" => (6, 2049, 2049),
            "Port.MYSQL_AURORA" => (6, 3306, 3306),
            "Port.RDP" => (6, 3389, 3389),
            "Port.POSTGRES" => (6, 5432, 5432),
            _ => (null, null, null),
        };
    }

    private static int? Int(CdkValue? v) => v switch
    {
        NumberValue n when n.Number == Math.Floor(n.Number) && Math.Abs(n.Number) < int.MaxValue => (int)n.Number,
        StringValue s when int.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) => i,
        _ => null,
    };

    private static int? Protocol(CdkValue? v)
    {
        if (v is StringValue s)
        {
            return IpProtocols.Parse(s.Text);
        }

        return Int(v);
    }

    private NetworkAclEntry ReadAclEntry(ConstructFact f, SourceLocation loc)
    {
        var action = string.Equals(Str(f.Prop("RuleAction")), "deny", StringComparison.OrdinalIgnoreCase) ? AclAction.Deny : AclAction.Allow;
        var ports = f.Prop("PortRange") as ObjectValue;
        var icmp = f.Prop("Icmp") as ObjectValue;
        var cidr = f.Prop("CidrBlock") ?? f.Prop("Ipv6CidrBlock");
        return new NetworkAclEntry(loc, Int(f.Prop("RuleNumber")) ?? 0, f.Prop("Egress") is BoolValue { Value: true }, Protocol(f.Prop("Protocol")), action)
        {
            Cidr = cidr is null ? null : CidrOf(cidr),
            FromPort = Int(ports?.Get("From")),
            ToPort = Int(ports?.Get("To")),
            IcmpType = Int(icmp?.Get("Type")),
            IcmpCode = Int(icmp?.Get("Code")),
        };
    }

    private Instance ReadCfnInstance(ConstructFact f, string id, SourceLocation loc, Dictionary<string, string?> subnetVpc)
    {
        string? subnet = RefId(f.Prop("SubnetId"), "CfnSubnet");
        var publicIp = PublicIpMode.Unknown;
        SourceLocation? publicIpLocation = null;
        var groups = new List<string>();
        if (f.Prop("NetworkInterfaces") is ListValue { Items.Count: > 0 } nis && nis.Items[0] is ObjectValue ni)
        {
            subnet ??= RefId(ni.Get("SubnetId"), "CfnSubnet");
            if (ni.Get("AssociatePublicIpAddress") is BoolValue assoc)
            {
                publicIp = assoc.Value ? PublicIpMode.Assigned : PublicIpMode.None;
                publicIpLocation = Src(assoc.Location);
            }

            AddIds(groups, ni.Get("GroupSet"));
        }

        AddIds(groups, f.Prop("SecurityGroupIds"));
        var privateIp = Str(f.Prop("PrivateIpAddress"));
        return new Instance(id, loc, subnet)
        {
            Name = NameTag(f),
            VpcId = subnet is not null && subnetVpc.TryGetValue(subnet, out var v) ? v : null,
            PublicIp = publicIp,
            PublicIpLocation = publicIpLocation,
            SecurityGroupIds = groups.ToArray(),
            PrivateIpAddresses = privateIp is null ? Array.Empty<string>() : new[] { privateIp },
        };
    }

    private Instance ReadL2Instance(ConstructFact f, string id, SourceLocation loc)
    {
        var publicIp = PublicIpMode.Unknown;
        SourceLocation? publicIpLocation = null;
        if (f.Prop("AssociatePublicIpAddress") is BoolValue assoc)
        {
            publicIp = assoc.Value ? PublicIpMode.Assigned : PublicIpMode.None;
            publicIpLocation = Src(assoc.Location);
        }

        var groups = new List<string>();
        if (RefId(f.Prop("SecurityGroup"), "SecurityGroup", "CfnSecurityGroup") is { } g)
        {
            groups.Add(g);
        }

        var vpcId = RefId(f.Prop("Vpc"), "Vpc", "CfnVPC");
        return new Instance(id, loc, L2InstanceSubnet(f, vpcId))
        {
            Name = Str(f.Prop("InstanceName")),
            VpcId = vpcId,
            PublicIp = publicIp,
            PublicIpLocation = publicIpLocation,
            SecurityGroupIds = groups.ToArray(),
        };
    }

    /// <summary>
    /// The subnet the CDK puts an L2 instance in: the first subnet of its <c>VpcSubnets</c> selection by
    /// <c>SubnetType</c> (default: private, else isolated, else public). Null for anything else.
    /// </summary>
    private string? L2InstanceSubnet(ConstructFact f, string? vpcId)
    {
        if (vpcId is null || !_layouts.TryGetValue(vpcId, out var layout) || f.Prop("AvailabilityZone") is not null)
        {
            return null;
        }

        string group;
        switch (f.Prop("VpcSubnets"))
        {
            case null:
                group = layout.Group("PrivateSubnets").Count > 0 ? "PrivateSubnets" : layout.Group("IsolatedSubnets").Count > 0 ? "IsolatedSubnets" : "PublicSubnets";
                break;
            case ObjectValue { Properties.Count: 1 } selection when selection.Get("SubnetType") is EnumValue type:
                string? g = type.Member switch
                {
                    "PUBLIC" => "PublicSubnets",
                    "PRIVATE_WITH_EGRESS" or "PRIVATE_WITH_NAT" or "PRIVATE" => "PrivateSubnets",
                    "PRIVATE_ISOLATED" or "ISOLATED" => "IsolatedSubnets",
                    _ => null,
                };
                if (g is null)
                {
                    return null;
                }

                group = g;
                break;
            default:
                return null;
        }

        var list = layout.Group(group);
        return list.Count > 0 ? list[0].Id : null;
    }

    private void AddIds(List<string> into, CdkValue? list)
    {
        if (list is ListValue l)
        {
            foreach (var item in l.Items)
            {
                if (RefId(item, "CfnSecurityGroup", "SecurityGroup") is { } id)
                {
                    into.Add(id);
                }
            }
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = new List<T>();
        }

        list.Add(value);
    }

    private static IReadOnlyList<T> Concat<T>(IReadOnlyList<T> a, List<T> b)
    {
        var all = new List<T>(a.Count + b.Count);
        all.AddRange(a);
        all.AddRange(b);
        return all;
    }

    private static int CompareSyntax(ConstructFact a, ConstructFact b) => CompareNodes(a.Creation, b.Creation);

    private static int CompareNodes(SyntaxNode a, SyntaxNode b)
    {
        int c = string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath);
        return c != 0 ? c : a.SpanStart.CompareTo(b.SpanStart);
    }
}
