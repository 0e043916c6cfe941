using System;
using System.Collections.Generic;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.CloudFormation;

/// <summary>Ref and Fn::GetAtt: parameters (given, passed by a parent stack, pseudo), resources, attributes, nested stack outputs.</summary>
internal sealed partial class IntrinsicResolver
{
    private CfnValue Ref(SyntaxNode call, SyntaxNode arg, int depth)
    {
        var nameValue = ResolveArgument(arg, call, depth);
        if (!nameValue.IsString)
        {
            _run.Report(arg.Location(), $"expected a name for 'Ref', found {nameValue.KindName}");
            return CfnValue.Unknown("bad Ref", call);
        }

        return RefName(nameValue.Text!, call, depth);
    }

    private CfnValue RefName(string name, SyntaxNode call, int depth)
    {
        if (name == "AWS::NoValue")
        {
            return CfnValue.NoValue(call);
        }

        // Parameters and resources share one namespace in a template: a value given for every template (or for
        // this stack) under the name of one of its resources is another template's parameter, not this resource.
        var p = _t.Parameters?.Get(name);
        var r = p is null ? ResourceNamed(name) : null;
        if (r is not null)
        {
            return r.Created ? CfnValue.Resource(r.ModelId, call) : CfnValue.Unknown($"resource '{name}' is not created (its condition is false)", call);
        }

        var stack = _t.Stack;
        if (stack is not null)
        {
            string? pseudo = name switch
            {
                "AWS::StackName" => stack.Name,
                "AWS::AccountId" => stack.Account,
                "AWS::Region" => stack.Region,
                _ => null,
            };
            string? own = pseudo ?? Given(stack.Parameters, name);
            if (own is not null)
            {
                return ParameterValue(name, own, call);
            }

            if (System.Linq.Enumerable.Contains(stack.UnknownParameters, name))
            {
                return CfnValue.Unknown($"parameter '{name}' keeps its previous value (UsePreviousValue), which is not known offline", call);
            }
        }

        var parent = _t.Parent;
        if (parent is not null)
        {
            // A nested stack's parameter is what its parent passes; its name is CloudFormation's choice.
            var passed = p is null ? null : _t.PassedParameters?.Get(name);
            if (passed is not null)
            {
                return Passed(parent, name, passed, call, depth);
            }

            if (name == "AWS::StackName")
            {
                return CfnValue.Unknown("a nested stack's name is chosen by CloudFormation at deploy time", call);
            }
        }

        string? given = _run.Global(name);
        if (given is not null)
        {
            return ParameterValue(name, given, call);
        }

        if (System.Linq.Enumerable.Contains(_run.UnknownParameters, name))
        {
            return CfnValue.Unknown($"parameter '{name}' keeps its previous value (UsePreviousValue), which is not known offline", call);
        }

        if (Array.IndexOf(PseudoParameters, name) >= 0)
        {
            return name == "AWS::AccountId" ? CfnValue.AccountId(call) : CfnValue.Unknown($"the pseudo parameter {name} is not given (--parameter {name}=...)", call);
        }

        if (p is not null)
        {
            if (TypeOf(name).StartsWith("AWS::SSM::Parameter::", StringComparison.Ordinal))
            {
                // The default is the name of an SSM parameter; its value is read at deploy time.
                return CfnValue.Unknown($"parameter '{name}' is read from SSM Parameter Store at deploy time", call);
            }

            var def = (p as MappingNode)?.Get("Default");
            if (def is null || def is ScalarNode { Kind: ScalarKind.Null })
            {
                return CfnValue.Unknown($"parameter '{name}' has no default and no value was given (--parameter {name}=...)", call);
            }

            var dv = Resolve(def, depth);
            if (dv.IsString && dv.Text!.Length == 0)
            {
                // An empty default is a blank for the deployer to fill in (a peer's CIDRs, a key name), not a value:
                // the template's own logic (Fn::Select on it, a CIDR from it) would fail with it.
                return CfnValue.Unknown($"parameter '{name}' defaults to an empty value, for the deployer to fill in (--parameter {name}=...)", call);
            }

            if (dv.IsString)
            {
                return ParameterValue(name, dv.Text!, call);
            }

            return dv.At(call);
        }

        _run.Report(call.Location(), $"'Ref' to '{name}', which is neither a parameter nor a resource of this template");
        return CfnValue.Unknown("Ref to nothing", call);
    }

    /// <summary>A nested stack's parameter: the value its parent passes, read in the parent (guarded against cycles).</summary>
    private CfnValue Passed(TemplateResource parent, string name, SyntaxNode passed, SyntaxNode call, int depth)
    {
        string key = "passed|" + _t.Describe + "|" + name;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: parameter '{name}' of nested stack '{parent.LogicalId}' depends on itself");
            return CfnValue.Unknown("circular reference", call);
        }

        try
        {
            var v = _run.ResolverFor(parent.Template).Resolve(passed, depth);
            return v.IsString ? ParameterValue(name, v.Text!, call) : v.At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }

    private CfnValue ParameterValue(string name, string text, SyntaxNode call)
    {
        string type = TypeOf(name);
        if (type.StartsWith("List<", StringComparison.Ordinal) || type == "CommaDelimitedList")
        {
            var items = new List<CfnValue>();
            foreach (var part in text.Split(','))
            {
                items.Add(CfnValue.Str(part.Trim(), call));
            }

            return CfnValue.List(items, call);
        }

        return CfnValue.Str(text, call);
    }

    /// <summary>The declared type of this template's parameter <paramref name="name"/>; empty when it has none or is not declared.</summary>
    private string TypeOf(string name)
    {
        var type = ((_t.Parameters?.Get(name) as MappingNode)?.Get("Type") as ScalarNode)?.Value;
        return type ?? string.Empty;
    }

    /// <summary>The value given for <paramref name="name"/>, or null (what TryGetValue leaves when there is none).</summary>
    private static string? Given(IReadOnlyDictionary<string, string> values, string name)
    {
        values.TryGetValue(name, out var value);
        return value;
    }

    /// <summary>This template's resource <paramref name="logical"/>, or null (what TryGetValue leaves when there is none).</summary>
    private TemplateResource? ResourceNamed(string logical)
    {
        _t.Resources.TryGetValue(logical, out var r);
        return r;
    }

    private CfnValue GetAtt(SyntaxNode call, SyntaxNode arg, int depth)
    {
        // `!GetAtt a.b`, `Fn::GetAtt: a.b` (an untagged string), or [a, b] whose items may be functions.
        string? logical = null;
        string? attribute = null;
        var s = arg as ScalarNode;
        var seq = arg as SequenceNode;
        if (s is not null && (ReferenceEquals(arg, call) || s.Tag is null))
        {
            string text = s.Value ?? string.Empty;
            int dot = text.IndexOf('.');
            if (dot > 0)
            {
                logical = text.Substring(0, dot);
                attribute = text.Substring(dot + 1);
            }
        }
        else if (seq is not null && seq.Items.Count == 2)
        {
            logical = Resolve(seq.Items[0], depth).Text;
            attribute = Resolve(seq.Items[1], depth).Text;
            if (attribute is null && logical is not null)
            {
                return CfnValue.Unknown("Fn::GetAtt with an unknown attribute name", call);
            }
        }

        if (logical is null || attribute is null)
        {
            _run.Report(arg.Location(), "expected 'Fn::GetAtt' as [resource, attribute] or \"resource.attribute\"");
            return CfnValue.Unknown("bad GetAtt", call);
        }

        var r = ResourceNamed(logical);
        if (r is null)
        {
            _run.Report(call.Location(), $"'Fn::GetAtt' of '{logical}', which is not a resource of this template");
            return CfnValue.Unknown("GetAtt of nothing", call);
        }

        if (!r.Created)
        {
            return CfnValue.Unknown($"resource '{logical}' is not created (its condition is false)", call);
        }

        return Attribute(r, attribute, call, depth);
    }

    private CfnValue Attribute(TemplateResource r, string attribute, SyntaxNode call, int depth)
    {
        switch (r.Type, attribute)
        {
            case ("AWS::EC2::VPC", "VpcId"):
            case ("AWS::EC2::SecurityGroup", "GroupId"):
            case ("AWS::EC2::Subnet", "SubnetId"):
            case ("AWS::EC2::RouteTable", "RouteTableId"):
            case ("AWS::EC2::InternetGateway", "InternetGatewayId"):
            case ("AWS::EC2::VPCPeeringConnection", "Id"):
            case ("AWS::EC2::NetworkAcl", "Id"):
            case ("AWS::EC2::NatGateway", "NatGatewayId"):
            case ("AWS::EC2::EIP", "AllocationId"):
            case ("AWS::EC2::EIP", "PublicIp"):
                return CfnValue.Resource(r.ModelId, call);
            case ("AWS::EC2::VPC", "DefaultSecurityGroup"):
                _run.DefaultGroupsUsed[r.ModelId] = r;
                return CfnValue.Resource(CloudFormationIds.DefaultSecurityGroup(r.ModelId), call);
            case ("AWS::EC2::VPC", "CidrBlock"):
            case ("AWS::EC2::Subnet", "CidrBlock"):
            case ("AWS::EC2::Subnet", "VpcId"):
            case ("AWS::EC2::Subnet", "AvailabilityZone"):
            case ("AWS::EC2::SecurityGroup", "VpcId"):
                return PropertyOf(r, attribute, call, depth);
            case ("AWS::CloudFormation::Stack", _) when attribute.StartsWith("Outputs.", StringComparison.Ordinal):
                return NestedOutput(r, attribute.Substring("Outputs.".Length), call, depth);
            default:
                return CfnValue.Unknown($"attribute {r.LogicalId}.{attribute} is only known after deployment", call);
        }
    }

    /// <summary>An output of a nested stack (<c>Fn::GetAtt Child.Outputs.Name</c>), read in the child (guarded against cycles).</summary>
    private CfnValue NestedOutput(TemplateResource r, string output, SyntaxNode call, int depth)
    {
        bool read = _run.Nested.TryGetValue(r, out var child);
        if (!read)
        {
            return CfnValue.Unknown($"the template of nested stack '{r.LogicalId}' is not read (its TemplateURL is not a local file among or next to the inputs)", call);
        }

        var value = (child!.Outputs?.Get(output) as MappingNode)?.Get("Value");
        if (value is null)
        {
            _run.Report(call.Location(), $"nested stack '{r.LogicalId}' ({child.File.Path}) has no output '{output}'");
            return CfnValue.Unknown("output of nothing", call);
        }

        string key = "output|" + child.Describe + "|" + output;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: output '{output}' of nested stack '{r.LogicalId}' depends on itself");
            return CfnValue.Unknown("circular reference", call);
        }

        try
        {
            return _run.ResolverFor(child).Resolve(value, depth).At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }

    /// <summary>A property of another resource (GetAtt VPC.CidrBlock), guarded against cycles.</summary>
    private CfnValue PropertyOf(TemplateResource r, string property, SyntaxNode call, int depth)
    {
        var node = r.Properties?.Get(property);
        if (node is null)
        {
            return CfnValue.Unknown($"{r.LogicalId} has no {property}", call);
        }

        string key = _t.Describe + "|" + r.LogicalId + "." + property;
        if (!_run.InProgress.Add(key))
        {
            _run.Report(call.Location(), $"circular reference: {r.LogicalId}.{property} depends on itself through Fn::GetAtt/Fn::Sub");
            return CfnValue.Unknown("circular reference", call);
        }

        try
        {
            return Resolve(node, depth).At(call);
        }
        finally
        {
            _run.InProgress.Remove(key);
        }
    }
}
