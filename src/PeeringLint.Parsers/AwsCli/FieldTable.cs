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
    private readonly string? _recordKey;

    /// <summary>The object whose entry <see cref="_index"/> is the field; or, when the index is -1, the value itself.</summary>
    private readonly SyntaxNode _source;
    private readonly int _index;

    /// <summary>A field whose value is <paramref name="value"/>.</summary>
    public Field(SyntaxNode value, string recordPath, string key, AwsReadContext ctx)
    {
        _source = value;
        _index = -1;
        _recordPath = recordPath;
        Key = key;
        Ctx = ctx;
    }

    /// <summary>Entry <paramref name="index"/> of <paramref name="owner"/>: a scalar value is read as text, without a node.</summary>
    public Field(MappingNode owner, int index, string recordPath, string key, AwsReadContext ctx)
    {
        _source = owner;
        _index = index;
        _recordPath = recordPath;
        Key = key;
        Ctx = ctx;
    }

    /// <summary>The field <paramref name="key"/> of the record <paramref name="m"/> at <paramref name="recordPath"/>; null when it has none.</summary>
    public static Field? In(MappingNode m, string recordPath, string key, AwsReadContext ctx) =>
        m.IndexOf(key) is int at and >= 0 ? new Field(m, at, recordPath, key, ctx) : null;

    /// <summary>The value's node (made on first use for a scalar of a JSON object; the typed reads below need none).</summary>
    public SyntaxNode Value => _index < 0 ? _source : ((MappingNode)_source).ValueAt(_index);

    public string Key { get; }

    public AwsReadContext Ctx { get; }

    /// <summary>
    /// The field's logical path, joined when asked for: most fields are read without a problem and need none. A field of
    /// a field (<see cref="Get"/>) joins its parent's path then too.
    /// </summary>
    public string Path => LogicalPaths.Child(_recordKey is null ? _recordPath : LogicalPaths.Child(_recordPath, _recordKey), Key);

    /// <summary>Entry <paramref name="index"/> of <paramref name="owner"/>, the object of the field <paramref name="parent"/>.</summary>
    private Field(MappingNode owner, int index, Field parent, string key)
    {
        _source = owner;
        _index = index;
        (_recordPath, _recordKey) = parent._recordKey is null ? (parent._recordPath, parent.Key) : (parent.Path, null);
        Key = key;
        Ctx = parent.Ctx;
    }

    /// <summary>The value's text and kind when it is a scalar; false for an object or a list.</summary>
    private bool Scalar(out string? text, out ScalarKind kind)
    {
        if (_index >= 0)
        {
            return ((MappingNode)_source).TryScalarAt(_index, out text, out kind);
        }

        if (_source is ScalarNode s)
        {
            (text, kind) = (s.Value, s.Kind);
            return true;
        }

        (text, kind) = (null, ScalarKind.Null);
        return false;
    }

    /// <summary>A string; numbers and booleans as their text; empty strings and null are null.</summary>
    public string? Str() => Scalar(out var text, out var kind)
        ? (kind == ScalarKind.Null || string.IsNullOrEmpty(text) ? null : text)
        : Ctx.Str(Value, Path, Key);

    public bool? Bool() => Scalar(out var text, out var kind) && kind == ScalarKind.Boolean ? text == "true" : Ctx.Bool(Value, Path, Key);

    public int? Int() => Scalar(out var text, out var kind) && kind == ScalarKind.Number
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : Ctx.Int(Value, Path, Key);

    /// <summary>A CIDR value at the string's location; wrong types become problems and null.</summary>
    public CidrValue? Cidr() => _index >= 0 && _source is MappingNode owner && owner.TryScalarAt(_index, out var text, out var kind) && kind == ScalarKind.String && text is not null
        ? CidrValue.Parse(text, owner.ValueLocation(_index, Path))
        : Ctx.Cidr(Value, Path, Key);

    public SequenceNode? List() => Value as SequenceNode ?? Ctx.List(Value, Path, Key);

    public MappingNode? Map() => Value as MappingNode ?? Ctx.Map(Value, Path, Key);

    /// <summary>The Name tag of a Tags/TagSet list.</summary>
    public string? NameTag() => Value is SequenceNode list ? AwsReadContext.NameOf(list) : Ctx.NameTag(Value, Path, Key);

    public void Warning(string message) => Ctx.Warning(Value, Path, message);

    /// <summary>A field of this field's object (<c>Status.Code</c>); null when this is no object or lacks the key.</summary>
    public Field? Get(string key)
    {
        if (Map() is { } m && m.IndexOf(key) is int at and >= 0)
        {
            return new Field(m, at, this, key);
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

            var f = new Field(m, i, path, key, ctx);
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
