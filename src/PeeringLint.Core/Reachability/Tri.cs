namespace PeeringLint.Reachability;

/// <summary>Three-valued answer: a rule matches, does not, or the input cannot tell.</summary>
public enum Tri
{
    No,
    Yes,
    Unknown,
}
