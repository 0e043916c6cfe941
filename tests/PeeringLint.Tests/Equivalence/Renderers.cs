using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeeringLint.Tests.Equivalence;

/// <summary>One topology in one form: the files, and every id the renderer made up mapped back to its neutral name.</summary>
public sealed record Rendering(Form Form, IReadOnlyList<(string Path, string Text)> Files, IReadOnlyDictionary<string, string> Aliases);

/// <summary>Deterministic AWS-style ids derived from neutral names (FNV-1a, 17 hex digits as AWS prints them).</summary>
public static class AwsIds
{
    public static string Of(string prefix, string name)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in prefix + "/" + name)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return prefix + "-0" + (h & 0xFFFFFFFFFFFFFFFUL).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>A public address in 3.80.0.0/12 (Amazon's), stable per name.</summary>
    public static string PublicIp(string name)
    {
        string id = Of("ip", name);
        int a = Convert.ToInt32(id.Substring(id.Length - 2), 16), b = Convert.ToInt32(id.Substring(id.Length - 4, 2), 16);
        return $"3.{80 + (a % 16)}.{b}.{1 + (a % 250)}";
    }
}

public static class Renderers
{
    public static Rendering Render(Topology t, Form form) => form switch
    {
        Form.TutorialYaml => TutorialYaml(t),
        Form.AwsJson => AwsJson(t),
        Form.CfnJson => new Rendering(form, new[] { ("template.json", Cfn.Template(t).ToJsonString(new JsonSerializerOptions { WriteIndented = true })) }, Cfn.Aliases(t)),
        Form.CfnYaml => new Rendering(form, new[] { ("template.yaml", Yaml.Emit(Cfn.Template(t))) }, Cfn.Aliases(t)),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "the C# form is rendered by the analyzer tests"),
    };

    internal static string Q(string s) => JsonSerializer.Serialize(s);

    internal static string ProtocolName(TProtocol p) => p switch
    {
        TProtocol.All => "all",
        TProtocol.Tcp => "tcp",
        TProtocol.Udp => "udp",
        TProtocol.Icmp => "icmp",
        _ => "icmpv6",
    };

    internal static string AwsProtocol(TProtocol p) => p switch
    {
        TProtocol.All => "-1",
        TProtocol.Tcp => "tcp",
        TProtocol.Udp => "udp",
        TProtocol.Icmp => "icmp",
        _ => "icmpv6",
    };

    internal static int ProtocolNumber(TProtocol p) => p switch
    {
        TProtocol.All => -1,
        TProtocol.Tcp => 6,
        TProtocol.Udp => 17,
        TProtocol.Icmp => 1,
        _ => 58,
    };

    internal static bool HasPorts(TProtocol p) => p is TProtocol.Tcp or TProtocol.Udp;

    internal static string StatusCode(TStatus s) => s switch
    {
        TStatus.Active => "active",
        TStatus.PendingAcceptance => "pending-acceptance",
        TStatus.Failed => "failed",
        TStatus.Rejected => "rejected",
        _ => "deleted",
    };

    // ---------------------------------------------------------------- tutorial YAML

    private static Rendering TutorialYaml(Topology t)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var sb = new StringBuilder();
        sb.Append("name: ").Append(Q(t.Name)).Append('\n');
        sb.Append("account: \"").Append(Topology.HomeAccount).Append("\"\nregion: ").Append(Topology.Region).Append('\n');
        sb.Append("vpcs:\n");
        foreach (var v in t.Vpcs)
        {
            Alias(aliases, v.Name);
            sb.Append("  - name: ").Append(Q(v.Name)).Append('\n');
            sb.Append("    cidr: ").Append(v.Cidr).Append('\n');
            if (v.Ipv6Cidr is not null)
            {
                sb.Append("    ipv6_cidr: ").Append(Q(v.Ipv6Cidr)).Append('\n');
            }

            if (v.Account != Topology.HomeAccount)
            {
                sb.Append("    account: \"").Append(v.Account).Append("\"\n");
            }

            if (v.Region != Topology.Region)
            {
                sb.Append("    region: ").Append(v.Region).Append('\n');
            }

            if (v.InternetGateway)
            {
                Alias(aliases, v.IgwName);
                sb.Append("    internet_gateway: ").Append(Q(v.IgwName)).Append('\n');
            }

            sb.Append("    subnets:\n");
            foreach (var s in v.Subnets)
            {
                Alias(aliases, s.Name);
                sb.Append("      - { name: ").Append(Q(s.Name)).Append(", cidr: ").Append(s.Cidr).Append(", az: ").Append(v.Zone);
                if (s.Ipv6Cidr is not null)
                {
                    sb.Append(", ipv6_cidr: ").Append(Q(s.Ipv6Cidr));
                }

                sb.Append(", public_ip_on_launch: ").Append(s.MapPublicIpOnLaunch ? "true" : "false");
                if (s.Table is not null)
                {
                    sb.Append(", route_table: ").Append(Q(s.Table));
                }

                if (s.Acl is not null)
                {
                    sb.Append(", network_acl: ").Append(Q(s.Acl));
                }

                sb.Append(" }\n");
            }

            sb.Append("    route_tables:\n");
            foreach (var r in v.Tables)
            {
                Alias(aliases, r.Name);
                sb.Append("      - name: ").Append(Q(r.Name)).Append("\n        routes:\n");
                foreach (var route in r.Routes)
                {
                    string target = route.Kind switch
                    {
                        TTarget.InternetGateway => Q(v.IgwName),
                        TTarget.Peering => Q(route.Target!),
                        TTarget.NatGateway => AliasId(aliases, "nat", route.Target!),
                        TTarget.VpnGateway => AliasId(aliases, "vgw", v.VgwName),
                        TTarget.TransitGateway => AliasId(aliases, "tgw", route.Target!),
                        TTarget.EgressOnlyInternetGateway => AliasId(aliases, "eigw", v.EigwName),
                        _ => AliasId(aliases, "pcx", route.Target!),
                    };
                    sb.Append("          - { destination: ").Append(Q(route.Destination)).Append(", target: ").Append(target);
                    if (route.Kind == TTarget.Blackhole)
                    {
                        sb.Append(", state: blackhole");
                    }

                    sb.Append(" }\n");
                }

                if (r.Routes.Count == 0)
                {
                    sb.Append("          []\n");
                }
            }

            if (v.Tables.Count == 0)
            {
                sb.Append("      []\n");
            }

            sb.Append("    security_groups:\n");
            foreach (var g in v.Groups)
            {
                Alias(aliases, g.Name);
                sb.Append("      - name: ").Append(Q(g.Name)).Append("\n        ingress:\n");
                foreach (var rule in g.Ingress)
                {
                    sb.Append("          - { protocol: ").Append(ProtocolName(rule.Protocol));
                    if (HasPorts(rule.Protocol))
                    {
                        sb.Append(", ports: ").Append(Q(rule.From + "-" + rule.To));
                    }

                    sb.Append(", source: ").Append(Q(rule.Cidr ?? rule.Group!)).Append(" }\n");
                }

                if (g.Ingress.Count == 0)
                {
                    sb.Append("          []\n");
                }
            }

            if (v.Groups.Count == 0)
            {
                sb.Append("      []\n");
            }

            if (v.Acls.Count > 0)
            {
                sb.Append("    network_acls:\n");
                foreach (var a in v.Acls)
                {
                    Alias(aliases, a.Name);
                    sb.Append("      - name: ").Append(Q(a.Name)).Append('\n');
                    foreach (bool egress in new[] { false, true })
                    {
                        sb.Append(egress ? "        outbound:\n" : "        inbound:\n");
                        var entries = a.Entries.Where(e => e.Egress == egress).ToList();
                        foreach (var e in entries)
                        {
                            sb.Append("          - { rule: ").Append(e.Rule).Append(", protocol: ").Append(ProtocolName(e.Protocol));
                            if (HasPorts(e.Protocol))
                            {
                                sb.Append(", ports: ").Append(Q(e.From + "-" + e.To));
                            }

                            sb.Append(", cidr: ").Append(Q(e.Cidr)).Append(", action: ").Append(e.Allow ? "allow" : "deny").Append(" }\n");
                        }

                        if (entries.Count == 0)
                        {
                            sb.Append("          []\n");
                        }
                    }
                }
            }

            sb.Append("    instances:\n");
            foreach (var i in v.Instances)
            {
                Alias(aliases, i.Name);
                sb.Append("      - { name: ").Append(Q(i.Name)).Append(", subnet: ").Append(Q(i.Subnet)).Append(", private_ip: ").Append(i.PrivateIp);
                if (i.PublicIp != TPublicIp.ElasticIp)
                {
                    sb.Append(", public_ip: ").Append(i.PublicIp == TPublicIp.Auto ? "auto" : "none");
                }

                sb.Append(", security_groups: [").Append(string.Join(", ", i.Groups.Select(Q))).Append("] }\n");
            }

            if (v.Instances.Count == 0)
            {
                sb.Append("      []\n");
            }
        }

        sb.Append("peerings:\n");
        foreach (var p in t.Peerings)
        {
            Alias(aliases, p.Name);
            sb.Append("  - { name: ").Append(Q(p.Name)).Append(", requester: ").Append(Q(p.Requester)).Append(", accepter: ").Append(Q(p.Accepter))
                .Append(", status: ").Append(StatusCode(p.Status)).Append(" }\n");
        }

        if (t.Peerings.Count == 0)
        {
            sb.Append("  []\n");
        }

        var eips = t.Vpcs.SelectMany(v => v.Instances).Where(i => i.PublicIp == TPublicIp.ElasticIp).ToList();
        if (eips.Count > 0)
        {
            sb.Append("elastic_ips:\n");
            foreach (var i in eips)
            {
                Alias(aliases, i.EipName);
                sb.Append("  - { name: ").Append(Q(i.EipName)).Append(", public_ip: ").Append(AwsIds.PublicIp(i.EipName)).Append(", instance: ").Append(Q(i.Name)).Append(" }\n");
            }
        }

        return new Rendering(Form.TutorialYaml, new[] { ("topology.yaml", sb.ToString()) }, aliases);
    }

    private static void Alias(Dictionary<string, string> aliases, string name) => aliases[name] = name;

    private static string AliasId(Dictionary<string, string> aliases, string prefix, string name)
    {
        string id = AwsIds.Of(prefix, name);
        aliases[id] = name;
        return id;
    }

    // ---------------------------------------------------------------- AWS describe-* JSON

    private static JsonArray Tags(string name) => new() { new JsonObject { ["Key"] = "Name", ["Value"] = name } };

    private static JsonArray Arr(IEnumerable<JsonNode?> items) => new(items.ToArray());

    private static Rendering AwsJson(Topology t)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        string Id(string prefix, string name)
        {
            string id = AwsIds.Of(prefix, name);
            aliases[id] = name;
            return id;
        }

        var vpcs = new JsonArray();
        var subnets = new JsonArray();
        var tables = new JsonArray();
        var igws = new JsonArray();
        var groups = new JsonArray();
        var acls = new JsonArray();
        var reservations = new JsonArray();
        var addresses = new JsonArray();
        var enis = new JsonArray();
        var nats = new JsonArray();
        var peerings = new JsonArray();

        foreach (var v in t.Vpcs)
        {
            string vpcId = Id("vpc", v.Name);
            var vpc = new JsonObject
            {
                ["CidrBlock"] = v.Cidr,
                ["DhcpOptionsId"] = "dopt-0a1b2c3d",
                ["State"] = "available",
                ["VpcId"] = vpcId,
                ["OwnerId"] = v.Account,
                ["InstanceTenancy"] = "default",
                ["CidrBlockAssociationSet"] = new JsonArray { new JsonObject { ["AssociationId"] = AwsIds.Of("vpc-cidr-assoc", v.Name), ["CidrBlock"] = v.Cidr, ["CidrBlockState"] = new JsonObject { ["State"] = "associated" } } },
                ["IsDefault"] = false,
                ["Tags"] = Tags(v.Name),
            };
            if (v.Ipv6Cidr is not null)
            {
                vpc["Ipv6CidrBlockAssociationSet"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["AssociationId"] = AwsIds.Of("vpc-cidr-assoc", v.Name + "/6"), ["Ipv6CidrBlock"] = v.Ipv6Cidr,
                        ["Ipv6CidrBlockState"] = new JsonObject { ["State"] = "associated" }, ["NetworkBorderGroup"] = v.Region, ["Ipv6Pool"] = "Amazon",
                    },
                };
            }

            vpcs.Add(vpc);

            foreach (var s in v.Subnets)
            {
                var sub = new JsonObject
                {
                    ["AvailabilityZone"] = v.Zone,
                    ["AvailabilityZoneId"] = v.Region == Topology.Region ? "use1-az1" : "usw2-az1",
                    ["AvailableIpAddressCount"] = 250,
                    ["CidrBlock"] = s.Cidr,
                    ["DefaultForAz"] = false,
                    ["MapPublicIpOnLaunch"] = s.MapPublicIpOnLaunch,
                    ["State"] = "available",
                    ["SubnetId"] = Id("subnet", s.Name),
                    ["VpcId"] = vpcId,
                    ["OwnerId"] = v.Account,
                    ["AssignIpv6AddressOnCreation"] = false,
                    ["Ipv6CidrBlockAssociationSet"] = s.Ipv6Cidr is null
                        ? new JsonArray()
                        : new JsonArray { new JsonObject { ["AssociationId"] = AwsIds.Of("subnet-cidr-assoc", s.Name), ["Ipv6CidrBlock"] = s.Ipv6Cidr, ["Ipv6CidrBlockState"] = new JsonObject { ["State"] = "associated" } } },
                    ["Tags"] = Tags(s.Name),
                    ["SubnetArn"] = $"arn:aws:ec2:{v.Region}:{v.Account}:subnet/{AwsIds.Of("subnet", s.Name)}",
                };
                subnets.Add(sub);
            }

            JsonArray LocalRoutes()
            {
                var routes = new JsonArray { new JsonObject { ["DestinationCidrBlock"] = v.Cidr, ["GatewayId"] = "local", ["Origin"] = "CreateRouteTable", ["State"] = "active" } };
                if (v.Ipv6Cidr is not null)
                {
                    routes.Add(new JsonObject { ["DestinationIpv6CidrBlock"] = v.Ipv6Cidr, ["GatewayId"] = "local", ["Origin"] = "CreateRouteTable", ["State"] = "active" });
                }

                return routes;
            }

            string mainId = AwsIds.Of("rtb", v.Name + "/main");
            tables.Add(new JsonObject
            {
                ["Associations"] = new JsonArray { new JsonObject { ["Main"] = true, ["RouteTableAssociationId"] = AwsIds.Of("rtbassoc", v.Name + "/main"), ["RouteTableId"] = mainId, ["AssociationState"] = new JsonObject { ["State"] = "associated" } } },
                ["PropagatingVgws"] = new JsonArray(),
                ["RouteTableId"] = mainId,
                ["Routes"] = LocalRoutes(),
                ["Tags"] = new JsonArray(),
                ["VpcId"] = vpcId,
                ["OwnerId"] = v.Account,
            });
            foreach (var r in v.Tables)
            {
                string rtbId = Id("rtb", r.Name);
                var routes = LocalRoutes();
                foreach (var route in r.Routes)
                {
                    var o = new JsonObject { [route.IsIpv6 ? "DestinationIpv6CidrBlock" : "DestinationCidrBlock"] = route.Destination };
                    switch (route.Kind)
                    {
                        case TTarget.InternetGateway: o["GatewayId"] = Id("igw", v.IgwName); break;
                        case TTarget.Peering: o["VpcPeeringConnectionId"] = Id("pcx", route.Target!); break;
                        case TTarget.NatGateway: o["NatGatewayId"] = Id("nat", route.Target!); break;
                        case TTarget.VpnGateway: o["GatewayId"] = Id("vgw", v.VgwName); break;
                        case TTarget.TransitGateway: o["TransitGatewayId"] = Id("tgw", route.Target!); break;
                        case TTarget.EgressOnlyInternetGateway: o["EgressOnlyInternetGatewayId"] = Id("eigw", v.EigwName); break;
                        default: o["VpcPeeringConnectionId"] = Id("pcx", route.Target!); break;
                    }

                    o["Origin"] = "CreateRoute";
                    o["State"] = route.Kind == TTarget.Blackhole ? "blackhole" : "active";
                    routes.Add(o);
                }

                var assoc = new JsonArray();
                foreach (var s in v.Subnets.Where(s => s.Table == r.Name))
                {
                    assoc.Add(new JsonObject { ["Main"] = false, ["RouteTableAssociationId"] = AwsIds.Of("rtbassoc", s.Name), ["RouteTableId"] = rtbId, ["SubnetId"] = AwsIds.Of("subnet", s.Name), ["AssociationState"] = new JsonObject { ["State"] = "associated" } });
                }

                tables.Add(new JsonObject { ["Associations"] = assoc, ["PropagatingVgws"] = new JsonArray(), ["RouteTableId"] = rtbId, ["Routes"] = routes, ["Tags"] = Tags(r.Name), ["VpcId"] = vpcId, ["OwnerId"] = v.Account });
            }

            if (v.InternetGateway)
            {
                igws.Add(new JsonObject
                {
                    ["Attachments"] = new JsonArray { new JsonObject { ["State"] = "available", ["VpcId"] = vpcId } },
                    ["InternetGatewayId"] = Id("igw", v.IgwName),
                    ["OwnerId"] = v.Account,
                    ["Tags"] = Tags(v.IgwName),
                });
            }

            JsonObject AllEgress() => new()
            {
                ["IpProtocol"] = "-1", ["IpRanges"] = new JsonArray { new JsonObject { ["CidrIp"] = "0.0.0.0/0" } },
                ["Ipv6Ranges"] = new JsonArray(), ["PrefixListIds"] = new JsonArray(), ["UserIdGroupPairs"] = new JsonArray(),
            };

            string defaultSg = AwsIds.Of("sg", v.Name + "/default");
            groups.Add(new JsonObject
            {
                ["Description"] = "default VPC security group",
                ["GroupName"] = "default",
                ["IpPermissions"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["IpProtocol"] = "-1", ["IpRanges"] = new JsonArray(), ["Ipv6Ranges"] = new JsonArray(), ["PrefixListIds"] = new JsonArray(),
                        ["UserIdGroupPairs"] = new JsonArray { new JsonObject { ["GroupId"] = defaultSg, ["UserId"] = v.Account } },
                    },
                },
                ["OwnerId"] = v.Account,
                ["GroupId"] = defaultSg,
                ["IpPermissionsEgress"] = new JsonArray { AllEgress() },
                ["VpcId"] = vpcId,
            });
            foreach (var g in v.Groups)
            {
                var perms = new JsonArray();
                foreach (var rule in g.Ingress)
                {
                    var p = new JsonObject { ["IpProtocol"] = AwsProtocol(rule.Protocol) };
                    if (rule.Protocol != TProtocol.All)
                    {
                        p["FromPort"] = HasPorts(rule.Protocol) ? rule.From : -1;
                        p["ToPort"] = HasPorts(rule.Protocol) ? rule.To : -1;
                    }

                    bool v6 = rule.Cidr?.Contains(':', StringComparison.Ordinal) == true;
                    p["IpRanges"] = rule.Cidr is not null && !v6 ? new JsonArray { new JsonObject { ["CidrIp"] = rule.Cidr } } : new JsonArray();
                    p["Ipv6Ranges"] = v6 ? new JsonArray { new JsonObject { ["CidrIpv6"] = rule.Cidr } } : new JsonArray();
                    p["PrefixListIds"] = new JsonArray();
                    p["UserIdGroupPairs"] = rule.Group is not null ? new JsonArray { new JsonObject { ["GroupId"] = Id("sg", rule.Group), ["UserId"] = v.Account } } : new JsonArray();
                    perms.Add(p);
                }

                groups.Add(new JsonObject
                {
                    ["Description"] = g.Name,
                    ["GroupName"] = g.Name,
                    ["IpPermissions"] = perms,
                    ["OwnerId"] = v.Account,
                    ["GroupId"] = Id("sg", g.Name),
                    ["IpPermissionsEgress"] = new JsonArray { AllEgress() },
                    ["Tags"] = Tags(g.Name),
                    ["VpcId"] = vpcId,
                });
            }

            JsonArray DenyAll(bool v6)
            {
                var list = new JsonArray();
                foreach (bool egress in new[] { true, false })
                {
                    list.Add(new JsonObject { ["CidrBlock"] = "0.0.0.0/0", ["Egress"] = egress, ["Protocol"] = "-1", ["RuleAction"] = "deny", ["RuleNumber"] = 32767 });
                    if (v6)
                    {
                        list.Add(new JsonObject { ["Egress"] = egress, ["Ipv6CidrBlock"] = "::/0", ["Protocol"] = "-1", ["RuleAction"] = "deny", ["RuleNumber"] = 32768 });
                    }
                }

                return list;
            }

            bool hasV6 = v.Ipv6Cidr is not null;
            var defaultEntries = DenyAll(hasV6);
            foreach (bool egress in new[] { true, false })
            {
                defaultEntries.Add(new JsonObject { ["CidrBlock"] = "0.0.0.0/0", ["Egress"] = egress, ["Protocol"] = "-1", ["RuleAction"] = "allow", ["RuleNumber"] = 100 });
                if (hasV6)
                {
                    defaultEntries.Add(new JsonObject { ["Egress"] = egress, ["Ipv6CidrBlock"] = "::/0", ["Protocol"] = "-1", ["RuleAction"] = "allow", ["RuleNumber"] = 101 });
                }
            }

            string defaultAcl = AwsIds.Of("acl", v.Name + "/default");
            acls.Add(new JsonObject
            {
                ["Associations"] = Arr(v.Subnets.Where(s => s.Acl is null).Select(s => (JsonNode)new JsonObject { ["NetworkAclAssociationId"] = AwsIds.Of("aclassoc", s.Name), ["NetworkAclId"] = defaultAcl, ["SubnetId"] = AwsIds.Of("subnet", s.Name) })),
                ["Entries"] = defaultEntries,
                ["IsDefault"] = true,
                ["NetworkAclId"] = defaultAcl,
                ["Tags"] = new JsonArray(),
                ["VpcId"] = vpcId,
                ["OwnerId"] = v.Account,
            });
            foreach (var a in v.Acls)
            {
                string aclId = Id("acl", a.Name);
                var entries = DenyAll(hasV6);
                foreach (var e in a.Entries)
                {
                    var o = new JsonObject
                    {
                        [e.Cidr.Contains(':', StringComparison.Ordinal) ? "Ipv6CidrBlock" : "CidrBlock"] = e.Cidr,
                        ["Egress"] = e.Egress,
                        ["Protocol"] = ProtocolNumber(e.Protocol).ToString(CultureInfo.InvariantCulture),
                        ["RuleAction"] = e.Allow ? "allow" : "deny",
                        ["RuleNumber"] = e.Rule,
                    };
                    if (HasPorts(e.Protocol))
                    {
                        o["PortRange"] = new JsonObject { ["From"] = e.From, ["To"] = e.To };
                    }
                    else if (e.Protocol is TProtocol.Icmp or TProtocol.Icmpv6)
                    {
                        o["IcmpTypeCode"] = new JsonObject { ["Code"] = -1, ["Type"] = -1 };
                    }

                    entries.Add(o);
                }

                acls.Add(new JsonObject
                {
                    ["Associations"] = Arr(v.Subnets.Where(s => s.Acl == a.Name).Select(s => (JsonNode)new JsonObject { ["NetworkAclAssociationId"] = AwsIds.Of("aclassoc", s.Name), ["NetworkAclId"] = aclId, ["SubnetId"] = AwsIds.Of("subnet", s.Name) })),
                    ["Entries"] = entries,
                    ["IsDefault"] = false,
                    ["NetworkAclId"] = aclId,
                    ["Tags"] = Tags(a.Name),
                    ["VpcId"] = vpcId,
                    ["OwnerId"] = v.Account,
                });
            }

            foreach (var i in v.Instances)
            {
                string instanceId = Id("i", i.Name);
                string eni = AwsIds.Of("eni", i.Name);
                string? publicIp = i.PublicIp switch
                {
                    TPublicIp.Auto => AwsIds.PublicIp(i.Name),
                    TPublicIp.ElasticIp => AwsIds.PublicIp(i.EipName),
                    _ => null,
                };
                var sgs = Arr(i.Groups.Select(g => (JsonNode)new JsonObject { ["GroupName"] = g, ["GroupId"] = AwsIds.Of("sg", g) }));
                var nic = new JsonObject
                {
                    ["Attachment"] = new JsonObject { ["AttachmentId"] = AwsIds.Of("eni-attach", i.Name), ["DeleteOnTermination"] = true, ["DeviceIndex"] = 0, ["Status"] = "attached" },
                    ["Groups"] = sgs.DeepClone(),
                    ["NetworkInterfaceId"] = eni,
                    ["OwnerId"] = v.Account,
                    ["PrivateIpAddress"] = i.PrivateIp,
                    ["PrivateIpAddresses"] = new JsonArray { new JsonObject { ["Primary"] = true, ["PrivateIpAddress"] = i.PrivateIp } },
                    ["SourceDestCheck"] = true,
                    ["Status"] = "in-use",
                    ["SubnetId"] = AwsIds.Of("subnet", i.Subnet),
                    ["VpcId"] = vpcId,
                    ["InterfaceType"] = "interface",
                };
                if (publicIp is not null)
                {
                    nic["Association"] = new JsonObject { ["IpOwnerId"] = i.PublicIp == TPublicIp.Auto ? "amazon" : v.Account, ["PublicIp"] = publicIp };
                }

                var inst = new JsonObject
                {
                    ["ImageId"] = "ami-0abcdef1234567890",
                    ["InstanceId"] = instanceId,
                    ["InstanceType"] = "t3.micro",
                    ["Placement"] = new JsonObject { ["AvailabilityZone"] = v.Zone, ["Tenancy"] = "default" },
                    ["PrivateIpAddress"] = i.PrivateIp,
                    ["State"] = new JsonObject { ["Code"] = 16, ["Name"] = "running" },
                    ["SubnetId"] = AwsIds.Of("subnet", i.Subnet),
                    ["VpcId"] = vpcId,
                    ["NetworkInterfaces"] = new JsonArray { nic },
                    ["SecurityGroups"] = sgs,
                    ["Tags"] = Tags(i.Name),
                };
                if (publicIp is not null)
                {
                    inst["PublicIpAddress"] = publicIp;
                }

                reservations.Add(new JsonObject { ["Groups"] = new JsonArray(), ["Instances"] = new JsonArray { inst }, ["OwnerId"] = v.Account, ["ReservationId"] = AwsIds.Of("r", i.Name) });
                var eniRecord = nic.DeepClone().AsObject();
                eniRecord.Remove("Attachment");
                eniRecord["Attachment"] = new JsonObject { ["AttachmentId"] = AwsIds.Of("eni-attach", i.Name), ["DeviceIndex"] = 0, ["InstanceId"] = instanceId, ["InstanceOwnerId"] = v.Account, ["Status"] = "attached" };
                eniRecord["AvailabilityZone"] = v.Zone;
                enis.Add(eniRecord);
                if (i.PublicIp == TPublicIp.ElasticIp)
                {
                    addresses.Add(new JsonObject
                    {
                        ["InstanceId"] = instanceId,
                        ["PublicIp"] = publicIp,
                        ["AllocationId"] = Id("eipalloc", i.EipName),
                        ["AssociationId"] = AwsIds.Of("eipassoc", i.EipName),
                        ["Domain"] = "vpc",
                        ["NetworkInterfaceId"] = eni,
                        ["NetworkInterfaceOwnerId"] = v.Account,
                        ["PrivateIpAddress"] = i.PrivateIp,
                        ["Tags"] = Tags(i.EipName),
                        ["PublicIpv4Pool"] = "amazon",
                        ["NetworkBorderGroup"] = v.Region,
                    });
                }
            }
        }

        foreach (var n in t.Nats)
        {
            var v = t.VpcOfSubnet(n.Subnet);
            string eni = AwsIds.Of("eni", n.Name);
            string ip = AwsIds.PublicIp(n.EipName);
            string privateIp = NatPrivateIp(v, n);
            nats.Add(new JsonObject
            {
                ["CreateTime"] = "2024-06-14T10:05:11+00:00",
                ["NatGatewayAddresses"] = new JsonArray
                {
                    new JsonObject { ["AllocationId"] = Id("eipalloc", n.EipName), ["NetworkInterfaceId"] = eni, ["PrivateIp"] = privateIp, ["PublicIp"] = ip, ["AssociationId"] = AwsIds.Of("eipassoc", n.EipName), ["IsPrimary"] = true, ["Status"] = "succeeded" },
                },
                ["NatGatewayId"] = Id("nat", n.Name),
                ["State"] = "available",
                ["SubnetId"] = AwsIds.Of("subnet", n.Subnet),
                ["VpcId"] = AwsIds.Of("vpc", v.Name),
                ["Tags"] = Tags(n.Name),
                ["ConnectivityType"] = "public",
            });
            addresses.Add(new JsonObject
            {
                ["PublicIp"] = ip,
                ["AllocationId"] = Id("eipalloc", n.EipName),
                ["AssociationId"] = AwsIds.Of("eipassoc", n.EipName),
                ["Domain"] = "vpc",
                ["NetworkInterfaceId"] = eni,
                ["NetworkInterfaceOwnerId"] = v.Account,
                ["PrivateIpAddress"] = privateIp,
                ["Tags"] = Tags(n.EipName),
                ["PublicIpv4Pool"] = "amazon",
                ["NetworkBorderGroup"] = v.Region,
            });
            enis.Add(new JsonObject
            {
                ["AvailabilityZone"] = v.Zone,
                ["Description"] = "Interface for NAT Gateway " + AwsIds.Of("nat", n.Name),
                ["Groups"] = new JsonArray(),
                ["InterfaceType"] = "nat_gateway",
                ["NetworkInterfaceId"] = eni,
                ["OwnerId"] = v.Account,
                ["PrivateIpAddress"] = privateIp,
                ["PrivateIpAddresses"] = new JsonArray { new JsonObject { ["Primary"] = true, ["PrivateIpAddress"] = privateIp } },
                ["RequesterManaged"] = true,
                ["Association"] = new JsonObject { ["AllocationId"] = AwsIds.Of("eipalloc", n.EipName), ["AssociationId"] = AwsIds.Of("eipassoc", n.EipName), ["IpOwnerId"] = v.Account, ["PublicIp"] = ip },
                ["Status"] = "in-use",
                ["SubnetId"] = AwsIds.Of("subnet", n.Subnet),
                ["VpcId"] = AwsIds.Of("vpc", v.Name),
            });
        }

        foreach (var p in t.Peerings)
        {
            var req = t.Vpc(p.Requester);
            var acc = t.Vpc(p.Accepter);
            bool active = p.Status == TStatus.Active;
            JsonObject Side(TVpc v, bool withBlocks)
            {
                var o = new JsonObject { ["OwnerId"] = v.Account, ["VpcId"] = AwsIds.Of("vpc", v.Name), ["Region"] = v.Region };
                if (withBlocks)
                {
                    o["CidrBlock"] = v.Cidr;
                    o["CidrBlockSet"] = new JsonArray { new JsonObject { ["CidrBlock"] = v.Cidr } };
                    if (v.Ipv6Cidr is not null)
                    {
                        o["Ipv6CidrBlockSet"] = new JsonArray { new JsonObject { ["Ipv6CidrBlock"] = v.Ipv6Cidr } };
                    }

                    if (active)
                    {
                        o["PeeringOptions"] = new JsonObject { ["AllowDnsResolutionFromRemoteVpc"] = false, ["AllowEgressFromLocalClassicLinkToRemoteVpc"] = false, ["AllowEgressFromLocalVpcToRemoteClassicLink"] = false };
                    }
                }

                return o;
            }

            string message = p.Status switch
            {
                TStatus.Active => "Active",
                TStatus.PendingAcceptance => "Pending Acceptance by " + acc.Account,
                TStatus.Failed => "Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range",
                TStatus.Rejected => "Rejected by " + acc.Account,
                _ => "Deleted by " + req.Account,
            };
            var record = new JsonObject
            {
                // AWS reports the accepter's blocks once it has accepted; the requester's from the start (not after deletion).
                ["AccepterVpcInfo"] = Side(acc, active),
                ["RequesterVpcInfo"] = Side(req, p.Status != TStatus.Deleted),
                ["Status"] = new JsonObject { ["Code"] = StatusCode(p.Status), ["Message"] = message },
                ["Tags"] = Tags(p.Name),
                ["VpcPeeringConnectionId"] = Id("pcx", p.Name),
            };
            if (p.Status == TStatus.PendingAcceptance)
            {
                record["ExpirationTime"] = "2024-06-21T10:32:15+00:00";
            }

            peerings.Add(record);
        }

        // Names of targets that are not records (a deleted peering behind a blackhole route).
        foreach (var r in t.Vpcs.SelectMany(v => v.Tables).SelectMany(r => r.Routes).Where(r => r.Kind == TTarget.Blackhole))
        {
            Id("pcx", r.Target!);
        }

        JsonObject Doc(string key, JsonArray list) => new() { [key] = list };
        var files = new List<(string, string)>
        {
            ("describe-vpcs.json", Doc("Vpcs", vpcs).ToJsonString(Indented)),
            ("describe-subnets.json", Doc("Subnets", subnets).ToJsonString(Indented)),
            ("describe-route-tables.json", Doc("RouteTables", tables).ToJsonString(Indented)),
            ("describe-internet-gateways.json", Doc("InternetGateways", igws).ToJsonString(Indented)),
            ("describe-nat-gateways.json", Doc("NatGateways", nats).ToJsonString(Indented)),
            ("describe-vpc-peering-connections.json", Doc("VpcPeeringConnections", peerings).ToJsonString(Indented)),
            ("describe-security-groups.json", Doc("SecurityGroups", groups).ToJsonString(Indented)),
            ("describe-network-acls.json", Doc("NetworkAcls", acls).ToJsonString(Indented)),
            ("describe-instances.json", Doc("Reservations", reservations).ToJsonString(Indented)),
            ("describe-addresses.json", Doc("Addresses", addresses).ToJsonString(Indented)),
            ("describe-network-interfaces.json", Doc("NetworkInterfaces", enis).ToJsonString(Indented)),
        };
        return new Rendering(Form.AwsJson, files, aliases);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The NAT gateway's private address: the subnet's fifth address (the first four are AWS's).</summary>
    internal static string NatPrivateIp(TVpc v, TNat n)
    {
        var s = v.Subnets.Single(x => x.Name == n.Subnet);
        var parts = s.Cidr.Split('/')[0].Split('.');
        return $"{parts[0]}.{parts[1]}.{parts[2]}.{int.Parse(parts[3], CultureInfo.InvariantCulture) + 5}";
    }
}
