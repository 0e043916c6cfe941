using PeeringLint.Model;

namespace PeeringLint.Aws;

/// <summary>
/// What a peering connection created by a template (CloudFormation or CDK) looks like once deployed. AWS
/// (AWS::EC2::VPCPeeringConnection): "If the requester and acceptor VPCs are in the same account, the peering
/// request is accepted without a peering role", whatever the regions; for another account the acceptor account
/// must have a role that lets the requester accept (PeerRoleArn), otherwise the request waits for the owner of
/// the accepter VPC (pending-acceptance).
/// </summary>
public static class PeeringRequests
{
    /// <summary>
    /// The status of the connection after the stack is created. <paramref name="props"/> gives PeerOwnerId and
    /// PeerRoleArn; a PeerOwnerId that names the stack's own account (the pseudo parameter AWS::AccountId) is
    /// passed as <see cref="PropertyValue.Absent"/>. <paramref name="account"/> is the stack's account when known.
    /// </summary>
    public static PeeringStatus StatusWhenCreated(PropertySource props, string? account)
    {
        var owner = props("PeerOwnerId");
        bool hasRole = props("PeerRoleArn").IsPresent;
        if (!owner.IsPresent || (owner.Kind == PropertyValueKind.Known && account is not null && owner.Text == account))
        {
            return PeeringStatus.Active;
        }

        if (hasRole)
        {
            // Another account (or maybe the same one): the role accepts it either way.
            return PeeringStatus.Active;
        }

        return owner.Kind == PropertyValueKind.Known ? PeeringStatus.PendingAcceptance : PeeringStatus.Unknown;
    }

    /// <summary>The accepter's account and region: PeerOwnerId and PeerRegion, defaulting to the stack's own.</summary>
    public static (string? Owner, string? Region) Accepter(PropertySource props, string? account, string? region)
    {
        var owner = props("PeerOwnerId");
        var peerRegion = props("PeerRegion");
        return (
            owner.IsPresent ? (owner.Kind == PropertyValueKind.Known ? owner.Text : null) : account,
            peerRegion.IsPresent ? (peerRegion.Kind == PropertyValueKind.Known ? peerRegion.Text : null) : region);
    }
}
