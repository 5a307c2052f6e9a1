using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>The coordinator is overloaded and refused the request (server error code 0x1001).</summary>
public sealed class CqlOverloadedException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlOverloadedException(string message)
        : base(CqlErrorCode.Overloaded, message)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
