using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Reachability;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>The examples' intents, and the tutorial's own order of discovery (steps 5, 6, 7).</summary>
public sealed class TutorialExampleTests
{
    private static string Broken => File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering-broken.yaml"));

    private static string Working => File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering.yaml"));

    private static IntentOutcome[] Evaluate(string yaml)
    {
        var load = RuleVerifier.Load(yaml, "examples/nextwork-peering-broken.yaml");
        var index = new ModelIndex(load.Model);
        Assert.DoesNotContain(IntentResolver.Evaluate(index), o => o.Problem is not null);
        return IntentResolver.Evaluate(index).ToArray();
    }

    private static ReachabilityResult Ssh(string yaml) => Evaluate(yaml).Single(o => o.Intent.Name.StartsWith("ssh")).Result!;

    private static ReachabilityResult Ping(string yaml) => Evaluate(yaml).Single(o => o.Intent.Name.StartsWith("ping")).Result!;

    // The tutorial's fixes, applied to the broken example one at a time.
    private static string Step2(string y) => y.Replace("status: pending-acceptance", "status: active");

    private static string Step3(string y) => y.Replace("{ destination: 10.1.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", "{ destination: 10.2.0.0/16, target: VPC 1 <> VPC 2 }   # step 3");

    private static string Step5(string y) => y.Replace("public_ip: none", "public_ip: 3.25.100.10");

    private static string Step6(string y) => y.Replace("      - name: default                                           # step 6: only AWS's default rules, no SSH\n",
        "      - name: default\n        ingress:\n          - { type: ssh, source: 0.0.0.0/0 }\n");

    private static string Step7(string y) => y.Replace("      - name: default                                           # step 7: no ICMP from VPC 1\n",
        "      - name: default\n        ingress:\n          - { type: all-icmp-ipv4, source: 10.1.0.0/16 }\n");

    [Fact]
    public void Working_example_intents_all_pass()
    {
        var outcomes = Evaluate(Working);
        Assert.Equal(2, outcomes.Length);
        Assert.All(outcomes, o => Assert.Equal(ReachabilityVerdict.Reachable, o.Result!.Verdict));
    }

    [Fact]
    public void Broken_ssh_intent_is_blocked_first_by_the_missing_public_ip_then_by_the_default_group()
    {
        var r = Ssh(Broken);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(new[] { ReasonCodes.NoPublicIp, ReasonCodes.EniSgRulesMismatch }, r.BlockingHops.Select(h => h.Code).ToArray());
        Assert.Equal("Instance - NextWork VPC 1", r.BlockingHop!.ElementId);
        Assert.Equal("NextWork-1-vpc/default", r.BlockingHops[1].ElementId);
    }

    [Fact]
    public void Step5_fixed_ssh_is_blocked_by_the_default_group_step6()
    {
        var r = Ssh(Step5(Broken));
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);
        Assert.Equal("NextWork-1-vpc/default", r.BlockingHop!.ElementId);
        Assert.Contains("only admits traffic from members of the same group", r.BlockingHop.Reason);
        Assert.Equal(ReachabilityVerdict.Reachable, Ssh(Step6(Step5(Broken))).Verdict);
    }

    [Fact]
    public void Broken_ping_intent_names_routes_peering_and_instance2_group()
    {
        var r = Ping(Broken);
        Assert.Equal(
            new[] { ReasonCodes.NoRouteToDestination, ReasonCodes.BadStateVpcPeeringConnection, ReasonCodes.EniSgRulesMismatch },
            r.BlockingHops.Select(h => h.Code).ToArray());
        Assert.Equal("NextWork-1-rtb-public", r.BlockingHop!.ElementId);
        Assert.Equal("NextWork-2-vpc/default", r.BlockingHops[2].ElementId);
    }

    [Fact]
    public void Routes_and_peering_fixed_ping_is_blocked_by_instance2_group_step7()
    {
        var r = Ping(Step3(Step2(Broken)));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Single(r.BlockingHops);
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);
        Assert.Equal("NextWork-2-vpc/default", r.BlockingHop!.ElementId);
        Assert.Contains("All ICMP - IPv4 from 10.1.0.0/16", r.BlockingHop.Fix);
        Assert.Equal(ReachabilityVerdict.Reachable, Ping(Step7(Step3(Step2(Broken)))).Verdict);
    }

    [Fact]
    public void Pl9001_reports_each_broken_intent_at_its_blocking_element()
    {
        var findings = RuleVerifier.Run(Broken, "PL9001");
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(Severity.Error, f.Severity));
        var ssh = findings.Single(f => f.Properties["intent"].StartsWith("ssh"));
        Assert.Equal(ReasonCodes.NoPublicIp, ssh.Properties["reasonCode"]);
        Assert.Contains(ssh.Steps, s => s.Blocks);
        var ping = findings.Single(f => f.Properties["intent"].StartsWith("ping"));
        Assert.Equal("NextWork-1-rtb-public", ping.ElementId);
        Assert.Contains("admits no ICMP echo request", ping.Message);
    }

    [Fact]
    public void Intent_naming_nothing_is_an_input_problem()
    {
        var yaml = Working.Replace("to: Instance - NextWork VPC 2", "to: Instance 9");
        var load = RuleVerifier.Load(yaml);
        var problems = IntentResolver.Evaluate(new ModelIndex(load.Model)).Where(o => o.Problem is not null).Select(o => o.Problem!).ToList();
        var p = Assert.Single(problems);
        Assert.Equal("intent 'ping across the peering': 'Instance 9' names no instance, ENI or CIDR", p.Message);
        Assert.Equal("to", p.Location.LogicalPath?.Split('.').Last());
    }
}
