using System;
using System.Collections.Generic;
using PeeringLint.Rules.Addressing;
using PeeringLint.Rules.ClassicLink;
using PeeringLint.Rules.Exposure;
using PeeringLint.Rules.Intents;
using PeeringLint.Rules.Routing;
using PeeringLint.Rules.Security;

namespace PeeringLint.Engine;

/// <summary>Every rule, listed explicitly and sorted by id (a test compares this list with reflection).</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<Rule> All { get; } = new Rule[]
    {
        new PL1001OverlappingPeerCidrs(),
        new PL1002RouteToOwnVpcCidr(),
        new PL1003PeersOverlapEachOther(),
        new PL1004InvalidCidr(),
        new PL2001MissingReturnRoute(),
        new PL2002UnusedPeering(),
        new PL2003RouteToInactivePeering(),
        new PL2004TransitivePeeringRoute(),
        new PL2005PeeringRouteFromNonMember(),
        new PL2006DuplicatePeeringOrRoute(),
        new PL2010OverlappingRouteTargets(),
        new PL2011TransitGatewayCannotRoute(),
        new PL2012TransitGatewayNoReturnRoute(),
        new PL3001PublicSubnetInstanceWithoutPublicIp(),
        new PL3002PublicIpWithoutInternetRoute(),
        new PL3003UnassociatedElasticIp(),
        new PL3004NatGatewayWithoutInternetRoute(),
        new PL4001SshClosedToInternet(),
        new PL4002PeeringCarriesNothing(),
        new PL4003NetworkAclBlocksPeeringTraffic(),
        new PL4004SshOpenToWorld(),
        new PL4005CrossRegionGroupReference(),
        new PL5001ClassicLinkRouteConflict(),
        new PL5002ClassicLinkMainTableRouteMissing(),
        new PL5003ClassicLinkUnsupported(),
        new PL9001ConnectivityIntentBlocked(),
    };

    /// <summary>Finds a rule by id or slug (case-insensitive).</summary>
    public static Rule? Find(string idOrSlug)
    {
        foreach (var r in All)
        {
            if (string.Equals(r.Descriptor.Id, idOrSlug, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Descriptor.Slug, idOrSlug, StringComparison.OrdinalIgnoreCase))
            {
                return r;
            }
        }

        return null;
    }
}
