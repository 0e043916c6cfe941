using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-network-acls records: entries and subnet associations.</summary>
internal static class NetworkAclMapper
{
    private sealed class AclFields : RecordFields
    {
        public bool IsDefault { get; set; }

        public List<string> Subnets { get; } = new();

        public List<NetworkAclEntry> Entries { get; } = new();
    }

    private sealed class EntryFields : RecordFields
    {
        public int? Number { get; set; }

        public int? Protocol { get; set; }

        public int? From { get; set; }

        public int? To { get; set; }

        public int? IcmpType { get; set; }

        public int? IcmpCode { get; set; }

        public bool Egress { get; set; }

        public AclAction Action { get; set; } = AclAction.Deny;

        public CidrValue? Cidr { get; set; }
    }

    private static readonly FieldTable<AclFields> Table = new("network ACL", "NetworkAclId", new()
    {
        ["IsDefault"] = (r, f) => r.IsDefault = f.Bool() ?? false,
        ["Associations"] = (r, f) =>
        {
            foreach (var (a, ap) in f.Items("an association"))
            {
                if (a.Get("SubnetId") is { } s && new Field(s, ap, "SubnetId", f.Ctx).Str() is { } subnet)
                {
                    r.Subnets.Add(subnet);
                }
            }
        },
        ["Entries"] = (r, f) =>
        {
            foreach (var (e, ep) in f.Items("an entry"))
            {
                if (ReadEntry(e, ep, f.Ctx) is { } entry)
                {
                    r.Entries.Add(entry);
                }
            }
        },
    });

    private static readonly FieldTable<EntryFields> Entries = new(null, null, new()
    {
        ["RuleNumber"] = (r, f) => r.Number = f.Int(),
        ["Egress"] = (r, f) => r.Egress = f.Bool() ?? false,
        ["Protocol"] = (r, f) =>
        {
            string? text = f.Str();
            r.Protocol = SecurityGroupMapper.Protocol(text);
            if (r.Protocol is null && text is not null)
            {
                f.Warning($"unknown Protocol '{text}'; the entry's protocol is unknown");
            }
        },
        ["RuleAction"] = (r, f) =>
        {
            string? a = f.Str();
            if (a == "allow")
            {
                r.Action = AclAction.Allow;
            }
            else if (a != "deny")
            {
                f.Warning($"unknown RuleAction '{a}'; the entry is taken as deny");
            }
        },
        ["CidrBlock"] = (r, f) => r.Cidr ??= f.Cidr(),
        ["Ipv6CidrBlock"] = (r, f) => r.Cidr ??= f.Cidr(),
        ["PortRange"] = (r, f) =>
        {
            if (f.Map() is not null)
            {
                r.From = f.Get("From")?.Int();
                r.To = f.Get("To")?.Int();
            }
        },
        ["IcmpTypeCode"] = (r, f) =>
        {
            if (f.Map() is not null)
            {
                r.IcmpType = f.Get("Type")?.Int();
                r.IcmpCode = f.Get("Code")?.Int();
            }
        },
    });

    public static NetworkAcl? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        return Table.ReadElement(m, path, ctx, (r, at) => new NetworkAcl(r.Id!, at, r.VpcId)
        {
            IsDefault = r.IsDefault,
            SubnetIds = r.Subnets.ToArray(),
            Entries = r.Entries.ToArray(),
        });
    }

    private static NetworkAclEntry? ReadEntry(MappingNode m, string path, AwsReadContext ctx)
    {
        var r = Entries.Read(m, path, ctx);
        if (r.Number is null)
        {
            ctx.Error(m, path, "a network ACL entry has no 'RuleNumber'; it is skipped");
            return null;
        }

        return new NetworkAclEntry(m.Location(path), r.Number.Value, r.Egress, r.Protocol, r.Action)
        {
            Cidr = r.Cidr,
            FromPort = r.From,
            ToPort = r.To,
            IcmpType = r.IcmpType,
            IcmpCode = r.IcmpCode,
        };
    }
}
