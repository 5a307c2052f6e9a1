namespace CqlConnector;

/// <summary>
/// The outcome of one statement of a concurrent run: its result set, or the exception it failed with. Result sets
/// that hold rows keep their first page's buffer until disposed.
/// </summary>
public readonly struct CqlConcurrentResult
{
    internal CqlConcurrentResult(long index, CqlResultSet? result, Exception? exception)
    {
        Index = index;
        Result = result;
        Exception = exception;
    }

    /// <summary>The position of the statement in the input, counted from 0.</summary>
    public long Index { get; }

    /// <summary>Whether the statement succeeded.</summary>
    public bool IsSuccess => Exception is null;

    /// <summary>The result set of a successful statement, else null.</summary>
    public CqlResultSet? Result { get; }

    /// <summary>Why the statement failed, else null.</summary>
    public Exception? Exception { get; }

    /// <summary>The result set, or the captured exception rethrown.</summary>
    public CqlResultSet GetResultOrThrow()
    {
        if (Exception is { } exception)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        }

        return Result!;
    }
}
