using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The coordinator is still joining the cluster (server error code 0x1002).</summary>
public sealed class CqlBootstrappingException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlBootstrappingException(string message)
        : base(CqlErrorCode.IsBootstrapping, message)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
