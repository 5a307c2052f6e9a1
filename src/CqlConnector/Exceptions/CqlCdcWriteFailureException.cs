using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>A write to a CDC-enabled table was refused because the CDC space is full (server error code 0x1600).</summary>
public sealed class CqlCdcWriteFailureException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlCdcWriteFailureException(string message)
        : base(CqlErrorCode.CdcWriteFailure, message)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
