using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PeeringLint.Addressing;
using PeeringLint.Cli.Inputs;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Cli.LanguageServer;

/// <summary>
/// Hover and go-to-definition over the last run's model: the scalar under the cursor (a CIDR, an element's id or
/// name, <c>!Ref Peering</c>, <c>pcx-…</c>) or else the route under it, described as the model knows it.
/// </summary>
internal static class Navigator
{
    public static Hover? Hover(LintRun run, string fullPath, string text, Position position)
    {
        string display = InputFiles.Display(fullPath, run.BaseDirectory);
        var index = run.Index;
        var scalar = ScalarAt(display, text, position);
        var route = RouteAt(index.Model, display, position);
        string? markdown = null;
        Range? range = null;
        if (scalar is { Value: { } value } && Cidr.TryParse(value.Trim(), out var cidr, out _) != CidrParseStatus.Malformed)
        {
            markdown = DescribeCidr(index, cidr, route);
            range = DocumentText.ToRange(scalar.Location());
        }
        else if (scalar is { Value: { } name } && Find(index, name) is { } element)
        {
            markdown = Describe(index, element, route?.Table.VpcId);
            range = DocumentText.ToRange(scalar.Location());
        }
        else if (route is { } r)
        {
            markdown = DescribeRoute(index, r.Table, r.Route);
            range = DocumentText.ToRange(r.Route.Location);
        }
        else if (ElementAt(index.Model, display, position) is { } around)
        {
            markdown = Describe(index, around, null);
            range = DocumentText.ToRange(around.Location);
        }

        return markdown is null ? null : new Hover(new MarkupContent("markdown", markdown), range);
    }

    /// <summary>Where the element named under the cursor is declared, or the target of the route under it; null when neither.</summary>
    public static Location? Definition(LintRun run, string fullPath, string text, Position position)
    {
        string display = InputFiles.Display(fullPath, run.BaseDirectory);
        var index = run.Index;
        if (ScalarAt(display, text, position) is { Value: { } name } && Find(index, name) is { } element
            && !element.Location.IsNone && !(element.Location.Path == display && DocumentText.Contains(element.Location, position)))
        {
            return LocationOf(run, element.Location);
        }

        if (RouteAt(index.Model, display, position) is { } r && r.Route.TargetId is { } target && Find(index, target) is { } targetElement && !targetElement.Location.IsNone)
        {
            return LocationOf(run, targetElement.Location);
        }

        return null;
    }

    private static Location LocationOf(LintRun run, SourceLocation at) =>
        new(DocumentText.UriOf(Diagnostics.FullPath(run.BaseDirectory, at.Path)), DocumentText.ToRange(at));

    /// <summary>The innermost scalar (key or value) under the cursor, from the text as it is now; null when it does not parse.</summary>
    internal static ScalarNode? ScalarAt(string display, string text, Position position)
    {
        var problems = new List<InputProblem>();
        SyntaxNode? root;
        try
        {
            string trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
            {
                var bytes = new UTF8Encoding(false).GetBytes(text);
                root = JsonDecoder.Decode(SourceDocument.FromUtf8(display, bytes), bytes, problems);
            }
            else
            {
                root = YamlDecoder.Decode(SourceDocument.FromText(display, text), text, problems);
            }
        }
        catch (SyntaxException)
        {
            return null;
        }

        return root is null ? null : Find(root, position);
    }

    private static ScalarNode? Find(SyntaxNode node, Position p)
    {
        switch (node)
        {
            case ScalarNode s:
                return DocumentText.Contains(s.Location(), p) ? s : null;
            case MappingNode m:
                foreach (var kv in m.Entries)
                {
                    if (DocumentText.Contains(kv.Key.Location(), p))
                    {
                        return kv.Key;
                    }

                    if (DocumentText.Contains(kv.Value.Location(), p) && Find(kv.Value, p) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case SequenceNode q:
                foreach (var item in q.Items)
                {
                    if (DocumentText.Contains(item.Location(), p) && Find(item, p) is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The route whose text holds the cursor (the smallest span when several do).</summary>
    private static TableRoute? RouteAt(NetworkModel model, string display, Position p)
    {
        TableRoute? best = null;
        foreach (var t in model.RouteTables)
        {
            foreach (var r in t.Routes)
            {
                if (r.Location.Path == display && DocumentText.Contains(r.Location, p) && (best is null || Span(r.Location) < Span(best.Value.Route.Location)))
                {
                    best = new TableRoute(t, r);
                }
            }
        }

        return best;
    }

    private static Element? ElementAt(NetworkModel model, string display, Position p)
    {
        Element? best = null;
        foreach (var e in All(model))
        {
            if (e.Location.Path == display && DocumentText.Contains(e.Location, p) && (best is null || Span(e.Location) < Span(best.Location)))
            {
                best = e;
            }
        }

        return best;
    }

    private static long Span(SourceLocation l) => ((long)(l.EndLine - l.StartLine) << 20) + (l.EndColumn - l.StartColumn);

    private static IEnumerable<Element> All(NetworkModel m) =>
        m.PeeringConnections.Cast<Element>().Concat(m.Vpcs).Concat(m.RouteTables).Concat(m.Subnets).Concat(m.InternetGateways).Concat(m.NatGateways)
            .Concat(m.SecurityGroups).Concat(m.NetworkAcls).Concat(m.Instances).Concat(m.NetworkInterfaces).Concat(m.ElasticIps);

    /// <summary>The element with this id, else the one with this name (a tutorial name, a Name tag).</summary>
    private static Element? Find(ModelIndex index, string name)
    {
        name = name.Trim();
        if (name.Length == 0)
        {
            return null;
        }

        Element? byId = index.Peerings.TryGetValue(name, out var pcx) ? pcx
            : index.Vpcs.TryGetValue(name, out var vpc) ? vpc
            : index.RouteTables.TryGetValue(name, out var rt) ? rt
            : index.Subnets.TryGetValue(name, out var sn) ? sn
            : index.InternetGateways.TryGetValue(name, out var igw) ? igw
            : index.NatGateways.TryGetValue(name, out var nat) ? nat
            : index.SecurityGroups.TryGetValue(name, out var sg) ? sg
            : index.NetworkAcls.TryGetValue(name, out var acl) ? acl
            : index.Instances.TryGetValue(name, out var i) ? i
            : index.NetworkInterfaces.TryGetValue(name, out var eni) ? eni
            : index.ElasticIps.TryGetValue(name, out var eip) ? eip
            : null;
        return byId ?? All(index.Model).FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
    }

    private static string Describe(ModelIndex index, Element element, string? fromVpcId) => element switch
    {
        VpcPeeringConnection p => DescribePeering(index, p, fromVpcId),
        Vpc v => DescribeVpc(index, v),
        RouteTable t => $"**Route table** {Md(t.Label)}{InVpc(index, t.VpcId)}{(t.IsMain ? " (main)" : string.Empty)}\n\n" + string.Join("\n", t.Routes.Select(r => $"- {RouteLine(index, r)}")),
        Subnet s => $"**Subnet** {Md(s.Label)}{InVpc(index, s.VpcId)}: {s.Ipv4Cidr?.ToString() ?? "no IPv4 block"}{(s.AvailabilityZone is { } az ? $", {Md(az)}" : string.Empty)}",
        InternetGateway g => $"**Internet gateway** {Md(g.Label)}, attached to {(g.AttachedVpcIds.Count == 0 ? "no VPC" : string.Join(", ", g.AttachedVpcIds.Select(id => VpcLabel(index, id))))}",
        NatGateway n => $"**NAT gateway** {Md(n.Label)} in subnet {Md(n.SubnetId) ?? "(unknown)"}{(n.IsPublic ? " (public)" : " (private)")}",
        SecurityGroup g => $"**Security group** {Md(g.Label)}{InVpc(index, g.VpcId)}: {g.Ingress.Count} ingress, {g.Egress.Count} egress rule(s)",
        NetworkAcl a => $"**Network ACL** {Md(a.Label)}{InVpc(index, a.VpcId)}: {a.Entries.Count} entries",
        Instance i => $"**Instance** {Md(i.Label)} in subnet {Md(i.SubnetId) ?? "(unknown)"}: private {string.Join(", ", i.PrivateIpAddresses.Select(Md).DefaultIfEmpty("(unknown)"))}, public IP {i.PublicIp switch { PublicIpMode.Assigned => Md(i.PublicIpAddress) ?? "assigned", PublicIpMode.None => "none", _ => "unknown" }}",
        NetworkInterface e => $"**Network interface** {Md(e.Label)} in subnet {Md(e.SubnetId) ?? "(unknown)"}",
        ElasticIp e => $"**Elastic IP** {Md(e.Label)}{(e.PublicIp is { } ip ? " " + ip : string.Empty)}: {(e.IsAssociated ? "associated" : "not associated")}",
        _ => Md(element.Label),
    };

    private static string DescribePeering(ModelIndex index, VpcPeeringConnection p, string? fromVpcId)
    {
        var sb = new StringBuilder();
        sb.Append("**VPC peering connection** ").Append(Md(p.Label)).Append("\n\n");
        sb.Append("- status: `").Append(Status(p.Status)).Append('`').Append('\n');
        sb.Append("- requester: ").Append(Side(index, p.Requester)).Append('\n');
        sb.Append("- accepter: ").Append(Side(index, p.Accepter)).Append('\n');
        if (fromVpcId is not null && p.OtherSide(fromVpcId) is { } other)
        {
            sb.Append("- peer VPC seen from here: ").Append(VpcLabel(index, other.VpcId)).Append('\n');
        }

        var routes = index.RoutesTo(p.Id);
        sb.Append("- routes to it: ").Append(routes.Count == 0 ? "none" : string.Join(", ", routes.Select(r => $"{Md(r.Route.DestinationText)} in {Md(r.Table.Label)}")));
        return sb.ToString();
    }

    private static string DescribeVpc(ModelIndex index, Vpc v)
    {
        var sb = new StringBuilder();
        sb.Append("**VPC** ").Append(Md(v.Label)).Append(": ").Append(Blocks(v.Ipv4Cidrs.Concat(v.Ipv6Cidrs))).Append("\n\n");
        foreach (var p in index.PeeringsOf(v.Id))
        {
            var other = p.OtherSide(v.Id);
            sb.Append("- peering ").Append(Md(p.Label)).Append(" (`").Append(Status(p.Status)).Append("`) with ").Append(other is null ? "(unknown)" : Side(index, other)).Append('\n');
        }

        sb.Append("- ").Append(index.SubnetsOf(v.Id).Count).Append(" subnet(s), ").Append(index.RouteTablesOf(v.Id).Count).Append(" route table(s)");
        return sb.ToString();
    }

    private static string DescribeRoute(ModelIndex index, RouteTable table, Route route) =>
        $"**Route** {Md(route.DestinationText)} in {Md(table.Label)}{InVpc(index, table.VpcId)}\n\n- {RouteLine(index, route)}" +
        (route.TargetId is { } id && index.Peerings.TryGetValue(id, out var p) ? "\n\n" + DescribePeering(index, p, table.VpcId) : string.Empty);

    private static string DescribeCidr(ModelIndex index, Cidr cidr, TableRoute? route)
    {
        var sb = new StringBuilder();
        sb.Append("**CIDR block** `").Append(cidr).Append('`');
        foreach (var v in index.Model.Vpcs)
        {
            foreach (var b in v.Ipv4Cidrs.Concat(v.Ipv6Cidrs))
            {
                if (b.Value is not { } block)
                {
                    continue;
                }

                string relation = block == cidr ? "is the block of" : block.Contains(cidr) ? "lies inside the block " + block + " of" : cidr.Contains(block) ? "covers the block " + block + " of" : block.Overlaps(cidr) ? "overlaps the block " + block + " of" : string.Empty;
                if (relation.Length > 0)
                {
                    string own = route is { } r && r.Table.VpcId == v.Id ? " (this route table's own VPC)" : string.Empty;
                    sb.Append("\n- ").Append(relation).Append(" VPC ").Append(Md(v.Label)).Append(own);
                }
            }
        }

        if (route is { } rt && rt.Route.Destination?.Value == cidr)
        {
            sb.Append("\n\n").Append(DescribeRoute(index, rt.Table, rt.Route));
        }

        return sb.ToString();
    }

    private static string RouteLine(ModelIndex index, Route r)
    {
        string target = r.TargetKind switch
        {
            RouteTargetKind.Local => "local",
            RouteTargetKind.VpcPeeringConnection when r.TargetId is { } id && index.Peerings.TryGetValue(id, out var p) => $"peering {Md(p.Label)} (`{Status(p.Status)}`)",
            _ => $"{RuleDescriptor.ToSlug(r.TargetKind.ToString())} {Md(r.TargetId) ?? "(unknown)"}",
        };
        return $"{Md(r.DestinationText)} → {target}{(r.State == RouteState.Blackhole ? " (blackhole)" : string.Empty)}";
    }

    private static string Side(ModelIndex index, PeeringSide side)
    {
        var vpc = index.Vpc(side.VpcId);
        var blocks = vpc is not null ? vpc.Ipv4Cidrs.Concat(vpc.Ipv6Cidrs) : side.Ipv4Cidrs.Concat(side.Ipv6Cidrs);
        string where = string.Join(", ", new[] { side.OwnerId ?? vpc?.Account, side.Region ?? vpc?.Region }.Where(x => x is not null));
        return $"VPC {VpcLabel(index, side.VpcId)} — {Blocks(blocks)}{(where.Length > 0 ? $" ({Md(where)})" : string.Empty)}{(vpc is null ? ", not in the inputs" : string.Empty)}";
    }

    private static string Blocks(IEnumerable<CidrValue> blocks)
    {
        var list = blocks.Select(b => b.ToString()).ToList();
        return list.Count == 0 ? "blocks unknown" : string.Join(", ", list.Select(b => $"`{b.Replace("`", "'", StringComparison.Ordinal)}`"));
    }

    private static string VpcLabel(ModelIndex index, string? id) => id is null ? "(unknown)" : Md(index.Vpc(id)?.Label ?? $"'{id}'");

    private static string InVpc(ModelIndex index, string? vpcId) => vpcId is null ? string.Empty : $" of VPC {VpcLabel(index, vpcId)}";

    private static string Status(PeeringStatus s) => RuleDescriptor.ToSlug(s.ToString());

    /// <summary>
    /// A value from the input (a Name tag, an id) as literal Markdown text: the characters that open links, images,
    /// emphasis, inline HTML, entities and code are backslash-escaped (values never start a line, so list and heading
    /// markers cannot apply), and control characters are shown escaped.
    /// </summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private static string? Md(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in PeeringLint.Cli.Output.TextEscaping.Escape(text))
        {
            if ("\\`*_[]<>&".IndexOf(c) >= 0)
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
