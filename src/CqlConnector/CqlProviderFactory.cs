using System.Data.Common;

namespace CqlConnector;

/// <summary>The ADO.NET provider factory of CqlConnector.</summary>
public sealed class CqlProviderFactory : DbProviderFactory
{
    /// <summary>The factory instance.</summary>
    public static readonly CqlProviderFactory Instance = new();

    private CqlProviderFactory()
    {
    }

    /// <inheritdoc />
    public override DbConnection CreateConnection() => new CqlConnection();

    /// <inheritdoc />
    public override DbCommand CreateCommand() => new CqlCommand();

    /// <inheritdoc />
    public override DbParameter CreateParameter() => new CqlParameter();

    /// <inheritdoc />
    public override DbConnectionStringBuilder CreateConnectionStringBuilder() => new CqlConnectionStringBuilder();

    /// <inheritdoc />
    public override DbDataSource CreateDataSource(string connectionString) => CqlDataSource.Create(connectionString);
}
