namespace CqlConnector;

/// <summary>The kind of a <see cref="BatchStatement"/> (the byte the BATCH message carries).</summary>
public enum BatchType : byte
{
    /// <summary>
    /// Written to the batch log first, so that either all statements are eventually applied or none: the safe
    /// choice when the statements span partitions, at the cost of an extra write.
    /// </summary>
    Logged = 0,

    /// <summary>No batch log: the statements are sent together. Efficient when they all share one partition.</summary>
    Unlogged = 1,

    /// <summary>Counter updates only (counters cannot be in a logged or unlogged batch).</summary>
    Counter = 2,
}
