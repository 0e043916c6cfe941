using System.IO;
using System.Text.Json;
using PeeringLint.Cli;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Cli;

public sealed class ReachCommandTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = Program.Run(args, stdout, stderr, TestPaths.Root);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Ping_in_the_broken_tutorial_is_blocked_at_the_route_table_with_every_fix_listed()
    {
        var (exit, output, _) = Run("reach", "examples/nextwork-peering-broken.yaml", "--from", "Instance - NextWork VPC 1", "--to", "Instance - NextWork VPC 2", "--protocol", "icmp");
        Assert.Equal(1, exit);
        Assert.Contains("✗ RouteTable", output);
        Assert.Contains("[BAD_STATE_VPC_PEERING_CONNECTION]", output);
        Assert.Contains("[ENI_SG_RULES_MISMATCH]", output);
        Assert.Contains("add an inbound rule All ICMP - IPv4 from 10.1.0.0/16", output);
        Assert.Contains("not reachable: blocked at 'NextWork-1-rtb-public'", output);
    }

    [Fact]
    public void Ssh_in_the_working_tutorial_is_reachable_and_json_lists_both_directions()
    {
        var (exit, output, _) = Run("reach", "examples/nextwork-peering.yaml", "--from", "internet", "--to", "Instance - NextWork VPC 1", "--protocol", "tcp", "--port", "22", "--format", "json");
        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("reachable", doc.RootElement.GetProperty("verdict").GetString());
        var directions = new System.Collections.Generic.HashSet<string>();
        foreach (var hop in doc.RootElement.GetProperty("hops").EnumerateArray())
        {
            directions.Add(hop.GetProperty("direction").GetString()!);
            Assert.Equal("allowed", hop.GetProperty("verdict").GetString());
        }

        Assert.Equal(new[] { "forward", "return" }, new System.Collections.Generic.SortedSet<string>(directions));
    }

    [Fact]
    public void Unknown_endpoint_is_an_input_error()
    {
        var (exit, _, err) = Run("reach", "examples/nextwork-peering.yaml", "--from", "Instance 9", "--to", "Instance - NextWork VPC 1");
        Assert.Equal(2, exit);
        Assert.Contains("Instance 9", err);
    }
}
