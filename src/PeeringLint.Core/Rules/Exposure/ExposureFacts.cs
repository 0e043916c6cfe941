using System.Collections.Generic;
using PeeringLint.Addressing;
using PeeringLint.Aws;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Exposure;

/// <summary>
/// Facts about instances shared by the exposure and security rules. What a public subnet and a public address
/// are is AWS behaviour and lives in the shared layer (<see cref="PublicSubnets"/>, <see cref="PublicAddresses"/>).
/// </summary>
internal static class ExposureFacts
{
    /// <summary>The instance as the reachability engine sees it (public address incl. Elastic IPs, groups), or null.</summary>
    public static Host? HostOf(ModelIndex index, Instance instance) =>
        Host.ForElement(ReachabilityIndex.For(index), Endpoint.ForInstance(instance));

    /// <summary>
    /// The instances whose subnet is in the input and whose host the reachability engine knows, with that subnet
    /// and host, in model order: what the exposure rules look at.
    /// </summary>
    public static IEnumerable<(Instance Instance, Subnet Subnet, Host Host)> PlacedInstances(ModelIndex index)
    {
        foreach (var instance in index.Model.Instances)
        {
            var subnet = index.Subnet(instance.SubnetId);
            if (subnet is null)
            {
                continue;
            }

            var host = HostOf(index, instance);
            if (host is not null)
            {
                yield return (instance, subnet, host);
            }
        }
    }

    /// <summary>True when <paramref name="c"/> holds some publicly routable address (<see cref="PublicAddresses.Includes"/>).</summary>
    public static bool HasPublicAddresses(Cidr c) => PublicAddresses.Includes(c);
}
