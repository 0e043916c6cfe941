using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-security-groups records; IpPermissions are flattened to one rule per peer.</summary>
internal static class SecurityGroupMapper
{
    private sealed class GroupFields : RecordFields
    {
        public string? GroupName { get; set; }

        public List<SecurityGroupRule> Ingress { get; } = new();

        public List<SecurityGroupRule> Egress { get; } = new();
    }

    private sealed class PermissionFields : RecordFields
    {
        public int? Protocol { get; set; }

        public bool ProtocolSeen { get; set; }

        public int? From { get; set; }

        public int? To { get; set; }

        public Field? Ranges { get; set; }

        public Field? Ranges6 { get; set; }

        public Field? PrefixLists { get; set; }

        public Field? Groups { get; set; }
    }

    private sealed class PairFields : RecordFields
    {
        public string? GroupId { get; set; }

        public string? GroupName { get; set; }

        public string? UserId { get; set; }

        public string? PeeringConnectionId { get; set; }

        public string? Description { get; set; }
    }

    private static readonly FieldTable<GroupFields> Table = new("security group", "GroupId", new()
    {
        ["GroupName"] = (r, f) => r.GroupName = f.Str(),
        ["IpPermissions"] = (r, f) => ReadPermissions(f, RuleDirection.Ingress, r.Ingress),
        ["IpPermissionsEgress"] = (r, f) => ReadPermissions(f, RuleDirection.Egress, r.Egress),
    });

    private static readonly FieldTable<PermissionFields> Permissions = new(null, null, new()
    {
        ["IpProtocol"] = (r, f) =>
        {
            r.ProtocolSeen = true;
            string? text = f.Str();
            r.Protocol = Protocol(text);
            if (r.Protocol is null)
            {
                f.Warning($"unknown IpProtocol '{text}'; the rule's protocol is unknown");
            }
        },
        ["FromPort"] = (r, f) => r.From = f.Int(),
        ["ToPort"] = (r, f) => r.To = f.Int(),
        ["IpRanges"] = (r, f) => r.Ranges = f,
        ["Ipv6Ranges"] = (r, f) => r.Ranges6 = f,
        ["PrefixListIds"] = (r, f) => r.PrefixLists = f,
        ["UserIdGroupPairs"] = (r, f) => r.Groups = f,
    });

    private static readonly FieldTable<PairFields> Pairs = new(null, null, new()
    {
        ["GroupId"] = (r, f) => r.GroupId = f.Str(),
        ["GroupName"] = (r, f) => r.GroupName = f.Str(),
        ["UserId"] = (r, f) => r.UserId = f.Str(),
        ["VpcPeeringConnectionId"] = (r, f) => r.PeeringConnectionId = f.Str(),
        ["Description"] = (r, f) => r.Description = f.Str(),
    });

    public static SecurityGroup? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        return Table.ReadElement(m, path, ctx, (r, at) => new SecurityGroup(r.Id!, at, r.VpcId)
        {
            Name = r.Name ?? r.GroupName,
            GroupName = r.GroupName,
            Ingress = r.Ingress.ToArray(),
            Egress = r.Egress.ToArray(),
        });
    }

    /// <summary>AWS's IpProtocol (name or number) as a protocol number; null when unknown.</summary>
    public static int? Protocol(string? text) => IpProtocols.Parse(text);

    private static void ReadPermissions(Field f, RuleDirection direction, List<SecurityGroupRule> into)
    {
        foreach (var (perm, pp) in f.Items("a permission"))
        {
            ReadPermission(perm, pp, direction, f.Ctx, into);
        }
    }

    private static void ReadPermission(MappingNode perm, string path, RuleDirection direction, AwsReadContext ctx, List<SecurityGroupRule> into)
    {
        var r = Permissions.Read(perm, path, ctx);
        if (!r.ProtocolSeen)
        {
            ctx.Warning(perm, path, "a permission has no 'IpProtocol'; its protocol is unknown");
        }

        int? protocol = r.Protocol, from = r.From, to = r.To;
        if (protocol == -1)
        {
            // All traffic: AWS omits the ports (or reports -1); the rule covers every port.
            from = null;
            to = null;
        }

        var rule = new PermissionRule(direction, protocol, from, to, ctx);
        Peers(r.Ranges, "CidrIp", SgPeerKind.Cidr, rule, into);
        Peers(r.Ranges6, "CidrIpv6", SgPeerKind.Cidr, rule, into);
        Peers(r.PrefixLists, "PrefixListId", SgPeerKind.PrefixList, rule, into);
        Peers(r.Groups, null, SgPeerKind.SecurityGroup, rule, into);
    }

    /// <summary>What the peers of one permission share.</summary>
    private readonly record struct PermissionRule(RuleDirection Direction, int? Protocol, int? From, int? To, AwsReadContext Ctx);

    /// <summary>
    /// One rule per peer of a permission's list: by <paramref name="peerKey"/> (the CIDR or prefix list field every
    /// item must have), or by group pair when it is null.
    /// </summary>
    private static void Peers(Field? list, string? peerKey, SgPeerKind kind, PermissionRule rule, List<SecurityGroupRule> into)
    {
        if (list is not { } f)
        {
            return;
        }

        foreach (var (item, ip) in f.Items("a rule peer"))
        {
            if (peerKey is null)
            {
                into.Add(GroupRule(item, ip, rule.Direction, rule.Protocol, rule.From, rule.To, rule.Ctx));
                continue;
            }

            if (!item.Has(peerKey))
            {
                f.Ctx.Warning(item, ip, $"a rule peer has no '{peerKey}'; the rule's peer is unknown");
            }

            into.Add(Rule(item, ip, peerKey, kind, rule));
        }
    }

    /// <summary>A CIDR or prefix list rule; its location, then its description, then its peer are read (problems in that order).</summary>
    private static SecurityGroupRule Rule(MappingNode item, string path, string peerKey, SgPeerKind kind, PermissionRule rule)
    {
        var ctx = rule.Ctx;
        var at = item.Location(path);
        string? description = Field.In(item, path, "Description", ctx)?.Str();
        CidrValue? cidr = null;
        string? prefixList = null;
        if (Field.In(item, path, peerKey, ctx) is { } c)
        {
            if (kind == SgPeerKind.Cidr)
            {
                cidr = c.Cidr();
            }
            else
            {
                prefixList = c.Str();
            }
        }

        return new SecurityGroupRule(at, rule.Direction, rule.Protocol, rule.From, rule.To, kind)
        {
            Description = description,
            Cidr = cidr,
            PrefixListId = prefixList,
        };
    }

    private static SecurityGroupRule GroupRule(MappingNode item, string path, RuleDirection direction, int? protocol, int? from, int? to, AwsReadContext ctx)
    {
        var r = Pairs.Read(item, path, ctx);
        bool named = r.GroupId is not null || r.GroupName is not null;
        if (!named)
        {
            ctx.Warning(item, path, "a group pair names no 'GroupId'; the rule's peer is unknown");
        }

        return new SecurityGroupRule(item.Location(path), direction, protocol, from, to, named ? SgPeerKind.SecurityGroup : SgPeerKind.Unknown)
        {
            GroupId = r.GroupId,
            GroupOwnerId = r.UserId,
            GroupVpcId = r.VpcId,
            PeeringConnectionId = r.PeeringConnectionId,
            Description = r.Description,
        };
    }
}
