using System;
using System.Collections.Generic;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>How a document holds AWS records (docs/aws-json.md, "Which files are read").</summary>
internal enum AwsShapeKind
{
    /// <summary>Not AWS CLI output PeeringLint reads (see <see cref="AwsShape.Reason"/> when it looks like it).</summary>
    None,

    /// <summary>describe-* output: a top-level object whose keys (<c>Vpcs</c>, <c>RouteTables</c>, ...) hold lists.</summary>
    Lists,

    /// <summary>A Cloud Custodian placebo recording.</summary>
    Placebo,

    /// <summary>A botocore example file.</summary>
    Examples,

    /// <summary>The output of a create-*/accept-* command: one record under a singular key (<c>{"Vpc": {...}}</c>).</summary>
    Single,

    /// <summary>One bare record (<c>--query 'Vpcs[0]'</c>).</summary>
    Record,

    /// <summary>A bare list of records (<c>--query 'Vpcs'</c>, <c>--query 'Reservations[].Instances[]'</c>).</summary>
    Array,
}

/// <summary>What <see cref="AwsShapes.Classify"/> found: the shape, the describe-* list key its records belong to, or why it is not read.</summary>
internal readonly record struct AwsShape(AwsShapeKind Kind, string? Key = null, string? Reason = null);

/// <summary>
/// Tells AWS CLI outputs apart by their shape: the describe-* lists, create-*/accept-* outputs that hold one
/// record, and <c>--query</c> results that are bare records or bare lists. A record's kind comes from the fields
/// that identify it (a route table has <c>RouteTableId</c> and <c>Routes</c>), never from the file's name.
/// </summary>
internal static class AwsShapes
{
    /// <summary>
    /// Singular top-level keys of create-* outputs that describe a resource as created, before the commands that
    /// give it its meaning (routes, attachments, entries); reading them would report what they lack as missing.
    /// </summary>
    private static readonly Dictionary<string, string> AsCreatedKeys = new(StringComparer.Ordinal)
    {
        ["RouteTable"] = "create-route-table output: the route table as created, with only its local route and no subnet associations (routes added later are not in it); export describe-route-tables",
        ["InternetGateway"] = "create-internet-gateway output: the gateway as created, before it is attached to a VPC; export describe-internet-gateways",
        ["NetworkAcl"] = "create-network-acl output: the network ACL as created, before its entries and subnet associations; export describe-network-acls",
        ["SecurityGroup"] = "a single security group without its rules; export describe-security-groups",
    };

    /// <summary>Keys of a describe-classic-link-instances record (an EC2-Classic instance linked to a VPC).</summary>
    private static readonly HashSet<string> ClassicLinkInstanceKeys = new(StringComparer.Ordinal) { "InstanceId", "VpcId", "Groups", "Tags" };

    /// <summary>Keys of create-security-group output (no rules).</summary>
    private static readonly HashSet<string> CreatedGroupKeys = new(StringComparer.Ordinal) { "GroupId", "SecurityGroupArn", "Tags", "return", "Return" };

    public static AwsShape Classify(SyntaxNode root)
    {
        if (root is SequenceNode list)
        {
            return ClassifyList(list);
        }

        if (root is not MappingNode m || m.Has("Resources") || m.Has("AWSTemplateFormatVersion"))
        {
            return default;
        }

        if (AwsJsonFormat.HasKnownKey(m))
        {
            return new AwsShape(AwsShapeKind.Lists);
        }

        // Cloud Custodian placebo recording: {"status_code": 200, "data": {...}}.
        if (m.Has("status_code") && m.Get("data") is MappingNode data)
        {
            return AwsJsonFormat.HasKnownKey(data) || data.Has("Error") ? new AwsShape(AwsShapeKind.Placebo) : default;
        }

        // botocore examples: {"version": "1.0", "examples": {"DescribeVpcs": [...]}}.
        if (m.Has("version") && m.Get("examples") is MappingNode examples)
        {
            foreach (var e in examples.Entries)
            {
                if (e.Key.Value is { } k && k.StartsWith("Describe", StringComparison.Ordinal))
                {
                    return new AwsShape(AwsShapeKind.Examples);
                }
            }

            return default;
        }

        if (m.Count == 1 && m.KeyAt(0) is { } single)
        {
            if (AwsRecordKinds.BySingleKey.TryGetValue(single, out var kind))
            {
                return m.ValueAt(0) is MappingNode record && kind.Identifies(record)
                    ? new AwsShape(AwsShapeKind.Single, kind.ListKey)
                    : new AwsShape(AwsShapeKind.None, Reason: $"'{single}' holds no complete {kind.Noun} record (it needs the fields {kind.Command} prints)");
            }

            if (AsCreatedKeys.TryGetValue(single, out var reason))
            {
                return new AwsShape(AwsShapeKind.None, Reason: reason);
            }
        }

        if (KeyOf(m) is { } key)
        {
            // allocate-address prints the same fields as an unassociated describe-addresses record.
            return key == "Addresses" && !IsAssociatedAddress(m)
                ? new AwsShape(AwsShapeKind.None, Reason: "an Elastic IP address that is not associated: allocate-address output (the address before it is associated) looks the same; export describe-addresses")
                : new AwsShape(AwsShapeKind.Record, key);
        }

        return new AwsShape(AwsShapeKind.None, Reason: WhyNot(m));
    }

    /// <summary>The describe-* list key of the kind a record's fields identify; null when they identify none.</summary>
    public static string? KeyOf(MappingNode m) => AwsRecordKinds.KeyOf(m)?.ListKey;

    /// <summary>
    /// A describe-classic-link-instances record: <c>InstanceId</c>, <c>VpcId</c>, <c>Groups</c> and <c>Tags</c>, nothing
    /// else. Instance records of run-instances and describe-instances have many more fields (ImageId, InstanceType, ...).
    /// </summary>
    public static bool IsClassicLinkInstance(MappingNode m)
    {
        if (!m.Has("InstanceId") || !m.Has("VpcId"))
        {
            return false;
        }

        for (int i = 0; i < m.Count; i++)
        {
            if (m.KeyAt(i) is not { } k || !ClassicLinkInstanceKeys.Contains(k))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsFullInstance(MappingNode m) =>
        m.Has("ImageId") || m.Has("InstanceType") || m.Has("Placement") || m.Has("SubnetId") || m.Has("PrivateIpAddress") || m.Has("State");

    public static bool IsAssociatedAddress(MappingNode m) =>
        m.Has("AssociationId") || m.Has("InstanceId") || m.Has("NetworkInterfaceId");

    private static AwsShape ClassifyList(SequenceNode list)
    {
        int records = 0, values = 0;
        string? key = null;
        foreach (var item in Flatten(list))
        {
            if (item is MappingNode m)
            {
                records++;
                key ??= KeyOf(m);
            }
            else
            {
                values++;
            }
        }

        if (key is not null)
        {
            return new AwsShape(AwsShapeKind.Array, key);
        }

        if (records == 0 && values == 0)
        {
            return new AwsShape(AwsShapeKind.None, Reason: "an empty list: nothing to read");
        }

        return records == 0
            ? new AwsShape(AwsShapeKind.None, Reason: "a list of values (the result of an --query such as 'Vpcs[].CidrBlock'), not records; export whole records (--query 'Vpcs', or no --query)")
            : new AwsShape(AwsShapeKind.None, Reason: "a list of objects whose fields identify no EC2 record PeeringLint reads (VPCs, subnets, route tables, peering connections, ...)");
    }

    /// <summary>The items of a list, with nested lists flattened (<c>--query 'Reservations[*].Instances[*]'</c> gives lists of lists).</summary>
    public static IEnumerable<(SyntaxNode Item, string Path)> FlattenWithPaths(SequenceNode list, string path)
    {
        for (int i = 0; i < list.Items.Count; i++)
        {
            string p = LogicalPaths.Item(path, i);
            if (list.Items[i] is SequenceNode inner)
            {
                foreach (var x in FlattenWithPaths(inner, p))
                {
                    yield return x;
                }
            }
            else
            {
                yield return (list.Items[i], p);
            }
        }
    }

    private static IEnumerable<SyntaxNode> Flatten(SequenceNode list)
    {
        foreach (var (item, _) in FlattenWithPaths(list, string.Empty))
        {
            yield return item;
        }
    }

    /// <summary>Why an object that names EC2 ids is not read; null when it does not look like AWS output at all.</summary>
    private static string? WhyNot(MappingNode m)
    {
        bool onlyCreatedGroup = m.Has("GroupId");
        for (int i = 0; i < m.Count; i++)
        {
            onlyCreatedGroup &= m.KeyAt(i) is { } k && CreatedGroupKeys.Contains(k);
        }

        if (onlyCreatedGroup)
        {
            return "create-security-group output: only the new group's id ('GroupId'), without its rules; export describe-security-groups";
        }

        if ((m.Has("Return") || m.Has("return")) && m.Count <= 2)
        {
            return "the output of a command that changes a resource ('Return': true); it describes no resource; export describe-* output";
        }

        return null;
    }
}
