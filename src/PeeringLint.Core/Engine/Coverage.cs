using System;
using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;

namespace PeeringLint.Engine;

/// <summary>What the inputs say about one kind of resource of one VPC.</summary>
public enum Knowledge
{
    /// <summary>Resources of this kind for this VPC are in the input.</summary>
    InInput,

    /// <summary>The inputs describe this kind (a describe-* export of it, a template) and hold none for this VPC.</summary>
    NoneInInput,

    /// <summary>The inputs do not describe this kind at all: nothing can be concluded from its absence.</summary>
    Unknown,
}

/// <summary>One VPC's view: how many of each kind the input holds, or why none are known.</summary>
public sealed record VpcCoverage(Vpc Vpc, (int Count, Knowledge Knowledge) Subnets, (int Count, Knowledge Knowledge) RouteTables, (int Count, Knowledge Knowledge) SecurityGroups, (int Count, Knowledge Knowledge) Instances);

/// <summary>A VPC that a peering names but the inputs do not contain (another account's, another stack's); its id is null when the input does not give it (a parameter).</summary>
public sealed record OutsideVpc(string? VpcId, string? OwnerId, string? Region, VpcPeeringConnection Peering);

/// <summary>
/// What the inputs cover, so that a reader of the results knows what the rules could not see (docs/unknowns.md):
/// the kinds of resource described, each VPC's subnets, route tables, security groups and instances, and the peer
/// VPCs outside the input. Computed from the index in one pass over the VPCs and peerings.
/// </summary>
public sealed record Coverage(ResourceKinds Kinds, IReadOnlyList<VpcCoverage> Vpcs, IReadOnlyList<OutsideVpc> Outside)
{
    /// <summary>The kinds the rules reason about, in the order they are reported (<see cref="ResourceKind.Reported"/>).</summary>
    public static readonly ResourceKinds[] ReportedKinds = ResourceKind.All.Where(k => k.Reported).Select(k => k.Flag).ToArray();

    /// <summary>The reported kinds the inputs do not describe at all (neither an export of the kind nor any resource of it).</summary>
    public IEnumerable<ResourceKinds> MissingKinds => ReportedKinds.Where(k => (Kinds & k) != k);

    public static Coverage Of(ModelIndex index)
    {
        var model = index.Model;
        (int, Knowledge) Count(int n, ResourceKinds kind) => (n, n > 0 ? Knowledge.InInput : model.Covers(kind) ? Knowledge.NoneInInput : Knowledge.Unknown);

        var vpcs = new List<VpcCoverage>(model.Vpcs.Count);
        foreach (var vpc in model.Vpcs)
        {
            vpcs.Add(new VpcCoverage(
                vpc,
                Count(index.SubnetsOf(vpc.Id).Count, ResourceKinds.Subnets),
                Count(index.RouteTablesOf(vpc.Id).Count(t => !t.Location.IsNone), ResourceKinds.RouteTables),
                Count(index.SecurityGroupsOf(vpc.Id).Count, ResourceKinds.SecurityGroups),
                Count(index.InstancesOf(vpc.Id).Count, ResourceKinds.Instances)));
        }

        var outside = new List<OutsideVpc>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pcx in model.PeeringConnections)
        {
            foreach (var side in new[] { pcx.Requester, pcx.Accepter })
            {
                if (side.VpcId is { } id ? !index.Vpcs.ContainsKey(id) && seen.Add(id) : seen.Add("?" + pcx.Id))
                {
                    outside.Add(new OutsideVpc(side.VpcId, side.OwnerId, side.Region, pcx));
                }
            }
        }

        // A kind counts as described when an export of it was read or the inputs hold any resource of it (a template
        // declares what it declares).
        var kinds = model.Coverage;
        foreach (var kind in ResourceKind.All)
        {
            if (kind.PresenceImpliesCoverage && model.Of(kind).Count > 0)
            {
                kinds |= kind.Flag;
            }
        }

        return new Coverage(kinds, vpcs, outside);
    }

    /// <summary>The kind's name as the outputs print it ("route tables").</summary>
    public static string Describe(ResourceKinds kind) => ResourceKind.Of(kind)?.Plural ?? kind.ToString();
}
