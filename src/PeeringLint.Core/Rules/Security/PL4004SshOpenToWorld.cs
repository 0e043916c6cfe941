using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;

namespace PeeringLint.Rules.Security;

/// <summary>A security group rule admitting SSH (or all traffic) from 0.0.0.0/0 or ::/0.</summary>
public sealed class PL4004SshOpenToWorld : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL4004",
        Name: "SshOpenToWorld",
        Title: "Security group admits SSH from anywhere",
        Description: "An inbound rule admits TCP port 22 (or all traffic) from 0.0.0.0/0 or ::/0, so every address on the internet can try to log in. It is what the tutorial does to make EC2 Instance Connect work; the narrower fix is the Region's EC2 Instance Connect prefix list, or your own address.",
        Category: RuleCategories.Security,
        DefaultSeverity: Severity.Note)
    {
        Tags = new[] { "security" },
        SecuritySeverity = 6.5,
    };

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var ssh = Traffic.Request(Traffic.Tcp, 22);
        foreach (var g in context.Model.SecurityGroups)
        {
            foreach (var r in g.Ingress)
            {
                // The value is read in its own statement: a pattern variable declared in a condition makes Stryker's
                // mutants of that condition fail to compile (CS0165) and leaves the whole method unmutated.
                Cidr? value = r.PeerKind == SgPeerKind.Cidr ? r.Cidr?.Value : null;
                if (value is null || value.Value.PrefixLength != 0)
                {
                    continue;
                }

                var c = value.Value;

                if (ssh.MatchedBy(r.Protocol, r.FromPort, r.ToPort) != Tri.Yes)
                {
                    continue;
                }

                string what = r.Protocol == -1 ? "all traffic" : "SSH (TCP 22)";
                context.Report(
                    r.Cidr!.Location.IsNone ? r.Location : r.Cidr.Location,
                    $"Security group {g.Label} admits {what} from {c}: anyone on the internet can try to log in.",
                    g,
                    key: $"{g.Id}|{c}|{r.Protocol}|{r.FromPort}|{r.ToPort}");
            }
        }
    }
}
