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
        "PL9001",
        "ConnectivityIntentBlocked",
        "Connectivity intent is blocked",
        "A connectivity intent (traffic that must flow, such as SSH from the internet or ping across a peering) fails when the path is evaluated the way AWS does: security groups, network ACLs (both ways: they are stateless), route tables, the peering connection or internet gateway, public addresses, and the route back. The finding sits on the element that blocks the path and lists every hop. Intents whose outcome depends on values the input does not give are reported as notes.",
        RuleCategories.Intents,
        Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var outcome in IntentResolver.Evaluate(context.Index))
        {
            // Unresolvable intents are input problems (the pipeline reports them), not findings.
            if (outcome.Result is not { } result || result.Verdict == ReachabilityVerdict.Reachable)
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
                ["intent"] = intent.Name,
                ["from"] = intent.From,
                ["to"] = intent.To,
                ["protocol"] = intent.Protocol,
                ["verdict"] = result.Verdict.ToString(),
                ["hops"] = HopsText(result.Hops),
            };
            if (intent.Port is { } port)
            {
                properties["port"] = port.ToString(CultureInfo.InvariantCulture);
            }

            if (result.Verdict == ReachabilityVerdict.Unknown)
            {
                var u = result.UnknownHops.Count > 0 ? result.UnknownHops[0] : null;
                properties["reasonCode"] = u?.Code ?? ReasonCodes.UnknownValue;
                context.Report(
                    u?.Location is { IsNone: false } ul ? ul : intent.Location,
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
            properties["reasonCode"] = first.Code ?? string.Empty;
            properties["blockingElement"] = first.ElementId;
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
