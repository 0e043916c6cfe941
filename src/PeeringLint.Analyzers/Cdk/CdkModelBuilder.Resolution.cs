using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>Model ids for constructs, and values resolved to the constructs they name (aliases, helper calls, Ref).</summary>
internal sealed partial class CdkModelBuilder
{
    private void AssignIds()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in _facts)
        {
            if (f.Variable is not null)
            {
                // A variable assigned two constructs cannot tell which one a reference means.
                _bySymbol[f.Variable] = _bySymbol.ContainsKey(f.Variable) ? null : f;
            }

            _byCreation[f.Creation] = f;
            string baseId = f.ConstructId is StringValue s && s.Text.Length > 0
                ? s.Text
                : f.Variable?.Name ?? f.Kind + "@" + (f.Location.GetLineSpan().StartLinePosition.Line + 1).ToString(CultureInfo.InvariantCulture);
            string id = baseId;
            int n = 2;
            while (!used.Add(Group(f.Kind) + "|" + id))
            {
                id = baseId + "#" + n.ToString(CultureInfo.InvariantCulture);
                n++;
            }

            _ids[f] = id;
            if (!_factsById.ContainsKey(id))
            {
                _factsById[id] = f;
            }
        }
    }

    /// <summary>Model kinds: ids are unique per kind, and L1/L2 constructs of one kind share the id space.</summary>
    private static string Group(string kind) => kind switch
    {
        "Vpc" => "CfnVPC",
        "SecurityGroup" => "CfnSecurityGroup",
        "Instance_" => "CfnInstance",
        "CfnSecurityGroupIngress" or "CfnSecurityGroupEgress" => "CfnSecurityGroupRule",
        "CfnTransitGatewayVpcAttachment" or "CfnTransitGatewayPeeringAttachment" => "CfnTransitGatewayAttachment",
        _ => kind,
    };

    /// <summary>The one construct a reference denotes, or null when unknown or ambiguous.</summary>
    private ConstructFact? Resolve(CdkValue? value) => ResolveAll(value, 0, 0) is { Count: 1 } one ? one[0] : null;

    /// <summary>
    /// Every construct a reference can denote: the construct created into its variable, or what its aliases denote
    /// (a local or property assigned from another reference, a parameter at each call site, a method's returns).
    /// Null when any path is unknown, a variable holds two things, or a budget runs out.
    /// </summary>
    private List<ConstructFact>? ResolveAll(CdkValue? value, int steps, int calls)
    {
        if (value is not RefValue r)
        {
            return null;
        }

        if (r.Symbol is null)
        {
            return r.Creation is not null && _byCreation.TryGetValue(r.Creation, out var c) ? new List<ConstructFact> { c } : null;
        }

        bool created = _bySymbol.TryGetValue(r.Symbol, out var f);
        bool aliased = _aliases.TryGetValue(r.Symbol, out var targets);
        if (created && !aliased)
        {
            return f is null ? null : new List<ConstructFact> { f };
        }

        bool call = r.Symbol is IParameterSymbol or IMethodSymbol;
        if (created || !aliased || steps >= MaxAliasSteps || (call && calls >= MaxCallDepth))
        {
            // Created here and assigned something else too: which one is meant is unknown.
            return null;
        }

        var all = new List<ConstructFact>();
        foreach (var t in targets!)
        {
            var sub = ResolveAll(t, steps + 1, call ? calls + 1 : calls);
            if (sub is null)
            {
                return null;
            }

            foreach (var s in sub)
            {
                if (!all.Contains(s))
                {
                    all.Add(s);
                }
            }
        }

        // A local, field or property must hold one thing; a parameter or a helper's result may be several.
        return all.Count == 0 || all.Count > MaxTargets || (!call && all.Count > 1) ? null : all;
    }

    /// <summary>The constructs a call's receiver denotes: one, or for a helper's parameter each bound construct.</summary>
    private List<ConstructFact> Receivers(CdkValue receiver)
    {
        if (receiver is RefValue { Symbol: IParameterSymbol })
        {
            return ResolveAll(receiver, 0, 0) ?? new List<ConstructFact>();
        }

        return Resolve(receiver) is { } one ? new List<ConstructFact> { one } : new List<ConstructFact>();
    }

    /// <summary>
    /// The model id a property refers to: a construct of one of <paramref name="kinds"/> (through <c>x.Ref</c>,
    /// <c>x.AttrVpcId</c>, <c>x.VpcId</c> or <c>x</c> itself), or a literal AWS id. Null when unknown.
    /// </summary>
    private string? RefId(CdkValue? value, params string[] kinds)
    {
        switch (value)
        {
            case StringValue s when s.Text.Length > 0:
                return s.Text;
            case RefValue r when r.Member.Length == 0 || r.Member == "Ref" || r.Member.EndsWith("Id", StringComparison.Ordinal):
                var f = Resolve(r);
                return f is not null && Array.IndexOf(kinds, f.Kind) >= 0 ? _ids[f] : null;
            case SubnetValue { Index: not null } sv when Resolve(sv.Vpc) is { Kind: "Vpc" } vf && _layouts.TryGetValue(_ids[vf], out var layout):
                var group = layout.Group(sv.Group);
                if (sv.Index.Value >= group.Count)
                {
                    return null;
                }

                return sv.Member switch
                {
                    "SubnetId" when Array.IndexOf(kinds, "CfnSubnet") >= 0 => group[sv.Index.Value].Id,
                    "RouteTableId" when Array.IndexOf(kinds, "CfnRouteTable") >= 0 => group[sv.Index.Value].TableId,
                    _ => null,
                };
            default:
                return null;
        }
    }
}
