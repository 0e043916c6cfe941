using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-internet-gateways and describe-nat-gateways records.</summary>
internal static class GatewayMapper
{
    public static InternetGateway? ReadInternetGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, owner = null, name = null;
        var vpcs = new List<string>(1);
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "InternetGatewayId":
                    id = ctx.Str(e.Value, p, "InternetGatewayId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "Attachments":
                    if (ctx.List(e.Value, p, "Attachments") is { } list)
                    {
                        for (int i = 0; i < list.Items.Count; i++)
                        {
                            string ap = p + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                            if (ctx.Item(list.Items[i], ap, "an attachment") is not { } a)
                            {
                                continue;
                            }

                            string? state = a.Get("State") is { } s ? ctx.Str(s, ap + ".State", "State") : null;
                            string? vpc = a.Get("VpcId") is { } v ? ctx.Str(v, ap + ".VpcId", "VpcId") : null;
                            if (vpc is not null && state is null or "available" or "attached")
                            {
                                vpcs.Add(vpc);
                            }
                        }
                    }

                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "an internet gateway record has no 'InternetGatewayId'; it is skipped");
            return null;
        }

        return new InternetGateway(id, m.Location(path))
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = ctx.Region,
            AttachedVpcIds = vpcs,
        };
    }

    public static NatGateway? ReadNatGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, subnet = null, vpc = null, name = null, connectivity = null;
        var addresses = new List<PropertyValue>();
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "NatGatewayId":
                    id = ctx.Str(e.Value, p, "NatGatewayId");
                    break;
                case "SubnetId":
                    subnet = ctx.Str(e.Value, p, "SubnetId");
                    break;
                case "VpcId":
                    vpc = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "ConnectivityType":
                    connectivity = ctx.Str(e.Value, p, "ConnectivityType");
                    break;
                case "NatGatewayAddresses":
                    ReadNatAddresses(e.Value, p, ctx, addresses);
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a NAT gateway record has no 'NatGatewayId'; it is skipped");
            return null;
        }

        var nat = new NatGateway(id, m.Location(path), subnet)
        {
            Name = name,
            Account = ctx.Account,
            Region = ctx.Region,
            VpcId = vpc,
            IsPublic = connectivity != "private",
        };
        return ElasticIpAssociations.WithAddresses(nat, addresses);
    }

    /// <summary>NatGatewayAddresses[]: each Elastic IP by its AllocationId, or its PublicIp when no allocation id is listed (private addresses have neither).</summary>
    private static void ReadNatAddresses(SyntaxNode value, string path, AwsReadContext ctx, List<PropertyValue> into)
    {
        if (ctx.List(value, path, "NatGatewayAddresses") is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ap = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (ctx.Item(list.Items[i], ap, "a NAT gateway address") is not { } a)
            {
                continue;
            }

            string? allocation = a.Get("AllocationId") is { } al ? ctx.Str(al, ap + ".AllocationId", "AllocationId") : null;
            string? publicIp = a.Get("PublicIp") is { } pi ? ctx.Str(pi, ap + ".PublicIp", "PublicIp") : null;
            into.Add(PropertyValue.KnownOrAbsent(allocation ?? publicIp));
        }
    }
}
