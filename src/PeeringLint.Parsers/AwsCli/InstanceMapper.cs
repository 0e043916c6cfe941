using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-instances (Reservations → Instances), describe-network-interfaces, describe-addresses and describe-classic-link-instances records.</summary>
internal static class InstanceMapper
{
    /// <summary>A reservation of describe-instances, or the one run-instances prints (<paramref name="launch"/>: the instances as launched).</summary>
    public static void ReadReservation(MappingNode r, string path, AwsReadContext ctx, AwsFile into, bool launch = false)
    {
        string at = path.Length == 0 ? string.Empty : path + ".";
        string? owner = r.Get("OwnerId") is { } o ? ctx.Str(o, at + "OwnerId", "OwnerId") : null;
        if (r.Get("Instances") is not { } value || ctx.List(value, at + "Instances", "Instances") is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ip = at + "Instances[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (ctx.Item(list.Items[i], ip, "an instance") is { } m && ReadInstance(m, ip, owner, ctx, launch) is { } instance)
            {
                into.Add(instance);
            }
        }
    }

    private sealed class InstanceFields : RecordFields
    {
        public string? PublicIp { get; set; }

        public SourceLocation? PublicIpLocation { get; set; }

        public string? State { get; set; }

        public string? Zone { get; set; }

        public List<string> PrivateIps { get; } = new(2);

        public List<string> Groups { get; } = new(1);

        public List<string> Interfaces { get; } = new(1);
    }

    private sealed class InterfaceFields : RecordFields
    {
        public string? Instance { get; set; }

        public string? PublicIp { get; set; }

        public string? Type { get; set; }

        public string? Zone { get; set; }

        public string? PrimaryIp { get; set; }

        public List<string> Addresses { get; } = new(1);

        public List<string> Groups { get; } = new(1);

        /// <summary>PrivateIpAddress, then each of PrivateIpAddresses, once each.</summary>
        public void PrivateIps(List<string> into)
        {
            AddDistinct(into, PrimaryIp);
            foreach (var ip in Addresses)
            {
                AddDistinct(into, ip);
            }
        }
    }

    private sealed class AddressFields : RecordFields
    {
        public string? AllocationId { get; set; }

        public string? PublicIp { get; set; }

        public string? Instance { get; set; }

        public string? Interface { get; set; }

        public string? Association { get; set; }

        public string? BorderGroup { get; set; }
    }

    private static readonly FieldTable<InterfaceFields> InterfaceTable = new("network interface", "NetworkInterfaceId", new()
    {
        ["InterfaceType"] = (r, f) => r.Type = f.Str(),
        ["AvailabilityZone"] = (r, f) => r.Zone = f.Str(),
        ["Groups"] = (r, f) => GroupIds(f, r.Groups),
        ["Attachment"] = (r, f) => r.Instance = f.Get("InstanceId")?.Str(),
        ["Association"] = (r, f) => r.PublicIp = f.Get("PublicIp")?.Str(),
        ["PrivateIpAddress"] = (r, f) => r.PrimaryIp = f.Str(),
        ["PrivateIpAddresses"] = (r, f) =>
        {
            foreach (var (a, ap) in f.Items("a private address"))
            {
                if (a.Get("PrivateIpAddress") is { } ip && new Field(ip, ap, "PrivateIpAddress", f.Ctx).Str() is { } address)
                {
                    r.Addresses.Add(address);
                }
            }
        },
    });

    private static readonly FieldTable<InstanceFields> InstanceTable = new("instance", "InstanceId", new()
    {
        ["PrivateIpAddress"] = (r, f) => AddDistinct(r.PrivateIps, f.Str()),
        ["PublicIpAddress"] = (r, f) =>
        {
            r.PublicIp = f.Str();
            r.PublicIpLocation = r.PublicIp is null ? null : f.Value.Location(f.Path);
        },
        ["State"] = (r, f) => r.State = f.Get("Name")?.Str(),
        ["Placement"] = (r, f) => r.Zone = f.Get("AvailabilityZone")?.Str(),
        ["SecurityGroups"] = (r, f) => GroupIds(f, r.Groups),
        ["NetworkInterfaces"] = (r, f) =>
        {
            foreach (var (nic, np) in f.Items("a network interface"))
            {
                var n = InterfaceTable.Read(nic, np, f.Ctx);
                AddDistinct(r.Interfaces, n.Id);
                n.PrivateIps(r.PrivateIps);
            }
        },
    });

    private static readonly FieldTable<AddressFields> AddressTable = new("address", null, new()
    {
        ["AllocationId"] = (r, f) => r.AllocationId = f.Str(),
        ["PublicIp"] = (r, f) => r.PublicIp = f.Str(),
        ["InstanceId"] = (r, f) => r.Instance = f.Str(),
        ["NetworkInterfaceId"] = (r, f) => r.Interface = f.Str(),
        ["AssociationId"] = (r, f) => r.Association = f.Str(),
        ["NetworkBorderGroup"] = (r, f) => r.BorderGroup = f.Str(),
    });

    /// <summary>
    /// One instance record. <paramref name="launch"/>: run-instances output, printed while the instance is pending and
    /// before AWS assigns its public IPv4 address, so a missing <c>PublicIpAddress</c> there means unknown, not none.
    /// </summary>
    public static Instance? ReadInstance(MappingNode m, string path, string? owner, AwsReadContext ctx, bool launch)
    {
        return InstanceTable.ReadElement(m, path, ctx, (r, at) => new Instance(r.Id!, at, r.SubnetId)
        {
            Account = owner,
            Region = AwsLayout.RegionOf(r.Zone),
            VpcId = r.VpcId,
            PrivateIpAddresses = r.PrivateIps.ToArray(),
            PublicIpAddress = r.PublicIp,
            PublicIp = r.PublicIp is not null ? PublicIpMode.Assigned : launch && r.State is null or "pending" ? PublicIpMode.Unknown : PublicIpMode.None,
            PublicIpLocation = r.PublicIpLocation,
            SecurityGroupIds = r.Groups.ToArray(),
            NetworkInterfaceIds = r.Interfaces.ToArray(),
            State = r.State,
        });
    }

    /// <summary>
    /// An item of a top-level <c>Instances</c> list: describe-classic-link-instances records have InstanceId, VpcId,
    /// Groups and Tags only; anything fuller is an instance record (run-instances output, describe-instances reshaped).
    /// </summary>
    public static void ReadInstanceOrClassicLink(MappingNode m, string path, AwsReadContext ctx, AwsFile into)
    {
        if (!AwsShapes.IsClassicLinkInstance(m))
        {
            into.Add(ReadInstance(m, path, null, ctx, launch: false));
        }
        else if (ReadClassicLinkInstance(m, path, ctx) is { } link)
        {
            into.ClassicLinkInstances.Add((link.InstanceId, link.VpcId, m.Location(path), ctx.Account, ctx.Region));
        }
    }

    /// <summary>A describe-classic-link-instances record: the instance and the VPC it is linked to.</summary>
    public static (string InstanceId, string VpcId, MappingNode Node)? ReadClassicLinkInstance(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = m.Get("InstanceId") is { } i ? ctx.Str(i, LogicalPaths.Child(path, "InstanceId"), "InstanceId") : null;
        string? vpc = m.Get("VpcId") is { } v ? ctx.Str(v, LogicalPaths.Child(path, "VpcId"), "VpcId") : null;
        return id is null || vpc is null ? null : (id, vpc, m);
    }

    public static NetworkInterface? ReadNetworkInterface(MappingNode m, string path, AwsReadContext ctx)
    {
        return InterfaceTable.ReadElement(m, path, ctx, (r, at) =>
        {
            var privateIps = new List<string>(1);
            r.PrivateIps(privateIps);
            return new NetworkInterface(r.Id!, at, r.SubnetId)
            {
                Region = AwsLayout.RegionOf(r.Zone),
                VpcId = r.VpcId,
                AttachedInstanceId = r.Instance,
                PrivateIpAddresses = privateIps.ToArray(),
                PublicIpAddress = r.PublicIp,
                SecurityGroupIds = r.Groups.ToArray(),
                InterfaceType = r.Type,
            };
        });
    }

    public static ElasticIp? ReadAddress(MappingNode m, string path, AwsReadContext ctx)
    {
        var r = AddressTable.Read(m, path, ctx);
        string? id = r.AllocationId ?? r.PublicIp;
        if (id is null)
        {
            ctx.Error(m, path, "an address record has neither 'AllocationId' nor 'PublicIp'; it is skipped");
            return null;
        }

        return new ElasticIp(id, m.Location(path))
        {
            Name = r.Name,
            Account = ctx.Account,
            Region = AwsLayout.IsRegion(r.BorderGroup) ? r.BorderGroup : ctx.Region,
            PublicIp = r.PublicIp,
            InstanceId = r.Instance,
            NetworkInterfaceId = r.Interface,
            AssociationId = r.Association,
        };
    }

    /// <summary>The GroupId of each item of a SecurityGroups/Groups list.</summary>
    private static void GroupIds(Field f, List<string> into)
    {
        foreach (var (g, gp) in f.Items("a security group"))
        {
            if (g.Get("GroupId") is { } gid)
            {
                AddDistinct(into, new Field(gid, gp, "GroupId", f.Ctx).Str());
            }
        }
    }

    private static void AddDistinct(List<string> list, string? value)
    {
        if (value is not null && !list.Contains(value))
        {
            list.Add(value);
        }
    }
}
