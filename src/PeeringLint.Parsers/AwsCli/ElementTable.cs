using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// Elements of one kind by id, in first-seen order. A record seen again is resolved here: a later placebo
/// call of the same operation replaces the earlier one silently; otherwise <see cref="Merge"/> decides
/// (peerings merge both accounts' views) or the first one stays and a note names the duplicate.
/// </summary>
internal sealed class ElementTable<T>
    where T : Element
{
    private readonly List<Slot> _slots = new();
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly string _kind;

    public ElementTable(string kind)
    {
        _kind = kind;
    }

    /// <summary>Combines two records of the same id from different files; null keeps the first and notes the duplicate.</summary>
    public Func<T, T, T>? Merge { get; init; }

    public int Count => _slots.Count;

    /// <summary>Adds a record of a file; <paramref name="callGroup"/> and <paramref name="callNumber"/> name its placebo call.</summary>
    public void Add(T item, string? callGroup, int callNumber, List<InputProblem> problems)
    {
        if (!_byId.TryGetValue(item.Id, out int at))
        {
            _byId[item.Id] = _slots.Count;
            _slots.Add(new Slot(item, callGroup, callNumber));
            return;
        }

        var slot = _slots[at];
        if (callGroup is not null && string.Equals(slot.Group, callGroup, StringComparison.Ordinal))
        {
            // Successive recorded calls of one operation: the later call is the later state.
            if (callNumber >= slot.Number)
            {
                _slots[at] = new Slot(item, callGroup, callNumber);
            }

            return;
        }

        if (Merge is not null)
        {
            _slots[at] = new Slot(Merge(slot.Item, item), slot.Group, slot.Number);
            return;
        }

        var first = slot.Item.Location;
        problems.Add(new InputProblem(
            item.Location,
            $"{_kind} '{item.Id}' is described again; keeping the first description at {first}",
            InputProblemSeverity.Note));
    }

    public bool TryGet(string id, out T item)
    {
        if (_byId.TryGetValue(id, out int at))
        {
            item = _slots[at].Item;
            return true;
        }

        item = null!;
        return false;
    }

    public T this[int index] => _slots[index].Item;

    public void Set(int index, T item) => _slots[index] = new Slot(item, _slots[index].Group, _slots[index].Number);

    public void CopyTo(List<T> target)
    {
        target.Capacity = Math.Max(target.Capacity, target.Count + _slots.Count);
        foreach (var s in _slots)
        {
            target.Add(s.Item);
        }
    }

    private readonly record struct Slot(T Item, string? Group, int Number);
}
