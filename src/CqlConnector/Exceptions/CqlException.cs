using System.Data.Common;

namespace CqlConnector;

/// <summary>The base of every exception CqlConnector raises.</summary>
public class CqlException : DbException
{
    /// <summary>Creates an exception with a message.</summary>
    public CqlException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    public CqlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Whether repeating the same request later may succeed.</summary>
    public override bool IsTransient => false;
}
