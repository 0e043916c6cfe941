using System;
using System.Collections.Generic;
using System.Linq;

namespace PeeringLint.Model;

/// <summary>Resource kinds an input can carry; used to know what the inputs covered.</summary>
[Flags]
public enum ResourceKinds
{
    None = 0,
    Vpcs = 1,
    Subnets = 2,
    RouteTables = 4,
    InternetGateways = 8,
    PeeringConnections = 16,
    SecurityGroups = 32,
    NetworkAcls = 64,
    Instances = 128,
    ElasticIps = 256,
    NetworkInterfaces = 512,
    NatGateways = 1024,
}

/// <summary>
/// The normalized network every input format produces and every rule reads. Immutable once built.
/// Collections are in input order (files sorted by path, then document order), which keeps output deterministic.
/// </summary>
public sealed class NetworkModel
{
    public static NetworkModel Empty { get; } = new NetworkModelBuilder().Build();

    internal NetworkModel(NetworkModelBuilder b)
    {
        Vpcs = b.Vpcs.ToArray();
        Subnets = b.Subnets.ToArray();
        RouteTables = b.RouteTables.ToArray();
        InternetGateways = b.InternetGateways.ToArray();
        NatGateways = b.NatGateways.ToArray();
        PeeringConnections = b.PeeringConnections.ToArray();
        SecurityGroups = b.SecurityGroups.ToArray();
        NetworkAcls = b.NetworkAcls.ToArray();
        Instances = b.Instances.ToArray();
        NetworkInterfaces = b.NetworkInterfaces.ToArray();
        ElasticIps = b.ElasticIps.ToArray();
        Intents = b.Intents.ToArray();
        Coverage = b.Coverage;
        Files = b.Files.ToArray();
    }

    public IReadOnlyList<Vpc> Vpcs { get; }

    public IReadOnlyList<Subnet> Subnets { get; }

    public IReadOnlyList<RouteTable> RouteTables { get; }

    public IReadOnlyList<InternetGateway> InternetGateways { get; }

    public IReadOnlyList<NatGateway> NatGateways { get; }

    public IReadOnlyList<VpcPeeringConnection> PeeringConnections { get; }

    public IReadOnlyList<SecurityGroup> SecurityGroups { get; }

    public IReadOnlyList<NetworkAcl> NetworkAcls { get; }

    public IReadOnlyList<Instance> Instances { get; }

    public IReadOnlyList<NetworkInterface> NetworkInterfaces { get; }

    public IReadOnlyList<ElasticIp> ElasticIps { get; }

    public IReadOnlyList<ConnectivityIntent> Intents { get; }

    /// <summary>Which resource kinds the inputs described at all (a snapshot without RouteTables.json lacks RouteTables).</summary>
    public ResourceKinds Coverage { get; }

    /// <summary>Source files that contributed, relative paths, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    public bool Covers(ResourceKinds kind) => (Coverage & kind) == kind;
}

/// <summary>Collects elements from one or more inputs. Not thread-safe: one builder per reader, then <see cref="Merge"/>.</summary>
public sealed class NetworkModelBuilder
{
    public List<Vpc> Vpcs { get; } = new();

    public List<Subnet> Subnets { get; } = new();

    public List<RouteTable> RouteTables { get; } = new();

    public List<InternetGateway> InternetGateways { get; } = new();

    public List<NatGateway> NatGateways { get; } = new();

    public List<VpcPeeringConnection> PeeringConnections { get; } = new();

    public List<SecurityGroup> SecurityGroups { get; } = new();

    public List<NetworkAcl> NetworkAcls { get; } = new();

    public List<Instance> Instances { get; } = new();

    public List<NetworkInterface> NetworkInterfaces { get; } = new();

    public List<ElasticIp> ElasticIps { get; } = new();

    public List<ConnectivityIntent> Intents { get; } = new();

    public ResourceKinds Coverage { get; set; }

    public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

    public void Merge(NetworkModelBuilder other)
    {
        Vpcs.AddRange(other.Vpcs);
        Subnets.AddRange(other.Subnets);
        RouteTables.AddRange(other.RouteTables);
        InternetGateways.AddRange(other.InternetGateways);
        NatGateways.AddRange(other.NatGateways);
        PeeringConnections.AddRange(other.PeeringConnections);
        SecurityGroups.AddRange(other.SecurityGroups);
        NetworkAcls.AddRange(other.NetworkAcls);
        Instances.AddRange(other.Instances);
        NetworkInterfaces.AddRange(other.NetworkInterfaces);
        ElasticIps.AddRange(other.ElasticIps);
        Intents.AddRange(other.Intents);
        Coverage |= other.Coverage;
        Files.UnionWith(other.Files);
    }

    public NetworkModel Build() => new(this);
}
