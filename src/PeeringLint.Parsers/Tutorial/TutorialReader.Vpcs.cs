using System;
using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>VPCs, their subnets and internet gateways.</summary>
    private sealed partial class FileReader
    {
        private void ReadVpc(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "a VPC", path, _problems, "name", "id", "cidr", "ipv6_cidr", "account", "region", "default", "classic_link", "internet_gateway", "subnets", "route_tables", "security_groups", "network_acls", "instances", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            string id = Id(o, name);
            var cidrs = o.Scalars("cidr");
            if (cidrs.Count == 0)
            {
                o.Error(node, $"VPC '{name}' needs 'cidr' (its IPv4 CIDR block, e.g. 10.1.0.0/16)");
            }

            var vpc = new Vpc(id, o.Location)
            {
                Name = name,
                Account = o.String("account") ?? _account,
                Region = o.String("region") ?? _region,
                Ipv4Cidrs = Cidrs(cidrs, o.Path + ".cidr"),
                Ipv6Cidrs = Cidrs(o.Scalars("ipv6_cidr"), o.Path + ".ipv6_cidr"),
                IsDefault = o.Bool("default") ?? false,
                ClassicLinkEnabled = o.Bool("classic_link"),
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            };
            _vpcs[id] = vpc;

            ReadInternetGateway(o, vpc);
            var tables = o.Objects("route_tables");
            var acls = o.Objects("network_acls");
            foreach (var (snode, spath) in o.Objects("subnets"))
            {
                ReadSubnet(snode, spath, vpc);
            }

            bool hasMain = false;
            foreach (var (tnode, tpath) in tables)
            {
                hasMain |= ReadRouteTable(tnode, tpath, vpc);
            }

            if (!hasMain)
            {
                // Every VPC has a main route table; with none declared it holds only the local route.
                var main = new RouteTable(id + "/main", vpc.Location, id) { Name = name + " main route table", IsMain = true, IsImplicit = true, Account = vpc.Account, Region = vpc.Region };
                _b.RouteTables.Add(main);
            }

            var groups = new Dictionary<string, string>(StringComparer.Ordinal);
            var sgs = o.Objects("security_groups");
            foreach (var (gnode, _) in sgs)
            {
                if (Name(gnode) is { } gname)
                {
                    groups[gname] = _prefix + (Str(gnode, "id") ?? (vpc.Id.Substring(_prefix.Length) + "/" + gname));
                }
            }

            bool hasDefault = groups.ContainsKey("default");
            groups["default"] = groups.TryGetValue("default", out var d) ? d : vpc.Id + "/default";
            foreach (var (gnode, gpath) in sgs)
            {
                ReadSecurityGroup(gnode, gpath, vpc, groups);
            }

            if (!hasDefault)
            {
                _b.SecurityGroups.Add(DefaultGroup(groups["default"], vpc, vpc.Location));
            }

            foreach (var (anode, apath) in acls)
            {
                ReadNetworkAcl(anode, apath, vpc);
            }

            foreach (var (inode, ipath) in o.Objects("instances"))
            {
                ReadInstance(inode, ipath, vpc, groups);
            }

            _b.Vpcs.Add(vpc);
        }

        private void ReadInternetGateway(ObjectReader o, Vpc vpc)
        {
            var n = o.Get("internet_gateway");
            if (n is null || n is ScalarNode { Kind: ScalarKind.Null })
            {
                return;
            }

            string? name;
            bool attached = true;
            IReadOnlyList<string> ignore = Array.Empty<string>();
            if (n is MappingNode m)
            {
                var io = new ObjectReader(m, "an internet gateway", o.Path + ".internet_gateway", _problems, "name", "id", "attached", "ignore");
                name = io.String("name", required: true);
                attached = io.Bool("attached") ?? true;
                ignore = io.Ignore();
            }
            else if (n is ScalarNode s)
            {
                name = s.Value;
            }
            else
            {
                o.Error(n, "expected a name or a mapping for 'internet_gateway', found " + n.KindName);
                return;
            }

            if (name is null)
            {
                return;
            }

            var id = _targets.TryGetValue(name, out var t) ? t.Id : _prefix + name;
            _b.InternetGateways.Add(new InternetGateway(id, n.Location(o.Path + ".internet_gateway"))
            {
                Name = name,
                Account = vpc.Account,
                Region = vpc.Region,
                AttachedVpcIds = attached ? new[] { vpc.Id } : Array.Empty<string>(),
                IgnoredRules = ignore,
            });
        }

        private void ReadSubnet(MappingNode node, string path, Vpc vpc)
        {
            var o = new ObjectReader(node, "a subnet", path, _problems, "name", "id", "cidr", "ipv6_cidr", "az", "public_ip_on_launch", "route_table", "network_acl", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            var cidr = o.Scalar("cidr");
            if (cidr is null)
            {
                o.Error(node, $"subnet '{name}' needs 'cidr'");
            }

            var id = Id(o, name);
            bool mapPublic = o.Bool("public_ip_on_launch") ?? false;
            _mapPublicBySubnetId[id] = mapPublic;
            _b.Subnets.Add(new Subnet(id, o.Location, vpc.Id)
            {
                Name = name,
                Account = vpc.Account,
                Region = vpc.Region,
                Ipv4Cidr = cidr is null ? null : Cidr(cidr, path + ".cidr"),
                Ipv6Cidrs = Cidrs(o.Scalars("ipv6_cidr"), path + ".ipv6_cidr"),
                AvailabilityZone = o.String("az"),
                MapPublicIpOnLaunch = mapPublic,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });

            if (o.String("route_table") is { } table)
            {
                Add(_subnetsOfTable, table, id);
            }

            if (o.String("network_acl") is { } acl)
            {
                Add(_subnetsOfAcl, vpc.Id + "|" + acl, id);
            }
        }
    }
}
