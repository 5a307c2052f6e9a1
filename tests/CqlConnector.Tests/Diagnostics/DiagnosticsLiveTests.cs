using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CqlConnector.Diagnostics;
using CqlConnector.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CqlConnector.Tests.Diagnostics;

/// <summary>
/// Spans, metrics and logs of requests made against the real node. Listeners are process-wide and other test classes
/// run in parallel, so every assertion looks only at what carries this class's own keyspace.
/// </summary>
public sealed class DiagnosticsLiveTests(KeyspaceFixture fixture) : IClassFixture<KeyspaceFixture>
{
    private sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    [Fact]
    public async Task Metrics_count_time_and_classify_requests()
    {
        var recorded = new ConcurrentQueue<Recorded>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CqlTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
            => recorded.Enqueue(new(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        await using (var command = fixture.DataSource.CreateCommand("SELECT release_version FROM system.local"))
        {
            Assert.NotNull(await command.ExecuteScalarAsync());
        }

        await using (var bad = fixture.DataSource.CreateCommand("SELEKT nothing"))
        {
            await Assert.ThrowsAsync<CqlSyntaxErrorException>(() => bad.ExecuteNonQueryAsync());
        }

        listener.RecordObservableInstruments();
        var ours = recorded.Where(r => Equals(r.Tags.GetValueOrDefault("db.namespace"), fixture.Keyspace)).ToArray();

        var select = Assert.Single(ours, r => r.Instrument == "cassandra.client.requests" && Equals(r.Tags["db.operation.name"], "SELECT"));
        Assert.Equal(1, select.Value);
        Assert.Equal("cassandra", select.Tags["db.system.name"]);
        Assert.Equal(fixture.Endpoint.Port, select.Tags["server.port"]);
        Assert.False(select.Tags.ContainsKey("error.type"));

        var duration = Assert.Single(ours, r => r.Instrument == "db.client.operation.duration" && Equals(r.Tags["db.operation.name"], "SELECT"));
        Assert.InRange(duration.Value, 1e-6, 30);

        var error = Assert.Single(ours, r => r.Instrument == "cassandra.client.errors");
        Assert.Equal("syntax_error", error.Tags["error.type"]);
        Assert.Equal("SELEKT", error.Tags["db.operation.name"]);
        Assert.Contains(ours, r => r.Instrument == "cassandra.client.requests" && Equals(r.Tags.GetValueOrDefault("error.type"), "syntax_error"));

        // In-flight goes up and down around each request; open connections report the session's connection.
        Assert.Contains(recorded, r => r.Instrument == "cassandra.client.requests.in_flight" && r.Value == 1);
        Assert.Contains(recorded, r => r.Instrument == "cassandra.client.requests.in_flight" && r.Value == -1);
        Assert.Contains(recorded, r => r.Instrument == "cassandra.client.connections.open" && r.Value >= 1 && Equals(r.Tags["server.port"], fixture.Endpoint.Port));
    }

    [Fact]
    public async Task A_span_per_request_follows_the_database_conventions()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CqlTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using (var command = fixture.DataSource.CreateCommand("SELECT release_version FROM system.local"))
        {
            await command.ExecuteScalarAsync();
        }

        await using (var bad = fixture.DataSource.CreateCommand("SELECT * FROM no_such_table_here"))
        {
            await Assert.ThrowsAsync<CqlInvalidQueryException>(() => bad.ExecuteNonQueryAsync());
        }

        var ours = stopped.Where(a => Equals(a.GetTagItem("db.namespace"), fixture.Keyspace)).ToArray();
        var ok = Assert.Single(ours, a => a.Status != ActivityStatusCode.Error);
        Assert.Equal($"SELECT {fixture.Keyspace}", ok.DisplayName);
        Assert.Equal(ActivityKind.Client, ok.Kind);
        Assert.Equal("cassandra", ok.GetTagItem("db.system.name"));
        Assert.Equal("SELECT", ok.GetTagItem("db.operation.name"));
        Assert.Equal("local_one", ok.GetTagItem("cassandra.consistency.level"));
        Assert.Equal(fixture.Endpoint.Port, ok.GetTagItem("server.port"));
        Assert.NotNull(ok.GetTagItem("server.address"));
        Assert.Null(ok.GetTagItem("db.query.text")); // off unless the AppContext switch is on
        Assert.True(ok.Duration > TimeSpan.Zero);

        var failed = Assert.Single(ours, a => a.Status == ActivityStatusCode.Error);
        Assert.Equal("invalid", failed.GetTagItem("error.type"));
        Assert.Equal("8704", failed.GetTagItem("db.response.status_code")); // 0x2200 Invalid
        Assert.Contains(failed.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task Logs_go_to_the_data_sources_logger_factory()
    {
        using var logs = new CollectingLoggerProvider();
        await using var dataSource = CqlDataSource.Create(fixture.ConnectionString, logs);
        await using (var bad = dataSource.CreateCommand("SELEKT nothing"))
        {
            await Assert.ThrowsAsync<CqlSyntaxErrorException>(() => bad.ExecuteNonQueryAsync());
        }

        // The control connection and each pooled connection.
        var opened = logs.Entries.First(e => e.EventId.Id == CqlEventIds.ConnectionOpened);
        Assert.Equal("CqlConnector", opened.Category);
        Assert.Equal(LogLevel.Debug, opened.Level);
        Assert.Equal(nameof(Log.ConnectionOpened), opened.EventId.Name);
        Assert.Contains($":{fixture.Endpoint.Port}", opened.Message);

        var failed = Assert.Single(logs.Entries, e => e.EventId.Id == CqlEventIds.RequestFailed);
        Assert.Equal("SELEKT on 127.0.0.1:" + fixture.Endpoint.Port + " failed with syntax_error", failed.Message.Replace(fixture.Endpoint.Host, "127.0.0.1"));
        Assert.IsType<CqlSyntaxErrorException>(failed.Exception);
    }
}
