using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

internal sealed record GraphOptions
{
    /// <summary>Expand subnets, route tables and instances (otherwise each VPC shows one summary node).</summary>
    public bool Detail { get; init; }

    /// <summary>Intent verdicts; null or a null answer draws the intent grey, "not evaluated".</summary>
    public Func<ConnectivityIntent, IntentVerdict?>? Verdicts { get; init; }

    public string Title { get; init; } = "PeeringLint topology";

    /// <summary>Draw only this VPC (an id in the model) and the VPCs it is peered with (<c>--focus</c>).</summary>
    public string? Focus { get; init; }
}

/// <summary>
/// Builds a <see cref="TopologyGraph"/> from the model (through <see cref="ModelIndex"/>) and the findings: VPC clusters
/// (grouped by account/region when the input spans several), subnets, route tables, gateways, peerings as bridges,
/// instances, intents, and each finding coloured onto the element it names or the narrowest element or route whose
/// source span contains it.
/// </summary>
internal sealed partial class TopologyBuilder
{
    private readonly ModelIndex _index;
    private readonly GraphOptions _options;
    private readonly TopologyGraph _graph = new();
    private readonly Dictionary<string, GraphNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphCluster> _vpcClusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GraphCluster> _groupClusters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _backward = new(StringComparer.Ordinal);
    private readonly Dictionary<object, GraphEdge> _routeEdges = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, GraphEdge> _mergedRoutes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _routedVpcPeerings = new(StringComparer.Ordinal);
    private bool _useGroups;

    /// <summary>With <see cref="GraphOptions.Focus"/>: the VPCs and peerings drawn; null draws everything.</summary>
    private HashSet<string>? _focusVpcs;
    private HashSet<string>? _focusPeerings;

    private TopologyBuilder(ModelIndex index, GraphOptions options)
    {
        _index = index;
        _options = options;
        _graph.Detail = options.Detail;
        _graph.Title = options.Title;
    }

    private NetworkModel Model => _index.Model;

    public static TopologyGraph Build(ModelIndex index, IReadOnlyList<Finding> findings, GraphOptions? options = null)
    {
        var b = new TopologyBuilder(index, options ?? new GraphOptions());
        b.Run(findings);
        return b._graph;
    }

    private void Run(IReadOnlyList<Finding> findings)
    {
        var vpcs = Model.Vpcs.GroupBy(v => v.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(v => v.Id, StringComparer.Ordinal).ToList();
        if (_options.Focus is { } focus)
        {
            var around = _index.PeeringsOf(focus).Where(p => p.Requester.VpcId == focus || p.Accepter.VpcId == focus).ToList();
            _focusPeerings = around.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            _focusVpcs = around.SelectMany(p => new[] { p.Requester.VpcId, p.Accepter.VpcId }).OfType<string>().Append(focus).ToHashSet(StringComparer.Ordinal);
            vpcs = vpcs.Where(v => _focusVpcs.Contains(v.Id)).ToList();
            var centre = vpcs.FirstOrDefault(v => v.Id == focus);
            _graph.Subtitle.Add("focus: " + (centre?.Name is { } n && n != focus ? n + " (" + focus + ")" : focus) + " and its "
                + Plural(vpcs.Count - 1, "directly peered VPC") + " in the input; routes over other peerings are not drawn");
        }

        var groups = vpcs.Select(GroupKey).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        _useGroups = groups.Count > 1;
        if (!_useGroups && vpcs.Count > 0)
        {
            _graph.Subtitle.Add(GroupLabel(vpcs[0].Account, vpcs[0].Region));
        }

        Orient(vpcs);
        foreach (var vpc in vpcs)
        {
            AddVpc(vpc);
        }

        foreach (var g in Model.InternetGateways.Where(g => _focusVpcs is null || g.AttachedVpcIds.Any(_focusVpcs.Contains)).OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            Igw(g.Id);
        }

        foreach (var g in Model.Of<TransitGateway>().Where(g => _focusVpcs is null || _index.TransitGateways.AttachmentsOfGateway(g.Id).Any(a => a.VpcId is { } v && _focusVpcs.Contains(v))).OrderBy(g => g.Id, StringComparer.Ordinal))
        {
            Tgw(g.Id);
        }

        var peerings = Model.PeeringConnections.Where(p => _focusPeerings is null || _focusPeerings.Contains(p.Id)).OrderBy(p => p.Id, StringComparer.Ordinal).ToList();
        foreach (var p in peerings)
        {
            Peering(p);
        }

        foreach (var t in Model.RouteTables.Where(t => _focusVpcs is null || (t.VpcId is { } v && _focusVpcs.Contains(v))).OrderBy(t => t.VpcId ?? string.Empty, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal))
        {
            AddRoutes(t);
        }

        foreach (var p in peerings)
        {
            AddPeeringSides(p);
        }

        AddTransitGatewaySpokes();

        MarkFindings(findings);
        AddIntents();
        _graph.Nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        foreach (var g in _groupClusters.Values)
        {
            g.Nodes.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        }
    }

    // ---- text helpers ----
    private static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");

    internal static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static string TargetKindText(RouteTargetKind k) => k switch
    {
        RouteTargetKind.NatGateway => "NAT gateway",
        RouteTargetKind.TransitGateway => "transit gateway",
        RouteTargetKind.NetworkInterface => "network interface",
        RouteTargetKind.Instance => "instance",
        RouteTargetKind.VirtualPrivateGateway => "virtual private gateway",
        RouteTargetKind.VpcEndpoint => "VPC endpoint",
        RouteTargetKind.EgressOnlyInternetGateway => "egress-only internet gateway",
        RouteTargetKind.CarrierGateway => "carrier gateway",
        RouteTargetKind.LocalGateway => "local gateway",
        RouteTargetKind.CoreNetwork => "core network",
        _ => "route target",
    };
}
