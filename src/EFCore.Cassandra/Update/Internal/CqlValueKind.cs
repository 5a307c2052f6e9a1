namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>Which value of a column a statement writes or tests.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public enum CqlValueKind
{
    /// <summary>The current value (a written value or a key).</summary>
    Current,

    /// <summary>The value read from the database (a concurrency token's condition).</summary>
    Original,

    /// <summary>The current value minus the value read (a counter increment; from zero for an added row).</summary>
    CounterDelta,
}
