using PeeringLint.Model;

namespace PeeringLint.Aws;

/// <summary>
/// What AWS creates or adds without being asked, which a template or CDK code cannot name: every front end that
/// reads source (CloudFormation, CDK) adds these the same way, so the model means what AWS deploys.
/// </summary>
public static class AwsDefaults
{
    /// <summary>
    /// The main route table AWS creates with every VPC: only the local routes, and the table of every subnet without an
    /// explicit association. Its id is the front end's (it has no name in the source).
    /// </summary>
    public static RouteTable MainRouteTable(string id, SourceLocation vpcLocation, string vpcId, string vpcName) =>
        new(id, vpcLocation, vpcId)
        {
            Name = vpcName + " main route table",
            IsMain = true,
            IsImplicit = true,
        };

    /// <summary>The egress rule AWS adds to a security group that declares none: all traffic to 0.0.0.0/0.</summary>
    public static SecurityGroupRule DefaultEgressRule(SourceLocation groupLocation) =>
        new(groupLocation, RuleDirection.Egress, -1, null, null, SgPeerKind.Cidr)
        {
            Cidr = CidrValue.Parse("0.0.0.0/0", groupLocation),
            Description = "default egress rule (AWS adds it when a group declares no egress rules)",
        };
}
