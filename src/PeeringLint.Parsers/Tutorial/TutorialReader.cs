using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

/// <summary>
/// Reads tutorial topology files (docs/tutorial-yaml.md). Each file is a closed world: names are resolved
/// within the file, and AWS's implicit parts (main route table, default security group, default network ACL)
/// are added as AWS would. When several topology files are read in one run, ids are qualified with a key of
/// the file's display path (<see cref="FileKeys"/>) so that two files describing the same VPCs do not merge.
/// </summary>
internal sealed class TutorialReader : FormatReader<ParsedFile>
{
    private readonly List<ParsedFile> _files = new();

    public override ParsedFile Map(ParsedFile file, List<InputProblem> problems) => file;

    public override void Add(ParsedFile file, List<InputProblem> problems) => _files.Add(file);

    public override void Complete(NetworkModelBuilder builder, List<InputProblem> problems)
    {
        // Ids are names, so two topology files of one run get their ids qualified with a key of their own
        // display path ("net:", or "a/net:" and "b/net:" when two files share a name): they never merge.
        var topologyPaths = new List<string>();
        foreach (var f in _files)
        {
            if (IsTopology(f))
            {
                topologyPaths.Add(f.Path);
            }
        }

        var keys = FileKeys.For(topologyPaths);
        int next = 0;
        foreach (var f in _files)
        {
            bool topology = IsTopology(f);
            string prefix = topology && topologyPaths.Count > 1 ? keys[next] + ":" : string.Empty;
            next += topology ? 1 : 0;
            var scope = topology ? IntentSource.Network : f.Explicit ? IntentSource.Shared : IntentSource.Discovered;
            new FileReader(f, prefix, scope, builder, problems).Read();
        }

        builder.Coverage = ResourceKindsAll;
    }

    private static bool IsTopology(ParsedFile f) => f.Root is MappingNode m && (m.Has("vpcs") || m.Has("peerings"));

    private const ResourceKinds ResourceKindsAll =
        ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways | ResourceKinds.PeeringConnections
        | ResourceKinds.SecurityGroups | ResourceKinds.NetworkAcls | ResourceKinds.Instances | ResourceKinds.ElasticIps | ResourceKinds.NetworkInterfaces | ResourceKinds.NatGateways;

    private sealed class FileReader
    {
        private readonly ParsedFile _file;
        private readonly string _prefix;
        private readonly IntentSource _intentSource;
        private readonly NetworkModelBuilder _b;
        private readonly List<InputProblem> _problems;

        // name → id, per kind (closed world within the file)
        private readonly Dictionary<string, string> _vpcIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Id, RouteTargetKind Kind)> _targets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _subnetIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _subnetVpc = new(StringComparer.Ordinal);
        private readonly Dictionary<string, bool?> _mapPublicBySubnetId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _instanceIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Vpc> _vpcs = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _subnetsOfTable = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _subnetsOfAcl = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Ip, SourceLocation Location)> _eipOfInstance = new(StringComparer.Ordinal);
        private string? _account;
        private string? _region;

        public FileReader(ParsedFile file, string prefix, IntentSource intentSource, NetworkModelBuilder builder, List<InputProblem> problems)
        {
            _file = file;
            _prefix = prefix;
            _intentSource = intentSource;
            _b = builder;
            _problems = problems;
        }

        public void Read()
        {
            CheckTags(_file.Root);
            if (_file.Root is not MappingNode root)
            {
                _problems.Add(new InputProblem(_file.Root.Location(), "expected a mapping with 'vpcs', 'peerings' and 'intents'"));
                return;
            }

            var top = new ObjectReader(root, "a tutorial topology", string.Empty, _problems, "name", "description", "account", "region", "vpcs", "peerings", "elastic_ips", "intents");
            _account = top.String("account");
            _region = top.String("region");
            var vpcs = top.Objects("vpcs");
            var peerings = top.Objects("peerings");
            var eips = top.Objects("elastic_ips");

            RegisterNames(vpcs, peerings);
            foreach (var (node, path) in eips)
            {
                PreReadEip(node, path);
            }

            foreach (var (node, path) in vpcs)
            {
                ReadVpc(node, path);
            }

            foreach (var (node, path) in peerings)
            {
                ReadPeering(node, path);
            }

            int n = 0;
            foreach (var (node, path) in eips)
            {
                ReadEip(node, path, n++);
            }

            foreach (var (node, path) in top.Objects("intents"))
            {
                ReadIntent(node, path);
            }
        }

        private string Id(ObjectReader o, string name) => _prefix + (o.String("id") ?? name);

        /// <summary>Pass 1: every name that others may refer to, so that order in the file does not matter.</summary>
        private void RegisterNames(IReadOnlyList<(MappingNode Node, string Path)> vpcs, IReadOnlyList<(MappingNode Node, string Path)> peerings)
        {
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            void Unique(MappingNode node, string? name, string what)
            {
                if (name is null)
                {
                    return;
                }

                var loc = (node.Get("name") ?? node).Location();
                if (seen.TryGetValue(what + "|" + name, out var first))
                {
                    _problems.Add(new InputProblem(loc, $"{what} name '{name}' is used twice (first at line {first.StartLine}); names must be unique"));
                }
                else
                {
                    seen[what + "|" + name] = loc;
                }
            }

            foreach (var (vnode, _) in vpcs)
            {
                string? vname = Name(vnode);
                Unique(vnode, vname, "VPC");
                if (vname is null)
                {
                    continue;
                }

                string vid = _prefix + (Str(vnode, "id") ?? vname);
                _vpcIds[vname] = vid;
                if (vnode.Get("internet_gateway") is { } igw)
                {
                    string? igwName = igw is ScalarNode s ? s.Value : igw is MappingNode im ? Str(im, "name") : null;
                    string? igwId = igw is MappingNode im2 ? Str(im2, "id") : null;
                    if (igwName is not null)
                    {
                        _targets[igwName] = (_prefix + (igwId ?? igwName), RouteTargetKind.InternetGateway);
                    }
                }

                foreach (var s in Items(vnode, "subnets"))
                {
                    var sname = Name(s);
                    Unique(s, sname, "subnet");
                    if (sname is not null)
                    {
                        _subnetIds[sname] = _prefix + (Str(s, "id") ?? sname);
                        _subnetVpc[sname] = vid;
                    }
                }

                foreach (var i in Items(vnode, "instances"))
                {
                    var iname = Name(i);
                    Unique(i, iname, "instance");
                    if (iname is not null)
                    {
                        var iid = _prefix + (Str(i, "id") ?? iname);
                        _instanceIds[iname] = iid;
                        _targets[iname] = (iid, RouteTargetKind.Instance);
                    }
                }

                foreach (var t in Items(vnode, "route_tables"))
                {
                    Unique(t, Name(t), "route table");
                }
            }

            foreach (var (pnode, _) in peerings)
            {
                var pname = Name(pnode);
                Unique(pnode, pname, "peering connection");
                if (pname is not null)
                {
                    _targets[pname] = (_prefix + (Str(pnode, "id") ?? pname), RouteTargetKind.VpcPeeringConnection);
                }
            }
        }

        private static string? Name(MappingNode m) => Str(m, "name");

        private static string? Str(MappingNode m, string key) => m.Get(key) is ScalarNode { Kind: not ScalarKind.Null } s ? s.Value : null;

        private static IEnumerable<MappingNode> Items(MappingNode m, string key)
        {
            if (m.Get(key) is SequenceNode seq)
            {
                foreach (var item in seq.Items)
                {
                    if (item is MappingNode mi)
                    {
                        yield return mi;
                    }
                }
            }
        }

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

        /// <summary>Reads a route table; returns true when it is the VPC's main table.</summary>
        private bool ReadRouteTable(MappingNode node, string path, Vpc vpc)
        {
            var o = new ObjectReader(node, "a route table", path, _problems, "name", "id", "main", "subnets", "routes", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return false;
            }

            var subnets = new List<string>();
            foreach (var s in o.Scalars("subnets"))
            {
                if (ResolveSubnet(s, vpc) is { } sid)
                {
                    subnets.Add(sid);
                }
            }

            if (_subnetsOfTable.TryGetValue(name, out var fromSubnets))
            {
                subnets.AddRange(fromSubnets);
            }

            var routes = new List<Route>();
            foreach (var (rnode, rpath) in o.Objects("routes"))
            {
                if (ReadRoute(rnode, rpath) is { } r)
                {
                    routes.Add(r);
                }
            }

            bool main = o.Bool("main") ?? false;
            _b.RouteTables.Add(new RouteTable(Id(o, name), o.Location, vpc.Id)
            {
                Name = name,
                Account = vpc.Account,
                Region = vpc.Region,
                IsMain = main,
                SubnetIds = subnets,
                Routes = routes,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
            return main;
        }

        private Route? ReadRoute(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "a route", path, _problems, "destination", "destination_prefix_list", "target", "state", "ignore");
            var dest = o.Scalar("destination");
            var pl = o.String("destination_prefix_list");
            if (dest is null && pl is null)
            {
                o.Error(node, "a route needs 'destination' (a CIDR block such as 10.2.0.0/16) or 'destination_prefix_list'");
                return null;
            }

            var targetNode = o.Scalar("target");
            if (targetNode?.Value is not { } target)
            {
                o.Error(node, "a route needs 'target': 'local', or the name of an internet gateway, peering connection or instance, or an AWS id");
                return null;
            }

            RouteTargetKind kind;
            string targetId;
            if (target == "local")
            {
                (kind, targetId) = (RouteTargetKind.Local, "local");
            }
            else if (_targets.TryGetValue(target, out var t))
            {
                (kind, targetId) = (t.Kind, t.Id);
            }
            else if (KindFromId(target) is { } k)
            {
                (kind, targetId) = (k, target);
            }
            else
            {
                o.Error(targetNode, $"route target '{target}' names nothing in this file: expected 'local', an internet gateway, peering connection or instance name, or an AWS id such as pcx-…, igw-…, nat-…, tgw-…");
                return null;
            }

            var stateText = o.String("state");
            var state = RouteState.Active;
            if (stateText is not null)
            {
                if (stateText == "blackhole")
                {
                    state = RouteState.Blackhole;
                }
                else if (stateText != "active")
                {
                    o.Error(o.Get("state")!, $"route state must be 'active' or 'blackhole', found '{stateText}'");
                }
            }

            return new Route(o.Location, kind, targetId)
            {
                Destination = dest is null ? null : Cidr(dest, path + ".destination"),
                DestinationPrefixListId = pl,
                State = state,
                Origin = kind == RouteTargetKind.Local ? RouteOrigin.CreateRouteTable : RouteOrigin.CreateRoute,
                IgnoredRules = o.Ignore(),
            };
        }

        private static RouteTargetKind? KindFromId(string id) =>
            RouteTargets.KindFromId(id) is var kind && kind is not (RouteTargetKind.Unknown or RouteTargetKind.Local) ? kind : null;

        private SecurityGroup DefaultGroup(string id, Vpc vpc, SourceLocation location) => new(id, location, vpc.Id)
        {
            Name = "default",
            GroupName = "default",
            Account = vpc.Account,
            Region = vpc.Region,
            Ingress = new[] { new SecurityGroupRule(location, RuleDirection.Ingress, -1, null, null, SgPeerKind.SecurityGroup) { GroupId = id, Description = "AWS default: all traffic from members of this group" } },
            Egress = new[] { AllEgress(location) },
        };

        private static SecurityGroupRule AllEgress(SourceLocation location) =>
            new(location, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr) { Cidr = CidrValue.Known(Addressing.Cidr.AnyV4, location), Description = "AWS default: all traffic to anywhere" };

        private void ReadSecurityGroup(MappingNode node, string path, Vpc vpc, Dictionary<string, string> groups)
        {
            var o = new ObjectReader(node, "a security group", path, _problems, "name", "id", "description", "default_rules", "ingress", "egress", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            string id = groups[name];
            bool isDefault = name == "default";
            bool defaults = o.Bool("default_rules") ?? true;
            var ingress = new List<SecurityGroupRule>();
            var egress = new List<SecurityGroupRule>();
            if (isDefault && defaults)
            {
                ingress.Add(new SecurityGroupRule(o.Location, RuleDirection.Ingress, -1, null, null, SgPeerKind.SecurityGroup) { GroupId = id, Description = "AWS default: all traffic from members of this group" });
            }

            foreach (var (rnode, rpath) in o.Objects("ingress"))
            {
                if (ReadSgRule(rnode, rpath, RuleDirection.Ingress, id, groups) is { } r)
                {
                    ingress.Add(r);
                }
            }

            if (o.Get("egress") is null)
            {
                if (defaults)
                {
                    egress.Add(AllEgress(o.Location));
                }
            }
            else
            {
                foreach (var (rnode, rpath) in o.Objects("egress"))
                {
                    if (ReadSgRule(rnode, rpath, RuleDirection.Egress, id, groups) is { } r)
                    {
                        egress.Add(r);
                    }
                }
            }

            _b.SecurityGroups.Add(new SecurityGroup(id, o.Location, vpc.Id)
            {
                Name = name,
                GroupName = name,
                Account = vpc.Account,
                Region = vpc.Region,
                Ingress = ingress,
                Egress = egress,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private SecurityGroupRule? ReadSgRule(MappingNode node, string path, RuleDirection direction, string selfId, Dictionary<string, string> groups)
        {
            string peerKey = direction == RuleDirection.Ingress ? "source" : "destination";
            var o = new ObjectReader(node, direction == RuleDirection.Ingress ? "an inbound rule" : "an outbound rule", path, _problems, "type", "protocol", "port", "ports", "icmp_type", "icmp_code", peerKey, "description");
            var (protocol, from, to) = ReadProtocolAndPorts(o);
            if (protocol is null)
            {
                return null;
            }

            var peer = o.Scalar(peerKey);
            if (peer?.Value is not { } p)
            {
                o.Error(node, $"a security group rule needs '{peerKey}': a CIDR block, a security group name, 'self', or a prefix list id (pl-…)");
                return null;
            }

            var loc = o.Location;
            var rule = new SecurityGroupRule(loc, direction, protocol, from, to, SgPeerKind.Cidr) { Description = o.String("description") };
            if (p == "self")
            {
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = selfId };
            }

            if (p.StartsWith("pl-", StringComparison.Ordinal))
            {
                return rule with { PeerKind = SgPeerKind.PrefixList, PrefixListId = p };
            }

            if (groups.TryGetValue(p, out var gid))
            {
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = gid };
            }

            if (p.StartsWith("sg-", StringComparison.Ordinal))
            {
                return rule with { PeerKind = SgPeerKind.SecurityGroup, GroupId = p };
            }

            if (p.IndexOf('/') < 0)
            {
                o.Error(peer, $"'{p}' is neither a CIDR block nor a security group of this VPC (use 'self', a group name, sg-…, pl-…, or a CIDR such as 10.1.0.0/16)");
                return null;
            }

            return rule with { Cidr = Cidr(peer, path + "." + peerKey) };
        }

        /// <summary>protocol/type and ports: tcp/udp with port or ports "from-to", icmp with icmp_type/icmp_code, all.</summary>
        private static (int? Protocol, int? From, int? To) ReadProtocolAndPorts(ObjectReader o)
        {
            var type = o.String("type");
            int? protocol = null;
            int? from = null, to = null;
            if (type is not null)
            {
                switch (type.ToLowerInvariant())
                {
                    case "ssh": return (6, 22, 22);
                    case "http": return (6, 80, 80);
                    case "https": return (6, 443, 443);
                    case "rdp": return (6, 3389, 3389);
                    case "all-traffic": return (-1, null, null);
                    case "all-icmp-ipv4": return (1, -1, -1);
                    case "all-icmp-ipv6": return (58, -1, -1);
                    case "all-tcp": return (6, 0, 65535);
                    case "all-udp": return (17, 0, 65535);
                    default:
                        o.Error(o.Get("type")!, $"unknown rule type '{type}'; expected ssh, http, https, rdp, all-traffic, all-tcp, all-udp, all-icmp-ipv4 or all-icmp-ipv6 (or give protocol and port)");
                        return (null, null, null);
                }
            }

            var pnode = o.Scalar("protocol");
            if (pnode?.Value is not { } ptext)
            {
                o.Error(o.Node, "a rule needs 'protocol' (tcp, udp, icmp, icmpv6, all, or a number) or 'type' (ssh, all-icmp-ipv4, …)");
                return (null, null, null);
            }

            protocol = ParseProtocol(ptext);
            if (protocol is null)
            {
                o.Error(pnode, $"unknown protocol '{ptext}'; expected tcp, udp, icmp, icmpv6, all, or an IP protocol number");
                return (null, null, null);
            }

            if (protocol is 6 or 17)
            {
                if (o.Scalar("port") is { } port)
                {
                    if (port.Value == "all")
                    {
                        return (protocol, 0, 65535);
                    }

                    var v = port.AsInt();
                    if (v is null or < 0 or > 65535)
                    {
                        o.Error(port, $"port must be a number from 0 to 65535, found '{port.Value}'");
                        return (null, null, null);
                    }

                    return (protocol, v, v);
                }

                if (o.Scalar("ports") is { } ports)
                {
                    if (!TryParseRange(ports.Value, out int a, out int b))
                    {
                        o.Error(ports, $"ports must be a range such as 1024-65535, found '{ports.Value}'");
                        return (null, null, null);
                    }

                    return (protocol, a, b);
                }

                return (protocol, 0, 65535);
            }

            if (protocol is 1 or 58)
            {
                from = o.Int("icmp_type") ?? -1;
                to = o.Int("icmp_code") ?? -1;
                return (protocol, from, to);
            }

            return (protocol, null, null);
        }

        internal static int? ParseProtocol(string text) => IpProtocols.Parse(text);

        private static bool TryParseRange(string? text, out int from, out int to)
        {
            from = to = 0;
            if (text is null)
            {
                return false;
            }

            var parts = text.Split('-');
            return parts.Length == 2
                && int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out from)
                && int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out to)
                && from <= to && to <= 65535;
        }

        private void ReadNetworkAcl(MappingNode node, string path, Vpc vpc)
        {
            var o = new ObjectReader(node, "a network ACL", path, _problems, "name", "id", "default", "subnets", "inbound", "outbound", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            var subnets = new List<string>();
            foreach (var s in o.Scalars("subnets"))
            {
                if (ResolveSubnet(s, vpc) is { } sid)
                {
                    subnets.Add(sid);
                }
            }

            if (_subnetsOfAcl.TryGetValue(vpc.Id + "|" + name, out var more))
            {
                subnets.AddRange(more);
            }

            var entries = new List<NetworkAclEntry>();
            foreach (var (enode, epath) in o.Objects("inbound"))
            {
                if (ReadAclEntry(enode, epath, egress: false) is { } e)
                {
                    entries.Add(e);
                }
            }

            foreach (var (enode, epath) in o.Objects("outbound"))
            {
                if (ReadAclEntry(enode, epath, egress: true) is { } e)
                {
                    entries.Add(e);
                }
            }

            _b.NetworkAcls.Add(new NetworkAcl(_prefix + (o.String("id") ?? (vpc.Id.Substring(_prefix.Length) + "/" + name)), o.Location, vpc.Id)
            {
                Name = name,
                Account = vpc.Account,
                Region = vpc.Region,
                IsDefault = o.Bool("default") ?? false,
                SubnetIds = subnets,
                Entries = entries,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private NetworkAclEntry? ReadAclEntry(MappingNode node, string path, bool egress)
        {
            var o = new ObjectReader(node, "a network ACL entry", path, _problems, "rule", "type", "protocol", "port", "ports", "icmp_type", "icmp_code", "cidr", "action");
            var number = o.Int("rule");
            if (number is null or < 1 or > 32766)
            {
                o.Error(o.Get("rule") ?? node, "a network ACL entry needs 'rule', a rule number from 1 to 32766");
                return null;
            }

            var (protocol, from, to) = ReadProtocolAndPorts(o);
            if (protocol is null)
            {
                return null;
            }

            var cidr = o.Scalar("cidr");
            if (cidr is null)
            {
                o.Error(node, "a network ACL entry needs 'cidr'");
                return null;
            }

            var actionText = o.String("action") ?? "allow";
            if (actionText is not ("allow" or "deny"))
            {
                o.Error(o.Get("action")!, $"action must be 'allow' or 'deny', found '{actionText}'");
                return null;
            }

            bool icmp = protocol is 1 or 58;
            return new NetworkAclEntry(o.Location, number.Value, egress, protocol, actionText == "allow" ? AclAction.Allow : AclAction.Deny)
            {
                Cidr = Cidr(cidr, path + ".cidr"),
                FromPort = icmp ? null : from,
                ToPort = icmp ? null : to,
                IcmpType = icmp ? from : null,
                IcmpCode = icmp ? to : null,
            };
        }

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

        private void ReadPeering(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "a peering connection", path, _problems, "name", "id", "requester", "accepter", "status", "requester_options", "accepter_options", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            var requester = ReadSide(o, "requester", "requester_options");
            var accepter = ReadSide(o, "accepter", "accepter_options");
            if (requester is null || accepter is null)
            {
                return;
            }

            var status = PeeringStatus.Active;
            if (o.Scalar("status") is { } st)
            {
                if (Describe.ParseStatus(st.Value) is { } parsed)
                {
                    status = parsed;
                }
                else
                {
                    o.Error(st, $"unknown peering status '{st.Value}'; expected active, pending-acceptance, provisioning, initiating-request, rejected, expired, failed, deleting or deleted");
                }
            }

            _b.PeeringConnections.Add(new VpcPeeringConnection(Id(o, name), o.Location, requester, accepter)
            {
                Name = name,
                Account = requester.OwnerId,
                Region = requester.Region,
                Status = status,
                StatusLocation = o.Get("status")?.Location(path + ".status"),
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private PeeringSide? ReadSide(ObjectReader o, string key, string optionsKey)
        {
            var n = o.Get(key);
            if (n is null)
            {
                o.Error(o.Node, $"a peering connection needs '{key}' (a VPC name from this file, or a mapping for a VPC outside it)");
                return null;
            }

            var options = ReadOptions(o, optionsKey);
            var loc = n.Location(o.Path + "." + key);
            if (n is ScalarNode s)
            {
                if (s.Value is { } vname && _vpcIds.TryGetValue(vname, out var vid))
                {
                    var vnode = Vpc(vid);
                    return new PeeringSide(vid, loc) { OwnerId = vnode?.Account ?? _account, Region = vnode?.Region ?? _region, Options = options };
                }

                o.Error(s, $"'{s.Value}' is not a VPC in this file; for a VPC outside it write {{ vpc: vpc-…, account: …, region: …, cidr: … }}");
                return null;
            }

            if (n is MappingNode m)
            {
                var so = new ObjectReader(m, "a peer VPC", o.Path + "." + key, _problems, "vpc", "account", "region", "cidr", "ipv6_cidr");
                var vpcRef = so.String("vpc", required: true);
                var id = vpcRef is not null && _vpcIds.TryGetValue(vpcRef, out var known) ? known : vpcRef;
                return new PeeringSide(id, loc)
                {
                    OwnerId = so.String("account") ?? _account,
                    Region = so.String("region") ?? _region,
                    Ipv4Cidrs = Cidrs(so.Scalars("cidr"), so.Path + ".cidr"),
                    Ipv6Cidrs = Cidrs(so.Scalars("ipv6_cidr"), so.Path + ".ipv6_cidr"),
                    Options = options,
                };
            }

            o.Error(n, $"expected a VPC name or a mapping for '{key}', found {n.KindName}");
            return null;
        }

        private Vpc? Vpc(string id) => _vpcs.TryGetValue(id, out var v) ? v : null;

        private PeeringOptions ReadOptions(ObjectReader o, string key)
        {
            var n = o.Get(key);
            if (n is null)
            {
                return PeeringOptions.Default;
            }

            if (n is not MappingNode m)
            {
                o.Error(n, $"expected a mapping for '{key}', found {n.KindName}");
                return PeeringOptions.Default;
            }

            var oo = new ObjectReader(m, "peering options", o.Path + "." + key, _problems, "allow_dns_resolution_from_remote_vpc", "allow_egress_from_local_classic_link_to_remote_vpc", "allow_egress_from_local_vpc_to_remote_classic_link");
            return new PeeringOptions
            {
                AllowDnsResolutionFromRemoteVpc = oo.Bool("allow_dns_resolution_from_remote_vpc") ?? false,
                AllowEgressFromLocalClassicLinkToRemoteVpc = oo.Bool("allow_egress_from_local_classic_link_to_remote_vpc") ?? false,
                AllowEgressFromLocalVpcToRemoteClassicLink = oo.Bool("allow_egress_from_local_vpc_to_remote_classic_link") ?? false,
                Location = m.Location(o.Path + "." + key),
            };
        }

        private void ReadIntent(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "an intent", path, _problems, "name", "from", "to", "protocol", "port", "icmp_type");
            var from = o.String("from", required: true);
            var to = o.String("to", required: true);
            var protocol = o.String("protocol") ?? "all";
            if (ParseProtocol(protocol) is null)
            {
                o.Error(o.Get("protocol")!, $"unknown protocol '{protocol}'; expected tcp, udp, icmp, icmpv6 or all");
                return;
            }

            if (from is null || to is null)
            {
                return;
            }

            int? port = o.Int("port") ?? o.Int("icmp_type");
            _b.Intents.Add(new ConnectivityIntent(o.String("name") ?? $"{from} → {to}", o.Location, from, to, protocol)
            {
                Port = port,
                FromLocation = o.LocationOf("from"),
                ToLocation = o.LocationOf("to"),
                Source = _intentSource,
                IdPrefix = _prefix,
            });
        }

        private IReadOnlyList<CidrValue> Cidrs(IReadOnlyList<ScalarNode> nodes, string path)
        {
            var list = new CidrValue[nodes.Count];
            for (int i = 0; i < nodes.Count; i++)
            {
                list[i] = Cidr(nodes[i], nodes.Count == 1 ? path : $"{path}[{i}]");
            }

            return list;
        }

        /// <summary>
        /// A CIDR value. Spaces around it are a warning (the value is read without them; AWS may not be as lenient);
        /// leading zeros ("010.1.0.0/16", "/016") and every other malformed text are kept for PL1004 to report.
        /// </summary>
        private CidrValue Cidr(ScalarNode node, string path)
        {
            string text = node.Value ?? string.Empty;
            var location = node.Location(path);
            if (text.Length > 0 && text.Trim().Length != text.Length)
            {
                _problems.Add(new InputProblem(location, $"the CIDR '{text}' has spaces around it; it is read as {text.Trim()}, but remove them: other tools and AWS may not accept it", InputProblemSeverity.Warning));
            }

            return CidrValue.Parse(text, location);
        }

        /// <summary>
        /// The tutorial format has no YAML tags: an unknown one (<c>!Whatever 10.4.0.0/16</c>) would otherwise be
        /// dropped silently, and CloudFormation's <c>!Ref</c> and the like mean nothing here. YAML's own tags
        /// (<c>!!str</c>) and the non-specific <c>!</c> are allowed. Nodes shared through aliases are checked once.
        /// </summary>
        private void CheckTags(SyntaxNode root)
        {
            var seen = new HashSet<SyntaxNode>();
            var stack = new Stack<SyntaxNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!seen.Add(node))
                {
                    continue;
                }

                if (node.Tag is { } tag && tag != "!" && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
                {
                    _problems.Add(new InputProblem(node.Location(), $"unknown tag '{tag}'; the tutorial format uses no YAML tags (intrinsic functions such as !Ref belong in CloudFormation templates)"));
                }

                if (node is MappingNode m)
                {
                    for (int i = m.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(m.Entries[i].Value);
                        stack.Push(m.Entries[i].Key);
                    }
                }
                else if (node is SequenceNode q)
                {
                    for (int i = q.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(q.Items[i]);
                    }
                }
            }
        }

        private static void Add(Dictionary<string, List<string>> d, string key, string value)
        {
            if (!d.TryGetValue(key, out var l))
            {
                d[key] = l = new List<string>();
            }

            l.Add(value);
        }
    }
}
