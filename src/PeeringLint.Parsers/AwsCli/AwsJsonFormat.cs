using System;
using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// Output of <c>aws ec2 describe-*</c> (docs/aws-json.md): recognised by a top-level key such as
/// <c>Vpcs</c> or <c>RouteTables</c>, also inside Cloud Custodian placebo recordings
/// (<c>{"status_code": 200, "data": {...}}</c>) and botocore example files.
/// </summary>
public sealed class AwsJsonFormat : IInputFormat
{
    /// <summary>Top-level keys of the describe-* responses this format reads.</summary>
    internal static readonly HashSet<string> Keys = new(StringComparer.Ordinal)
    {
        "Vpcs",
        "Subnets",
        "RouteTables",
        "InternetGateways",
        "VpcPeeringConnections",
        "SecurityGroups",
        "NetworkAcls",
        "Reservations",
        "Addresses",
        "NetworkInterfaces",
        "NatGateways",
        "Instances",
    };

    public string Name => "aws-json";

    public InputFormats Kind => InputFormats.AwsCli;

    public bool Recognizes(SyntaxNode root)
    {
        if (root is not MappingNode m || m.Has("Resources") || m.Has("AWSTemplateFormatVersion"))
        {
            return false;
        }

        if (HasKnownKey(m))
        {
            return true;
        }

        // Cloud Custodian placebo recording: {"status_code": 200, "data": {...}}.
        if (m.Has("status_code") && m.Get("data") is MappingNode data)
        {
            return HasKnownKey(data) || data.Has("Error");
        }

        // botocore examples: {"version": "1.0", "examples": {"DescribeVpcs": [...]}}.
        if (m.Has("version") && m.Get("examples") is MappingNode examples)
        {
            foreach (var e in examples.Entries)
            {
                if (e.Key.Value is { } k && k.StartsWith("Describe", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public IFormatReader CreateReader(LoadOptions options) => new AwsJsonReader();

    internal static bool HasKnownKey(MappingNode m)
    {
        foreach (var e in m.Entries)
        {
            if (e.Key.Value is { } k && Keys.Contains(k))
            {
                return true;
            }
        }

        return false;
    }
}
