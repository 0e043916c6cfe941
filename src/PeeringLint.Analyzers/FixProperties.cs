using System.Collections.Immutable;
using PeeringLint.Analyzers.Cdk;
using PeeringLint.Engine;

namespace PeeringLint.Analyzers;

/// <summary>
/// Diagnostic properties for code fixes: the finding's own properties (suggestedDestination, returnTable,
/// returnDestination, peeringConnection, …) plus, for each property or element id that names a construct,
/// <c>&lt;key&gt;Symbol</c> = the C# variable that holds it (<c>returnTableSymbol = "rtb1"</c>).
/// </summary>
internal static class FixProperties
{
    public const string ElementSymbol = "elementSymbol";
    public const string SymbolSuffix = "Symbol";
    public const string KindSuffix = "Kind";
    public const string ExpressionSuffix = "Expression";

    /// <summary>Set when the app imports constructs (<c>Vpc.FromLookup</c>, …) whose contents stay unknown.</summary>
    public const string CoverageNote = "coverageNote";

    public static ImmutableDictionary<string, string?> For(Finding finding, CdkModel cdk)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var p in finding.Properties)
        {
            b[p.Key] = p.Value;
            if (cdk.FactsById.TryGetValue(p.Value, out var fact) && fact.Variable is not null)
            {
                b[p.Key + SymbolSuffix] = fact.Variable.Name;
                b[p.Key + KindSuffix] = fact.Kind;
            }
            else if (cdk.TableExpressions.TryGetValue(p.Value, out var expression))
            {
                // A route table an L2 Vpc creates: no variable of its own, but an expression through the VPC's.
                b[p.Key + ExpressionSuffix] = expression;
                b[p.Key + KindSuffix] = "L2SubnetRouteTable";
            }
        }

        if (finding.ElementId is { } id && cdk.FactsById.TryGetValue(id, out var element) && element.Variable is not null)
        {
            b[ElementSymbol] = element.Variable.Name;
            b[ElementSymbol + KindSuffix] = element.Kind;
        }

        return b.ToImmutable();
    }

    public static ImmutableDictionary<string, string?> Plain(Finding finding)
    {
        var b = ImmutableDictionary.CreateBuilder<string, string?>();
        foreach (var p in finding.Properties)
        {
            b[p.Key] = p.Value;
        }

        return b.ToImmutable();
    }
}
