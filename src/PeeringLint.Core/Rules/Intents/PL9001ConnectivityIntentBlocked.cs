using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;
using PeeringLint.Reachability;
using PeeringLint.Rules.Exposure;
using PeeringLint.Rules.Security;

namespace PeeringLint.Rules.Intents;

/// <summary>A declared connectivity intent that the network does not deliver, reported at the element that blocks it.</summary>
public sealed class PL9001ConnectivityIntentBlocked : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL9001",
        Name: "ConnectivityIntentBlocked",
        Title: "Connectivity intent is blocked",
        Description: "A connectivity intent (traffic that must flow, such as SSH from the internet or ping across a peering) fails when the path is evaluated the way AWS does: security groups, network ACLs (both ways: they are stateless), route tables, the peering connection or internet gateway, public addresses, and the route back. The finding sits on the element that blocks the path and lists every hop. Intents whose outcome depends on values the input does not give are reported as notes.",
        Category: RuleCategories.Intents,
        DefaultSeverity: Severity.Error);

    /// <summary>Names of the properties this rule's findings carry (read by the code fixes and in SARIF/JSON output).</summary>
    public static class Keys
    {
        /// <summary>The intent's name.</summary>
        public const string Intent = "intent";

        /// <summary>The intent's source as written.</summary>
        public const string From = "from";

        /// <summary>The intent's destination as written.</summary>
        public const string To = "to";

        /// <summary>The intent's protocol.</summary>
        public const string Protocol = "protocol";

        /// <summary>The intent's port, when it has one.</summary>
        public const string Port = "port";

        /// <summary>The engine's verdict: NotReachable or Unknown.</summary>
        public const string Verdict = "verdict";

        /// <summary>Every hop of the path, one per line.</summary>
        public const string Hops = "hops";

        /// <summary>The reason code of the blocking (or unknown) hop.</summary>
        public const string ReasonCode = "reasonCode";

        /// <summary>Id of the element that blocks the path.</summary>
        public const string BlockingElement = "blockingElement";
    }

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var outcome in IntentResolver.Evaluate(context.Index))
        {
            // Unresolvable intents are input problems (the pipeline reports them), not findings.
            // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            var result = outcome.Result;
            if (result is null || result.Verdict == ReachabilityVerdict.Reachable)
            {
                continue;
            }

            var intent = outcome.Intent;
            string what = $"{result.Query.Source.Label} → {result.Query.Destination.Label}, {result.Query.Request}";
            var steps = new List<FindingStep>(result.Hops.Count);
            foreach (var h in result.Hops)
            {
                steps.Add(new FindingStep(h.Location, StepText(h), h.Verdict == HopVerdict.Blocked));
            }

            var related = new List<RelatedLocation> { new(intent.Location, $"intent '{intent.Name}' is declared here") };
            var properties = new Dictionary<string, string>
            {
                [Keys.Intent] = intent.Name,
                [Keys.From] = intent.From,
                [Keys.To] = intent.To,
                [Keys.Protocol] = intent.Protocol,
                [Keys.Verdict] = result.Verdict.ToString(),
                [Keys.Hops] = HopsText(result.Hops),
            };
            if (intent.Port is not null)
            {
                properties[Keys.Port] = intent.Port.Value.ToString(CultureInfo.InvariantCulture);
            }

            if (result.Verdict == ReachabilityVerdict.Unknown)
            {
                var u = result.UnknownHops.Count > 0 ? result.UnknownHops[0] : null;
                properties[Keys.ReasonCode] = u?.Code ?? ReasonCodes.UnknownValue;
                context.Report(
                    u is not null && !u.Location.IsNone ? u.Location : intent.Location,
                    $"Intent '{intent.Name}' ({what}) cannot be verified: {u?.Reason ?? "part of the path is unknown"}.",
                    u?.Element,
                    related,
                    key: $"{intent.Name}|unknown",
                    severity: Severity.Note,
                    properties: properties,
                    steps: steps);
                continue;
            }

            var blocking = result.BlockingHops;
            var first = blocking[0];
            properties[Keys.ReasonCode] = first.Code ?? string.Empty;
            properties[Keys.BlockingElement] = first.ElementId;
            var sb = new StringBuilder();
            sb.Append("Intent '").Append(intent.Name).Append("' (").Append(what).Append(") is blocked: ").Append(first.Reason);
            if (first.Fix is not null)
            {
                sb.Append("; ").Append(first.Fix);
            }

            sb.Append('.');
            if (blocking.Count > 1)
            {
                sb.Append(" Further along the path, also: ");
                for (int i = 1; i < blocking.Count; i++)
                {
                    if (i > 1)
                    {
                        sb.Append("; ");
                    }

                    sb.Append(blocking[i].Reason);
                    related.Add(new RelatedLocation(blocking[i].Location, blocking[i].Reason));
                }

                sb.Append('.');
            }

            context.Report(
                first.Location.IsNone ? intent.Location : first.Location,
                sb.ToString(),
                first.Element,
                related,
                key: $"{intent.Name}|{first.Code}|{first.ElementId}",
                properties: properties,
                steps: steps,
                repair: first.Direction != HopDirection.Forward ? null : first.Kind switch
                {
                    HopKind.SecurityGroupIngress => GroupRepair(context.Index, result.Query, first, intent.Name, ingress: true),
                    HopKind.SecurityGroupEgress => GroupRepair(context.Index, result.Query, first, intent.Name, ingress: false),
                    _ => null,
                });
        }
    }

    /// <summary>
    /// The rule that lets the intent through, when a security group admits nothing of it and the rule is unambiguous:
    /// an inbound rule on the destination's group, or an outbound rule on the source's. That end is an instance with
    /// exactly one security group (that group is the one to open; with several, which one should carry the rule is a
    /// design choice), the intent is TCP or UDP to one port or ICMP (IPv4: all ICMP, like the console's "All ICMP -
    /// IPv4"), and the other end has one block: the intent's own CIDR, the other VPC's one block of the family when
    /// the other end is an instance in a peered VPC (traffic over a peering keeps its private addresses), or the other
    /// instance's private address when both are in one VPC. The internet has no fix: the address to admit is yours
    /// (or the Region's EC2 Instance Connect prefix list), not something the input says.
    /// </summary>
    internal static Repair? GroupRepair(ModelIndex index, ReachabilityQuery query, Hop hop, string intentName, bool ingress)
    {
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var self = ingress ? query.Destination : query.Source;
        var other = ingress ? query.Source : query.Destination;
        var instance = hop.Code == ReasonCodes.EniSgRulesMismatch ? self.Element as Instance : null;
        var host = instance is null ? null : ExposureFacts.HostOf(index, instance);
        var vpc = host is not null && host.GroupsUnknown is null ? host.Vpc : null;
        if (host is null || vpc is null || host.Groups.Count != 1 || host.Groups[0].Id != hop.ElementId || host.Groups[0].RulesIncomplete)
        {
            return null;
        }

        int? port = query.Port;
        (string Protocol, int From, int To)? rule = query.Protocol switch
        {
            IpProtocols.Tcp when port is not null => ("tcp", port.Value, port.Value),
            IpProtocols.Udp when port is not null => ("udp", port.Value, port.Value),
            IpProtocols.Icmp when host.Address.Family == IpFamily.V4 => ("icmp", -1, -1),
            _ => null,
        };
        string? cidr = OtherBlock(index, other, vpc, host.Address.Family);
        if (rule is null || cidr is null)
        {
            return null;
        }

        var r = rule.Value;

        var group = host.Groups[0];
        string text = r.Protocol == "icmp" ? "ICMP" : $"{r.Protocol.ToUpperInvariant()} {r.From.ToString(CultureInfo.InvariantCulture)}";
        string description = SecurityGroupRuleText.Description($"{text} for intent {intentName}");
        return ingress
            ? new AddIngressRule(group.Id, group.Location, r.Protocol, r.From, r.To, cidr, description)
            : new AddEgressRule(group.Id, group.Location, r.Protocol, r.From, r.To, cidr, description);
    }

    /// <summary>The one block of the other end a group's rule should name, or null when that is not unambiguous.</summary>
    private static string? OtherBlock(ModelIndex index, Endpoint otherEnd, Vpc ownVpc, IpFamily family)
    {
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        if (otherEnd.Kind == EndpointKind.Cidr)
        {
            Cidr? c = otherEnd.Cidr;
            return c is not null && c.Value.Family == family ? c.Value.ToString() : null;
        }

        var i = otherEnd.Kind == EndpointKind.Instance ? otherEnd.Element as Instance : null;
        var src = i is null ? null : ExposureFacts.HostOf(index, i);
        var vpc = src?.Vpc;
        if (src is null || vpc is null)
        {
            return null;
        }

        if (vpc.Id == ownVpc.Id)
        {
            return src.Address.Family == family && src.Address.PrefixLength == src.Address.MaxPrefix ? src.Address.ToString() : null;
        }

        bool peered = false;
        foreach (var p in ReachabilityIndex.For(index).PeeringsBetween(vpc.Id, ownVpc.Id))
        {
            peered |= p.Status == PeeringStatus.Active;
        }

        if (!peered || vpc.HasUnknownCidrs)
        {
            return null;
        }

        string? only = null;
        int count = 0;
        foreach (var b in ModelIndex.UsableCidrs(vpc))
        {
            Cidr? v = b.Value;
            if (v is not null && v.Value.Family == family)
            {
                only = v.Value.ToString();
                count++;
            }
        }

        return count == 1 ? only : null;
    }

    private static string StepText(Hop h)
    {
        string verdict = h.Verdict switch
        {
            HopVerdict.Allowed => "allowed",
            HopVerdict.Blocked => "BLOCKED" + (h.Code is null ? string.Empty : " (" + h.Code + ")"),
            _ => "unknown",
        };
        return $"{(h.Direction == HopDirection.Return ? "return" : "forward")} {KindText(h.Kind)} {h.ElementLabel}: {verdict}: {h.Reason}{(h.Assumed ? " [on the path the traffic would take once routed]" : string.Empty)}";
    }

    internal static string KindText(HopKind k) => k switch
    {
        HopKind.SecurityGroupEgress => "security group (outbound)",
        HopKind.SecurityGroupIngress => "security group (inbound)",
        HopKind.NetworkAclOutbound => "network ACL (outbound)",
        HopKind.NetworkAclInbound => "network ACL (inbound)",
        HopKind.RouteTable => "route table",
        HopKind.PeeringConnection => "peering connection",
        HopKind.InternetGateway => "internet gateway",
        HopKind.PublicAddress => "public address",
        HopKind.NatGateway => "NAT gateway",
        HopKind.VpnGateway => "virtual private gateway",
        HopKind.VpcEndpoint => "VPC endpoint",
        HopKind.EgressOnlyInternetGateway => "egress-only internet gateway",
        HopKind.TransitGatewayAttachment => "transit gateway attachment",
        HopKind.TransitGatewayRouteTable => "transit gateway route table",
        _ => "security groups (stateful)",
    };

    private static string HopsText(IReadOnlyList<Hop> hops)
    {
        var sb = new StringBuilder();
        int n = 1;
        foreach (var h in hops)
        {
            if (sb.Length > 0)
            {
                sb.Append('\n');
            }

            sb.Append(n++.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(StepText(h));
        }

        return sb.ToString();
    }
}
