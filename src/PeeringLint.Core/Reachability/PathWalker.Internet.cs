using PeeringLint.Model;

namespace PeeringLint.Reachability;

/// <summary>The internet gateway hops and public addresses.</summary>
internal sealed partial class PathWalker
{
    private bool InternetEgress(Route route)
    {
        var vpc = _s.Vpc!;
        // No pattern or out variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var igw = _index.InternetGateway(route.TargetId);
        if (igw is null)
        {
            bool listed = _index.Model.Covers(ResourceKinds.InternetGateways) && route.TargetId is not null;
            Add(HopKind.InternetGateway, HopDirection.Forward, route.TargetId, $"'{route.TargetId ?? "?"}'", route.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"internet gateway '{route.TargetId ?? "?"}' is not in the input", listed ? ReasonCodes.IgwNotAttached : ReasonCodes.UnknownValue);
            return false;
        }

        if (!Contains(igw.AttachedVpcIds, vpc.Id))
        {
            Add(HopKind.InternetGateway, HopDirection.Forward, igw.Id, igw.Label, igw.Location, HopVerdict.Blocked,
                $"internet gateway {igw.Label} is not attached to {vpc.Label}", ReasonCodes.IgwNotAttached, $"attach {igw.Label} to {vpc.Label}", igw);
            return true;
        }

        PublicAddressHop(_s, "to reach the internet");
        Add(HopKind.InternetGateway, HopDirection.Forward, igw.Id, igw.Label, igw.Location, HopVerdict.Allowed,
            $"internet gateway {igw.Label} is attached to {vpc.Label}", null, element: igw);
        return true;
    }

    private void InternetIngress()
    {
        var vpc = _d.Vpc!;
        var igws = _index.InternetGatewaysOf(vpc.Id);
        if (igws.Count == 0)
        {
            bool listed = _index.Model.Covers(ResourceKinds.InternetGateways);
            Add(HopKind.InternetGateway, HopDirection.Forward, vpc.Id, vpc.Label, vpc.Location, listed ? HopVerdict.Blocked : HopVerdict.Unknown,
                $"{vpc.Label} has no internet gateway attached{(listed ? string.Empty : " in the input")}", listed ? ReasonCodes.IgwNotAttached : ReasonCodes.UnknownValue,
                listed ? $"create an internet gateway, attach it to {vpc.Label}, and route 0.0.0.0/0 to it" : null, vpc);
        }
        else
        {
            Add(HopKind.InternetGateway, HopDirection.Forward, igws[0].Id, igws[0].Label, igws[0].Location, HopVerdict.Allowed,
                $"internet gateway {igws[0].Label} is attached to {vpc.Label}; traffic from the internet address {_s.AddressText} enters here", null, element: igws[0]);
        }

        PublicAddressHop(_d, "to be reached from the internet");
    }

    private void PublicAddressHop(Host h, string purpose)
    {
        var e = h.Element;
        if (e is null)
        {
            Add(HopKind.PublicAddress, HopDirection.Forward, h.Subnet?.Id, h.Label, h.Subnet?.Location ?? SourceLocation.None, HopVerdict.Unknown,
                $"whether addresses in {h.AddressText} have public IPv4 addresses is not known", ReasonCodes.UnknownValue, element: h.Subnet);
            return;
        }

        var loc = h.PublicLocation ?? e.Location;
        switch (h.PublicIp)
        {
            case PublicIpMode.Assigned:
                Add(HopKind.PublicAddress, HopDirection.Forward, e.Id, e.Label, loc, HopVerdict.Allowed,
                    $"{h.Label} has {h.PublicText ?? "a public IPv4 address"}", null, element: e);
                break;
            case PublicIpMode.None:
                Add(HopKind.PublicAddress, HopDirection.Forward, e.Id, e.Label, loc, HopVerdict.Blocked,
                    $"{h.Label} has no public IPv4 address and no Elastic IP, which it needs {purpose} (EC2 Instance Connect and SSH go over the internet)",
                    ReasonCodes.NoPublicIp, "allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)", e);
                break;
            default:
                Add(HopKind.PublicAddress, HopDirection.Forward, e.Id, e.Label, loc, HopVerdict.Unknown,
                    $"whether {h.Label} has a public IPv4 address is not known", ReasonCodes.UnknownValue, element: e);
                break;
        }
    }
}
