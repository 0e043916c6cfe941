using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Aws;

/// <summary>
/// Which Elastic IPs are in use. An address is associated with an instance or network interface (its own
/// record says so, or an EIPAssociation), or it is one of a NAT gateway's addresses: the gateway names it
/// (AllocationId and SecondaryAllocationIds on AWS::EC2::NatGateway and CfnNatGateway, NatGatewayAddresses
/// in describe-nat-gateways), even when the address record was captured before the gateway existed.
/// </summary>
public static class ElasticIpAssociations
{
    private static readonly ConditionalWeakTable<ModelIndex, NatAddresses> Cache = new();

    /// <summary>
    /// The gateway with the addresses a front end read: template AllocationId and SecondaryAllocationIds, or the
    /// describe-* NatGatewayAddresses (each an allocation id, or the public IP when no allocation id is given).
    /// An address that is set but unknown makes every unassociated Elastic IP possibly this gateway's.
    /// </summary>
    public static NatGateway WithAddresses(NatGateway nat, IEnumerable<PropertyValue> addresses)
    {
        var ids = new List<string>(nat.ElasticIpIds);
        bool unknown = nat.ElasticIpsUnknown;
        foreach (var a in addresses)
        {
            Add(a, ids, ref unknown);
        }

        return nat with { ElasticIpIds = ids.ToArray(), ElasticIpsUnknown = unknown };
    }

    /// <summary>The template form: AllocationId and SecondaryAllocationIds of AWS::EC2::NatGateway.</summary>
    public static NatGateway WithAddresses(NatGateway nat, PropertySource props) =>
        WithAddresses(nat, new[] { props("AllocationId"), props("SecondaryAllocationIds") });

    /// <summary>
    /// Yes when <paramref name="eip"/> is associated (with an instance, an interface, or as a NAT gateway's
    /// address, then <paramref name="nat"/> names the gateway); Unknown when the input leaves it open; No otherwise.
    /// </summary>
    public static Tri IsAssociated(ModelIndex index, ElasticIp eip, out NatGateway? nat)
    {
        nat = null;
        if (eip.InstanceId is not null || eip.NetworkInterfaceId is not null || eip.AssociationId is not null)
        {
            return Tri.Yes;
        }

        var addresses = Cache.GetValue(index, i => new NatAddresses(i));
        if (addresses.ById.TryGetValue(eip.Id, out nat))
        {
            return Tri.Yes;
        }

        // describe-nat-gateways names an address without an allocation id by its public IP.
        string? ip = eip.PublicIp;
        if (ip is not null && addresses.ById.TryGetValue(ip, out nat))
        {
            return Tri.Yes;
        }

        return eip.AssociationUnknown || addresses.AnyUnknown ? Tri.Unknown : Tri.No;
    }

    private static void Add(PropertyValue a, List<string> ids, ref bool unknown)
    {
        switch (a.Kind)
        {
            case PropertyValueKind.Known:
            case PropertyValueKind.Reference:
                if (!ids.Contains(a.Text!))
                {
                    ids.Add(a.Text!);
                }

                break;
            case PropertyValueKind.Unknown:
                unknown = true;
                break;
            case PropertyValueKind.List:
                foreach (var item in a.Items)
                {
                    Add(item, ids, ref unknown);
                }

                break;
        }
    }

    private sealed class NatAddresses
    {
        public NatAddresses(ModelIndex index)
        {
            foreach (var nat in index.Model.NatGateways)
            {
                AnyUnknown |= nat.ElasticIpsUnknown;
                foreach (var id in nat.ElasticIpIds)
                {
                    if (!ById.ContainsKey(id))
                    {
                        ById[id] = nat;
                    }
                }
            }
        }

        public Dictionary<string, NatGateway> ById { get; } = new(StringComparer.Ordinal);

        public bool AnyUnknown { get; }
    }
}
