using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>Security groups and network ACLs, their rules, protocols and ports.</summary>
    private sealed partial class FileReader
    {
        private SecurityGroup DefaultGroup(string id, Vpc vpc, SourceLocation location) => new(id, location, vpc.Id)
        {
            Name = "default",
            GroupName = "default",
            Account = vpc.Account,
            Region = vpc.Region,
            Ingress = new[] { new SecurityGroupRule(location, RuleDirection.Ingress, -1, null, null, SgPeerKind.SecurityGroup) { GroupId = id, Description = "AWS default: all traffic from members of this group" } },
            Egress = new[] { AllEgress(location) },
        };

        private static SecurityGroupRule AllEgress(SourceLocation location) =>
            new(location, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr) { Cidr = CidrValue.Known(Addressing.Cidr.AnyV4, location), Description = "AWS default: all traffic to anywhere" };

        private void ReadSecurityGroup(MappingNode node, string path, Vpc vpc, Dictionary<string, string> groups)
        {
            var o = new ObjectReader(node, "a security group", path, _problems, "name", "id", "description", "default_rules", "ingress", "egress", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            string id = groups[name];
            bool isDefault = name == "default";
            bool defaults = o.Bool("default_rules") ?? true;
            var ingress = new List<SecurityGroupRule>();
            var egress = new List<SecurityGroupRule>();
            if (isDefault && defaults)
            {
                ingress.Add(new SecurityGroupRule(o.Location, RuleDirection.Ingress, -1, null, null, SgPeerKind.SecurityGroup) { GroupId = id, Description = "AWS default: all traffic from members of this group" });
            }

            foreach (var (rnode, rpath) in o.Objects("ingress"))
            {
                if (ReadSgRule(rnode, rpath, RuleDirection.Ingress, id, groups) is { } r)
                {
                    ingress.Add(r);
                }
            }

            if (o.Get("egress") is null)
            {
                if (defaults)
                {
                    egress.Add(AllEgress(o.Location));
                }
            }
            else
            {
                foreach (var (rnode, rpath) in o.Objects("egress"))
                {
                    if (ReadSgRule(rnode, rpath, RuleDirection.Egress, id, groups) is { } r)
                    {
                        egress.Add(r);
                    }
                }
            }

            _b.SecurityGroups.Add(new SecurityGroup(id, o.Location, vpc.Id)
            {
                Name = name,
                GroupName = name,
                Account = vpc.Account,
                Region = vpc.Region,
                Ingress = ingress,
                Egress = egress,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private SecurityGroupRule? ReadSgRule(MappingNode node, string path, RuleDirection direction, string selfId, Dictionary<string, string> groups)
        {
            string peerKey = direction == RuleDirection.Ingress ? "source" : "destination";
            var o = new ObjectReader(node, direction == RuleDirection.Ingress ? "an inbound rule" : "an outbound rule", path, _problems, "type", "protocol", "port", "ports", "icmp_type", "icmp_code", peerKey, "description");
            var (protocol, from, to) = ReadProtocolAndPorts(o);
            if (protocol is null)
            {
                return null;
            }

            var peer = o.Scalar(peerKey);
            if (peer?.Value is not { } p)
            {
                o.Error(node, $"a security group rule needs '{peerKey}': a CIDR block, a security group name, 'self', or a prefix list id (pl-…)");
                return null;
            }

            var loc = o.Location;
            var rule = new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Cidr) { Description = o.String("description") };
            if (p == "self")
            {
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = selfId };
            }

            if (p.StartsWith("pl-", StringComparison.Ordinal))
            {
                return rule with { PeerKind = SgPeerKind.PrefixList, PrefixListId = p };
            }

            if (groups.TryGetValue(p, out var gid))
            {
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = gid };
            }

            if (p.StartsWith("sg-", StringComparison.Ordinal))
            {
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = p };
            }

            if (p.IndexOf('/') < 0)
            {
                o.Error(peer, $"'{p}' is neither a CIDR block nor a security group of this VPC (use 'self', a group name, sg-…, pl-…, or a CIDR such as 10.1.0.0/16)");
                return null;
            }

            return rule with { Cidr = Cidr(peer, path + "." + peerKey) };
        }

        /// <summary>protocol/type and ports: tcp/udp with port or ports "from-to", icmp with icmp_type/icmp_code, all.</summary>
        private static (int? Protocol, int? From, int? To) ReadProtocolAndPorts(ObjectReader o)
        {
            var type = o.String("type");
            int? protocol = null;
            int? from = null, to = null;
            if (type is not null)
            {
                switch (type.ToLowerInvariant())
                {
                    case "ssh": return (6, 22, 22);
                    case "http": return (6, 80, 80);
                    case "https": return (6, 443, 443);
                    case "rdp": return (6, 3389, 3389);
                    case "all-traffic": return (-1, null, null);
                    case "all-icmp-ipv4": return (1, -1, -1);
                    case "all-icmp-ipv6": return (58, -1, -1);
                    case "all-tcp": return (6, 0, 65535);
                    case "all-udp": return (17, 0, 65535);
                    default:
                        o.Error(o.Get("type")!, $"unknown rule type '{type}'; expected ssh, http, https, rdp, all-traffic, all-tcp, all-udp, all-icmp-ipv4 or all-icmp-ipv6 (or give protocol and port)");
                        return (null, null, null);
                }
            }

            var pnode = o.Scalar("protocol");
            if (pnode?.Value is not { } ptext)
            {
                o.Error(o.Node, "a rule needs 'protocol' (tcp, udp, icmp, icmpv6, all, or a number) or 'type' (ssh, all-icmp-ipv4, …)");
                return (null, null, null);
            }

            protocol = ParseProtocol(ptext);
            if (protocol is null)
            {
                o.Error(pnode, $"unknown protocol '{ptext}'; expected tcp, udp, icmp, icmpv6, all, or an IP protocol number");
                return (null, null, null);
            }

            if (protocol is 6 or 17)
            {
                if (o.Scalar("port") is { } port)
                {
                    if (port.Value == "all")
                    {
                        return (protocol, 0, 65535);
                    }

                    var v = port.AsInt();
                    if (v is null or < 0 or > 65535)
                    {
                        o.Error(port, $"port must be a number from 0 to 65535, found '{port.Value}'");
                        return (null, null, null);
                    }

                    return (protocol, v, v);
                }

                if (o.Scalar("ports") is { } ports)
                {
                    if (!TryParseRange(ports.Value, out int a, out int b))
                    {
                        o.Error(ports, $"ports must be a range such as 1024-65535, found '{ports.Value}'");
                        return (null, null, null);
                    }

                    return (protocol, a, b);
                }

                return (protocol, 0, 65535);
            }

            if (protocol is 1 or 58)
            {
                from = o.Int("icmp_type") ?? -1;
                to = o.Int("icmp_code") ?? -1;
                return (protocol, from, to);
            }

            return (protocol, null, null);
        }

        internal static int? ParseProtocol(string text) => IpProtocols.Parse(text);

        private static bool TryParseRange(string? text, out int from, out int to)
        {
            from = to = 0;
            if (text is null)
            {
                return false;
            }

            var parts = text.Split('-');
            return parts.Length == 2
                && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out from)
                && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out to)
                && from <= to && to <= 65535;
        }

        private void ReadNetworkAcl(MappingNode node, string path, Vpc vpc)
        {
            var o = new ObjectReader(node, "a network ACL", path, _problems, "name", "id", "default", "subnets", "inbound", "outbound", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            var subnets = new List<string>();
            foreach (var s in o.Scalars("subnets"))
            {
                if (ResolveSubnet(s, vpc) is { } sid)
                {
                    subnets.Add(sid);
                }
            }

            if (_subnetsOfAcl.TryGetValue(vpc.Id + "|" + name, out var more))
            {
                subnets.AddRange(more);
            }

            var entries = new List<NetworkAclEntry>();
            foreach (var (enode, epath) in o.Objects("inbound"))
            {
                if (ReadAclEntry(enode, epath, egress: false) is { } e)
                {
                    entries.Add(e);
                }
            }

            foreach (var (enode, epath) in o.Objects("outbound"))
            {
                if (ReadAclEntry(enode, epath, egress: true) is { } e)
                {
                    entries.Add(e);
                }
            }

            _b.NetworkAcls.Add(new NetworkAcl(_prefix + (o.String("id") ?? (vpc.Id.Substring(_prefix.Length) + "/" + name)), o.Location, vpc.Id)
            {
                Name = name,
                Account = vpc.Account,
                Region = vpc.Region,
                IsDefault = o.Bool("default") ?? false,
                SubnetIds = subnets,
                Entries = entries,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private NetworkAclEntry? ReadAclEntry(MappingNode node, string path, bool egress)
        {
            var o = new ObjectReader(node, "a network ACL entry", path, _problems, "rule", "type", "protocol", "port", "ports", "icmp_type", "icmp_code", "cidr", "action");
            var number = o.Int("rule");
            if (number is null or < 1 or > 32766)
            {
                o.Error(o.Get("rule") ?? node, "a network ACL entry needs 'rule', a rule number from 1 to 32766");
                return null;
            }

            var (protocol, from, to) = ReadProtocolAndPorts(o);
            if (protocol is null)
            {
                return null;
            }

            var cidr = o.Scalar("cidr");
            if (cidr is null)
            {
                o.Error(node, "a network ACL entry needs 'cidr'");
                return null;
            }

            var actionText = o.String("action") ?? "allow";
            if (actionText is not ("allow" or "deny"))
            {
                o.Error(o.Get("action")!, $"action must be 'allow' or 'deny', found '{actionText}'");
                return null;
            }

            bool icmp = protocol is 1 or 58;
            return new NetworkAclEntry(o.Location, number.Value, egress, protocol, actionText == "allow" ? AclAction.Allow : AclAction.Deny)
            {
                Cidr = Cidr(cidr, path + ".cidr"),
                FromPort = icmp ? null : from,
                ToPort = icmp ? null : to,
                IcmpType = icmp ? from : null,
                IcmpCode = icmp ? to : null,
            };
        }
    }
}
