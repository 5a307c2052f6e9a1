using System.Collections;
using System.Data.Common;

namespace CqlConnector;

/// <summary>The parameters of a <see cref="CqlCommand"/>.</summary>
public sealed class CqlParameterCollection : DbParameterCollection
{
    private readonly List<CqlParameter> _parameters = [];

    /// <inheritdoc />
    public override int Count => _parameters.Count;

    /// <inheritdoc />
    public override object SyncRoot => ((ICollection)_parameters).SyncRoot;

    /// <summary>The parameter at an index.</summary>
    public new CqlParameter this[int index]
    {
        get => _parameters[index];
        set => _parameters[index] = value;
    }

    /// <summary>Adds a parameter.</summary>
    public CqlParameter Add(CqlParameter parameter)
    {
        _parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a parameter with a name and value.</summary>
    public CqlParameter AddWithValue(string name, object? value) => Add(new CqlParameter(name, value));

    /// <inheritdoc />
    public override int Add(object value)
    {
        _parameters.Add(Cast(value));
        return _parameters.Count - 1;
    }

    /// <inheritdoc />
    public override void AddRange(Array values)
    {
        foreach (var value in values)
        {
            Add(value!);
        }
    }

    /// <inheritdoc />
    public override void Clear() => _parameters.Clear();

    /// <inheritdoc />
    public override bool Contains(object value) => value is CqlParameter p && _parameters.Contains(p);

    /// <inheritdoc />
    public override bool Contains(string value) => IndexOf(value) >= 0;

    /// <inheritdoc />
    public override void CopyTo(Array array, int index) => ((ICollection)_parameters).CopyTo(array, index);

    /// <inheritdoc />
    public override IEnumerator GetEnumerator() => _parameters.GetEnumerator();

    /// <inheritdoc />
    public override int IndexOf(object value) => value is CqlParameter p ? _parameters.IndexOf(p) : -1;

    /// <inheritdoc />
    public override int IndexOf(string parameterName)
    {
        var name = parameterName.TrimStart(':', '@');
        for (var i = 0; i < _parameters.Count; i++)
        {
            if (string.Equals(_parameters[i].NormalizedName, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc />
    public override void Insert(int index, object value) => _parameters.Insert(index, Cast(value));

    /// <inheritdoc />
    public override void Remove(object value) => _parameters.Remove(Cast(value));

    /// <inheritdoc />
    public override void RemoveAt(int index) => _parameters.RemoveAt(index);

    /// <inheritdoc />
    public override void RemoveAt(string parameterName) => _parameters.RemoveAt(IndexOfOrThrow(parameterName));

    /// <inheritdoc />
    protected override DbParameter GetParameter(int index) => _parameters[index];

    /// <inheritdoc />
    protected override DbParameter GetParameter(string parameterName) => _parameters[IndexOfOrThrow(parameterName)];

    /// <inheritdoc />
    protected override void SetParameter(int index, DbParameter value) => _parameters[index] = Cast(value);

    /// <inheritdoc />
    protected override void SetParameter(string parameterName, DbParameter value) => _parameters[IndexOfOrThrow(parameterName)] = Cast(value);

    internal List<CqlParameter> Items => _parameters;

    private int IndexOfOrThrow(string parameterName)
    {
        var index = IndexOf(parameterName);
        return index >= 0 ? index : throw new ArgumentException($"No parameter is named '{parameterName}'.", nameof(parameterName));
    }

    private static CqlParameter Cast(object value) => value as CqlParameter
        ?? throw new InvalidCastException($"A CqlParameterCollection holds CqlParameter objects, not {value?.GetType().Name ?? "null"}.");
}
