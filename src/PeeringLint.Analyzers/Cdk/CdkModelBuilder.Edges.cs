using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>
/// The network's edges, read as the CloudFormation reader reads what they synthesize: <c>CfnPrefixList</c>,
/// <c>CfnVPCEndpoint</c>, <c>CfnVPNGateway</c> (attached by <c>CfnVPCGatewayAttachment</c>, propagating by
/// <c>CfnVPNGatewayRoutePropagation</c>), <c>CfnCustomerGateway</c>, <c>CfnVPNConnection</c> (with its
/// <c>CfnVPNConnectionRoute</c>s) and <c>CfnEgressOnlyInternetGateway</c>.
/// </summary>
internal sealed partial class CdkModelBuilder
{
    private readonly List<PrefixList> _prefixLists = new();
    private readonly List<VpcEndpoint> _endpoints = new();
    private readonly List<string> _vgwOrder = new();
    private readonly Dictionary<string, VpnGateway> _vgws = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _vgwVpcs = new(StringComparer.Ordinal);
    private readonly List<CustomerGateway> _cgws = new();
    private readonly List<string> _vpnOrder = new();
    private readonly Dictionary<string, VpnConnection> _vpns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CidrValue>> _vpnRoutes = new(StringComparer.Ordinal);
    private readonly List<EgressOnlyInternetGateway> _eigws = new();
    private readonly Dictionary<string, List<string>> _vgwPropagations = new(StringComparer.Ordinal);

    /// <summary>Pass 1: the edge elements. False when <paramref name="f"/> is none of them.</summary>
    private bool MapEdge(ConstructFact f, string id, SourceLocation loc)
    {
        switch (f.Kind)
        {
            case "CfnPrefixList":
                var entries = new List<CidrValue>();
                bool known = true;
                switch (f.Prop("Entries"))
                {
                    case null:
                        break;
                    case ListValue list:
                        for (int i = 0; i < list.Items.Count; i++)
                        {
                            if (list.Items[i] is ObjectValue entry && Cidr(entry.Get("Cidr"), f, "Entries[" + i.ToString(CultureInfo.InvariantCulture) + "].Cidr") is { } cidr)
                            {
                                entries.Add(cidr);
                            }
                            else
                            {
                                known = false;
                            }
                        }

                        break;
                    default:
                        known = false; // a list the analyzer cannot follow: the entries are unknown
                        break;
                }

                _prefixLists.Add(new PrefixList(id, loc) { Name = NameTag(f), PrefixListName = Str(f.Prop("PrefixListName")), Entries = entries, EntriesKnown = known });
                return true;
            case "CfnVPCEndpoint":
                _endpoints.Add(new VpcEndpoint(id, loc, RefId(f.Prop("VpcId"), "CfnVPC", "Vpc"))
                {
                    ServiceName = Str(f.Prop("ServiceName")),
                    Type = EndpointType(f.Prop("VpcEndpointType")),
                    RouteTableIds = RefIds(f.Prop("RouteTableIds"), "CfnRouteTable").Ids,
                    SubnetIds = RefIds(f.Prop("SubnetIds"), "CfnSubnet").Ids,
                    SecurityGroupIds = RefIds(f.Prop("SecurityGroupIds"), "CfnSecurityGroup", "SecurityGroup").Ids,
                });
                _edgeCoverage |= ResourceKinds.VpcEndpoints;
                return true;
            case "CfnVPNGateway":
                _vgws[id] = new VpnGateway(id, loc) { Name = NameTag(f), AmazonSideAsn = Long(f.Prop("AmazonSideAsn")) };
                _vgwOrder.Add(id);
                _edgeCoverage |= ResourceKinds.VpnGateways;
                return true;
            case "CfnCustomerGateway":
                _cgws.Add(new CustomerGateway(id, loc) { Name = NameTag(f), IpAddress = Str(f.Prop("IpAddress")), BgpAsn = Long(f.Prop("BgpAsn")) });
                _edgeCoverage |= ResourceKinds.CustomerGateways;
                return true;
            case "CfnVPNConnection":
                _vpns[id] = new VpnConnection(id, loc)
                {
                    Name = NameTag(f),
                    VpnGatewayId = RefId(f.Prop("VpnGatewayId"), "CfnVPNGateway"),
                    TransitGatewayId = RefId(f.Prop("TransitGatewayId"), "CfnTransitGateway"),
                    CustomerGatewayId = RefId(f.Prop("CustomerGatewayId"), "CfnCustomerGateway"),
                    StaticRoutesOnly = f.Prop("StaticRoutesOnly") switch
                    {
                        null => false,
                        BoolValue bv => bv.Value,
                        _ => null,
                    },
                };
                _vpnOrder.Add(id);
                _edgeCoverage |= ResourceKinds.VpnConnections;
                return true;
            case "CfnEgressOnlyInternetGateway":
                var vpc = RefId(f.Prop("VpcId"), "CfnVPC", "Vpc");
                _eigws.Add(new EgressOnlyInternetGateway(id, loc) { Name = NameTag(f), AttachedVpcIds = vpc is null ? Array.Empty<string>() : new[] { vpc } });
                _edgeCoverage |= ResourceKinds.EgressOnlyInternetGateways;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Pass 2: what attaches to the edges. False when <paramref name="f"/> is none of them.</summary>
    private bool MapEdgeLink(ConstructFact f)
    {
        switch (f.Kind)
        {
            case "CfnVPNGatewayRoutePropagation":
                // An unresolved gateway still propagates something: '?' keeps the tables' propagated routes unknown.
                string vgw = RefId(f.Prop("VpnGatewayId"), "CfnVPNGateway") ?? "?";
                foreach (var table in RefIds(f.Prop("RouteTableIds"), "CfnRouteTable").Ids)
                {
                    if (!_vgwPropagations.TryGetValue(table, out var list))
                    {
                        _vgwPropagations[table] = list = new List<string>(1);
                    }

                    if (!list.Contains(vgw))
                    {
                        list.Add(vgw);
                    }
                }

                return true;
            case "CfnVPNConnectionRoute":
                if (RefId(f.Prop("VpnConnectionId"), "CfnVPNConnection") is { } vpn && _vpns.ContainsKey(vpn) && Cidr(f.Prop("DestinationCidrBlock"), f, "DestinationCidrBlock") is { } cidr)
                {
                    Add(_vpnRoutes, vpn, cidr);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary><c>CfnVPCGatewayAttachment</c> with a <c>VpnGatewayId</c>: the gateway is attached to the VPC.</summary>
    private void AttachVpnGateway(ConstructFact f)
    {
        if (RefId(f.Prop("VpnGatewayId"), "CfnVPNGateway") is { } g && RefId(f.Prop("VpcId"), "CfnVPC", "Vpc") is { } v)
        {
            Add(_vgwVpcs, g, v);
        }
    }

    /// <summary>The gateways that propagate into route table <paramref name="tableId"/>.</summary>
    private IReadOnlyList<string> PropagatingVgws(string tableId) =>
        _vgwPropagations.TryGetValue(tableId, out var list) ? list : Array.Empty<string>();

    private void EmitEdges(NetworkModelBuilder b)
    {
        foreach (var p in _prefixLists)
        {
            b.Add(p);
        }

        foreach (var e in _endpoints)
        {
            b.Add(e);
        }

        foreach (var id in _vgwOrder)
        {
            b.Add(_vgws[id] with { AttachedVpcIds = _vgwVpcs.TryGetValue(id, out var vpcs) ? vpcs.ToArray() : Array.Empty<string>() });
        }

        foreach (var c in _cgws)
        {
            b.Add(c);
        }

        foreach (var id in _vpnOrder)
        {
            b.Add(_vpns[id] with { StaticRoutes = _vpnRoutes.TryGetValue(id, out var routes) ? routes.ToArray() : Array.Empty<CidrValue>() });
        }

        foreach (var e in _eigws)
        {
            b.Add(e);
        }
    }

    /// <summary><c>VpcEndpointType</c>: AWS's default is a gateway endpoint; a value the analyzer cannot follow is unknown.</summary>
    private static VpcEndpointType EndpointType(CdkValue? value) => value is null ? VpcEndpointType.Gateway : (value as StringValue)?.Text.ToLowerInvariant() switch
    {
        "gateway" => VpcEndpointType.Gateway,
        "interface" => VpcEndpointType.Interface,
        "gatewayloadbalancer" => VpcEndpointType.GatewayLoadBalancer,
        _ => VpcEndpointType.Unknown,
    };

    private static long? Long(CdkValue? value) => value switch
    {
        NumberValue n when n.Number == Math.Floor(n.Number) => (long)n.Number,
        StringValue s when long.TryParse(s.Text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long l) => l,
        _ => null,
    };
}
