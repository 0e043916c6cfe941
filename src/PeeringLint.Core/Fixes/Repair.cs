using PeeringLint.Model;

namespace PeeringLint.Fixes;

/// <summary>
/// One repair a rule decides for a finding: what to change, from which facts, independently of any file format.
/// Front ends render it: text edits per input format (PeeringLint.Parsers' <c>TextFixes</c>), SARIF <c>fixes</c>,
/// <c>lint --fix</c>, the editor's quick fixes, the Roslyn code fixes (through <see cref="RepairProperties"/>), and
/// an AWS CLI command for what a describe-* export shows (<see cref="RepairCommands"/>).
/// </summary>
public abstract record Repair
{
    private protected Repair()
    {
    }

    /// <summary>What the repair does, in a few words ("Add the return route 10.2.0.0/20 to 'rtb-1'").</summary>
    public abstract string Title { get; }
}

/// <summary>
/// PL1002: replace the destination of a route (written at <see cref="Destination"/>) with <see cref="NewDestination"/>.
/// </summary>
/// <param name="RouteTableId">The route's table (model id).</param>
/// <param name="OldDestination">The destination as the rule read it; a renderer edits only text that still says this.</param>
/// <param name="Target">The route's target id (the peering connection), for the AWS CLI command.</param>
public sealed record ReplaceRouteDestination(string RouteTableId, SourceLocation Destination, string OldDestination, string NewDestination, string? Target) : Repair
{
    public override string Title => $"Route to the peer VPC's CIDR {NewDestination}";
}

/// <summary>
/// PL2001: add a route for <see cref="DestinationCidr"/> over the peering connection <see cref="PeeringConnectionId"/>
/// to the route table <see cref="RouteTableId"/>, placed beside the forward route at <see cref="Beside"/> when that is in
/// the table's file.
/// </summary>
public sealed record AddRoute(
    string RouteTableId,
    SourceLocation RouteTable,
    string DestinationCidr,
    string PeeringConnectionId,
    SourceLocation PeeringConnection,
    SourceLocation Beside) : Repair
{
    public override string Title => $"Add the return route {DestinationCidr} over '{PeeringConnectionId}' to route table '{RouteTableId}'";
}

/// <summary>
/// A rule added to the security group <see cref="SecurityGroupId"/> for <see cref="Protocol"/> (<c>icmp</c>: every ICMP
/// type, <see cref="FromPort"/> and <see cref="ToPort"/> -1) and the block <see cref="Cidr"/>: inbound from it
/// (<see cref="AddIngressRule"/>) or outbound to it (<see cref="AddEgressRule"/>).
/// </summary>
public abstract record SecurityGroupRuleRepair(
    string SecurityGroupId,
    SourceLocation SecurityGroup,
    string Protocol,
    int FromPort,
    int ToPort,
    string Cidr,
    string Description) : Repair
{
    private protected string RuleTitle(string peer, string where)
    {
        string what = Protocol == "icmp" ? "ICMP" : FromPort == ToPort ? $"{Protocol} {FromPort}" : $"{Protocol} {FromPort}-{ToPort}";
        return $"Allow {what} {peer} {Cidr} in {where}security group '{SecurityGroupId}'";
    }
}

/// <summary>PL4002, PL9001: add an inbound rule admitting the traffic from <see cref="SecurityGroupRuleRepair.Cidr"/>.</summary>
public sealed record AddIngressRule(
    string SecurityGroupId,
    SourceLocation SecurityGroup,
    string Protocol,
    int FromPort,
    int ToPort,
    string Cidr,
    string Description) : SecurityGroupRuleRepair(SecurityGroupId, SecurityGroup, Protocol, FromPort, ToPort, Cidr, Description)
{
    public override string Title => RuleTitle("from", string.Empty);
}

/// <summary>PL9001: add an outbound rule letting the traffic out to <see cref="SecurityGroupRuleRepair.Cidr"/>.</summary>
public sealed record AddEgressRule(
    string SecurityGroupId,
    SourceLocation SecurityGroup,
    string Protocol,
    int FromPort,
    int ToPort,
    string Cidr,
    string Description) : SecurityGroupRuleRepair(SecurityGroupId, SecurityGroup, Protocol, FromPort, ToPort, Cidr, Description)
{
    public override string Title => RuleTitle("to", "the outbound rules of ");
}

/// <summary>
/// PL2003: accept the peering connection <see cref="PeeringConnectionId"/>, pending acceptance, whose two VPCs are both
/// in the input and in one account (the accepter's owner is the one running the input). Its status is written at
/// <see cref="Status"/> in formats that record it (the tutorial YAML).
/// </summary>
public sealed record AcceptPeering(string PeeringConnectionId, SourceLocation Status) : Repair
{
    public override string Title => $"Accept peering connection '{PeeringConnectionId}'";
}

/// <summary>
/// PL3001: give the instance <see cref="InstanceId"/> (written at <see cref="Instance"/>) a public IPv4 address from
/// Amazon's pool at launch: the tutorial YAML's <c>public_ip: auto</c>, a CloudFormation primary network interface
/// with <c>AssociatePublicIpAddress: true</c>. A running instance (an AWS export) has no such switch: an Elastic IP
/// has to be allocated and chosen, so there is no command.
/// </summary>
public sealed record AssignPublicIp(string InstanceId, SourceLocation Instance) : Repair
{
    public override string Title => $"Assign a public IPv4 address to instance '{InstanceId}' at launch";
}
