using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace PeeringLint.Engine;

/// <summary>
/// Compares by identity. Model elements are records (value equality over every property, and hashing that walks
/// them), so caches keyed by an element use this (netstandard2.0 has no ReferenceEqualityComparer).
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static ReferenceComparer<T> Instance { get; } = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
