namespace PeeringLint.Analyzers.Tests;

/// <summary>The NextWork tutorial topology as L1 CDK code, with slots for the routes under test.</summary>
internal static class CdkTopologies
{
    public const string TwoVpcs =
        "        var vpc1 = new CfnVPC(this, \"NextWork-1-vpc\", new CfnVPCProps { CidrBlock = \"10.1.0.0/16\" });\n" +
        "        var vpc2 = new CfnVPC(this, \"NextWork-2-vpc\", new CfnVPCProps { CidrBlock = \"10.2.0.0/16\" });\n" +
        "        var rtb1 = new CfnRouteTable(this, \"NextWork-1-rtb-public\", new CfnRouteTableProps { VpcId = vpc1.Ref });\n" +
        "        var rtb2 = new CfnRouteTable(this, \"NextWork-2-rtb-public\", new CfnRouteTableProps { VpcId = vpc2.AttrVpcId });\n" +
        "        var peering = new CfnVPCPeeringConnection(this, \"VPC 1 <> VPC 2\", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });\n";
}
