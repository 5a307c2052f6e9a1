namespace CqlConnector;

/// <summary>
/// The marker for an <em>unset</em> bound value (native protocol v4 and later): the column keeps whatever it held,
/// and no tombstone is written. Protocol v3 has no unset value; there, leave the column out of the statement instead.
/// </summary>
public sealed class CqlUnset
{
    private CqlUnset()
    {
    }

    /// <summary>The single unset marker.</summary>
    public static CqlUnset Value { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<unset>";
}
