using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Rules.ClassicLink;

/// <summary>What the ClassicLink rules share: the peering sides whose options they read.</summary>
internal static class ClassicLinkFacts
{
    /// <summary>Both sides (requester first) of every peering connection that is not terminal, in model order.</summary>
    public static IEnumerable<(VpcPeeringConnection Peering, PeeringSide Side)> LiveSides(NetworkModel model)
    {
        foreach (var p in model.PeeringConnections)
        {
            if (p.IsTerminal)
            {
                continue;
            }

            yield return (p, p.Requester);
            yield return (p, p.Accepter);
        }
    }
}
