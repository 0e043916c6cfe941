using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Cli.Inputs;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18 item 4: folder link loops (<c>x -> .</c>, <c>y -> .</c>, <c>self -> .</c>, a link to a parent) end, and every
/// file is read exactly once however many paths reach it.
/// </summary>
public sealed class LinkLoopTests
{
    /// <summary>A file whose CIDR is invalid, so PL1004 reports it once per time it is read.</summary>
    private static string BadVpc(string id) => $"{{\"Vpcs\": [{{\"VpcId\": \"vpc-{id}\", \"CidrBlock\": \"300.1.1.1/16\"}}]}}";

    private static string[] FindingPaths(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("location").GetProperty("path").GetString()!)
            .OrderBy(p => p, System.StringComparer.Ordinal)
            .ToArray();
    }

    [Fact]
    public void Loops_of_folder_links_end_and_each_file_is_linted_once()
    {
        using var tmp = new TempFolder();
        tmp.Write("net/a.json", BadVpc("a"));
        tmp.Write("net/sub/b.json", BadVpc("b"));
        var net = Path.Combine(tmp.Path, "net");
        Directory.CreateSymbolicLink(Path.Combine(net, "x"), ".");
        Directory.CreateSymbolicLink(Path.Combine(net, "y"), ".");
        Directory.CreateSymbolicLink(Path.Combine(net, "self"), ".");
        Directory.CreateSymbolicLink(Path.Combine(net, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(net, "sub", "root"), tmp.Path);
        File.CreateSymbolicLink(Path.Combine(net, "dangling.json"), "missing.json");

        var r = Bounded.Cli(tmp.Path, new[] { "lint", "net", "--format", "json" });

        Assert.Equal(new[] { "net/a.json", "net/sub/b.json" }, FindingPaths(r.Out));
        Assert.Contains("net/dangling.json:1:1: error: cannot read the file", r.Error); // a dangling link still says so
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void A_file_reached_by_several_paths_is_read_once()
    {
        using var tmp = new TempFolder();
        tmp.Write("net/a.json", BadVpc("a"));
        tmp.Write("other/c.json", BadVpc("c"));
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "net", "ext"), Path.Combine("..", "other"));
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "alias.json"), Path.Combine("net", "a.json"));
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "net2"), "net");

        var r = Bounded.Cli(tmp.Path, new[] { "lint", "net", "net/a.json", "alias.json", "net2", "other", "net2/ext/c.json", "--format", "json" });

        // The link out of the tree is followed (once); every other path leads to a file already read.
        Assert.Equal(new[] { "net/a.json", "net/ext/c.json" }, FindingPaths(r.Out));
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void Real_path_resolves_links_and_ends_on_a_loop_of_file_links()
    {
        using var tmp = new TempFolder();
        tmp.Write("d/f.json", "{}");
        Directory.CreateSymbolicLink(Path.Combine(tmp.Path, "l"), "d");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "p"), "q");
        File.CreateSymbolicLink(Path.Combine(tmp.Path, "q"), "p");

        var real = InputFiles.RealPath(Path.Combine(tmp.Path, "d", "f.json"));
        Assert.Equal(real, InputFiles.RealPath(Path.Combine(tmp.Path, "l", "f.json")));
        Assert.Equal(real, InputFiles.RealPath(Path.Combine(tmp.Path, "l", ".", "..", "l", "f.json")));
        var loop = Bounded.Run(() => InputFiles.RealPath(Path.Combine(tmp.Path, "p")), "resolving a loop of links");
        Assert.Equal(Path.Combine(tmp.Path, "p"), loop);
    }
}
