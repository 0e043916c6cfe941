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

    public static Vpc? ReadVpc(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, owner = null, name = null;
        bool isDefault = false;
        bool? classicLink = null;
        CidrValue? primary = null;
        var v4 = new List<CidrValue>(2);
        var v6 = new List<CidrValue>();
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "VpcId":
                    id = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "CidrBlock":
                    primary = ctx.Cidr(e.Value, p, "CidrBlock");
                    break;
                case "IsDefault":
                    isDefault = ctx.Bool(e.Value, p, "IsDefault") ?? false;
                    break;
                case "ClassicLinkEnabled":
                    classicLink = ctx.Bool(e.Value, p, "ClassicLinkEnabled");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "CidrBlockAssociationSet":
                    ReadAssociations(e.Value, p, "CidrBlockAssociationSet", "CidrBlock", "CidrBlockState", ctx, v4);
                    break;
                case "Ipv6CidrBlockAssociationSet":
                    ReadAssociations(e.Value, p, "Ipv6CidrBlockAssociationSet", "Ipv6CidrBlock", "Ipv6CidrBlockState", ctx, v6);
                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a VPC record has no 'VpcId'; it is skipped");
            return null;
        }

        if (v4.Count == 0)
        {
            if (primary is not null)
            {
                v4.Add(primary);
            }
            else
            {
                ctx.Warning(m, path, $"VPC '{id}' has neither 'CidrBlock' nor 'CidrBlockAssociationSet'; its address range is unknown");
            }
        }
        else if (primary?.Value is { } pv)
        {
            // The primary block first, as AWS's CidrBlock names it.
            for (int i = 1; i < v4.Count; i++)
            {
                if (v4[i].Value is { } c && c.Equals(pv) && v4[0].Value is { } first && !first.Equals(pv))
                {
                    var moved = v4[i];
                    v4.RemoveAt(i);
                    v4.Insert(0, moved);
                    break;
                }
            }
        }

        return new Vpc(id, m.Location(path))
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = ctx.Region,
            Ipv4Cidrs = v4,
            Ipv6Cidrs = v6,
            IsDefault = isDefault,
            ClassicLinkEnabled = classicLink,
        };
    }

    public static Subnet? ReadSubnet(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, vpcId = null, owner = null, name = null, zone = null;
        bool? mapPublic = null;
        CidrValue? v4 = null;
        var v6 = new List<CidrValue>();
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "SubnetId":
                    id = ctx.Str(e.Value, p, "SubnetId");
                    break;
                case "VpcId":
                    vpcId = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "CidrBlock":
                    v4 = ctx.Cidr(e.Value, p, "CidrBlock");
                    break;
                case "AvailabilityZone":
                    zone = ctx.Str(e.Value, p, "AvailabilityZone");
                    break;
                case "MapPublicIpOnLaunch":
                    mapPublic = ctx.Bool(e.Value, p, "MapPublicIpOnLaunch");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "Ipv6CidrBlockAssociationSet":
                    ReadAssociations(e.Value, p, "Ipv6CidrBlockAssociationSet", "Ipv6CidrBlock", "Ipv6CidrBlockState", ctx, v6);
                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a subnet record has no 'SubnetId'; it is skipped");
            return null;
        }

        return new Subnet(id, m.Location(path), vpcId)
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = AwsLayout.RegionOf(zone) ?? ctx.Region,
            Ipv4Cidr = v4,
            Ipv6Cidrs = v6,
            AvailabilityZone = zone,
            MapPublicIpOnLaunch = mapPublic ?? false,
        };
    }

    /// <summary>CidrBlockAssociationSet-style lists: each item's block with its association state.</summary>
    private static void ReadAssociations(SyntaxNode value, string path, string key, string blockKey, string stateKey, AwsReadContext ctx, List<CidrValue> into)
    {
        var list = ctx.List(value, path, key);
        if (list is null)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ip = path + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            var item = ctx.Item(list.Items[i], ip, $"an item of '{key}'");
            if (item is null)
            {
                continue;
            }

            CidrValue? cidr = null;
            var state = CidrAssociationState.Associated;
            foreach (var e in item.Entries)
            {
                string p = ip + "." + e.Key.Value;
                if (e.Key.Value == blockKey)
                {
                    cidr = ctx.Cidr(e.Value, p, blockKey);
                }
                else if (e.Key.Value == stateKey && ctx.Map(e.Value, p, stateKey) is { } st && st.Get("State") is { } sv)
                {
                    state = ParseState(ctx.Str(sv, p + ".State", "State"), sv, p + ".State", ctx);
                }
            }

            if (cidr is null)
            {
                // Amazon-provided IPv6 pools may list an association before the block is assigned.
                continue;
            }

            into.Add(state == CidrAssociationState.Associated ? cidr : cidr with { State = state });
        }
    }

    private static CidrAssociationState ParseState(string? s, SyntaxNode node, string path, AwsReadContext ctx)
    {
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
                ctx.Warning(node, path, $"unknown CIDR block association state '{s}'; the block is taken as associated");
                return CidrAssociationState.Associated;
        }
    }
}
