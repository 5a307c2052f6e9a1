using System.Runtime.CompilerServices;

namespace EntityFrameworkCore.Cassandra.Update.Internal;

/// <summary>
/// The write options of one context (a scoped service): those of the SaveChanges under way and those set on
/// individual entities, which are forgotten once the entity is written.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraWriteOptionsStore
{
    private readonly ConditionalWeakTable<object, CassandraWriteOptions> _byEntity = new();
    private bool _anyEntityOptions;

    /// <summary>Whether any options are set at all (so that a SaveChanges without any skips the lookups).</summary>
    public virtual bool IsEmpty => Current is null && !_anyEntityOptions;

    /// <summary>The options of the SaveChanges under way, if it was given some.</summary>
    public virtual CassandraWriteOptions? Current { get; set; }

    /// <summary>Sets the options of one entity (null removes them).</summary>
    public virtual void Set(object entity, CassandraWriteOptions? options)
    {
        if (options is null)
        {
            _byEntity.Remove(entity);
        }
        else
        {
            _byEntity.AddOrUpdate(entity, options);
            _anyEntityOptions = true;
        }
    }

    /// <summary>The options to write <paramref name="entity"/> with: its own over the call's.</summary>
    public virtual CassandraWriteOptions? Resolve(object entity)
    {
        var own = _byEntity.TryGetValue(entity, out var options) ? options : null;
        return Current is { } current ? current.MergedWith(own) : own;
    }

    /// <summary>Forgets the options of an entity once it was written.</summary>
    public virtual void Written(object entity) => _byEntity.Remove(entity);
}
