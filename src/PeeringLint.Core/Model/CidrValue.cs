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
    // The block is kept as its parts and the enums as bytes: 64 bytes an object instead of 96 with a Cidr? and
    // int-sized enums (the model holds one value per route destination, rule peer and block: 400,000 at 10,000
    // VPCs). A family of 0 means no block (unknown or malformed).
    private readonly ulong _hi;
    private readonly ulong _lo;
    private readonly IpFamily _family;
    private readonly byte _prefixLength;
    private readonly byte _status;
    private readonly byte _state;

    private CidrValue(string? text, Cidr? value, CidrParseStatus status, string? problem, SourceLocation location, bool unknown)
    {
        Text = text;
        // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
        var v = value.GetValueOrDefault();
        if (value.HasValue)
        {
            _hi = v.Hi;
            _lo = v.Lo;
            _family = v.Family;
            _prefixLength = (byte)v.PrefixLength;
        }

        _status = (byte)status;
        Problem = problem;
        Location = location;
        IsUnknown = unknown;
    }

    public string? Text { get; }

    /// <summary>The normalized block; null when unknown or malformed. Set (normalized) when host bits were set.</summary>
    public Cidr? Value => _family == 0 ? null : Cidr.FromParts(_family, _hi, _lo, _prefixLength);

    public CidrParseStatus Status => (CidrParseStatus)_status;

    public string? Problem { get; }

    public SourceLocation Location { get; }

    public bool IsUnknown { get; }

    public CidrAssociationState State
    {
        get => (CidrAssociationState)_state;
        init => _state = (byte)value;
    }

    /// <summary>True when the block is usable by rules: known, parsed, and associated.</summary>
    public bool IsUsable => _family != 0 && State == CidrAssociationState.Associated;

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
