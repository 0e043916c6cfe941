using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>Instances (L1 and L2) and the subnet each sits in.</summary>
internal sealed partial class CdkModelBuilder
{
    private Instance ReadCfnInstance(ConstructFact f, string id, SourceLocation loc, Dictionary<string, string?> subnetVpc)
    {
        string? subnet = RefId(f.Prop("SubnetId"), "CfnSubnet");
        var publicIp = PublicIpMode.Unknown;
        SourceLocation? publicIpLocation = null;
        var groups = new List<string>();
        if (f.Prop("NetworkInterfaces") is ListValue { Items.Count: > 0 } nis && nis.Items[0] is ObjectValue ni)
        {
            subnet ??= RefId(ni.Get("SubnetId"), "CfnSubnet");
            if (ni.Get("AssociatePublicIpAddress") is BoolValue assoc)
            {
                publicIp = assoc.Value ? PublicIpMode.Assigned : PublicIpMode.None;
                publicIpLocation = Src(assoc.Location);
            }

            AddIds(groups, ni.Get("GroupSet"));
        }

        AddIds(groups, f.Prop("SecurityGroupIds"));
        var privateIp = Str(f.Prop("PrivateIpAddress"));
        return new Instance(id, loc, subnet)
        {
            Name = NameTag(f),
            VpcId = subnet is not null && subnetVpc.TryGetValue(subnet, out var v) ? v : null,
            PublicIp = publicIp,
            PublicIpLocation = publicIpLocation,
            SecurityGroupIds = groups.ToArray(),
            PrivateIpAddresses = privateIp is null ? Array.Empty<string>() : new[] { privateIp },
        };
    }

    private Instance ReadL2Instance(ConstructFact f, string id, SourceLocation loc)
    {
        var publicIp = PublicIpMode.Unknown;
        SourceLocation? publicIpLocation = null;
        if (f.Prop("AssociatePublicIpAddress") is BoolValue assoc)
        {
            publicIp = assoc.Value ? PublicIpMode.Assigned : PublicIpMode.None;
            publicIpLocation = Src(assoc.Location);
        }

        var groups = new List<string>();
        if (RefId(f.Prop("SecurityGroup"), "SecurityGroup", "CfnSecurityGroup") is { } g)
        {
            groups.Add(g);
        }

        var vpcId = RefId(f.Prop("Vpc"), "Vpc", "CfnVPC");
        return new Instance(id, loc, L2InstanceSubnet(f, vpcId))
        {
            Name = Str(f.Prop("InstanceName")),
            VpcId = vpcId,
            PublicIp = publicIp,
            PublicIpLocation = publicIpLocation,
            SecurityGroupIds = groups.ToArray(),
        };
    }

    /// <summary>
    /// The subnet the CDK puts an L2 instance in: the first subnet of its <c>VpcSubnets</c> selection by
    /// <c>SubnetType</c> (default: private, else isolated, else public). Null for anything else.
    /// </summary>
    private string? L2InstanceSubnet(ConstructFact f, string? vpcId)
    {
        if (vpcId is null || !_layouts.TryGetValue(vpcId, out var layout) || f.Prop("AvailabilityZone") is not null)
        {
            return null;
        }

        string group;
        switch (f.Prop("VpcSubnets"))
        {
            case null:
                group = layout.Group("PrivateSubnets").Count > 0 ? "PrivateSubnets" : layout.Group("IsolatedSubnets").Count > 0 ? "IsolatedSubnets" : "PublicSubnets";
                break;
            case ObjectValue { Properties.Count: 1 } selection when selection.Get("SubnetType") is EnumValue type:
                string? g = type.Member switch
                {
                    "PUBLIC" => "PublicSubnets",
                    "PRIVATE_WITH_EGRESS" or "PRIVATE_WITH_NAT" or "PRIVATE" => "PrivateSubnets",
                    "PRIVATE_ISOLATED" or "ISOLATED" => "IsolatedSubnets",
                    _ => null,
                };
                if (g is null)
                {
                    return null;
                }

                group = g;
                break;
            default:
                return null;
        }

        var list = layout.Group(group);
        return list.Count > 0 ? list[0].Id : null;
    }

    /// <summary>
    /// An instance that says nothing about a public address (no <c>AssociatePublicIpAddress</c>) gets one when its
    /// subnet maps public IPs on launch, as AWS does and as the CloudFormation reader models it (an Elastic IP
    /// still gives it one either way). A subnet whose setting is not known leaves the address unknown.
    /// </summary>
    private static void AutoAssignedPublicIps(List<Instance> instances, List<Subnet> subnets)
    {
        var byId = new Dictionary<string, Subnet>(StringComparer.Ordinal);
        foreach (var s in subnets)
        {
            byId[s.Id] = s;
        }

        for (int i = 0; i < instances.Count; i++)
        {
            var inst = instances[i];
            if (inst.PublicIp == PublicIpMode.Unknown && inst.PublicIpLocation is null && inst.SubnetId is { } id
                && byId.TryGetValue(id, out var subnet) && subnet.MapPublicIpOnLaunch is bool map)
            {
                instances[i] = inst with { PublicIp = map ? PublicIpMode.Assigned : PublicIpMode.None, PublicIpLocation = subnet.Location };
            }
        }
    }
}
