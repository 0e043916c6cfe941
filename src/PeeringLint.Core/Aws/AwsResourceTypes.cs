namespace PeeringLint.Aws;

/// <summary>
/// CloudFormation type names: the one vocabulary in which front ends tell the layer what a reference points at
/// (the CDK analyzer maps its construct classes to these; the describe-* reader has ids, not types).
/// </summary>
public static class AwsResourceTypes
{
    public const string Vpc = "AWS::EC2::VPC";
    public const string Subnet = "AWS::EC2::Subnet";
    public const string RouteTable = "AWS::EC2::RouteTable";
    public const string InternetGateway = "AWS::EC2::InternetGateway";
    public const string EgressOnlyInternetGateway = "AWS::EC2::EgressOnlyInternetGateway";
    public const string VpnGateway = "AWS::EC2::VPNGateway";
    public const string VpcEndpoint = "AWS::EC2::VPCEndpoint";
    public const string NatGateway = "AWS::EC2::NatGateway";
    public const string TransitGateway = "AWS::EC2::TransitGateway";
    public const string CarrierGateway = "AWS::EC2::CarrierGateway";
    public const string VpcPeeringConnection = "AWS::EC2::VPCPeeringConnection";
    public const string SecurityGroup = "AWS::EC2::SecurityGroup";
    public const string NetworkAcl = "AWS::EC2::NetworkAcl";
    public const string NetworkInterface = "AWS::EC2::NetworkInterface";
    public const string Instance = "AWS::EC2::Instance";
    public const string Eip = "AWS::EC2::EIP";
}
