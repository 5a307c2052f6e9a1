using EntityFrameworkCore.Cassandra;
using EntityFrameworkCore.Cassandra.Update.Internal;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Writing with a time to live or an explicit write timestamp.</summary>
public static class CassandraWriteOptionsExtensions
{
    /// <summary>
    /// Saves the changes with <paramref name="options"/> (TTL, write timestamp) on every statement, except where an
    /// entity has options of its own (<see cref="SetWriteOptions"/>), which win.
    /// </summary>
    public static async Task<int> SaveChangesAsync(this DbContext context, CassandraWriteOptions options, CancellationToken cancellationToken = default)
    {
        var store = Store(context);
        store.Current = options ?? throw new ArgumentNullException(nameof(options));
        try
        {
            return await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            store.Current = null;
        }
    }

    /// <inheritdoc cref="SaveChangesAsync(DbContext, CassandraWriteOptions, CancellationToken)"/>
    public static int SaveChanges(this DbContext context, CassandraWriteOptions options)
    {
        var store = Store(context);
        store.Current = options ?? throw new ArgumentNullException(nameof(options));
        try
        {
            return context.SaveChanges();
        }
        finally
        {
            store.Current = null;
        }
    }

    /// <summary>
    /// Writes this entity's next INSERT, UPDATE or DELETE with <paramref name="options"/> (null removes them). The
    /// options apply to the next SaveChanges that writes the entity, and are then forgotten.
    /// </summary>
    public static EntityEntry SetWriteOptions(this EntityEntry entry, CassandraWriteOptions? options)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Store(entry.Context).Set(entry.Entity, options);
        return entry;
    }

    private static CassandraWriteOptionsStore Store(DbContext context) => context.GetService<CassandraWriteOptionsStore>();
}
