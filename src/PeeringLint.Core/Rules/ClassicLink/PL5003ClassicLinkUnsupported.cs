using PeeringLint.Engine;

namespace PeeringLint.Rules.ClassicLink;

/// <summary>ClassicLink peering options on an inter-region peering (unsupported), and ClassicLink in use at all (retired).</summary>
public sealed class PL5003ClassicLinkUnsupported : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL5003",
        Name: "ClassicLinkUnsupported",
        Title: "ClassicLink option on an unsupported or retired configuration",
        Description: "ClassicLink over a peering connection works only when both VPCs are in the same region, so the ClassicLink options on an inter-region peering are an error. EC2-Classic and ClassicLink have been retired by AWS, so any ClassicLink option or link is reported as a note.",
        Category: RuleCategories.ClassicLink,
        DefaultSeverity: Severity.Error);

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        foreach (var (p, side) in ClassicLinkFacts.LiveSides(context.Model))
        {
            if (!side.Options.AnyClassicLink)
            {
                continue;
            }

            var loc = side.Options.Location ?? side.Location;
            if (p.IsInterRegion)
            {
                context.Report(
                    loc,
                    $"Peering connection {p.Label} enables a ClassicLink option for {Describe.Vpc(index, side.VpcId)}, but it joins {p.Requester.Region} and {p.Accepter.Region}; ClassicLink over peering works only within one region.",
                    p,
                    key: $"{p.Id}|{side.VpcId}|interregion");
            }
            else
            {
                context.Report(
                    loc,
                    $"Peering connection {p.Label} enables a ClassicLink option for {Describe.Vpc(index, side.VpcId)}; EC2-Classic and ClassicLink are retired, so the option has no effect on current accounts.",
                    p,
                    key: $"{p.Id}|{side.VpcId}|retired",
                    severity: Severity.Note);
            }
        }

        foreach (var vpc in context.Model.Vpcs)
        {
            if (vpc.ClassicLinkEnabled == true)
            {
                context.Report(vpc.Location, $"VPC {vpc.Label} has ClassicLink enabled; EC2-Classic and ClassicLink are retired.", vpc, key: $"{vpc.Id}|classiclink", severity: Severity.Note);
            }
        }
    }
}
