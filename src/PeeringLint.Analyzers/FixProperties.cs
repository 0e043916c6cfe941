using System.Collections.Immutable;
using PeeringLint.Analyzers.Cdk;
using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Fixes;

namespace PeeringLint.Analyzers;

/// <summary>
/// Diagnostic properties for code fixes: the finding's own properties (suggestedDestination, returnTable,
/// returnDestination, peeringConnection, …), its repair written by <see cref="RepairProperties"/> (so a code fix builds
/// what the rule decided, as <c>lint --fix</c> and SARIF do), plus, for each property or element id that names a
/// construct, <c>&lt;key&gt;Symbol</c> = the C# variable that holds it (<c>repairRouteTableSymbol = "rtb1"</c>).
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
        foreach (var p in WithRepair(finding))
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
        foreach (var p in WithRepair(finding))
        {
            b[p.Key] = p.Value;
        }

        return b.ToImmutable();
    }

    /// <summary>The finding's properties and, when it has exactly one repair, that repair's (a code fix makes one change).</summary>
    private static IReadOnlyDictionary<string, string> WithRepair(Finding finding)
    {
        if (finding.Repairs.Count != 1)
        {
            return finding.Properties;
        }

        var all = new Dictionary<string, string>();
        foreach (var p in finding.Properties)
        {
            all[p.Key] = p.Value;
        }

        RepairProperties.Write(finding.Repairs[0], all);
        return all;
    }
}
