using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>Peering connections.</summary>
internal sealed partial class CdkModelBuilder
{
    private VpcPeeringConnection ReadPeering(ConstructFact f, string id, SourceLocation loc)
    {
        var requesterValue = f.Prop("VpcId");
        var accepterValue = f.Prop("PeerVpcId");
        var requester = new PeeringSide(RefId(requesterValue, "CfnVPC", "Vpc"), requesterValue is null ? loc : Src(requesterValue.Location));

        // The stack's account is not known to the analyzer; the layer decides as for a template without AWS::AccountId.
        var props = Source(f);
        var (owner, region) = PeeringRequests.Accepter(props, null, null);
        var accepter = new PeeringSide(RefId(accepterValue, "CfnVPC", "Vpc"), accepterValue is null ? loc : Src(accepterValue.Location))
        {
            OwnerId = owner,
            Region = region,
        };
        return new VpcPeeringConnection(id, loc, requester, accepter)
        {
            Name = NameTag(f),
            Status = PeeringRequests.StatusWhenCreated(props, null),
        };
    }
}
