using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>
/// A column type read from a schema table: the CQL type plus what the schema says around it and
/// <see cref="CqlType"/> does not carry (frozen at the top level; reversed, i.e. a DESC clustering column, on 2.x).
/// </summary>
internal readonly record struct SchemaType(CqlType Type, bool IsFrozen = false, bool IsReversed = false);
