using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Addressing;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>One subnet an L2 <c>Vpc</c> creates, with its own route table (CDK construct ids as model ids).</summary>
internal sealed class L2Subnet
{
    public L2Subnet(string id, string group, int az, bool mapPublicIpOnLaunch)
    {
        Id = id;
        TableId = id + "/RouteTable";
        Group = group;
        Az = az;
        MapPublicIpOnLaunch = mapPublicIpOnLaunch;
    }

    public string Id { get; }

    public string TableId { get; }

    /// <summary><c>PublicSubnets</c>, <c>PrivateSubnets</c> or <c>IsolatedSubnets</c>: the <c>Vpc</c> property listing it.</summary>
    public string Group { get; }

    /// <summary>Index of its availability zone (0-based).</summary>
    public int Az { get; }

    public bool MapPublicIpOnLaunch { get; }

    /// <summary>Null when the VPC's block is unknown or the allocation cannot be followed exactly.</summary>
    public string? Cidr { get; set; }

    /// <summary>For a private subnet with egress: the NAT gateway its default route uses.</summary>
    public string? NatGatewayId { get; set; }
}

/// <summary>
/// The subnets, route tables, internet gateway and NAT gateways an L2 <c>Vpc</c> creates, computed as the CDK does
/// (aws-ec2 <c>Vpc.createSubnets</c>, <c>IpAddresses.cidr(…).allocateSubnetsCidr</c>): by default one PUBLIC and
/// one PRIVATE_WITH_EGRESS group, one subnet per AZ, the VPC block split evenly among the subnets without a
/// <c>CidrMask</c> after those with one. <see cref="TryCreate"/> returns null when any input the layout depends on
/// is not a constant the analyzer can read, or uses a feature not modelled (VPN, NAT instances, dual stack…).
/// </summary>
internal sealed class L2VpcLayout
{
    private static readonly string[] Unmodelled =
    {
        "NatGatewayProvider", "NatGatewaySubnets", "VpnGateway", "VpnConnections", "VpnGatewayAsn", "VpnRoutePropagation",
        "GatewayEndpoints", "Ipv6Addresses", "ReservedAzs",
    };

    private L2VpcLayout(string vpcId, List<L2Subnet> subnets, string? internetGatewayId, List<(string Id, string SubnetId)> natGateways)
    {
        VpcId = vpcId;
        Subnets = subnets;
        InternetGatewayId = internetGatewayId;
        NatGateways = natGateways;
    }

    public string VpcId { get; }

    /// <summary>In creation order: subnet configuration order, then AZ order (the order of <c>vpc.PublicSubnets</c>…).</summary>
    public IReadOnlyList<L2Subnet> Subnets { get; }

    public string? InternetGatewayId { get; }

    public IReadOnlyList<(string Id, string SubnetId)> NatGateways { get; }

    /// <summary>The subnets <c>vpc.&lt;group&gt;</c> lists, in order.</summary>
    public List<L2Subnet> Group(string group)
    {
        var result = new List<L2Subnet>();
        foreach (var s in Subnets)
        {
            if (s.Group == group)
            {
                result.Add(s);
            }
        }

        return result;
    }

    /// <param name="vpcId">The VPC's model id.</param>
    /// <param name="props">The <c>VpcProps</c>; null when none were passed.</param>
    /// <param name="vpcCidr">The VPC's primary IPv4 block, when known.</param>
    /// <param name="environmentAgnostic">True when the stack has no <c>Env</c> (the CDK then uses two AZs).</param>
    public static L2VpcLayout? TryCreate(string vpcId, ObjectValue? props, string? vpcCidr, bool environmentAgnostic)
    {
        if (props is not null)
        {
            foreach (var name in Unmodelled)
            {
                if (props.Get(name) is not null)
                {
                    return null;
                }
            }

            if (props.Get("IpProtocol") is { } protocol && protocol is not EnumValue { Member: "IPV4_ONLY" })
            {
                return null;
            }
        }

        int? azs = AzCount(props, environmentAgnostic);
        var groups = Configuration(props?.Get("SubnetConfiguration"));
        if (azs is null || groups is null)
        {
            return null;
        }

        // Requested subnets: per configuration, per AZ (reserved ones take address space, nothing else).
        var requested = new List<(SubnetGroup Config, int Az)>();
        foreach (var g in groups)
        {
            for (int az = 0; az < azs.Value; az++)
            {
                requested.Add((g, az));
            }
        }

        var cidrs = Allocate(vpcCidr, requested);
        var subnets = new List<L2Subnet>();
        for (int i = 0; i < requested.Count; i++)
        {
            var (config, az) = requested[i];
            if (config.Reserved)
            {
                continue;
            }

            subnets.Add(new L2Subnet(vpcId + "/" + config.Name + "Subnet" + (az + 1).ToString(CultureInfo.InvariantCulture), config.Property, az, config.MapPublicIpOnLaunch) { Cidr = cidrs?[i] });
        }

        var publics = new List<L2Subnet>();
        bool privateWithEgress = false;
        foreach (var s in subnets)
        {
            if (s.Group == "PublicSubnets")
            {
                publics.Add(s);
            }
            else if (s.Group == "PrivateSubnets")
            {
                privateWithEgress = true;
            }
        }

        string? igw = null;
        if (publics.Count > 0)
        {
            switch (props?.Get("CreateInternetGateway"))
            {
                case null:
                case BoolValue { Value: true }:
                    igw = vpcId + "/IGW";
                    break;
                case BoolValue { Value: false }:
                    break;
                default:
                    return null;
            }
        }

        // NAT gateways: one per AZ by default when there are private subnets with egress, in the first public subnets.
        var nats = new List<(string Id, string SubnetId)>();
        if (privateWithEgress)
        {
            int count;
            switch (props?.Get("NatGateways"))
            {
                case null:
                    count = azs.Value;
                    break;
                case NumberValue { Number: 0 }:
                    // The CDK allows PRIVATE_WITH_EGRESS without NAT gateways ("custom egress"): those subnets get
                    // no default route, only the routes the program adds itself.
                    count = 0;
                    break;
                case NumberValue n when n.Number >= 1 && n.Number == Math.Floor(n.Number):
                    count = (int)Math.Min(n.Number, publics.Count);
                    break;
                default:
                    return null;
            }

            if (count > 0 && (publics.Count == 0 || igw is null))
            {
                return null;
            }

            for (int i = 0; i < count; i++)
            {
                nats.Add((publics[i].Id + "/NATGateway", publics[i].Id));
            }

            foreach (var s in subnets)
            {
                if (s.Group == "PrivateSubnets" && nats.Count > 0)
                {
                    // The gateway in the subnet's AZ, else the first one.
                    string nat = nats[0].Id;
                    foreach (var (id, subnetId) in nats)
                    {
                        foreach (var p in publics)
                        {
                            if (p.Id == subnetId && p.Az == s.Az)
                            {
                                nat = id;
                            }
                        }
                    }

                    s.NatGatewayId = nat;
                }
            }
        }

        return new L2VpcLayout(vpcId, subnets, igw, nats);
    }

    private static int? AzCount(ObjectValue? props, bool environmentAgnostic)
    {
        if (props?.Get("AvailabilityZones") is { } list)
        {
            if (list is not ListValue l || l.Items.Count == 0)
            {
                return null;
            }

            foreach (var item in l.Items)
            {
                if (item is not StringValue)
                {
                    return null;
                }
            }

            return l.Items.Count;
        }

        int max;
        switch (props?.Get("MaxAzs"))
        {
            case null:
                max = 3;
                break;
            case NumberValue n when n.Number >= 1 && n.Number == Math.Floor(n.Number) && n.Number < 100:
                max = (int)n.Number;
                break;
            default:
                return null;
        }

        // An environment-agnostic stack offers two AZs; a stack with an environment offers the region's (every
        // region has at least two): only up to two is certain.
        if (environmentAgnostic || max <= 2)
        {
            return Math.Min(max, 2);
        }

        return null;
    }

    private sealed class SubnetGroup
    {
        public SubnetGroup(string name, string property, int? cidrMask, bool reserved, bool mapPublicIpOnLaunch)
        {
            Name = name;
            Property = property;
            CidrMask = cidrMask;
            Reserved = reserved;
            MapPublicIpOnLaunch = mapPublicIpOnLaunch;
        }

        public string Name { get; }

        public string Property { get; }

        public int? CidrMask { get; }

        public bool Reserved { get; }

        public bool MapPublicIpOnLaunch { get; }
    }

    private static List<SubnetGroup>? Configuration(CdkValue? value)
    {
        if (value is null)
        {
            return new List<SubnetGroup>
            {
                new("Public", "PublicSubnets", null, false, true),
                new("Private", "PrivateSubnets", null, false, false),
            };
        }

        if (value is not ListValue list || list.Items.Count == 0)
        {
            return null;
        }

        var groups = new List<SubnetGroup>();
        foreach (var item in list.Items)
        {
            if (item is not ObjectValue o || o.Get("Name") is not StringValue { Text.Length: > 0 } name || o.Get("SubnetType") is not EnumValue type)
            {
                return null;
            }

            string? property = type.Member switch
            {
                "PUBLIC" => "PublicSubnets",
                "PRIVATE_WITH_EGRESS" or "PRIVATE_WITH_NAT" or "PRIVATE" => "PrivateSubnets",
                "PRIVATE_ISOLATED" or "ISOLATED" => "IsolatedSubnets",
                _ => null,
            };
            int? mask = null;
            if (o.Get("CidrMask") is { } m)
            {
                if (m is not NumberValue n || n.Number != Math.Floor(n.Number))
                {
                    return null;
                }

                mask = (int)n.Number;
            }

            bool reserved = false;
            if (o.Get("Reserved") is { } r)
            {
                if (r is not BoolValue rb)
                {
                    return null;
                }

                reserved = rb.Value;
            }

            bool mapPublic = property == "PublicSubnets";
            if (o.Get("MapPublicIpOnLaunch") is { } mp)
            {
                if (mp is not BoolValue mb)
                {
                    return null;
                }

                mapPublic = mb.Value;
            }

            if (property is null || o.Get("Ipv6AssignAddressOnCreation") is not null)
            {
                return null;
            }

            groups.Add(new SubnetGroup(name.Text, property, mask, reserved, mapPublic));
        }

        return groups;
    }

    /// <summary>
    /// The subnets' CIDRs, in request order: first those with a <c>CidrMask</c>, then the rest evenly; each block
    /// follows the previous one. Null when the VPC block is unknown, a mask is outside /16–/28 or the space runs out
    /// (the CDK fails), or a block would not start on its own boundary (CDK versions differ there).
    /// </summary>
    private static string?[]? Allocate(string? vpcCidr, List<(SubnetGroup Config, int Az)> requested)
    {
        if (vpcCidr is null || !Cidr.TryParse(vpcCidr, out var network) || network.Family != IpFamily.V4)
        {
            return null;
        }

        long first = (long)network.Lo;
        long last = first + (1L << (32 - network.PrefixLength)) - 1;
        long next = first;
        var result = new string?[requested.Count];

        bool Add(int index, int mask)
        {
            if (mask < 16 || mask > 28)
            {
                return false;
            }

            long size = 1L << (32 - mask);
            if (next % size != 0 || next + size - 1 > last)
            {
                return false;
            }

            result[index] = Cidr.FromV4((uint)next, mask).ToString();
            next += size;
            return true;
        }

        int without = 0;
        for (int i = 0; i < requested.Count; i++)
        {
            if (requested[i].Config.CidrMask is { } mask)
            {
                if (!Add(i, mask))
                {
                    return null;
                }
            }
            else
            {
                without++;
            }
        }

        if (without > 0)
        {
            long perSubnet = (last - next + 1) / without;
            if (perSubnet < 1)
            {
                return null;
            }

            int bits = 0;
            while ((1L << (bits + 1)) <= perSubnet)
            {
                bits++;
            }

            int remainingMask = 32 - bits;
            for (int i = 0; i < requested.Count; i++)
            {
                if (requested[i].Config.CidrMask is null && !Add(i, remainingMask))
                {
                    return null;
                }
            }
        }

        return result;
    }
}
