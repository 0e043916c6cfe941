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

    /// <summary>True when <paramref name="c"/> holds some publicly routable address (<see cref="PublicAddresses.Includes"/>).</summary>
    public static bool HasPublicAddresses(Cidr c) => PublicAddresses.Includes(c);
}
