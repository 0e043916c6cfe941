namespace PeeringLint.Tests.Rules.Routing;

/// <summary>
/// A CloudFormation hub and two spokes: VPC A 10.1.0.0/16 and VPC B 10.2.0.0/16, each with one subnet and its own
/// table, attached to transit gateway Hub (defaults disabled) whose table HubTable both attachments are associated
/// with and propagate to; each VPC routes the other's block to Hub. Parts are replaced by text (markup allowed).
/// </summary>
internal sealed class TgwTemplate
{
    public string RouteToB { get; set; } = "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.2.0.0/16, TransitGatewayId: !Ref Hub }";

    public string RouteToA { get; set; } = "{ RouteTableId: !Ref TableB, DestinationCidrBlock: 10.1.0.0/16, TransitGatewayId: !Ref Hub }";

    public string HubProperties { get; set; } = "{ DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable }";

    /// <summary>Association and propagation resources (and any extra resources), indented two spaces.</summary>
    public string Links { get; set; } = AllLinks;

    public const string AllLinks = """
          AssociateA:
            Type: AWS::EC2::TransitGatewayRouteTableAssociation
            Properties: { TransitGatewayRouteTableId: !Ref HubTable, TransitGatewayAttachmentId: !Ref AttachA }
          AssociateB:
            Type: AWS::EC2::TransitGatewayRouteTableAssociation
            Properties: { TransitGatewayRouteTableId: !Ref HubTable, TransitGatewayAttachmentId: !Ref AttachB }
          PropagateA:
            Type: AWS::EC2::TransitGatewayRouteTablePropagation
            Properties: { TransitGatewayRouteTableId: !Ref HubTable, TransitGatewayAttachmentId: !Ref AttachA }
          PropagateB:
            Type: AWS::EC2::TransitGatewayRouteTablePropagation
            Properties: { TransitGatewayRouteTableId: !Ref HubTable, TransitGatewayAttachmentId: !Ref AttachB }
        """;

    public string Text() => $$"""
        Resources:
          VpcA:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.1.0.0/16 }
          SubnetA:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref VpcA, CidrBlock: 10.1.1.0/24 }
          TableA:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref VpcA }
          SubnetATable:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: { SubnetId: !Ref SubnetA, RouteTableId: !Ref TableA }
          RouteToB:
            Type: AWS::EC2::Route
            Properties: {{RouteToB}}
          VpcB:
            Type: AWS::EC2::VPC
            Properties: { CidrBlock: 10.2.0.0/16 }
          SubnetB:
            Type: AWS::EC2::Subnet
            Properties: { VpcId: !Ref VpcB, CidrBlock: 10.2.1.0/24 }
          TableB:
            Type: AWS::EC2::RouteTable
            Properties: { VpcId: !Ref VpcB }
          SubnetBTable:
            Type: AWS::EC2::SubnetRouteTableAssociation
            Properties: { SubnetId: !Ref SubnetB, RouteTableId: !Ref TableB }
          RouteToA:
            Type: AWS::EC2::Route
            Properties: {{RouteToA}}
          Hub:
            Type: AWS::EC2::TransitGateway
            Properties: {{HubProperties}}
          HubTable:
            Type: AWS::EC2::TransitGatewayRouteTable
            Properties: { TransitGatewayId: !Ref Hub }
          AttachA:
            Type: AWS::EC2::TransitGatewayVpcAttachment
            Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref VpcA, SubnetIds: [!Ref SubnetA] }
          AttachB:
            Type: AWS::EC2::TransitGatewayVpcAttachment
            Properties: { TransitGatewayId: !Ref Hub, VpcId: !Ref VpcB, SubnetIds: [!Ref SubnetB] }
        {{Links}}
        """;

    /// <summary><see cref="AllLinks"/> without the resource named <paramref name="name"/>.</summary>
    public static string LinksWithout(string name)
    {
        var lines = AllLinks.Split('\n');
        var kept = new System.Collections.Generic.List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() == name + ":")
            {
                i += 2;
                continue;
            }

            kept.Add(lines[i]);
        }

        return string.Join("\n", kept);
    }
}
