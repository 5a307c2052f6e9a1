using System.Runtime.InteropServices;

using CqlConnector;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>What is sent as one request: one statement, or a batch of statements (one partition's, or all of them).</summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
/// <param name="Writes">The statements.</param>
/// <param name="BatchType">The kind of batch, or null for a single statement.</param>
public sealed record CqlWriteUnit(IReadOnlyList<CqlWrite> Writes, BatchType? BatchType)
{
    /// <summary>Whether the request answers with <c>[applied]</c>.</summary>
    public bool IsConditional
    {
        get
        {
            for (var i = 0; i < Writes.Count; i++)
            {
                if (Writes[i].IsConditional)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether sending the request twice has the effect of sending it once.</summary>
    public bool IsIdempotent
    {
        get
        {
            for (var i = 0; i < Writes.Count; i++)
            {
                if (!Writes[i].IsIdempotent)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The CQL as logged: the statement, or the batch around its statements.</summary>
    public string Text
        => BatchType is null
            ? Writes[0].Text
            : $"BEGIN {(BatchType == CqlConnector.BatchType.Logged ? "" : BatchType.ToString()!.ToUpperInvariant() + " ")}BATCH {string.Join("; ", Writes.Select(w => w.Text))} APPLY BATCH";

    /// <summary>
    /// Groups statements into requests: everything in one logged batch when asked (counters in a counter batch
    /// beside it); otherwise the statements of one partition share unlogged batches of at most
    /// <paramref name="maxPerBatch"/>, and lightweight transactions and counter updates go alone.
    /// </summary>
    public static List<CqlWriteUnit> Group(IReadOnlyList<CqlWrite> writes, bool logged, int maxPerBatch)
    {
        var units = new List<CqlWriteUnit>(writes.Count);
        if (logged)
        {
            if (writes.Any(w => w.IsConditional) && writes.Select(w => w.Partition).Distinct().Skip(1).Any())
            {
                throw new InvalidOperationException(
                    "UseLoggedBatch cannot send this SaveChanges: it holds lightweight transactions (concurrency tokens or IF NOT EXISTS) "
                    + "and rows of more than one partition, and Cassandra refuses a conditional batch that spans partitions. "
                    + "Save the conditional entities in a SaveChanges of their own, or turn UseLoggedBatch off for this context.");
            }

            var regular = writes.Where(w => !w.IsCounter).ToList();
            var counters = writes.Where(w => w.IsCounter).ToList();
            if (regular.Count > 0)
            {
                units.Add(new CqlWriteUnit(regular, CqlConnector.BatchType.Logged));
            }

            if (counters.Count > 0)
            {
                units.Add(new CqlWriteUnit(counters, CqlConnector.BatchType.Counter));
            }

            return units;
        }

        if (maxPerBatch <= 1)
        {
            units.AddRange(writes.Select(w => new CqlWriteUnit([w], null)));
            return units;
        }

        // A partition's first statement waits alone until a second one comes: with one row per partition (the usual
        // case for thousands of added rows) no list is made per partition.
        var open = new Dictionary<PartitionIdentity, object?>(writes.Count);
        foreach (var write in writes)
        {
            if (write.IsConditional || write.IsCounter)
            {
                units.Add(new CqlWriteUnit([write], null));
                continue;
            }

            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(open, write.Partition, out _);
            switch (slot)
            {
                case null:
                    slot = write;
                    break;
                case CqlWrite first:
                    slot = new List<CqlWrite> { first, write };
                    break;
                default:
                    ((List<CqlWrite>)slot).Add(write);
                    break;
            }

            if (slot is List<CqlWrite> group && group.Count == maxPerBatch)
            {
                units.Add(new CqlWriteUnit(group, CqlConnector.BatchType.Unlogged));
                slot = null;
            }
        }

        foreach (var waiting in open.Values)
        {
            if (waiting is CqlWrite single)
            {
                units.Add(new CqlWriteUnit([single], null));
            }
            else if (waiting is List<CqlWrite> group)
            {
                units.Add(new CqlWriteUnit(group, CqlConnector.BatchType.Unlogged));
            }
        }

        return units;
    }
}
