using System;
using System.Collections;
using System.Collections.Generic;

namespace PeeringLint.Model;

/// <summary>
/// The normalized network every input format produces and every rule reads. Immutable once built.
/// Collections are in input order (files sorted by path, then document order), which keeps output deterministic.
/// Every kind of <see cref="ResourceKind.All"/> has a list (<see cref="Of{T}"/>); the named properties are shortcuts.
/// </summary>
public sealed class NetworkModel
{
    private readonly Dictionary<Type, Array> _elements;

    public static NetworkModel Empty { get; } = new NetworkModelBuilder().Build();

    internal NetworkModel(NetworkModelBuilder b)
    {
        _elements = new Dictionary<Type, Array>(ResourceKind.All.Count);
        foreach (var kind in ResourceKind.All)
        {
            _elements[kind.ElementType] = kind.Accept(new Freeze(b));
        }

        Intents = b.Intents.ToArray();
        Coverage = b.Coverage;
        Files = new List<string>(b.Files).ToArray();
    }

    public IReadOnlyList<Vpc> Vpcs => Of<Vpc>();

    public IReadOnlyList<Subnet> Subnets => Of<Subnet>();

    public IReadOnlyList<RouteTable> RouteTables => Of<RouteTable>();

    public IReadOnlyList<InternetGateway> InternetGateways => Of<InternetGateway>();

    public IReadOnlyList<NatGateway> NatGateways => Of<NatGateway>();

    public IReadOnlyList<VpcPeeringConnection> PeeringConnections => Of<VpcPeeringConnection>();

    public IReadOnlyList<SecurityGroup> SecurityGroups => Of<SecurityGroup>();

    public IReadOnlyList<NetworkAcl> NetworkAcls => Of<NetworkAcl>();

    public IReadOnlyList<Instance> Instances => Of<Instance>();

    public IReadOnlyList<NetworkInterface> NetworkInterfaces => Of<NetworkInterface>();

    public IReadOnlyList<ElasticIp> ElasticIps => Of<ElasticIp>();

    public IReadOnlyList<ConnectivityIntent> Intents { get; }

    /// <summary>Which resource kinds the inputs described at all (a snapshot without RouteTables.json lacks RouteTables).</summary>
    public ResourceKinds Coverage { get; }

    /// <summary>Source files that contributed, relative paths, sorted.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The elements of one kind, in input order.</summary>
    public IReadOnlyList<T> Of<T>()
        where T : Element =>
        _elements.TryGetValue(typeof(T), out var a) ? (T[])a : throw NotAKind(typeof(T));

    /// <summary>The elements of one kind, untyped (for code that walks every kind).</summary>
    public IReadOnlyList<Element> Of(ResourceKind kind) =>
        _elements.TryGetValue(kind.ElementType, out var a) ? (IReadOnlyList<Element>)a : throw NotAKind(kind.ElementType);

    public bool Covers(ResourceKinds kind) => (Coverage & kind) == kind;

    internal static InvalidOperationException NotAKind(Type t) => new($"{t.Name} is not a resource kind: add it to ResourceKind.All");

    private sealed class Freeze : IResourceKindVisitor<Array>
    {
        private readonly NetworkModelBuilder _b;

        public Freeze(NetworkModelBuilder b) => _b = b;

        public Array Visit<T>(ResourceKind<T> kind)
            where T : Element => _b.Of<T>().ToArray();
    }
}

/// <summary>Collects elements from one or more inputs. Not thread-safe: one builder per reader, then <see cref="Merge"/>.</summary>
public sealed class NetworkModelBuilder
{
    private readonly Dictionary<Type, IList> _elements = new(ResourceKind.All.Count);

    public NetworkModelBuilder()
    {
        foreach (var kind in ResourceKind.All)
        {
            _elements[kind.ElementType] = kind.Accept(NewList.Instance);
        }
    }

    public List<Vpc> Vpcs => Of<Vpc>();

    public List<Subnet> Subnets => Of<Subnet>();

    public List<RouteTable> RouteTables => Of<RouteTable>();

    public List<InternetGateway> InternetGateways => Of<InternetGateway>();

    public List<NatGateway> NatGateways => Of<NatGateway>();

    public List<VpcPeeringConnection> PeeringConnections => Of<VpcPeeringConnection>();

    public List<SecurityGroup> SecurityGroups => Of<SecurityGroup>();

    public List<NetworkAcl> NetworkAcls => Of<NetworkAcl>();

    public List<Instance> Instances => Of<Instance>();

    public List<NetworkInterface> NetworkInterfaces => Of<NetworkInterface>();

    public List<ElasticIp> ElasticIps => Of<ElasticIp>();

    public List<ConnectivityIntent> Intents { get; } = new();

    public ResourceKinds Coverage { get; set; }

    public SortedSet<string> Files { get; } = new(StringComparer.Ordinal);

    /// <summary>The list of one kind.</summary>
    public List<T> Of<T>()
        where T : Element =>
        _elements.TryGetValue(typeof(T), out var list) ? (List<T>)list : throw NetworkModel.NotAKind(typeof(T));

    /// <summary>Adds an element to the list of its kind.</summary>
    public void Add(Element element)
    {
        if (!_elements.TryGetValue(element.GetType(), out var list))
        {
            throw NetworkModel.NotAKind(element.GetType());
        }

        list.Add(element);
    }

    /// <summary>Every element of every kind, kind by kind.</summary>
    public IEnumerable<Element> All()
    {
        foreach (var kind in ResourceKind.All)
        {
            foreach (Element e in _elements[kind.ElementType])
            {
                yield return e;
            }
        }
    }

    public void Merge(NetworkModelBuilder other)
    {
        foreach (var kind in ResourceKind.All)
        {
            kind.Accept(new Append(this, other));
        }

        Intents.AddRange(other.Intents);
        Coverage |= other.Coverage;
        Files.UnionWith(other.Files);
    }

    public NetworkModel Build() => new(this);

    private sealed class NewList : IResourceKindVisitor<IList>
    {
        public static readonly NewList Instance = new();

        public IList Visit<T>(ResourceKind<T> kind)
            where T : Element => new List<T>();
    }

    private sealed class Append : IResourceKindVisitor<bool>
    {
        private readonly NetworkModelBuilder _into;
        private readonly NetworkModelBuilder _from;

        public Append(NetworkModelBuilder into, NetworkModelBuilder from)
        {
            _into = into;
            _from = from;
        }

        public bool Visit<T>(ResourceKind<T> kind)
            where T : Element
        {
            _into.Of<T>().AddRange(_from.Of<T>());
            return true;
        }
    }
}
