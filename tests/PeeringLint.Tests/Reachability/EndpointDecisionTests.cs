using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// How <see cref="Endpoint.Resolve(ModelIndex, string?, string?, string, out string?, out bool)"/> reads a name: the
/// internet, an id declared in the intent's own file, a CIDR or a file-qualified id, an IPv4 address, a name in the
/// own file, an id anywhere (instance, ENI, interface endpoint), a name anywhere; and the errors for nothing or too
/// much (mutation testing, issue 22; docs/quality.md).
/// </summary>
public sealed class EndpointDecisionTests
{
    private static SourceLocation At(string file, int line) => new(file, line, 1, line, 9);

    private static Instance I(string id, string? name, string file = "a.yaml", int line = 1) => new(id, At(file, line), null) { Name = name };

    private static NetworkInterface Eni(string id, string? name, string file = "a.yaml", int line = 1) => new(id, At(file, line), null) { Name = name };

    private static ModelIndex Index(params Element[] elements)
    {
        var b = new NetworkModelBuilder();
        foreach (var e in elements)
        {
            b.Add(e);
        }

        return new ModelIndex(b.Build());
    }

    private static (Endpoint? Endpoint, string? Error, bool Ambiguous) R(ModelIndex index, string? text, string? file = null, string prefix = "")
    {
        var e = Endpoint.Resolve(index, text, file, prefix, out var error, out bool ambiguous);
        Assert.True(e is null == error is not null, "an endpoint or an error, never both or neither");
        return (e, error, ambiguous);
    }

    private static Element? Resolved(ModelIndex index, string text, string? file = null, string prefix = "") => R(index, text, file, prefix).Endpoint?.Element;

    private static string? Error(ModelIndex index, string? text, string? file = null, string prefix = "") => R(index, text, file, prefix).Error;

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_name_is_an_error(string? text)
    {
        Assert.Equal((null, "an empty name names no instance, ENI or CIDR", false), R(Index(), text));
        Assert.Null(Endpoint.Resolve(Index(), text, out var error));
        Assert.Equal("an empty name names no instance, ENI or CIDR", error);
    }

    [Theory]
    [InlineData("internet")]
    [InlineData(" Internet ")]
    [InlineData("INTERNET")]
    [InlineData("0.0.0.0/0")]
    public void The_internet_is_named_by_word_or_by_the_default_route(string text)
    {
        var e = R(Index(I("internet", "internet")), text).Endpoint;
        Assert.Same(Endpoint.Internet, e);
        Assert.Equal(EndpointKind.Internet, e!.Kind);
        Assert.Equal("the internet", e.Label);
        Assert.Equal("internet", e.Text);
        Assert.Null(e.Cidr);
        Assert.Null(e.Element);
    }

    [Fact]
    public void An_id_declared_in_the_intents_file_comes_first()
    {
        var mine = I("a/net:web", "web-a", "a.yaml");
        var other = I("web", "other", "b.yaml");
        var index = Index(mine, other, I("b/net:web", "web-b", "b.yaml"));
        Assert.Same(mine, Resolved(index, "web", "a.yaml", "a/net:"));

        // Without a file, or with an id declared in another file, the prefix is not used.
        Assert.Same(other, Resolved(index, "web", null, "a/net:"));
        Assert.Same(other, Resolved(index, "web", "b.yaml", "a/net:"));
        Assert.Same(other, Resolved(index, " web ", "c.yaml", "c/net:"));
    }

    [Fact]
    public void An_id_declared_in_another_file_is_not_the_files_own()
    {
        var index = Index(I("a/net:web", "web-a", "a.yaml"));
        Assert.Equal("'web' names no instance, ENI or CIDR", Error(index, "web", "b.yaml", "a/net:"));
    }

    [Theory]
    [InlineData("10.1.0.0/24", "10.1.0.0/24")]
    [InlineData("10.1.0.5/24", "10.1.0.0/24")]
    [InlineData(" 10.1.0.0/16 ", "10.1.0.0/16")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("0.0.0.0/1", "0.0.0.0/1")]
    public void A_cidr_is_a_range(string text, string block)
    {
        var e = R(Index(), text).Endpoint!;
        Assert.Equal(EndpointKind.Cidr, e.Kind);
        Assert.Equal(block, e.Cidr!.Value.ToString());
        Assert.Equal(text.Trim(), e.Text);
        Assert.Equal(block, e.Label);
        Assert.Equal(block, e.ToString());
        Assert.Null(e.Element);
    }

    [Theory]
    [InlineData("10.1.0.0/33")]
    [InlineData("10.1.0.0/")]
    [InlineData("web/24")]
    public void A_malformed_cidr_is_an_error_that_says_why(string text)
    {
        var (e, error, ambiguous) = R(Index(), text);
        Assert.Null(e);
        Assert.False(ambiguous);
        Assert.StartsWith($"'{text}' is not a valid CIDR (", error);
        Assert.EndsWith(")", error);
        Assert.True(error!.Length > $"'{text}' is not a valid CIDR ()".Length);
    }

    [Fact]
    public void A_name_that_starts_with_a_slash_is_a_name_not_a_cidr() =>
        Assert.Equal("'/24' names no instance, ENI or CIDR", Error(Index(), "/24"));

    [Fact]
    public void A_file_qualified_id_holds_a_slash_but_is_an_id()
    {
        var web = I("a/net:web", "web");
        var eni = Eni("a/net:eni", "eni");
        var index = Index(web, eni);
        Assert.Same(web, Resolved(index, "a/net:web"));
        Assert.Same(eni, Resolved(index, "a/net:eni"));
        Assert.Equal(EndpointKind.NetworkInterface, R(index, "a/net:eni").Endpoint!.Kind);
    }

    [Theory]
    [InlineData("10.1.0.5")]
    [InlineData(" 10.1.0.5")]
    public void An_ipv4_address_is_a_single_address_range(string text)
    {
        var e = R(Index(I("10.1.0.5", "10.1.0.5")), text).Endpoint!;
        Assert.Equal(EndpointKind.Cidr, e.Kind);
        Assert.Equal(Cidr.FromV4(0x0A010005, 32), e.Cidr);
        Assert.Equal("10.1.0.5", e.Text);
        Assert.Equal("10.1.0.5/32", e.Label);
    }

    [Fact]
    public void A_name_in_the_intents_file_comes_before_an_id_and_names_elsewhere()
    {
        var mine = I("i-9", "i-1", "a.yaml", 1);
        var byId = I("i-1", "web", "b.yaml", 1);
        var index = Index(mine, byId, I("i-8", "app", "b.yaml", 2), I("i-7", "app", "a.yaml", 2));
        Assert.Same(mine, Resolved(index, "i-1", "a.yaml"));
        Assert.Same(byId, Resolved(index, "i-1", "b.yaml"));
        Assert.Same(byId, Resolved(index, "i-1"));
        Assert.Equal("i-7", Resolved(index, "app", "a.yaml")!.Id);
        Assert.Equal("i-8", Resolved(index, "app", "b.yaml")!.Id);
    }

    [Fact]
    public void Two_names_in_the_intents_file_are_ambiguous_there()
    {
        var index = Index(I("i-1", "app", "a.yaml", 3), I("i-2", "app", "a.yaml", 4), I("i-3", "app", "b.yaml", 1));
        Assert.Equal((null, "'app' names 2 instances in this file: 'i-1' at a.yaml:3:1, 'i-2' at a.yaml:4:1; use an id", true), R(index, "app", "a.yaml"));
    }

    [Fact]
    public void An_id_comes_before_a_name()
    {
        var byId = I("i-1", "web", "a.yaml");
        var index = Index(byId, I("i-2", "i-1", "a.yaml", 2));
        Assert.Same(byId, Resolved(index, "i-1"));
    }

    [Fact]
    public void A_network_interface_is_found_by_id_and_by_name()
    {
        var eni = Eni("eni-1", "db");
        var index = Index(eni);
        var byId = R(index, "eni-1").Endpoint!;
        Assert.Equal(EndpointKind.NetworkInterface, byId.Kind);
        Assert.Same(eni, byId.Element);
        Assert.Equal("eni-1", byId.Text);
        Assert.Equal("network interface 'db' (eni-1)", byId.Label);
        var byName = R(index, "db").Endpoint!;
        Assert.Equal(EndpointKind.NetworkInterface, byName.Kind);
        Assert.Same(eni, byName.Element);
        Assert.Same(eni, Resolved(index, "db", "a.yaml"));
    }

    [Fact]
    public void An_instance_is_found_by_id_and_by_name()
    {
        var web = I("i-1", "web");
        var index = Index(web);
        var byId = R(index, "i-1").Endpoint!;
        Assert.Equal(EndpointKind.Instance, byId.Kind);
        Assert.Same(web, byId.Element);
        Assert.Equal("i-1", byId.Text);
        Assert.Equal("instance 'web' (i-1)", byId.Label);
        Assert.Null(byId.Cidr);
        Assert.Equal(EndpointKind.Instance, R(index, "web").Endpoint!.Kind);
        Assert.Same(web, Resolved(index, "web", "a.yaml"));
    }

    [Fact]
    public void An_interface_endpoint_is_its_first_network_interface_in_the_input()
    {
        var eni2 = Eni("eni-2", null);
        var eni3 = Eni("eni-3", null);
        var index = Index(
            eni2,
            eni3,
            new VpcEndpoint("vpce-1", At("a.yaml", 5), "vpc-a") { Type = VpcEndpointType.Interface, NetworkInterfaceIds = new[] { "eni-missing", "eni-2", "eni-3" } },
            new VpcEndpoint("vpce-2", At("a.yaml", 6), "vpc-a") { Type = VpcEndpointType.Gateway, NetworkInterfaceIds = new[] { "eni-2" } },
            new VpcEndpoint("vpce-3", At("a.yaml", 7), "vpc-a") { Type = VpcEndpointType.Interface, NetworkInterfaceIds = new[] { "eni-missing" } });
        var e = R(index, "vpce-1").Endpoint!;
        Assert.Equal(EndpointKind.NetworkInterface, e.Kind);
        Assert.Same(eni2, e.Element);
        Assert.Equal("'vpce-2' names no instance, ENI or CIDR", Error(index, "vpce-2"));
        Assert.Equal("'vpce-3' names no instance, ENI or CIDR", Error(index, "vpce-3"));
    }

    [Fact]
    public void A_name_found_once_anywhere_resolves_and_several_times_is_ambiguous()
    {
        var index = Index(I("i-1", "app", "a.yaml", 3), I("i-2", "app", "b.yaml", 4), I("i-3", "solo", "b.yaml", 5));
        Assert.Equal("i-3", Resolved(index, "solo", "a.yaml")!.Id);
        Assert.Equal("i-3", Resolved(index, "solo")!.Id);
        Assert.Equal((null, "'app' names 2 instances in the inputs: 'i-1' at a.yaml:3:1, 'i-2' at b.yaml:4:1; use an id", true), R(index, "app"));
        Assert.Equal((null, "'app' names 2 instances in other inputs: 'i-1' at a.yaml:3:1, 'i-2' at b.yaml:4:1; use an id", true), R(index, "app", "c.yaml"));
    }

    [Fact]
    public void An_ambiguous_name_lists_five_elements_and_counts_the_rest()
    {
        var enis = Enumerable.Range(1, 7).Select(i => (Element)Eni("eni-" + i, "db", "a.yaml", i)).ToArray();
        var index = Index(enis);
        Assert.Equal(
            "'db' names 7 ENIs in the inputs: 'eni-1' at a.yaml:1:1, 'eni-2' at a.yaml:2:1, 'eni-3' at a.yaml:3:1, 'eni-4' at a.yaml:4:1, 'eni-5' at a.yaml:5:1 and 2 more; use an id",
            Error(index, "db"));
    }

    [Fact]
    public void An_ambiguous_name_of_exactly_five_has_no_more()
    {
        var index = Index(Enumerable.Range(1, 5).Select(i => (Element)I("i-" + i, "x", "a.yaml", i)).ToArray());
        Assert.Equal(
            "'x' names 5 instances in the inputs: 'i-1' at a.yaml:1:1, 'i-2' at a.yaml:2:1, 'i-3' at a.yaml:3:1, 'i-4' at a.yaml:4:1, 'i-5' at a.yaml:5:1; use an id",
            Error(index, "x"));
    }

    [Fact]
    public void An_ambiguous_element_without_a_location_is_named_by_id_alone()
    {
        var index = Index(new Instance("i-1", SourceLocation.None, null) { Name = "x" }, I("i-2", "x", "a.yaml", 2));
        Assert.Equal("'x' names 2 instances in the inputs: 'i-1', 'i-2' at a.yaml:2:1; use an id", Error(index, "x"));
    }

    [Fact]
    public void A_name_that_matches_nothing_is_an_error()
    {
        var index = Index(I("i-1", "web"));
        Assert.Equal((null, "'db' names no instance, ENI or CIDR", false), R(index, "db"));
        Assert.Equal((null, "'db' names no instance, ENI or CIDR", false), R(index, " db ", "a.yaml"));
        Assert.Equal((null, "'2001:db8::1' names no instance, ENI or CIDR", false), R(index, "2001:db8::1"));
    }

    [Fact]
    public void The_short_overload_resolves_without_a_file()
    {
        var index = Index(I("i-1", "web"));
        Assert.Equal("i-1", Endpoint.Resolve(index, "web", out var error)!.Element!.Id);
        Assert.Null(error);
    }

    [Fact]
    public void Factories_and_labels()
    {
        var cidr = Cidr.FromV4(0x0A000000, 8);
        Assert.Equal("10.0.0.0/8", Endpoint.ForCidr(cidr).Text);
        Assert.Equal("ten", Endpoint.ForCidr(cidr, "ten").Text);
        Assert.Equal("10.0.0.0/8", Endpoint.ForCidr(cidr, "ten").Label);
        var unnamed = Endpoint.ForInstance(I("i-1", null));
        Assert.Equal("instance 'i-1'", unnamed.Label);
        Assert.Equal("instance 'i-1'", unnamed.ToString());
        Assert.Equal("network interface 'eni-1'", Endpoint.ForInterface(Eni("eni-1", null)).Label);
        var kinds = new List<EndpointKind> { Endpoint.Internet.Kind, Endpoint.ForCidr(cidr).Kind, unnamed.Kind, Endpoint.ForInterface(Eni("eni-1", null)).Kind };
        Assert.Equal(new[] { EndpointKind.Internet, EndpointKind.Cidr, EndpointKind.Instance, EndpointKind.NetworkInterface }, kinds);
    }
}
