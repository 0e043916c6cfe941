using PeeringLint.Addressing;

namespace PeeringLint.Model;

/// <summary>Association state of a VPC CIDR block as AWS reports it.</summary>
public enum CidrAssociationState
{
    Associated,
    Associating,
    Disassociating,
    Disassociated,
    Failing,
    Failed,
}

/// <summary>
/// A CIDR as written in an input: the raw text, its location, and the parsed block when it parses.
/// <see cref="IsUnknown"/> marks a value the input cannot pin down (an unresolved Ref, a non-constant
/// C# expression): rules skip unknowns rather than guess. A malformed text keeps <see cref="Text"/>
/// with a null <see cref="Value"/> and a <see cref="Problem"/>; PL1004 reports it.
/// </summary>
public sealed record CidrValue
{
    private CidrValue(string? text, Cidr? value, CidrParseStatus status, string? problem, SourceLocation location, bool unknown)
    {
        Text = text;
        Value = value;
        Status = status;
        Problem = problem;
        Location = location;
        IsUnknown = unknown;
    }

    public string? Text { get; }

    /// <summary>The normalized block; null when unknown or malformed. Set (normalized) when host bits were set.</summary>
    public Cidr? Value { get; }

    public CidrParseStatus Status { get; }

    public string? Problem { get; }

    public SourceLocation Location { get; }

    public bool IsUnknown { get; }

    public CidrAssociationState State { get; init; } = CidrAssociationState.Associated;

    /// <summary>True when the block is usable by rules: known, parsed, and associated.</summary>
    public bool IsUsable => Value is not null && State == CidrAssociationState.Associated;

    public static CidrValue Parse(string text, SourceLocation location)
    {
        var status = Cidr.TryParse(text.Trim(), out var cidr, out var problem);
        return new CidrValue(text, status == CidrParseStatus.Malformed ? null : cidr, status, problem, location, unknown: false);
    }

    public static CidrValue Known(Cidr cidr, SourceLocation location) =>
        new(cidr.ToString(), cidr, CidrParseStatus.Ok, null, location, unknown: false);

    public static CidrValue Unknown(SourceLocation location, string? why = null) =>
        new(null, null, CidrParseStatus.Ok, why, location, unknown: true);

    public override string ToString() => IsUnknown ? "<unknown>" : Text ?? string.Empty;
}
