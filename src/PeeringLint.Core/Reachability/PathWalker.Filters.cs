using System.Globalization;
using PeeringLint.Addressing;
using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>The security group and network ACL hops.</summary>
internal sealed partial class PathWalker
{
    private void SecurityGroupHop(Host self, bool ingress, Host remote)
    {
        var kind = ingress ? HopKind.SecurityGroupIngress : HopKind.SecurityGroupEgress;
        var dir = HopDirection.Forward;
        string whose = self.Element is Instance i ? i.Label : self.Label;
        string groups = GroupsText(self);
        var decision = SecurityGroupEvaluator.Evaluate(_ri, self, ingress, remote, _t);
        var firstGroup = self.Groups.Count > 0 ? self.Groups[0] : null;
        string verb = ingress ? "from" : "to";
        string admit = self.Groups.Count == 1 ? "admits" : "admit";
        switch (decision.Allowed)
        {
            case Tri.Yes:
                Add(kind, dir, decision.Group!.Id, decision.Group.Label, decision.Rule!.Location, HopVerdict.Allowed,
                    $"{(ingress ? "inbound" : "outbound")} rule {RuleText(decision.Rule)} of {decision.Group.Label} admits {_t} {verb} {remote.Label}", null, element: decision.Group);
                break;
            case Tri.Unknown:
                Add(kind, dir, firstGroup?.Id ?? self.Element!.Id, firstGroup?.Label ?? whose, firstGroup?.Location ?? self.Element!.Location, HopVerdict.Unknown,
                    $"cannot tell whether {groups} of {self.Label} {admit} {_t} {verb} {remote.Label}: {decision.UnknownWhy}", ReasonCodes.UnknownValue, element: (Element?)firstGroup ?? self.Element);
                break;
            default:
                string fix = ingress
                    ? $"add an inbound rule {RuleTypeName(_t)} from {remote.RuleSourceText} to {GroupNameForFix(self)}"
                    : $"add an outbound rule {RuleTypeName(_t)} to {remote.RuleSourceText} to {GroupNameForFix(self)}";
                if (ingress && remote.Endpoint.Kind == EndpointKind.Internet)
                {
                    fix = $"add an inbound rule {RuleTypeName(_t)} to {GroupNameForFix(self)} from your own address (or, for EC2 Instance Connect, from the Region's EC2 Instance Connect prefix list; 0.0.0.0/0 opens it to everyone)";
                }

                Add(kind, dir, firstGroup!.Id, firstGroup.Label, firstGroup.Location, HopVerdict.Blocked,
                    $"{groups} of {self.Label} {admit} no {_t} {verb} {remote.Label}{((self.UsesDefaultGroup || (self.Groups.Count == 1 && self.Groups[0].IsDefault)) && ingress ? " (the default security group only admits traffic from members of the same group)" : string.Empty)}",
                    ReasonCodes.EniSgRulesMismatch, fix, firstGroup);
                break;
        }
    }

    private void AclHop(Subnet subnet, bool egress, Cidr remote, Traffic traffic, HopDirection dir)
    {
        var kind = egress ? HopKind.NetworkAclOutbound : HopKind.NetworkAclInbound;
        var acl = _index.EffectiveNetworkAcl(subnet);
        string what = dir == HopDirection.Return ? "the reply " + traffic : traffic.ToString();
        string verb = egress ? "to" : "from";
        string remoteText = remote.PrefixLength == remote.MaxPrefix ? remote.ToString().Split('/')[0] : remote.ToString();
        if (acl is null)
        {
            Add(kind, dir, subnet.Id, subnet.Label, subnet.Location, HopVerdict.Allowed,
                $"subnet {subnet.Label} uses its VPC's default network ACL, which allows all traffic", null, element: subnet);
            return;
        }

        var decision = NetworkAclEvaluator.Evaluate(_ri.SortedEntries(acl, egress), remote, traffic);
        string dirText = egress ? "outbound" : "inbound";
        switch (decision.Allowed)
        {
            case Tri.Yes:
                Add(kind, dir, acl.Id, acl.Label, decision.Entry!.Location, HopVerdict.Allowed,
                    $"{dirText} rule {decision.Entry.RuleNumber.ToString(CultureInfo.InvariantCulture)} of network ACL {acl.Label} allows {what} {verb} {remoteText}", null, element: acl);
                break;
            case Tri.Unknown:
                var u = decision.FirstUncertain ?? decision.Entry;
                Add(kind, dir, acl.Id, acl.Label, u?.Location ?? acl.Location, HopVerdict.Unknown,
                    $"cannot tell whether network ACL {acl.Label} allows {what} {verb} {remoteText}: {dirText} rule {u?.RuleNumber.ToString(CultureInfo.InvariantCulture) ?? "?"} may match part of it", ReasonCodes.UnknownValue, element: acl);
                break;
            default:
                // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
                var e = decision.Entry;
                string by = e is not null
                    ? $"{dirText} rule {e.RuleNumber.ToString(CultureInfo.InvariantCulture)} denies it"
                    : $"no {dirText} rule allows it (the final '*' rule denies everything else)";
                string range = dir == HopDirection.Return && traffic.HasPorts ? $" (network ACLs are stateless: replies go to ports {Traffic.EphemeralFrom}-{Traffic.EphemeralTo})" : string.Empty;
                string fix = e is not null
                    ? $"add an {dirText} allow rule for {what} {verb} {remoteText} numbered below {e.RuleNumber.ToString(CultureInfo.InvariantCulture)} in network ACL {acl.Label}"
                    : $"add an {dirText} allow rule for {what} {verb} {remoteText} to network ACL {acl.Label}";
                Add(kind, dir, acl.Id, acl.Label, decision.Entry?.Location ?? acl.Location, HopVerdict.Blocked,
                    $"network ACL {acl.Label} of subnet {subnet.Label} blocks {what} {verb} {remoteText}: {by}{range}", ReasonCodes.SubnetAclRestriction, fix, acl);
                break;
        }
    }
}
