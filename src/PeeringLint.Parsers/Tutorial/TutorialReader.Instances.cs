using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>Instances, the subnet they sit in, and Elastic IPs.</summary>
    private sealed partial class FileReader
    {
        private void ReadInstance(MappingNode node, string path, Vpc vpc, Dictionary<string, string> groups)
        {
            var o = new ObjectReader(node, "an instance", path, _problems, "name", "id", "subnet", "private_ip", "public_ip", "security_groups", "classic_link_vpc", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            string? subnetId = null;
            bool? mapPublic = null;
            if (o.Scalar("subnet") is { } sn)
            {
                subnetId = ResolveSubnet(sn, vpc);
                if (subnetId is not null)
                {
                    mapPublic = _mapPublicBySubnetId.TryGetValue(subnetId, out var m) ? m : null;
                }
            }
            else
            {
                o.Error(node, $"instance '{name}' needs 'subnet'");
            }

            var sgIds = new List<string>();
            foreach (var g in o.Scalars("security_groups"))
            {
                if (g.Value is { } gname && groups.TryGetValue(gname, out var gid))
                {
                    sgIds.Add(gid);
                }
                else if (g.Value is { } raw && raw.StartsWith("sg-", StringComparison.Ordinal))
                {
                    sgIds.Add(raw);
                }
                else
                {
                    o.Error(g, $"security group '{g.Value}' is not declared in VPC '{vpc.Name}'");
                }
            }

            if (sgIds.Count == 0)
            {
                sgIds.Add(groups["default"]);
            }

            var id = Id(o, name);
            var publicNode = o.Scalar("public_ip");
            var mode = PublicIpMode.None;
            string? publicIp = null;
            if (publicNode?.Value is { } pub)
            {
                if (pub == "none")
                {
                    mode = PublicIpMode.None;
                }
                else if (pub == "auto")
                {
                    mode = PublicIpMode.Assigned;
                }
                else if (Addressing.Cidr.TryParseV4(pub, out _))
                {
                    (mode, publicIp) = (PublicIpMode.Assigned, pub);
                }
                else
                {
                    o.Error(publicNode, $"public_ip must be 'none', 'auto' or an IPv4 address, found '{pub}'");
                }
            }
            else if (mapPublic == true)
            {
                mode = PublicIpMode.Assigned;
            }

            var publicLoc = publicNode?.Location(path + ".public_ip");
            if (_eipOfInstance.TryGetValue(name, out var eip))
            {
                (mode, publicIp, publicLoc) = (PublicIpMode.Assigned, eip.Ip, eip.Location);
            }

            _b.Instances.Add(new Instance(id, o.Location, subnetId)
            {
                Name = name,
                VpcId = vpc.Id,
                Account = vpc.Account,
                Region = vpc.Region,
                PrivateIpAddresses = o.String("private_ip") is { } pip ? new[] { pip } : Array.Empty<string>(),
                PublicIp = mode,
                PublicIpAddress = publicIp,
                PublicIpLocation = publicLoc,
                SecurityGroupIds = sgIds,
                ClassicLinkVpcId = o.String("classic_link_vpc"),
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private string? ResolveSubnet(ScalarNode s, Vpc vpc)
        {
            if (s.Value is { } n && _subnetIds.TryGetValue(n, out var id))
            {
                if (_subnetVpc[n] != vpc.Id)
                {
                    _problems.Add(new InputProblem(s.Location(), $"subnet '{n}' belongs to another VPC, not '{vpc.Name}'"));
                    return null;
                }

                return id;
            }

            _problems.Add(new InputProblem(s.Location(), $"subnet '{s.Value}' is not declared in VPC '{vpc.Name}'"));
            return null;
        }

        private void PreReadEip(MappingNode node, string path)
        {
            if (Str(node, "instance") is { } inst)
            {
                var ip = Str(node, "public_ip") ?? "(Elastic IP)";
                _eipOfInstance[inst] = (ip, node.Location(path));
            }
        }

        private void ReadEip(MappingNode node, string path, int index)
        {
            var o = new ObjectReader(node, "an Elastic IP", path, _problems, "name", "id", "public_ip", "instance", "ignore");
            var name = o.String("name") ?? ("eip-" + (index + 1).ToString(CultureInfo.InvariantCulture));
            string? instanceId = null;
            if (o.Scalar("instance") is { } inst)
            {
                if (inst.Value is { } iname && _instanceIds.TryGetValue(iname, out var iid))
                {
                    instanceId = iid;
                }
                else
                {
                    o.Error(inst, $"Elastic IP '{name}' is associated with '{inst.Value}', which is not an instance in this file");
                }
            }

            _b.ElasticIps.Add(new ElasticIp(_prefix + (o.String("id") ?? name), o.Location)
            {
                Name = name,
                Account = _account,
                Region = _region,
                PublicIp = o.String("public_ip"),
                InstanceId = instanceId,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }
    }
}
