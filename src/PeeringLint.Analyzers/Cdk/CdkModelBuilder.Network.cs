using Microsoft.CodeAnalysis;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>VPC CIDR blocks and routes.</summary>
internal sealed partial class CdkModelBuilder
{
    private SourceLocation Src(Location location, string? logicalPath = null) => _locations.ToModel(location, logicalPath);

    private CidrValue? Cidr(CdkValue? value, ConstructFact owner, string property)
    {
        if (value is null)
        {
            return null;
        }

        var loc = Src(value.Location, owner.Kind + " '" + _ids[owner] + "'." + property);
        if (value is StringValue s)
        {
            return CidrValue.Parse(s.Text, loc);
        }

        // vpc.AttrCidrBlock / vpc.VpcCidrBlock: the referenced VPC's primary block.
        if (value is RefValue { Member: "AttrCidrBlock" or "VpcCidrBlock" } r && Resolve(r) is { } vf && PrimaryCidrText(vf) is { } text)
        {
            return CidrValue.Parse(text, loc);
        }

        return CidrValue.Unknown(loc, "not a constant the analyzer can follow");
    }

    private Route ReadRoute(ConstructFact f, string id, SourceLocation loc)
    {
        var (kind, target) = RouteTarget(f);
        var dest = f.Prop("DestinationCidrBlock") ?? f.Prop("DestinationIpv6CidrBlock");
        string property = f.Prop("DestinationCidrBlock") is not null ? "DestinationCidrBlock" : "DestinationIpv6CidrBlock";
        var route = new Route(loc, kind, target)
        {
            Destination = Cidr(dest, f, property),
            DestinationPrefixListId = RefId(f.Prop("DestinationPrefixListId"), "CfnPrefixList"),
            DeclaringId = id,
        };

        // A prefix list the analyzer cannot follow: the destination is unknown, not absent (as in a template).
        return route.Destination is null && route.DestinationPrefixListId is null && f.Prop("DestinationPrefixListId") is { } pl
            ? route with { Destination = CidrValue.Unknown(Src(pl.Location, f.Kind + " '" + id + "'.DestinationPrefixListId"), "not a constant the analyzer can follow") }
            : route;
    }

    /// <summary>The route's target, decided by the shared layer (<see cref="RouteTargets"/>).</summary>
    private (RouteTargetKind Kind, string? Id) RouteTarget(ConstructFact f) => RouteTargets.Choose(Source(f));
}
