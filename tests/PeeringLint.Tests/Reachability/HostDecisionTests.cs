using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// <see cref="Host.ForElement"/> reads only the first Elastic IP and the first network interface: which one that is
/// when an instance has several (the lists it used to build are gone).
/// </summary>
public sealed class HostDecisionTests
{
    private static Host HostOf(Net n, string instanceId)
    {
        var ri = ReachabilityIndex.For(n.Index());
        var instance = System.Linq.Enumerable.Single(ri.Index.Model.Instances, i => i.Id == instanceId);
        return Assert.IsType<Host>(Host.ForElement(ri, Endpoint.ForInstance(instance)));
    }

    private static Net One()
    {
        var n = new Net();
        n.Vpc("vpc-a", "10.1.0.0/16");
        n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
        n.Group("sg-1", "vpc-a", null, System.Array.Empty<SecurityGroupRule>());
        n.Group("sg-2", "vpc-a", null, System.Array.Empty<SecurityGroupRule>());
        return n;
    }

    private static NetworkInterface Eni(Net n, string id, string ip, string group, string? publicIp = null)
    {
        var eni = new NetworkInterface(id, n.Loc(id), "sa1") { PrivateIpAddresses = new[] { ip }, SecurityGroupIds = new[] { group }, PublicIpAddress = publicIp, AttachedInstanceId = "web" };
        n.B.NetworkInterfaces.Add(eni);
        return eni;
    }

    [Fact]
    public void The_elastic_ip_of_the_second_interface_counts_when_the_first_has_none()
    {
        var n = One();
        Eni(n, "eni-1", "10.1.0.7", "sg-1");
        Eni(n, "eni-2", "10.1.0.8", "sg-2");
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-2", n.Loc("eipalloc-2")) { NetworkInterfaceId = "eni-2", PublicIp = "198.51.100.2" });
        n.B.Instances.Add(new Instance("web", n.Loc("web"), "sa1") { NetworkInterfaceIds = new[] { "eni-missing", "eni-1", "eni-2" }, PublicIp = PublicIpMode.None });
        var h = HostOf(n, "web");
        Assert.Equal(PublicIpMode.Assigned, h.PublicIp);
        Assert.Equal("Elastic IP 'eipalloc-2' 198.51.100.2", h.PublicText);
        // Address and groups come from the first interface in the input, not the one with the Elastic IP.
        Assert.Equal("10.1.0.7", h.AddressText);
        Assert.Equal(new[] { "sg-1" }, h.GroupIds);
    }

    [Fact]
    public void The_first_interface_with_an_elastic_ip_wins_and_the_instances_own_comes_before_them()
    {
        var n = One();
        Eni(n, "eni-1", "10.1.0.7", "sg-1");
        Eni(n, "eni-2", "10.1.0.8", "sg-2");
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-1", n.Loc("eipalloc-1")) { NetworkInterfaceId = "eni-1", PublicIp = "198.51.100.1" });
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-2", n.Loc("eipalloc-2")) { NetworkInterfaceId = "eni-2", PublicIp = "198.51.100.2" });
        n.B.Instances.Add(new Instance("web", n.Loc("web"), "sa1") { NetworkInterfaceIds = new[] { "eni-1", "eni-2" } });
        Assert.Equal("Elastic IP 'eipalloc-1' 198.51.100.1", HostOf(n, "web").PublicText);

        n.B.ElasticIps.Add(new ElasticIp("eipalloc-0", n.Loc("eipalloc-0")) { InstanceId = "web" });
        var h = HostOf(n, "web");
        Assert.Equal("Elastic IP 'eipalloc-0'", h.PublicText);
        Assert.Equal(n.B.ElasticIps[2].Location, h.PublicLocation);
    }

    [Fact]
    public void An_interface_public_address_is_named_when_there_is_no_elastic_ip()
    {
        var n = One();
        Eni(n, "eni-1", "10.1.0.7", "sg-1");
        Eni(n, "eni-2", "10.1.0.8", "sg-2", publicIp: "203.0.113.8");
        n.B.Instances.Add(new Instance("web", n.Loc("web"), "sa1") { NetworkInterfaceIds = new[] { "eni-1", "eni-2" }, PublicIp = PublicIpMode.None });
        var h = HostOf(n, "web");
        Assert.Equal(PublicIpMode.Assigned, h.PublicIp);
        Assert.Equal("public IPv4 203.0.113.8", h.PublicText);
    }

    [Fact]
    public void An_instance_without_interfaces_keeps_its_own_address_and_groups()
    {
        var n = One();
        n.Instance("web", "sa1", "10.1.0.9", PublicIpMode.None, "sg-2", "sg-1");
        var h = HostOf(n, "web");
        Assert.Equal(PublicIpMode.None, h.PublicIp);
        Assert.Null(h.PublicText);
        Assert.Equal(new[] { "sg-2", "sg-1" }, new[] { h.Groups[0].Id, h.Groups[1].Id });
        Assert.Null(h.GroupsUnknown);
    }

    [Theory]
    [InlineData("203.0.113.9", PublicIpMode.None, true)]
    [InlineData(null, PublicIpMode.Assigned, true)]
    [InlineData("203.0.113.9", PublicIpMode.Assigned, true)]
    [InlineData(null, PublicIpMode.None, false)]
    [InlineData(null, PublicIpMode.Unknown, false)]
    public void An_instance_that_owns_a_public_address_has_an_assigned_host_whatever_else_the_input_says(string? address, PublicIpMode mode, bool owns)
    {
        // The ENI has no public address and an Elastic IP's association is unknown: neither takes the address away.
        var n = One();
        Eni(n, "eni-1", "10.1.0.7", "sg-1");
        n.B.ElasticIps.Add(new ElasticIp("eipalloc-9", n.Loc("eipalloc-9")) { AssociationUnknown = true });
        var instance = new Instance("web", n.Loc("web"), "sa1") { NetworkInterfaceIds = new[] { "eni-1" }, PublicIpAddress = address, PublicIp = mode };
        n.B.Instances.Add(instance);
        Assert.Equal(owns, Host.OwnsPublicAddress(instance));
        var h = HostOf(n, "web");
        Assert.Equal(owns ? PublicIpMode.Assigned : PublicIpMode.Unknown, h.PublicIp);
    }
}
