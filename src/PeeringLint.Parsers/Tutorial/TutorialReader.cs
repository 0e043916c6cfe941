using System;
using System.Collections.Generic;
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
internal sealed partial class TutorialReader : FormatReader<ParsedFile>
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

        // A tutorial topology is the whole network: what it does not declare does not exist.
        // The tutorial format cannot describe transit gateways: a route to one is unknown beyond the route, not "no attachment".
        builder.Coverage |= ResourceKind.AllFlags & ~(ResourceKinds.TransitGateways | ResourceKinds.TransitGatewayAttachments | ResourceKinds.TransitGatewayRouteTables);
    }

    private static bool IsTopology(ParsedFile f) => f.Root is MappingNode m && (m.Has("vpcs") || m.Has("peerings"));

    private sealed partial class FileReader
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
