using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-vpcs, describe-vpc-classic-link and describe-subnets records.</summary>
internal static class VpcMapper
{
    /// <summary>A describe-vpc-classic-link (or -dns-support) record: a VpcId without CIDR fields.</summary>
    public static bool IsClassicLinkRecord(MappingNode m) =>
        (m.Has("ClassicLinkEnabled") || m.Has("ClassicLinkDnsSupported")) && !m.Has("CidrBlock") && !m.Has("CidrBlockAssociationSet");

    private sealed class VpcFields : RecordFields
    {
        public CidrValue? Primary { get; set; }

        public bool IsDefault { get; set; }

        public bool? ClassicLink { get; set; }

        public List<CidrValue> V4 { get; } = new(2);

        public List<CidrValue> V6 { get; } = new();
    }

    private sealed class SubnetFields : RecordFields
    {
        public CidrValue? V4 { get; set; }

        public string? Zone { get; set; }

        public bool? MapPublic { get; set; }

        public List<CidrValue> V6 { get; } = new();
    }

    private sealed class BlockFields : RecordFields
    {
        public CidrValue? Cidr { get; set; }

        public CidrAssociationState State { get; set; } = CidrAssociationState.Associated;
    }

    /// <summary>An item of CidrBlockAssociationSet: the block and its association state.</summary>
    private static readonly FieldTable<BlockFields> V4Blocks = new(null, null, new()
    {
        ["CidrBlock"] = (r, f) => r.Cidr = f.Cidr(),
        ["CidrBlockState"] = (r, f) => r.State = ParseState(f.Get("State")),
    });

    /// <summary>An item of Ipv6CidrBlockAssociationSet.</summary>
    private static readonly FieldTable<BlockFields> V6Blocks = new(null, null, new()
    {
        ["Ipv6CidrBlock"] = (r, f) => r.Cidr = f.Cidr(),
        ["Ipv6CidrBlockState"] = (r, f) => r.State = ParseState(f.Get("State")),
    });

    private static readonly FieldTable<VpcFields> VpcTable = new("VPC", "VpcId", new()
    {
        ["CidrBlock"] = (r, f) => r.Primary = f.Cidr(),
        ["IsDefault"] = (r, f) => r.IsDefault = f.Bool() ?? false,
        ["ClassicLinkEnabled"] = (r, f) => r.ClassicLink = f.Bool(),
        ["CidrBlockAssociationSet"] = (r, f) => ReadAssociations(f, V4Blocks, r.V4),
        ["Ipv6CidrBlockAssociationSet"] = (r, f) => ReadAssociations(f, V6Blocks, r.V6),
    });

    private static readonly FieldTable<SubnetFields> SubnetTable = new("subnet", "SubnetId", new()
    {
        ["CidrBlock"] = (r, f) => r.V4 = f.Cidr(),
        ["AvailabilityZone"] = (r, f) => r.Zone = f.Str(),
        ["MapPublicIpOnLaunch"] = (r, f) => r.MapPublic = f.Bool(),
        ["Ipv6CidrBlockAssociationSet"] = (r, f) => ReadAssociations(f, V6Blocks, r.V6),
    });

    /// <summary>A describe-vpcs record, or a describe-vpc-classic-link record (which only flags an existing VPC).</summary>
    public static void Read(MappingNode m, string path, AwsReadContext ctx, AwsFile into)
    {
        if (!IsClassicLinkRecord(m))
        {
            into.Add(ReadVpc(m, path, ctx));
        }
        else if (m.Get("VpcId") is { } idNode && ctx.Str(idNode, LogicalPaths.Child(path, "VpcId"), "VpcId") is { } vpcId
            && m.Get("ClassicLinkEnabled") is { } flag && ctx.Bool(flag, LogicalPaths.Child(path, "ClassicLinkEnabled"), "ClassicLinkEnabled") is { } enabled)
        {
            into.ClassicLinkVpcs.Add((vpcId, enabled, m.Location(path)));
        }
    }

    public static Vpc? ReadVpc(MappingNode m, string path, AwsReadContext ctx)
    {
        if (!VpcTable.TryRead(m, path, ctx, out var r))
        {
            return null;
        }

        var v4 = r.V4;
        if (v4.Count == 0)
        {
            if (r.Primary is not null)
            {
                v4.Add(r.Primary);
            }
            else
            {
                ctx.Warning(m, path, $"VPC '{r.Id}' has neither 'CidrBlock' nor 'CidrBlockAssociationSet'; its address range is unknown");
            }
        }
        else if (r.Primary?.Value is { } pv)
        {
            PrimaryFirst(v4, pv);
        }

        return new Vpc(r.Id!, m.Location(path))
        {
            Name = r.Name,
            Account = r.OwnerId ?? ctx.Account,
            Region = ctx.Region,
            Ipv4Cidrs = v4.ToArray(),
            Ipv6Cidrs = r.V6.ToArray(),
            IsDefault = r.IsDefault,
            ClassicLinkEnabled = r.ClassicLink,
        };
    }

    /// <summary>Moves the primary block (AWS's <c>CidrBlock</c>) to the front of a block set when it is not there.</summary>
    public static void PrimaryFirst(List<CidrValue> blocks, PeeringLint.Addressing.Cidr primary)
    {
        for (int i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Value is { } c && c.Equals(primary) && blocks[0].Value is { } first && !first.Equals(primary))
            {
                var moved = blocks[i];
                blocks.RemoveAt(i);
                blocks.Insert(0, moved);
                break;
            }
        }
    }

    public static Subnet? ReadSubnet(MappingNode m, string path, AwsReadContext ctx)
    {
        return SubnetTable.ReadElement(m, path, ctx, (r, at) => new Subnet(r.Id!, at, r.VpcId)
        {
            Region = AwsLayout.RegionOf(r.Zone),
            Ipv4Cidr = r.V4,
            Ipv6Cidrs = r.V6.ToArray(),
            AvailabilityZone = r.Zone,
            MapPublicIpOnLaunch = r.MapPublic ?? false,
        });
    }

    /// <summary>CidrBlockAssociationSet-style lists: each item's block with its association state.</summary>
    private static void ReadAssociations(Field f, FieldTable<BlockFields> blocks, List<CidrValue> into)
    {
        foreach (var (item, ip) in f.Items($"an item of '{f.Key}'"))
        {
            var b = blocks.Read(item, ip, f.Ctx);

            // Amazon-provided IPv6 pools may list an association before the block is assigned.
            if (b.Cidr is not null)
            {
                into.Add(b.State == CidrAssociationState.Associated ? b.Cidr : b.Cidr with { State = b.State });
            }
        }
    }

    private static CidrAssociationState ParseState(Field? state)
    {
        if (state is not { } f)
        {
            return CidrAssociationState.Associated;
        }

        string? s = f.Str();
        switch (s)
        {
            case null:
            case "associated":
                return CidrAssociationState.Associated;
            case "associating":
                return CidrAssociationState.Associating;
            case "disassociating":
                return CidrAssociationState.Disassociating;
            case "disassociated":
                return CidrAssociationState.Disassociated;
            case "failing":
                return CidrAssociationState.Failing;
            case "failed":
                return CidrAssociationState.Failed;
            default:
                f.Warning($"unknown CIDR block association state '{s}'; the block is taken as associated");
                return CidrAssociationState.Associated;
        }
    }
}
