using System;
using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>
/// One concrete end of a path being evaluated: an instance or ENI, a range inside one subnet, or an address
/// outside every VPC of the model (the internet). Endpoints expand to one or more hosts.
/// </summary>
internal sealed class Host
{
    public Host(Endpoint endpoint, Cidr address)
    {
        Endpoint = endpoint;
        Address = address;
    }

    public Endpoint Endpoint { get; }

    /// <summary>The addresses matched against rules and routes (a /32 for an instance with a known private IP).</summary>
    public Cidr Address { get; }

    /// <summary>True for addresses outside every VPC of the model: traffic enters and leaves through internet gateways.</summary>
    public bool External { get; init; }

    public Vpc? Vpc { get; init; }

    public Subnet? Subnet { get; init; }

    /// <summary>The instance or network interface; null for a range.</summary>
    public Element? Element { get; init; }

    /// <summary>Security groups of an instance or ENI; empty for ranges.</summary>
    public IReadOnlyList<SecurityGroup> Groups { get; init; } = Array.Empty<SecurityGroup>();

    /// <summary>Ids of the groups (also those not in the input).</summary>
    public IReadOnlyList<string> GroupIds { get; init; } = Array.Empty<string>();

    /// <summary>Why the groups cannot be determined, when they cannot.</summary>
    public string? GroupsUnknown { get; init; }

    /// <summary>True when the groups are AWS's default for an instance that lists none.</summary>
    public bool UsesDefaultGroup { get; init; }

    public PublicIpMode PublicIp { get; init; } = PublicIpMode.Unknown;

    /// <summary>"public IPv4 203.0.113.5", "Elastic IP 'eip-1'".</summary>
    public string? PublicText { get; init; }

    public SourceLocation? PublicLocation { get; init; }

    public bool IsHost => Element is not null;

    public string Label
    {
        get
        {
            if (Element is Instance i)
            {
                return "instance " + i.Label;
            }

            if (Element is NetworkInterface n)
            {
                return "network interface " + n.Label;
            }

            if (Endpoint.Kind == EndpointKind.Internet)
            {
                return "the internet (" + AddressText + ")";
            }

            return AddressText;
        }
    }

    public string AddressText => Address.PrefixLength == Address.MaxPrefix ? Address.ToString().Split('/')[0] : Address.ToString();

    /// <summary>The source to name in a suggested rule: the VPC's primary block for a host, else the range.</summary>
    public Cidr RuleSource
    {
        get
        {
            if (Endpoint.Kind == EndpointKind.Internet)
            {
                return Cidr.AnyV4;
            }

            // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            Cidr? primary = IsHost && Vpc is not null && Vpc.Ipv4Cidrs.Count > 0 ? Vpc.Ipv4Cidrs[0].Value : null;
            if (primary is not null && primary.Value.Family == Address.Family)
            {
                return primary.Value;
            }

            return Address;
        }
    }

    /// <summary><see cref="RuleSource"/> as text.</summary>
    public string RuleSourceText => RuleSource.ToString();

    /// <summary>
    /// True when the instance's own record gives it a public IPv4 address (an address, or auto-assign on): the host
    /// <see cref="ForElement"/> makes of it then has <see cref="PublicIp"/> Assigned whatever its ENIs and Elastic
    /// IPs add, so a rule about instances without one can pass it by without working the host out.
    /// </summary>
    internal static bool OwnsPublicAddress(Instance instance) =>
        instance.PublicIpAddress is not null || instance.PublicIp == PublicIpMode.Assigned;

    internal static Host? ForElement(ReachabilityIndex ri, Endpoint endpoint)
    {
        var index = ri.Index;
        string? subnetId;
        string? vpcId;
        IReadOnlyList<string> privateIps;
        IReadOnlyList<string> groupIds;
        var element = endpoint.Element!;
        PublicIpMode mode;
        string? publicText = null;
        SourceLocation? publicLocation = null;
        if (element is Instance inst)
        {
            subnetId = inst.SubnetId;
            vpcId = index.VpcOfInstance(inst);
            privateIps = inst.PrivateIpAddresses;
            groupIds = inst.SecurityGroupIds;
            // Most instances name no ENI and have no Elastic IP: no lists for them, only the first of each is read.
            List<NetworkInterface>? enis = null;
            var eniIds = inst.NetworkInterfaceIds;
            for (int k = 0; k < eniIds.Count; k++)
            {
                if (index.NetworkInterfaces.TryGetValue(eniIds[k], out var n))
                {
                    enis ??= new List<NetworkInterface>(eniIds.Count);
                    enis.Add(n);
                }
            }

            if (groupIds.Count == 0 && enis is not null)
            {
                groupIds = enis[0].SecurityGroupIds;
            }

            if (privateIps.Count == 0 && enis is not null)
            {
                privateIps = enis[0].PrivateIpAddresses;
            }

            mode = inst.PublicIp;
            publicLocation = inst.PublicIpLocation;
            if (inst.PublicIpAddress is not null)
            {
                mode = PublicIpMode.Assigned;
                publicText = "public IPv4 " + inst.PublicIpAddress;
            }

            // The first Elastic IP: the instance's own, else those of its ENIs in order.
            var own = index.ElasticIpsOfInstance(inst.Id);
            ElasticIp? eip = own.Count > 0 ? own[0] : null;
            for (int k = 0; enis is not null && k < enis.Count; k++)
            {
                var n = enis[k];
                var ofEni = index.ElasticIpsOfInterface(n.Id);
                if (eip is null && ofEni.Count > 0)
                {
                    eip = ofEni[0];
                }

                if (n.PublicIpAddress is not null && publicText is null)
                {
                    mode = PublicIpMode.Assigned;
                    publicText = "public IPv4 " + n.PublicIpAddress;
                }
            }

            if (eip is not null)
            {
                mode = PublicIpMode.Assigned;
                publicText = "Elastic IP " + eip.Label + (eip.PublicIp is null ? string.Empty : " " + eip.PublicIp);
                publicLocation = eip.Location;
            }
            else if (mode == PublicIpMode.Assigned && publicText is null)
            {
                publicText = "a public IPv4 address";
            }
        }
        else
        {
            var eni = (NetworkInterface)element;
            subnetId = eni.SubnetId;
            vpcId = eni.VpcId;
            privateIps = eni.PrivateIpAddresses;
            groupIds = eni.SecurityGroupIds;
            var eips = index.ElasticIpsOfInterface(eni.Id);
            if (eips.Count > 0)
            {
                mode = PublicIpMode.Assigned;
                publicText = "Elastic IP " + eips[0].Label;
                publicLocation = eips[0].Location;
            }
            else if (eni.PublicIpAddress is not null)
            {
                mode = PublicIpMode.Assigned;
                publicText = "public IPv4 " + eni.PublicIpAddress;
            }
            else
            {
                var owner = index.Instance(eni.AttachedInstanceId);
                mode = owner is null || owner.PublicIp == PublicIpMode.Assigned ? PublicIpMode.Unknown : owner.PublicIp;
            }
        }

        if (mode == PublicIpMode.None && ri.HasElasticIpWithUnknownAssociation)
        {
            mode = PublicIpMode.Unknown;
        }

        var subnet = index.Subnet(subnetId);
        vpcId ??= subnet?.VpcId;
        var vpc = index.Vpc(vpcId);

        Cidr? address = null;
        // Index loops over the model's lists: a foreach through the interface allocates an enumerator per host.
        for (int k = 0; k < privateIps.Count; k++)
        {
            if (Cidr.TryParseV4(privateIps[k], out uint a))
            {
                address = Cidr.FromV4(a, 32);
                break;
            }
        }

        var subnetBlock = subnet?.Ipv4Cidr;
        if (address is null && subnetBlock is not null && subnetBlock.IsUsable)
        {
            address = subnetBlock.Value;
        }

        if (address is null)
        {
            return null;
        }

        var groups = new List<SecurityGroup>(Math.Max(groupIds.Count, 1));
        string? unknown = null;
        bool usesDefault = false;
        if (groupIds.Count == 0)
        {
            usesDefault = true;
            var d = vpcId is null ? null : ri.DefaultGroupOf(vpcId);
            if (d is null)
            {
                unknown = $"{Describe.Vpc(index, vpcId)}'s default security group is not in the input";
            }
            else
            {
                groups.Add(d);
                groupIds = new[] { d.Id };
            }
        }
        else
        {
            for (int k = 0; k < groupIds.Count; k++)
            {
                var id = groupIds[k];
                if (index.SecurityGroups.TryGetValue(id, out var g))
                {
                    groups.Add(g);
                }
                else
                {
                    unknown = $"security group '{id}' is not in the input";
                }
            }
        }

        return new Host(endpoint, address.Value)
        {
            Element = element,
            Vpc = vpc,
            Subnet = subnet,
            Groups = groups,
            GroupIds = groupIds,
            GroupsUnknown = unknown,
            UsesDefaultGroup = usesDefault,
            PublicIp = mode,
            PublicText = publicText,
            PublicLocation = publicLocation,
        };
    }
}
