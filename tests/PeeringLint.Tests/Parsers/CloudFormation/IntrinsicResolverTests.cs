using System.Collections.Generic;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.CloudFormation;
using Xunit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

public sealed class IntrinsicResolverTests
{
    [Fact]
    public void Cidr_AwsDocumentedIpv4Example()
    {
        // AWS docs, Fn::Cidr "Basic usage": !Cidr [ "192.168.0.0/24", 6, 5 ] → six /27 blocks.
        Assert.True(IntrinsicResolver.TryCidr("192.168.0.0/24", "6", "5", out var result, out _));
        Assert.Equal(
            new[] { "192.168.0.0/27", "192.168.0.32/27", "192.168.0.64/27", "192.168.0.96/27", "192.168.0.128/27", "192.168.0.160/27" },
            result.Select(c => c.ToString()).ToArray());
    }

    [Fact]
    public void Cidr_AwsDocumentedIpv6Example()
    {
        // AWS docs, "Creating an IPv6 enabled VPC": !Cidr [ <the VPC's Amazon /56>, 1, 64 ] → the first /64.
        Assert.True(IntrinsicResolver.TryCidr("2600:1f16:a5d:2a00::/56", "1", "64", out var one, out _));
        Assert.Equal("2600:1f16:a5d:2a00::/64", Assert.Single(one).ToString());
        Assert.True(IntrinsicResolver.TryCidr("2600:1f16:a5d:2a00::/56", "3", "64", out var three, out _));
        Assert.Equal(new[] { "2600:1f16:a5d:2a00::/64", "2600:1f16:a5d:2a01::/64", "2600:1f16:a5d:2a02::/64" }, three.Select(c => c.ToString()).ToArray());
    }

    [Fact]
    public void Cidr_InTemplate_BothForms_AndUnknownBlock()
    {
        Assert.Equal("10.0.1.0/24", CfnTestKit.VpcCidr("!Select [1, !Cidr [10.0.0.0/16, 4, 8]]").Text);
        Assert.Equal("10.0.2.0/24", CfnTestKit.VpcCidr("{ \"Fn::Select\": [2, { \"Fn::Cidr\": [\"10.0.0.0/16\", \"4\", \"8\"] }] }").Text);
        Assert.True(CfnTestKit.VpcCidr("!Select [0, !Cidr [!Ref Block, 4, 8]]", "Parameters:\n  Block:\n    Type: String\n").IsUnknown);
    }

    [Theory]
    [InlineData("10.0.0.0/24", "2", "9")]
    [InlineData("10.0.0.0/24", "9", "5")]
    [InlineData("not-a-cidr", "1", "8")]
    [InlineData("10.0.0.0/16", "0", "8")]
    public void Cidr_BadArguments_AreRejected(string block, string count, string bits)
    {
        Assert.False(IntrinsicResolver.TryCidr(block, count, bits, out _, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void Sub_BothForms_ParametersAttributesAndEscapes()
    {
        string extra = "Parameters:\n  Second:\n    Type: String\n    Default: '16'\n";
        Assert.Equal("10.9.0.0/16", CfnTestKit.VpcCidr("!Sub '10.${Octet}.0.0/${Second}'", extra.Replace("Parameters:\n", "Parameters:\n  Octet:\n    Type: String\n    Default: '9'\n")).Text);
        Assert.Equal("10.7.0.0/16", CfnTestKit.VpcCidr("!Sub ['10.${X}.0.0/16', { X: '7' }]").Text);
        Assert.Equal("10.7.0.0/16", CfnTestKit.VpcCidr("{ \"Fn::Sub\": [\"10.${X}.0.0/16\", { \"X\": \"7\" }] }").Text);

        // ${!Literal} is kept literally (and is not a CIDR here).
        var literal = CfnTestKit.VpcCidr("!Sub '${!Literal}'");
        Assert.Equal("${Literal}", literal.Text);

        // A pseudo parameter is unknown unless given.
        Assert.True(CfnTestKit.VpcCidr("!Sub '10.${AWS::AccountId}.0.0/16'").IsUnknown);
        Assert.Equal("10.42.0.0/16", CfnTestKit.VpcCidr("!Sub '10.${AWS::AccountId}.0.0/16'", parameters: new Dictionary<string, string> { ["AWS::AccountId"] = "42" }).Text);
    }

    [Fact]
    public void Sub_ResourceAttribute_ResolvesThroughGetAtt()
    {
        string yaml = "Resources:\n  A:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.1.0.0/16\n  S:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref A\n      CidrBlock: !Sub '${A.CidrBlock}'\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        Assert.Equal("10.1.0.0/16", load.Model.Subnets.Single().Ipv4Cidr!.Text);
    }

    [Fact]
    public void Join_SelectSplit()
    {
        Assert.Equal("10.3.0.0/16", CfnTestKit.VpcCidr("!Join ['', ['10.', '3', '.0.0/16']]").Text);
        Assert.Equal("10.4.0.0/16", CfnTestKit.VpcCidr("!Select [1, !Split [',', '10.3.0.0/16,10.4.0.0/16']]").Text);
        Assert.Equal("10.5.0.0/16", CfnTestKit.VpcCidr("!Select [1, !Ref Blocks]", "Parameters:\n  Blocks:\n    Type: CommaDelimitedList\n    Default: 10.4.0.0/16,10.5.0.0/16\n").Text);
        Assert.True(CfnTestKit.VpcCidr("!Join ['', ['10.', !Ref AWS::Region, '.0.0/16']]").IsUnknown);
        Assert.True(CfnTestKit.VpcCidr("!Select [0, !GetAZs '']").IsUnknown);
    }

    [Fact]
    public void Select_OutOfRange_IsAnInputProblem()
    {
        var load = CfnTestKit.Load(("t.yaml", CfnTestKit.VpcTemplate("!Select [5, [10.0.0.0/16]]")));
        Assert.Contains(load.Problems, p => p.Message.Contains("out of range") && p.Location.StartLine == 6);
        Assert.True(load.Model.Vpcs.Single().Ipv4Cidrs[0].IsUnknown);
    }

    [Fact]
    public void If_DecidableAndUndecidableConditions()
    {
        string conditions = "Parameters:\n  Env:\n    Type: String\n    Default: prod\n  Free:\n    Type: String\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\n  NotProd: !Not [!Condition IsProd]\n  Both: !And [!Condition IsProd, { Condition: IsProd }]\n  Either: !Or [!Condition NotProd, !Equals [!Ref Free, x]]\n  Unknown: !Equals [!Ref Free, x]\n";
        Assert.Equal("10.1.0.0/16", CfnTestKit.VpcCidr("!If [IsProd, 10.1.0.0/16, 10.2.0.0/16]", conditions).Text);
        Assert.Equal("10.2.0.0/16", CfnTestKit.VpcCidr("!If [NotProd, 10.1.0.0/16, 10.2.0.0/16]", conditions).Text);
        Assert.Equal("10.1.0.0/16", CfnTestKit.VpcCidr("!If [Both, 10.1.0.0/16, 10.2.0.0/16]", conditions).Text);
        Assert.True(CfnTestKit.VpcCidr("!If [Either, 10.1.0.0/16, 10.2.0.0/16]", conditions).IsUnknown);

        // Undecidable: both branches considered; equal branches give that value.
        Assert.True(CfnTestKit.VpcCidr("!If [Unknown, 10.1.0.0/16, 10.2.0.0/16]", conditions).IsUnknown);
        Assert.Equal("10.8.0.0/16", CfnTestKit.VpcCidr("!If [Unknown, 10.8.0.0/16, 10.8.0.0/16]", conditions).Text);

        // --parameter decides it.
        Assert.Equal("10.1.0.0/16", CfnTestKit.VpcCidr("!If [Unknown, 10.1.0.0/16, 10.2.0.0/16]", conditions, new Dictionary<string, string> { ["Free"] = "x" }).Text);
    }

    [Fact]
    public void ResourceCondition_FalseDropsTheResource()
    {
        string yaml = "Parameters:\n  Make:\n    Type: String\n    Default: 'no'\n  Maybe:\n    Type: String\nConditions:\n  DoMake: !Equals [!Ref Make, 'yes']\n  DoMaybe: !Equals [!Ref Maybe, 'yes']\nResources:\n  A:\n    Type: AWS::EC2::VPC\n    Condition: DoMake\n    Properties:\n      CidrBlock: 10.1.0.0/16\n  B:\n    Type: AWS::EC2::VPC\n    Condition: DoMaybe\n    Properties:\n      CidrBlock: 10.2.0.0/16\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        Assert.Equal(new[] { "B" }, load.Model.Vpcs.Select(v => v.Id).ToArray());
    }

    [Fact]
    public void FindInMap_WithAndWithoutDefault()
    {
        string maps = "Mappings:\n  Net:\n    prod:\n      Cidr: 10.10.0.0/16\n";
        Assert.Equal("10.10.0.0/16", CfnTestKit.VpcCidr("!FindInMap [Net, prod, Cidr]", maps).Text);
        Assert.Equal("10.11.0.0/16", CfnTestKit.VpcCidr("!FindInMap [Net, dev, Cidr, { DefaultValue: 10.11.0.0/16 }]", maps).Text);
        var load = CfnTestKit.Load(("t.yaml", CfnTestKit.VpcTemplate("!FindInMap [Net, dev, Cidr]", maps)));
        Assert.Contains(load.Problems, p => p.Message.Contains("has no key 'dev'"));
        Assert.True(load.Model.Vpcs.Single().Ipv4Cidrs[0].IsUnknown);
    }

    [Fact]
    public void ParameterDefault_AndCommandLineValue_PointAtTheProperty()
    {
        string extra = "Parameters:\n  Block:\n    Type: String\n    Default: 10.20.0.0/16\n";
        var c = CfnTestKit.VpcCidr("!Ref Block", extra);
        Assert.Equal("10.20.0.0/16", c.Text);
        Assert.Equal(10, c.Location.StartLine); // the CidrBlock value in the resource, not the Default
        Assert.Equal("Resources/V/Properties/CidrBlock", c.Location.LogicalPath);
        Assert.Equal("10.30.0.0/16", CfnTestKit.VpcCidr("!Ref Block", extra, new Dictionary<string, string> { ["Block"] = "10.30.0.0/16" }).Text);
        Assert.True(CfnTestKit.VpcCidr("!Ref Block", "Parameters:\n  Block:\n    Type: String\n").IsUnknown);
    }

    [Fact]
    public void ImportValue_JoinsAcrossTwoTemplates()
    {
        string network = "Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.1.0.0/16\n  Table:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc\nOutputs:\n  TableId:\n    Value: !Ref Table\n    Export:\n      Name: net-table\n  Cidr:\n    Value: !GetAtt Vpc.CidrBlock\n    Export:\n      Name: !Sub 'net-cidr'\n";
        string app = "Resources:\n  Route:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !ImportValue net-table\n      DestinationCidrBlock: 10.2.0.0/16\n      VpcPeeringConnectionId: pcx-1234\n  Other:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !ImportValue net-cidr\n  Ext:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !ImportValue elsewhere\n";
        var load = CfnTestKit.Load(("network.yaml", network), ("app.yaml", app));
        Assert.Empty(load.Problems);
        var table = load.Model.RouteTables.Single(t => t.Id == "Table");
        var route = Assert.Single(table.Routes);
        Assert.Equal("app.yaml", route.Location.Path);
        Assert.Equal("pcx-1234", route.TargetId);
        var other = load.Model.Vpcs.Single(v => v.Id == "Other");
        Assert.Equal("10.1.0.0/16", other.Ipv4Cidrs[0].Text);
        Assert.Equal("app.yaml", other.Ipv4Cidrs[0].Location.Path);
        Assert.True(load.Model.Vpcs.Single(v => v.Id == "Ext").Ipv4Cidrs[0].IsUnknown);
    }

    [Fact]
    public void CircularGetAtt_IsAClearProblem_NotAHang()
    {
        string yaml = "Resources:\n  A:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-1\n      CidrBlock: !GetAtt B.CidrBlock\n  B:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: vpc-1\n      CidrBlock: !GetAtt A.CidrBlock\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        Assert.Contains(load.Problems, p => p.Message.Contains("circular") && p.Location.Path == "t.yaml" && p.Location.StartLine > 0);
        Assert.All(load.Model.Subnets, s => Assert.True(s.Ipv4Cidr!.IsUnknown));
    }

    [Fact]
    public void CircularRefBetweenResources_IsReported()
    {
        string yaml = "Resources:\n  A:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: a\n      VpcId: !Ref B\n  B:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: !Sub '${A}'\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        var p = Assert.Single(load.Problems, p => p.Message.Contains("circular dependency"));
        Assert.Contains("A -> B -> A", p.Message);
    }

    [Fact]
    public void RefToNothing_IsAProblemWithLocation()
    {
        var load = CfnTestKit.Load(("t.yaml", CfnTestKit.VpcTemplate("!Ref Missing")));
        var p = Assert.Single(load.Problems);
        Assert.Contains("'Missing'", p.Message);
        Assert.Equal(6, p.Location.StartLine);
        Assert.Equal(18, p.Location.StartColumn);
    }

    [Fact]
    public void DeepNesting_IsBounded()
    {
        string expr = string.Concat(Enumerable.Repeat("{ \"Fn::Select\": [0, [", 100)) + "\"10.0.0.0/16\"" + string.Concat(Enumerable.Repeat("]] }", 100));
        var load = CfnTestKit.Load(("t.yaml", CfnTestKit.VpcTemplate(expr)));
        Assert.Contains(load.Problems, p => p.Message.Contains("nested deeper"));
    }

    [Fact]
    public void NoValue_RemovesTheProperty()
    {
        string yaml = "Resources:\n  P:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      VpcId: vpc-1\n      PeerVpcId: vpc-2\n      PeerOwnerId: !Ref AWS::NoValue\n";
        var load = CfnTestKit.Load(("t.yaml", yaml));
        Assert.Equal(PeeringStatus.Active, load.Model.PeeringConnections.Single().Status);
    }
}
