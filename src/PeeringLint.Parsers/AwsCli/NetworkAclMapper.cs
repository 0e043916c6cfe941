using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-network-acls records: entries and subnet associations.</summary>
internal static class NetworkAclMapper
{
    public static NetworkAcl? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, vpcId = null, owner = null, name = null;
        bool isDefault = false;
        var subnets = new List<string>();
        var entries = new List<NetworkAclEntry>();
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "NetworkAclId":
                    id = ctx.Str(e.Value, p, "NetworkAclId");
                    break;
                case "VpcId":
                    vpcId = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "IsDefault":
                    isDefault = ctx.Bool(e.Value, p, "IsDefault") ?? false;
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "Associations":
                    if (ctx.List(e.Value, p, "Associations") is { } assoc)
                    {
                        for (int i = 0; i < assoc.Items.Count; i++)
                        {
                            string ap = p + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                            if (ctx.Item(assoc.Items[i], ap, "an association") is { } a && a.Get("SubnetId") is { } s
                                && ctx.Str(s, ap + ".SubnetId", "SubnetId") is { } subnet)
                            {
                                subnets.Add(subnet);
                            }
                        }
                    }

                    break;
                case "Entries":
                    if (ctx.List(e.Value, p, "Entries") is { } list)
                    {
                        for (int i = 0; i < list.Items.Count; i++)
                        {
                            string ep = p + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                            if (ctx.Item(list.Items[i], ep, "an entry") is { } em && ReadEntry(em, ep, ctx) is { } entry)
                            {
                                entries.Add(entry);
                            }
                        }
                    }

                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a network ACL record has no 'NetworkAclId'; it is skipped");
            return null;
        }

        return new NetworkAcl(id, m.Location(path), vpcId)
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = ctx.Region,
            IsDefault = isDefault,
            SubnetIds = subnets,
            Entries = entries,
        };
    }

    private static NetworkAclEntry? ReadEntry(MappingNode m, string path, AwsReadContext ctx)
    {
        int? number = null, protocol = null, from = null, to = null, icmpType = null, icmpCode = null;
        bool egress = false;
        var action = AclAction.Deny;
        CidrValue? cidr = null;
        foreach (var e in m.Entries)
        {
            string key = e.Key.Value ?? string.Empty;
            string p = path + "." + key;
            switch (key)
            {
                case "RuleNumber":
                    number = ctx.Int(e.Value, p, key);
                    break;
                case "Egress":
                    egress = ctx.Bool(e.Value, p, key) ?? false;
                    break;
                case "Protocol":
                    string? text = ctx.Str(e.Value, p, key);
                    protocol = SecurityGroupMapper.Protocol(text);
                    if (protocol is null && text is not null)
                    {
                        ctx.Warning(e.Value, p, $"unknown Protocol '{text}'; the entry's protocol is unknown");
                    }

                    break;
                case "RuleAction":
                    string? a = ctx.Str(e.Value, p, key);
                    if (a == "allow")
                    {
                        action = AclAction.Allow;
                    }
                    else if (a != "deny")
                    {
                        ctx.Warning(e.Value, p, $"unknown RuleAction '{a}'; the entry is taken as deny");
                    }

                    break;
                case "CidrBlock":
                case "Ipv6CidrBlock":
                    cidr ??= ctx.Cidr(e.Value, p, key);
                    break;
                case "PortRange":
                    if (ctx.Map(e.Value, p, key) is { } range)
                    {
                        from = range.Get("From") is { } f ? ctx.Int(f, p + ".From", "From") : null;
                        to = range.Get("To") is { } t ? ctx.Int(t, p + ".To", "To") : null;
                    }

                    break;
                case "IcmpTypeCode":
                    if (ctx.Map(e.Value, p, key) is { } icmp)
                    {
                        icmpType = icmp.Get("Type") is { } ty ? ctx.Int(ty, p + ".Type", "Type") : null;
                        icmpCode = icmp.Get("Code") is { } co ? ctx.Int(co, p + ".Code", "Code") : null;
                    }

                    break;
            }
        }

        if (number is null)
        {
            ctx.Error(m, path, "a network ACL entry has no 'RuleNumber'; it is skipped");
            return null;
        }

        return new NetworkAclEntry(m.Location(path), number.Value, egress, protocol, action)
        {
            Cidr = cidr,
            FromPort = from,
            ToPort = to,
            IcmpType = icmpType,
            IcmpCode = icmpCode,
        };
    }
}
