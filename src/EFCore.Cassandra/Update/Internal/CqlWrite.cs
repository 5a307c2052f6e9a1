using Microsoft.EntityFrameworkCore.Update;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>The CQL statement of one modification: its text, its values in bind-marker order, and how it may be sent.</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
/// <param name="Command">The modification.</param>
/// <param name="Text">The CQL, with markers <c>:p0</c>, <c>:p1</c>... numbered per statement (so equal shapes share one preparation).</param>
/// <param name="Values">The values, in marker order, as the driver encodes them (value converters applied).</param>
/// <param name="IsConditional">Whether it is a lightweight transaction (answers with <c>[applied]</c>).</param>
/// <param name="IsCounter">Whether it updates counters (sent in counter batches only, never retried).</param>
/// <param name="Partition">The table and partition key values, which identify the partition it writes.</param>
public sealed record CqlWrite(
    IReadOnlyModificationCommand Command,
    string Text,
    object?[] Values,
    bool IsConditional,
    bool IsCounter,
    PartitionIdentity Partition)
{
    /// <summary>Whether sending it twice has the effect of sending it once (neither a counter nor an LWT).</summary>
    public bool IsIdempotent => !IsConditional && !IsCounter;
}
