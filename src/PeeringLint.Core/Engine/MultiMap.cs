using System.Collections.Generic;

namespace PeeringLint.Engine;

/// <summary>A dictionary of lists used as a multimap: the index's joins by id and name.</summary>
internal static class MultiMap
{
    /// <summary>Adds <paramref name="value"/> to the list under <paramref name="key"/>, making the list (of <paramref name="capacity"/>) on first use.</summary>
    public static void AddTo<TKey, T>(this Dictionary<TKey, List<T>> d, TKey key, T value, int capacity = 2)
        where TKey : notnull
    {
        if (!d.TryGetValue(key, out var list))
        {
            list = new List<T>(capacity);
            d[key] = list;
        }

        list.Add(value);
    }
}
