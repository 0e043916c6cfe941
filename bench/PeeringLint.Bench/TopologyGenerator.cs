using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PeeringLint.Bench;

/// <summary>
/// Writes a deterministic, realistic organisation network: N VPCs spread over accounts and two regions, each
/// VPC peered with the next and the seventh-next one (2 peerings per VPC, cross-account and cross-region ones
/// included), two subnets, a main and a custom route table (≈16 routes: IGW, peers in both tables, prefix lists, a transit
/// gateway), a default and an app security group (10 rules; every 100th VPC has one with 300 rules), a NACL
/// and two instances; every VPC is a spoke of one of seven transit gateway hubs (attachment, association, propagation)
/// and has a NAT gateway in its public subnet that the private subnet's default route goes to. A few mistakes are
/// planted (pending peerings, missing return routes, a NAT gateway placed in the private subnet). Output as AWS CLI
/// describe-* JSON in the Batfish multi-account layout and as CloudFormation templates (one per account/region; the
/// hubs live in the first template and are imported by the others through exports).
/// </summary>
internal sealed class TopologyGenerator
{
    private static readonly string[] Regions = { "us-east-1", "eu-west-1" };
    private readonly int _n;
    private readonly int _accounts;

    /// <summary>
    /// Hub-and-spoke with a summary route: both tables of every VPC also send 10.0.0.0/8 to the VPC's hub (the peering
    /// routes, /22, stay more specific). Every such route overlaps every other spoke of its hub, so the rules that
    /// follow routes into a transit gateway meet 1/7 of the organisation per route (AWS JSON form only).
    /// </summary>
    public bool SummaryRoutes { get; init; }

    public TopologyGenerator(int vpcs)
    {
        _n = vpcs;
        _accounts = Math.Max(1, vpcs / 100);
    }

    private string Account(int i) => (100000000000L + (i % _accounts)).ToString(CultureInfo.InvariantCulture);

    private static string Region(int i) => Regions[(i / 3) % Regions.Length];

    private static string Hex(string prefix, long n) => prefix + n.ToString("x17", CultureInfo.InvariantCulture);

    private static string VpcId(int i) => Hex("vpc-", i);

    private static string Cidr(int i) => Block(i, 22);

    /// <summary>VPC i owns the i-th /22 of 10.0.0.0/8 (16,384 of them).</summary>
    private static string Block(int i, int prefix, int sub = 0)
    {
        uint a = (10u << 24) + ((uint)i << 10) + ((uint)sub << (32 - prefix));
        return string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}/{4}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255, prefix);
    }

    private static string Ip(int i, int sub, int host)
    {
        uint a = (10u << 24) + ((uint)i << 10) + ((uint)sub << 8) + (uint)host;
        return string.Format(CultureInfo.InvariantCulture, "{0}.{1}.{2}.{3}", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
    }

    /// <summary>Peering k of VPC i (k = 0: i → i+1, k = 1: i → i+7), requested by i.</summary>
    private (int Requester, int Accepter, long Id) Peering(int i, int k) => (i, (i + (k == 0 ? 1 : 7)) % _n, (2L * i) + k);

    private bool Pending(long pcx) => pcx % 97 == 13;

    /// <summary>Planted mistake: VPC i's NAT gateway sits in its private subnet, which has no internet route (PL3004).</summary>
    private static bool NatMisplaced(int i) => i % 50 == 17;

    /// <summary>The subnet VPC i's NAT gateway is in: the public one (index 0), or the private one when misplaced.</summary>
    private static int NatSubnet(int i) => NatMisplaced(i) ? 1 : 0;

    private IEnumerable<(int Peer, long Pcx)> PeersOf(int i)
    {
        if (_n < 2)
        {
            yield break;
        }

        foreach (int k in new[] { 0, 1 })
        {
            var (_, acc, id) = Peering(i, k);
            if (acc != i)
            {
                yield return (acc, id);
            }
        }

        foreach (int k in new[] { 0, 1 })
        {
            int req = ((i - (k == 0 ? 1 : 7)) % _n + _n) % _n;
            var (r, acc, id) = Peering(req, k);
            if (acc == i && r != i)
            {
                yield return (r, id);
            }
        }
    }

    public void WriteAwsJson(string root)
    {
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _n; i++)
        {
            string key = Account(i) + "/" + Region(i);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<int>();
            }

            list.Add(i);
        }

        foreach (var (key, members) in groups)
        {
            string dir = Path.Combine(root, "aws_configs", "accounts", key.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(dir);
            string account = key.Split('/')[0];
            Write(Path.Combine(dir, "Vpcs.json"), "Vpcs", members, (w, i) => WriteVpc(w, i));
            Write(Path.Combine(dir, "Subnets.json"), "Subnets", members, (w, i) => WriteSubnets(w, i));
            Write(Path.Combine(dir, "RouteTables.json"), "RouteTables", members, (w, i) => WriteRouteTables(w, i));
            Write(Path.Combine(dir, "InternetGateways.json"), "InternetGateways", members, (w, i) => WriteIgw(w, i));
            Write(Path.Combine(dir, "SecurityGroups.json"), "SecurityGroups", members, (w, i) => WriteGroups(w, i));
            Write(Path.Combine(dir, "NetworkAcls.json"), "NetworkAcls", members, (w, i) => WriteAcl(w, i));
            Write(Path.Combine(dir, "Reservations.json"), "Reservations", members, (w, i) => WriteReservation(w, i));
            Write(Path.Combine(dir, "Addresses.json"), "Addresses", members, (w, i) => WriteAddresses(w, i));
            Write(Path.Combine(dir, "NatGateways.json"), "NatGateways", members, (w, i) => WriteNat(w, i));

            // Each account lists the peerings its VPCs take part in (a cross-account one appears twice).
            var seen = new HashSet<long>();
            var pcxs = new List<(int, int, long)>();
            foreach (int i in members)
            {
                foreach (var (peer, pcx) in PeersOf(i))
                {
                    if (seen.Add(pcx))
                    {
                        pcxs.Add(pcx % 2 == 0 ? ((int)(pcx / 2), peer == (int)(pcx / 2) ? i : peer, pcx) : ((int)(pcx / 2), peer == (int)(pcx / 2) ? i : peer, pcx));
                    }
                }
            }

            Write(Path.Combine(dir, "VpcPeeringConnections.json"), "VpcPeeringConnections", pcxs, (w, p) => WritePeering(w, p.Item3));
            Write(Path.Combine(dir, "TransitGatewayAttachments.json"), "TransitGatewayAttachments", members, (w, i) => WriteTgwAttachment(w, i));
            Write(Path.Combine(dir, "TransitGatewayVpcAttachments.json"), "TransitGatewayVpcAttachments", members, (w, i) => WriteTgwVpcAttachment(w, i));
            _ = account;
        }

        // The hubs (the seven transit gateways the public tables route 192.168.0.0/16 and 172.16.0.0/12 to), their
        // route tables, static routes to a VPN attachment each, and every spoke's propagation, in the first folder.
        string hubDir = Path.Combine(root, "aws_configs", "accounts", groups.Keys.First().Replace('/', Path.DirectorySeparatorChar));
        var hubs = Enumerable.Range(0, Math.Min(Hubs, _n)).ToList();
        Write(Path.Combine(hubDir, "TransitGateways.json"), "TransitGateways", hubs, (w, k) => WriteTgw(w, k));
        Write(Path.Combine(hubDir, "TransitGatewayRouteTables.json"), "TransitGatewayRouteTables", hubs, (w, k) => WriteTgwTable(w, k));
        Write(Path.Combine(hubDir, "TransitGatewayVpnAttachments.json"), "TransitGatewayAttachments", hubs, (w, k) => WriteTgwVpnAttachment(w, k));
        Write(Path.Combine(hubDir, "TransitGatewayStaticRoutes.json"), "TransitGatewayStaticRoutes", hubs, (w, k) => WriteTgwStaticRoutes(w, k));
        Write(Path.Combine(hubDir, "TransitGatewayPropagations.json"), "TransitGatewayPropagations", hubs, (w, k) => WriteTgwPropagations(w, k));
    }

    /// <summary>Transit gateway hubs; VPC i is a spoke of hub i % 7.</summary>
    private const int Hubs = 7;

    private void WriteTgw(Utf8JsonWriter w, int k)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayId", Hex("tgw-", k));
        w.WriteString("State", "available");
        w.WriteString("OwnerId", Account(0));
        w.WriteStartObject("Options");
        w.WriteString("DefaultRouteTableAssociation", "enable");
        w.WriteString("DefaultRouteTablePropagation", "enable");
        w.WriteString("AssociationDefaultRouteTableId", Hex("tgw-rtb-", k));
        w.WriteString("PropagationDefaultRouteTableId", Hex("tgw-rtb-", k));
        w.WriteEndObject();
        Tags(w, $"hub-{k}");
        w.WriteEndObject();
    }

    private static void WriteTgwTable(Utf8JsonWriter w, int k)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayRouteTableId", Hex("tgw-rtb-", k));
        w.WriteString("TransitGatewayId", Hex("tgw-", k));
        w.WriteBoolean("DefaultAssociationRouteTable", true);
        w.WriteBoolean("DefaultPropagationRouteTable", true);
        w.WriteString("State", "available");
        w.WriteEndObject();
    }

    private void WriteTgwAttachment(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-", i));
        w.WriteString("TransitGatewayId", Hex("tgw-", i % Hubs));
        w.WriteString("ResourceType", "vpc");
        w.WriteString("ResourceId", VpcId(i));
        w.WriteString("ResourceOwnerId", Account(i));
        w.WriteString("State", "available");
        w.WriteStartObject("Association");
        w.WriteString("TransitGatewayRouteTableId", Hex("tgw-rtb-", i % Hubs));
        w.WriteString("State", "associated");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteTgwVpcAttachment(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-", i));
        w.WriteString("TransitGatewayId", Hex("tgw-", i % Hubs));
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("VpcOwnerId", Account(i));
        w.WriteString("State", "available");
        w.WriteStartArray("SubnetIds");
        w.WriteStringValue(Hex("subnet-", 2L * i));
        w.WriteStringValue(Hex("subnet-", (2L * i) + 1));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTgwVpnAttachment(Utf8JsonWriter w, int k)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-vpn-", k));
        w.WriteString("TransitGatewayId", Hex("tgw-", k));
        w.WriteString("ResourceType", "vpn");
        w.WriteString("ResourceId", Hex("vpn-", k));
        w.WriteString("State", "available");
        w.WriteStartObject("Association");
        w.WriteString("TransitGatewayRouteTableId", Hex("tgw-rtb-", k));
        w.WriteString("State", "associated");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteTgwStaticRoutes(Utf8JsonWriter w, int k)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayRouteTableId", Hex("tgw-rtb-", k));
        w.WriteBoolean("AdditionalRoutesAvailable", false);
        w.WriteStartArray("Routes");
        foreach (var dest in new[] { "192.168.0.0/16", "172.16.0.0/12" })
        {
            w.WriteStartObject();
            w.WriteString("DestinationCidrBlock", dest);
            w.WriteString("State", "active");
            w.WriteString("Type", "static");
            w.WriteStartArray("TransitGatewayAttachments");
            w.WriteStartObject();
            w.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-vpn-", k));
            w.WriteString("ResourceType", "vpn");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteTgwPropagations(Utf8JsonWriter w, int k)
    {
        w.WriteStartObject();
        w.WriteString("TransitGatewayRouteTableId", Hex("tgw-rtb-", k));
        w.WriteStartArray("TransitGatewayRouteTablePropagations");
        for (int i = k; i < _n; i += Hubs)
        {
            w.WriteStartObject();
            w.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-", i));
            w.WriteString("ResourceId", VpcId(i));
            w.WriteString("ResourceType", "vpc");
            w.WriteString("State", "enabled");
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-vpn-", k));
        w.WriteString("ResourceType", "vpn");
        w.WriteString("State", "enabled");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Write<T>(string path, string key, IEnumerable<T> items, Action<Utf8JsonWriter, T> each)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray(key);
        foreach (var item in items)
        {
            each(w, item);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Tags(Utf8JsonWriter w, string name)
    {
        w.WriteStartArray("Tags");
        w.WriteStartObject();
        w.WriteString("Key", "Name");
        w.WriteString("Value", name);
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private void WriteVpc(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteString("CidrBlock", Cidr(i));
        w.WriteString("DhcpOptionsId", Hex("dopt-", i));
        w.WriteString("State", "available");
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("OwnerId", Account(i));
        w.WriteString("InstanceTenancy", "default");
        w.WriteStartArray("CidrBlockAssociationSet");
        w.WriteStartObject();
        w.WriteString("AssociationId", Hex("vpc-cidr-assoc-", i));
        w.WriteString("CidrBlock", Cidr(i));
        w.WriteStartObject("CidrBlockState");
        w.WriteString("State", "associated");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteBoolean("IsDefault", false);
        Tags(w, "vpc-" + i.ToString("D5", CultureInfo.InvariantCulture));
        w.WriteEndObject();
    }

    private void WriteSubnets(Utf8JsonWriter w, int i)
    {
        for (int s = 0; s < 2; s++)
        {
            w.WriteStartObject();
            w.WriteString("AvailabilityZone", Region(i) + (s == 0 ? "a" : "b"));
            w.WriteNumber("AvailableIpAddressCount", 250);
            w.WriteString("CidrBlock", Block(i, 24, s));
            w.WriteBoolean("DefaultForAz", false);
            w.WriteBoolean("MapPublicIpOnLaunch", s == 0);
            w.WriteString("State", "available");
            w.WriteString("SubnetId", Hex("subnet-", (2L * i) + s));
            w.WriteString("VpcId", VpcId(i));
            w.WriteString("OwnerId", Account(i));
            Tags(w, $"vpc-{i:D5}-{(s == 0 ? "public" : "private")}");
            w.WriteEndObject();
        }
    }

    private void WriteRouteTables(Utf8JsonWriter w, int i)
    {
        // main table: serves the private subnet, which reaches the peers too (replies to the peers' subnets go back)
        w.WriteStartObject();
        w.WriteStartArray("Associations");
        w.WriteStartObject();
        w.WriteBoolean("Main", true);
        w.WriteString("RouteTableAssociationId", Hex("rtbassoc-", 2L * i));
        w.WriteString("RouteTableId", Hex("rtb-", 2L * i));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("RouteTableId", Hex("rtb-", 2L * i));
        w.WriteStartArray("Routes");
        Route(w, Cidr(i), "GatewayId", "local", "CreateRouteTable");
        foreach (var (peer, pcx) in PeersOf(i))
        {
            Route(w, Cidr(peer), "VpcPeeringConnectionId", Hex("pcx-", pcx), "CreateRoute");
        }

        if (SummaryRoutes)
        {
            Route(w, "10.0.0.0/8", "TransitGatewayId", Hex("tgw-", i % 7), "CreateRoute");
        }

        Route(w, "0.0.0.0/0", "NatGatewayId", Hex("nat-", i), "CreateRoute");
        w.WriteEndArray();
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("OwnerId", Account(i));
        w.WriteEndObject();

        // custom table: the public subnet's
        w.WriteStartObject();
        w.WriteStartArray("Associations");
        w.WriteStartObject();
        w.WriteBoolean("Main", false);
        w.WriteString("RouteTableAssociationId", Hex("rtbassoc-", (2L * i) + 1));
        w.WriteString("RouteTableId", Hex("rtb-", (2L * i) + 1));
        w.WriteString("SubnetId", Hex("subnet-", 2L * i));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("RouteTableId", Hex("rtb-", (2L * i) + 1));
        w.WriteStartArray("Routes");
        Route(w, Cidr(i), "GatewayId", "local", "CreateRouteTable");
        Route(w, "0.0.0.0/0", "GatewayId", Hex("igw-", i), "CreateRoute");
        foreach (var (peer, pcx) in PeersOf(i))
        {
            bool dropReturn = peer < i && (pcx % 50 == 7);
            if (!dropReturn)
            {
                Route(w, Cidr(peer), "VpcPeeringConnectionId", Hex("pcx-", pcx), "CreateRoute");
            }
        }

        for (int k = 0; k < 3; k++)
        {
            w.WriteStartObject();
            w.WriteString("DestinationPrefixListId", Hex("pl-", k));
            w.WriteString("GatewayId", Hex("vpce-", (3L * i) + k));
            w.WriteString("Origin", "CreateRoute");
            w.WriteString("State", "active");
            w.WriteEndObject();
        }

        Route(w, "192.168.0.0/16", "TransitGatewayId", Hex("tgw-", i % 7), "CreateRoute");
        Route(w, "172.16.0.0/12", "TransitGatewayId", Hex("tgw-", i % 7), "CreateRoute");
        if (SummaryRoutes)
        {
            Route(w, "10.0.0.0/8", "TransitGatewayId", Hex("tgw-", i % 7), "CreateRoute");
        }
        w.WriteEndArray();
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("OwnerId", Account(i));
        Tags(w, $"vpc-{i:D5}-public-rtb");
        w.WriteEndObject();
    }

    private static void Route(Utf8JsonWriter w, string dest, string targetKey, string target, string origin)
    {
        w.WriteStartObject();
        w.WriteString("DestinationCidrBlock", dest);
        w.WriteString(targetKey, target);
        w.WriteString("Origin", origin);
        w.WriteString("State", "active");
        w.WriteEndObject();
    }

    private void WriteIgw(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteStartArray("Attachments");
        w.WriteStartObject();
        w.WriteString("State", "available");
        w.WriteString("VpcId", VpcId(i));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("InternetGatewayId", Hex("igw-", i));
        w.WriteString("OwnerId", Account(i));
        w.WriteEndObject();
    }

    private void WriteGroups(Utf8JsonWriter w, int i)
    {
        string def = Hex("sg-", 2L * i), app = Hex("sg-", (2L * i) + 1);
        w.WriteStartObject();
        w.WriteString("Description", "default VPC security group");
        w.WriteString("GroupName", "default");
        w.WriteStartArray("IpPermissions");
        Permission(w, "-1", null, null, null, def, Account(i));
        w.WriteEndArray();
        w.WriteString("OwnerId", Account(i));
        w.WriteString("GroupId", def);
        w.WriteStartArray("IpPermissionsEgress");
        Permission(w, "-1", null, null, "0.0.0.0/0", null, null);
        w.WriteEndArray();
        w.WriteString("VpcId", VpcId(i));
        w.WriteEndObject();

        w.WriteStartObject();
        w.WriteString("Description", "app servers");
        w.WriteString("GroupName", "app");
        w.WriteStartArray("IpPermissions");
        int rules = i % 100 == 42 ? 300 : 10;
        var peers = new List<int>();
        foreach (var (peer, _) in PeersOf(i))
        {
            peers.Add(peer);
        }

        for (int r = 0; r < rules; r++)
        {
            if (r < peers.Count)
            {
                Permission(w, "icmp", -1, -1, Cidr(peers[r]), null, null);
            }
            else if (r == rules - 1)
            {
                Permission(w, "tcp", 22, 22, "203.0.113.0/24", null, null);
            }
            else
            {
                int port = 8000 + r;
                Permission(w, "tcp", port, port, Block(r % 4096, 22), null, null);
            }
        }

        w.WriteEndArray();
        w.WriteString("OwnerId", Account(i));
        w.WriteString("GroupId", app);
        w.WriteStartArray("IpPermissionsEgress");
        Permission(w, "-1", null, null, "0.0.0.0/0", null, null);
        w.WriteEndArray();
        w.WriteString("VpcId", VpcId(i));
        Tags(w, $"vpc-{i:D5}-app");
        w.WriteEndObject();
    }

    private static void Permission(Utf8JsonWriter w, string protocol, int? from, int? to, string? cidr, string? group, string? owner)
    {
        w.WriteStartObject();
        if (from is not null)
        {
            w.WriteNumber("FromPort", from.Value);
        }

        w.WriteString("IpProtocol", protocol);
        w.WriteStartArray("IpRanges");
        if (cidr is not null)
        {
            w.WriteStartObject();
            w.WriteString("CidrIp", cidr);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("Ipv6Ranges");
        w.WriteEndArray();
        w.WriteStartArray("PrefixListIds");
        w.WriteEndArray();
        if (to is not null)
        {
            w.WriteNumber("ToPort", to.Value);
        }

        w.WriteStartArray("UserIdGroupPairs");
        if (group is not null)
        {
            w.WriteStartObject();
            w.WriteString("GroupId", group);
            w.WriteString("UserId", owner);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteAcl(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteStartArray("Associations");
        for (int s = 0; s < 2; s++)
        {
            w.WriteStartObject();
            w.WriteString("NetworkAclAssociationId", Hex("aclassoc-", (2L * i) + s));
            w.WriteString("NetworkAclId", Hex("acl-", i));
            w.WriteString("SubnetId", Hex("subnet-", (2L * i) + s));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("Entries");
        foreach (bool egress in new[] { true, false })
        {
            AclEntry(w, egress, 100, "allow");
            AclEntry(w, egress, 32767, "deny");
        }

        w.WriteEndArray();
        w.WriteBoolean("IsDefault", true);
        w.WriteString("NetworkAclId", Hex("acl-", i));
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("OwnerId", Account(i));
        w.WriteEndObject();
    }

    private static void AclEntry(Utf8JsonWriter w, bool egress, int number, string action)
    {
        w.WriteStartObject();
        w.WriteString("CidrBlock", "0.0.0.0/0");
        w.WriteBoolean("Egress", egress);
        w.WriteString("Protocol", "-1");
        w.WriteString("RuleAction", action);
        w.WriteNumber("RuleNumber", number);
        w.WriteEndObject();
    }

    private void WriteReservation(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteStartArray("Groups");
        w.WriteEndArray();
        w.WriteStartArray("Instances");
        for (int k = 0; k < 2; k++)
        {
            w.WriteStartObject();
            w.WriteString("InstanceId", Hex("i-", (2L * i) + k));
            w.WriteString("InstanceType", "t3.micro");
            w.WriteString("PrivateIpAddress", Ip(i, k, 10));
            if (k == 0 && i % 5 != 0)
            {
                w.WriteString("PublicIpAddress", "198.51.100." + ((i % 250) + 1).ToString(CultureInfo.InvariantCulture));
            }

            w.WriteStartObject("State");
            w.WriteNumber("Code", 16);
            w.WriteString("Name", "running");
            w.WriteEndObject();
            w.WriteString("SubnetId", Hex("subnet-", (2L * i) + k));
            w.WriteString("VpcId", VpcId(i));
            w.WriteStartArray("SecurityGroups");
            w.WriteStartObject();
            w.WriteString("GroupName", "app");
            w.WriteString("GroupId", Hex("sg-", (2L * i) + 1));
            w.WriteEndObject();
            w.WriteEndArray();
            Tags(w, $"vpc-{i:D5}-app-{k}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("OwnerId", Account(i));
        w.WriteString("ReservationId", Hex("r-", i));
        w.WriteEndObject();
    }

    /// <summary>describe-nat-gateways: VPC i's public NAT gateway with its Elastic IP (in 198.18.0.0/15, benchmark space).</summary>
    private void WriteNat(Utf8JsonWriter w, int i)
    {
        int sub = NatSubnet(i);
        w.WriteStartObject();
        w.WriteString("NatGatewayId", Hex("nat-", i));
        w.WriteString("SubnetId", Hex("subnet-", (2L * i) + sub));
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("State", "available");
        w.WriteString("ConnectivityType", "public");
        w.WriteStartArray("NatGatewayAddresses");
        w.WriteStartObject();
        w.WriteString("AllocationId", Hex("eipalloc-nat-", i));
        w.WriteString("NetworkInterfaceId", Hex("eni-nat-", i));
        w.WriteString("PrivateIp", Ip(i, sub, 5));
        w.WriteString("PublicIp", NatPublicIp(i));
        w.WriteEndObject();
        w.WriteEndArray();
        Tags(w, $"vpc-{i:D5}-nat");
        w.WriteEndObject();
    }

    private static string NatPublicIp(int i) =>
        string.Format(CultureInfo.InvariantCulture, "198.{0}.{1}.{2}", 18 + ((i >> 16) & 1), (i >> 8) & 255, i & 255);

    private void WriteAddresses(Utf8JsonWriter w, int i)
    {
        if (i % 10 != 3)
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("AllocationId", Hex("eipalloc-", i));
        w.WriteString("PublicIp", "192.0.2." + ((i % 250) + 1).ToString(CultureInfo.InvariantCulture));
        w.WriteString("Domain", "vpc");
        if (i % 20 == 3)
        {
            w.WriteString("InstanceId", Hex("i-", 2L * i));
            w.WriteString("AssociationId", Hex("eipassoc-", i));
        }

        w.WriteEndObject();
    }

    private void WritePeering(Utf8JsonWriter w, long pcx)
    {
        int req = (int)(pcx / 2);
        int acc = (req + (pcx % 2 == 0 ? 1 : 7)) % _n;
        w.WriteStartObject();
        Side(w, "AccepterVpcInfo", acc);
        Side(w, "RequesterVpcInfo", req);
        w.WriteStartObject("Status");
        bool pending = Pending(pcx);
        w.WriteString("Code", pending ? "pending-acceptance" : "active");
        w.WriteString("Message", pending ? "Pending Acceptance by " + Account(acc) : "Active");
        w.WriteEndObject();
        w.WriteStartArray("Tags");
        w.WriteEndArray();
        w.WriteString("VpcPeeringConnectionId", Hex("pcx-", pcx));
        w.WriteEndObject();
    }

    private void Side(Utf8JsonWriter w, string name, int i)
    {
        w.WriteStartObject(name);
        w.WriteString("CidrBlock", Cidr(i));
        w.WriteStartArray("CidrBlockSet");
        w.WriteStartObject();
        w.WriteString("CidrBlock", Cidr(i));
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteString("OwnerId", Account(i));
        w.WriteStartObject("PeeringOptions");
        w.WriteBoolean("AllowDnsResolutionFromRemoteVpc", false);
        w.WriteBoolean("AllowEgressFromLocalClassicLinkToRemoteVpc", false);
        w.WriteBoolean("AllowEgressFromLocalVpcToRemoteClassicLink", false);
        w.WriteEndObject();
        w.WriteString("VpcId", VpcId(i));
        w.WriteString("Region", Region(i));
        w.WriteEndObject();
    }

    /// <summary>One CloudFormation template per account/region; peers in other templates are referenced by literal id.</summary>
    public void WriteCloudFormation(string root)
    {
        Directory.CreateDirectory(root);
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < _n; i++)
        {
            string key = Account(i) + "-" + Region(i);
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = new List<int>();
            }

            list.Add(i);
        }

        string hubKey = groups.Keys.First();
        foreach (var (key, members) in groups)
        {
            var local = new HashSet<int>(members);
            bool hubHere = key == hubKey;
            using var stream = File.Create(Path.Combine(root, key + ".template.json"));
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            w.WriteStartObject();
            w.WriteString("AWSTemplateFormatVersion", "2010-09-09");
            w.WriteString("Description", "Generated organisation network " + key);
            w.WriteStartObject("Resources");
            if (hubHere)
            {
                WriteCfnHubs(w);
            }

            foreach (int i in members)
            {
                string v = "Vpc" + i.ToString("D5", CultureInfo.InvariantCulture);
                Resource(w, v, "AWS::EC2::VPC", p => p.WriteString("CidrBlock", Cidr(i)));
                Resource(w, v + "Igw", "AWS::EC2::InternetGateway", _ => { });
                Resource(w, v + "IgwAttach", "AWS::EC2::VPCGatewayAttachment", p => { Ref(p, "VpcId", v); Ref(p, "InternetGatewayId", v + "Igw"); });
                for (int s = 0; s < 2; s++)
                {
                    Resource(w, v + "Subnet" + s.ToString(CultureInfo.InvariantCulture), "AWS::EC2::Subnet", p => { Ref(p, "VpcId", v); p.WriteString("CidrBlock", Block(i, 24, s)); p.WriteString("AvailabilityZone", Region(i) + (s == 0 ? "a" : "b")); });
                }

                Resource(w, v + "Rtb", "AWS::EC2::RouteTable", p => Ref(p, "VpcId", v));
                Resource(w, v + "RtbAssoc", "AWS::EC2::SubnetRouteTableAssociation", p => { Ref(p, "RouteTableId", v + "Rtb"); Ref(p, "SubnetId", v + "Subnet0"); });
                Resource(w, v + "DefaultRoute", "AWS::EC2::Route", p => { Ref(p, "RouteTableId", v + "Rtb"); p.WriteString("DestinationCidrBlock", "0.0.0.0/0"); Ref(p, "GatewayId", v + "Igw"); });
                foreach (var (peer, pcx) in PeersOf(i))
                {
                    string pcxName = "Pcx" + pcx.ToString(CultureInfo.InvariantCulture);
                    bool requester = pcx / 2 == i;
                    if (requester)
                    {
                        Resource(w, pcxName, "AWS::EC2::VPCPeeringConnection", p =>
                        {
                            Ref(p, "VpcId", v);
                            if (local.Contains(peer))
                            {
                                Ref(p, "PeerVpcId", "Vpc" + peer.ToString("D5", CultureInfo.InvariantCulture));
                            }
                            else
                            {
                                p.WriteString("PeerVpcId", VpcId(peer));
                                p.WriteString("PeerOwnerId", Account(peer));
                                p.WriteString("PeerRegion", Region(peer));
                                p.WriteString("PeerRoleArn", $"arn:aws:iam::{Account(peer)}:role/peering-acceptor");
                            }
                        });
                    }

                    Resource(w, v + "To" + pcxName, "AWS::EC2::Route", p =>
                    {
                        Ref(p, "RouteTableId", v + "Rtb");
                        p.WriteString("DestinationCidrBlock", Cidr(peer));
                        if (requester || local.Contains((int)(pcx / 2)))
                        {
                            Ref(p, "VpcPeeringConnectionId", pcxName);
                        }
                        else
                        {
                            p.WriteString("VpcPeeringConnectionId", Hex("pcx-", pcx));
                        }
                    });
                }

                // The NAT gateway (in the public subnet, or the private one when planted) and the private subnet's table.
                Resource(w, v + "NatEip", "AWS::EC2::EIP", p => p.WriteString("Domain", "vpc"));
                Resource(w, v + "Nat", "AWS::EC2::NatGateway", p =>
                {
                    Ref(p, "SubnetId", v + "Subnet" + NatSubnet(i).ToString(CultureInfo.InvariantCulture));
                    p.WriteStartObject("AllocationId");
                    p.WriteStartArray("Fn::GetAtt");
                    p.WriteStringValue(v + "NatEip");
                    p.WriteStringValue("AllocationId");
                    p.WriteEndArray();
                    p.WriteEndObject();
                });
                Resource(w, v + "PrivateRtb", "AWS::EC2::RouteTable", p => Ref(p, "VpcId", v));
                Resource(w, v + "PrivateRtbAssoc", "AWS::EC2::SubnetRouteTableAssociation", p => { Ref(p, "RouteTableId", v + "PrivateRtb"); Ref(p, "SubnetId", v + "Subnet1"); });
                Resource(w, v + "PrivateDefaultRoute", "AWS::EC2::Route", p => { Ref(p, "RouteTableId", v + "PrivateRtb"); p.WriteString("DestinationCidrBlock", "0.0.0.0/0"); Ref(p, "NatGatewayId", v + "Nat"); });

                // A spoke of hub i % 7: attachment with both subnets, association and propagation in the hub's table,
                // and the public table's routes to the on-premises ranges over the hub.
                int hub = i % Hubs;
                Resource(w, v + "Tgw", "AWS::EC2::TransitGatewayVpcAttachment", p =>
                {
                    HubRef(p, "TransitGatewayId", hub, hubHere, string.Empty);
                    Ref(p, "VpcId", v);
                    p.WriteStartArray("SubnetIds");
                    for (int s = 0; s < 2; s++)
                    {
                        p.WriteStartObject();
                        p.WriteString("Ref", v + "Subnet" + s.ToString(CultureInfo.InvariantCulture));
                        p.WriteEndObject();
                    }

                    p.WriteEndArray();
                });
                foreach (var (suffix, type) in new[] { ("TgwAssoc", "AWS::EC2::TransitGatewayRouteTableAssociation"), ("TgwProp", "AWS::EC2::TransitGatewayRouteTablePropagation") })
                {
                    Resource(w, v + suffix, type, p => { HubRef(p, "TransitGatewayRouteTableId", hub, hubHere, "Rtb"); Ref(p, "TransitGatewayAttachmentId", v + "Tgw"); });
                }

                foreach (var (dest, n) in OnPremises)
                {
                    Resource(w, v + "ToOnPrem" + n, "AWS::EC2::Route", p => { Ref(p, "RouteTableId", v + "Rtb"); p.WriteString("DestinationCidrBlock", dest); HubRef(p, "TransitGatewayId", hub, hubHere, string.Empty); });
                }

                Resource(w, v + "AppSg", "AWS::EC2::SecurityGroup", p =>
                {
                    p.WriteString("GroupDescription", "app servers");
                    Ref(p, "VpcId", v);
                    p.WriteStartArray("SecurityGroupIngress");
                    for (int r = 0; r < 10; r++)
                    {
                        p.WriteStartObject();
                        p.WriteString("IpProtocol", "tcp");
                        p.WriteNumber("FromPort", 8000 + r);
                        p.WriteNumber("ToPort", 8000 + r);
                        p.WriteString("CidrIp", Block(r, 22));
                        p.WriteEndObject();
                    }

                    p.WriteEndArray();
                });
                Resource(w, v + "App", "AWS::EC2::Instance", p =>
                {
                    p.WriteString("ImageId", "ami-0fff1b9a61dec8a5f");
                    p.WriteString("InstanceType", "t3.micro");
                    Ref(p, "SubnetId", v + "Subnet0");
                    p.WriteStartArray("SecurityGroupIds");
                    p.WriteStartObject();
                    p.WriteString("Ref", v + "AppSg");
                    p.WriteEndObject();
                    p.WriteEndArray();
                });
            }

            w.WriteEndObject();
            if (hubHere)
            {
                // The hubs' ids and tables, for the other templates' Fn::ImportValue.
                w.WriteStartObject("Outputs");
                for (int k = 0; k < Math.Min(Hubs, _n); k++)
                {
                    foreach (string part in new[] { string.Empty, "Rtb" })
                    {
                        w.WriteStartObject("Hub" + k.ToString(CultureInfo.InvariantCulture) + part);
                        w.WriteStartObject("Value");
                        w.WriteString("Ref", "Hub" + k.ToString(CultureInfo.InvariantCulture) + part);
                        w.WriteEndObject();
                        w.WriteStartObject("Export");
                        w.WriteString("Name", HubExport(k, part));
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }
    }

    private static readonly (string Cidr, string Name)[] OnPremises = { ("192.168.0.0/16", "0"), ("172.16.0.0/12", "1") };

    private static string HubExport(int k, string part) => "bench-hub-" + k.ToString(CultureInfo.InvariantCulture) + (part.Length == 0 ? string.Empty : "-" + part.ToLowerInvariant());

    /// <summary>Hub k (or its route table, <paramref name="part"/> "Rtb"): a Ref in the hubs' template, an import elsewhere.</summary>
    private static void HubRef(Utf8JsonWriter w, string property, int k, bool hubHere, string part)
    {
        if (hubHere)
        {
            Ref(w, property, "Hub" + k.ToString(CultureInfo.InvariantCulture) + part);
            return;
        }

        w.WriteStartObject(property);
        w.WriteString("Fn::ImportValue", HubExport(k, part));
        w.WriteEndObject();
    }

    /// <summary>
    /// The hubs as a template declares them: default association and propagation off, one route table each, whose
    /// static routes send the on-premises ranges to the hub's VPN attachment (an id the template does not declare,
    /// as a real template gets it from a parameter: the rules and reach treat where it leads as unknown).
    /// </summary>
    private void WriteCfnHubs(Utf8JsonWriter w)
    {
        for (int k = 0; k < Math.Min(Hubs, _n); k++)
        {
            string hub = "Hub" + k.ToString(CultureInfo.InvariantCulture);
            Resource(w, hub, "AWS::EC2::TransitGateway", p =>
            {
                p.WriteString("DefaultRouteTableAssociation", "disable");
                p.WriteString("DefaultRouteTablePropagation", "disable");
                Tags(p, $"hub-{k}");
            });
            Resource(w, hub + "Rtb", "AWS::EC2::TransitGatewayRouteTable", p => Ref(p, "TransitGatewayId", hub));
            foreach (var (dest, n) in OnPremises)
            {
                Resource(w, hub + "ToOnPrem" + n, "AWS::EC2::TransitGatewayRoute", p =>
                {
                    Ref(p, "TransitGatewayRouteTableId", hub + "Rtb");
                    p.WriteString("DestinationCidrBlock", dest);
                    p.WriteString("TransitGatewayAttachmentId", Hex("tgw-attach-vpn-", k));
                });
            }
        }
    }

    private static void Resource(Utf8JsonWriter w, string name, string type, Action<Utf8JsonWriter> properties)
    {
        w.WriteStartObject(name);
        w.WriteString("Type", type);
        w.WriteStartObject("Properties");
        properties(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Ref(Utf8JsonWriter w, string property, string target)
    {
        w.WriteStartObject(property);
        w.WriteString("Ref", target);
        w.WriteEndObject();
    }
}
