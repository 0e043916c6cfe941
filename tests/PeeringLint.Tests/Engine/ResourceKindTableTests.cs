using System;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Engine;

/// <summary>The one list of resource kinds stays whole: a kind half-added (record without entry, flag without entry) fails here.</summary>
public sealed class ResourceKindTableTests
{
    [Fact]
    public void EveryElementRecordIsAKind()
    {
        var records = typeof(Element).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Element)) && !t.IsAbstract)
            .Select(t => t.Name)
            .OrderBy(n => n, StringComparer.Ordinal);
        var kinds = ResourceKind.All.Select(k => k.ElementType.Name).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(records, kinds);
    }

    [Fact]
    public void EveryFlagHasExactlyOneKind()
    {
        var flags = Enum.GetValues<ResourceKinds>().Where(f => f != ResourceKinds.None).ToArray();
        Assert.Equal(flags.OrderBy(f => f), ResourceKind.All.Select(k => k.Flag).OrderBy(f => f));
        Assert.All(flags, f => Assert.Equal(1, System.Numerics.BitOperations.PopCount((uint)f)));
        Assert.Equal(flags.Aggregate(ResourceKinds.None, (a, f) => a | f), ResourceKind.AllFlags);
    }

    [Fact]
    public void BuilderAddPutsAnElementInItsKindsList()
    {
        var b = new NetworkModelBuilder();
        var vpc = new Vpc("vpc-1", SourceLocation.None);
        var nat = new NatGateway("nat-1", SourceLocation.None, "subnet-1");
        b.Add(vpc);
        b.Add(nat);
        var model = b.Build();

        Assert.Same(vpc, Assert.Single(model.Vpcs));
        Assert.Same(nat, Assert.Single(model.Of<NatGateway>()));
        Assert.Empty(model.Subnets);
        Assert.Equal(new Element[] { vpc, nat }, b.All());
        Assert.Same(nat, new ModelIndex(model).ById<NatGateway>()["nat-1"]);
    }

    [Fact]
    public void MergeCarriesEveryKind()
    {
        var a = new NetworkModelBuilder();
        var b = new NetworkModelBuilder();
        b.Add(new ElasticIp("eipalloc-1", SourceLocation.None));
        b.Add(new NetworkInterface("eni-1", SourceLocation.None, "subnet-1"));
        b.Coverage = ResourceKinds.ElasticIps;
        a.Merge(b);
        var model = a.Build();

        Assert.Single(model.ElasticIps);
        Assert.Single(model.NetworkInterfaces);
        Assert.True(model.Covers(ResourceKinds.ElasticIps));
    }

    [Fact]
    public void CoverageDescribesKindsByTheirPluralAndSkipsRouteTablesByPresence()
    {
        Assert.Equal("route tables", Coverage.Describe(ResourceKinds.RouteTables));
        Assert.Equal("Elastic IPs", Coverage.Describe(ResourceKinds.ElasticIps));
        Assert.DoesNotContain(ResourceKinds.NetworkInterfaces, Coverage.ReportedKinds);

        var b = new NetworkModelBuilder();
        b.Add(new RouteTable("rtb-1", SourceLocation.None, "vpc-1"));
        b.Add(new Subnet("subnet-1", SourceLocation.None, "vpc-1"));
        var coverage = Coverage.Of(new ModelIndex(b.Build()));
        Assert.Contains(ResourceKinds.RouteTables, coverage.MissingKinds);
        Assert.DoesNotContain(ResourceKinds.Subnets, coverage.MissingKinds);
    }

    [Fact]
    public void AnElementTypeOutsideTheTableIsRefusedByName()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ResourceKind.Of(typeof(Element)));
        Assert.Contains("ResourceKind.All", ex.Message);
    }
}
