using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace CdkPeering;

/// <summary>The NextWork VPC peering tutorial as a CDK app, with the mistakes a learner makes on the way.</summary>
public static class Program
{
    public static void Main()
    {
        var app = new App();
        _ = new PeeringStack(app, "NextWorkPeering");
        app.Synth();
    }
}

public sealed class PeeringStack : Stack
{
    private const string Vpc1Cidr = "10.1.0.0/16";
    private const string Vpc2Cidr = "10.2.0.0/16";

    public PeeringStack(Construct scope, string id)
        : base(scope, id)
    {
        var vpc1 = new CfnVPC(this, "NextWork-1-vpc", new CfnVPCProps { CidrBlock = Vpc1Cidr });
        var vpc2 = new CfnVPC(this, "NextWork-2-vpc", new CfnVPCProps { CidrBlock = Vpc2Cidr });

        var subnet1 = new CfnSubnet(this, "NextWork-1-subnet-public1", new CfnSubnetProps { VpcId = vpc1.Ref, CidrBlock = "10.1.0.0/24" });
        var subnet2 = new CfnSubnet(this, "NextWork-2-subnet-public1", new CfnSubnetProps { VpcId = vpc2.Ref, CidrBlock = "10.2.0.0/24" });

        var rtb1 = new CfnRouteTable(this, "NextWork-1-rtb-public", new CfnRouteTableProps { VpcId = vpc1.Ref });
        var rtb2 = new CfnRouteTable(this, "NextWork-2-rtb-public", new CfnRouteTableProps { VpcId = vpc2.Ref });
        new CfnSubnetRouteTableAssociation(this, "Rtb1Assoc", new CfnSubnetRouteTableAssociationProps { RouteTableId = rtb1.Ref, SubnetId = subnet1.Ref });
        new CfnSubnetRouteTableAssociation(this, "Rtb2Assoc", new CfnSubnetRouteTableAssociationProps { RouteTableId = rtb2.Ref, SubnetId = subnet2.Ref });

        var igw1 = new CfnInternetGateway(this, "NextWork-1-igw");
        new CfnVPCGatewayAttachment(this, "Igw1Attach", new CfnVPCGatewayAttachmentProps { VpcId = vpc1.Ref, InternetGatewayId = igw1.Ref });
        new CfnRoute(this, "Rtb1Default", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw1.Ref });
        var igw2 = new CfnInternetGateway(this, "NextWork-2-igw");
        new CfnVPCGatewayAttachment(this, "Igw2Attach", new CfnVPCGatewayAttachmentProps { VpcId = vpc2.Ref, InternetGatewayId = igw2.Ref });
        new CfnRoute(this, "Rtb2Default", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = "0.0.0.0/0", GatewayId = igw2.Ref });

        var peering = new CfnVPCPeeringConnection(this, "VPC 1 <> VPC 2", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });

        // Step 3 typo: VPC 1's own CIDR instead of VPC 2's (PL1002).
        new CfnRoute(this, "Rtb1ToVpc2", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = peering.Ref });

        // VPC 2 routes to VPC 1, but nothing routes back (PL2001).
        new CfnRoute(this, "Rtb2ToVpc1", new CfnRouteProps { RouteTableId = rtb2.Ref, DestinationCidrBlock = Vpc1Cidr, VpcPeeringConnectionId = peering.Ref });

        // A third VPC (L2) whose CIDR overlaps VPC 1: the peering cannot be created (PL1001).
        var vpc3 = new Vpc(this, "NextWork-3-vpc", new VpcProps { IpAddresses = IpAddresses.Cidr("10.1.128.0/17"), MaxAzs = 1 });
        new CfnVPCPeeringConnection(this, "VPC 1 <> VPC 3", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc3.VpcId });

        // Step 7: ICMP from VPC 1 to instances in VPC 2 (the tutorial opens it in the console).
        var sg2 = new SecurityGroup(this, "Vpc3Sg", new SecurityGroupProps { Vpc = vpc3 });
        sg2.AddIngressRule(Peer.Ipv4(Vpc1Cidr), Port.AllIcmp(), "ping from VPC 1");
    }
}
