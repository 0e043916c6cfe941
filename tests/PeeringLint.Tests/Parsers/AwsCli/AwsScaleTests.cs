using System.Diagnostics;
using System.Globalization;
using System.Text;
using PeeringLint.Engine;
using Xunit;
using Xunit.Abstractions;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>A 10,000-VPC export (VPCs, subnets, route tables, peerings) reads quickly: joins go through dictionaries.</summary>
public sealed class AwsScaleTests
{
    private readonly ITestOutputHelper _output;

    public AwsScaleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void TenThousandVpcsLoadQuickly()
    {
        const int N = 10_000;
        var vpcs = new StringBuilder("{\"Vpcs\": [\n");
        var subnets = new StringBuilder("{\"Subnets\": [\n");
        var tables = new StringBuilder("{\"RouteTables\": [\n");
        var peerings = new StringBuilder("{\"VpcPeeringConnections\": [\n");
        for (int i = 0; i < N; i++)
        {
            string sep = i + 1 < N ? ",\n" : "\n";
            string cidr = string.Format(CultureInfo.InvariantCulture, "10.{0}.{1}.0/24", i / 256, i % 256);
            string peer = string.Format(CultureInfo.InvariantCulture, "10.{0}.{1}.0/24", (i + 1) % N / 256, (i + 1) % N % 256);
            vpcs.Append(CultureInfo.InvariantCulture, $"{{\"VpcId\": \"vpc-{i}\", \"OwnerId\": \"111111111111\", \"CidrBlock\": \"{cidr}\", \"CidrBlockAssociationSet\": [{{\"CidrBlock\": \"{cidr}\", \"CidrBlockState\": {{\"State\": \"associated\"}}}}], \"Tags\": [{{\"Key\": \"Name\", \"Value\": \"v{i}\"}}]}}{sep}");
            subnets.Append(CultureInfo.InvariantCulture, $"{{\"SubnetId\": \"subnet-{i}\", \"VpcId\": \"vpc-{i}\", \"CidrBlock\": \"{cidr}\", \"AvailabilityZone\": \"us-east-1a\"}}{sep}");
            tables.Append(CultureInfo.InvariantCulture, $"{{\"RouteTableId\": \"rtb-{i}\", \"VpcId\": \"vpc-{i}\", \"Associations\": [{{\"Main\": true}}], \"Routes\": [{{\"DestinationCidrBlock\": \"{cidr}\", \"GatewayId\": \"local\", \"State\": \"active\"}}, {{\"DestinationCidrBlock\": \"{peer}\", \"VpcPeeringConnectionId\": \"pcx-{i}\", \"State\": \"active\"}}]}}{sep}");
            peerings.Append(CultureInfo.InvariantCulture, $"{{\"VpcPeeringConnectionId\": \"pcx-{i}\", \"Status\": {{\"Code\": \"active\"}}, \"RequesterVpcInfo\": {{\"VpcId\": \"vpc-{i}\", \"OwnerId\": \"111111111111\", \"Region\": \"us-east-1\", \"CidrBlock\": \"{cidr}\"}}, \"AccepterVpcInfo\": {{\"VpcId\": \"vpc-{(i + 1) % N}\", \"OwnerId\": \"111111111111\", \"Region\": \"us-east-1\", \"CidrBlock\": \"{peer}\"}}}}{sep}");
        }

        var files = new[]
        {
            ("big/Vpcs.json", vpcs.Append("]}").ToString()),
            ("big/Subnets.json", subnets.Append("]}").ToString()),
            ("big/RouteTables.json", tables.Append("]}").ToString()),
            ("big/VpcPeeringConnections.json", peerings.Append("]}").ToString()),
        };

        AwsTestKit.LoadText(("warm/Vpcs.json", "{\"Vpcs\": []}"));
        var sw = Stopwatch.StartNew();
        var result = AwsTestKit.LoadText(files);
        long load = sw.ElapsedMilliseconds;
        Assert.Empty(result.Problems);
        Assert.Equal(N, result.Model.Vpcs.Count);
        Assert.Equal(N, result.Model.PeeringConnections.Count);
        sw.Restart();
        var lint = LintEngine.Run(result.Model);
        long rules = sw.ElapsedMilliseconds;
        Assert.Empty(lint.Failures);
        _output.WriteLine($"load {load} ms, rules {rules} ms, findings {lint.Findings.Count}");

        // Speed is measured by bench/ (issue 9), not asserted here: this test checks that a large export loads completely.
    }
}
