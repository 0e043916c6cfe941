using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>The drafts turned into model elements, once every resource of the template is mapped.</summary>
internal sealed partial class ResourceMapper
{
    private void Emit(NetworkModelBuilder builder)
    {
        foreach (var v in _vpcs)
        {
            builder.Vpcs.Add(v.Vpc with { Ipv4Cidrs = v.V4.ToArray(), Ipv6Cidrs = v.V6.ToArray() });
        }

        foreach (var s in _subnets)
        {
            builder.Subnets.Add(s);
        }

        foreach (var t in _tables)
        {
            builder.RouteTables.Add(t.Table with { Routes = t.Routes.ToArray(), SubnetIds = t.Subnets.ToArray(), RoutesIncomplete = t.Incomplete, PropagatingVgwIds = PropagatingVgws(t.Table.Id) });
        }

        foreach (var g in _igws)
        {
            builder.InternetGateways.Add(g.Igw with { AttachedVpcIds = g.Vpcs.ToArray() });
        }

        foreach (var n in _nats)
        {
            var s = Find(_subnetById, n.SubnetId);
            builder.NatGateways.Add(s is null ? n : n with { VpcId = s.VpcId });
        }

        builder.PeeringConnections.AddRange(_peerings);
        EmitTransitGateways(builder);
        foreach (var g in _groups)
        {
            builder.SecurityGroups.Add(g.Group with { Ingress = g.Ingress.ToArray(), Egress = g.Egress.ToArray(), RulesIncomplete = g.Incomplete });
        }

        foreach (var a in _acls)
        {
            builder.NetworkAcls.Add(a.Acl with { Entries = a.Entries.ToArray(), SubnetIds = a.Subnets.ToArray() });
        }

        var eipByInstance = new Dictionary<string, ElasticIp>(StringComparer.Ordinal);
        foreach (var e in _eips)
        {
            if (e.InstanceId is not null && !eipByInstance.ContainsKey(e.InstanceId))
            {
                eipByInstance[e.InstanceId] = e;
            }
        }

        foreach (var d in _instances)
        {
            var i = d.Instance;
            var subnet = Find(_subnetById, i.SubnetId);
            string? vpcId = subnet?.VpcId;
            PublicIpMode mode;
            SourceLocation? where = null;
            if (eipByInstance.TryGetValue(i.Id, out var eip))
            {
                mode = PublicIpMode.Assigned;
                where = eip.Location;
            }
            else if (_externalEipInstances.TryGetValue(i.Id, out var assoc))
            {
                mode = PublicIpMode.Assigned;
                where = assoc;
            }
            else if (d.AssociateLocation is not null)
            {
                mode = d.AssociatePublicIp switch { true => PublicIpMode.Assigned, false => PublicIpMode.None, _ => PublicIpMode.Unknown };
                where = d.AssociateLocation;
            }
            else if (subnet is not null)
            {
                mode = subnet.MapPublicIpOnLaunch switch { true => PublicIpMode.Assigned, false => PublicIpMode.None, _ => PublicIpMode.Unknown };
                where = subnet.Location;
            }
            else
            {
                mode = PublicIpMode.Unknown;
            }

            builder.Instances.Add(i with { VpcId = vpcId, PublicIp = mode, PublicIpLocation = where });
        }

        builder.ElasticIps.AddRange(_eips);
        EmitEdges(builder);
        builder.Coverage |= _coverage;
    }
}
