using System;
using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// One field of a record as a mapper sees it: its value, its key, and typed reads that report wrong types at the
/// value's location. The logical path (<c>RouteTables[0].Routes</c>) is built only when a location needs it.
/// </summary>
internal readonly struct Field
{
    private readonly string _recordPath;

    public Field(SyntaxNode value, string recordPath, string key, AwsReadContext ctx)
    {
        Value = value;
        _recordPath = recordPath;
        Key = key;
        Ctx = ctx;
    }

    public SyntaxNode Value { get; }

    public string Key { get; }

    public AwsReadContext Ctx { get; }

    public string Path => LogicalPaths.Child(_recordPath, Key);

    /// <summary>A string; numbers and booleans as their text; empty strings and null are null.</summary>
    public string? Str() => Value is ScalarNode s
        ? (s.Kind == ScalarKind.Null || string.IsNullOrEmpty(s.Value) ? null : s.Value)
        : Ctx.Str(Value, Path, Key);

    public bool? Bool() => Value is ScalarNode { Kind: ScalarKind.Boolean } b && b.AsBool() is { } v ? v : Ctx.Bool(Value, Path, Key);

    public int? Int() => Value is ScalarNode { Kind: ScalarKind.Number } n && n.AsInt() is { } v ? v : Ctx.Int(Value, Path, Key);

    public CidrValue? Cidr() => Ctx.Cidr(Value, Path, Key);

    public SequenceNode? List() => Value as SequenceNode ?? Ctx.List(Value, Path, Key);

    public MappingNode? Map() => Value as MappingNode ?? Ctx.Map(Value, Path, Key);

    /// <summary>The Name tag of a Tags/TagSet list.</summary>
    public string? NameTag() => Ctx.NameTag(Value, Path, Key);

    public void Warning(string message) => Ctx.Warning(Value, Path, message);

    /// <summary>A field of this field's object (<c>Status.Code</c>); null when this is no object or lacks the key.</summary>
    public Field? Get(string key)
    {
        if (Map() is { } m && m.Get(key) is { } v)
        {
            return new Field(v, Path, key, Ctx);
        }

        return null;
    }

    /// <summary>The objects of a list field, each with its logical path; other items are reported as not <paramref name="what"/>.</summary>
    public FieldItems Items(string what) => new(this, what);
}

/// <summary>
/// The objects of a list field for <c>foreach</c> (<see cref="Field.Items"/>): a struct enumerator, so a record's
/// lists cost no iterator object each; items that are not objects are reported as the walk reaches them.
/// </summary>
internal readonly struct FieldItems
{
    private readonly Field _field;
    private readonly string _what;

    public FieldItems(Field field, string what)
    {
        _field = field;
        _what = what;
    }

    public Enumerator GetEnumerator() => new(_field.List(), _field, _what);

    public struct Enumerator
    {
        private readonly SequenceNode? _list;
        private readonly string _path;
        private readonly AwsReadContext _ctx;
        private readonly string _what;
        private int _index;

        internal Enumerator(SequenceNode? list, Field field, string what)
        {
            _list = list;
            _path = list is null ? string.Empty : field.Path;
            _ctx = field.Ctx;
            _what = what;
            _index = -1;
            Current = default;
        }

        public (MappingNode Item, string Path) Current { get; private set; }

        public bool MoveNext()
        {
            if (_list is null)
            {
                return false;
            }

            while (++_index < _list.Items.Count)
            {
                string ip = LogicalPaths.Item(_path, _index);
                if (_ctx.Item(_list.Items[_index], ip, _what) is { } item)
                {
                    Current = (item, ip);
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>
/// The fields every AWS record may carry, read the same way for every kind: its id, <c>VpcId</c>, <c>SubnetId</c>,
/// <c>OwnerId</c> and the <c>Name</c> tag (from <c>Tags</c> or <c>TagSet</c>).
/// </summary>
internal class RecordFields
{
    public string? Id { get; set; }

    public string? VpcId { get; set; }

    public string? SubnetId { get; set; }

    public string? OwnerId { get; set; }

    public string? Name { get; set; }
}

/// <summary>
/// How one kind of record (or nested object) is read: its id key, and a reader for each field it uses beyond the
/// common ones (<see cref="RecordFields"/>). One pass over the record's entries; every key is spelled once.
/// </summary>
internal sealed class FieldTable<T>
    where T : RecordFields, new()
{
    private readonly string? _idKey;
    private readonly string? _kind;
    private readonly Dictionary<string, Action<T, Field>> _fields;

    /// <param name="kind">The record's name in messages ("VPC"); null for nested objects without an id.</param>
    /// <param name="idKey">The key of the record's id (<c>VpcId</c>); null when it has none.</param>
    /// <param name="fields">Readers of the fields beyond the common ones.</param>
    public FieldTable(string? kind, string? idKey, Dictionary<string, Action<T, Field>> fields)
    {
        _kind = kind;
        _idKey = idKey;
        _fields = fields;
    }

    /// <summary>Reads every field of <paramref name="m"/> at <paramref name="path"/>.</summary>
    public T Read(MappingNode m, string path, AwsReadContext ctx)
    {
        var r = new T();
        for (int i = 0; i < m.Count; i++)
        {
            if (m.KeyAt(i) is not { } key)
            {
                continue;
            }

            var f = new Field(m.ValueAt(i), path, key, ctx);
            if (_fields.TryGetValue(key, out var read))
            {
                read(r, f);
                continue;
            }

            if (key == _idKey)
            {
                r.Id = f.Str();
                continue;
            }

            switch (key)
            {
                case "VpcId":
                    r.VpcId = f.Str();
                    break;
                case "SubnetId":
                    r.SubnetId = f.Str();
                    break;
                case "OwnerId":
                    r.OwnerId = f.Str();
                    break;
                case "Tags":
                case "TagSet":
                    r.Name ??= f.NameTag();
                    break;
            }
        }

        return r;
    }

    /// <summary>
    /// Reads a record that must have its id and makes its element: <paramref name="create"/> sets what is particular
    /// to the kind, and the common fields it left unset are filled here the same way for every kind (the Name tag, the
    /// owner or else the file's account, the file's region). Null (with an error) when the record has no id.
    /// </summary>
    public TElement? ReadElement<TElement>(MappingNode m, string path, AwsReadContext ctx, Func<T, SourceLocation, TElement> create)
        where TElement : Element
    {
        if (!TryRead(m, path, ctx, out var r))
        {
            return null;
        }

        var e = create(r, m.Location(path));
        string? name = e.Name ?? r.Name;
        string? account = e.Account ?? r.OwnerId ?? ctx.Account;
        string? region = e.Region ?? ctx.Region;
        return name == e.Name && account == e.Account && region == e.Region
            ? e
            : (TElement)(e with { Name = name, Account = account, Region = region });
    }

    /// <summary>Reads a record that must have its id: false (with an error that says it is skipped) when it has none.</summary>
    public bool TryRead(MappingNode m, string path, AwsReadContext ctx, out T record)
    {
        record = Read(m, path, ctx);
        if (record.Id is null)
        {
            ctx.Error(m, path, $"a {_kind} record has no '{_idKey}'; it is skipped");
            return false;
        }

        return true;
    }
}
