using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

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
                steps: steps);
        }
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
