using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Rules.Addressing;

/// <summary>
/// Malformed CIDRs, host bits set, VPC and subnet IPv4 blocks outside /16–/28, subnets outside their VPC,
/// and overlapping subnets of one VPC.
/// </summary>
public sealed class PL1004InvalidCidr : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL1004",
        Name: "InvalidCidr",
        Title: "CIDR block is malformed or does not fit its VPC",
        Description: "A CIDR block is malformed, has host bits set, has a prefix length AWS does not allow for a VPC or subnet (IPv4 /16 to /28), or a subnet lies outside its VPC's CIDR blocks or overlaps another subnet of the same VPC. AWS rejects each of these.",
        Category: RuleCategories.Addressing,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        // Indexed loops over the model's lists throughout: a foreach over an IReadOnlyList allocates an enumerator per
        // list, and this rule walks every CIDR of the model (a million enumerators at 10,000 VPCs).
        var model = context.Model;
        var index = context.Index;
        foreach (var vpc in model.Vpcs)
        {
            var v4 = vpc.Ipv4Cidrs;
            for (int i = 0; i < v4.Count; i++)
            {
                var c = v4[i];
                if (IsClean(c, IpFamily.V4) || CheckSyntax(context, c, $"VPC {vpc.Label} CIDR block", vpc, IpFamily.V4))
                {
                    CheckSize(context, c, "VPC", vpc);
                }
            }

            var v6 = vpc.Ipv6Cidrs;
            for (int i = 0; i < v6.Count; i++)
            {
                if (!IsClean(v6[i], IpFamily.V6))
                {
                    CheckSyntax(context, v6[i], $"VPC {vpc.Label} IPv6 CIDR block", vpc, IpFamily.V6);
                }
            }
        }

        // The subnets to compare for overlaps, with their VPC's place in first-seen order: one list for the model, sorted
        // once by VPC, block and location (a list per VPC was 10,000 small lists).
        var subnetItems = new List<(int Vpc, Cidr Cidr, Subnet Subnet)>(model.Subnets.Count);
        var vpcOrder = new Dictionary<string, int>(System.StringComparer.Ordinal);
        var blocks = new List<CidrValue>();
        foreach (var subnet in model.Subnets)
        {
            var c = subnet.Ipv4Cidr;
            if (c is null || !(IsClean(c, IpFamily.V4) || CheckSyntax(context, c, $"subnet {subnet.Label} CIDR block", subnet, IpFamily.V4)))
            {
                continue;
            }

            CheckSize(context, c, "Subnet", subnet);
            var vpc = index.Vpc(subnet.VpcId);
            if (vpc is null || vpc.HasUnknownCidrs)
            {
                continue;
            }

            bool inside = false;
            blocks.Clear();
            var v4 = vpc.Ipv4Cidrs;
            for (int i = 0; i < v4.Count; i++)
            {
                var b = v4[i];
                // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                if (b.Value is not null && b.State == CidrAssociationState.Associated)
                {
                    blocks.Add(b);
                    // Stryker disable once Assignment : a VPC's blocks do not overlap, so at most one contains the subnet
                    inside |= b.Value.Value.Contains(c.Value!.Value);
                }
            }

            if (!inside && blocks.Count > 0)
            {
                context.Report(
                    c.Location,
                    $"Subnet {subnet.Label} CIDR block {c.Value} is not inside its VPC {vpc.Label} ({Describe.Cidrs(blocks)}); AWS rejects the subnet.",
                    subnet,
                    new[] { new RelatedLocation(blocks[0].Location, $"{vpc.Label} CIDR block {blocks[0].Value}") },
                    key: $"{subnet.Id}|outside|{c.Value}");
            }

            if (!vpcOrder.ContainsKey(vpc.Id))
            {
                vpcOrder[vpc.Id] = vpcOrder.Count;
            }

            subnetItems.Add((vpcOrder[vpc.Id], c.Value!.Value, subnet));
        }

        foreach (var s in model.Subnets)
        {
            var v6 = s.Ipv6Cidrs;
            for (int i = 0; i < v6.Count; i++)
            {
                if (!IsClean(v6[i], IpFamily.V6))
                {
                    CheckSyntax(context, v6[i], $"subnet {s.Label} IPv6 CIDR block", s, IpFamily.V6);
                }
            }
        }

        ReportOverlappingSubnets(context, subnetItems);

        foreach (var table in model.RouteTables)
        {
            var routes = table.Routes;
            for (int i = 0; i < routes.Count; i++)
            {
                var r = routes[i];
                if (r.Destination is not null && !IsClean(r.Destination, null))
                {
                    CheckSyntax(context, r.Destination, $"route destination in route table {table.Label}", table, null, r.IgnoredRules);
                }
            }
        }

        foreach (var g in model.SecurityGroups)
        {
            var ingress = g.Ingress;
            for (int i = 0; i < ingress.Count; i++)
            {
                var r = ingress[i];
                if (r.Cidr is not null && !IsClean(r.Cidr, null))
                {
                    CheckSyntax(context, r.Cidr, $"inbound rule of security group {g.Label}", g, null, lenientHostBits: true);
                }
            }

            var egress = g.Egress;
            for (int i = 0; i < egress.Count; i++)
            {
                var r = egress[i];
                if (r.Cidr is not null && !IsClean(r.Cidr, null))
                {
                    CheckSyntax(context, r.Cidr, $"outbound rule of security group {g.Label}", g, null, lenientHostBits: true);
                }
            }
        }

        foreach (var acl in model.NetworkAcls)
        {
            var entries = acl.Entries;
            for (int i = 0; i < entries.Count; i++)
            {
                var e = entries[i];
                if (e.Cidr is not null && !IsClean(e.Cidr, null))
                {
                    CheckSyntax(context, e.Cidr, $"entry {e.RuleNumber} of network ACL {acl.Label}", acl, null, lenientHostBits: true);
                }
            }
        }
    }

    /// <summary>
    /// Overlapping subnets: CIDR blocks nest or are disjoint, so after sorting, the blocks of one VPC inside one outermost
    /// block form a run. Each other subnet of a run is reported once against the run's outermost subnet (which overlaps
    /// them all): one finding per overlapping subnet, never one per pair (400 copies of a /24: 399, not 79,800).
    /// </summary>
    private static void ReportOverlappingSubnets(RuleContext context, List<(int Vpc, Cidr Cidr, Subnet Subnet)> items)
    {
        items.Sort(static (a, b) =>
        {
            int c = a.Vpc.CompareTo(b.Vpc);
            if (c == 0)
            {
                c = a.Cidr.CompareTo(b.Cidr);
            }

            return c != 0 ? c : a.Subnet.Location.CompareTo(b.Subnet.Location);
        });
        int start = 0;
        for (int i = 1; i <= items.Count; i++)
        {
            if (i < items.Count && items[i].Vpc == items[start].Vpc && items[start].Cidr.Contains(items[i].Cidr))
            {
                continue;
            }

            var outer = items[start];
            for (int j = start + 1; j < i; j++)
            {
                var inner = items[j];
                var (first, second) = outer.Subnet.Location.CompareTo(inner.Subnet.Location) <= 0 ? (outer, inner) : (inner, outer);
                context.Report(
                    second.Subnet.Ipv4Cidr!.Location,
                    $"Subnet {second.Subnet.Label} ({second.Cidr}) overlaps subnet {first.Subnet.Label} ({first.Cidr}) in VPC {Describe.Vpc(context.Index, second.Subnet.VpcId)}; AWS rejects overlapping subnets.",
                    second.Subnet,
                    new[] { new RelatedLocation(first.Subnet.Ipv4Cidr!.Location, $"subnet {first.Subnet.Label} CIDR block {first.Cidr}") },
                    key: $"{second.Subnet.Id}|overlaps|{first.Subnet.Id}");
            }

            start = i;
        }
    }

    /// <summary>
    /// True when <see cref="CheckSyntax"/> would report nothing and return true: the common case, decided before the
    /// description of the value (labels and all) is built.
    /// </summary>
    // Stryker disable once all : a shortcut; when it says false, CheckSyntax decides (and says true for clean values)
    private static bool IsClean(CidrValue c, IpFamily? family) =>
        !c.IsUnknown && c.Status != CidrParseStatus.Malformed && c.Status != CidrParseStatus.HostBitsSet && (family is not { } f || c.Value!.Value.Family == f);

    /// <summary>Reports malformed blocks and set host bits; returns true when the value is usable for further checks.</summary>
    /// <remarks>
    /// VPC, subnet and route CIDRs with host bits are rejected by AWS (error). Security group and network ACL
    /// rules are accepted and silently normalized (<paramref name="lenientHostBits"/>): a warning that names the
    /// range really admitted, since 192.168.1.0/0 quietly means every IPv4 address.
    /// </remarks>
    private static bool CheckSyntax(RuleContext context, CidrValue c, string what, Element owner, IpFamily? family, IReadOnlyList<string>? ignored = null, bool lenientHostBits = false)
    {
        if (c.IsUnknown)
        {
            return false;
        }

        if (c.Status == CidrParseStatus.Malformed)
        {
            context.Report(c.Location, $"The {what} '{c.Text}' is not a valid CIDR block: {c.Problem}.", owner, key: $"{owner.Id}|malformed|{c.Text}", ignoredRules: ignored);
            return false;
        }

        if (c.Status == CidrParseStatus.HostBitsSet)
        {
            if (lenientHostBits)
            {
                context.Report(c.Location, $"The {what} '{c.Text}' has host bits set; AWS stores it as {c.Value}, so the rule matches all of {c.Value}.", owner, key: $"{owner.Id}|hostbits|{c.Text}", severity: Severity.Warning, ignoredRules: ignored);
            }
            else
            {
                context.Report(c.Location, $"The {what} '{c.Text}' has host bits set; AWS expects the network address {c.Value}.", owner, key: $"{owner.Id}|hostbits|{c.Text}", ignoredRules: ignored);
            }

            return false;
        }

        // Stryker disable once Logical : without a family IsClean has already let every parsed value through, so this is not reached
        if (family is not null && c.Value!.Value.Family != family.Value)
        {
            string expected = family.Value == IpFamily.V4 ? "an IPv4" : "an IPv6";
            context.Report(c.Location, $"The {what} '{c.Text}' is not {expected} block.", owner, key: $"{owner.Id}|family|{c.Text}", ignoredRules: ignored);
            return false;
        }

        // Stryker disable once Boolean : not reached; IsClean says true for exactly the values that get here (the callers skip this then)
        return true;
    }

    private static void CheckSize(RuleContext context, CidrValue c, string kind, Element owner)
    {
        int p = c.Value!.Value.PrefixLength;
        if (p is < 16 or > 28)
        {
            context.Report(c.Location, $"{kind} {owner.Label} CIDR block {c.Value} has a /{p} prefix; AWS allows IPv4 blocks from /16 (65,536 addresses) to /28 (16 addresses).", owner, key: $"{owner.Id}|size|{c.Value}");
        }
    }
}
