using CqlConnector.Protocol.Responses;

namespace CqlConnector.Execution;

/// <summary>Matches a command's parameters to a prepared statement's bind markers.</summary>
internal static class ParameterBinder
{
    /// <summary>
    /// Returns the values in bind-marker order. A marker takes the parameter with its name (named markers, and the
    /// column name of anonymous ones); otherwise, when there are exactly as many parameters as markers, the parameter
    /// at its position.
    /// </summary>
    public static object?[] Bind(PreparedMetadata prepared, List<CqlParameter> parameters, string query)
    {
        var variables = prepared.Variables;
        var values = new object?[variables.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = FindByName(parameters, variables[i].Name);
            if (parameter is null)
            {
                if (parameters.Count != variables.Count)
                {
                    throw new CqlException(
                        $"The statement has {variables.Count} bind marker(s) but {parameters.Count} parameter(s) were given, and none is named '{variables[i].Name}' for marker {i}. "
                        + $"Give one parameter per marker, named like its ':name' marker or in '?' order. Statement: {query}");
                }

                parameter = parameters[i];
            }

            values[i] = parameter.Value;
        }

        return values;
    }

    private static CqlParameter? FindByName(List<CqlParameter> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.NormalizedName, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter;
            }
        }

        return null;
    }
}
