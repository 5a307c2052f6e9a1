using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The keyspace or table a DDL statement creates already exists (server error code 0x2400).</summary>
public sealed class CqlAlreadyExistsException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlAlreadyExistsException(string message, string keyspace, string table)
        : base(CqlErrorCode.AlreadyExists, message)
    {
        Keyspace = keyspace;
        Table = table;
    }

    /// <summary>The keyspace that exists, or that holds the table that exists.</summary>
    public string Keyspace { get; }

    /// <summary>The table that exists; empty when the keyspace itself exists.</summary>
    public string Table { get; }
}
