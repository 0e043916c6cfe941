using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-security-groups records; IpPermissions are flattened to one rule per peer.</summary>
internal static class SecurityGroupMapper
{
    public static SecurityGroup? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, vpcId = null, owner = null, name = null, groupName = null;
        var ingress = new List<SecurityGroupRule>();
        var egress = new List<SecurityGroupRule>();
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "GroupId":
                    id = ctx.Str(e.Value, p, "GroupId");
                    break;
                case "VpcId":
                    vpcId = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "GroupName":
                    groupName = ctx.Str(e.Value, p, "GroupName");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "IpPermissions":
                    ReadPermissions(e.Value, p, "IpPermissions", RuleDirection.Ingress, ctx, ingress);
                    break;
                case "IpPermissionsEgress":
                    ReadPermissions(e.Value, p, "IpPermissionsEgress", RuleDirection.Egress, ctx, egress);
                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a security group record has no 'GroupId'; it is skipped");
            return null;
        }

        return new SecurityGroup(id, m.Location(path), vpcId)
        {
            Name = name ?? groupName,
            GroupName = groupName,
            Account = owner ?? ctx.Account,
            Region = ctx.Region,
            Ingress = ingress,
            Egress = egress,
        };
    }

    /// <summary>AWS's IpProtocol (name or number) as a protocol number; null when unknown.</summary>
    public static int? Protocol(string? text) => IpProtocols.Parse(text);

    private static void ReadPermissions(SyntaxNode value, string path, string key, RuleDirection direction, AwsReadContext ctx, List<SecurityGroupRule> into)
    {
        if (ctx.List(value, path, key) is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string pp = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (ctx.Item(list.Items[i], pp, "a permission") is { } perm)
            {
                ReadPermission(perm, pp, direction, ctx, into);
            }
        }
    }

    private static void ReadPermission(MappingNode perm, string path, RuleDirection direction, AwsReadContext ctx, List<SecurityGroupRule> into)
    {
        int? protocol = null, from = null, to = null;
        SequenceNode? ranges = null, ranges6 = null, prefixLists = null, groups = null;
        string? rangesPath = null, ranges6Path = null, prefixPath = null, groupsPath = null;
        bool protocolSeen = false;
        foreach (var e in perm.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "IpProtocol":
                    protocolSeen = true;
                    string? text = ctx.Str(e.Value, p, "IpProtocol");
                    protocol = Protocol(text);
                    if (protocol is null)
                    {
                        ctx.Warning(e.Value, p, $"unknown IpProtocol '{text}'; the rule's protocol is unknown");
                    }

                    break;
                case "FromPort":
                    from = ctx.Int(e.Value, p, "FromPort");
                    break;
                case "ToPort":
                    to = ctx.Int(e.Value, p, "ToPort");
                    break;
                case "IpRanges":
                    ranges = ctx.List(e.Value, p, "IpRanges");
                    rangesPath = p;
                    break;
                case "Ipv6Ranges":
                    ranges6 = ctx.List(e.Value, p, "Ipv6Ranges");
                    ranges6Path = p;
                    break;
                case "PrefixListIds":
                    prefixLists = ctx.List(e.Value, p, "PrefixListIds");
                    prefixPath = p;
                    break;
                case "UserIdGroupPairs":
                    groups = ctx.List(e.Value, p, "UserIdGroupPairs");
                    groupsPath = p;
                    break;
            }
        }

        if (!protocolSeen)
        {
            ctx.Warning(perm, path, "a permission has no 'IpProtocol'; its protocol is unknown");
        }

        if (protocol == -1)
        {
            // All traffic: AWS omits the ports (or reports -1); the rule covers every port.
            from = null;
            to = null;
        }

        Peers(ranges, rangesPath, "CidrIp", ctx, path, (item, ip) => Rule(item, ip, direction, protocol, from, to, SgPeerKind.Cidr, ctx) with
        {
            Cidr = item.Get("CidrIp") is { } c ? ctx.Cidr(c, ip + ".CidrIp", "CidrIp") : null,
        }, into);
        Peers(ranges6, ranges6Path, "CidrIpv6", ctx, path, (item, ip) => Rule(item, ip, direction, protocol, from, to, SgPeerKind.Cidr, ctx) with
        {
            Cidr = item.Get("CidrIpv6") is { } c ? ctx.Cidr(c, ip + ".CidrIpv6", "CidrIpv6") : null,
        }, into);
        Peers(prefixLists, prefixPath, "PrefixListId", ctx, path, (item, ip) => Rule(item, ip, direction, protocol, from, to, SgPeerKind.PrefixList, ctx) with
        {
            PrefixListId = item.Get("PrefixListId") is { } c ? ctx.Str(c, ip + ".PrefixListId", "PrefixListId") : null,
        }, into);
        Peers(groups, groupsPath, null, ctx, path, (item, ip) => GroupRule(item, ip, direction, protocol, from, to, ctx), into);
    }

    private static void Peers(SequenceNode? list, string? listPath, string? requiredKey, AwsReadContext ctx, string permPath, System.Func<MappingNode, string, SecurityGroupRule> make, List<SecurityGroupRule> into)
    {
        if (list is null)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ip = listPath + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var item = ctx.Item(list.Items[i], ip, "a rule peer");
            if (item is null)
            {
                continue;
            }

            if (requiredKey is not null && !item.Has(requiredKey))
            {
                ctx.Warning(item, ip, $"a rule peer has no '{requiredKey}'; the rule's peer is unknown");
            }

            into.Add(make(item, ip));
        }
    }

    private static SecurityGroupRule Rule(MappingNode item, string path, RuleDirection direction, int? protocol, int? from, int? to, SgPeerKind kind, AwsReadContext ctx) =>
        new(item.Location(path), direction, protocol, from, to, kind)
        {
            Description = item.Get("Description") is { } d ? ctx.Str(d, path + ".Description", "Description") : null,
        };

    private static SecurityGroupRule GroupRule(MappingNode item, string path, RuleDirection direction, int? protocol, int? from, int? to, AwsReadContext ctx)
    {
        string? groupId = null, userId = null, vpcId = null, pcx = null, description = null, groupName = null;
        foreach (var e in item.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "GroupId":
                    groupId = ctx.Str(e.Value, p, "GroupId");
                    break;
                case "GroupName":
                    groupName = ctx.Str(e.Value, p, "GroupName");
                    break;
                case "UserId":
                    userId = ctx.Str(e.Value, p, "UserId");
                    break;
                case "VpcId":
                    vpcId = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "VpcPeeringConnectionId":
                    pcx = ctx.Str(e.Value, p, "VpcPeeringConnectionId");
                    break;
                case "Description":
                    description = ctx.Str(e.Value, p, "Description");
                    break;
            }
        }

        if (groupId is null && groupName is null)
        {
            ctx.Warning(item, path, "a group pair names no 'GroupId'; the rule's peer is unknown");
        }

        return new SecurityGroupRule(item.Location(path), direction, protocol, from, to, groupId is null && groupName is null ? SgPeerKind.Unknown : SgPeerKind.SecurityGroup)
        {
            GroupId = groupId,
            GroupOwnerId = userId,
            GroupVpcId = vpcId,
            PeeringConnectionId = pcx,
            Description = description,
        };
    }
}
