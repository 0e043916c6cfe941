using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>Security groups (L1 rules, L2 AddIngressRule/Connections), ports and protocols, network ACL entries.</summary>
internal sealed partial class CdkModelBuilder
{
    private IReadOnlyList<SecurityGroupRule> CfnRules(CdkValue? list, RuleDirection direction)
    {
        if (list is not ListValue l)
        {
            return Array.Empty<SecurityGroupRule>();
        }

        var rules = new List<SecurityGroupRule>();
        foreach (var item in l.Items)
        {
            if (item is ObjectValue o)
            {
                rules.AddRange(CfnRule(o, direction, Src(o.Location)));
            }
        }

        return rules;
    }

    private IEnumerable<SecurityGroupRule> CfnRule(ObjectValue o, RuleDirection direction, SourceLocation loc)
    {
        int? protocol = Protocol(o.Get("IpProtocol"));
        int? from = Int(o.Get("FromPort"));
        int? to = Int(o.Get("ToPort"));
        string cidrProp = direction == RuleDirection.Ingress ? "CidrIp" : "CidrIp";
        if (o.Get(cidrProp) is { } c4)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Cidr) { Cidr = CidrOf(c4), Description = Str(o.Get("Description")) };
        }

        if (o.Get("CidrIpv6") is { } c6)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Cidr) { Cidr = CidrOf(c6), Description = Str(o.Get("Description")) };
        }

        var group = o.Get(direction == RuleDirection.Ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId");
        if (group is not null)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.SecurityGroup) { GroupId = RefId(group, "CfnSecurityGroup", "SecurityGroup") };
        }

        var prefix = o.Get(direction == RuleDirection.Ingress ? "SourcePrefixListId" : "DestinationPrefixListId");
        if (prefix is not null)
        {
            yield return new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.PrefixList) { PrefixListId = RefId(prefix, "CfnPrefixList") };
        }
    }

    private CidrValue CidrOf(CdkValue v) =>
        v is StringValue s ? CidrValue.Parse(s.Text, Src(v.Location)) : CidrValue.Unknown(Src(v.Location), "not a constant the analyzer can follow");

    private static CdkValue? Arg(CallFact call, int i) => i < call.Arguments.Count ? call.Arguments[i] : null;

    /// <summary>An <c>IConnectable</c> peer: an L2 instance stands for its security group; anything else is itself.</summary>
    private CdkValue? ConnectablePeer(CdkValue? peer)
    {
        if (Resolve(peer) is { Kind: "Instance_" } instance)
        {
            return instance.Prop("SecurityGroup") is RefValue g ? g : new UnknownValue(peer!.Location);
        }

        return peer;
    }

    private SecurityGroupRule L2Rule(CallFact call, RuleDirection direction, CdkValue? peer, CdkValue? port, CdkValue? description)
    {
        var loc = Src(call.Syntax.GetLocation());
        var (protocol, from, to) = PortOf(port);
        var rule = new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Unknown)
        {
            Description = Str(description),
        };
        switch (peer)
        {
            case CallValue { Method: "Peer.Ipv4" or "Peer.Ipv6" } p when p.Arguments.Count > 0:
                return rule with { PeerKind = SgPeerKind.Cidr, Cidr = CidrOf(p.Arguments[0]) };
            case CallValue { Method: "Peer.AnyIpv4" } p:
                return rule with { PeerKind = SgPeerKind.Cidr, Cidr = CidrValue.Parse("0.0.0.0/0", Src(p.Location)) };
            case CallValue { Method: "Peer.AnyIpv6" } p:
                return rule with { PeerKind = SgPeerKind.Cidr, Cidr = CidrValue.Parse("::/0", Src(p.Location)) };
            case CallValue { Method: "Peer.PrefixList" } p when p.Arguments.Count > 0:
                return rule with { PeerKind = SgPeerKind.PrefixList, PrefixListId = RefId(p.Arguments[0], "CfnPrefixList") };
            case CallValue { Method: "Peer.SecurityGroupId" } p when p.Arguments.Count > 0:
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = Str(p.Arguments[0]) };
            case RefValue r when Resolve(r) is { Kind: "SecurityGroup" or "CfnSecurityGroup" } g:
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = _ids[g] };
            default:
                return rule;
        }
    }

    /// <summary>
    /// A <c>Port</c>: a factory call (<c>Port.Tcp(22)</c>), a static property (<c>Port.SSH</c>), or
    /// <c>new Port(new PortProps { Protocol, FromPort, ToPort })</c>. Unknown parts stay null.
    /// </summary>
    private static (int? Protocol, int? From, int? To) PortOf(CdkValue? value)
    {
        switch (value)
        {
            case CallValue call:
                return PortOf(call);
            case ObjectValue { TypeName: "Port", Arguments.Count: > 0 } created when created.Arguments[0] is ObjectValue props:
                int? protocol = (props.Get("Protocol") as EnumValue)?.Member switch
                {
                    "TCP" => 6,
                    "UDP" => 17,
                    "ICMP" => 1,
                    "ICMPV6" => 58,
                    "ALL" => -1,
                    _ => null,
                };
                if (protocol == -1)
                {
                    return (-1, null, null);
                }

                return protocol is null ? (null, null, null) : (protocol, Int(props.Get("FromPort")), Int(props.Get("ToPort")));
            default:
                return (null, null, null);
        }
    }

    private static (int? Protocol, int? From, int? To) PortOf(CallValue port)
    {
        int? A(int i) => port.Arguments.Count > i ? Int(port.Arguments[i]) : null;
        return port.Method switch
        {
            "Port.Tcp" => (6, A(0), A(0)),
            "Port.TcpRange" => (6, A(0), A(1)),
            "Port.AllTcp" => (6, 0, 65535),
            "Port.Udp" => (17, A(0), A(0)),
            "Port.UdpRange" => (17, A(0), A(1)),
            "Port.AllUdp" => (17, 0, 65535),
            "Port.AllIcmp" => (1, -1, -1),
            "Port.IcmpPing" => (1, 8, -1),
            "Port.IcmpType" => (1, A(0), -1),
            "Port.IcmpTypeAndCode" => (1, A(0), A(1)),
            "Port.AllIcmpV6" => (58, -1, -1),
            "Port.AllTraffic" => (-1, null, null),
            "Port.Ah" => (51, null, null),
            "Port.Esp" => (50, null, null),
            "Port.SSH" => (6, 22, 22),
            "Port.SMTP" => (6, 25, 25),
            "Port.DNS_TCP" => (6, 53, 53),
            "Port.DNS_UDP" => (17, 53, 53),
            "Port.HTTP" => (6, 80, 80),
            "Port.POP3" => (6, 110, 110),
            "Port.IMAP" => (6, 143, 143),
            "Port.LDAP" => (6, 389, 389),
            "Port.HTTPS" => (6, 443, 443),
            "Port.SMB" => (6, 445, 445),
            "Port.IMAPS" => (6, 993, 993),
            "Port.POP3S" => (6, 995, 995),
            "Port.MSSQL" => (6, 1433, 1433),
            "Port.NFS" => (6, 2049, 2049),
            "Port.MYSQL_AURORA" => (6, 3306, 3306),
            "Port.RDP" => (6, 3389, 3389),
            "Port.POSTGRES" => (6, 5432, 5432),
            _ => (null, null, null),
        };
    }

    private static int? Int(CdkValue? v) => v switch
    {
        NumberValue n when n.Number == Math.Floor(n.Number) && Math.Abs(n.Number) < int.MaxValue => (int)n.Number,
        StringValue s when int.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) => i,
        _ => null,
    };

    private static int? Protocol(CdkValue? v)
    {
        if (v is StringValue s)
        {
            return IpProtocols.Parse(s.Text);
        }

        return Int(v);
    }

    private NetworkAclEntry ReadAclEntry(ConstructFact f, SourceLocation loc)
    {
        var action = string.Equals(Str(f.Prop("RuleAction")), "deny", StringComparison.OrdinalIgnoreCase) ? AclAction.Deny : AclAction.Allow;
        var ports = f.Prop("PortRange") as ObjectValue;
        var icmp = f.Prop("Icmp") as ObjectValue;
        var cidr = f.Prop("CidrBlock") ?? f.Prop("Ipv6CidrBlock");
        return new NetworkAclEntry(loc, Int(f.Prop("RuleNumber")) ?? 0, f.Prop("Egress") is BoolValue { Value: true }, Protocol(f.Prop("Protocol")), action)
        {
            Cidr = cidr is null ? null : CidrOf(cidr),
            FromPort = Int(ports?.Get("From")),
            ToPort = Int(ports?.Get("To")),
            IcmpType = Int(icmp?.Get("Type")),
            IcmpCode = Int(icmp?.Get("Code")),
        };
    }
}
