using System;
using System.Collections.Generic;

namespace PeeringLint.Aws;

/// <summary>What a front end could tell about one property of an AWS resource.</summary>
public enum PropertyValueKind
{
    /// <summary>The property is not set (AWS applies its default).</summary>
    Absent,

    /// <summary>A literal: an AWS id (<c>igw-…</c>, <c>eipalloc-…</c>), an account number, a region.</summary>
    Known,

    /// <summary>A reference to a resource of the same input (<c>!Ref</c>, <c>!GetAtt</c>, a CDK construct's attribute).</summary>
    Reference,

    /// <summary>Set, but to something the input does not pin down (a parameter without value, a deploy-time attribute).</summary>
    Unknown,

    /// <summary>A list of values (<c>SecondaryAllocationIds</c>).</summary>
    List,
}

/// <summary>
/// One property value as the shared AWS semantics layer sees it, whatever the front end: a template value, a
/// CDK expression, a describe-* field or a tutorial entry. <see cref="Text"/> is the literal (Known) or the
/// referenced resource's model id (Reference); <see cref="ResourceType"/> is the referenced resource's
/// CloudFormation type (<see cref="AwsResourceTypes"/>) when the front end knows it.
/// </summary>
public readonly struct PropertyValue
{
    private PropertyValue(PropertyValueKind kind, string? text, string? resourceType, string? why, IReadOnlyList<PropertyValue>? items)
    {
        Kind = kind;
        Text = text;
        ResourceType = resourceType;
        Why = why;
        Items = items ?? Array.Empty<PropertyValue>();
    }

    public static PropertyValue Absent => default;

    public PropertyValueKind Kind { get; }

    public string? Text { get; }

    public string? ResourceType { get; }

    /// <summary>Why an unknown value is unknown, when the front end says.</summary>
    public string? Why { get; }

    /// <summary>The items of a <see cref="PropertyValueKind.List"/>; empty otherwise.</summary>
    public IReadOnlyList<PropertyValue> Items { get; }

    public bool IsPresent => Kind != PropertyValueKind.Absent;

    /// <summary>
    /// The id the value names: the literal or the referenced resource's model id; null when unknown, absent or a list
    /// (only Known and Reference values carry a <see cref="Text"/>).
    /// </summary>
    public string? Id => Text;

    public static PropertyValue Known(string text) => new(PropertyValueKind.Known, text, null, null, null);

    /// <summary>A known literal, or <see cref="Absent"/> for null.</summary>
    public static PropertyValue KnownOrAbsent(string? text) => text is null ? Absent : Known(text);

    public static PropertyValue Reference(string modelId, string? resourceType) => new(PropertyValueKind.Reference, modelId, resourceType, null, null);

    public static PropertyValue Unknown(string? why = null) => new(PropertyValueKind.Unknown, null, null, why, null);

    public static PropertyValue List(IReadOnlyList<PropertyValue> items) => new(PropertyValueKind.List, null, null, null, items);

    public override string ToString() => Kind switch
    {
        PropertyValueKind.Known => Text!,
        PropertyValueKind.Reference => "ref " + Text + (ResourceType is null ? string.Empty : " (" + ResourceType + ")"),
        PropertyValueKind.Unknown => "<unknown>",
        PropertyValueKind.List => "[" + string.Join(", ", Items) + "]",
        _ => "<absent>",
    };
}

/// <summary>
/// A front end's view of one resource's properties, by their CloudFormation names (<c>GatewayId</c>,
/// <c>PeerOwnerId</c>, <c>AllocationId</c>). The layer asks only for what it needs.
/// </summary>
public delegate PropertyValue PropertySource(string property);
