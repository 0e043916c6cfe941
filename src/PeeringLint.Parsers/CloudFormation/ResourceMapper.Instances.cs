using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Instances, Elastic IPs and their associations, NAT gateways.</summary>
internal sealed partial class ResourceMapper
{
    private void MapInstance(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        string? subnetId = IdOf(r, P(props, "SubnetId"), "SubnetId");
        var groups = IdsOf(r, P(props, "SecurityGroupIds"), "SecurityGroupIds");
        groups.AddRange(IdsOf(r, P(props, "SecurityGroups"), "SecurityGroups"));
        var ips = new List<string>();
        string? ip = StrOf(P(props, "PrivateIpAddress"));
        if (ip is not null)
        {
            ips.Add(ip);
        }

        bool? associate = null;
        SourceLocation? associateLoc = null;
        var nis = P(props, "NetworkInterfaces");
        if (nis is not null && nis.Kind == CfnKind.List)
        {
            for (int i = 0; i < nis.Items.Count; i++)
            {
                // An item that is not a mapping has none of the properties below (Get answers null): it adds nothing.
                var ni = nis.Items[i];
                bool primary = StrOf(P(ni, "DeviceIndex")) is null or "0" || nis.Items.Count == 1;
                if (!primary)
                {
                    continue;
                }

                subnetId ??= IdOf(r, P(ni, "SubnetId"), $"NetworkInterfaces/{i}/SubnetId");
                groups.AddRange(IdsOf(r, P(ni, "GroupSet"), $"NetworkInterfaces/{i}/GroupSet"));
                string? nip = StrOf(P(ni, "PrivateIpAddress"));
                if (nip is not null)
                {
                    ips.Add(nip);
                }

                var ap = P(ni, "AssociatePublicIpAddress");
                if (ap is not null)
                {
                    associate = BoolOf(ap);
                    associateLoc = Loc(r, ap, $"NetworkInterfaces/{i}/AssociatePublicIpAddress");
                }
            }
        }

        var instance = new Instance(r.ModelId, r.Location, subnetId)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            SecurityGroupIds = groups.Distinct(StringComparer.Ordinal).ToArray(),
            PrivateIpAddresses = ips,
        };
        _instances.Add(new InstanceDraft(instance) { AssociatePublicIp = associate, AssociateLocation = associateLoc });
        _coverage |= ResourceKinds.Instances;
    }

    private void MapEip(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        var instanceValue = P(props, "InstanceId");
        var eip = new ElasticIp(r.ModelId, r.Location)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            InstanceId = IdOf(r, instanceValue, "InstanceId"),
            AssociationUnknown = instanceValue is { IsUnknown: true },
        };
        _eipIndex[eip.Id] = _eips.Count;
        _eips.Add(eip);
        _coverage |= ResourceKinds.ElasticIps;
    }

    private void MapEipAssociation(TemplateResource r)
    {
        var props = Props(r);
        string? eipId = IdOf(r, P(props, "AllocationId"), "AllocationId") ?? IdOf(r, P(props, "EIP"), "EIP");
        var instanceValue = P(props, "InstanceId");
        string? instanceId = IdOf(r, instanceValue, "InstanceId");
        string? eniId = IdOf(r, P(props, "NetworkInterfaceId"), "NetworkInterfaceId");
        if (eipId is not null && _eipIndex.TryGetValue(eipId, out int k))
        {
            var e = _eips[k];
            _eips[k] = e with
            {
                InstanceId = e.InstanceId ?? instanceId,
                NetworkInterfaceId = e.NetworkInterfaceId ?? eniId,
                AssociationId = r.ModelId,
                AssociationUnknown = e.AssociationUnknown || (instanceId is null && eniId is null),
            };
        }
        else if (instanceId is not null)
        {
            // An Elastic IP allocated elsewhere, associated here: the instance has a public address.
            _externalEipInstances[instanceId] = r.Location;
        }
    }

    private void MapNatGateway(TemplateResource r)
    {
        var props = Props(r);
        var m = MetaOf(r, props);
        string? subnetId = IdOf(r, P(props, "SubnetId"), "SubnetId");
        var nat = new NatGateway(r.ModelId, r.Location, subnetId)
        {
            Name = m.Name,
            IgnoredRules = m.Ignored,
            IgnoreLocation = m.IgnoreLocation,
            Account = Account,
            Region = Region,
            IsPublic = !string.Equals(StrOf(P(props, "ConnectivityType")), "private", StringComparison.OrdinalIgnoreCase),
            PrivateIpAddress = StrOf(P(props, "PrivateIpAddress")),
        };
        _nats.Add(ElasticIpAssociations.WithAddresses(nat, Source(r, props)));
        _coverage |= ResourceKinds.NatGateways;
    }
}
