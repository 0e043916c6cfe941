using PeeringLint.Parsers.Syntax;
using Xunit;

namespace PeeringLint.Tests.Parsers;

public sealed class LogicalPathsTests
{
    /// <summary>Two documents' equal paths come out as one string; the text never changes.</summary>
    [Fact]
    public void Repeated_paths_share_one_string_with_the_same_text()
    {
        string first = new string("RouteTables[3].Routes[2].DestinationCidrBlock".ToCharArray());
        string second = new string(first.ToCharArray());
        Assert.NotSame(first, second);

        var a = SourceDocument.FromUtf8("a.json", System.Text.Encoding.UTF8.GetBytes("{\n}\n")).Locate(0, 1, first);
        var b = SourceDocument.FromUtf8("b.json", System.Text.Encoding.UTF8.GetBytes("{\n}\n")).Locate(0, 1, second);

        Assert.Equal("RouteTables[3].Routes[2].DestinationCidrBlock", b.LogicalPath);
        Assert.Same(a.LogicalPath, b.LogicalPath);
        Assert.Equal("Other", SourceDocument.FromUtf8("c.json", new byte[] { (byte)'1' }).Locate(0, 1, "Other").LogicalPath);
    }
}
