using System.Linq;
using System.Text;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.AwsCli;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>
/// Outputs people save besides describe-*: run-instances, create-*/accept-* outputs, and --query results. The JSON
/// follows the AWS CLI's own examples (aws/aws-cli awscli/examples/ec2/*.rst) and botocore's examples-1.json.
/// </summary>
public sealed class AwsShapeTests
{
    /// <summary>aws ec2 run-instances ... --subnet-id subnet-6e7f829e (the AWS CLI's EC2-VPC example, shortened).</summary>
    private const string RunInstancesVpc = """
        {
          "Instances": [
            {
              "Monitoring": {"State": "disabled"},
              "PublicDnsName": "",
              "StateReason": {"Message": "pending", "Code": "pending"},
              "State": {"Code": 0, "Name": "pending"},
              "EbsOptimized": false,
              "LaunchTime": "2018-05-10T08:05:20.000Z",
              "PrivateIpAddress": "10.0.0.157",
              "ProductCodes": [],
              "VpcId": "vpc-11223344",
              "InstanceId": "i-1231231230abcdef0",
              "ImageId": "ami-abc12345",
              "PrivateDnsName": "ip-10-0-0-157.ec2.internal",
              "SecurityGroups": [{"GroupName": "MySecurityGroup", "GroupId": "sg-1a2b3c4d"}],
              "SubnetId": "subnet-6e7f829e",
              "InstanceType": "t2.micro",
              "NetworkInterfaces": [
                {
                  "Status": "in-use",
                  "VpcId": "vpc-11223344",
                  "NetworkInterfaceId": "eni-95c6390b",
                  "PrivateIpAddresses": [{"Primary": true, "PrivateIpAddress": "10.0.0.157"}],
                  "Groups": [{"GroupName": "MySecurityGroup", "GroupId": "sg-1a2b3c4d"}],
                  "OwnerId": "123456789012",
                  "SubnetId": "subnet-6e7f829e",
                  "PrivateIpAddress": "10.0.0.157"
                }
              ],
              "Placement": {"Tenancy": "default", "GroupName": "", "AvailabilityZone": "us-east-1a"},
              "AmiLaunchIndex": 0
            }
          ],
          "ReservationId": "r-02a3f596d91211712",
          "Groups": [],
          "OwnerId": "123456789012"
        }
        """;

    /// <summary>aws ec2 accept-vpc-peering-connection --vpc-peering-connection-id pcx-1a2b3c4d (the AWS CLI's example).</summary>
    private const string AcceptPeering = """
        {
          "VpcPeeringConnection": {
            "Status": {"Message": "Provisioning", "Code": "provisioning"},
            "Tags": [],
            "AccepterVpcInfo": {"OwnerId": "444455556666", "VpcId": "vpc-44455566", "CidrBlock": "10.0.1.0/28"},
            "VpcPeeringConnectionId": "pcx-1a2b3c4d",
            "RequesterVpcInfo": {"OwnerId": "444455556666", "VpcId": "vpc-111abc45", "CidrBlock": "10.0.0.0/28"}
          }
        }
        """;

    [Theory]
    [InlineData(RunInstancesVpc, true)]
    [InlineData(AcceptPeering, true)]
    [InlineData("""{"Vpc": {"CidrBlock": "10.0.0.0/16", "State": "pending", "VpcId": "vpc-a01106c2", "IsDefault": false}}""", true)]
    [InlineData("""{"Vpc": {"VpcId": "vpc-a01106c2"}}""", false)]
    [InlineData("""[{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "State": "available"}]""", true)]
    [InlineData("""{"VpcPeeringConnectionId": "pcx-1", "AccepterVpcInfo": {}, "RequesterVpcInfo": {}, "Status": {"Code": "active"}}""", true)]
    [InlineData("""["10.0.0.0/16"]""", false)]
    [InlineData("""[]""", false)]
    [InlineData("""{"GroupId": "sg-903004f8"}""", false)]
    [InlineData("""{"RouteTable": {"Associations": [], "RouteTableId": "rtb-22574640", "VpcId": "vpc-a01106c2", "Routes": [{"GatewayId": "local", "DestinationCidrBlock": "10.0.0.0/16", "State": "active"}]}}""", false)]
    [InlineData("""{"AllocationId": "eipalloc-64d5890a", "Domain": "vpc", "PublicIp": "203.0.113.0"}""", false)]
    [InlineData("""{"DestinationPrefixListId": "pl-63a5400a", "GatewayId": "vpce-08ce0df7c620c05dc", "Origin": "CreateRoute", "State": "active"}""", false)]
    public void RecognisesSavedShapes(string json, bool expected)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var root = JsonDecoder.Decode(SourceDocument.FromUtf8("x.json", bytes), bytes, new())!;
        var format = new AwsJsonFormat();
        Assert.Equal(expected, format.Recognizes(root));
        if (expected)
        {
            Assert.Null(format.WhyNotRecognized(root));
        }
    }

    [Fact]
    public void RunInstancesOutputIsReadAsLaunchedInstancesNotClassicLink()
    {
        var r = AwsTestKit.LoadText(("launch/run-instances.json", RunInstancesVpc));
        Assert.Empty(r.Problems);
        var i = Assert.Single(r.Model.Instances);
        Assert.Equal(("i-1231231230abcdef0", "subnet-6e7f829e", "vpc-11223344", (string?)null), (i.Id, i.SubnetId, i.VpcId, i.ClassicLinkVpcId));
        Assert.Equal(new[] { "10.0.0.157" }, i.PrivateIpAddresses);
        Assert.Equal(new[] { "sg-1a2b3c4d" }, i.SecurityGroupIds);
        Assert.Equal(("123456789012", "us-east-1", "pending"), (i.Account, i.Region, i.State));
        Assert.Equal("Instances[0]", i.Location.LogicalPath);

        // Printed before AWS assigns a public address: no PublicIpAddress there is unknown, not "none".
        Assert.Equal(PublicIpMode.Unknown, i.PublicIp);

        // It lists the instances just launched, not all of them.
        Assert.False(r.Model.Covers(ResourceKinds.Instances));
    }

    [Fact]
    public void RunInstancesInEc2ClassicInventsNoLinkedInstance()
    {
        // The AWS CLI's EC2-Classic example: no subnet, no VPC, Groups on the reservation.
        var r = AwsTestKit.LoadText(("run.json", """
            {"OwnerId": "123456789012", "ReservationId": "r-08626e73c547023b1",
             "Groups": [{"GroupName": "MySecurityGroup", "GroupId": "sg-903004f8"}],
             "Instances": [{"State": {"Code": 0, "Name": "pending"}, "InstanceId": "i-1234567890abcdef0", "ImageId": "ami-1a2b3c4d",
               "SecurityGroups": [{"GroupName": "MySecurityGroup", "GroupId": "sg-903004f8"}], "InstanceType": "c3.large",
               "NetworkInterfaces": [], "Placement": {"Tenancy": "default", "GroupName": null, "AvailabilityZone": "us-east-1b"}}]}
            """));
        Assert.Empty(r.Problems);
        var i = Assert.Single(r.Model.Instances);
        Assert.Equal(((string?)null, (string?)null, (string?)null), (i.SubnetId, i.VpcId, i.ClassicLinkVpcId));
    }

    [Fact]
    public void DescribeRecordReplacesTheLaunchSnapshotSilently()
    {
        const string Described = """
            {"Reservations": [{"OwnerId": "123456789012", "Instances": [{"InstanceId": "i-1231231230abcdef0", "SubnetId": "subnet-6e7f829e",
              "VpcId": "vpc-11223344", "PrivateIpAddress": "10.0.0.157", "PublicIpAddress": "54.1.2.3", "State": {"Code": 16, "Name": "running"}}]}]}
            """;

        // The snapshot sorts first (a-...) and last (z-...): the describe-instances record wins either way, without a note.
        foreach (var (snapshot, described) in new[] { ("a-run.json", "b-describe.json"), ("z-run.json", "b-describe.json") })
        {
            var r = AwsTestKit.LoadText((snapshot, RunInstancesVpc), (described, Described));
            Assert.Empty(r.Problems);
            var i = Assert.Single(r.Model.Instances);
            Assert.Equal(("running", PublicIpMode.Assigned, described), (i.State, i.PublicIp, i.Location.Path));
            Assert.True(r.Model.Covers(ResourceKinds.Instances));
        }
    }

    [Fact]
    public void ClassicLinkRecordsAndInstanceRecordsInOneInstancesListAreToldApart()
    {
        var r = AwsTestKit.LoadText(
            ("i.json", """
            {"Instances": [
                {"InstanceId": "i-linked", "VpcId": "vpc-1", "Groups": [{"GroupId": "sg-1"}], "Tags": []},
                {"InstanceId": "i-vpc", "ImageId": "ami-1", "InstanceType": "t3.micro", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.0.5", "State": {"Name": "running"}}
            ]}
            """));
        Assert.Empty(r.Problems);
        Assert.Equal(new[] { ("i-linked", (string?)"vpc-1", (string?)null), ("i-vpc", null, "subnet-1") }, r.Model.Instances.Select(i => (i.Id, i.ClassicLinkVpcId, i.SubnetId)).OrderBy(x => x.Id));
        Assert.Equal(PublicIpMode.None, r.Model.Instances.Single(i => i.Id == "i-vpc").PublicIp);
    }

    [Fact]
    public void FolderHoldingOnlyAnAcceptedPeeringIsRead()
    {
        var r = AwsTestKit.LoadText(("mine/accept-vpc-peering-connection.json", AcceptPeering));
        Assert.Empty(r.Problems);
        Assert.Equal(new[] { "mine/accept-vpc-peering-connection.json" }, r.Model.Files);
        var p = Assert.Single(r.Model.PeeringConnections);
        Assert.Equal(("pcx-1a2b3c4d", PeeringStatus.Provisioning, "vpc-111abc45", "vpc-44455566"), (p.Id, p.Status, p.Requester.VpcId, p.Accepter.VpcId));
        Assert.Equal("10.0.1.0/28", p.Accepter.Ipv4Cidrs.Single().Text);
        Assert.Equal("VpcPeeringConnection.AccepterVpcInfo", p.Accepter.Location.LogicalPath);
        Assert.Equal(ResourceKinds.None, r.Model.Coverage);

        var lint = LintEngine.Run(r.Model, LintOptions.Default);
        Assert.Empty(lint.Failures);
    }

    [Fact]
    public void CreateOutputsAreReadAndDescribeRecordsWin()
    {
        var r = AwsTestKit.LoadText(
            ("log/create-vpc.json", """
            {"Vpc": {"CidrBlock": "10.0.0.0/16", "DhcpOptionsId": "dopt-5EXAMPLE", "State": "pending", "VpcId": "vpc-0a60eb65b4EXAMPLE", "OwnerId": "123456789012",
              "InstanceTenancy": "default", "Ipv6CidrBlockAssociationSet": [],
              "CidrBlockAssociationSet": [{"AssociationId": "vpc-cidr-assoc-07501b79ecEXAMPLE", "CidrBlock": "10.0.0.0/16", "CidrBlockState": {"State": "associated"}}],
              "IsDefault": false, "Tags": []}}
            """),
            ("log/create-subnet.json", """
            {"Subnet": {"AvailabilityZone": "us-west-2c", "AvailableIpAddressCount": 251, "CidrBlock": "10.0.1.0/24", "State": "pending", "SubnetId": "subnet-9d4a7b6c", "VpcId": "vpc-0a60eb65b4EXAMPLE"}}
            """),
            ("log/create-nat-gateway.json", """
            {"NatGateway": {"CreateTime": "2015-12-17T12:45:26.732Z", "NatGatewayAddresses": [{"AllocationId": "eipalloc-37fc1a52"}], "NatGatewayId": "nat-08d48af2a8e83edfd", "State": "pending", "SubnetId": "subnet-9d4a7b6c", "VpcId": "vpc-0a60eb65b4EXAMPLE"}}
            """),
            ("log/create-vpc-peering-connection.json", """
            {"VpcPeeringConnection": {"Status": {"Message": "Initiating Request to 444455556666", "Code": "initiating-request"}, "Tags": [],
              "RequesterVpcInfo": {"OwnerId": "444455556666", "VpcId": "vpc-1a2b3c4d", "CidrBlock": "10.0.0.0/28"},
              "VpcPeeringConnectionId": "pcx-111aaa111", "ExpirationTime": "2014-04-02T16:13:36.000Z",
              "AccepterVpcInfo": {"OwnerId": "444455556666", "VpcId": "vpc-11122233"}}}
            """),
            ("log/describe-vpc-peering-connections.json", """
            {"VpcPeeringConnections": [{"VpcPeeringConnectionId": "pcx-111aaa111", "Status": {"Code": "active"},
              "RequesterVpcInfo": {"OwnerId": "444455556666", "VpcId": "vpc-1a2b3c4d", "CidrBlock": "10.0.0.0/28"},
              "AccepterVpcInfo": {"OwnerId": "444455556666", "VpcId": "vpc-11122233", "CidrBlock": "10.0.1.0/28"}}]}
            """));
        Assert.Empty(r.Problems);
        var m = r.Model;
        Assert.Equal(("vpc-0a60eb65b4EXAMPLE", "10.0.0.0/16", "123456789012"), (m.Vpcs.Single().Id, m.Vpcs.Single().Ipv4Cidrs.Single().Text, m.Vpcs.Single().Account));
        Assert.Equal(("subnet-9d4a7b6c", "10.0.1.0/24", "us-west-2"), (m.Subnets.Single().Id, m.Subnets.Single().Ipv4Cidr!.Text, m.Subnets.Single().Region));
        Assert.Equal("subnet-9d4a7b6c", m.NatGateways.Single().SubnetId);
        var p = m.PeeringConnections.Single();
        Assert.Equal((PeeringStatus.Active, "log/describe-vpc-peering-connections.json"), (p.Status, p.Location.Path));

        // Only the describe-* list claims to list every element of its kind.
        Assert.Equal(ResourceKinds.PeeringConnections, m.Coverage);
    }

    [Theory]
    [InlineData("create-route-table.json", """{"RouteTable": {"Associations": [], "PropagatingVgws": [], "RouteTableId": "rtb-22574640", "Routes": [{"DestinationCidrBlock": "10.0.0.0/16", "GatewayId": "local", "State": "active"}], "Tags": [], "VpcId": "vpc-a01106c2"}}""", "create-route-table output")]
    [InlineData("create-internet-gateway.json", """{"InternetGateway": {"Attachments": [], "InternetGatewayId": "igw-c0a643a9", "Tags": []}}""", "create-internet-gateway output")]
    [InlineData("create-network-acl.json", """{"NetworkAcl": {"Associations": [], "Entries": [], "IsDefault": false, "NetworkAclId": "acl-5fb85d36", "Tags": [], "VpcId": "vpc-a01106c2"}}""", "create-network-acl output")]
    [InlineData("create-security-group.json", """{"GroupId": "sg-903004f8"}""", "create-security-group output")]
    [InlineData("allocate-address.json", """{"AllocationId": "eipalloc-64d5890a", "Domain": "vpc", "PublicIp": "203.0.113.0"}""", "allocate-address output")]
    [InlineData("create-route.json", """{"Return": true}""", "'Return': true")]
    [InlineData("cidrs.json", """["10.0.0.0/16", "10.1.0.0/16"]""", "a list of values")]
    [InlineData("nothing.json", """[]""", "an empty list")]
    [InlineData("vpc.json", """{"Vpc": {"VpcId": "vpc-1"}}""", "holds no complete VPC record")]
    public void IncompleteOutputsAreSkippedWithTheirReason(string name, string json, string reason)
    {
        var r = AwsTestKit.LoadText(("out/" + name, json), ("out/describe-vpcs.json", """{"Vpcs": [{"VpcId": "vpc-9", "CidrBlock": "10.9.0.0/16"}]}"""));
        Assert.Empty(r.Problems);
        var skipped = Assert.Single(r.SkippedFiles);
        Assert.Equal("out/" + name, skipped.Path);
        Assert.Contains(reason, skipped.Reason);
        Assert.Equal(new[] { "out/" + name }, r.Skipped);
        Assert.Equal("vpc-9", r.Model.Vpcs.Single().Id);
    }

    [Fact]
    public void BareQueryResultsAreReadByTheShapeOfTheirRecords()
    {
        var r = AwsTestKit.LoadText(
            ("q/vpcs.json", """
            [
              {"CidrBlock": "10.1.0.0/16", "State": "available", "VpcId": "vpc-1", "OwnerId": "111122223333", "IsDefault": false},
              {"CidrBlock": "10.2.0.0/16", "State": "available", "VpcId": "vpc-2", "OwnerId": "111122223333", "IsDefault": false}
            ]
            """),
            ("q/instances.json", """
            [[{"InstanceId": "i-1", "ImageId": "ami-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.1.0.5", "State": {"Name": "running"}}],
             [{"InstanceId": "i-2", "ImageId": "ami-1", "SubnetId": "subnet-2", "VpcId": "vpc-2", "PrivateIpAddress": "10.2.0.5", "State": {"Name": "running"}}]]
            """),
            ("q/peering.json", """
            {"VpcPeeringConnectionId": "pcx-1", "Status": {"Code": "active"},
             "RequesterVpcInfo": {"VpcId": "vpc-1", "CidrBlock": "10.1.0.0/16"}, "AccepterVpcInfo": {"VpcId": "vpc-2", "CidrBlock": "10.2.0.0/16"}}
            """),
            ("q/tables.json", """
            [{"RouteTableId": "rtb-1", "VpcId": "vpc-1", "Associations": [{"Main": true}], "Routes": [{"DestinationCidrBlock": "10.2.0.0/16", "VpcPeeringConnectionId": "pcx-1", "State": "active"}]},
             "rtb-2"]
            """));
        var warning = Assert.Single(r.Problems);
        Assert.Equal("q/tables.json:2:2: warning: this item (a string) is not an EC2 record PeeringLint reads; it is skipped", warning.ToString());
        var m = r.Model;
        Assert.Equal(new[] { "vpc-1", "vpc-2" }, m.Vpcs.Select(v => v.Id));
        Assert.Equal("[1]", m.Vpcs[1].Location.LogicalPath);
        Assert.Equal(new[] { ("i-1", "[0][0]"), ("i-2", "[1][0]") }, m.Instances.Select(i => (i.Id, i.Location.LogicalPath!)));
        Assert.Equal("@", m.PeeringConnections.Single().Location.LogicalPath);
        Assert.Equal("[0].Routes[0]", m.RouteTables.Single().Routes.Single().Location.LogicalPath);

        // A --query result may be filtered: it never claims to list every element of its kind.
        Assert.Equal(ResourceKinds.None, m.Coverage);
    }

    [Fact]
    public void NoInputFilesIsNothingToLint()
    {
        var r = new InputLoader().Load(System.Array.Empty<InputSource>());
        var e = Assert.Single(r.Problems);
        Assert.Equal(InputProblemSeverity.Error, e.Severity);
        Assert.StartsWith("nothing to lint: no input files", e.Message);
    }

    [Fact]
    public void FolderWithoutInputsIsNothingToLint()
    {
        var r = AwsTestKit.LoadText(("d/package.json", """{"name": "x", "version": "1.0.0"}"""), ("d/create-security-group.json", """{"GroupId": "sg-1"}"""));
        var e = Assert.Single(r.Problems);
        Assert.Equal("(no location): error: nothing to lint: none of the 2 files is a PeeringLint input (AWS CLI describe-* JSON, a CloudFormation template or a tutorial topology); --verbose lists why", e.ToString());
        Assert.Equal(new[] { "d/create-security-group.json", "d/package.json" }, r.SkippedFiles.Select(s => s.Path));
        Assert.Contains("create-security-group output", r.SkippedFiles[0].Reason);
        Assert.Contains("expected AWS CLI describe-* JSON", r.SkippedFiles[1].Reason);

        var one = AwsTestKit.LoadText(("d/cidrs.json", """["10.0.0.0/16"]"""));
        Assert.Equal("nothing to lint: d/cidrs.json is not a PeeringLint input: a list of values (the result of an --query such as 'Vpcs[].CidrBlock'), not records; export whole records (--query 'Vpcs', or no --query)", Assert.Single(one.Problems).Message);
    }

    [Fact]
    public void ExplicitFileSaysWhyItIsNotAnInputAndNothingToLintIsNotRepeated()
    {
        var r = new InputLoader().Load(new[] { InputSource.FromText("sg.json", """{"GroupId": "sg-903004f8"}""") });
        var e = Assert.Single(r.Problems);
        Assert.Equal("sg.json:1:1: error: not a PeeringLint input: create-security-group output: only the new group's id ('GroupId'), without its rules; export describe-security-groups", e.ToString());
    }

    [Fact]
    public void UnreadableFileIsItsOwnErrorNotNothingToLint()
    {
        var r = AwsTestKit.LoadText(("d/broken.json", """{"Vpcs": [}"""));
        Assert.Single(r.Problems);
        Assert.DoesNotContain("nothing to lint", r.Problems[0].Message);
    }

    [Fact]
    public void AnalyzerCanLoadOnlyUnrelatedFilesQuietly()
    {
        var sources = new[] { InputSource.FromText("appsettings.json", """{"Logging": {}}""", isExplicit: false) };
        var r = new InputLoader().Load(sources, new LoadOptions { RequireInput = false });
        Assert.Empty(r.Problems);
        Assert.Empty(new InputLoader().Load(System.Array.Empty<InputSource>(), new LoadOptions { RequireInput = false }).Problems);
    }

    [Fact]
    public void StreamedInstancesListTellsTheShapesApartLikeTheWholeFile()
    {
        const string Json = """
            {"Instances": [
                {"InstanceId": "i-linked", "VpcId": "vpc-1", "Groups": [{"GroupId": "sg-1"}], "Tags": []},
                {"InstanceId": "i-vpc", "ImageId": "ami-1", "SubnetId": "subnet-1", "VpcId": "vpc-1", "PrivateIpAddress": "10.0.0.5", "State": {"Name": "running"}}
            ]}
            """;
        var bytes = Encoding.UTF8.GetBytes(Json);
        var source = new InputSource("i.json", () => bytes, true) { Open = () => new System.IO.MemoryStream(bytes, writable: false), Length = bytes.Length };
        var whole = new InputLoader().Load(new[] { source }, new LoadOptions { StreamThreshold = long.MaxValue });
        var streamed = new InputLoader().Load(new[] { source }, new LoadOptions { StreamThreshold = 0 });
        Assert.Empty(whole.Problems);
        Assert.Empty(streamed.Problems);
        Assert.Equal(
            whole.Model.Instances.Select(i => (i.Id, i.ClassicLinkVpcId, i.SubnetId, i.Location)),
            streamed.Model.Instances.Select(i => (i.Id, i.ClassicLinkVpcId, i.SubnetId, i.Location)));
        Assert.Equal(2, streamed.Model.Instances.Count);
    }
}
