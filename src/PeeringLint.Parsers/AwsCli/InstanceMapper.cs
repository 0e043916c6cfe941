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

    /// <summary>
    /// One instance record. <paramref name="launch"/>: run-instances output, printed while the instance is pending and
    /// before AWS assigns its public IPv4 address, so a missing <c>PublicIpAddress</c> there means unknown, not none.
    /// </summary>
    public static Instance? ReadInstance(MappingNode m, string path, string? owner, AwsReadContext ctx, bool launch)
    {
        string? id = null, subnet = null, vpc = null, name = null, publicIp = null, state = null, zone = null;
        SourceLocation? publicIpLocation = null;
        var privateIps = new List<string>(2);
        var groups = new List<string>(1);
        var enis = new List<string>(1);
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "InstanceId":
                    id = ctx.Str(e.Value, p, "InstanceId");
                    break;
                case "SubnetId":
                    subnet = ctx.Str(e.Value, p, "SubnetId");
                    break;
                case "VpcId":
                    vpc = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "PrivateIpAddress":
                    AddDistinct(privateIps, ctx.Str(e.Value, p, "PrivateIpAddress"));
                    break;
                case "PublicIpAddress":
                    publicIp = ctx.Str(e.Value, p, "PublicIpAddress");
                    publicIpLocation = publicIp is null ? null : e.Value.Location(p);
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "State":
                    if (ctx.Map(e.Value, p, "State")?.Get("Name") is { } sn)
                    {
                        state = ctx.Str(sn, p + ".Name", "Name");
                    }

                    break;
                case "Placement":
                    if (ctx.Map(e.Value, p, "Placement")?.Get("AvailabilityZone") is { } az)
                    {
                        zone = ctx.Str(az, p + ".AvailabilityZone", "AvailabilityZone");
                    }

                    break;
                case "SecurityGroups":
                    GroupIds(e.Value, p, "SecurityGroups", ctx, groups);
                    break;
                case "NetworkInterfaces":
                    if (ctx.List(e.Value, p, "NetworkInterfaces") is { } nics)
                    {
                        for (int i = 0; i < nics.Items.Count; i++)
                        {
                            string np = p + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                            if (ctx.Item(nics.Items[i], np, "a network interface") is not { } nic)
                            {
                                continue;
                            }

                            if (nic.Get("NetworkInterfaceId") is { } nid)
                            {
                                AddDistinct(enis, ctx.Str(nid, np + ".NetworkInterfaceId", "NetworkInterfaceId"));
                            }

                            PrivateIps(nic, np, ctx, privateIps);
                        }
                    }

                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "an instance record has no 'InstanceId'; it is skipped");
            return null;
        }

        return new Instance(id, m.Location(path), subnet)
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = AwsLayout.RegionOf(zone) ?? ctx.Region,
            VpcId = vpc,
            PrivateIpAddresses = privateIps,
            PublicIpAddress = publicIp,
            PublicIp = publicIp is not null ? PublicIpMode.Assigned : launch && state is null or "pending" ? PublicIpMode.Unknown : PublicIpMode.None,
            PublicIpLocation = publicIpLocation,
            SecurityGroupIds = groups,
            NetworkInterfaceIds = enis,
            State = state,
        };
    }

    /// <summary>A describe-classic-link-instances record: the instance and the VPC it is linked to.</summary>
    public static (string InstanceId, string VpcId, MappingNode Node)? ReadClassicLinkInstance(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = m.Get("InstanceId") is { } i ? ctx.Str(i, path + ".InstanceId", "InstanceId") : null;
        string? vpc = m.Get("VpcId") is { } v ? ctx.Str(v, path + ".VpcId", "VpcId") : null;
        return id is null || vpc is null ? null : (id, vpc, m);
    }

    public static NetworkInterface? ReadNetworkInterface(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, subnet = null, vpc = null, owner = null, name = null, instance = null, publicIp = null, type = null, zone = null;
        var privateIps = new List<string>(1);
        var groups = new List<string>(1);
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "NetworkInterfaceId":
                    id = ctx.Str(e.Value, p, "NetworkInterfaceId");
                    break;
                case "SubnetId":
                    subnet = ctx.Str(e.Value, p, "SubnetId");
                    break;
                case "VpcId":
                    vpc = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "InterfaceType":
                    type = ctx.Str(e.Value, p, "InterfaceType");
                    break;
                case "AvailabilityZone":
                    zone = ctx.Str(e.Value, p, "AvailabilityZone");
                    break;
                case "TagSet":
                case "Tags":
                    name ??= ctx.NameTag(e.Value, p, e.Key.Value!);
                    break;
                case "Groups":
                    GroupIds(e.Value, p, "Groups", ctx, groups);
                    break;
                case "Attachment":
                    if (ctx.Map(e.Value, p, "Attachment")?.Get("InstanceId") is { } ai)
                    {
                        instance = ctx.Str(ai, p + ".InstanceId", "InstanceId");
                    }

                    break;
                case "Association":
                    if (ctx.Map(e.Value, p, "Association")?.Get("PublicIp") is { } pi)
                    {
                        publicIp = ctx.Str(pi, p + ".PublicIp", "PublicIp");
                    }

                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a network interface record has no 'NetworkInterfaceId'; it is skipped");
            return null;
        }

        PrivateIps(m, path, ctx, privateIps);
        return new NetworkInterface(id, m.Location(path), subnet)
        {
            Name = name,
            Account = owner ?? ctx.Account,
            Region = AwsLayout.RegionOf(zone) ?? ctx.Region,
            VpcId = vpc,
            AttachedInstanceId = instance,
            PrivateIpAddresses = privateIps,
            PublicIpAddress = publicIp,
            SecurityGroupIds = groups,
            InterfaceType = type,
        };
    }

    public static ElasticIp? ReadAddress(MappingNode m, string path, AwsReadContext ctx)
    {
        string? allocation = null, publicIp = null, instance = null, eni = null, association = null, name = null, borderGroup = null;
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "AllocationId":
                    allocation = ctx.Str(e.Value, p, "AllocationId");
                    break;
                case "PublicIp":
                    publicIp = ctx.Str(e.Value, p, "PublicIp");
                    break;
                case "InstanceId":
                    instance = ctx.Str(e.Value, p, "InstanceId");
                    break;
                case "NetworkInterfaceId":
                    eni = ctx.Str(e.Value, p, "NetworkInterfaceId");
                    break;
                case "AssociationId":
                    association = ctx.Str(e.Value, p, "AssociationId");
                    break;
                case "NetworkBorderGroup":
                    borderGroup = ctx.Str(e.Value, p, "NetworkBorderGroup");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
            }
        }

        string? id = allocation ?? publicIp;
        if (id is null)
        {
            ctx.Error(m, path, "an address record has neither 'AllocationId' nor 'PublicIp'; it is skipped");
            return null;
        }

        return new ElasticIp(id, m.Location(path))
        {
            Name = name,
            Account = ctx.Account,
            Region = AwsLayout.IsRegion(borderGroup) ? borderGroup : ctx.Region,
            PublicIp = publicIp,
            InstanceId = instance,
            NetworkInterfaceId = eni,
            AssociationId = association,
        };
    }

    private static void GroupIds(SyntaxNode value, string path, string key, AwsReadContext ctx, List<string> into)
    {
        if (ctx.List(value, path, key) is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string gp = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (ctx.Item(list.Items[i], gp, "a security group") is { } g && g.Get("GroupId") is { } gid)
            {
                AddDistinct(into, ctx.Str(gid, gp + ".GroupId", "GroupId"));
            }
        }
    }

    /// <summary>PrivateIpAddress and PrivateIpAddresses[].PrivateIpAddress of an instance's or ENI's interface.</summary>
    private static void PrivateIps(MappingNode nic, string path, AwsReadContext ctx, List<string> into)
    {
        if (nic.Get("PrivateIpAddress") is { } single)
        {
            AddDistinct(into, ctx.Str(single, path + ".PrivateIpAddress", "PrivateIpAddress"));
        }

        if (nic.Get("PrivateIpAddresses") is not { } value || ctx.List(value, path + ".PrivateIpAddresses", "PrivateIpAddresses") is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ap = path + ".PrivateIpAddresses[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (ctx.Item(list.Items[i], ap, "a private address") is { } a && a.Get("PrivateIpAddress") is { } ip)
            {
                AddDistinct(into, ctx.Str(ip, ap + ".PrivateIpAddress", "PrivateIpAddress"));
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
