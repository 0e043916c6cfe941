using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>How a peering's routes look from its two sides (read from the route tables, not from the rules).</summary>
internal enum PeeringRoutes
{
    /// <summary>Both VPCs have a route over the peering.</summary>
    Both,

    /// <summary>Only one side routes over it: the other side has no return route.</summary>
    OneSide,

    /// <summary>Neither side routes over it.</summary>
    None,

    /// <summary>A side is not in the input: its routes are unknown.</summary>
    Unknown,
}

internal sealed class OverviewVpc
{
    public required string Id { get; init; }

    /// <summary>The SVG/dot id (the same as the VPC's cluster in the topology view).</summary>
    public required string NodeId { get; init; }

    public string? Name { get; init; }

    public required IReadOnlyList<string> Cidrs { get; init; }

    public required string Group { get; init; }

    /// <summary>Not in the input: the peer side of a peering record.</summary>
    public bool External { get; init; }

    public FindingMarks Marks { get; } = new();

    public double X { get; set; }

    public double Y { get; set; }
}

internal sealed class OverviewPeering
{
    public required string Id { get; init; }

    public required string NodeId { get; init; }

    public string? Name { get; init; }

    public required OverviewVpc Requester { get; init; }

    public required OverviewVpc Accepter { get; init; }

    public required PeeringStatus Status { get; init; }

    public required PeeringRoutes Routes { get; init; }

    /// <summary>The two VPCs' CIDR blocks overlap.</summary>
    public required bool Overlapping { get; init; }

    public FindingMarks Marks { get; } = new();

    /// <summary>Status in AWS's words (<c>pending-acceptance</c>).</summary>
    public string StatusText => TopologyBuilder.Kebab(Status.ToString());
}

internal sealed class OverviewHub
{
    public required string Id { get; init; }

    public required string NodeId { get; init; }

    public string? Name { get; init; }

    public FindingMarks Marks { get; } = new();

    /// <summary>VPCs attached to the hub (usable attachments), in the input.</summary>
    public List<OverviewVpc> Spokes { get; } = new();

    public double X { get; set; }

    public double Y { get; set; }
}

internal sealed class OverviewGroup
{
    public required string Key { get; init; }

    public required string NodeId { get; init; }

    public required string Label { get; init; }

    /// <summary>The label with the count, as drawn ("account 1 · us-east-1 · 50 VPCs").</summary>
    public string Title => Label + " · " + (Hubs.Count > 0
        ? Hubs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Hubs.Count == 1 ? " gateway" : " gateways")
        : Vpcs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + (Vpcs.Count == 1 ? " VPC" : " VPCs"));

    public List<OverviewVpc> Vpcs { get; } = new();

    public List<OverviewHub> Hubs { get; } = new();

    public double X { get; set; }

    public double Y { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }
}

/// <summary>
/// The overview of a large network: one node per VPC inside its account/region group, one edge per peering
/// (coloured by status, or by the worst finding on it), transit gateways as hubs with their attached VPCs. Findings
/// come from the summary <see cref="TopologyGraph"/> (same placement as the topology view): a VPC takes the findings
/// on its own elements and its routes to anything but a peering; a peering takes those on the connection and on the
/// routes over it. Laid out by <see cref="OverviewLayout"/>.
/// </summary>
internal sealed class Overview
{
    public string Title { get; set; } = "PeeringLint topology";

    public List<string> Subtitle { get; } = new();

    public List<OverviewGroup> Groups { get; } = new();

    public List<OverviewVpc> Vpcs { get; } = new();

    public List<OverviewPeering> Peerings { get; } = new();

    public List<OverviewHub> Hubs { get; } = new();

    /// <summary>Hub to hub (transit gateway peering attachments).</summary>
    public List<(OverviewHub A, OverviewHub B, string Label)> HubLinks { get; } = new();

    public double Width { get; set; }

    public double Height { get; set; }

    /// <summary>Group label for VPCs not in the input.</summary>
    public const string ExternalGroup = "~external";

    public const string HubGroup = " hubs";

    public static Overview Build(ModelIndex index, TopologyGraph summary, bool layout = true)
    {
        var o = new Overview { Title = summary.Title };
        var model = index.Model;
        var vpcById = new Dictionary<string, OverviewVpc>(StringComparer.Ordinal);
        var groups = new Dictionary<string, OverviewGroup>(StringComparer.Ordinal);
        OverviewGroup GroupOf(string key, string label)
        {
            if (!groups.TryGetValue(key, out var g))
            {
                g = new OverviewGroup { Key = key, NodeId = GraphStyle.NodeId("grp", key), Label = label };
                groups[key] = g;
            }

            return g;
        }

        foreach (var v in model.Vpcs.GroupBy(v => v.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(v => v.Id, StringComparer.Ordinal))
        {
            string key = (v.Account ?? string.Empty) + "|" + (v.Region ?? string.Empty);
            var ov = new OverviewVpc
            {
                Id = v.Id,
                NodeId = GraphStyle.NodeId("vpc", v.Id),
                Name = v.Name is { } n && n != v.Id ? n : null,
                Cidrs = v.Ipv4Cidrs.Concat(v.Ipv6Cidrs).Select(c => c.ToString()).ToList(),
                Group = key,
            };
            vpcById[v.Id] = ov;
            o.Vpcs.Add(ov);
            GroupOf(key, GroupLabel(v.Account, v.Region)).Vpcs.Add(ov);
        }

        OverviewVpc Side(VpcPeeringConnection p, PeeringSide side, string role)
        {
            if (side.VpcId is { } id && vpcById.TryGetValue(id, out var known))
            {
                return known;
            }

            string key = side.VpcId ?? p.Id + "/" + role;
            if (vpcById.TryGetValue("ext:" + key, out var ext))
            {
                return ext;
            }

            ext = new OverviewVpc
            {
                Id = side.VpcId ?? "unknown VPC",
                NodeId = GraphStyle.NodeId("ext", key),
                Cidrs = side.Ipv4Cidrs.Concat(side.Ipv6Cidrs).Select(c => c.ToString()).ToList(),
                Group = ExternalGroup,
                External = true,
            };
            vpcById["ext:" + key] = ext;
            o.Vpcs.Add(ext);
            GroupOf(ExternalGroup, "not in the input").Vpcs.Add(ext);
            return ext;
        }

        foreach (var p in model.PeeringConnections.GroupBy(p => p.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            var r = Side(p, p.Requester, "requester");
            var a = Side(p, p.Accepter, "accepter");
            o.Peerings.Add(new OverviewPeering
            {
                Id = p.Id,
                NodeId = GraphStyle.NodeId("pcx", p.Id),
                Name = p.Name is { } n && n != p.Id ? n : null,
                Requester = r,
                Accepter = a,
                Status = p.Status,
                Routes = RoutesOf(index, p, r, a),
                Overlapping = Overlap(index, p),
            });
        }

        var tgws = index.TransitGateways;
        var hubIds = model.Of<TransitGateway>().Select(g => g.Id)
            .Concat(model.Of<TransitGatewayAttachment>().Where(a => a.TransitGatewayId is not null).Select(a => a.TransitGatewayId!))
            .Distinct(StringComparer.Ordinal).OrderBy(id => id, StringComparer.Ordinal);
        var hubById = new Dictionary<string, OverviewHub>(StringComparer.Ordinal);
        foreach (var id in hubIds)
        {
            tgws.Gateways.TryGetValue(id, out var g);
            var hub = new OverviewHub { Id = id, NodeId = GraphStyle.NodeId("tgw", id), Name = g?.Name is { } n && n != id ? n : null };
            foreach (var a in tgws.AttachmentsOfGateway(id).Where(a => a.IsUsable && a.VpcId is not null).OrderBy(a => a.VpcId, StringComparer.Ordinal))
            {
                if (vpcById.TryGetValue(a.VpcId!, out var spoke) && !hub.Spokes.Contains(spoke))
                {
                    hub.Spokes.Add(spoke);
                }
            }

            hubById[id] = hub;
            o.Hubs.Add(hub);
        }

        foreach (var a in model.Of<TransitGatewayAttachment>().OrderBy(a => a.Id, StringComparer.Ordinal))
        {
            if (a.Kind == TransitGatewayAttachmentKind.Peering && a.IsUsable && a.TransitGatewayId is { } t && a.ResourceId is { } other
                && hubById.TryGetValue(t, out var ha) && hubById.TryGetValue(other, out var hb) && !o.HubLinks.Any(l => (l.A == hb && l.B == ha) || (l.A == ha && l.B == hb)))
            {
                o.HubLinks.Add((ha, hb, "TGW peering " + (a.Name ?? a.Id)));
            }
        }

        if (o.Hubs.Count > 0)
        {
            var hg = GroupOf(HubGroup, "transit gateways");
            hg.Hubs.AddRange(o.Hubs);
        }

        o.Groups.AddRange(groups.Values.OrderBy(g => g.Key == HubGroup ? 0 : g.Key == ExternalGroup ? 2 : 1).ThenBy(g => g.Key, StringComparer.Ordinal));
        CopyMarks(o, summary, hubById);
        o.Subtitle.Add($"overview: {Count(o.Vpcs.Count(v => !v.External), "VPC")}, {Count(o.Peerings.Count, "peering connection")}"
            + (o.Hubs.Count > 0 ? ", " + Count(o.Hubs.Count, "transit gateway") : string.Empty));
        o.Subtitle.Add("lines: peerings by status (red/amber/blue: a finding on it) · --focus VPC draws one VPC in detail");
        if (layout)
        {
            OverviewLayout.Run(o);
        }

        return o;
    }

    private static string Count(int n, string word) => n.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (n == 1 ? word : word + "s");

    internal static string GroupLabel(string? account, string? region) =>
        (account is null ? "account unknown" : "account " + account) + " · " + (region ?? "region unknown");

    private static PeeringRoutes RoutesOf(ModelIndex index, VpcPeeringConnection p, OverviewVpc r, OverviewVpc a)
    {
        if (r.External || a.External)
        {
            return PeeringRoutes.Unknown;
        }

        bool Routes(string vpcId) => index.RouteTablesOf(vpcId).Any(t => t.Routes.Any(x => x.TargetKind == RouteTargetKind.VpcPeeringConnection && x.TargetId == p.Id));
        bool rr = Routes(r.Id), ar = Routes(a.Id);
        return rr && ar ? PeeringRoutes.Both : rr || ar ? PeeringRoutes.OneSide : PeeringRoutes.None;
    }

    private static bool Overlap(ModelIndex index, VpcPeeringConnection p)
    {
        IEnumerable<Addressing.Cidr> Blocks(PeeringSide side) =>
            (index.Vpc(side.VpcId) is { } v ? v.Ipv4Cidrs : side.Ipv4Cidrs).Select(c => c.Value).OfType<Addressing.Cidr>();
        var a = Blocks(p.Accepter).ToList();
        return Blocks(p.Requester).Any(x => a.Any(y => x.Overlaps(y)));
    }

    /// <summary>Findings as the summary topology placed them, gathered onto VPCs, peerings and hubs.</summary>
    private static void CopyMarks(Overview o, TopologyGraph summary, Dictionary<string, OverviewHub> hubById)
    {
        var vpcByCluster = o.Vpcs.Where(v => !v.External).ToDictionary(v => v.NodeId, StringComparer.Ordinal);
        var vpcByNode = new Dictionary<string, OverviewVpc>(StringComparer.Ordinal);
        foreach (var c in summary.AllClusters())
        {
            if (c.Kind == ClusterKind.Vpc && vpcByCluster.TryGetValue(c.Id, out var v))
            {
                v.Marks.AddAll(c.Marks);
                foreach (var n in c.Nodes)
                {
                    vpcByNode[n.Id] = v;
                    v.Marks.AddAll(n.Marks);
                }
            }
        }

        var peeringByNode = o.Peerings.ToDictionary(p => p.NodeId, StringComparer.Ordinal);
        var hubByNode = hubById.Values.ToDictionary(h => h.NodeId, StringComparer.Ordinal);
        foreach (var n in summary.AllNodes())
        {
            if (peeringByNode.TryGetValue(n.Id, out var p))
            {
                p.Marks.AddAll(n.Marks);
            }
            else if (hubByNode.TryGetValue(n.Id, out var h))
            {
                h.Marks.AddAll(n.Marks);
            }
        }

        foreach (var e in summary.Edges)
        {
            if (e.Kind != EdgeKind.Route || e.Marks.IsEmpty)
            {
                continue;
            }

            if (peeringByNode.TryGetValue(e.To, out var p))
            {
                p.Marks.AddAll(e.Marks);
            }
            else if (vpcByNode.TryGetValue(e.From, out var v))
            {
                v.Marks.AddAll(e.Marks);
            }
        }
    }
}
