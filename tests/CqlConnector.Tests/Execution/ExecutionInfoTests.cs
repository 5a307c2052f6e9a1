using System.Buffers;
using System.Net;
using CqlConnector.Execution;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Frames;
using CqlConnector.Protocol.Responses;
using CqlConnector.Tests.Infrastructure;

namespace CqlConnector.Tests.Execution;

public sealed class ExecutionInfoTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>, IAsyncLifetime
{
    private CqlSession Session => fixture.DataSource.Session;

    public Task InitializeAsync() => fixture.ExecuteAsync("CREATE TABLE IF NOT EXISTS t (k int PRIMARY KEY, v text)");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_result_names_its_coordinator_and_the_hosts_tried()
    {
        await using var result = await Session.ExecuteAsync(new SimpleStatement("SELECT k FROM t WHERE k = 1"));
        var coordinator = Assert.IsType<IPEndPoint>(result.Info.Coordinator);
        Assert.Equal(fixture.Endpoint.Port, coordinator.Port);
        Assert.Equal([coordinator], result.Info.TriedHosts);
        Assert.Empty(result.Info.Warnings);
        Assert.Empty(result.Info.IncomingPayload);
        Assert.Null(result.Info.TracingId);
        Assert.True(result.Info.IsSchemaInAgreement);
        await Assert.ThrowsAsync<InvalidOperationException>(() => result.Info.GetQueryTraceAsync());
    }

    [Fact]
    public async Task A_traced_statement_returns_a_trace_session_with_events()
    {
        await using var result = await Session.ExecuteAsync(new SimpleStatement("INSERT INTO t (k, v) VALUES (?, ?)", 7, "traced") { Tracing = true });
        Assert.NotNull(result.Info.TracingId);

        var trace = await result.Info.GetQueryTraceAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(result.Info.TracingId, trace.TraceId);
        Assert.NotNull(trace.Request);
        Assert.Equal(IPAddress.Parse(fixture.Endpoint.Host == "localhost" ? "127.0.0.1" : fixture.Endpoint.Host), trace.Coordinator);
        Assert.True(trace.Duration > TimeSpan.Zero);
        Assert.Contains("INSERT INTO t", trace.Parameters["query"]);
        Assert.NotEmpty(trace.Events);
        Assert.All(trace.Events, e => Assert.False(string.IsNullOrEmpty(e.Activity)));
        Assert.True(trace.Events[0].Timestamp > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public async Task Ddl_reports_its_schema_change_and_waits_for_schema_agreement()
    {
        await using var result = await Session.ExecuteAsync(new SimpleStatement("CREATE TABLE IF NOT EXISTS agreed (k int PRIMARY KEY)"));
        Assert.NotNull(result.Info.SchemaChange);
        Assert.Equal("CREATED", result.Info.SchemaChange!.ChangeType);
        Assert.Equal("agreed", result.Info.SchemaChange.Name);
        Assert.True(result.Info.IsSchemaInAgreement);
        Assert.True(await Session.CheckSchemaAgreementAsync());
    }

    // §2.2 (v4): with the Warning flag the body starts with a [string list]; with the Custom payload flag then a
    // [bytes map]; the RESULT follows.
    [Fact]
    public void Warnings_and_custom_payload_are_decoded_from_a_v4_frame()
    {
        var body =
            "0002" + "0005" + "6261746368" + "0004" + "736C6F77" // warnings: ["batch", "slow"]
            + "0001" + "0003" + "6B6579" + "00000002" + "CAFE"    // payload: {"key": 0xCAFE}
            + "00000001";                                        // RESULT Void
        using var frame = Frame(FrameFlags.Warning | FrameFlags.CustomPayload, body);

        var info = ResultReader.CreateInfo(Session, frame, new IPEndPoint(IPAddress.Loopback, 9042), null);

        Assert.Equal(["batch", "slow"], info.Warnings);
        Assert.Equal(new byte[] { 0xCA, 0xFE }, info.IncomingPayload["key"]);
        Assert.Null(info.TracingId);
    }

    [Fact]
    public void Tracing_id_precedes_warnings_in_the_envelope()
    {
        var body = "0123456789ABCDEF0123456789ABCDEF" + "0001" + "0001" + "77" + "00000001";
        using var frame = Frame(FrameFlags.Tracing | FrameFlags.Warning, body);
        var info = ResultReader.CreateInfo(Session, frame, null, null);
        Assert.Equal(Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"), info.TracingId);
        Assert.Equal(["w"], info.Warnings);
    }

    private static ResponseFrame Frame(FrameFlags flags, string hexBody)
    {
        var bytes = Convert.FromHexString(hexBody);
        var buffer = ArrayPool<byte>.Shared.Rent(bytes.Length);
        bytes.CopyTo(buffer, 0);
        var frame = new ResponseFrame(new FrameHeader((byte)ProtocolVersion.V4 | 0x80, flags, 1, Opcode.Result, bytes.Length), buffer, bytes.Length);
        frame.ReadEnvelope();
        return frame;
    }
}
