using System.Diagnostics.Metrics;
using CqlConnector.Connections;
using CqlConnector.Diagnostics;
using CqlConnector.Execution;
using CqlConnector.Protocol;
using CqlConnector.Protocol.Requests;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CqlConnector;

public sealed partial class CqlSession
{
    private readonly ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private ILogger _logger = NullLogger.Instance;
    private Func<IEnumerable<Measurement<int>>>? _connectionCounts;
    private IDisposable? _connectionMetrics;

    /// <summary>Where the session's logs go (category <c>CqlConnector</c>); nowhere by default.</summary>
    internal ILoggerFactory LoggerFactory
    {
        get => _loggerFactory;
        init
        {
            _loggerFactory = value;
            _logger = value.CreateLogger(Log.Category);
        }
    }

    internal ILogger Logger => _logger;

    /// <summary>Starts the span, metrics and logs of one request (see <see cref="CqlDiagnostics"/>).</summary>
    private RequestScope StartRequestDiagnostics(CqlRequest request, RequestOptions options)
    {
        if (!CqlDiagnostics.IsObserved && ReferenceEquals(_logger, NullLogger.Instance))
        {
            return default;
        }

        var keyspace = options.Keyspace ?? Settings.Keyspace;
        return request switch
        {
            QueryRequest query => CqlDiagnostics.StartRequest(
                CqlDiagnostics.GetOperationName(query.Query), keyspace, query.Parameters.Consistency, options.IsIdempotent, query.Parameters.PageSize, query.Query, _logger),
            ExecuteRequest execute => CqlDiagnostics.StartRequest(
                "EXECUTE", keyspace, execute.Parameters.Consistency, options.IsIdempotent, execute.Parameters.PageSize, null, _logger),
            _ => CqlDiagnostics.StartRequest(
                request.Opcode switch { Opcode.Batch => "BATCH", Opcode.Prepare => "PREPARE", Opcode.Options => "OPTIONS", _ => "REQUEST" },
                keyspace, Settings.Consistency, options.IsIdempotent, logger: _logger),
        };
    }

    /// <summary>Logs a new connection and, the first time, reports the session's open connections to the meter.</summary>
    private void OnConnectionOpened(CqlPhysicalConnection connection)
    {
        Log.ConnectionOpened(_logger, connection.EndPoint, connection.ProtocolVersion.ToString());
        if (_connectionMetrics is null)
        {
            // The meter holds the source weakly: this field keeps it alive exactly as long as the session.
            _connectionCounts = ObserveOpenConnections;
            _connectionMetrics = CqlMetrics.RegisterConnectionSource(_connectionCounts);
        }
    }

    private IEnumerable<Measurement<int>> ObserveOpenConnections()
    {
        if (_disposed)
        {
            _connectionMetrics?.Dispose();
            return [];
        }

        // The pools' connections per host; the control connection is not counted.
        return _pools.Values
            .Select(pool => new Measurement<int>(pool.Connections.Count(c => c.IsOpen), CqlMetrics.HostTags(pool.Host.EndPoint)))
            .ToArray();
    }
}
