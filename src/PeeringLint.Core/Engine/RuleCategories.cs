namespace PeeringLint.Engine;

/// <summary>Rule categories; the thousands digit of a rule id names its category.</summary>
public static class RuleCategories
{
    public const string Input = "Input";                 // PL0xxx
    public const string Addressing = "Addressing";       // PL1xxx
    public const string Routing = "Routing";             // PL2xxx
    public const string Exposure = "Exposure";           // PL3xxx
    public const string Security = "Security";           // PL4xxx
    public const string ClassicLink = "ClassicLink";     // PL5xxx
    public const string PeeringOptions = "PeeringOptions"; // PL6xxx
    public const string Intents = "Intents";             // PL9xxx

    /// <summary>The category that a rule id's thousands digit stands for.</summary>
    public static string? ForId(string id)
    {
        if (id.Length != 6 || !id.StartsWith("PL", System.StringComparison.Ordinal))
        {
            return null;
        }

        return id[2] switch
        {
            '0' => Input,
            '1' => Addressing,
            '2' => Routing,
            '3' => Exposure,
            '4' => Security,
            '5' => ClassicLink,
            '6' => PeeringOptions,
            '9' => Intents,
            _ => null,
        };
    }
}
