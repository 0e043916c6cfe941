using System;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The exact hops of paths over transit gateways (<see cref="TgwModel"/>): entering a gateway (attachment, state,
/// availability zone), the TGW route tables (association, longest match, blackholes, unknown parts, peering
/// attachments, the edge of the model), inspection VPCs and appliance mode, and the replies' way back. Each scenario
/// decides between the alternatives of one condition of <c>PathWalker.TransitGateway</c> (mutation testing, issue 22;
/// docs/quality.md), so the whole text is compared.
/// </summary>
public sealed class TransitGatewayDecisionTests
{
    /// <summary>The base scenario's first hops: 'sa' in 'vpc-a' leaves by its route to 'tgw-1' and enters the gateway over 'att-a'.</summary>
    private static readonly string[] EnterTgwFromA =
    [
        "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
        "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
        "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
    ];

    /// <summary>The forward hops of the base scenario: 'sa' in 'vpc-a' to 'sb' in 'vpc-b' through 'tgw-1', every hop allowed.</summary>
    private static readonly string[] ForwardAToB =
    [
        .. EnterTgwFromA,
        "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
        "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
    ];

    private static void Same(string[] expected, string[] actual) => Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    private static TransitGatewayRoute[] None => Array.Empty<TransitGatewayRoute>();

    [Fact]
    public void Baseline_propagated_routes_carry_both_ways()
    {
        var m = new TgwModel();
        Same(
            [
                "Reachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    private static TgwModel Routes(Action<TgwModel> change)
    {
        var m = new TgwModel();
        change(m);
        return m;
    }

    // Entering the gateway.

    [Fact]
    public void A_route_to_a_transit_gateway_without_an_id_is_unknown()
    {
        var m = Routes(m => m.RoutesA[1] = m.N.Route("10.2.0.0/16", RouteTargetKind.TransitGateway, null));
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Unknown UNKNOWN_VALUE @route 10.2.0.0/16: route 10.2.0.0/16 → <unknown TransitGateway> in route table 'rtb-a' names an unknown transit gateway",
            }, m.Hops());
    }

    [Fact]
    public void No_attachment_to_the_routed_gateway_blocks_when_attachments_are_listed()
    {
        var m = Routes(m => m.RoutesA[1] = m.N.Route("10.2.0.0/16", RouteTargetKind.TransitGateway, "tgw-9"));
        Same(
            new[]
            {
                "NotReachable",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-9 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment tgw-9 Blocked TGW_ATTACH_NOT_FOUND @none: 'vpc-a' has no attachment to transit gateway 'tgw-9': the transit gateway cannot carry its traffic | fix: attach 'vpc-a' to 'tgw-9' (a transit gateway VPC attachment with a subnet in each availability zone)",
            }, m.Hops());
    }

    [Fact]
    public void No_attachment_to_the_routed_gateway_is_unknown_when_attachments_are_not_listed()
    {
        var m = Routes(m =>
        {
            m.RoutesA[1] = m.N.Route("10.2.0.0/16", RouteTargetKind.TransitGateway, "tgw-9");
            m.Coverage &= ~ResourceKinds.TransitGatewayAttachments;
        });
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-9 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment tgw-9 Unknown UNKNOWN_VALUE @none: the input holds no attachment of 'vpc-a' to transit gateway 'tgw-9' (add describe-transit-gateway-attachments and -vpc-attachments output)",
            }, m.Hops());
    }

    [Fact]
    public void A_pending_attachment_blocks_and_says_accept_it()
    {
        var m = Routes(m => m.AttA = m.AttA with { State = "pendingAcceptance" });
        Same(
            new[]
            {
                "NotReachable",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Blocked BAD_STATE_ATTACHMENT @att-a: transit gateway attachment 'att-a' of 'vpc-a' is pendingAcceptance, not available: it carries no traffic | fix: accept the attachment in the transit gateway's account",
            }, m.Hops());
    }

    [Fact]
    public void A_deleted_attachment_blocks_and_says_create_it_again()
    {
        var m = Routes(m => m.AttA = m.AttA with { State = "deleted" });
        Same(
            new[]
            {
                "NotReachable",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Blocked BAD_STATE_ATTACHMENT @att-a: transit gateway attachment 'att-a' of 'vpc-a' is deleted, not available: it carries no traffic | fix: create the attachment again",
            }, m.Hops());
    }

    [Fact]
    public void Attachment_subnets_not_listed_make_the_zone_unknown_and_the_walk_goes_on()
    {
        var m = Routes(m => m.AttA = m.AttA with { SubnetsKnown = false });
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Unknown UNKNOWN_VALUE @att-a: whether transit gateway attachment 'att-a' has a subnet in us-east-1a is not known (the input does not list the attachment's subnets)",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            }, m.Hops());
    }

    [Fact]
    public void A_source_subnet_without_a_zone_makes_the_entry_unknown()
    {
        var m = Routes(m => m.Subnets[0] = m.Subnets[0] with { AvailabilityZone = null });
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Unknown UNKNOWN_VALUE @att-a: whether transit gateway attachment 'att-a' has a subnet in the availability zone of 'sa' is not known (the input does not list that zone)",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            }, m.Hops());
    }

    [Fact]
    public void An_attachment_subnet_missing_from_the_input_does_not_hide_a_later_one_in_the_zone()
    {
        var m = Routes(m => m.AttA = m.AttA with { SubnetIds = new[] { "subnet-gone", "sa" } });
        Same(
            [
                "Reachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void An_attachment_subnet_whose_zone_is_unknown_makes_the_entry_unknown()
    {
        var m = Routes(m =>
        {
            m.Subnets.Add(m.Subnet("sa-nozone", "vpc-a", "10.1.3.0/24", null));
            m.Subnets.Add(m.Subnet("sa-1b", "vpc-a", "10.1.4.0/24", "us-east-1b"));
            m.AttA = m.AttA with { SubnetIds = new[] { "sa-nozone", "sa-1b" } };
        });
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Unknown UNKNOWN_VALUE @att-a: transit gateway attachment 'att-a' uses subnet 'sa-nozone', whose availability zone is not in the input; whether it serves us-east-1a is unknown",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            }, m.Hops());
    }

    [Fact]
    public void An_attachment_without_a_subnet_in_the_source_zone_blocks()
    {
        var m = Routes(m =>
        {
            m.Subnets.Add(m.Subnet("sa-1b", "vpc-a", "10.1.4.0/24", "us-east-1b"));
            m.AttA = m.AttA with { SubnetIds = new[] { "sa-1b" } };
        });
        Same(
            new[]
            {
                "NotReachable",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Blocked TGW_ROUTE_AZ_RESTRICTION @att-a: transit gateway attachment 'att-a' has no subnet in us-east-1a, where 'sa' is: the transit gateway does not take traffic from that zone | fix: add a subnet in us-east-1a to attachment 'att-a'",
            }, m.Hops());
    }

    // The gateway's route tables.

    [Fact]
    public void An_attachment_proved_unassociated_blocks()
    {
        var m = Routes(m =>
        {
            m.AttA = m.AttA with { AssociationKnown = true, AssociationLocation = m.N.Loc("att-a association") };
            m.Table1 = m.Table1 with { Associations = m.Table1.Associations.Where(l => l.AttachmentId != "att-a").ToArray() };
        });
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable att-a Blocked TGW_ATTACH_MISSING_TGW_RTB_ASSOCIATION @att-a association: transit gateway attachment 'att-a' is not associated with a route table of 'tgw-1', so the transit gateway drops what arrives over it | fix: associate attachment 'att-a' with a route table of 'tgw-1'",
            ], m.Hops());
    }

    [Fact]
    public void An_association_with_a_table_not_in_the_input_is_unknown()
    {
        var m = Routes(m =>
        {
            m.AttA = m.AttA with { AssociatedRouteTableId = "tgw-rtb-9", AssociationKnown = true, AssociationLocation = m.N.Loc("att-a association") };
            m.Table1 = m.Table1 with { Associations = m.Table1.Associations.Where(l => l.AttachmentId != "att-a").ToArray() };
        });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-9 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @att-a association: attachment 'att-a' is associated with TGW route table 'tgw-rtb-9', which is not in the input",
            ], m.Hops());
    }

    [Fact]
    public void An_association_the_input_does_not_give_is_unknown()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { Associations = m.Table1.Associations.Where(l => l.AttachmentId != "att-a").ToArray() });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable att-a Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @att-a: which TGW route table attachment 'att-a' is associated with is not in the input",
            ], m.Hops());
    }

    [Fact]
    public void A_proved_miss_blocks_the_request()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { Propagations = m.Table1.Propagations.Where(l => l.AttachmentId != "att-b").ToArray() });
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_CANNOT_ROUTE @tgw-rtb-1: TGW route table 'tgw-rtb-1' (associated with attachment 'att-a') has no route that matches 10.2.1.10 | fix: add a route for 10.2.1.10/32 to TGW route table 'tgw-rtb-1', or propagate the attachment of 'vpc-b' to it",
            ], m.Hops());
    }

    [Fact]
    public void A_proved_miss_blocks_the_replies()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { Propagations = m.Table1.Propagations.Where(l => l.AttachmentId != "att-a").ToArray() });
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT @tgw-rtb-1: TGW route table 'tgw-rtb-1' (associated with attachment 'att-b') has no route that matches 10.1.1.10; replies cannot get back | fix: add a route for 10.1.1.10/32 to TGW route table 'tgw-rtb-1', or propagate the attachment of 'vpc-a' to it",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void A_miss_in_a_table_whose_routes_are_not_listed_is_unknown()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { RoutesKnown = false, Propagations = m.Table1.Propagations.Where(l => l.AttachmentId != "att-b").ToArray() });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 10.2.1.10, and the input does not show all its routes (its static routes: search-transit-gateway-routes)",
            ], m.Hops());
    }

    [Fact]
    public void A_miss_in_a_table_with_more_routes_available_is_unknown()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { RoutesIncomplete = true, Propagations = m.Table1.Propagations.Where(l => l.AttachmentId != "att-b").ToArray() });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 10.2.1.10, and the input does not show all its routes (the route listing says more routes are available)",
            ], m.Hops());
    }

    [Fact]
    public void A_miss_in_a_table_whose_routes_and_propagations_are_not_listed_names_both()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { RoutesKnown = false, PropagationsKnown = false, Propagations = Array.Empty<TransitGatewayTableLink>() });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 10.2.1.10, and the input does not show all its routes (its static routes: search-transit-gateway-routes; its propagations: get-transit-gateway-route-table-propagations)",
            ], m.Hops());
    }

    [Fact]
    public void A_miss_in_a_table_whose_propagations_are_not_listed_names_them()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { PropagationsKnown = false, Propagations = Array.Empty<TransitGatewayTableLink>() });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 10.2.1.10, and the input does not show all its routes (its propagations: get-transit-gateway-route-table-propagations)",
            ], m.Hops());
    }

    [Fact]
    public void Listed_propagated_routes_need_no_propagation_listing()
    {
        var m = Routes(m => m.Table1 = m.Table1 with
        {
            PropagatedRoutesListed = true,
            PropagationsKnown = false,
            RoutesIncomplete = true,
            Propagations = Array.Empty<TransitGatewayTableLink>(),
        });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 10.2.1.10, and the input does not show all its routes (the route listing says more routes are available)",
            ], m.Hops());
    }

    [Fact]
    public void A_miss_next_to_a_propagation_from_outside_the_input_is_unknown()
    {
        var m = Routes(m => m.Table1 = m.Table1 with
        {
            Propagations = new[] { new TransitGatewayTableLink("att-a", m.N.Loc("prop a")), new TransitGatewayTableLink("att-gone", m.N.Loc("prop gone")) },
        });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 10.2.1.10, and the input does not show all its routes (a propagation from a VPN, Direct Connect or a VPC outside the input)",
            ], m.Hops());
    }

    [Fact]
    public void A_match_in_a_table_with_unlisted_routes_is_unknown_with_a_caveat()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { RoutesIncomplete = true });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'; a more specific route may exist that the input does not show (the route listing says more routes are available)",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'; a more specific route may exist that the input does not show (the route listing says more routes are available)",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void A_match_next_to_vpn_propagation_stands_with_a_caveat_and_a_miss_is_unknown()
    {
        var m = Routes(m =>
        {
            m.Extra.Add(new TransitGatewayAttachment("att-vpn", m.N.Loc("att-vpn"), "tgw-1") { Kind = TransitGatewayAttachmentKind.Vpn, ResourceId = "vpn-1", State = "available" });
            m.Table1 = m.Table1 with { Propagations = m.Table1.Propagations.Append(new TransitGatewayTableLink("att-vpn", m.N.Loc("prop vpn"))).ToArray() };
            m.RoutesA.Add(m.N.Route("0.0.0.0/0", RouteTargetKind.TransitGateway, "tgw-1"));
        });
        Same(
            [
                "Reachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b' (routes learned over VPN or Direct Connect are not in the input; they would have to be more specific to win)",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a' (routes learned over VPN or Direct Connect are not in the input; they would have to be more specific to win)",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-a' matches 172.16.0.1",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1: TGW route table 'tgw-rtb-1' has no listed route that matches 172.16.0.1, and the input does not show all its routes (a propagation from a VPN, Direct Connect or a VPC outside the input)",
            }, m.Hops(to: "172.16.0.1"));
    }

    [Fact]
    public void An_active_static_route_without_an_attachment_is_unknown()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("10.2.1.0/24") } });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown UNKNOWN_VALUE @tgw route 10.2.1.0/24: 10.2.1.10 matches TGW route 10.2.1.0/24 (static) in TGW route table 'tgw-rtb-1', whose attachment the input does not show",
            ], m.Hops());
    }

    [Fact]
    public void A_static_blackhole_blocks()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { Routes = new[] { m.Blackhole("10.2.1.0/24") } });
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_BAD_STATE_ROUTE @tgw blackhole 10.2.1.0/24: 10.2.1.10 matches TGW route 10.2.1.0/24 (static) in TGW route table 'tgw-rtb-1', which is a blackhole: the transit gateway drops the traffic | fix: replace the blackhole route with one to the attachment of 'vpc-b'",
            ], m.Hops());
    }

    [Fact]
    public void A_static_route_to_an_attachment_not_in_the_input_is_unknown()
    {
        var m = Routes(m => m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("10.2.1.0/24", "att-gone") } });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown UNKNOWN_VALUE @tgw route 10.2.1.0/24: TGW route 10.2.1.0/24 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-gone', which is not in the input",
            ], m.Hops());
    }

    [Fact]
    public void A_destination_attachment_that_is_being_deleted_blocks()
    {
        var m = Routes(m => m.AttB = m.AttB with { State = "deleting" });
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward TransitGatewayAttachment att-b Blocked BAD_STATE_ATTACHMENT @att-b: transit gateway attachment 'att-b' is deleting, not available",
            ], m.Hops());
    }

    private static void ThirdVpc(TgwModel m, params Route[] routes)
    {
        m.OtherVpc("vpc-c", "10.3.0.0/16", "sc", "10.3.1.0/24", "us-east-1a", routes);
        m.Extra.Add(m.VpcAttachment("att-c", "tgw-1", "vpc-c", "sc"));
    }

    [Fact]
    public void A_route_to_another_vpc_that_keeps_the_traffic_is_a_misdelivery()
    {
        var m = Routes(m =>
        {
            ThirdVpc(m);
            m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("10.2.1.0/24", "att-c") } };
        });
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_CANNOT_ROUTE @tgw route 10.2.1.0/24: TGW route 10.2.1.0/24 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-c' of 'vpc-c', not to 'vpc-b' | fix: add a more specific route for 10.2.1.10/32 to the attachment of its VPC in TGW route table 'tgw-rtb-1'",
            ], m.Hops());
    }

    [Fact]
    public void A_return_route_to_another_vpc_is_a_misdelivery_of_the_replies()
    {
        var m = Routes(m =>
        {
            ThirdVpc(m);
            m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("10.1.1.0/24", "att-c") } };
        });
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_NO_ROUTE_TO_TGW_ATTACHMENT @tgw route 10.1.1.0/24: TGW route 10.1.1.0/24 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-c' of 'vpc-c', not to 'vpc-a' | fix: add a more specific route for 10.1.1.10/32 to the attachment of its VPC in TGW route table 'tgw-rtb-1'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Theory]
    [InlineData(TransitGatewayAttachmentKind.Vpn, "vpn-1", "VPN attachment 'att-edge' ('vpn-1')")]
    [InlineData(TransitGatewayAttachmentKind.DirectConnectGateway, "dxgw-1", "Direct Connect gateway attachment 'att-edge' ('dxgw-1')")]
    [InlineData(TransitGatewayAttachmentKind.Connect, "tgw-attach-transport", "Connect attachment 'att-edge' ('tgw-attach-transport')")]
    [InlineData(TransitGatewayAttachmentKind.Unknown, null, "an unknown kind of attachment 'att-edge' ('?')")]
    public void A_route_to_an_edge_attachment_leaves_the_model(TransitGatewayAttachmentKind kind, string? resource, string named)
    {
        var m = Routes(m =>
        {
            m.Extra.Add(new TransitGatewayAttachment("att-edge", m.N.Loc("att-edge"), "tgw-1") { Kind = kind, ResourceId = resource, State = "available" });
            m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("10.2.1.0/24", "att-edge") } };
        });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                $"Forward TransitGatewayRouteTable tgw-rtb-1 Unknown PATH_LEAVES_MODEL @tgw route 10.2.1.0/24: TGW route 10.2.1.0/24 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to {named}: the path leaves AWS here and PeeringLint does not follow it",
            ], m.Hops());
    }

    // Transit gateway peering.

    /// <summary>vpc-b is attached to tgw-2 (att-b), which peers with tgw-1 over att-p; each gateway's table sends the far VPC over att-p.</summary>
    private static TgwModel Peered(Action<TgwModel>? change = null, bool tgw2Listed = true, bool tgw2Table = true)
    {
        var m = new TgwModel();
        m.AttB = m.VpcAttachment("att-b", "tgw-2", "vpc-b", "sb");
        m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.TransitGateway, "tgw-2");
        m.Extra.Add(m.PeeringAttachment("att-p", "tgw-1", "tgw-2", "us-west-2"));
        m.Table1 = m.Table("tgw-rtb-1", "tgw-1", new[] { "att-a", "att-p" }, new[] { "att-a" }, m.TgwRoute("10.2.0.0/16", "att-p"));
        if (tgw2Listed)
        {
            m.Gateways.Add(new TransitGateway("tgw-2", m.N.Loc("tgw-2")) { Name = "tgw-2" });
        }

        if (tgw2Table)
        {
            m.Extra.Add(m.Table("tgw-rtb-2", "tgw-2", new[] { "att-b", "att-p" }, new[] { "att-b" }, m.TgwRoute("10.1.0.0/16", "att-p")));
        }

        change?.Invoke(m);
        return m;
    }

    [Fact]
    public void A_peering_attachment_carries_both_ways_between_two_gateways()
    {
        Same(
            [
                "Reachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw-rtb-2 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-2 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-2' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.1.0.0/16: TGW route 10.1.0.0/16 (static) in TGW route table 'tgw-rtb-2' sends 10.1.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Peered().Hops());
    }

    [Fact]
    public void A_peer_gateway_known_only_by_its_tables_is_followed()
    {
        Same(
            [
                "Reachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw-rtb-2 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-2 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-2' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.1.0.0/16: TGW route 10.1.0.0/16 (static) in TGW route table 'tgw-rtb-2' sends 10.1.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Peered(tgw2Listed: false).Hops());
    }

    [Fact]
    public void A_peer_gateway_without_tables_leaves_the_association_unknown()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable att-p Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @att-p: which TGW route table attachment 'att-p' is associated with is not in the input",
            ], Peered(tgw2Table: false).Hops());
    }

    [Fact]
    public void A_disabled_association_of_the_peering_attachment_does_not_count()
    {
        var m = Peered(m =>
        {
            int i = m.Extra.FindIndex(e => e.Id == "tgw-rtb-2");
            var t = (TransitGatewayRouteTable)m.Extra[i];
            m.Extra[i] = t with { Associations = t.Associations.Select(l => l.AttachmentId == "att-p" ? l with { Enabled = false } : l).ToArray() };
        });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable att-p Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @att-p: which TGW route table attachment 'att-p' is associated with is not in the input",
            ], m.Hops());
    }

    [Fact]
    public void A_peer_gateway_not_in_the_input_leaves_the_model_in_its_region()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown PATH_LEAVES_MODEL @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2' in us-west-2, which is not in the input: the path leaves the model here",
            ], Peered(tgw2Listed: false, tgw2Table: false).Hops());
    }

    [Fact]
    public void A_peering_attachment_without_peer_or_region_leaves_the_model()
    {
        var m = Peered(m => m.Extra[0] = m.PeeringAttachment("att-p", "tgw-1", null), tgw2Listed: false, tgw2Table: false);
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown PATH_LEAVES_MODEL @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway '?', which is not in the input: the path leaves the model here",
            ], m.Hops());
    }

    [Fact]
    public void A_peering_attachment_pending_acceptance_blocks()
    {
        var m = Peered(m => m.Extra[0] = ((TransitGatewayAttachment)m.Extra[0]) with { State = "pendingAcceptance" });
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayAttachment att-p Blocked BAD_STATE_ATTACHMENT @att-p: transit gateway peering attachment 'att-p' is pendingAcceptance, not available",
            ], m.Hops());
    }

    [Fact]
    public void Two_gateways_that_send_each_other_the_traffic_stop_after_eight_hops()
    {
        var m = Peered(m =>
        {
            int i = m.Extra.FindIndex(e => e.Id == "tgw-rtb-2");
            m.Extra[i] = m.Table("tgw-rtb-2", "tgw-2", new[] { "att-b", "att-p" }, Array.Empty<string>(), m.TgwRoute("10.0.0.0/8", "att-p"));
        });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.0.0.0/8: TGW route 10.0.0.0/8 (static) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.0.0.0/8: TGW route 10.0.0.0/8 (static) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.0.0.0/8: TGW route 10.0.0.0/8 (static) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.0.0.0/8: TGW route 10.0.0.0/8 (static) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Forward TransitGatewayRouteTable att-p Unknown UNKNOWN_VALUE @att-p: the path crosses more than 8 transit gateways; PeeringLint stops following it",
            ], m.Hops());
    }

    // Destinations outside the VPCs.

    private static TgwModel Internet(params TransitGatewayRoute[] routes) => Routes(m =>
    {
        m.RoutesA.Add(m.N.Route("0.0.0.0/0", RouteTargetKind.TransitGateway, "tgw-1"));
        m.Table1 = m.Table1 with { Routes = routes };
    });

    [Fact]
    public void Internet_traffic_sent_into_a_vpc_is_not_followed()
    {
        var m = Internet();
        m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("0.0.0.0/0", "att-b") } };
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown PATH_LEAVES_MODEL @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 203.0.113.10 into 'vpc-b'; what that VPC does with traffic for the internet is not followed",
            }, m.Hops(to: "203.0.113.10"));
    }

    [Fact]
    public void Internet_traffic_without_a_route_blocks_and_names_no_vpc()
    {
        Same(
            new[]
            {
                "NotReachable",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_CANNOT_ROUTE @tgw-rtb-1: TGW route table 'tgw-rtb-1' (associated with attachment 'att-a') has no route that matches 203.0.113.10 | fix: add a route for 203.0.113.10/32 to TGW route table 'tgw-rtb-1', to the attachment that leads to it",
            }, Internet().Hops(to: "203.0.113.10"));
    }

    [Fact]
    public void Internet_traffic_into_a_blackhole_names_the_address()
    {
        var m = Internet();
        m.Table1 = m.Table1 with { Routes = new[] { m.Blackhole("0.0.0.0/0") } };
        Same(
            new[]
            {
                "NotReachable",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_BAD_STATE_ROUTE @tgw blackhole 0.0.0.0/0: 203.0.113.10 matches TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1', which is a blackhole: the transit gateway drops the traffic | fix: replace the blackhole route with one to the attachment that leads to 203.0.113.10",
            }, m.Hops(to: "203.0.113.10"));
    }

    // The replies' own route.

    [Fact]
    public void Replies_over_an_active_peering_between_the_two_vpcs_come_back()
    {
        var m = Routes(m =>
        {
            m.N.Peering("pcx-ab", "vpc-a", "vpc-b");
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab");
        });
        Same(
            [
                "Reachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b': the active peering connection 'pcx-ab' brings them back (the request went over transit gateway 'tgw-1')",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_over_a_pending_peering_are_sent_the_wrong_way()
    {
        var m = Routes(m =>
        {
            m.N.Peering("pcx-ab", "vpc-a", "vpc-b", PeeringStatus.PendingAcceptance);
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab");
        });
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b' instead of going back over transit gateway 'tgw-1' | fix: add a route 10.1.1.10/32 → tgw-1 to route table 'rtb-b'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_over_a_peering_of_other_vpcs_are_sent_the_wrong_way()
    {
        var m = Routes(m =>
        {
            m.N.Vpc("vpc-c", "10.3.0.0/16");
            m.N.Peering("pcx-bc", "vpc-b", "vpc-c");
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-bc");
        });
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → pcx-bc in route table 'rtb-b' instead of going back over transit gateway 'tgw-1' | fix: add a route 10.1.1.10/32 → tgw-1 to route table 'rtb-b'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_over_a_peering_not_in_the_input_are_sent_the_wrong_way()
    {
        var m = Routes(m => m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-gone"));
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → pcx-gone in route table 'rtb-b' instead of going back over transit gateway 'tgw-1' | fix: add a route 10.1.1.10/32 → tgw-1 to route table 'rtb-b'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_to_a_transit_gateway_without_an_id_are_unknown()
    {
        var m = Routes(m => m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.TransitGateway, null));
        Same(
            [
                "Unknown",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Unknown UNKNOWN_VALUE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → <unknown TransitGateway> in route table 'rtb-b' instead of going back over transit gateway 'tgw-1'",
            ], m.Hops());
    }

    [Fact]
    public void Replies_to_an_unknown_target_are_unknown()
    {
        var m = Routes(m => m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.Unknown, "x-1"));
        Same(
            [
                "Unknown",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Unknown UNKNOWN_VALUE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → x-1 in route table 'rtb-b' instead of going back over transit gateway 'tgw-1'",
            ], m.Hops());
    }

    [Fact]
    public void Replies_to_an_internet_gateway_are_sent_the_wrong_way()
    {
        var m = Routes(m => m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.InternetGateway, "igw-b"));
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → igw-b in route table 'rtb-b' instead of going back over transit gateway 'tgw-1' | fix: add a route 10.1.1.10/32 → tgw-1 to route table 'rtb-b'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_over_another_gateway_are_walked_on_that_gateway()
    {
        var m = Routes(m =>
        {
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.TransitGateway, "tgw-2");
            m.Gateways.Add(new TransitGateway("tgw-2", m.N.Loc("tgw-2")) { Name = "tgw-2" });
            m.Extra.Add(m.VpcAttachment("att-a2", "tgw-2", "vpc-a", "sa"));
            m.Extra.Add(m.VpcAttachment("att-b2", "tgw-2", "vpc-b", "sb"));
            m.Extra.Add(m.Table("tgw-rtb-2", "tgw-2", new[] { "att-b2" }, new[] { "att-a2" }));
        });
        Same(
            [
                "Reachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-2 in route table 'rtb-b' (another transit gateway than the request's transit gateway 'tgw-1': the two directions are routed independently)",
                "Return TransitGatewayAttachment att-b2 Allowed @att-b2: 'vpc-b' enters transit gateway 'tgw-2' over attachment 'att-b2', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw-rtb-2 prop att-a2: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-2' sends 10.1.1.10 to attachment 'att-a2' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_to_a_gateway_the_destination_is_not_attached_to_block()
    {
        var m = Routes(m => m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.TransitGateway, "tgw-2"));
        Same(
            [
                "NotReachable",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-2 in route table 'rtb-b' (another transit gateway than the request's transit gateway 'tgw-1': the two directions are routed independently)",
                "Return TransitGatewayAttachment tgw-2 Blocked TGW_ATTACH_NOT_FOUND @none: 'vpc-b' has no attachment to transit gateway 'tgw-2': the transit gateway cannot carry its traffic | fix: attach 'vpc-b' to 'tgw-2' (a transit gateway VPC attachment with a subnet in each availability zone)",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void Replies_to_a_gateway_whose_attachments_are_not_listed_are_unknown()
    {
        var m = Routes(m =>
        {
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.TransitGateway, "tgw-2");
            m.Coverage &= ~ResourceKinds.TransitGatewayAttachments;
        });
        Same(
            [
                "Unknown",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-2 in route table 'rtb-b' (another transit gateway than the request's transit gateway 'tgw-1': the two directions are routed independently)",
                "Return TransitGatewayAttachment tgw-2 Unknown UNKNOWN_VALUE @none: the input holds no attachment of 'vpc-b' to transit gateway 'tgw-2' (add describe-transit-gateway-attachments and -vpc-attachments output)",
            ], m.Hops());
    }

    // Inspection VPCs.

    /// <summary>
    /// Inspection VPC vpc-i (10.9.0.0/16) attached over att-i with subnets si-b (us-east-1b, table rtb-i-b) and si-a
    /// (us-east-1a, table rtb-i-a), in that order; each table holds the local route and the route <paramref name="zoneA"/>
    /// or <paramref name="zoneB"/> gives (none when it gives null; no table at all when the function is null).
    /// tgw-rtb-1 (att-a, att-b) sends everything to att-i, whose own table tgw-rtb-i has the spokes' propagations.
    /// </summary>
    private static TgwModel Inspected(Func<TgwModel, Route?>? zoneA, Func<TgwModel, Route?>? zoneB, Action<TgwModel>? change = null)
    {
        var m = new TgwModel();
        m.N.Vpc("vpc-i", "10.9.0.0/16");
        m.Subnets.Add(m.Subnet("si-b", "vpc-i", "10.9.2.0/24", "us-east-1b"));
        m.Subnets.Add(m.Subnet("si-a", "vpc-i", "10.9.1.0/24", "us-east-1a"));
        void TableOf(string id, string subnet, Func<TgwModel, Route?>? f)
        {
            if (f is null)
            {
                return;
            }

            var local = m.N.Route("10.9.0.0/16", RouteTargetKind.Local, "local");
            var r = f(m);
            m.N.Table(id, "vpc-i", new[] { subnet }, r is null ? new[] { local } : new[] { local, r });
        }

        TableOf("rtb-i-a", "si-a", zoneA);
        TableOf("rtb-i-b", "si-b", zoneB);
        m.Extra.Add(m.VpcAttachment("att-i", "tgw-1", "vpc-i", "si-b", "si-a"));
        m.Table1 = m.Table("tgw-rtb-1", "tgw-1", new[] { "att-a", "att-b" }, Array.Empty<string>(), m.TgwRoute("0.0.0.0/0", "att-i"));
        m.Extra.Add(m.Table("tgw-rtb-i", "tgw-1", new[] { "att-i" }, new[] { "att-a", "att-b" }));
        change?.Invoke(m);
        return m;
    }

    private static Func<TgwModel, Route?> To(RouteTargetKind kind, string? id, RouteState state = RouteState.Active) => m => m.N.Route("0.0.0.0/0", kind, id, state);

    private static readonly Func<TgwModel, Route?> Eni = To(RouteTargetKind.NetworkInterface, "eni-fw");

    private static readonly Func<TgwModel, Route?> Back = To(RouteTargetKind.TransitGateway, "tgw-1");

    private static readonly Func<TgwModel, Route?> LocalOnly = _ => null;

    private static void SetAttI(TgwModel m, Func<TransitGatewayAttachment, TransitGatewayAttachment> f)
    {
        int i = m.Extra.FindIndex(e => e.Id == "att-i");
        m.Extra[i] = f((TransitGatewayAttachment)m.Extra[i]);
    }

    private static void ZoneOfB(TgwModel m, string? zone) => m.Subnets[1] = m.Subnets[1] with { AvailabilityZone = zone };

    [Fact]
    public void Both_ends_in_one_zone_meet_the_appliance_of_that_zone_first()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Back).Hops());
    }

    [Fact]
    public void Each_direction_uses_the_inspection_subnet_of_its_own_zone()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Return RouteTable rtb-i-b Allowed assumed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.1.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return TransitGatewayAttachment att-i Unknown INSPECTION_ONE_WAY assumed @att-i: only the request passed the appliance of inspection 'vpc-i' (attachment 'att-i'); a stateful appliance that sees one direction of a flow may drop the rest of it",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Back, m => ZoneOfB(m, "us-east-1b")).Hops());
    }

    [Fact]
    public void An_instance_appliance_across_zones_with_appliance_mode_disabled_is_a_risk()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to i-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → i-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to i-fw: an inspection VPC",
                "Return RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → i-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Unknown TGW_APPLIANCE_MODE_ASYMMETRY assumed @att-i: appliance mode is disabled on attachment 'att-i' of inspection 'vpc-i', which has subnets in us-east-1b, us-east-1a; the transit gateway keeps each direction in the availability zone it comes from and the request comes from us-east-1a and the replies from us-east-1b, so the replies may reach another appliance than the request did: a stateful firewall drops replies to a flow it did not see (asymmetric routing) | fix: enable appliance mode on attachment 'att-i' (Options.ApplianceModeSupport: enable)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(To(RouteTargetKind.Instance, "i-fw"), To(RouteTargetKind.Instance, "i-fw"), m => ZoneOfB(m, "us-east-1b")).Hops());
    }

    [Fact]
    public void Appliance_mode_enabled_is_allowed_across_zones()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: appliance mode is enabled on attachment 'att-i': the transit gateway sends the request and its replies to the same appliance in 'vpc-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => { ZoneOfB(m, "us-east-1b"); SetAttI(m, a => a with { ApplianceMode = true }); }).Hops());
    }

    [Fact]
    public void Appliance_mode_not_in_the_input_across_zones_is_unknown()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Unknown UNKNOWN_VALUE assumed @att-i: whether appliance mode is enabled on inspection attachment 'att-i' is not in the input (Options.ApplianceModeSupport of describe-transit-gateway-vpc-attachments); the attachment has subnets in us-east-1b, us-east-1a and the request comes from us-east-1a and the replies from us-east-1b, so without appliance mode the two directions may reach different appliances",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => { ZoneOfB(m, "us-east-1b"); SetAttI(m, a => a with { ApplianceMode = true, ApplianceModeKnown = false }); }).Hops());
    }

    [Fact]
    public void Appliance_mode_not_in_the_input_in_one_zone_is_allowed()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode not in the input; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => SetAttI(m, a => a with { ApplianceModeKnown = false })).Hops());
    }

    [Fact]
    public void A_single_zone_inspection_attachment_serves_both_directions()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => { ZoneOfB(m, "us-east-1b"); SetAttI(m, a => a with { SubnetIds = new[] { "si-a" } }); }).Hops());
    }

    [Fact]
    public void Ends_in_a_zone_the_inspection_attachment_does_not_serve_are_a_risk()
    {
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches 10.2.1.10",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1c",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1c",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Unknown TGW_APPLIANCE_MODE_ASYMMETRY assumed @att-i: appliance mode is disabled on attachment 'att-i' of inspection 'vpc-i', which has subnets in us-east-1b, us-east-1a; the transit gateway keeps each direction in the availability zone it comes from and the request comes from us-east-1c and the replies from us-east-1c, so the replies may reach another appliance than the request did: a stateful firewall drops replies to a flow it did not see (asymmetric routing) | fix: enable appliance mode on attachment 'att-i' (Options.ApplianceModeSupport: enable)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            }, Inspected(Eni, Eni, m =>
        {
            m.Subnets[0] = m.Subnets[0] with { AvailabilityZone = "us-east-1c" };
            ZoneOfB(m, "us-east-1c");
            m.AttA = m.AttA with { SubnetIds = new[] { "sa" } };
        }).Hops());
    }

    [Fact]
    public void An_inspection_subnet_of_unknown_zone_does_not_matter_when_both_ends_are_in_a_served_zone()
    {
        // One subnet per zone: both directions enter over si-a, whatever zone si-gone is in.
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => SetAttI(m, a => a with { SubnetIds = new[] { "si-b", "si-a", "si-gone" } })).Hops());
    }

    [Fact]
    public void An_inspection_subnet_of_unknown_zone_is_a_risk_for_ends_in_two_zones()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Unknown TGW_APPLIANCE_MODE_ASYMMETRY assumed @att-i: appliance mode is disabled on attachment 'att-i' of inspection 'vpc-i', which has subnets whose availability zones the input does not all give; the transit gateway keeps each direction in the availability zone it comes from and the request comes from us-east-1a and the replies from us-east-1b, so the replies may reach another appliance than the request did: a stateful firewall drops replies to a flow it did not see (asymmetric routing) | fix: enable appliance mode on attachment 'att-i' (Options.ApplianceModeSupport: enable)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => { ZoneOfB(m, "us-east-1b"); SetAttI(m, a => a with { SubnetIds = new[] { "si-a", "si-gone" } }); }).Hops());
    }

    [Fact]
    public void Ends_whose_zones_are_unknown_are_a_risk()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Unknown UNKNOWN_VALUE assumed @att-b: whether transit gateway attachment 'att-b' has a subnet in the availability zone of 'sb' is not known (the input does not list that zone)",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Unknown TGW_APPLIANCE_MODE_ASYMMETRY assumed @att-i: appliance mode is disabled on attachment 'att-i' of inspection 'vpc-i', which has subnets in us-east-1b, us-east-1a; the transit gateway keeps each direction in the availability zone it comes from and the availability zones of the two ends are not both known, so the replies may reach another appliance than the request did: a stateful firewall drops replies to a flow it did not see (asymmetric routing) | fix: enable appliance mode on attachment 'att-i' (Options.ApplianceModeSupport: enable)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => ZoneOfB(m, null)).Hops());
    }

    [Fact]
    public void A_gateway_endpoint_is_not_an_appliance()
    {
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_CANNOT_ROUTE @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', not to 'vpc-b' | fix: add a more specific route for 10.2.1.10/32 to the attachment of its VPC in TGW route table 'tgw-rtb-1'",
            ], Inspected(To(RouteTargetKind.VpcEndpoint, "vpce-s3"), To(RouteTargetKind.VpcEndpoint, "vpce-s3"),
            m => m.Extra.Add(new VpcEndpoint("vpce-s3", m.N.Loc("vpce-s3"), "vpc-i") { Name = "vpce-s3", Type = VpcEndpointType.Gateway })).Hops());
    }

    [Fact]
    public void An_endpoint_not_in_the_input_is_taken_for_an_appliance()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to vpce-gone: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → vpce-gone in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to vpce-gone: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → vpce-gone in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(To(RouteTargetKind.VpcEndpoint, "vpce-gone"), To(RouteTargetKind.VpcEndpoint, "vpce-gone")).Hops());
    }

    [Fact]
    public void A_route_to_another_transit_gateway_does_not_make_an_inspection_vpc()
    {
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_CANNOT_ROUTE @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', not to 'vpc-b' | fix: add a more specific route for 10.2.1.10/32 to the attachment of its VPC in TGW route table 'tgw-rtb-1'",
            ], Inspected(To(RouteTargetKind.TransitGateway, "tgw-9"), To(RouteTargetKind.TransitGateway, "tgw-9")).Hops());
    }

    [Fact]
    public void A_blackhole_in_the_zone_subnet_passes_to_the_next_subnet()
    {
        Same(
            [
                "Reachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Forward RouteTable rtb-i-b Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.2.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Return RouteTable rtb-i-b Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.1.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(To(RouteTargetKind.NetworkInterface, "eni-fw", RouteState.Blackhole), Back).Hops());
    }

    [Fact]
    public void A_zone_subnet_without_a_matching_route_passes_to_the_next_subnet()
    {
        Same(
            [
                "Reachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Forward RouteTable rtb-i-b Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.2.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Return RouteTable rtb-i-b Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.1.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(LocalOnly, Back).Hops());
    }

    [Fact]
    public void A_zone_subnet_without_a_route_table_passes_to_the_next_subnet()
    {
        Same(
            [
                "Reachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Forward RouteTable rtb-i-b Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.2.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on back to transit gateway 'tgw-1': an inspection VPC",
                "Return RouteTable rtb-i-b Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-b' of 'vpc-i' returns 10.1.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(null, Back).Hops());
    }

    [Fact]
    public void An_inspection_subnet_missing_from_the_input_is_skipped()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => SetAttI(m, a => a with { SubnetIds = new[] { "si-gone", "si-a" } })).Hops());
    }

    [Fact]
    public void An_inspection_attachment_whose_subnets_are_not_listed_is_a_misdelivery()
    {
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Blocked TGW_RTB_CANNOT_ROUTE @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', not to 'vpc-b' | fix: add a more specific route for 10.2.1.10/32 to the attachment of its VPC in TGW route table 'tgw-rtb-1'",
            ], Inspected(Eni, Eni, m => SetAttI(m, a => a with { SubnetsKnown = false })).Hops());
    }

    [Fact]
    public void An_inspection_attachment_being_deleted_blocks()
    {
        Same(
            [
                "NotReachable",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward TransitGatewayAttachment att-i Blocked BAD_STATE_ATTACHMENT @att-i: transit gateway attachment 'att-i' is deleting, not available",
            ], Inspected(Eni, Eni, m => SetAttI(m, a => a with { State = "deleting" })).Hops());
    }

    [Fact]
    public void Replies_alone_through_the_appliance_are_one_way_inspection()
    {
        Same(
            [
                "Unknown",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-s Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-s' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return TransitGatewayAttachment att-i Unknown INSPECTION_ONE_WAY assumed @att-i: only the replies passed the appliance of inspection 'vpc-i' (attachment 'att-i'); a stateful appliance that sees one direction of a flow may drop the rest of it",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m =>
        {
            m.Table1 = m.Table("tgw-rtb-1", "tgw-1", new[] { "att-a" }, new[] { "att-b" });
            m.Extra.Add(m.Table("tgw-rtb-s", "tgw-1", new[] { "att-b" }, Array.Empty<string>(), m.TgwRoute("0.0.0.0/0", "att-i")));
        }).Hops());
    }

    [Fact]
    public void Instances_are_named_in_the_hops()
    {
        var m = Routes(m =>
        {
            m.N.Group("sg-open", "vpc-a", "open", new[] { m.N.In(-1, null, null, "0.0.0.0/0") });
            m.N.Group("sg-open-b", "vpc-b", "open", new[] { m.N.In(-1, null, null, "0.0.0.0/0") });
            m.N.Instance("i-a", "sa", "10.1.1.10", PublicIpMode.None, "sg-open");
            m.N.Instance("i-b", "sb", "10.2.1.10", PublicIpMode.None, "sg-open-b");
        });
        Same(
            new[]
            {
                "Reachable",
                "Forward SecurityGroupEgress sg-open Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-open' admits TCP/443 to instance 'i-b'",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 10.2.0.0/16: route 10.2.0.0/16 → tgw-1 in route table 'rtb-a' matches instance 'i-b'",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends instance 'i-b' (10.2.1.10) to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Forward SecurityGroupIngress sg-open-b Allowed @in 0.0.0.0/0: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-open-b' admits TCP/443 from instance 'i-a'",
                "Return StatefulReturn sg-open-b Allowed @sg-open-b: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to instance 'i-a' (10.1.1.10) follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends instance 'i-a' (10.1.1.10) to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            }, m.Hops("i-a", "i-b"));
    }

    [Fact]
    public void A_peering_hop_in_a_table_with_unlisted_routes_is_unknown_with_a_caveat()
    {
        var m = Peered(m => m.Table1 = m.Table1 with { RoutesIncomplete = true });
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw route 10.2.0.0/16: TGW route 10.2.0.0/16 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 over peering attachment 'att-p' to transit gateway 'tgw-2'; a more specific route may exist that the input does not show (the route listing says more routes are available)",
                "Forward TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw-rtb-2 prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-2' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-2 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-2' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-2 Allowed @tgw route 10.1.0.0/16: TGW route 10.1.0.0/16 (static) in TGW route table 'tgw-rtb-2' sends 10.1.1.10 over peering attachment 'att-p' to transit gateway 'tgw-1'",
                "Return TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw-rtb-1 prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'; a more specific route may exist that the input does not show (the route listing says more routes are available)",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], m.Hops());
    }

    [Fact]
    public void An_inspection_hop_in_a_table_with_unlisted_routes_is_unknown_with_a_caveat()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on back to transit gateway 'tgw-1': an inspection VPC; a more specific route may exist that the input does not show (the route listing says more routes are available)",
                "Forward RouteTable rtb-i-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-a' of 'vpc-i' returns 10.2.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Unknown TGW_RTB_ROUTES_ARE_UNKNOWN @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on back to transit gateway 'tgw-1': an inspection VPC; a more specific route may exist that the input does not show (the route listing says more routes are available)",
                "Return RouteTable rtb-i-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-i-a' of 'vpc-i' returns 10.1.1.10 to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Back, Back, m => m.Table1 = m.Table1 with { RoutesIncomplete = true }).Hops());
    }

    [Fact]
    public void A_single_zone_inspection_attachment_names_its_zone_not_the_ends()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-b' (subnet 'si-b') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-b Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-b' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1b (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => SetAttI(m, a => a with { SubnetIds = new[] { "si-b" } })).Hops());
    }

    [Fact]
    public void An_endpoint_route_without_an_id_is_taken_for_an_appliance()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to <unknown VpcEndpoint>: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → <unknown VpcEndpoint> in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1a",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to <unknown VpcEndpoint>: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → <unknown VpcEndpoint> in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(To(RouteTargetKind.VpcEndpoint, null), To(RouteTargetKind.VpcEndpoint, null)).Hops());
    }

    [Fact]
    public void A_subnet_listed_twice_counts_its_zone_once()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → tgw-1 in route table 'rtb-b'",
                "Return TransitGatewayAttachment att-b Allowed assumed @att-b: 'vpc-b' enters transit gateway 'tgw-1' over attachment 'att-b', which has subnet 'sb' in us-east-1b",
                "Return TransitGatewayRouteTable tgw-rtb-1 Allowed assumed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.1.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Return RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET assumed @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.1.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Return TransitGatewayAttachment att-i Allowed assumed @att-i: the request and its replies both enter 'vpc-i' over attachment 'att-i' in us-east-1a (appliance mode disabled; the transit gateway keeps each direction in its availability zone, the same one here)",
                "Return TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-a: TGW route 10.1.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.1.1.10 to attachment 'att-a' of 'vpc-a'",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m => { ZoneOfB(m, "us-east-1b"); SetAttI(m, a => a with { SubnetIds = new[] { "si-a", "si-a" } }); }).Hops());
    }

    [Fact]
    public void Replies_to_a_target_of_unknown_kind_named_like_a_peering_are_unknown()
    {
        var m = Routes(m =>
        {
            m.N.Peering("pcx-ab", "vpc-a", "vpc-b");
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.Unknown, "pcx-ab");
        });
        Same(
            [
                "Unknown",
                .. ForwardAToB,
                "Return NetworkAclOutbound sb Allowed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Unknown UNKNOWN_VALUE @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b' instead of going back over transit gateway 'tgw-1'",
            ], m.Hops());
    }

    [Fact]
    public void Replies_over_a_peering_past_the_appliance_are_one_way_inspection()
    {
        Same(
            [
                "Unknown",
                .. EnterTgwFromA,
                "Forward TransitGatewayRouteTable tgw-rtb-1 Allowed @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 10.2.1.10 to attachment 'att-i' of 'vpc-i', whose route table 'rtb-i-a' (subnet 'si-a') sends it on to eni-fw: an inspection VPC",
                "Forward RouteTable rtb-i-a Unknown UNSUPPORTED_ROUTE_TARGET @route 0.0.0.0/0: route 0.0.0.0/0 → eni-fw in route table 'rtb-i-a' of 'vpc-i' hands 10.2.1.10 to a middlebox (a firewall or Gateway Load Balancer appliance) that PeeringLint does not follow; the walk goes on as if it returns the traffic to transit gateway 'tgw-1' over attachment 'att-i'",
                "Forward TransitGatewayRouteTable tgw-rtb-i Allowed assumed @tgw-rtb-i prop att-b: TGW route 10.2.0.0/16 (propagated) in TGW route table 'tgw-rtb-i' sends 10.2.1.10 to attachment 'att-b' of 'vpc-b'",
                "Forward NetworkAclInbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sb Allowed assumed @sb: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-b Allowed assumed @route 10.1.0.0/16: replies to 10.1.1.10 follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b': the active peering connection 'pcx-ab' brings them back (the request went over transit gateway 'tgw-1')",
                "Return TransitGatewayAttachment att-i Unknown INSPECTION_ONE_WAY assumed @att-i: only the request passed the appliance of inspection 'vpc-i' (attachment 'att-i'); a stateful appliance that sees one direction of a flow may drop the rest of it",
                "Return NetworkAclInbound sa Allowed assumed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
            ], Inspected(Eni, Eni, m =>
        {
            m.N.Peering("pcx-ab", "vpc-a", "vpc-b");
            m.RoutesB[1] = m.N.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab");
        }).Hops());
    }

    [Theory]
    [InlineData(true, null, "'att-a'")]
    [InlineData(true, "tgw-rtb-9", "'tgw-rtb-9'")]
    [InlineData(false, null, "'att-a'")]
    public void The_association_hop_is_labelled_by_its_table_when_the_input_names_one(bool known, string? tableId, string label)
    {
        var m = Routes(m =>
        {
            m.AttA = m.AttA with { AssociationKnown = known, AssociatedRouteTableId = tableId };
            m.Table1 = m.Table1 with { Associations = m.Table1.Associations.Where(l => l.AttachmentId != "att-a").ToArray() };
        });
        Assert.Equal(label, m.Eval().Hops.Single(h => h.Kind == HopKind.TransitGatewayRouteTable).ElementLabel);
    }

    [Fact]
    public void The_internet_as_destination_is_named_as_the_internet()
    {
        var m = Internet();
        m.Table1 = m.Table1 with { Routes = new[] { m.TgwRoute("0.0.0.0/0", "att-b") } };
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa Allowed @sa: subnet 'sa' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → tgw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward TransitGatewayAttachment att-a Allowed @att-a: 'vpc-a' enters transit gateway 'tgw-1' over attachment 'att-a', which has subnet 'sa' in us-east-1a",
                "Forward TransitGatewayRouteTable tgw-rtb-1 Unknown PATH_LEAVES_MODEL @tgw route 0.0.0.0/0: TGW route 0.0.0.0/0 (static) in TGW route table 'tgw-rtb-1' sends 203.0.113.10 into 'vpc-b'; what that VPC does with traffic for the internet is not followed",
            }, m.Hops(to: "internet"));
    }
}
