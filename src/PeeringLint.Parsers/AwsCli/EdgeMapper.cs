using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// The network's edges around the peering: describe-vpc-endpoints, describe-prefix-lists /
/// describe-managed-prefix-lists, describe-vpn-gateways, describe-customer-gateways, describe-vpn-connections and
/// describe-egress-only-internet-gateways records.
/// </summary>
internal static class EdgeMapper
{
    private sealed class EndpointFields : RecordFields
    {
        public string? Type { get; set; }

        public string? Service { get; set; }

        public string? State { get; set; }

        public List<string> Tables { get; } = new();

        public List<string> Subnets { get; } = new();

        public List<string> Interfaces { get; } = new();

        public List<string> Groups { get; } = new();
    }

    private sealed class PrefixListFields : RecordFields
    {
        public string? ListName { get; set; }

        public List<CidrValue> Entries { get; } = new();

        public bool EntriesListed { get; set; }
    }

    private sealed class GatewayFields : RecordFields
    {
        public List<string> Vpcs { get; } = new(1);

        public string? State { get; set; }

        public long? Asn { get; set; }

        public string? IpAddress { get; set; }
    }

    private sealed class AttachmentFields : RecordFields
    {
        public string? State { get; set; }
    }

    private sealed class VpnFields : RecordFields
    {
        public string? VgwId { get; set; }

        public string? TgwId { get; set; }

        public string? CgwId { get; set; }

        public string? State { get; set; }

        public bool? StaticOnly { get; set; }

        public List<CidrValue> Routes { get; } = new();
    }

    private sealed class EntryFields : RecordFields
    {
        public CidrValue? Cidr { get; set; }

        public string? State { get; set; }
    }

    private static readonly FieldTable<AttachmentFields> Attachments = new(null, null, new()
    {
        ["State"] = (r, f) => r.State = f.Str(),
    });

    private static readonly FieldTable<EntryFields> Entries = new(null, null, new()
    {
        ["Cidr"] = (r, f) => r.Cidr = f.Cidr(),
        ["DestinationCidrBlock"] = (r, f) => r.Cidr = f.Cidr(),
        ["State"] = (r, f) => r.State = f.Str(),
    });

    private static readonly FieldTable<EndpointFields> EndpointTable = new("VPC endpoint", "VpcEndpointId", new()
    {
        ["VpcEndpointType"] = (r, f) => r.Type = f.Str(),
        ["ServiceName"] = (r, f) => r.Service = f.Str(),
        ["State"] = (r, f) => r.State = f.Str(),
        ["RouteTableIds"] = (r, f) => Strings(f, r.Tables),
        ["SubnetIds"] = (r, f) => Strings(f, r.Subnets),
        ["NetworkInterfaceIds"] = (r, f) => Strings(f, r.Interfaces),
        ["Groups"] = (r, f) =>
        {
            foreach (var (item, ip) in f.Items("a security group"))
            {
                if (Field.In(item, ip, "GroupId", f.Ctx)?.Str() is { } id)
                {
                    r.Groups.Add(id);
                }
            }
        },
    });

    private static readonly FieldTable<PrefixListFields> PrefixListTable = new("prefix list", "PrefixListId", new()
    {
        ["PrefixListName"] = (r, f) => r.ListName = f.Str(),

        // describe-prefix-lists (AWS's service lists): "Cidrs": ["52.216.0.0/15", ...].
        ["Cidrs"] = (r, f) =>
        {
            r.EntriesListed = true;
            if (f.List() is { } list)
            {
                for (int i = 0; i < list.Items.Count; i++)
                {
                    string ip = LogicalPaths.Item(f.Path, i);
                    if (f.Ctx.Cidr(list.Items[i], ip, "Cidrs") is { } c)
                    {
                        r.Entries.Add(c);
                    }
                }
            }
        },

        // A describe-managed-prefix-lists record with get-managed-prefix-list-entries' "Entries" merged in.
        ["Entries"] = (r, f) =>
        {
            r.EntriesListed = true;
            foreach (var (item, ip) in f.Items("a prefix list entry"))
            {
                if (Entries.Read(item, ip, f.Ctx).Cidr is { } c)
                {
                    r.Entries.Add(c);
                }
            }
        },
    });

    private static readonly FieldTable<GatewayFields> VpnGatewayTable = new("virtual private gateway", "VpnGatewayId", new()
    {
        ["State"] = (r, f) => r.State = f.Str(),
        ["AmazonSideAsn"] = (r, f) => r.Asn = Long(f.Str()),
        ["VpcAttachments"] = (r, f) => AttachedVpcs(f, r.Vpcs),
    });

    private static readonly FieldTable<GatewayFields> CustomerGatewayTable = new("customer gateway", "CustomerGatewayId", new()
    {
        ["State"] = (r, f) => r.State = f.Str(),
        ["BgpAsn"] = (r, f) => r.Asn = Long(f.Str()),
        ["IpAddress"] = (r, f) => r.IpAddress = f.Str(),
    });

    private static readonly FieldTable<GatewayFields> EgressOnlyTable = new("egress-only internet gateway", "EgressOnlyInternetGatewayId", new()
    {
        ["Attachments"] = (r, f) => AttachedVpcs(f, r.Vpcs),
    });

    private static readonly FieldTable<VpnFields> VpnTable = new("VPN connection", "VpnConnectionId", new()
    {
        ["VpnGatewayId"] = (r, f) => r.VgwId = f.Str(),
        ["TransitGatewayId"] = (r, f) => r.TgwId = f.Str(),
        ["CustomerGatewayId"] = (r, f) => r.CgwId = f.Str(),
        ["State"] = (r, f) => r.State = f.Str(),
        ["Options"] = (r, f) =>
        {
            if (f.Get("StaticRoutesOnly") is { } s)
            {
                r.StaticOnly = s.Bool();
            }
        },
        ["Routes"] = (r, f) =>
        {
            foreach (var (item, ip) in f.Items("a VPN route"))
            {
                var e = Entries.Read(item, ip, f.Ctx);
                if (e.Cidr is { } c && e.State is null or "available" or "pending")
                {
                    r.Routes.Add(c);
                }
            }
        },
    });

    public static VpcEndpoint? ReadVpcEndpoint(MappingNode m, string path, AwsReadContext ctx)
    {
        return EndpointTable.ReadElement(m, path, ctx, (r, at) => new VpcEndpoint(r.Id!, at, r.VpcId)
        {
            ServiceName = r.Service,
            Type = EndpointType(r.Type),
            State = r.State,
            RouteTableIds = r.Tables.ToArray(),
            SubnetIds = r.Subnets.ToArray(),
            NetworkInterfaceIds = r.Interfaces.ToArray(),
            SecurityGroupIds = r.Groups.ToArray(),
        });
    }

    public static PrefixList? ReadPrefixList(MappingNode m, string path, AwsReadContext ctx)
    {
        return PrefixListTable.ReadElement(m, path, ctx, (r, at) => new PrefixList(r.Id!, at)
        {
            Name = r.Name ?? r.ListName,
            Account = r.OwnerId ?? (r.ListName?.StartsWith("com.amazonaws.", System.StringComparison.Ordinal) == true ? "AWS" : ctx.Account),
            PrefixListName = r.ListName,
            Entries = r.Entries,
            EntriesKnown = r.EntriesListed,
        });
    }

    public static VpnGateway? ReadVpnGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        return VpnGatewayTable.ReadElement(m, path, ctx, (r, at) => new VpnGateway(r.Id!, at)
        {
            AttachedVpcIds = r.Vpcs.ToArray(),
            State = r.State,
            AmazonSideAsn = r.Asn,
        });
    }

    public static CustomerGateway? ReadCustomerGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        return CustomerGatewayTable.ReadElement(m, path, ctx, (r, at) => new CustomerGateway(r.Id!, at)
        {
            IpAddress = r.IpAddress,
            BgpAsn = r.Asn,
            State = r.State,
        });
    }

    public static VpnConnection? ReadVpnConnection(MappingNode m, string path, AwsReadContext ctx)
    {
        return VpnTable.ReadElement(m, path, ctx, (r, at) => new VpnConnection(r.Id!, at)
        {
            VpnGatewayId = r.VgwId,
            TransitGatewayId = r.TgwId,
            CustomerGatewayId = r.CgwId,
            State = r.State,
            StaticRoutesOnly = r.StaticOnly,
            StaticRoutes = r.Routes,
        });
    }

    public static EgressOnlyInternetGateway? ReadEgressOnlyInternetGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        return EgressOnlyTable.ReadElement(m, path, ctx, (r, at) => new EgressOnlyInternetGateway(r.Id!, at)
        {
            AttachedVpcIds = r.Vpcs.ToArray(),
        });
    }

    /// <summary>The model's endpoint type for VpcEndpointType (AWS also prints lower case in some outputs).</summary>
    internal static VpcEndpointType EndpointType(string? type) => type?.ToLowerInvariant() switch
    {
        null or "gateway" => VpcEndpointType.Gateway,
        "interface" => VpcEndpointType.Interface,
        "gatewayloadbalancer" => VpcEndpointType.GatewayLoadBalancer,
        _ => VpcEndpointType.Unknown,
    };

    private static void Strings(Field f, List<string> into)
    {
        if (f.List() is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            if (f.Ctx.Str(list.Items[i], LogicalPaths.Item(f.Path, i), f.Key) is { } s)
            {
                into.Add(s);
            }
        }
    }

    private static void AttachedVpcs(Field f, List<string> into)
    {
        foreach (var (item, ap) in f.Items("an attachment"))
        {
            var a = Attachments.Read(item, ap, f.Ctx);
            if (a.VpcId is not null && a.State is null or "available" or "attached" or "attaching")
            {
                into.Add(a.VpcId);
            }
        }
    }

    private static long? Long(string? s) =>
        s is not null && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long v) ? v : null;
}
