namespace PeeringLint.Analyzers.Tests;

/// <summary>The NextWork tutorial topology as CDK code, with slots for the routes and groups under test.</summary>
internal static class CdkTopologies
{
    public const string TwoVpcs =
        "        var vpc1 = new CfnVPC(this, \"NextWork-1-vpc\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
        "        var vpc2 = new CfnVPC(this, \"NextWork-2-vpc\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
        "        var rtb1 = new CfnRouteTable(this, \"NextWork-1-rtb-public\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n" +
        "        var rtb2 = new CfnRouteTable(this, \"NextWork-2-rtb-public\", new CfnRouteTableProps { VpcId = vpc2.AttrVpcId });\n" +
        "        var peering = new CfnVPCPeeringConnection(this, \"VPC 1 <> VPC 2\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });\n";

    /// <summary>
    /// The tutorial with L2 constructs: two VPCs with one public /24 subnet each (the CDK creates the subnets,
    /// their route tables and the internet gateways), the peering, and routes both ways through the subnets'
    /// tables, one by index and one in a foreach.
    /// </summary>
    public const string L2Vpcs =
        "        var vpc1 = new Vpc(this, \"NextWork-1\", new VpcProps\n" +
        "        {\n" +
        "            IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\"),\n" +
        "            MaxAzs = 1,\n" +
        "            SubnetConfiguration = new[] { new SubnetConfiguration { Name = \"Public\", SubnetType = SubnetType.PUBLIC, CidrMask = 24 } },\n" +
        "        });\n" +
        "        var vpc2 = new Vpc(this, \"NextWork-2\", new VpcProps\n" +
        "        {\n" +
        "            IpAddresses = IpAddresses.Cidr(\"10.2.0.0/16\"),\n" +
        "            MaxAzs = 1,\n" +
        "            SubnetConfiguration = new[] { new SubnetConfiguration { Name = \"Public\", SubnetType = SubnetType.PUBLIC, CidrMask = 24 } },\n" +
        "        });\n";

    public const string L2PeeringMarked = "        var peering = [|new CfnVPCPeeringConnection(this, \"VPC 1 <> VPC 2\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.VpcId, PeerVpcId = vpc2.VpcId })|];\n";

    public const string L2Routes =
        "        new CfnRoute(this, \"Vpc1ToVpc2\", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = \"10.2.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
        "        foreach (var subnet in vpc2.PublicSubnets)\n" +
        "        {\n" +
        "            new CfnRoute(this, \"Vpc2ToVpc1\" + subnet.Node.Id, new CfnRouteProps { RouteTableId = subnet.RouteTable.RouteTableId, DestinationCidrBlock = \"10.1.0.0/16\", VpcPeeringConnectionId = peering.Ref });\n" +
        "        }\n";

    /// <summary>Instance 1 in VPC 1, whose group admits ICMP from VPC 2.</summary>
    public const string L2Instance1 =
        "        var sg1 = new SecurityGroup(this, \"Sg1\", new SecurityGroupProps { Vpc = vpc1 });\n" +
        "        sg1.AddIngressRule(Peer.Ipv4(\"10.2.0.0/16\"), Port.AllIcmp());\n" +
        "        new Instance_(this, \"Instance1\", new InstanceProps { Vpc = vpc1, SecurityGroup = sg1, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType(\"t2.micro\"), MachineImage = MachineImage.LatestAmazonLinux2() });\n";

    public static string L2Instance2(string group = "sg2") =>
        "        new Instance_(this, \"Instance2\", new InstanceProps { Vpc = vpc2, SecurityGroup = " + group + ", VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType(\"t2.micro\"), MachineImage = MachineImage.LatestAmazonLinux2() });\n";
}
