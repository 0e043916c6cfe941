using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Graph;

/// <summary>dot and Mermaid output for the tutorial examples and the transit gateway hub (drawn as a hub node), compared with tests/Golden/graph (deterministic).</summary>
public sealed class GraphGoldenTests
{
    [Theory]
    [InlineData("nextwork-peering-broken", "dot", false)]
    [InlineData("nextwork-peering-broken", "dot", true)]
    [InlineData("nextwork-peering-broken", "mermaid", false)]
    [InlineData("nextwork-peering-broken", "mermaid", true)]
    [InlineData("nextwork-peering", "dot", false)]
    [InlineData("nextwork-peering", "dot", true)]
    [InlineData("nextwork-peering", "mermaid", false)]
    [InlineData("nextwork-peering", "mermaid", true)]
    [InlineData("transit-gateway/hub-and-spoke", "dot", false)]
    [InlineData("transit-gateway/hub-and-spoke", "mermaid", false)]
    public void Examples_match_golden_files(string example, string format, bool detail)
    {
        var args = detail
            ? new[] { "graph", GraphTestKit.Example(example + ".yaml"), "--format", format, "--detail" }
            : new[] { "graph", GraphTestKit.Example(example + ".yaml"), "--format", format };
        var (exit, output, err) = GraphTestKit.Cli(args);
        Assert.True(exit == 0, err);
        Assert.Equal(string.Empty, err);
        string ext = format == "dot" ? "dot" : "mmd";
        Golden.Verify($"graph/{example}{(detail ? ".detail" : string.Empty)}.{ext}", output);

        // Same input, same bytes.
        Assert.Equal(output, GraphTestKit.Cli(args).Out);
    }
}
