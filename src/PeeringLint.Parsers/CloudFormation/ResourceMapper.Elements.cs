using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

internal sealed partial class ResourceMapper
{
    private void MapVpc(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var vpc = new Vpc(r.ModelId, r.Location) { Name = m.Name, IgnoredRules = m.Ignored, IgnoreLocation = m.IgnoreLocation, Account = Account, Region = Region };
        var draft = new VpcDraft(vpc, r);
        var cidr = CidrOf(r, P(props, "CidrBlock"), "CidrBlock");
        draft.V4.Add(cidr ?? CidrValue.Unknown(r.Location, "the VPC's CIDR block comes from an IPAM pool"));
        _vpcs.Add(draft);
        _vpcById[r.ModelId] = draft;
        _coverage |= ResourceKinds.Vpcs | ResourceKinds.RouteTables;

        // Every VPC has a main route table; CloudFormation cannot name it, so subnets without an association use it.
        var main = new RouteTable(CloudFormationIds.MainRouteTable(r.ModelId), r.Location, r.ModelId)
        {
            Name = (m.Name ?? r.LogicalId) + " main route table",
            IsMain = true,
            IsImplicit = true,
            Account = Account,
            Region = Region,
        };
        var td = new TableDraft(main, r.Template);
        _tables.Add(td);
        _tableById[main.Id] = td;
    }

    private void MapVpcCidrBlock(TemplateResource r)
    {
        var props = Props(r);
        var vpcId = IdOf(r, P(props, "VpcId"), "VpcId");
        if (vpcId is null || !_vpcById.TryGetValue(vpcId, out var vpc))
        {
            return;
        }

        if (P(props, "CidrBlock") is { } c)
        {
            vpc.V4.Add(CidrOf(r, c, "CidrBlock")!);
        }
        else if (P(props, "Ipv4IpamPoolId") is not null)
        {
            vpc.V4.Add(CidrValue.Unknown(r.Location, "allocated from an IPAM pool"));
        }

        if (P(props, "Ipv6CidrBlock") is { } c6)
        {
            vpc.V6.Add(CidrOf(r, c6, "Ipv6CidrBlock")!);
        }
        else if (BoolOf(P(props, "AmazonProvidedIpv6CidrBlock")) == true || P(props, "Ipv6Pool") is not null || P(props, "Ipv6IpamPoolId") is not null)
        {
            vpc.V6.Add(CidrValue.Unknown(r.Location, "an Amazon-provided IPv6 block is known only after deployment"));
        }
    }

    private void MapSubnet(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var v6 = new List<CidrValue>();
        if (P(props, "Ipv6CidrBlock") is { } c6)
        {
            v6.Add(CidrOf(r, c6, "Ipv6CidrBlock")!);
        }

        var cidr = CidrOf(r, P(props, "CidrBlock"), "CidrBlock");
        if (cidr is null && BoolOf(P(props, "Ipv6Native")) != true)
        {
            cidr = CidrValue.Unknown(r.Location, "the subnet's CIDR block comes from an IPAM pool");
        }

        var subnet = new Subnet(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            Ipv4Cidr = cidr,
            Ipv6Cidrs = v6,
            AvailabilityZone = StrOf(P(props, "AvailabilityZone")),
            MapPublicIpOnLaunch = P(props, "MapPublicIpOnLaunch") is { } mp ? BoolOf(mp) : false,
        };
        _subnets.Add(subnet);
        _subnetById[subnet.Id] = subnet;
        _coverage |= ResourceKinds.Subnets;
    }

    private void MapRouteTable(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var table = new RouteTable(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
        };
        var td = new TableDraft(table, r.Template);
        _tables.Add(td);
        _tableById[table.Id] = td;
        _coverage |= ResourceKinds.RouteTables;
    }

    private void MapRouteTableAssociation(TemplateResource r) => Associate(r, _tableById, "RouteTableId", "SubnetId", d => d.Subnets);

    private void MapRoute(TemplateResource r)
    {
        var props = Props(r);
        var tableValue = P(props, "RouteTableId");
        var tableId = IdOf(r, tableValue, "RouteTableId");
        if (tableId is null || !_tableById.TryGetValue(tableId, out var td))
        {
            // The table is not in the input (a parameter, an import, a literal id): nothing to attach to.
            // When the id is undecidable between tables of this template, any of them may hold the route.
            if (tableValue is { IsUnknown: true, MayBeResource: true })
            {
                foreach (var t in _tables)
                {
                    if (ReferenceEquals(t.Template, r.Template))
                    {
                        t.Incomplete = true;
                    }
                }
            }

            return;
        }

        var (kind, targetId) = RouteTarget(r, props);
        var meta = MetaOf(r, props);
        var route = new Route(r.Location, kind, targetId)
        {
            DeclaringId = r.ModelId,
            IgnoredRules = meta.Ignored,
            Destination = CidrOf(r, P(props, "DestinationCidrBlock"), "DestinationCidrBlock") ?? CidrOf(r, P(props, "DestinationIpv6CidrBlock"), "DestinationIpv6CidrBlock"),
            DestinationPrefixListId = IdOf(r, P(props, "DestinationPrefixListId"), "DestinationPrefixListId"),
        };
        if (route.Destination is null && route.DestinationPrefixListId is null && P(props, "DestinationPrefixListId") is { } pl)
        {
            route = route with { Destination = CidrValue.Unknown(Loc(r, pl, "DestinationPrefixListId"), pl.Why) };
        }

        td.Routes.Add(route);
    }

    /// <summary>The route's target, decided by the shared layer (<see cref="RouteTargets"/>); a list where an id belongs is reported.</summary>
    private (RouteTargetKind Kind, string? Id) RouteTarget(TemplateResource r, CfnValue props) =>
        RouteTargets.Choose(name => P(props, name) is { Kind: CfnKind.List } list ? Reported(r, list, name) : Pv(r, P(props, name), name));

    private PropertyValue Reported(TemplateResource r, CfnValue v, string path)
    {
        _run.Report(Loc(r, v, path), $"expected an id for '{path}', found {v.KindName}");
        return PropertyValue.Unknown("not an id");
    }

    private void MapInternetGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var igw = new InternetGateway(r.ModelId, r.Location) { Name = m.Name, IgnoredRules = m.Ignored, IgnoreLocation = m.IgnoreLocation, Account = Account, Region = Region };
        var d = new IgwDraft(igw);
        _igws.Add(d);
        _igwById[igw.Id] = d;
        _coverage |= ResourceKinds.InternetGateways;
    }

    private void MapGatewayAttachment(TemplateResource r) => Associate(r, _igwById, "InternetGatewayId", "VpcId", d => d.Vpcs);

    /// <summary>
    /// A template peering: its status once the stack is created, and the accepter's account and region, are
    /// decided by the shared layer (<see cref="PeeringRequests"/>). A PeerOwnerId of AWS::AccountId is the
    /// stack's own account, as if absent. See docs/cloudformation.md and docs/semantics.md.
    /// </summary>
    private void MapPeering(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var ownerValue = P(props, "PeerOwnerId");
        var source = Source(r, props);
        PropertySource peering = name => name == "PeerOwnerId" && ownerValue is { IsAccountId: true } ? PropertyValue.Absent : source(name);
        var status = PeeringRequests.StatusWhenCreated(peering, Account);
        var (peerOwner, peerRegion) = PeeringRequests.Accepter(peering, Account, Region);
        var requesterVpc = P(props, "VpcId");
        var accepterVpc = P(props, "PeerVpcId");
        var requester = new PeeringSide(IdOf(r, requesterVpc, "VpcId"), requesterVpc is null ? r.Location : Loc(r, requesterVpc, "VpcId"))
        {
            OwnerId = Account,
            Region = Region,
        };
        var accepter = new PeeringSide(IdOf(r, accepterVpc, "PeerVpcId"), accepterVpc is null ? r.Location : Loc(r, accepterVpc, "PeerVpcId"))
        {
            OwnerId = peerOwner,
            Region = peerRegion,
        };
        var pcx = new VpcPeeringConnection(r.ModelId, r.Location, requester, accepter)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            Status = status,
            StatusLocation = ownerValue is not null ? Loc(r, ownerValue, "PeerOwnerId") : r.Location,
        };
        _peerings.Add(pcx);
    }

    private void MapSecurityGroup(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var group = new SecurityGroup(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            GroupName = StrOf(P(props, "GroupName")),
        };
        var d = new GroupDraft(group, r.Template);
        _groups.Add(d);
        _groupById[group.Id] = d;
        _coverage |= ResourceKinds.SecurityGroups;

        foreach (var (property, direction, into) in new[] { ("SecurityGroupIngress", RuleDirection.Ingress, d.Ingress), ("SecurityGroupEgress", RuleDirection.Egress, d.Egress) })
        {
            var list = P(props, property);
            if (list is null)
            {
                continue;
            }

            if (list.IsUnknown)
            {
                d.Incomplete = true;
                continue;
            }

            if (list.Kind != CfnKind.List)
            {
                _run.Report(Loc(r, list, property), $"expected a list of rules for '{property}', found {list.KindName}");
                continue;
            }

            for (int i = 0; i < list.Items.Count; i++)
            {
                var rule = list.Items[i];
                string path = property + "/" + i;
                if (rule.Kind != CfnKind.Map)
                {
                    if (rule.IsUnknown)
                    {
                        d.Incomplete = true;
                    }
                    else
                    {
                        _run.Report(Loc(r, rule, path), $"expected a rule mapping in '{property}', found {rule.KindName}");
                    }

                    continue;
                }

                Flatten(r, rule, direction, Loc(r, rule, path), path, group.Id, into);
            }
        }

        if (P(props, "SecurityGroupEgress") is null)
        {
            // AWS's default egress rule: all traffic to 0.0.0.0/0.
            d.Egress.Add(new SecurityGroupRule(r.Location, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr)
            {
                Cidr = CidrValue.Parse("0.0.0.0/0", r.Location),
                Description = "default egress rule (AWS adds it when a group declares no egress rules)",
            });
        }
    }

    private void MapStandaloneRule(TemplateResource r, RuleDirection direction)
    {
        var props = Props(r);
        var groupValue = P(props, "GroupId") ?? P(props, "GroupName");
        string? groupId = IdOf(r, groupValue, "GroupId");
        var d = groupId is null ? null : Group(groupId);
        if (d is null)
        {
            if (groupValue is { IsUnknown: true, MayBeResource: true })
            {
                foreach (var g in _groups)
                {
                    if (ReferenceEquals(g.Template, r.Template))
                    {
                        g.Incomplete = true;
                    }
                }
            }

            return;
        }

        Flatten(r, props, direction, r.Location, string.Empty, d.Group.Id, direction == RuleDirection.Ingress ? d.Ingress : d.Egress);
    }

    private GroupDraft? Group(string id)
    {
        if (_groupById.TryGetValue(id, out var d))
        {
            return d;
        }

        foreach (var kv in _run.DefaultGroupsUsed)
        {
            if (CloudFormationIds.DefaultSecurityGroup(kv.Key) == id)
            {
                return DefaultGroup(kv.Key);
            }
        }

        return null;
    }

    /// <summary>The default security group AWS creates with a VPC (ingress all from itself, egress all to 0.0.0.0/0).</summary>
    private GroupDraft? DefaultGroup(string vpcId)
    {
        string id = CloudFormationIds.DefaultSecurityGroup(vpcId);
        if (_groupById.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (!_vpcById.TryGetValue(vpcId, out var vpc))
        {
            return null;
        }

        var loc = vpc.Res.Location;
        var group = new SecurityGroup(id, loc, vpcId) { Name = (vpc.Vpc.Name ?? vpcId) + " default security group", GroupName = "default", Account = _run.AccountOf(vpc.Res.Template), Region = _run.RegionOf(vpc.Res.Template) };
        var d = new GroupDraft(group, vpc.Res.Template);
        d.Ingress.Add(new SecurityGroupRule(loc, RuleDirection.Ingress, -1, null, null, SgPeerKind.SecurityGroup) { GroupId = id, Description = "default rule: all traffic from the group itself" });
        d.Egress.Add(new SecurityGroupRule(loc, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr) { Cidr = CidrValue.Parse("0.0.0.0/0", loc), Description = "default rule: all traffic to 0.0.0.0/0" });
        _groups.Add(d);
        _groupById[id] = d;
        _coverage |= ResourceKinds.SecurityGroups;
        return d;
    }

    /// <summary>One CloudFormation rule (inline or standalone) as one flattened rule per peer.</summary>
    private void Flatten(TemplateResource r, CfnValue rule, RuleDirection direction, SourceLocation location, string path, string groupId, List<SecurityGroupRule> into)
    {
        string Prop(string name) => path.Length == 0 ? name : path + "/" + name;
        var protoValue = P(rule, "IpProtocol");
        int? protocol = Protocol(StrOf(protoValue));
        if (protoValue is { IsString: true } && protocol is null)
        {
            _run.Report(Loc(r, protoValue, Prop("IpProtocol")), $"'{protoValue.Text}' is not an IP protocol (expected tcp, udp, icmp, icmpv6, -1 or a number 0-255)");
        }

        int? from = protocol == -1 ? null : IntOf(P(rule, "FromPort"));
        int? to = protocol == -1 ? null : IntOf(P(rule, "ToPort"));
        string? description = StrOf(P(rule, "Description"));
        var peers = direction == RuleDirection.Ingress
            ? new[] { ("CidrIp", SgPeerKind.Cidr), ("CidrIpv6", SgPeerKind.Cidr), ("SourcePrefixListId", SgPeerKind.PrefixList), ("SourceSecurityGroupId", SgPeerKind.SecurityGroup), ("SourceSecurityGroupName", SgPeerKind.SecurityGroup) }
            : new[] { ("CidrIp", SgPeerKind.Cidr), ("CidrIpv6", SgPeerKind.Cidr), ("DestinationPrefixListId", SgPeerKind.PrefixList), ("DestinationSecurityGroupId", SgPeerKind.SecurityGroup) };
        bool any = false;
        foreach (var (property, kind) in peers)
        {
            if (P(rule, property) is not { } v)
            {
                continue;
            }

            any = true;
            var sr = new SecurityGroupRule(location, direction, protocol, from, to, kind) { Description = description };
            switch (kind)
            {
                case SgPeerKind.Cidr:
                    sr = sr with { Cidr = CidrOf(r, v, Prop(property)) };
                    break;
                case SgPeerKind.PrefixList:
                    sr = sr with { PrefixListId = IdOf(r, v, Prop(property)) };
                    break;
                default:
                    string? id = IdOf(r, v, Prop(property));
                    if (property == "SourceSecurityGroupName" && v.Kind != CfnKind.Resource)
                    {
                        id = null;
                    }

                    sr = sr with { GroupId = id, GroupOwnerId = StrOf(P(rule, "SourceSecurityGroupOwnerId")) };
                    break;
            }

            into.Add(sr);
        }

        if (!any)
        {
            _run.Report(location, $"security group rule of '{r.LogicalId}' names no peer (CidrIp, CidrIpv6, a prefix list or a security group); AWS rejects it", InputProblemSeverity.Warning);
        }
    }

    private static int? Protocol(string? text) => IpProtocols.Parse(text);

    private void MapNetworkAcl(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var acl = new NetworkAcl(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId")) { Name = m.Name, IgnoredRules = m.Ignored, IgnoreLocation = m.IgnoreLocation, Account = Account, Region = Region };
        var d = new AclDraft(acl);
        _acls.Add(d);
        _aclById[acl.Id] = d;
        _coverage |= ResourceKinds.NetworkAcls;
    }

    private void MapAclEntry(TemplateResource r)
    {
        var props = Props(r);
        var aclId = IdOf(r, P(props, "NetworkAclId"), "NetworkAclId");
        if (aclId is null || !_aclById.TryGetValue(aclId, out var d))
        {
            return;
        }

        var number = IntOf(P(props, "RuleNumber"));
        if (number is null)
        {
            return;
        }

        string? action = StrOf(P(props, "RuleAction"))?.ToLowerInvariant();
        if (action is not ("allow" or "deny"))
        {
            if (action is not null)
            {
                _run.Report(Loc(r, P(props, "RuleAction")!, "RuleAction"), $"'RuleAction' must be allow or deny, found '{action}'");
            }

            return;
        }

        var ports = P(props, "PortRange");
        var icmp = P(props, "Icmp");
        var entry = new NetworkAclEntry(r.Location, number.Value, BoolOf(P(props, "Egress")) == true, Protocol(StrOf(P(props, "Protocol"))), action == "allow" ? AclAction.Allow : AclAction.Deny)
        {
            Cidr = CidrOf(r, P(props, "CidrBlock"), "CidrBlock") ?? CidrOf(r, P(props, "Ipv6CidrBlock"), "Ipv6CidrBlock"),
            FromPort = ports is null ? null : IntOf(P(ports, "From")),
            ToPort = ports is null ? null : IntOf(P(ports, "To")),
            IcmpType = icmp is null ? null : IntOf(P(icmp, "Type")),
            IcmpCode = icmp is null ? null : IntOf(P(icmp, "Code")),
        };
        d.Entries.Add(entry);
    }

    private void MapAclAssociation(TemplateResource r) => Associate(r, _aclById, "NetworkAclId", "SubnetId", d => d.Subnets);

    /// <summary>
    /// An association resource (subnet and route table, subnet and network ACL, gateway and VPC): adds the member's id
    /// to the owner's list, once, when both ids are known and the owner is mapped. The owner's id is read first.
    /// </summary>
    private void Associate<T>(TemplateResource r, Dictionary<string, T> owners, string ownerKey, string memberKey, Func<T, List<string>> members)
    {
        var props = Props(r);
        var ownerId = IdOf(r, P(props, ownerKey), ownerKey);
        var memberId = IdOf(r, P(props, memberKey), memberKey);
        if (ownerId is not null && memberId is not null && owners.TryGetValue(ownerId, out var owner) && !members(owner).Contains(memberId))
        {
            members(owner).Add(memberId);
        }
    }

    private void MapInstance(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        string? subnetId = IdOf(r, P(props, "SubnetId"), "SubnetId");
        var groups = IdsOf(r, P(props, "SecurityGroupIds"), "SecurityGroupIds");
        groups.AddRange(IdsOf(r, P(props, "SecurityGroups"), "SecurityGroups"));
        var ips = new List<string>();
        if (StrOf(P(props, "PrivateIpAddress")) is { } ip)
        {
            ips.Add(ip);
        }

        bool? associate = null;
        SourceLocation? associateLoc = null;
        if (P(props, "NetworkInterfaces") is { Kind: CfnKind.List } nis)
        {
            for (int i = 0; i < nis.Items.Count; i++)
            {
                var ni = nis.Items[i];
                if (ni.Kind != CfnKind.Map)
                {
                    continue;
                }

                bool primary = StrOf(P(ni, "DeviceIndex")) is null or "0" || nis.Items.Count == 1;
                if (!primary)
                {
                    continue;
                }

                subnetId ??= IdOf(r, P(ni, "SubnetId"), $"NetworkInterfaces/{i}/SubnetId");
                groups.AddRange(IdsOf(r, P(ni, "GroupSet"), $"NetworkInterfaces/{i}/GroupSet"));
                if (StrOf(P(ni, "PrivateIpAddress")) is { } nip)
                {
                    ips.Add(nip);
                }

                if (P(ni, "AssociatePublicIpAddress") is { } ap)
                {
                    associate = BoolOf(ap);
                    associateLoc = Loc(r, ap, $"NetworkInterfaces/{i}/AssociatePublicIpAddress");
                }
            }
        }

        var instance = new Instance(r.ModelId, r.Location, subnetId)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            SecurityGroupIds = groups.Distinct(StringComparer.Ordinal).ToArray(),
            PrivateIpAddresses = ips,
        };
        _instances.Add(new InstanceDraft(instance) { AssociatePublicIp = associate, AssociateLocation = associateLoc });
        _coverage |= ResourceKinds.Instances;
    }

    private void MapEip(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var instanceValue = P(props, "InstanceId");
        var eip = new ElasticIp(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            InstanceId = IdOf(r, instanceValue, "InstanceId"),
            AssociationUnknown = instanceValue is { IsUnknown: true },
        };
        _eipIndex[eip.Id] = _eips.Count;
        _eips.Add(eip);
        _coverage |= ResourceKinds.ElasticIps;
    }

    private void MapEipAssociation(TemplateResource r)
    {
        var props = Props(r);
        string? eipId = IdOf(r, P(props, "AllocationId"), "AllocationId") ?? IdOf(r, P(props, "EIP"), "EIP");
        var instanceValue = P(props, "InstanceId");
        string? instanceId = IdOf(r, instanceValue, "InstanceId");
        string? eniId = IdOf(r, P(props, "NetworkInterfaceId"), "NetworkInterfaceId");
        if (eipId is not null && _eipIndex.TryGetValue(eipId, out int k))
        {
            var e = _eips[k];
            _eips[k] = e with
            {
                InstanceId = e.InstanceId ?? instanceId,
                NetworkInterfaceId = e.NetworkInterfaceId ?? eniId,
                AssociationId = r.ModelId,
                AssociationUnknown = e.AssociationUnknown || (instanceId is null && eniId is null),
            };
        }
        else if (instanceId is not null)
        {
            // An Elastic IP allocated elsewhere, associated here: the instance has a public address.
            _externalEipInstances[instanceId] = r.Location;
        }
    }

    private void MapNatGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        string? subnetId = IdOf(r, P(props, "SubnetId"), "SubnetId");
        var nat = new NatGateway(r.ModelId, r.Location, subnetId)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            IsPublic = !string.Equals(StrOf(P(props, "ConnectivityType")), "private", StringComparison.OrdinalIgnoreCase),
        };
        _nats.Add(ElasticIpAssociations.WithAddresses(nat, Source(r, props)));
        _coverage |= ResourceKinds.NatGateways;
    }

    private void Emit(NetworkModelBuilder builder)
    {
        foreach (var v in _vpcs)
        {
            builder.Vpcs.Add(v.Vpc with { Ipv4Cidrs = v.V4.ToArray(), Ipv6Cidrs = v.V6.ToArray() });
        }

        foreach (var s in _subnets)
        {
            builder.Subnets.Add(s);
        }

        foreach (var t in _tables)
        {
            builder.RouteTables.Add(t.Table with { Routes = t.Routes.ToArray(), SubnetIds = t.Subnets.ToArray(), RoutesIncomplete = t.Incomplete });
        }

        foreach (var g in _igws)
        {
            builder.InternetGateways.Add(g.Igw with { AttachedVpcIds = g.Vpcs.ToArray() });
        }

        foreach (var n in _nats)
        {
            builder.NatGateways.Add(n.SubnetId is not null && _subnetById.TryGetValue(n.SubnetId, out var s) ? n with { VpcId = s.VpcId } : n);
        }

        builder.PeeringConnections.AddRange(_peerings);
        foreach (var g in _groups)
        {
            builder.SecurityGroups.Add(g.Group with { Ingress = g.Ingress.ToArray(), Egress = g.Egress.ToArray(), RulesIncomplete = g.Incomplete });
        }

        foreach (var a in _acls)
        {
            builder.NetworkAcls.Add(a.Acl with { Entries = a.Entries.ToArray(), SubnetIds = a.Subnets.ToArray() });
        }

        var eipByInstance = new Dictionary<string, ElasticIp>(StringComparer.Ordinal);
        foreach (var e in _eips)
        {
            if (e.InstanceId is not null && !eipByInstance.ContainsKey(e.InstanceId))
            {
                eipByInstance[e.InstanceId] = e;
            }
        }

        foreach (var d in _instances)
        {
            var i = d.Instance;
            string? vpcId = i.SubnetId is not null && _subnetById.TryGetValue(i.SubnetId, out var subnet) ? subnet.VpcId : null;
            PublicIpMode mode;
            SourceLocation? where = null;
            if (eipByInstance.TryGetValue(i.Id, out var eip))
            {
                mode = PublicIpMode.Assigned;
                where = eip.Location;
            }
            else if (_externalEipInstances.TryGetValue(i.Id, out var assoc))
            {
                mode = PublicIpMode.Assigned;
                where = assoc;
            }
            else if (d.AssociateLocation is not null)
            {
                mode = d.AssociatePublicIp switch { true => PublicIpMode.Assigned, false => PublicIpMode.None, _ => PublicIpMode.Unknown };
                where = d.AssociateLocation;
            }
            else if (i.SubnetId is not null && _subnetById.TryGetValue(i.SubnetId, out var sn))
            {
                mode = sn.MapPublicIpOnLaunch switch { true => PublicIpMode.Assigned, false => PublicIpMode.None, _ => PublicIpMode.Unknown };
                where = sn.Location;
            }
            else
            {
                mode = PublicIpMode.Unknown;
            }

            builder.Instances.Add(i with { VpcId = vpcId, PublicIp = mode, PublicIpLocation = where });
        }

        builder.ElasticIps.AddRange(_eips);
        builder.Coverage |= _coverage;
    }
}
