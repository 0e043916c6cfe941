using System.Collections.Generic;
using System.Text;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>Wording shared by rule messages, so that every message names resources the same way.</summary>
public static class Describe
{
    public static string Vpc(ModelIndex index, string? vpcId)
    {
        if (vpcId is null)
        {
            return "an unknown VPC";
        }

        var vpc = index.Vpc(vpcId);
        return vpc is null ? $"'{vpcId}'" : vpc.Label;
    }

    public static string Cidrs(IReadOnlyList<CidrValue> cidrs)
    {
        var sb = new StringBuilder();
        foreach (var c in cidrs)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append(c.Value?.ToString() ?? c.Text);
        }

        return sb.Length == 0 ? "no known CIDR block" : sb.ToString();
    }

    public static string Status(PeeringStatus status) => status switch
    {
        PeeringStatus.InitiatingRequest => "initiating-request",
        PeeringStatus.PendingAcceptance => "pending-acceptance",
        PeeringStatus.Provisioning => "provisioning",
        PeeringStatus.Active => "active",
        PeeringStatus.Rejected => "rejected",
        PeeringStatus.Expired => "expired",
        PeeringStatus.Failed => "failed",
        PeeringStatus.Deleting => "deleting",
        PeeringStatus.Deleted => "deleted",
        _ => "unknown",
    };

    public static PeeringStatus? ParseStatus(string? code) => code switch
    {
        "initiating-request" => PeeringStatus.InitiatingRequest,
        "pending-acceptance" => PeeringStatus.PendingAcceptance,
        "provisioning" => PeeringStatus.Provisioning,
        "active" => PeeringStatus.Active,
        "rejected" => PeeringStatus.Rejected,
        "expired" => PeeringStatus.Expired,
        "failed" => PeeringStatus.Failed,
        "deleting" => PeeringStatus.Deleting,
        "deleted" => PeeringStatus.Deleted,
        _ => null,
    };
}
