using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Robustness;

/// <summary>
/// Issue 9: a 200 MB file is streamed with bounded memory. The CLI runs as a child process whose GC heap is
/// capped at 256 MB: reading the file whole (200 MB of bytes plus its syntax tree) could not fit, streaming does.
/// </summary>
public sealed class LargeFileTests : IDisposable
{
    private const string HeapLimit = "0x10000000"; // 256 MB
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "peeringlint-large-" + Guid.NewGuid().ToString("N"));

    public LargeFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Exit, string Out, string Err) RunCli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "peeringlint.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_GCHeapHardLimit"] = HeapLimit;
        psi.Environment["NO_COLOR"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "the CLI did not finish within 3 minutes");
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// A describe-instances export of 200 MB (verbose records, as real exports are) followed by a VPC whose CIDR
    /// is invalid: the finding at the very end has its exact line and column.
    /// </summary>
    [Fact]
    public void A_200_MB_export_is_streamed_under_a_256_MB_heap_and_its_last_record_is_checked()
    {
        string path = Path.Combine(_dir, "big.json");
        int instances = 0;
        int line = 1;
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            w.WriteLine("{\"Reservations\": [");
            string padding = new string('x', 3000);
            long size = 0;
            while (size < 200L << 20)
            {
                string record = $"  {{\"OwnerId\": \"111111111111\", \"Instances\": [{{\"InstanceId\": \"i-{instances:x17}\", \"VpcId\": \"vpc-0aaa1111bbbb2222c\", \"SubnetId\": \"subnet-0aaa1111bbbb2222c\", \"PrivateIpAddress\": \"10.1.{instances / 250 % 250}.{instances % 250 + 4}\", \"State\": {{\"Name\": \"running\"}}, \"UserData\": \"{padding}\", \"BlockDeviceMappings\": [{{\"DeviceName\": \"/dev/xvda\", \"Ebs\": {{\"VolumeId\": \"vol-{instances:x17}\"}}}}]}}]}},";
                w.WriteLine(record);
                size += record.Length + 1;
                instances++;
                line++;
            }

            w.WriteLine("  {\"OwnerId\": \"111111111111\", \"Instances\": []}");
            w.WriteLine("],");
            w.WriteLine("\"Vpcs\": [");
            w.WriteLine("  {\"VpcId\": \"vpc-0aaa1111bbbb2222c\", \"OwnerId\": \"111111111111\", \"CidrBlock\": \"10.1.0.0/33\"}");
            w.WriteLine("]}");
            line += 4;
        }

        Assert.True(new FileInfo(path).Length > 200L << 20);
        var (exit, stdout, stderr) = RunCli("lint", "big.json", "--format", "github");

        Assert.DoesNotContain("OutOfMemory", stderr + stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", stderr + stdout, StringComparison.Ordinal);
        Assert.Equal(1, exit);
        int column = "  {\"VpcId\": \"vpc-0aaa1111bbbb2222c\", \"OwnerId\": \"111111111111\", \"CidrBlock\": ".Length + 1;
        Assert.Contains($"::error file=big.json,line={line},col={column},", stdout, StringComparison.Ordinal);
        Assert.Contains("title=PL1004", stdout, StringComparison.Ordinal);
        Assert.True(instances > 60000);
    }

    /// <summary>One 80 MB string inside a record: a clear error at the record, exit 2, no out-of-memory.</summary>
    [Fact]
    public void A_single_value_larger_than_the_record_limit_is_a_clear_error()
    {
        string path = Path.Combine(_dir, "huge-string.json");
        using (var w = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            w.WriteLine("{\"Vpcs\": [");
            w.Write("  {\"VpcId\": \"vpc-1\", \"Description\": \"");
            var chunk = new string('y', 1 << 20);
            for (int i = 0; i < 80; i++)
            {
                w.Write(chunk);
            }

            w.WriteLine("\"}");
            w.WriteLine("]}");
        }

        var (exit, stdout, stderr) = RunCli("lint", "huge-string.json");

        Assert.Equal(2, exit);
        Assert.DoesNotContain("OutOfMemory", stderr + stdout, StringComparison.Ordinal);
        Assert.Contains("huge-string.json:2:3: error: a single JSON value is larger than 64 MB", stderr, StringComparison.Ordinal);
    }

    /// <summary>A file too large to read whole that cannot be streamed (YAML, recognised by content) is refused, not read.</summary>
    [Fact]
    public void A_file_over_the_whole_file_limit_that_cannot_be_streamed_is_refused()
    {
        string path = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(path, "vpcs:\n" + string.Concat(System.Linq.Enumerable.Repeat("  - { name: v, cidr: 10.0.0.0/16 }\n", 200)));
        var source = InputSource.FromFile("big.yaml", path, isExplicit: true, new FileInfo(path).Length);

        var load = new InputLoader().Load(new[] { source }, new LoadOptions { StreamThreshold = 1024, MaxWholeFileBytes = 2048 });

        var problem = Assert.Single(load.Problems);
        Assert.Equal(("big.yaml", 1, 1), (problem.Location.Path, problem.Location.StartLine, problem.Location.StartColumn));
        Assert.Contains("of YAML (its first character is not '{' or '['); YAML files are read whole, up to 0 MB", problem.Message, StringComparison.Ordinal);
        Assert.Empty(load.Model.Vpcs);
    }
}
