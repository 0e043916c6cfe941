using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Tests.Equivalence;

/// <summary>
/// The facts of a model and its findings as sorted lines in neutral names, so that two forms of one topology can be
/// compared line by line. Each line starts with its fact kind (<c>vpc</c>, <c>route</c>, <c>finding</c>, …).
/// Normalised away in every form (representation, not meaning): local routes (AWS lists them, templates cannot),
/// the implicit <c>32767</c>/<c>32768</c> deny entries, the default security group and default network ACL
/// (AWS lists them; a template only has them when it refers to them), and Elastic IP addresses (AWS allocates them at
/// deploy time, so a template cannot know them; whether an instance has a public address is compared).
/// </summary>
public sealed class Canonical
{
    private readonly NetworkModel _model;
    private readonly IReadOnlyDictionary<string, string> _aliases;
    private readonly HashSet<string> _natEips;
    private readonly HashSet<string> _names;

    public Canonical(NetworkModel model, IReadOnlyDictionary<string, string> aliases, Topology topology)
    {
        _model = model;
        _aliases = aliases;
        _natEips = topology.Nats.Select(n => n.EipName).ToHashSet(StringComparer.Ordinal);
        _names = aliases.Values.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The neutral name of a model id.</summary>
    public string Name(string? id)
    {
        if (id is null)
        {
            return "-";
        }

        if (_aliases.TryGetValue(id, out var n))
        {
            return n;
        }

        var rt = _model.RouteTables.FirstOrDefault(r => r.Id == id);
        if (rt is { IsMain: true })
        {
            return "main:" + Name(rt.VpcId);
        }

        var sg = _model.SecurityGroups.FirstOrDefault(g => g.Id == id);
        if (sg is { IsDefault: true })
        {
            return "default-sg:" + Name(sg.VpcId);
        }

        var acl = _model.NetworkAcls.FirstOrDefault(a => a.Id == id);
        if (acl is { IsDefault: true })
        {
            return "default-acl:" + Name(acl.VpcId);
        }

        var named = new Element?[] { rt, sg, acl }.Concat(All()).FirstOrDefault(e => e?.Id == id);
        return named?.Name is { } name && _names.Contains(name) ? name : "?" + id;
    }

    private IEnumerable<Element> All() =>
        _model.Vpcs.Cast<Element>().Concat(_model.Subnets).Concat(_model.RouteTables).Concat(_model.InternetGateways).Concat(_model.NatGateways)
            .Concat(_model.PeeringConnections).Concat(_model.SecurityGroups).Concat(_model.NetworkAcls).Concat(_model.Instances).Concat(_model.ElasticIps);

    private static string Blocks(IEnumerable<CidrValue> values) => "[" + string.Join(",", values.Select(c => c.ToString())) + "]";

    public IReadOnlyList<string> Facts()
    {
        var lines = new List<string>();
        foreach (var v in _model.Vpcs)
        {
            lines.Add($"vpc {Name(v.Id)} v4={Blocks(v.Ipv4Cidrs)}");
            lines.Add($"vpc-v6 {Name(v.Id)} {Blocks(v.Ipv6Cidrs)}");
            lines.Add($"account {Name(v.Id)} {v.Account ?? "?"}");
            lines.Add($"region {Name(v.Id)} {v.Region ?? "?"}");
        }

        foreach (var s in _model.Subnets)
        {
            string name = Name(s.Id);
            lines.Add($"subnet {name} vpc={Name(s.VpcId)} v4={s.Ipv4Cidr?.ToString() ?? "-"} map-public={s.MapPublicIpOnLaunch?.ToString() ?? "?"}");
            lines.Add($"subnet-v6 {name} {Blocks(s.Ipv6Cidrs)}");
            var table = _model.RouteTables.FirstOrDefault(r => r.SubnetIds.Contains(s.Id));
            lines.Add($"subnet-table {name} {(table is null ? "main:" + Name(s.VpcId) : Name(table.Id))}");
            var acl = _model.NetworkAcls.FirstOrDefault(a => !a.IsDefault && a.SubnetIds.Contains(s.Id));
            lines.Add($"subnet-acl {name} {(acl is null ? "default-acl:" + Name(s.VpcId) : Name(acl.Id))}");
        }

        foreach (var r in _model.RouteTables)
        {
            string table = Name(r.Id);
            lines.Add($"table {table} vpc={Name(r.VpcId)} main={r.IsMain}");
            foreach (var route in r.Routes.Where(x => !x.IsLocal))
            {
                lines.Add($"route {table} {route.DestinationText} {route.TargetKind} {Name(route.TargetId)}");
                if (route.State != RouteState.Active)
                {
                    lines.Add($"route-state {table} {route.DestinationText} {route.State}");
                }
            }
        }

        foreach (var g in _model.InternetGateways)
        {
            lines.Add($"igw {Name(g.Id)} attached=[{string.Join(",", g.AttachedVpcIds.Select(Name).Order(StringComparer.Ordinal))}]");
        }

        foreach (var p in _model.PeeringConnections)
        {
            lines.Add($"peering {Name(p.Id)} {Name(p.Requester.VpcId)} -> {Name(p.Accepter.VpcId)}");
            lines.Add($"peering-status {Name(p.Id)} {p.Status}");
            lines.Add($"region {Name(p.Id)} {p.Requester.Region ?? "?"} -> {p.Accepter.Region ?? "?"}");
        }

        foreach (var g in _model.SecurityGroups.Where(g => !g.IsDefault))
        {
            string group = Name(g.Id);
            lines.Add($"sg {group} vpc={Name(g.VpcId)}");
            foreach (var rule in g.Ingress.Concat(g.Egress))
            {
                string peer = rule.PeerKind switch
                {
                    SgPeerKind.Cidr => rule.Cidr?.ToString() ?? "?",
                    SgPeerKind.SecurityGroup => "sg:" + Name(rule.GroupId),
                    SgPeerKind.PrefixList => rule.PrefixListId ?? "?",
                    _ => "unknown",
                };
                lines.Add($"sg-rule {group} {rule.Direction} proto={Num(rule.Protocol)} ports={Num(rule.FromPort)}..{Num(rule.ToPort)} {peer}");
            }
        }

        foreach (var a in _model.NetworkAcls.Where(a => !a.IsDefault))
        {
            string acl = Name(a.Id);
            lines.Add($"nacl {acl} vpc={Name(a.VpcId)}");
            foreach (var e in a.Entries.Where(e => e.RuleNumber < 32767))
            {
                string ports = e.Protocol is 6 or 17 ? $"{Num(e.FromPort)}..{Num(e.ToPort)}" : e.Protocol is 1 or 58 ? $"icmp {Num(e.IcmpType)}/{Num(e.IcmpCode)}" : "-";
                lines.Add($"nacl-entry {acl} {(e.Egress ? "out" : "in")} {e.RuleNumber} proto={Num(e.Protocol)} {ports} {e.Cidr} {e.Action}");
            }
        }

        foreach (var i in _model.Instances)
        {
            string name = Name(i.Id);
            lines.Add($"instance {name} subnet={Name(i.SubnetId)} vpc={Name(i.VpcId)} groups=[{string.Join(",", i.SecurityGroupIds.Select(Name).Order(StringComparer.Ordinal))}]");
            lines.Add($"instance-ip {name} [{string.Join(",", i.PrivateIpAddresses)}]");
            lines.Add($"instance-public {name} {PublicOf(i)}");
        }

        foreach (var n in _model.NatGateways)
        {
            lines.Add($"nat {Name(n.Id)} subnet={Name(n.SubnetId)} public={n.IsPublic}");
        }

        // Association as the shared AWS semantics layer decides it (an instance, an interface, or a NAT gateway's address).
        var index = new PeeringLint.Engine.ModelIndex(_model);
        foreach (var e in _model.ElasticIps)
        {
            string name = Name(e.Id);
            lines.Add($"{(_natEips.Contains(name) ? "eip-nat" : "eip")} {name} associated={PeeringLint.Aws.ElasticIpAssociations.IsAssociated(index, e, out _) == PeeringLint.Reachability.Tri.Yes}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>Public IPv4 as a mode: an Elastic IP associated with the instance counts as assigned.</summary>
    private string PublicOf(Instance i)
    {
        if (i.PublicIpAddress is not null || _model.ElasticIps.Any(e => e.InstanceId == i.Id))
        {
            return PublicIpMode.Assigned.ToString();
        }

        return i.PublicIp.ToString();
    }

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";

    /// <summary>Findings as <c>finding RULE@element</c>, suppressed ones left out.</summary>
    public IReadOnlyList<string> Findings(IEnumerable<Finding> findings) =>
        findings.Where(f => !f.IsSuppressed).Select(f => $"finding {f.RuleId}@{Name(f.ElementId)}").Order(StringComparer.Ordinal).ToList();
}

/// <summary>One line on which a form disagrees with the reference (AWS describe-* JSON, what AWS itself reports).</summary>
public sealed record Drift(string Topology, Form Form, bool Extra, string Line)
{
    public override string ToString() => $"{Topology} [{Form}] {(Extra ? "extra  " : "missing")} {Line}";
}

public static class Comparison
{
    /// <summary>The lines where <paramref name="actual"/> (of <paramref name="form"/>) differs from the reference, facts the form cannot carry left out.</summary>
    public static List<Drift> Diff(string topology, Form form, IReadOnlyList<string> reference, IReadOnlyList<string> actual)
    {
        var missingKinds = Expressiveness.Missing(form).Select(m => m.Fact).ToHashSet(StringComparer.Ordinal);
        bool Kept(string line) => !missingKinds.Contains(line.Split(' ')[0]);
        var want = reference.Where(Kept).ToList();
        var have = actual.Where(Kept).ToList();
        var drifts = new List<Drift>();
        foreach (var l in MultisetMinus(want, have))
        {
            drifts.Add(new Drift(topology, form, false, l));
        }

        foreach (var l in MultisetMinus(have, want))
        {
            drifts.Add(new Drift(topology, form, true, l));
        }

        return drifts;
    }

    private static IEnumerable<string> MultisetMinus(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var x in a)
        {
            if (counts.TryGetValue(x, out int c) && c > 0)
            {
                counts[x] = c - 1;
            }
            else
            {
                yield return x;
            }
        }
    }
}
