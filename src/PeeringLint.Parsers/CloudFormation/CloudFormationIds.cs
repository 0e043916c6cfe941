namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Ids PeeringLint gives to what AWS creates implicitly for a template VPC.</summary>
internal static class CloudFormationIds
{
    public static string MainRouteTable(string vpcId) => vpcId + ".MainRouteTable";

    public static string DefaultSecurityGroup(string vpcId) => vpcId + ".DefaultSecurityGroup";
}
