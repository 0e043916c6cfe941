using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// Issue 18: where an intent's names are looked up. Next to a network: that file first, then all inputs. A
/// separate intents file: all inputs; a name several inputs share is an error listing them when the user named
/// the file, a warning (intent not evaluated) when a folder search found it.
/// </summary>
public sealed class IntentScopeTests
{
    private static string Net(string instance, string cidr, string intents = "", string? id = null) =>
        $"vpcs:\n  - name: V\n    cidr: {cidr}\n    subnets:\n      - {{ name: S, cidr: {cidr} }}\n"
        + $"    instances:\n      - {{ name: {instance}{(id is null ? string.Empty : ", id: " + id)}, subnet: S }}\n      - {{ name: Other, subnet: S }}\n"
        + (intents.Length > 0 ? "intents:\n" + intents : string.Empty);

    private const string PingWeb = "  - { name: ping, from: Other, to: Web, protocol: icmp }\n";

    private static IntentOutcome[] Resolve(params (string Path, string Text, bool Explicit)[] files)
    {
        var load = new InputLoader().Load(files.Select(f => InputSource.FromText(f.Path, f.Text, f.Explicit)).ToArray(), new LoadOptions { MaxDegreeOfParallelism = 1 });
        Assert.DoesNotContain(load.Problems, p => p.Severity == InputProblemSeverity.Error);
        return IntentResolver.Resolve(new ModelIndex(load.Model)).ToArray();
    }

    [Fact]
    public void An_intent_next_to_a_network_resolves_in_its_own_file_although_another_file_has_the_name()
    {
        var outcomes = Resolve(("a/net.yaml", Net("Web", "10.1.0.0/16", PingWeb), true), ("b/net.yaml", Net("Web", "10.2.0.0/16", PingWeb), true));
        Assert.Equal(2, outcomes.Length);
        foreach (var o in outcomes)
        {
            Assert.Null(o.Problem);
            Assert.Equal(IntentSource.Network, o.Intent.Source);
            Assert.Equal(o.Intent.Location.Path, o.Query!.Destination.Element!.Location.Path);
            Assert.Equal(o.Intent.Location.Path, o.Query.Source.Element!.Location.Path);
        }
    }

    [Fact]
    public void An_intent_next_to_a_network_falls_back_to_the_other_inputs()
    {
        const string Intent = "  - { name: ping, from: Other, to: Db, protocol: icmp }\n";
        var o = Assert.Single(Resolve(("a/net.yaml", Net("Web", "10.1.0.0/16", Intent), true), ("b/net.yaml", Net("Db", "10.2.0.0/16"), true)));
        Assert.Null(o.Problem);
        Assert.Equal("b/net:Db", o.Query!.Destination.Element!.Id);
        Assert.Equal("a/net:Other", o.Query.Source.Element!.Id);
    }

    [Fact]
    public void An_id_written_in_the_file_matches_its_own_element_when_ids_are_qualified()
    {
        const string Intent = "  - { name: ping, from: Other, to: i-0abc, protocol: icmp }\n";
        var outcomes = Resolve(("a/net.yaml", Net("Web", "10.1.0.0/16", Intent, "i-0abc"), true), ("b/net.yaml", Net("Web", "10.2.0.0/16", id: "i-0abc"), true));
        var o = Assert.Single(outcomes);
        Assert.Null(o.Problem);
        Assert.Equal("a/net:i-0abc", o.Query!.Destination.Element!.Id);
    }

    [Fact]
    public void A_named_intents_file_with_a_name_two_inputs_use_is_an_error_listing_both()
    {
        var o = Assert.Single(Resolve(
            ("a/net.yaml", Net("Web", "10.1.0.0/16"), true),
            ("b/net.yaml", Net("Web", "10.2.0.0/16"), true),
            ("intents.yaml", "intents:\n" + PingWeb.Replace("from: Other", "from: 10.9.0.1"), true)));
        Assert.Equal(IntentSource.Shared, o.Intent.Source);
        Assert.Null(o.Query);
        Assert.Equal(InputProblemSeverity.Error, o.Problem!.Severity);
        Assert.Equal("intent 'ping': 'Web' names 2 instances in the inputs: 'a/net:Web' at a/net.yaml:7:9, 'b/net:Web' at b/net.yaml:7:9; use an id", o.Problem.Message);
    }

    [Fact]
    public void A_found_intents_file_with_a_name_two_inputs_use_is_a_warning_and_the_intent_is_not_evaluated()
    {
        var o = Assert.Single(Resolve(
            ("a/net.yaml", Net("Web", "10.1.0.0/16"), false),
            ("b/net.yaml", Net("Web", "10.2.0.0/16"), false),
            ("intents.yaml", "intents:\n" + PingWeb.Replace("from: Other", "from: 10.9.0.1"), false)));
        Assert.Equal(IntentSource.Discovered, o.Intent.Source);
        Assert.Null(o.Query);
        Assert.Equal(InputProblemSeverity.Warning, o.Problem!.Severity);
        Assert.StartsWith("intent 'ping' is not evaluated: 'Web' names 2 instances in the inputs: 'a/net:Web' at a/net.yaml:7:9, 'b/net:Web' at b/net.yaml:7:9; use an id, or name this intents file with --intents", o.Problem.Message);
    }

    [Fact]
    public void A_found_intents_file_naming_nothing_is_still_an_error()
    {
        var o = Assert.Single(Resolve(("a/net.yaml", Net("Web", "10.1.0.0/16"), false), ("intents.yaml", "intents:\n  - { name: ping, from: Web, to: Nobody, protocol: icmp }\n", false)));
        Assert.Equal(InputProblemSeverity.Error, o.Problem!.Severity);
        Assert.Equal("intent 'ping': 'Nobody' names no instance, ENI or CIDR", o.Problem.Message);
    }

    [Fact]
    public void A_separate_intents_file_resolves_a_name_one_input_has()
    {
        var o = Assert.Single(Resolve(
            ("a/net.yaml", Net("Web", "10.1.0.0/16"), true),
            ("b/net.yaml", Net("Db", "10.2.0.0/16"), true),
            ("intents.yaml", "intents:\n  - { name: ping, from: Web, to: Db, protocol: icmp }\n", false)));
        Assert.Null(o.Problem);
        Assert.Equal("a/net:Web", o.Query!.Source.Element!.Id);
        Assert.Equal("b/net:Db", o.Query.Destination.Element!.Id);
    }

    [Fact]
    public void A_qualified_id_with_a_slash_is_an_id_not_a_malformed_cidr()
    {
        var o = Assert.Single(Resolve(
            ("a/net.yaml", Net("Web", "10.1.0.0/16"), true),
            ("b/net.yaml", Net("Web", "10.2.0.0/16"), true),
            ("intents.yaml", "intents:\n  - { name: ping, from: a/net:Web, to: b/net:Web, protocol: icmp }\n", true)));
        Assert.Null(o.Problem);
        Assert.Equal("b/net:Web", o.Query!.Destination.Element!.Id);
    }
}
