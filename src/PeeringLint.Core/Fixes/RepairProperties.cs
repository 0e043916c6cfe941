using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;

namespace PeeringLint.Fixes;

/// <summary>
/// A repair as flat string properties and back: how the Roslyn analyzer hands a finding's repair to its code fixes
/// (diagnostic properties are strings), so that the rule decides the repair once. Locations do not travel: a code fix
/// works from the diagnostic's own location and the symbols the analyzer adds (<c>&lt;key&gt;Symbol</c>).
/// </summary>
public static class RepairProperties
{
    /// <summary>The repair's kind: <see cref="Kinds"/>.</summary>
    public const string Kind = "repair";

    public const string RouteTable = "repairRouteTable";
    public const string Destination = "repairDestination";
    public const string OldDestination = "repairOldDestination";
    public const string PeeringConnection = "repairPeeringConnection";
    public const string Target = "repairTarget";
    public const string SecurityGroup = "repairSecurityGroup";
    public const string Protocol = "repairProtocol";
    public const string FromPort = "repairFromPort";
    public const string ToPort = "repairToPort";
    public const string Cidr = "repairCidr";
    public const string Description = "repairDescription";
    public const string Instance = "repairInstance";

    /// <summary>The values of <see cref="Kind"/>.</summary>
    public static class Kinds
    {
        public const string ReplaceRouteDestination = "ReplaceRouteDestination";
        public const string AddRoute = "AddRoute";
        public const string AddIngressRule = "AddIngressRule";
        public const string AddEgressRule = "AddEgressRule";
        public const string AcceptPeering = "AcceptPeering";
        public const string AssignPublicIp = "AssignPublicIp";
    }

    /// <summary>Writes <paramref name="repair"/> into <paramref name="properties"/>.</summary>
    public static void Write(Repair repair, IDictionary<string, string> properties)
    {
        switch (repair)
        {
            case ReplaceRouteDestination r:
                properties[Kind] = Kinds.ReplaceRouteDestination;
                properties[RouteTable] = r.RouteTableId;
                properties[OldDestination] = r.OldDestination;
                properties[Destination] = r.NewDestination;
                if (r.Target is not null)
                {
                    properties[Target] = r.Target;
                }

                break;
            case AddRoute r:
                properties[Kind] = Kinds.AddRoute;
                properties[RouteTable] = r.RouteTableId;
                properties[Destination] = r.DestinationCidr;
                properties[PeeringConnection] = r.PeeringConnectionId;
                break;
            case SecurityGroupRuleRepair r:
                properties[Kind] = r is AddEgressRule ? Kinds.AddEgressRule : Kinds.AddIngressRule;
                properties[SecurityGroup] = r.SecurityGroupId;
                properties[Protocol] = r.Protocol;
                properties[FromPort] = r.FromPort.ToString(CultureInfo.InvariantCulture);
                properties[ToPort] = r.ToPort.ToString(CultureInfo.InvariantCulture);
                properties[Cidr] = r.Cidr;
                properties[Description] = r.Description;
                break;
            case AcceptPeering r:
                properties[Kind] = Kinds.AcceptPeering;
                properties[PeeringConnection] = r.PeeringConnectionId;
                break;
            case AssignPublicIp r:
                properties[Kind] = Kinds.AssignPublicIp;
                properties[Instance] = r.InstanceId;
                break;
            default:
                throw new ArgumentException("unknown repair " + repair.GetType().Name, nameof(repair));
        }
    }

    /// <summary>The repair written by <see cref="Write"/>, with <see cref="SourceLocation.None"/> locations; null when none or incomplete.</summary>
    public static Repair? Read(Func<string, string?> get)
    {
        string? S(string key) => get(key);
        switch (S(Kind))
        {
            case Kinds.ReplaceRouteDestination when S(RouteTable) is { } t && S(OldDestination) is { } old && S(Destination) is { } d:
                return new ReplaceRouteDestination(t, SourceLocation.None, old, d, S(Target));
            case Kinds.AddRoute when S(RouteTable) is { } t && S(Destination) is { } d && S(PeeringConnection) is { } p:
                return new AddRoute(t, SourceLocation.None, d, p, SourceLocation.None, SourceLocation.None);
            case Kinds.AddIngressRule when S(SecurityGroup) is { } g && S(Protocol) is { } proto && Int(S(FromPort)) is { } from && Int(S(ToPort)) is { } to && S(Cidr) is { } c:
                return new AddIngressRule(g, SourceLocation.None, proto, from, to, c, S(Description) ?? string.Empty);
            case Kinds.AddEgressRule when S(SecurityGroup) is { } g && S(Protocol) is { } proto && Int(S(FromPort)) is { } from && Int(S(ToPort)) is { } to && S(Cidr) is { } c:
                return new AddEgressRule(g, SourceLocation.None, proto, from, to, c, S(Description) ?? string.Empty);
            case Kinds.AcceptPeering when S(PeeringConnection) is { } p:
                return new AcceptPeering(p, SourceLocation.None);
            case Kinds.AssignPublicIp when S(Instance) is { } i:
                return new AssignPublicIp(i, SourceLocation.None);
            default:
                return null;
        }
    }

    private static int? Int(string? s) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : null;
}
