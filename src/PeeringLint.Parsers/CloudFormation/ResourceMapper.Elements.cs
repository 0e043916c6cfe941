using System;
using System.Collections.Generic;
using PeeringLint.Aws;
using PeeringLint.Model;

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
        var main = AwsDefaults.MainRouteTable(CloudFormationIds.MainRouteTable(r.ModelId), r.Location, r.ModelId, m.Name) with
        {
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
        var vpc = Find(_vpcById, IdOf(r, P(props, "VpcId"), "VpcId"));
        if (vpc is null)
        {
            return;
        }

        var c = P(props, "CidrBlock");
        if (c is not null)
        {
            vpc.V4.Add(CidrOf(r, c, "CidrBlock")!);
        }
        else if (P(props, "Ipv4IpamPoolId") is not null)
        {
            vpc.V4.Add(CidrValue.Unknown(r.Location, "allocated from an IPAM pool"));
        }

        var c6 = P(props, "Ipv6CidrBlock");
        if (c6 is not null)
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
        var c6 = P(props, "Ipv6CidrBlock");
        if (c6 is not null)
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
            MapPublicIpOnLaunch = P(props, "MapPublicIpOnLaunch") is null ? false : BoolOf(P(props, "MapPublicIpOnLaunch")),
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
        var td = Find(_tableById, tableId);
        if (td is null)
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
        var pl = P(props, "DestinationPrefixListId");
        if (route.Destination is null && route.DestinationPrefixListId is null && pl is not null)
        {
            route = route with { Destination = CidrValue.Unknown(Loc(r, pl, "DestinationPrefixListId"), pl.Why) };
        }

        td.Routes.Add(route);
    }

    /// <summary>The route's target, decided by the shared layer (<see cref="RouteTargets"/>); a list where an id belongs is reported.</summary>
    private (RouteTargetKind Kind, string? Id) RouteTarget(TemplateResource r, CfnValue props) =>
        RouteTargets.Choose(name => P(props, name)?.Kind == CfnKind.List ? Reported(r, P(props, name)!, name) : Pv(r, P(props, name), name));

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

    private void MapAclAssociation(TemplateResource r) => Associate(r, _aclById, "NetworkAclId", "SubnetId", d => d.Subnets);

    /// <summary>
    /// An association resource (subnet and route table, subnet and network ACL, gateway and VPC): adds the member's id
    /// to the owner's list, once, when both ids are known and the owner is mapped. The owner's id is read first.
    /// </summary>
    private void Associate<T>(TemplateResource r, Dictionary<string, T> owners, string ownerKey, string memberKey, Func<T, List<string>> members)
        where T : class
    {
        var props = Props(r);
        var ownerId = IdOf(r, P(props, ownerKey), ownerKey);
        var memberId = IdOf(r, P(props, memberKey), memberKey);
        var owner = Find(owners, ownerId);
        if (owner is not null && memberId is not null && !members(owner).Contains(memberId))
        {
            members(owner).Add(memberId);
        }
    }
}
