using System;
using PeeringLint.Addressing;

namespace PeeringLint.Fixes;

/// <summary>
/// The AWS CLI command that carries a repair out on the running network: the fix for what an AWS describe-* export
/// shows, which records state rather than source. Only for repairs whose ids are AWS ids (<c>rtb-…</c>, <c>pcx-…</c>,
/// <c>sg-…</c>); a template's logical ids name nothing in the account.
/// </summary>
public static class RepairCommands
{
    /// <summary>The command, or null when the repair's ids are not AWS ids.</summary>
    public static string? AwsCli(Repair repair) => repair switch
    {
        AddRoute r when IsAws(r.RouteTableId, "rtb-") && IsAws(r.PeeringConnectionId, "pcx-") =>
            $"aws ec2 create-route --route-table-id {r.RouteTableId} {DestinationOption(r.DestinationCidr)} {r.DestinationCidr} --vpc-peering-connection-id {r.PeeringConnectionId}",
        ReplaceRouteDestination r when IsAws(r.RouteTableId, "rtb-") && r.Target is { } t && IsAws(t, "pcx-") =>
            $"aws ec2 delete-route --route-table-id {r.RouteTableId} {DestinationOption(r.OldDestination)} {r.OldDestination} && "
            + $"aws ec2 create-route --route-table-id {r.RouteTableId} {DestinationOption(r.NewDestination)} {r.NewDestination} --vpc-peering-connection-id {t}",
        AddIngressRule r when IsAws(r.SecurityGroupId, "sg-") =>
            $"aws ec2 authorize-security-group-ingress --group-id {r.SecurityGroupId} --ip-permissions "
            + $"'IpProtocol={r.Protocol},FromPort={r.FromPort},ToPort={r.ToPort},{(IsV6(r.Cidr) ? "Ipv6Ranges=[{CidrIpv6" : "IpRanges=[{CidrIp")}={r.Cidr}}}]'",
        AddEgressRule r when IsAws(r.SecurityGroupId, "sg-") =>
            $"aws ec2 authorize-security-group-egress --group-id {r.SecurityGroupId} --ip-permissions "
            + $"'IpProtocol={r.Protocol},FromPort={r.FromPort},ToPort={r.ToPort},{(IsV6(r.Cidr) ? "Ipv6Ranges=[{CidrIpv6" : "IpRanges=[{CidrIp")}={r.Cidr}}}]'",
        AcceptPeering r when IsAws(r.PeeringConnectionId, "pcx-") =>
            $"aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id {r.PeeringConnectionId}",
        _ => null,
    };

    private static string DestinationOption(string cidr) => IsV6(cidr) ? "--destination-ipv6-cidr-block" : "--destination-cidr-block";

    private static bool IsV6(string cidr) => Cidr.TryParse(cidr, out var c) && c.Family == IpFamily.V6;

    private static bool IsAws(string id, string prefix)
    {
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length == prefix.Length)
        {
            return false;
        }

        for (int i = prefix.Length; i < id.Length; i++)
        {
            if (!char.IsLetterOrDigit(id[i]))
            {
                return false;
            }
        }

        return true;
    }
}
