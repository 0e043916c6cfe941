using System.IO;
using System.Net.Sockets;
using System.Text;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.Cli;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 18 item 5: only regular files are read. A FIFO, socket or device named as an input, <c>--config</c>,
/// <c>--intents</c> or <c>--baseline</c> is an input error (exit 2) naming the path and what it is, never a hang or an
/// OutOfMemoryException; one found in a folder is skipped with a warning. Every read has a size cap.
/// </summary>
public sealed class SpecialFileTests
{
    private const string BadVpc = "{\"Vpcs\": [{\"VpcId\": \"vpc-a\", \"CidrBlock\": \"300.1.1.1/16\"}]}";

    [Theory]
    [InlineData("pipe.json", "lint", "{0}")]
    [InlineData("pipe.yaml", "lint", "good.json", "--config", "{0}")]
    [InlineData("pipe.yaml", "lint", "good.json", "--intents", "{0}")]
    [InlineData("pipe.sarif", "lint", "good.json", "--format", "sarif", "--baseline", "{0}")]
    [InlineData("pipe.yaml", "graph", "{1}", "--format", "dot")] // graph resolves paths against the process's folder: give it a full one
    [InlineData("pipe.yaml", "reach", "{0}", "--from", "a", "--to", "b", "--protocol", "tcp", "--port", "22")]
    public void A_fifo_anywhere_is_an_input_error_not_a_hang(string name, params string[] args)
    {
        using var tmp = new TempFolder();
        tmp.Write("good.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-a\", \"CidrBlock\": \"10.0.0.0/16\"}]}");
        var fifo = Path.Combine(tmp.Path, name);
        Bounded.MakeFifo(fifo);
        var r = Bounded.Cli(tmp.Path, System.Array.ConvertAll(args, a => string.Format(a, name, fifo)), fifo);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"{name}:1:1: error: cannot read the", r.Error);
        Assert.Contains("it is a named pipe (FIFO), not a regular file; only regular files are read", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
    }

    [Theory]
    [InlineData("/dev/zero", "lint", "{0}")]
    [InlineData("/dev/urandom", "lint", "{0}")]
    [InlineData("/dev/zero", "lint", "good.json", "--config", "{0}")]
    [InlineData("/dev/urandom", "lint", "good.json", "--intents", "{0}")]
    [InlineData("/dev/urandom", "lint", "good.json", "--format", "sarif", "--baseline", "{0}")]
    [InlineData("/dev/zero", "lint", "good.json", "--format", "sarif", "--baseline", "{0}")]
    public void A_device_anywhere_is_an_input_error_not_out_of_memory(string device, params string[] args)
    {
        using var tmp = new TempFolder();
        tmp.Write("good.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-a\", \"CidrBlock\": \"10.0.0.0/16\"}]}");
        var r = Bounded.Cli(tmp.Path, System.Array.ConvertAll(args, a => string.Format(a, device)));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: cannot read the", r.Error);
        Assert.Contains(device.TrimStart('/') + ":1:1:", r.Error); // the path, relative to the base folder
        Assert.Contains("it is a character device, not a regular file", r.Error);
        Assert.DoesNotContain("OutOfMemory", r.Error);
    }

    [Fact]
    public void Special_files_in_a_folder_are_skipped_with_a_warning_and_the_rest_is_read()
    {
        using var tmp = new TempFolder();
        tmp.Write("net/a.json", BadVpc);
        var net = Path.Combine(tmp.Path, "net");
        Bounded.MakeFifo(Path.Combine(net, "pipe.json"));
        File.CreateSymbolicLink(Path.Combine(net, "zero.json"), "/dev/zero");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(net, "sock.yaml")));

        var r = Bounded.Cli(tmp.Path, new[] { "lint", "net" }, Path.Combine(net, "pipe.json"));

        Assert.Equal(1, r.ExitCode); // the finding in a.json; skipped files are warnings, not errors
        Assert.Contains("net/a.json:1:", r.Out);
        Assert.Contains("net/pipe.json:1:1: warning: skipped: it is a named pipe (FIFO), not a regular file", r.Error);
        Assert.Contains("net/zero.json:1:1: warning: skipped: it is a character device, not a regular file", r.Error);
        Assert.Contains("net/sock.yaml:1:1: warning: skipped: it is a socket, not a regular file", r.Error);
    }

    [Fact]
    public void A_configuration_over_its_cap_is_an_input_error()
    {
        using var tmp = new TempFolder();
        tmp.Write("good.json", "{\"Vpcs\": []}");
        var big = new StringBuilder("ignore_paths:\n");
        while (big.Length <= SafeFile.MaxConfigBytes)
        {
            big.Append("  - \"some/long/path/that/does/not/exist/anywhere/in/this/tree/").Append(big.Length).Append("\"\n");
        }

        tmp.Write("big.yaml", big.ToString());
        var r = Bounded.Cli(tmp.Path, new[] { "lint", "good.json", "--config", "big.yaml" });
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("big.yaml:1:1: error: cannot read the configuration file: the file is 16 MB; a configuration file may be at most 16 MB", r.Error);
    }

    [Fact]
    public void Safe_file_tells_kinds_apart_before_opening()
    {
        using var tmp = new TempFolder();
        var fifo = Path.Combine(tmp.Path, "p");
        Bounded.MakeFifo(fifo);
        var file = tmp.Write("f.json", "{}");
        Assert.Equal(FileKind.Regular, SafeFile.KindOf(file));
        Assert.Equal(FileKind.Directory, SafeFile.KindOf(tmp.Path));
        Assert.Equal(FileKind.NamedPipe, Bounded.Run(() => SafeFile.KindOf(fifo), "stat of a FIFO"));
        Assert.Equal(FileKind.CharacterDevice, SafeFile.KindOf("/dev/null"));
        Assert.Equal(FileKind.Unknown, SafeFile.KindOf(Path.Combine(tmp.Path, "missing")));
        var ex = Bounded.Run(() => Assert.Throws<NotARegularFileException>(() => SafeFile.ReadAllBytes(fifo, 100, "a test file")), "reading a FIFO", () => File.WriteAllText(fifo, string.Empty));
        Assert.Equal(FileKind.NamedPipe, ex.Kind);
    }

    [Fact]
    public void The_cap_counts_bytes_read_not_the_size_the_file_system_reports()
    {
        using var tmp = new TempFolder();
        var file = tmp.Write("f.json", new string('x', 100));
        Assert.Equal(100, SafeFile.ReadAllBytes(file, 100, "a test file").Length);
        var over = Assert.Throws<FileTooLargeException>(() => SafeFile.ReadAllBytes(file, 99, "a test file"));
        Assert.Equal("the file is 100 bytes; a test file may be at most 99 bytes", over.Message);

        // /proc files are regular files whose reported size is 0, whatever they hold.
        Assert.Equal(0, new FileInfo("/proc/self/status").Length);
        var lied = Assert.Throws<FileTooLargeException>(() => SafeFile.ReadAllBytes("/proc/self/status", 16, "a test file"));
        Assert.Equal("the file is larger than 16 bytes, the most a test file may be", lied.Message);
    }
}
