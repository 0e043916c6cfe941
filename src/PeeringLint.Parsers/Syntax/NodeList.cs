using System;
using System.Collections;
using System.Collections.Generic;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// The read-only children of a node, over an exact-size array. <c>foreach</c> uses the struct enumerator, so
/// walking millions of nodes allocates nothing (an <see cref="IReadOnlyList{T}"/> would box an enumerator per loop).
/// </summary>
public readonly struct NodeList<T> : IReadOnlyList<T>
{
    private readonly T[]? _items;

    public NodeList(T[] items)
    {
        _items = items;
    }

    public static NodeList<T> Empty => new(Array.Empty<T>());

    public int Count => _items?.Length ?? 0;

    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    public Enumerator GetEnumerator() => new(_items ?? Array.Empty<T>());

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? Array.Empty<T>()).GetEnumerator();

    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items[_index];

        public bool MoveNext() => ++_index < _items.Length;
    }
}
