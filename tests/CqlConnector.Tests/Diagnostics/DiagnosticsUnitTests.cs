using CqlConnector.Diagnostics;
using CqlConnector.Protocol;

namespace CqlConnector.Tests.Diagnostics;

public sealed class DiagnosticsUnitTests
{
    [Theory]
    [InlineData("SELECT * FROM t", "SELECT")]
    [InlineData("  insert into t (a) values (1)", "INSERT")]
    [InlineData("Update t SET a = 1", "UPDATE")]
    [InlineData("DELETE FROM t", "DELETE")]
    [InlineData("BEGIN UNLOGGED BATCH INSERT ... APPLY BATCH", "BATCH")]
    [InlineData("create table t (a int primary key)", "CREATE")]
    [InlineData("describe keyspaces", "DESCRIBE")]
    [InlineData("", "QUERY")]
    [InlineData(null, "QUERY")]
    public void Operation_name_is_the_first_keyword(string? cql, string expected) => Assert.Equal(expected, CqlDiagnostics.GetOperationName(cql));

    [Fact]
    public void Known_operation_names_are_not_allocated_per_call()
        => Assert.Same(CqlDiagnostics.GetOperationName("select 1"), CqlDiagnostics.GetOperationName("SELECT 2"));

    [Fact]
    public void Error_types_name_the_kind_of_failure()
    {
        Assert.Equal("read_timeout", CqlDiagnostics.GetErrorType(new CqlReadTimeoutException("slow", ConsistencyLevel.Quorum, 1, 2, false)));
        Assert.Equal("syntax_error", CqlDiagnostics.GetErrorType(new CqlSyntaxErrorException("bad")));
        Assert.Equal("server_error", CqlDiagnostics.GetErrorType(new CqlServerException(CqlErrorCode.ServerError, "boom")));
        Assert.Equal("timeout", CqlDiagnostics.GetErrorType(new CqlTimeoutException("late", TimeSpan.FromSeconds(1))));
        Assert.Equal("cancelled", CqlDiagnostics.GetErrorType(new OperationCanceledException()));
        Assert.Equal("System.InvalidOperationException", CqlDiagnostics.GetErrorType(new InvalidOperationException()));
    }

    [Theory]
    [InlineData(ConsistencyLevel.LocalQuorum, "local_quorum")]
    [InlineData(ConsistencyLevel.EachQuorum, "each_quorum")]
    [InlineData(ConsistencyLevel.LocalOne, "local_one")]
    [InlineData(ConsistencyLevel.Serial, "serial")]
    public void Consistency_levels_use_the_conventions_values(ConsistencyLevel level, string expected)
        => Assert.Equal(expected, CqlActivitySource.ConsistencyName(level));

    [Fact]
    public void Event_ids_never_change()
    {
        // Published ids: changing one breaks users' log filters. Add new ids; never edit these.
        Assert.Equal(1000, CqlEventIds.ConnectionOpened);
        Assert.Equal(1002, CqlEventIds.ConnectionFailed);
        Assert.Equal(1003, CqlEventIds.ProtocolVersionNegotiated);
        Assert.Equal(1100, CqlEventIds.HostUp);
        Assert.Equal(1101, CqlEventIds.HostDown);
        Assert.Equal(1102, CqlEventIds.ReconnectionScheduled);
        Assert.Equal(1200, CqlEventIds.RequestFailed);
        Assert.Equal(1201, CqlEventIds.RequestTimedOut);
        Assert.Equal(1202, CqlEventIds.RetryDecided);
        Assert.Equal(1203, CqlEventIds.SpeculativeExecutionStarted);
        var ids = typeof(CqlEventIds).GetFields().Select(f => (int)f.GetRawConstantValue()!).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void An_unobserved_scope_records_nothing_and_completes_safely()
    {
        var scope = default(RequestScope);
        Assert.Null(scope.Activity);
        scope.Complete(null, new InvalidOperationException());
    }
}
