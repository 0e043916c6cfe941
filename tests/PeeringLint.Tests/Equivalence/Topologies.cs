using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PeeringLint.Tests.Equivalence;

/// <summary>Hand-written topologies: the tutorial's states and the cases the issue names.</summary>
public static class Topologies
{
    public const string OtherAccount = "222222222222";
    public const string OtherRegion = "us-west-2";

    private static TVpc Vpc(string name, string cidr, string subnetCidr, bool igw = true, string? v6 = null, string? subnetV6 = null) => new(name, cidr)
    {
        Ipv6Cidr = v6,
        InternetGateway = igw,
        Subnets = { new TSubnet(name + "-subnet", subnetCidr) { Table = name + "-rtb", Ipv6Cidr = subnetV6 } },
        Tables = { new TTable(name + "-rtb") },
    };

    private static TRoute Pcx(string dest, string peering) => new(dest, TTarget.Peering, peering);

    private static TRoute Igw(string dest = "0.0.0.0/0") => new(dest, TTarget.InternetGateway);

    /// <summary>Two peered VPCs as the tutorial builds them; <paramref name="shape"/> adjusts before use.</summary>
    private static Topology Tutorial(string name, TStatus status, bool returnRoute, bool publicIp1, bool icmp)
    {
        var v1 = Vpc("NextWork-1-vpc", "10.1.0.0/16", "10.1.0.0/20");
        var v2 = Vpc("NextWork-2-vpc", "10.2.0.0/16", "10.2.0.0/20");
        v1.Tables[0].Routes.AddRange(new[] { Igw(), Pcx("10.2.0.0/16", "VPC 1 <> VPC 2") });
        v2.Tables[0].Routes.Add(Igw());
        if (returnRoute)
        {
            v2.Tables[0].Routes.Add(Pcx("10.1.0.0/16", "VPC 1 <> VPC 2"));
        }

        v1.Groups.Add(new TGroup("NextWork-1-sg") { Ingress = { new TRule(TProtocol.Tcp, 22, 22, "0.0.0.0/0") } });
        v2.Groups.Add(new TGroup("NextWork-2-sg") { Ingress = icmp ? new List<TRule> { new(TProtocol.Icmp, -1, -1, "10.1.0.0/16") } : new List<TRule>() });
        v1.Instances.Add(new TInstance("Instance - NextWork VPC 1", "NextWork-1-vpc-subnet", "10.1.4.12") { Groups = { "NextWork-1-sg" }, PublicIp = publicIp1 ? TPublicIp.ElasticIp : TPublicIp.None });
        v2.Instances.Add(new TInstance("Instance - NextWork VPC 2", "NextWork-2-vpc-subnet", "10.2.9.40") { Groups = { "NextWork-2-sg" } });
        return new Topology(name) { Vpcs = { v1, v2 }, Peerings = { new TPeering("VPC 1 <> VPC 2", "NextWork-1-vpc", "NextWork-2-vpc") { Status = status } } };
    }

    public static IReadOnlyList<Topology> All { get; } = Build();

    private static List<Topology> Build()
    {
        var list = new List<Topology>
        {
            Tutorial("tutorial-working", TStatus.Active, returnRoute: true, publicIp1: true, icmp: true),
            Tutorial("tutorial-broken", TStatus.PendingAcceptance, returnRoute: false, publicIp1: false, icmp: false),
            Tutorial("missing-return-route", TStatus.Active, returnRoute: false, publicIp1: true, icmp: true),
            Tutorial("sg-without-icmp-from-peer", TStatus.Active, returnRoute: true, publicIp1: true, icmp: false),
        };

        var cross = Tutorial("cross-account-pending", TStatus.PendingAcceptance, returnRoute: true, publicIp1: true, icmp: true);
        list.Add(cross with { Vpcs = new List<TVpc> { cross.Vpcs[0], cross.Vpcs[1] with { Account = OtherAccount } } });

        var crossActive = Tutorial("cross-account-active", TStatus.Active, returnRoute: true, publicIp1: true, icmp: true);
        list.Add(crossActive with { Vpcs = new List<TVpc> { crossActive.Vpcs[0], crossActive.Vpcs[1] with { Account = OtherAccount } } });

        var west = Tutorial("inter-region-active", TStatus.Active, returnRoute: true, publicIp1: true, icmp: true);
        list.Add(west with { Vpcs = new List<TVpc> { west.Vpcs[0], west.Vpcs[1] with { Region = OtherRegion } } });

        // A hub peered with two spokes that share a block (AWS allows it: neither overlaps the hub); only spoke B is routed.
        var hub = Vpc("Hub", "10.30.0.0/16", "10.30.0.0/24");
        hub.Tables[0].Routes.Add(Pcx("10.40.0.0/16", "Hub <> Spoke B"));
        var spokeA = Vpc("Spoke-A", "10.40.0.0/16", "10.40.0.0/24");
        var spokeB = Vpc("Spoke-B", "10.40.0.0/16", "10.40.0.0/24");
        spokeB.Tables[0].Routes.Add(Pcx("10.30.0.0/16", "Hub <> Spoke B"));
        list.Add(new Topology("hub-with-overlapping-spokes")
        {
            Vpcs = { hub, spokeA, spokeB },
            Peerings = { new TPeering("Hub <> Spoke A", "Hub", "Spoke-A"), new TPeering("Hub <> Spoke B", "Hub", "Spoke-B") },
        });

        var a = Vpc("Overlap-A", "10.1.0.0/16", "10.1.0.0/20");
        var b = Vpc("Overlap-B", "10.1.0.0/16", "10.1.16.0/20");
        list.Add(new Topology("failed-overlapping-peering") { Vpcs = { a, b }, Peerings = { new TPeering("A <> B", "Overlap-A", "Overlap-B") { Status = TStatus.Failed } } });

        // The repro: VPC 1 sends only 10.2.0.0/24 over the peering; VPC 2's subnet is 10.2.0.0/20.
        var p1 = Vpc("Partial-1", "10.1.0.0/16", "10.1.0.0/20");
        var p2 = Vpc("Partial-2", "10.2.0.0/16", "10.2.0.0/20");
        p1.Tables[0].Routes.Add(Pcx("10.2.0.0/24", "P1 <> P2"));
        p2.Tables[0].Routes.Add(Pcx("10.1.0.0/16", "P1 <> P2"));
        p2.Groups.Add(new TGroup("Partial-2-sg") { Ingress = { new TRule(TProtocol.Icmp, -1, -1, "10.1.0.0/16") } });
        p2.Instances.Add(new TInstance("Partial-2-host", "Partial-2-subnet", "10.2.11.143") { Groups = { "Partial-2-sg" } });
        list.Add(new Topology("partial-return-route") { Vpcs = { p1, p2 }, Peerings = { new TPeering("P1 <> P2", "Partial-1", "Partial-2") } });

        var s1 = Vpc("Six-1", "10.1.0.0/16", "10.1.0.0/20", v6: "2600:1f18:100::/56", subnetV6: "2600:1f18:100:1::/64");
        var s2 = Vpc("Six-2", "10.2.0.0/16", "10.2.0.0/20", v6: "2600:1f18:200::/56", subnetV6: "2600:1f18:200:1::/64");
        s1.Tables[0].Routes.AddRange(new[] { Pcx("10.2.0.0/16", "Six peering"), Pcx("2600:1f18:200::/56", "Six peering"), Igw("::/0") });
        s2.Tables[0].Routes.Add(Pcx("10.1.0.0/16", "Six peering"));
        s1.Groups.Add(new TGroup("Six-1-sg") { Ingress = { new TRule(TProtocol.Tcp, 22, 22, "::/0") } });
        s2.Groups.Add(new TGroup("Six-2-sg") { Ingress = { new TRule(TProtocol.Icmpv6, -1, -1, "2600:1f18:100::/56"), new TRule(TProtocol.Icmp, -1, -1, "10.1.0.0/16") } });
        s1.Instances.Add(new TInstance("Six-1-host", "Six-1-subnet", "10.1.0.10") { Groups = { "Six-1-sg" } });
        s2.Instances.Add(new TInstance("Six-2-host", "Six-2-subnet", "10.2.0.10") { Groups = { "Six-2-sg" } });
        list.Add(new Topology("ipv6-peering-routes") { Vpcs = { s1, s2 }, Peerings = { new TPeering("Six peering", "Six-1", "Six-2") } });

        var nacl = Tutorial("nacl-blocking", TStatus.Active, returnRoute: true, publicIp1: true, icmp: true);
        nacl.Vpcs[1].Acls.Add(new TAcl("NextWork-2-acl")
        {
            Entries =
            {
                new TAclEntry(90, false, TProtocol.All, "10.1.0.0/16", Allow: false),
                new TAclEntry(100, false, TProtocol.All, "0.0.0.0/0", Allow: true),
                new TAclEntry(100, true, TProtocol.All, "0.0.0.0/0", Allow: true),
            },
        });
        nacl.Vpcs[1].Subnets[0] = nacl.Vpcs[1].Subnets[0] with { Acl = "NextWork-2-acl" };
        list.Add(nacl);

        var n = Vpc("Nat-vpc", "10.3.0.0/16", "10.3.0.0/24");
        n.Subnets.Add(new TSubnet("Nat-private", "10.3.1.0/24") { Table = "Nat-private-rtb" });
        n.Tables[0].Routes.Add(Igw());
        n.Tables.Add(new TTable("Nat-private-rtb") { Routes = { new TRoute("0.0.0.0/0", TTarget.NatGateway, "Nat-vpc-nat") } });
        n.Groups.Add(new TGroup("Nat-app-sg") { Ingress = { new TRule(TProtocol.Tcp, 443, 443, "10.3.0.0/16") } });
        n.Instances.Add(new TInstance("Nat-app", "Nat-private", "10.3.1.20") { Groups = { "Nat-app-sg" } });
        list.Add(new Topology("nat-gateway-with-eip") { Vpcs = { n }, Nats = { new TNat("Nat-vpc-nat", "Nat-vpc-subnet") } });

        var gw = Vpc("Hybrid-vpc", "10.4.0.0/16", "10.4.0.0/24", igw: false, v6: "2600:1f18:400::/56", subnetV6: "2600:1f18:400:1::/64") with { VpnGateway = true };
        gw.Tables[0].Routes.AddRange(new[]
        {
            new TRoute("192.168.0.0/16", TTarget.VpnGateway),
            new TRoute("172.16.0.0/12", TTarget.TransitGateway, "Shared-tgw"),
            new TRoute("::/0", TTarget.EgressOnlyInternetGateway),
            Pcx("10.5.0.0/16", "Hybrid peering"),
        });
        var gw2 = Vpc("Hybrid-peer", "10.5.0.0/16", "10.5.0.0/24", igw: false);
        gw2.Tables[0].Routes.Add(Pcx("10.4.0.0/16", "Hybrid peering"));
        list.Add(new Topology("gateways-besides-peering") { Vpcs = { gw, gw2 }, Peerings = { new TPeering("Hybrid peering", "Hybrid-vpc", "Hybrid-peer") } });

        var bh = Tutorial("blackhole-after-deleted-peering", TStatus.Active, returnRoute: true, publicIp1: true, icmp: true);
        bh.Vpcs[0].Tables[0].Routes.Add(new TRoute("10.9.0.0/16", TTarget.Blackhole, "Old peering"));
        list.Add(bh);
        return list;
    }
}

/// <summary>
/// Small random networks (2-6 VPCs; IPv4 and IPv6; peerings of every status, routes to gateways, peerings and NAT
/// gateways, more- and less-specific return routes, groups, NACLs, instances), reproducible from a seed.
/// Only what AWS would accept is generated: an overlapping pair's peering is <c>failed</c>, no table holds one
/// destination twice, and routes name only targets that exist (or a deleted peering, as a blackhole).
/// </summary>
public static class TopologyGenerator
{
    public static Topology Generate(int seed)
    {
        var rnd = new Random(seed);
        var t = new Topology("random-" + seed.ToString(CultureInfo.InvariantCulture));
        int count = rnd.Next(2, 7);
        var octets = new List<int>();
        for (int k = 0; k < count; k++)
        {
            int octet = k > 0 && rnd.Next(10) == 0 ? octets[rnd.Next(octets.Count)] : 10 + k;
            octets.Add(octet);
            bool v6 = rnd.Next(2) == 0;
            string name = $"r{seed}-vpc{k}";
            var vpc = new TVpc(name, $"10.{octet}.0.0/16")
            {
                Ipv6Cidr = v6 ? $"2600:1f18:{k + 1:x}00::/56" : null,
                Account = rnd.Next(5) == 0 ? Topologies.OtherAccount : Topology.HomeAccount,
                Region = rnd.Next(6) == 0 ? Topologies.OtherRegion : Topology.Region,
                InternetGateway = rnd.Next(10) < 6,
                VpnGateway = rnd.Next(5) == 0,
            };
            int subnets = rnd.Next(1, 3);
            for (int j = 0; j < subnets; j++)
            {
                vpc.Subnets.Add(new TSubnet($"{name}-sn{j}", $"10.{octet}.{j * 16}.0/20")
                {
                    Ipv6Cidr = v6 && rnd.Next(2) == 0 ? $"2600:1f18:{k + 1:x}00:{j + 1:x}::/64" : null,
                    MapPublicIpOnLaunch = vpc.InternetGateway && rnd.Next(3) == 0,
                });
            }

            int tables = rnd.Next(0, 3);
            for (int j = 0; j < tables; j++)
            {
                vpc.Tables.Add(new TTable($"{name}-rtb{j}"));
            }

            for (int j = 0; j < vpc.Subnets.Count; j++)
            {
                if (tables > 0 && rnd.Next(4) > 0)
                {
                    vpc.Subnets[j] = vpc.Subnets[j] with { Table = vpc.Tables[rnd.Next(tables)].Name };
                }
            }

            int groups = rnd.Next(1, 3);
            for (int j = 0; j < groups; j++)
            {
                vpc.Groups.Add(new TGroup($"{name}-sg{j}"));
            }

            if (rnd.Next(3) == 0)
            {
                var acl = new TAcl($"{name}-acl");
                acl.Entries.Add(new TAclEntry(100, true, TProtocol.All, "0.0.0.0/0", true));
                acl.Entries.Add(new TAclEntry(200, false, TProtocol.Tcp, "0.0.0.0/0", true, 1024, 65535));
                switch (rnd.Next(4))
                {
                    case 0: acl.Entries.Add(new TAclEntry(150, false, TProtocol.Icmp, "10.0.0.0/8", true)); break;
                    case 1: acl.Entries.Add(new TAclEntry(90, false, TProtocol.All, "10.0.0.0/8", false)); break;
                    case 2 when vpc.Ipv6Cidr is not null: acl.Entries.Add(new TAclEntry(101, false, TProtocol.All, "::/0", true)); acl.Entries.Add(new TAclEntry(101, true, TProtocol.All, "::/0", true)); break;
                    default: acl.Entries.Add(new TAclEntry(120, false, TProtocol.Udp, "10.0.0.0/8", true, 53, 53)); break;
                }

                vpc.Acls.Add(acl);
                vpc.Subnets[0] = vpc.Subnets[0] with { Acl = acl.Name };
            }

            t.Vpcs.Add(vpc);
        }

        // Peerings between random pairs, at most one per pair.
        var pairs = new HashSet<(int, int)>();
        int peerings = rnd.Next(1, count + 1);
        for (int p = 0; p < peerings; p++)
        {
            int a = rnd.Next(count), b = rnd.Next(count);
            if (a == b || !pairs.Add((Math.Min(a, b), Math.Max(a, b))))
            {
                continue;
            }

            var req = t.Vpcs[a];
            var acc = t.Vpcs[b];
            int roll = rnd.Next(20);
            TStatus status = req.Cidr == acc.Cidr ? TStatus.Failed
                : roll < 14 ? TStatus.Active
                : roll < 17 ? TStatus.PendingAcceptance
                : roll < 19 ? TStatus.Deleted
                : TStatus.Rejected;
            t.Peerings.Add(new TPeering($"r{seed}-pcx{a}-{b}", req.Name, acc.Name) { Status = status });
        }

        // NAT gateways in some VPCs with an internet gateway.
        foreach (var vpc in t.Vpcs.Where(v => v.InternetGateway))
        {
            if (rnd.Next(4) == 0)
            {
                t.Nats.Add(new TNat(vpc.Name + "-nat", vpc.Subnets[0].Name));
            }
        }

        foreach (var vpc in t.Vpcs)
        {
            foreach (var table in vpc.Tables)
            {
                var used = new HashSet<string>(StringComparer.Ordinal);
                void Add(TRoute r)
                {
                    if (used.Add(r.Destination))
                    {
                        table.Routes.Add(r);
                    }
                }

                var nat = t.Nats.FirstOrDefault(n => vpc.Subnets.Any(s => s.Name == n.Subnet));
                if (nat is not null && rnd.Next(2) == 0 && vpc.Subnets.FirstOrDefault(s => s.Name == nat.Subnet)?.Table != table.Name)
                {
                    Add(new TRoute("0.0.0.0/0", TTarget.NatGateway, nat.Name));
                }
                else if (vpc.InternetGateway && rnd.Next(3) > 0)
                {
                    Add(new TRoute("0.0.0.0/0", TTarget.InternetGateway));
                    if (vpc.Ipv6Cidr is not null && rnd.Next(2) == 0)
                    {
                        Add(new TRoute("::/0", TTarget.InternetGateway));
                    }
                }

                if (rnd.Next(6) == 0)
                {
                    Add(new TRoute("172.16.0.0/12", TTarget.TransitGateway, $"r{seed}-shared-tgw"));
                }

                if (vpc.VpnGateway && rnd.Next(2) == 0)
                {
                    Add(new TRoute("192.168.0.0/16", TTarget.VpnGateway));
                }

                if (vpc.Ipv6Cidr is not null && rnd.Next(3) == 0)
                {
                    Add(new TRoute("::/0", TTarget.EgressOnlyInternetGateway));
                }

                foreach (var p in t.Peerings.Where(p => p.Requester == vpc.Name || p.Accepter == vpc.Name))
                {
                    var peer = t.Vpc(p.Requester == vpc.Name ? p.Accepter : p.Requester);
                    if (p.Status is TStatus.Failed or TStatus.Rejected || rnd.Next(4) == 0)
                    {
                        continue;
                    }

                    if (p.Status == TStatus.Deleted)
                    {
                        Add(new TRoute(peer.Cidr, TTarget.Blackhole, p.Name));
                        continue;
                    }

                    string prefix = peer.Cidr.Split('/')[0];
                    string dest = rnd.Next(5) switch
                    {
                        0 => prefix + "/24",
                        1 => prefix.Substring(0, prefix.LastIndexOf('.', prefix.LastIndexOf('.') - 1)) + ".0.0/20",
                        _ => peer.Cidr,
                    };
                    Add(new TRoute(dest, TTarget.Peering, p.Name));
                    if (peer.Ipv6Cidr is not null && vpc.Ipv6Cidr is not null && rnd.Next(3) > 0)
                    {
                        Add(new TRoute(peer.Ipv6Cidr, TTarget.Peering, p.Name));
                    }
                }
            }

            foreach (var g in vpc.Groups)
            {
                int rules = rnd.Next(0, 4);
                for (int r = 0; r < rules; r++)
                {
                    var peerVpc = t.Vpcs[rnd.Next(count)];
                    g.Ingress.Add(rnd.Next(6) switch
                    {
                        0 => new TRule(TProtocol.Tcp, 22, 22, "0.0.0.0/0"),
                        1 => new TRule(TProtocol.Icmp, -1, -1, peerVpc.Cidr),
                        2 => new TRule(TProtocol.All, -1, -1, null, vpc.Groups[rnd.Next(vpc.Groups.Count)].Name),
                        3 => new TRule(TProtocol.Tcp, 443, 443, "::/0"),
                        4 => new TRule(TProtocol.Udp, 53, 53, peerVpc.Cidr),
                        _ => peerVpc.Ipv6Cidr is null ? new TRule(TProtocol.Tcp, 22, 22, peerVpc.Cidr) : new TRule(TProtocol.Icmpv6, -1, -1, peerVpc.Ipv6Cidr),
                    });
                }

                var distinct = g.Ingress.Distinct().ToList();
                g.Ingress.Clear();
                g.Ingress.AddRange(distinct);
            }

            int instances = rnd.Next(0, 3);
            for (int i = 0; i < instances; i++)
            {
                var subnet = vpc.Subnets[rnd.Next(vpc.Subnets.Count)];
                string baseIp = subnet.Cidr.Split('/')[0];
                string ip = baseIp.Substring(0, baseIp.LastIndexOf('.')) + "." + (10 + i).ToString(CultureInfo.InvariantCulture);
                vpc.Instances.Add(new TInstance($"{vpc.Name}-i{i}", subnet.Name, ip)
                {
                    Groups = { vpc.Groups[rnd.Next(vpc.Groups.Count)].Name },
                    PublicIp = !vpc.InternetGateway ? TPublicIp.None : (TPublicIp)rnd.Next(3),
                });
            }
        }

        return t;
    }
}
