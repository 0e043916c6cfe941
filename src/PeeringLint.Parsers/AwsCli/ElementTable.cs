using System;
using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>Where a record came from: its placebo call (null group for plain CLI output), and whether it is a snapshot (create-*/accept-*/run-instances output).</summary>
internal readonly record struct RecordOrigin(string? CallGroup, int CallNumber, bool Snapshot);

/// <summary>
/// Elements of one kind by id, in first-seen order. A record seen again is resolved here: a describe-* record
/// replaces a snapshot (the output of the command that created or accepted it) silently, and a snapshot never
/// replaces a describe-* record; a later placebo call of the same operation replaces the earlier one silently;
/// otherwise <see cref="Merge"/> decides (peerings merge both accounts' views) or the first one stays and a
/// note names the duplicate.
/// </summary>
internal sealed class ElementTable<T> : IElementTable
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
    public Func<T, T, T>? Merge { get; set; }

    public int Count => _slots.Count;

    /// <summary>Adds a record of a file; <paramref name="from"/> names its placebo call and whether it is a snapshot.</summary>
    public void Add(T item, RecordOrigin from, List<InputProblem> problems)
    {
        var (callGroup, callNumber, snapshot) = from;
        if (!_byId.TryGetValue(item.Id, out int at))
        {
            _byId[item.Id] = _slots.Count;
            _slots.Add(new Slot(item, callGroup, callNumber, snapshot));
            return;
        }

        var slot = _slots[at];
        if (slot.Snapshot != snapshot)
        {
            // The describe-* record is the later, fuller state of the resource a create-*/accept-* output shows.
            if (slot.Snapshot)
            {
                _slots[at] = new Slot(item, callGroup, callNumber, false);
            }

            return;
        }

        if (callGroup is not null && string.Equals(slot.Group, callGroup, StringComparison.Ordinal))
        {
            // Successive recorded calls of one operation: the later call is the later state.
            if (callNumber >= slot.Number)
            {
                _slots[at] = new Slot(item, callGroup, callNumber, snapshot);
            }

            return;
        }

        if (Merge is not null)
        {
            _slots[at] = new Slot(Merge(slot.Item, item), slot.Group, slot.Number, slot.Snapshot);
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

    public void Set(int index, T item) => _slots[index] = _slots[index] with { Item = item };

    void IElementTable.Add(Element item, RecordOrigin from, List<InputProblem> problems) => Add((T)item, from, problems);

    void IElementTable.CopyTo(NetworkModelBuilder builder) => CopyTo(builder.Of<T>());

    public void CopyTo(List<T> target)
    {
        target.Capacity = Math.Max(target.Capacity, target.Count + _slots.Count);
        foreach (var s in _slots)
        {
            target.Add(s.Item);
        }
    }

    private readonly record struct Slot(T Item, string? Group, int Number, bool Snapshot);
}

/// <summary>An <see cref="ElementTable{T}"/> seen without its element type.</summary>
internal interface IElementTable
{
    void Add(Element item, RecordOrigin from, List<InputProblem> problems);

    void CopyTo(NetworkModelBuilder builder);
}

/// <summary>One <see cref="ElementTable{T}"/> per <see cref="ResourceKind"/>, named by the kind's noun.</summary>
internal sealed class ElementTables
{
    private readonly Dictionary<Type, IElementTable> _byType = new();

    public ElementTables()
    {
        foreach (var kind in ResourceKind.All)
        {
            _byType[kind.ElementType] = kind.Accept(Create.Instance);
        }
    }

    public ElementTable<T> Of<T>()
        where T : Element => (ElementTable<T>)_byType[typeof(T)];

    /// <summary>Adds a record to the table of its kind.</summary>
    public void Add(Element item, RecordOrigin from, List<InputProblem> problems) =>
        (_byType.TryGetValue(item.GetType(), out var table) ? table : throw new InvalidOperationException("unexpected element type " + item.GetType().Name))
            .Add(item, from, problems);

    /// <summary>Copies every kind's records into the builder, kind by kind in table order.</summary>
    public void CopyTo(NetworkModelBuilder builder)
    {
        foreach (var kind in ResourceKind.All)
        {
            _byType[kind.ElementType].CopyTo(builder);
        }
    }

    private sealed class Create : IResourceKindVisitor<IElementTable>
    {
        public static readonly Create Instance = new();

        public IElementTable Visit<T>(ResourceKind<T> kind)
            where T : Element => new ElementTable<T>(kind.Noun);
    }
}
