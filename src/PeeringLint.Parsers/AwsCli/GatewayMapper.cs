using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-internet-gateways and describe-nat-gateways records.</summary>
internal static class GatewayMapper
{
    private sealed class GatewayFields : RecordFields
    {
        public List<string> Vpcs { get; } = new(1);
    }

    private sealed class AttachmentFields : RecordFields
    {
        public string? State { get; set; }
    }

    private static readonly FieldTable<AttachmentFields> Attachments = new(null, null, new()
    {
        ["State"] = (r, f) => r.State = f.Str(),
    });

    private static readonly FieldTable<GatewayFields> InternetGatewayTable = new("internet gateway", "InternetGatewayId", new()
    {
        ["Attachments"] = (r, f) =>
        {
            foreach (var (item, ap) in f.Items("an attachment"))
            {
                var a = Attachments.Read(item, ap, f.Ctx);
                if (a.VpcId is not null && a.State is null or "available" or "attached")
                {
                    r.Vpcs.Add(a.VpcId);
                }
            }
        },
    });

    public static InternetGateway? ReadInternetGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        return InternetGatewayTable.ReadElement(m, path, ctx, (r, at) => new InternetGateway(r.Id!, at)
        {
            AttachedVpcIds = r.Vpcs.ToArray(),
        });
    }

    public static NatGateway? ReadNatGateway(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, subnet = null, vpc = null, name = null, connectivity = null, privateIp = null;
        var addresses = new List<PropertyValue>();
        for (int i = 0; i < m.Count; i++)
        {
            string? key = m.KeyAt(i);
            var value = m.ValueAt(i);
            string p = LogicalPaths.Child(path, key ?? string.Empty);
            switch (key)
            {
                case "NatGatewayId":
                    id = ctx.Str(value, p, "NatGatewayId");
                    break;
                case "SubnetId":
                    subnet = ctx.Str(value, p, "SubnetId");
                    break;
                case "VpcId":
                    vpc = ctx.Str(value, p, "VpcId");
                    break;
                case "ConnectivityType":
                    connectivity = ctx.Str(value, p, "ConnectivityType");
                    break;
                case "NatGatewayAddresses":
                    privateIp = ReadNatAddresses(value, p, ctx, addresses);
                    break;
                case "Tags":
                    name = ctx.NameTag(value, p, "Tags");
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
            PrivateIpAddress = privateIp,
        };
        return ElasticIpAssociations.WithAddresses(nat, addresses);
    }

    /// <summary>
    /// NatGatewayAddresses[]: each Elastic IP by its AllocationId, or its PublicIp when no allocation id is listed (private
    /// addresses have neither). Returns the primary private address (IsPrimary, else the first PrivateIp).
    /// </summary>
    private static string? ReadNatAddresses(SyntaxNode value, string path, AwsReadContext ctx, List<PropertyValue> into)
    {
        string? primary = null, first = null;
        SequenceNode? list = ctx.List(value, path, "NatGatewayAddresses");
        if (list is null)
        {
            return null;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ap = LogicalPaths.Item(path, i);
            MappingNode? a = ctx.Item(list.Items[i], ap, "a NAT gateway address");
            if (a is null)
            {
                continue;
            }

            string? allocation = a.Get("AllocationId") is { } al ? ctx.Str(al, LogicalPaths.Child(ap, "AllocationId"), "AllocationId") : null;
            string? publicIp = a.Get("PublicIp") is { } pi ? ctx.Str(pi, LogicalPaths.Child(ap, "PublicIp"), "PublicIp") : null;
            into.Add(PropertyValue.KnownOrAbsent(allocation ?? publicIp));
            if (a.Get("PrivateIp") is ScalarNode { Value: { } ip })
            {
                first ??= ip;
                if (a.Get("IsPrimary") is ScalarNode { Value: "true" or "True" })
                {
                    primary ??= ip;
                }
            }
        }

        return primary ?? first;
    }
}
