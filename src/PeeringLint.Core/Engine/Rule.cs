namespace PeeringLint.Engine;

/// <summary>
/// A rule: one class, one descriptor, one pure function of the model. Rules read the precomputed
/// <see cref="ModelIndex"/>, never compare all pairs, and skip unknown values.
/// </summary>
public abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public abstract void Analyze(RuleContext context);

    public override string ToString() => Descriptor.Id;
}
