using Microsoft.EntityFrameworkCore.Storage;

namespace EntityFrameworkCore.Cassandra.Storage.Internal;

/// <summary>
/// The default execution strategy runs each operation once. Retrying is only safe for idempotent work, which an
/// opt-in strategy (a later version) will recognise; until then nothing is retried behind the caller's back.
/// </summary>
/// <remarks>
/// This is an internal API that supports the EFCore.Cassandra infrastructure. It may change or be removed without
/// notice in any release.
/// </remarks>
public class CassandraExecutionStrategyFactory(ExecutionStrategyDependencies dependencies)
    : RelationalExecutionStrategyFactory(dependencies)
{
    /// <inheritdoc />
    protected override IExecutionStrategy CreateDefaultStrategy(ExecutionStrategyDependencies dependencies)
        => new NonRetryingExecutionStrategy(dependencies);
}
