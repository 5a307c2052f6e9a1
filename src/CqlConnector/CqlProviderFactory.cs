using System.Data.Common;

namespace CqlConnector;

/// <summary>The ADO.NET provider factory of CqlConnector.</summary>
public sealed class CqlProviderFactory : DbProviderFactory
{
    /// <summary>The factory instance.</summary>
    public static readonly CqlProviderFactory Instance = new();

    /// <summary>
    /// The invariant name to register the factory under:
    /// <c>DbProviderFactories.RegisterFactory(CqlProviderFactory.InvariantName, CqlProviderFactory.Instance)</c>.
    /// </summary>
    public const string InvariantName = "CqlConnector";

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
    public override bool CanCreateBatch => true;

    /// <inheritdoc />
    public override DbBatch CreateBatch() => new CqlBatch();

    /// <inheritdoc />
    public override DbBatchCommand CreateBatchCommand() => new CqlBatchCommand();

    /// <inheritdoc />
    public override DbDataSource CreateDataSource(string connectionString) => CqlDataSource.Create(connectionString);
}
