using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// The network's edges around the peering: managed prefix lists, VPC endpoints, virtual private gateways (with their
/// attachments and route propagation), customer gateways, VPN connections (with their static routes) and
/// egress-only internet gateways.
/// </summary>
internal sealed partial class ResourceMapper
{
    private readonly List<PrefixList> _prefixLists = new();
    private readonly List<VpcEndpoint> _endpoints = new();
    private readonly List<VgwDraft> _vgws = new();
    private readonly Dictionary<string, VgwDraft> _vgwById = new(StringComparer.Ordinal);
    private readonly List<CustomerGateway> _cgws = new();
    private readonly List<VpnDraft> _vpns = new();
    private readonly Dictionary<string, VpnDraft> _vpnById = new(StringComparer.Ordinal);
    private readonly List<EgressOnlyInternetGateway> _eigws = new();
    private readonly Dictionary<string, List<string>> _propagations = new(StringComparer.Ordinal);

    /// <summary>Pass 1: the edge elements (any other type is ignored).</summary>
    private void MapEdge(TemplateResource r)
    {
        switch (r.Type)
        {
            case "AWS::EC2::PrefixList": MapPrefixList(r); break;
            case "AWS::EC2::VPCEndpoint": MapVpcEndpoint(r); break;
            case "AWS::EC2::VPNGateway": MapVpnGateway(r); break;
            case "AWS::EC2::CustomerGateway": MapCustomerGateway(r); break;
            case "AWS::EC2::VPNConnection": MapVpnConnection(r); break;
            case "AWS::EC2::EgressOnlyInternetGateway": MapEgressOnlyInternetGateway(r); break;
            default: break;
        }
    }

    /// <summary>Pass 2: what attaches to the edges (any other type is ignored).</summary>
    private void MapEdgeAttachment(TemplateResource r)
    {
        switch (r.Type)
        {
            case "AWS::EC2::VPCGatewayAttachment": Associate(r, _vgwById, "VpnGatewayId", "VpcId", d => d.Vpcs); break;
            case "AWS::EC2::VPNGatewayRoutePropagation": MapRoutePropagation(r); break;
            case "AWS::EC2::VPNConnectionRoute": MapVpnConnectionRoute(r); break;
            default: break;
        }
    }

    private void MapPrefixList(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var entries = new List<CidrValue>();
        bool known = true;
        var value = P(props, "Entries");
        if (value is { Kind: CfnKind.List })
        {
            for (int i = 0; i < value.Items.Count; i++)
            {
                var cidr = CidrOf(r, P(value.Items[i], "Cidr"), $"Entries/{i}/Cidr");
                if (cidr is not null)
                {
                    entries.Add(cidr);
                }
                else
                {
                    known = false;
                }
            }
        }
        else if (value is not null)
        {
            // An unresolved list (a parameter, a condition): the entries are unknown.
            known = false;
        }

        _prefixLists.Add(new PrefixList(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            PrefixListName = StrOf(P(props, "PrefixListName")),
            Entries = entries,
            EntriesKnown = known,
        });
    }

    private void MapVpcEndpoint(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        _endpoints.Add(new VpcEndpoint(r.ModelId, r.Location, IdOf(r, P(props, "VpcId"), "VpcId"))
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            ServiceName = StrOf(P(props, "ServiceName")),
            Type = PeeringLint.Parsers.AwsCli.EdgeMapper.EndpointType(StrOf(P(props, "VpcEndpointType"))),
            RouteTableIds = IdsOf(r, P(props, "RouteTableIds"), "RouteTableIds"),
            SubnetIds = IdsOf(r, P(props, "SubnetIds"), "SubnetIds"),
            SecurityGroupIds = IdsOf(r, P(props, "SecurityGroupIds"), "SecurityGroupIds"),
        });
        _coverage |= ResourceKinds.VpcEndpoints;
    }

    private void MapVpnGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var vgw = new VpnGateway(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            AmazonSideAsn = LongOf(P(props, "AmazonSideAsn")),
        };
        var d = new VgwDraft(vgw);
        _vgws.Add(d);
        _vgwById[vgw.Id] = d;
        _coverage |= ResourceKinds.VpnGateways;
    }

    private void MapCustomerGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        _cgws.Add(new CustomerGateway(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            IpAddress = StrOf(P(props, "IpAddress")),
            BgpAsn = LongOf(P(props, "BgpAsn")),
        });
        _coverage |= ResourceKinds.CustomerGateways;
    }

    private void MapVpnConnection(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var vpn = new VpnConnection(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            VpnGatewayId = IdOf(r, P(props, "VpnGatewayId"), "VpnGatewayId"),
            TransitGatewayId = IdOf(r, P(props, "TransitGatewayId"), "TransitGatewayId"),
            CustomerGatewayId = IdOf(r, P(props, "CustomerGatewayId"), "CustomerGatewayId"),
            StaticRoutesOnly = P(props, "StaticRoutesOnly") is null ? false : BoolOf(P(props, "StaticRoutesOnly")),
        };
        var d = new VpnDraft(vpn);
        _vpns.Add(d);
        _vpnById[vpn.Id] = d;
        _coverage |= ResourceKinds.VpnConnections;
    }

    private void MapEgressOnlyInternetGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var vpc = IdOf(r, P(props, "VpcId"), "VpcId");
        _eigws.Add(new EgressOnlyInternetGateway(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            AttachedVpcIds = vpc is null ? Array.Empty<string>() : new[] { vpc },
        });
        _coverage |= ResourceKinds.EgressOnlyInternetGateways;
    }

    /// <summary>AWS::EC2::VPNGatewayRoutePropagation: the gateway propagates its routes into each of RouteTableIds.</summary>
    private void MapRoutePropagation(TemplateResource r)
    {
        var props = Props(r);
        var vgw = IdOf(r, P(props, "VpnGatewayId"), "VpnGatewayId");
        var tables = IdsOf(r, P(props, "RouteTableIds"), "RouteTableIds");
        foreach (var t in tables)
        {
            if (!_propagations.TryGetValue(t, out var list))
            {
                list = new List<string>(1);
                _propagations[t] = list;
            }

            // An unresolved gateway still propagates something: '?' keeps the table's propagated routes unknown.
            string id = vgw ?? "?";
            if (!list.Contains(id))
            {
                list.Add(id);
            }
        }
    }

    /// <summary>AWS::EC2::VPNConnectionRoute: one static route of a connection.</summary>
    private void MapVpnConnectionRoute(TemplateResource r)
    {
        var props = Props(r);
        var vpn = IdOf(r, P(props, "VpnConnectionId"), "VpnConnectionId");
        var cidr = CidrOf(r, P(props, "DestinationCidrBlock"), "DestinationCidrBlock");
        var d = Find(_vpnById, vpn);
        if (d is not null && cidr is not null)
        {
            d.Routes.Add(cidr);
        }
    }

    /// <summary>The gateways that propagate into route table <paramref name="tableId"/>.</summary>
    private IReadOnlyList<string> PropagatingVgws(string tableId) =>
        _propagations.TryGetValue(tableId, out var list) ? list : Array.Empty<string>();

    private void EmitEdges(NetworkModelBuilder builder)
    {
        foreach (var p in _prefixLists)
        {
            builder.Add(p);
        }

        foreach (var e in _endpoints)
        {
            builder.Add(e);
        }

        foreach (var g in _vgws)
        {
            builder.Add(g.Vgw with { AttachedVpcIds = g.Vpcs.ToArray() });
        }

        foreach (var c in _cgws)
        {
            builder.Add(c);
        }

        foreach (var v in _vpns)
        {
            builder.Add(v.Vpn with { StaticRoutes = v.Routes.ToArray() });
        }

        foreach (var e in _eigws)
        {
            builder.Add(e);
        }
    }

    private static long? LongOf(CfnValue? v)
    {
        string? text = StrOf(v);
        if (text is null)
        {
            return null;
        }

        return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) ? l : null;
    }

    private sealed class VgwDraft
    {
        public VgwDraft(VpnGateway vgw)
        {
            Vgw = vgw;
        }

        public VpnGateway Vgw { get; }

        public List<string> Vpcs { get; } = new();
    }

    private sealed class VpnDraft
    {
        public VpnDraft(VpnConnection vpn)
        {
            Vpn = vpn;
        }

        public VpnConnection Vpn { get; }

        public List<CidrValue> Routes { get; } = new();
    }
}
