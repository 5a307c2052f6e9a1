using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>A column of a result set, or a bind marker of a prepared statement: where it comes from, its name and type.</summary>
internal sealed record CqlColumn(string Keyspace, string Table, string Name, CqlType Type);
