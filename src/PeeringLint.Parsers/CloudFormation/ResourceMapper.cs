using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>
/// Maps the EC2 resources of the run's templates to the model. Elements are created first (VPCs, subnets,
/// tables, groups, ...), then the resources that attach to them (routes, associations, standalone rules),
/// which may live in another template of the run (Fn::ImportValue). Unknown resource types are ignored.
/// </summary>
internal sealed partial class ResourceMapper
{
    private readonly CfnRun _run;
    private readonly List<Template> _templates;
    private readonly Dictionary<string, TemplateResource> _byModelId = new(StringComparer.Ordinal);
    private readonly Dictionary<TemplateResource, CfnValue> _props = new();

    private readonly List<VpcDraft> _vpcs = new();
    private readonly Dictionary<string, VpcDraft> _vpcById = new(StringComparer.Ordinal);
    private readonly List<Subnet> _subnets = new();
    private readonly Dictionary<string, Subnet> _subnetById = new(StringComparer.Ordinal);
    private readonly List<TableDraft> _tables = new();
    private readonly Dictionary<string, TableDraft> _tableById = new(StringComparer.Ordinal);
    private readonly List<IgwDraft> _igws = new();
    private readonly Dictionary<string, IgwDraft> _igwById = new(StringComparer.Ordinal);
    private readonly List<VpcPeeringConnection> _peerings = new();
    private readonly List<GroupDraft> _groups = new();
    private readonly Dictionary<string, GroupDraft> _groupById = new(StringComparer.Ordinal);
    private readonly List<AclDraft> _acls = new();
    private readonly Dictionary<string, AclDraft> _aclById = new(StringComparer.Ordinal);
    private readonly List<InstanceDraft> _instances = new();
    private readonly List<ElasticIp> _eips = new();
    private readonly Dictionary<string, int> _eipIndex = new(StringComparer.Ordinal);
    private readonly List<NatGateway> _nats = new();
    private readonly Dictionary<string, SourceLocation> _externalEipInstances = new(StringComparer.Ordinal);
    private ResourceKinds _coverage;

    public ResourceMapper(CfnRun run, List<Template> templates)
    {
        _run = run;
        _templates = templates;
        foreach (var t in templates)
        {
            foreach (var r in t.ResourceOrder)
            {
                _byModelId[r.ModelId] = r;
            }
        }
    }

    /// <summary>The template whose resource is being mapped: its stack gives the account and region.</summary>
    private Template? _current;

    /// <summary>The template being mapped: set by <see cref="ForEach"/> and the default groups' loop before anything reads it.</summary>
    private Template Current => _current ?? throw new InvalidOperationException("no resource is being mapped");

    private string? Account => _run.AccountOf(Current);

    private string? Region => _run.RegionOf(Current);

    public void Build(NetworkModelBuilder builder)
    {
        // Pass 1: the elements themselves.
        ForEach(r =>
        {
            switch (r.Type)
            {
                case "AWS::EC2::VPC": MapVpc(r); break;
                case "AWS::EC2::Subnet": MapSubnet(r); break;
                case "AWS::EC2::RouteTable": MapRouteTable(r); break;
                case "AWS::EC2::InternetGateway": MapInternetGateway(r); break;
                case "AWS::EC2::VPCPeeringConnection": MapPeering(r); break;
                case "AWS::EC2::SecurityGroup": MapSecurityGroup(r); break;
                case "AWS::EC2::NetworkAcl": MapNetworkAcl(r); break;
                case "AWS::EC2::Instance": MapInstance(r); break;
                case "AWS::EC2::EIP": MapEip(r); break;
                case "AWS::EC2::NatGateway": MapNatGateway(r); break;
                case "AWS::EC2::TransitGateway": MapTransitGateway(r); break;
                case "AWS::EC2::TransitGatewayRouteTable": MapTransitGatewayRouteTable(r); break;
                case "AWS::EC2::TransitGatewayAttachment": MapTransitGatewayVpcAttachment(r); break;
                case "AWS::EC2::TransitGatewayVpcAttachment": MapTransitGatewayVpcAttachment(r); break;
                case "AWS::EC2::TransitGatewayPeeringAttachment": MapTransitGatewayPeeringAttachment(r); break;
                default: MapEdge(r); break;
            }
        });

        // Pass 2: what attaches to them.
        ForEach(r =>
        {
            switch (r.Type)
            {
                case "AWS::EC2::VPCCidrBlock": MapVpcCidrBlock(r); break;
                case "AWS::EC2::VPCGatewayAttachment": MapGatewayAttachment(r); MapEdgeAttachment(r); break;
                case "AWS::EC2::SubnetRouteTableAssociation": MapRouteTableAssociation(r); break;
                case "AWS::EC2::Route": MapRoute(r); break;
                case "AWS::EC2::SecurityGroupIngress": MapStandaloneRule(r, RuleDirection.Ingress); break;
                case "AWS::EC2::SecurityGroupEgress": MapStandaloneRule(r, RuleDirection.Egress); break;
                case "AWS::EC2::NetworkAclEntry": MapAclEntry(r); break;
                case "AWS::EC2::SubnetNetworkAclAssociation": MapAclAssociation(r); break;
                case "AWS::EC2::EIPAssociation": MapEipAssociation(r); break;
                case "AWS::EC2::TransitGatewayRoute": MapTransitGatewayRoute(r); break;
                case "AWS::EC2::TransitGatewayRouteTableAssociation": MapTransitGatewayTableLink(r, propagation: false); break;
                case "AWS::EC2::TransitGatewayRouteTablePropagation": MapTransitGatewayTableLink(r, propagation: true); break;
                default: MapEdgeAttachment(r); break;
            }
        });

        foreach (var kv in _run.DefaultGroupsUsed)
        {
            _current = kv.Value.Template;
            DefaultGroup(kv.Key);
        }

        _current = null;

        Emit(builder);
    }

    private void ForEach(Action<TemplateResource> map)
    {
        foreach (var t in _templates)
        {
            foreach (var r in t.ResourceOrder)
            {
                if (!r.Created)
                {
                    continue;
                }

                try
                {
                    _current = t;
                    map(r);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    _run.Report(r.Location, $"internal error while reading resource '{r.LogicalId}' ({ex.GetType().Name}: {ex.Message}); the resource is skipped");
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The draft with id <paramref name="id"/>; null when the id is unknown or names nothing of the run.</summary>
    private static T? Find<T>(Dictionary<string, T> drafts, string? id)
        where T : class
    {
        if (id is null)
        {
            return null;
        }

        drafts.TryGetValue(id, out var d);
        return d;
    }

    private CfnValue Props(TemplateResource r)
    {
        if (!_props.TryGetValue(r, out var v))
        {
            var node = r.Body.Get("Properties");
            v = node is MappingNode ? _run.ResolverFor(r.Template).Resolve(node) : CfnValue.Map(Array.Empty<KeyValuePair<ScalarNode, CfnValue>>(), r.Body);
            _props[r] = v;
        }

        return v;
    }

    /// <summary>A property of a map; null when absent or AWS::NoValue, or when the value is not a map (<see cref="CfnValue.Get"/>).</summary>
    private static CfnValue? P(CfnValue map, string name) => map.Get(name);

    private SourceLocation Loc(TemplateResource r, CfnValue v, string path) => v.Node.Location(r.PropertyPath(path));

    /// <summary>An id from a value: a literal id, a resource's model id, or null when unknown.</summary>
    private string? IdOf(TemplateResource r, CfnValue? v, string path)
    {
        if (v is null)
        {
            return null;
        }

        switch (v.Kind)
        {
            case CfnKind.String:
                return v.Text;
            case CfnKind.Resource:
                return v.ResourceId;
            case CfnKind.List:
            case CfnKind.Map:
                _run.Report(Loc(r, v, path), $"expected an id for '{path}', found {v.KindName}");
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// A property as the shared AWS semantics layer reads it: absent, a literal, a reference to a resource of the
    /// run (with its type), or unknown. A list or map where one value is expected is reported and unknown.
    /// </summary>
    private PropertyValue Pv(TemplateResource r, CfnValue? v, string path)
    {
        if (v is null || v.IsAbsent)
        {
            return PropertyValue.Absent;
        }

        switch (v.Kind)
        {
            case CfnKind.String:
                return PropertyValue.Known(v.Text!);
            case CfnKind.Resource:
                return PropertyValue.Reference(v.ResourceId!, _byModelId.TryGetValue(v.ResourceId!, out var target) ? target.Type : null);
            case CfnKind.List:
                var items = new List<PropertyValue>(v.Items.Count);
                foreach (var item in v.Items)
                {
                    items.Add(Pv(r, item, path));
                }

                return PropertyValue.List(items);
            case CfnKind.Map:
                _run.Report(Loc(r, v, path), $"expected a value for '{path}', found {v.KindName}");
                return PropertyValue.Unknown("not a value");
            default:
                return PropertyValue.Unknown(v.Why);
        }
    }

    /// <summary>The resource's properties as a <see cref="PropertySource"/> for the semantics layer.</summary>
    private PropertySource Source(TemplateResource r, CfnValue props) => name => Pv(r, P(props, name), name);

    private CidrValue? CidrOf(TemplateResource r, CfnValue? v, string path)
    {
        if (v is null)
        {
            return null;
        }

        var loc = Loc(r, v, path);
        switch (v.Kind)
        {
            case CfnKind.String:
                return CidrValue.Parse(v.Text!, loc);
            case CfnKind.Unknown:
                return CidrValue.Unknown(loc, v.Why);
            default:
                _run.Report(loc, $"expected a CIDR string for '{path}', found {v.KindName}");
                return CidrValue.Unknown(loc, "not a string");
        }
    }

    /// <summary>A boolean written as true/false (any case); null when absent, unresolved or anything else.</summary>
    private static bool? BoolOf(CfnValue? v) => bool.TryParse(StrOf(v), out bool b) ? b : null;

    private static int? IntOf(CfnValue? v)
    {
        string? text = StrOf(v);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int i) ? i : null;
    }

    private static string? StrOf(CfnValue? v) => v is { IsString: true } ? v.Text : null;

    /// <summary>Ids from a list property (SecurityGroupIds, GroupSet); unknown items are left out.</summary>
    private List<string> IdsOf(TemplateResource r, CfnValue? v, string path)
    {
        var ids = new List<string>();
        if (v is null)
        {
            return ids;
        }

        if (v.Kind != CfnKind.List)
        {
            if (v.Kind is CfnKind.String or CfnKind.Map or CfnKind.Resource)
            {
                _run.Report(Loc(r, v, path), $"expected a list for '{path}', found {v.KindName}");
            }

            return ids;
        }

        foreach (var item in v.Items)
        {
            string? id = IdOf(r, item, path);
            if (id is not null)
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    /// <summary>A string written as a plain scalar (no tag such as !Sub or !Ref that resolved to it); null otherwise.</summary>
    private static string? LiteralOf(CfnValue? v) => v is { IsString: true, Node: ScalarNode { Tag: null } } ? v.Text : null;

    private readonly record struct Meta(string Name, IReadOnlyList<string> Ignored, SourceLocation? IgnoreLocation);

    /// <summary>Name (CDK construct path, else a literal Name tag) and in-source suppressions (Metadata.peeringlint.ignore).</summary>
    private Meta MetaOf(TemplateResource r, CfnValue props)
    {
        string? name = null;
        var tags = P(props, "Tags");
        if (tags is not null && tags.Kind == CfnKind.List)
        {
            foreach (var tag in tags.Items)
            {
                if (StrOf(P(tag, "Key")) == "Name" && LiteralOf(P(tag, "Value")) is { } value)
                {
                    name = value;
                }
            }
        }

        IReadOnlyList<string> ignored = Array.Empty<string>();
        SourceLocation? ignoreLoc = null;
        if (r.Body.Get("Metadata") is MappingNode md)
        {
            if (md.Get("aws:cdk:path") is ScalarNode { Value: { } path })
            {
                name = path;
            }

            var ig = (md.Get("peeringlint") as MappingNode)?.Get("ignore");
            if (ig is not null)
            {
                var list = new List<string>();
                string logical = "Resources/" + r.LogicalId + "/Metadata/peeringlint/ignore";
                ignoreLoc = ig.Location(logical);
                if (ig is ScalarNode { Value: { } one })
                {
                    list.Add(one.Trim());
                }
                else if (ig is SequenceNode seq)
                {
                    foreach (var i in seq.Items)
                    {
                        if (i is ScalarNode { Value: { } id })
                        {
                            list.Add(id.Trim());
                        }
                        else
                        {
                            _run.Report(i.Location(logical), $"expected a rule id in 'peeringlint.ignore', found {i.KindName}");
                        }
                    }
                }
                else
                {
                    _run.Report(ignoreLoc, $"expected a list of rule ids for 'peeringlint.ignore', found {ig.KindName}");
                }

                ignored = list;
            }
        }

        return new Meta(name ?? r.LogicalId, ignored, ignoreLoc);
    }

    private sealed class VpcDraft
    {
        public VpcDraft(Vpc vpc, TemplateResource res)
        {
            Vpc = vpc;
            Res = res;
        }

        public Vpc Vpc { get; }

        public TemplateResource Res { get; }

        public List<CidrValue> V4 { get; } = new();

        public List<CidrValue> V6 { get; } = new();
    }

    private sealed class TableDraft
    {
        public TableDraft(RouteTable table, Template? template)
        {
            Table = table;
            Template = template;
        }

        public RouteTable Table { get; }

        public Template? Template { get; }

        public List<Route> Routes { get; } = new();

        public List<string> Subnets { get; } = new();

        public bool Incomplete { get; set; }
    }

    private sealed class IgwDraft
    {
        public IgwDraft(InternetGateway igw)
        {
            Igw = igw;
        }

        public InternetGateway Igw { get; }

        public List<string> Vpcs { get; } = new();
    }

    private sealed class GroupDraft
    {
        public GroupDraft(SecurityGroup group, Template template)
        {
            Group = group;
            Template = template;
        }

        public SecurityGroup Group { get; }

        public Template Template { get; }

        public List<SecurityGroupRule> Ingress { get; } = new();

        public List<SecurityGroupRule> Egress { get; } = new();

        public bool Incomplete { get; set; }
    }

    private sealed class AclDraft
    {
        public AclDraft(NetworkAcl acl)
        {
            Acl = acl;
        }

        public NetworkAcl Acl { get; }

        public List<NetworkAclEntry> Entries { get; } = new();

        public List<string> Subnets { get; } = new();
    }

    private sealed class InstanceDraft
    {
        public InstanceDraft(Instance instance)
        {
            Instance = instance;
        }

        public Instance Instance { get; set; }

        /// <summary>AssociatePublicIpAddress of the primary interface, when given.</summary>
        public bool? AssociatePublicIp { get; set; }

        public SourceLocation? AssociateLocation { get; set; }
    }
}
