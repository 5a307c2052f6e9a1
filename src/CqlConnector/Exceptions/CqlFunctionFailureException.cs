using CqlConnector.Protocol;

namespace CqlConnector;

/// <summary>A user-defined function failed during execution (server error code 0x1400).</summary>
public sealed class CqlFunctionFailureException : CqlServerException
{
    /// <summary>Creates the exception.</summary>
    public CqlFunctionFailureException(string message, string keyspace, string function, IReadOnlyList<string> argumentTypes)
        : base(CqlErrorCode.FunctionFailure, message)
    {
        Keyspace = keyspace;
        Function = function;
        ArgumentTypes = argumentTypes;
    }

    /// <summary>The function's keyspace.</summary>
    public string Keyspace { get; }

    /// <summary>The function's name.</summary>
    public string Function { get; }

    /// <summary>The CQL types of the function's arguments.</summary>
    public IReadOnlyList<string> ArgumentTypes { get; }
}
