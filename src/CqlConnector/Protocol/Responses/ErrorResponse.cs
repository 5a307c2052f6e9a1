using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>Decodes an ERROR body (§4.2.1) into the typed exception for its code, keeping the server's details.</summary>
internal static class ErrorResponse
{
    public static CqlServerException ToException(ReadOnlySpan<byte> body, ProtocolVersion version)
    {
        var reader = new CqlReader(body);
        var code = (CqlErrorCode)reader.ReadInt32();
        var message = reader.ReadString();
        switch (code)
        {
            case CqlErrorCode.SyntaxError:
                return new CqlSyntaxErrorException($"CQL syntax error: {message}");
            case CqlErrorCode.Invalid:
                return new CqlInvalidQueryException($"Invalid query: {message}");
            case CqlErrorCode.Unauthorized:
                return new CqlUnauthorizedException($"Unauthorized: {message}");
            case CqlErrorCode.AuthenticationError:
                return new CqlAuthenticationException($"Authentication failed: {message}");
            case CqlErrorCode.Overloaded:
                return new CqlOverloadedException($"The coordinator is overloaded: {message}");
            case CqlErrorCode.IsBootstrapping:
                return new CqlBootstrappingException($"The coordinator is bootstrapping: {message}");
            case CqlErrorCode.TruncateError:
                return new CqlTruncateException($"Truncate failed: {message}");
            case CqlErrorCode.ConfigError:
                return new CqlConfigErrorException($"Configuration error: {message}");
            case CqlErrorCode.ProtocolError:
                return new CqlProtocolErrorException($"The server reported a protocol error: {message}");
            case CqlErrorCode.CdcWriteFailure:
                return new CqlCdcWriteFailureException($"CDC write failure: {message}");
            case CqlErrorCode.AlreadyExists:
            {
                var keyspace = reader.ReadString();
                var table = reader.ReadString();
                return new CqlAlreadyExistsException($"Already exists: {message}", keyspace, table);
            }

            case CqlErrorCode.Unprepared:
                return new CqlUnpreparedException($"The coordinator does not know this prepared statement: {message}", reader.ReadShortBytes().ToArray());
            case CqlErrorCode.FunctionFailure:
            {
                var keyspace = reader.ReadString();
                var function = reader.ReadString();
                return new CqlFunctionFailureException($"Function failure: {message}", keyspace, function, reader.ReadStringList());
            }

            case CqlErrorCode.Unavailable:
            {
                var consistency = (ConsistencyLevel)reader.ReadUInt16();
                var required = reader.ReadInt32();
                var alive = reader.ReadInt32();
                return new CqlUnavailableException(
                    $"Not enough replicas available for consistency {consistency} ({required} required, {alive} alive): {message}",
                    consistency, required, alive);
            }

            case CqlErrorCode.WriteTimeout:
            {
                var consistency = (ConsistencyLevel)reader.ReadUInt16();
                var received = reader.ReadInt32();
                var blockFor = reader.ReadInt32();
                var writeType = reader.ReadString();
                return new CqlWriteTimeoutException(
                    $"Server timeout during a {writeType} write at consistency {consistency} ({received} of {blockFor} replicas acknowledged): {message}",
                    consistency, received, blockFor, writeType);
            }

            case CqlErrorCode.ReadTimeout:
            {
                var consistency = (ConsistencyLevel)reader.ReadUInt16();
                var received = reader.ReadInt32();
                var blockFor = reader.ReadInt32();
                var dataPresent = reader.ReadByte() != 0;
                return new CqlReadTimeoutException(
                    $"Server timeout during a read at consistency {consistency} ({received} of {blockFor} replicas answered): {message}",
                    consistency, received, blockFor, dataPresent);
            }

            case CqlErrorCode.ReadFailure:
            {
                var consistency = (ConsistencyLevel)reader.ReadUInt16();
                var received = reader.ReadInt32();
                var blockFor = reader.ReadInt32();
                var failures = ReadFailures(ref reader, version);
                var dataPresent = reader.ReadByte() != 0;
                return new CqlReadFailureException(
                    $"Replica failure during a read at consistency {consistency} ({received} of {blockFor} answered, {failures} failed): {message}",
                    consistency, received, blockFor, failures, dataPresent);
            }

            case CqlErrorCode.WriteFailure:
            {
                var consistency = (ConsistencyLevel)reader.ReadUInt16();
                var received = reader.ReadInt32();
                var blockFor = reader.ReadInt32();
                var failures = ReadFailures(ref reader, version);
                var writeType = reader.ReadString();
                return new CqlWriteFailureException(
                    $"Replica failure during a {writeType} write at consistency {consistency} ({received} of {blockFor} acknowledged, {failures} failed): {message}",
                    consistency, received, blockFor, failures, writeType);
            }

            case CqlErrorCode.CasWriteUnknown:
            {
                var consistency = (ConsistencyLevel)reader.ReadUInt16();
                var received = reader.ReadInt32();
                var blockFor = reader.ReadInt32();
                return new CqlCasWriteUnknownException(
                    $"The outcome of a lightweight transaction is unknown at consistency {consistency} ({received} of {blockFor}): {message}",
                    consistency, received, blockFor);
            }

            default:
                return new CqlServerException(code, $"Server error 0x{(int)code:X4}: {message}");
        }
    }

    private static int ReadFailures(ref CqlReader reader, ProtocolVersion version)
    {
        // v4: <numfailures>[int]; v5: <reasonmap> = [int] n, then n pairs of <endpoint>[inetaddr] <failurecode>[short].
        var count = reader.ReadInt32();
        if (version >= ProtocolVersion.V5)
        {
            for (var i = 0; i < count; i++)
            {
                reader.ReadInetAddress();
                reader.ReadUInt16();
            }
        }

        return count;
    }
}
