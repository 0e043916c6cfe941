using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeeringLint.Tests.Equivalence;

/// <summary>
/// A topology as one CloudFormation template, written as people write them: Ref for ids, GetAtt for group ids and
/// allocation ids, Name tags, inline security group rules, standalone routes, associations and NACL entries.
/// The CDK form is this same template expressed with L1 constructs (<c>CfnVPC</c>, …).
/// </summary>
public static class Cfn
{
    public static string LogicalId(string kind, string name)
    {
        var sb = new StringBuilder(kind);
        bool upper = true;
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return sb.ToString();
    }

    public static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    public static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    private static JsonArray Tags(string name) => new() { new JsonObject { ["Key"] = "Name", ["Value"] = name } };

    /// <summary>Logical id (and literal id) → neutral name, for every resource that is a model element or a route target.</summary>
    public static IReadOnlyDictionary<string, string> Aliases(Topology t)
    {
        var map = Owners(t);
        foreach (var r in t.Vpcs.SelectMany(v => v.Tables).SelectMany(r => r.Routes).Where(r => r.Kind == TTarget.TransitGateway))
        {
            map[AwsIds.Of("tgw", r.Target!)] = r.Target!;
        }

        return map;
    }

    /// <summary>Logical id → the neutral name of the model element a finding at that resource belongs to.</summary>
    public static Dictionary<string, string> Owners(Topology t)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var v in t.Vpcs)
        {
            map[LogicalId("Vpc", v.Name)] = v.Name;
            if (v.Ipv6Cidr is not null)
            {
                map[LogicalId("Ipv6Block", v.Name)] = v.Name;
            }

            if (v.InternetGateway)
            {
                map[LogicalId("Igw", v.IgwName)] = v.IgwName;
                map[LogicalId("IgwAttachment", v.IgwName)] = v.IgwName;
            }

            if (v.VpnGateway)
            {
                map[LogicalId("Vgw", v.VgwName)] = v.VgwName;
                map[LogicalId("VgwAttachment", v.VgwName)] = v.VgwName;
            }

            if (v.UsesEgressOnlyGateway)
            {
                map[LogicalId("Eigw", v.EigwName)] = v.EigwName;
            }

            foreach (var s in v.Subnets)
            {
                map[LogicalId("Subnet", s.Name)] = s.Name;
                if (s.Table is not null)
                {
                    map[LogicalId("RtbAssoc", s.Name)] = s.Table;
                }

                if (s.Acl is not null)
                {
                    map[LogicalId("AclAssoc", s.Name)] = s.Acl;
                }
            }

            foreach (var r in v.Tables)
            {
                map[LogicalId("Rtb", r.Name)] = r.Name;
                for (int k = 0; k < r.Routes.Count; k++)
                {
                    map[LogicalId("Rtb", r.Name) + "Route" + k.ToString(CultureInfo.InvariantCulture)] = r.Name;
                }
            }

            foreach (var g in v.Groups)
            {
                map[LogicalId("Sg", g.Name)] = g.Name;
                for (int k = 0; k < g.Ingress.Count; k++)
                {
                    map[LogicalId("Sg", g.Name) + "Ingress" + k.ToString(CultureInfo.InvariantCulture)] = g.Name;
                }
            }

            foreach (var a in v.Acls)
            {
                map[LogicalId("Acl", a.Name)] = a.Name;
                for (int k = 0; k < a.Entries.Count; k++)
                {
                    map[LogicalId("Acl", a.Name) + "Entry" + k.ToString(CultureInfo.InvariantCulture)] = a.Name;
                }
            }

            foreach (var i in v.Instances)
            {
                map[LogicalId("Instance", i.Name)] = i.Name;
                if (i.PublicIp == TPublicIp.ElasticIp)
                {
                    map[LogicalId("Eip", i.EipName)] = i.EipName;
                }
            }
        }

        foreach (var p in t.Peerings)
        {
            map[LogicalId("Pcx", p.Name)] = p.Name;
        }

        foreach (var n in t.Nats)
        {
            map[LogicalId("Nat", n.Name)] = n.Name;
            map[LogicalId("Eip", n.EipName)] = n.EipName;
        }

        return map;
    }

    public static JsonObject Template(Topology t)
    {
        var res = new JsonObject();
        void Add(string id, string type, JsonObject props, string? dependsOn = null)
        {
            var r = new JsonObject { ["Type"] = type };
            if (dependsOn is not null)
            {
                r["DependsOn"] = dependsOn;
            }

            r["Properties"] = props;
            res[id] = r;
        }

        foreach (var v in t.Vpcs)
        {
            string vpc = LogicalId("Vpc", v.Name);
            Add(vpc, "AWS::EC2::VPC", new JsonObject { ["CidrBlock"] = v.Cidr, ["EnableDnsSupport"] = true, ["EnableDnsHostnames"] = true, ["Tags"] = Tags(v.Name) });
            string? v6 = null;
            if (v.Ipv6Cidr is not null)
            {
                v6 = LogicalId("Ipv6Block", v.Name);
                Add(v6, "AWS::EC2::VPCCidrBlock", new JsonObject { ["VpcId"] = Ref(vpc), ["Ipv6CidrBlock"] = v.Ipv6Cidr });
            }

            string? attachment = null;
            if (v.InternetGateway)
            {
                string igw = LogicalId("Igw", v.IgwName);
                attachment = LogicalId("IgwAttachment", v.IgwName);
                Add(igw, "AWS::EC2::InternetGateway", new JsonObject { ["Tags"] = Tags(v.IgwName) });
                Add(attachment, "AWS::EC2::VPCGatewayAttachment", new JsonObject { ["VpcId"] = Ref(vpc), ["InternetGatewayId"] = Ref(igw) });
            }

            string? vgwAttachment = null;
            if (v.VpnGateway)
            {
                string vgw = LogicalId("Vgw", v.VgwName);
                vgwAttachment = LogicalId("VgwAttachment", v.VgwName);
                Add(vgw, "AWS::EC2::VPNGateway", new JsonObject { ["Type"] = "ipsec.1", ["Tags"] = Tags(v.VgwName) });
                Add(vgwAttachment, "AWS::EC2::VPCGatewayAttachment", new JsonObject { ["VpcId"] = Ref(vpc), ["VpnGatewayId"] = Ref(vgw) });
            }

            if (v.UsesEgressOnlyGateway)
            {
                Add(LogicalId("Eigw", v.EigwName), "AWS::EC2::EgressOnlyInternetGateway", new JsonObject { ["VpcId"] = Ref(vpc) });
            }

            foreach (var s in v.Subnets)
            {
                string sub = LogicalId("Subnet", s.Name);
                var props = new JsonObject { ["VpcId"] = Ref(vpc), ["CidrBlock"] = s.Cidr, ["AvailabilityZone"] = v.Zone };
                if (s.Ipv6Cidr is not null)
                {
                    props["Ipv6CidrBlock"] = s.Ipv6Cidr;
                }

                props["MapPublicIpOnLaunch"] = s.MapPublicIpOnLaunch;
                props["Tags"] = Tags(s.Name);
                Add(sub, "AWS::EC2::Subnet", props, s.Ipv6Cidr is not null ? v6 : null);
                if (s.Table is not null)
                {
                    Add(LogicalId("RtbAssoc", s.Name), "AWS::EC2::SubnetRouteTableAssociation", new JsonObject { ["SubnetId"] = Ref(sub), ["RouteTableId"] = Ref(LogicalId("Rtb", s.Table)) });
                }

                if (s.Acl is not null)
                {
                    Add(LogicalId("AclAssoc", s.Name), "AWS::EC2::SubnetNetworkAclAssociation", new JsonObject { ["SubnetId"] = Ref(sub), ["NetworkAclId"] = Ref(LogicalId("Acl", s.Acl)) });
                }
            }

            foreach (var r in v.Tables)
            {
                string rtb = LogicalId("Rtb", r.Name);
                Add(rtb, "AWS::EC2::RouteTable", new JsonObject { ["VpcId"] = Ref(vpc), ["Tags"] = Tags(r.Name) });
                for (int k = 0; k < r.Routes.Count; k++)
                {
                    var route = r.Routes[k];
                    var props = new JsonObject { ["RouteTableId"] = Ref(rtb), [route.IsIpv6 ? "DestinationIpv6CidrBlock" : "DestinationCidrBlock"] = route.Destination };
                    switch (route.Kind)
                    {
                        case TTarget.InternetGateway: props["GatewayId"] = Ref(LogicalId("Igw", v.IgwName)); break;
                        case TTarget.Peering: props["VpcPeeringConnectionId"] = Ref(LogicalId("Pcx", route.Target!)); break;
                        case TTarget.NatGateway: props["NatGatewayId"] = Ref(LogicalId("Nat", route.Target!)); break;
                        case TTarget.VpnGateway: props["GatewayId"] = Ref(LogicalId("Vgw", v.VgwName)); break;
                        case TTarget.TransitGateway: props["TransitGatewayId"] = AwsIds.Of("tgw", route.Target!); break;
                        case TTarget.EgressOnlyInternetGateway: props["EgressOnlyInternetGatewayId"] = Ref(LogicalId("Eigw", v.EigwName)); break;
                        default: throw new InvalidOperationException("a blackhole route has no template form");
                    }

                    Add(rtb + "Route" + k.ToString(CultureInfo.InvariantCulture), "AWS::EC2::Route", props, route.Kind == TTarget.InternetGateway ? attachment : route.Kind == TTarget.VpnGateway ? vgwAttachment : null);
                }
            }

            foreach (var g in v.Groups)
            {
                var ingress = new JsonArray();
                foreach (var rule in g.Ingress)
                {
                    var o = new JsonObject { ["IpProtocol"] = Renderers.AwsProtocol(rule.Protocol) };
                    if (rule.Protocol != TProtocol.All)
                    {
                        o["FromPort"] = Renderers.HasPorts(rule.Protocol) ? rule.From : -1;
                        o["ToPort"] = Renderers.HasPorts(rule.Protocol) ? rule.To : -1;
                    }

                    if (rule.Group is not null)
                    {
                        // A rule naming a group is its own resource, as AWS advises: inline, a group that names
                        // itself (or two groups that name each other) is a circular dependency CloudFormation rejects.
                        o["GroupId"] = GetAtt(LogicalId("Sg", g.Name), "GroupId");
                        o["SourceSecurityGroupId"] = GetAtt(LogicalId("Sg", rule.Group), "GroupId");
                        Add(LogicalId("Sg", g.Name) + "Ingress" + g.Ingress.IndexOf(rule).ToString(CultureInfo.InvariantCulture), "AWS::EC2::SecurityGroupIngress", o);
                    }
                    else
                    {
                        o[rule.Cidr!.Contains(':', StringComparison.Ordinal) ? "CidrIpv6" : "CidrIp"] = rule.Cidr;
                        ingress.Add(o);
                    }
                }

                var props = new JsonObject { ["GroupDescription"] = g.Name, ["VpcId"] = Ref(vpc) };
                if (ingress.Count > 0)
                {
                    props["SecurityGroupIngress"] = ingress;
                }

                props["Tags"] = Tags(g.Name);
                Add(LogicalId("Sg", g.Name), "AWS::EC2::SecurityGroup", props);
            }

            foreach (var a in v.Acls)
            {
                string acl = LogicalId("Acl", a.Name);
                Add(acl, "AWS::EC2::NetworkAcl", new JsonObject { ["VpcId"] = Ref(vpc), ["Tags"] = Tags(a.Name) });
                for (int k = 0; k < a.Entries.Count; k++)
                {
                    var e = a.Entries[k];
                    var props = new JsonObject
                    {
                        ["NetworkAclId"] = Ref(acl),
                        ["RuleNumber"] = e.Rule,
                        ["Protocol"] = Renderers.ProtocolNumber(e.Protocol),
                        ["RuleAction"] = e.Allow ? "allow" : "deny",
                        ["Egress"] = e.Egress,
                        [e.Cidr.Contains(':', StringComparison.Ordinal) ? "Ipv6CidrBlock" : "CidrBlock"] = e.Cidr,
                    };
                    if (Renderers.HasPorts(e.Protocol))
                    {
                        props["PortRange"] = new JsonObject { ["From"] = e.From, ["To"] = e.To };
                    }
                    else if (e.Protocol is TProtocol.Icmp or TProtocol.Icmpv6)
                    {
                        props["Icmp"] = new JsonObject { ["Code"] = -1, ["Type"] = -1 };
                    }

                    Add(acl + "Entry" + k.ToString(CultureInfo.InvariantCulture), "AWS::EC2::NetworkAclEntry", props);
                }
            }

            foreach (var i in v.Instances)
            {
                string inst = LogicalId("Instance", i.Name);
                var subnet = v.Subnets.Single(s => s.Name == i.Subnet);
                var groups = new JsonArray(i.Groups.Select(g => (JsonNode)GetAtt(LogicalId("Sg", g), "GroupId")).ToArray());
                var props = new JsonObject { ["ImageId"] = "ami-0abcdef1234567890", ["InstanceType"] = "t3.micro" };
                bool publicByDefault = subnet.MapPublicIpOnLaunch;
                bool wantsAuto = i.PublicIp == TPublicIp.Auto;
                if (i.PublicIp == TPublicIp.ElasticIp || wantsAuto == publicByDefault)
                {
                    props["SubnetId"] = Ref(LogicalId("Subnet", i.Subnet));
                    props["SecurityGroupIds"] = groups;
                    props["PrivateIpAddress"] = i.PrivateIp;
                }
                else
                {
                    props["NetworkInterfaces"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["DeviceIndex"] = "0", ["AssociatePublicIpAddress"] = wantsAuto, ["SubnetId"] = Ref(LogicalId("Subnet", i.Subnet)),
                            ["GroupSet"] = groups, ["PrivateIpAddress"] = i.PrivateIp,
                        },
                    };
                }

                props["Tags"] = Tags(i.Name);
                Add(inst, "AWS::EC2::Instance", props);
                if (i.PublicIp == TPublicIp.ElasticIp)
                {
                    Add(LogicalId("Eip", i.EipName), "AWS::EC2::EIP", new JsonObject { ["Domain"] = "vpc", ["InstanceId"] = Ref(inst), ["Tags"] = Tags(i.EipName) });
                }
            }
        }

        foreach (var p in t.Peerings)
        {
            var req = t.Vpc(p.Requester);
            var acc = t.Vpc(p.Accepter);
            var props = new JsonObject { ["VpcId"] = Ref(LogicalId("Vpc", req.Name)), ["PeerVpcId"] = Ref(LogicalId("Vpc", acc.Name)) };
            if (acc.Account != req.Account)
            {
                props["PeerOwnerId"] = acc.Account;
                if (p.Status == TStatus.Active)
                {
                    props["PeerRoleArn"] = $"arn:aws:iam::{acc.Account}:role/PeeringAcceptor";
                }
            }

            if (acc.Region != req.Region)
            {
                props["PeerRegion"] = acc.Region;
            }

            props["Tags"] = Tags(p.Name);
            Add(LogicalId("Pcx", p.Name), "AWS::EC2::VPCPeeringConnection", props);
        }

        foreach (var n in t.Nats)
        {
            string eip = LogicalId("Eip", n.EipName);
            Add(eip, "AWS::EC2::EIP", new JsonObject { ["Domain"] = "vpc", ["Tags"] = Tags(n.EipName) });
            Add(LogicalId("Nat", n.Name), "AWS::EC2::NatGateway", new JsonObject { ["AllocationId"] = GetAtt(eip, "AllocationId"), ["SubnetId"] = Ref(LogicalId("Subnet", n.Subnet)), ["Tags"] = Tags(n.Name) });
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = t.Name,
            ["Resources"] = res,
        };
    }
}

/// <summary>Block-style YAML for a CloudFormation tree, with the short forms <c>!Ref</c> and <c>!GetAtt</c>.</summary>
public static class Yaml
{
    public static string Emit(JsonObject root)
    {
        var sb = new StringBuilder();
        Mapping(sb, root, 0);
        return sb.ToString();
    }

    private static void Mapping(StringBuilder sb, JsonObject o, int indent)
    {
        foreach (var (key, value) in o)
        {
            sb.Append(' ', indent).Append(Scalar(key)).Append(':');
            Value(sb, value, indent);
        }
    }

    private static void Value(StringBuilder sb, JsonNode? value, int indent)
    {
        if (Short(value) is { } s)
        {
            sb.Append(' ').Append(s).Append('\n');
        }
        else if (value is JsonObject obj && obj.Count > 0)
        {
            sb.Append('\n');
            Mapping(sb, obj, indent + 2);
        }
        else if (value is JsonArray arr && arr.Count > 0)
        {
            sb.Append('\n');
            foreach (var item in arr)
            {
                sb.Append(' ', indent + 2).Append('-');
                if (item is JsonObject io && Short(io) is null && io.Count > 0)
                {
                    // "- Key: value" with the rest of the mapping aligned under the first key.
                    var inner = new StringBuilder();
                    Mapping(inner, io, indent + 4);
                    sb.Append(' ').Append(inner.ToString().Substring(indent + 4));
                }
                else
                {
                    Value(sb, item, indent + 2);
                }
            }
        }
        else
        {
            sb.Append(' ').Append(value switch
            {
                JsonObject => "{}",
                JsonArray => "[]",
                null => "null",
                JsonValue v when v.TryGetValue(out string? str) => Scalar(str!),
                _ => value.ToJsonString(),
            }).Append('\n');
        }
    }

    private static string? Short(JsonNode? value)
    {
        if (value is JsonObject o && o.Count == 1)
        {
            if (o["Ref"] is JsonValue r && r.TryGetValue(out string? id))
            {
                return "!Ref " + id;
            }

            if (o["Fn::GetAtt"] is JsonArray a && a.Count == 2)
            {
                return "!GetAtt " + a[0]!.GetValue<string>() + "." + a[1]!.GetValue<string>();
            }
        }

        return null;
    }

    private static string Scalar(string s) =>
        s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is ':' or '-' or '_') && !s.Contains(": ", StringComparison.Ordinal) && char.IsAsciiLetter(s[0]) && s != "true" && s != "false" && s != "null"
            ? s
            : JsonSerializer.Serialize(s);
}
