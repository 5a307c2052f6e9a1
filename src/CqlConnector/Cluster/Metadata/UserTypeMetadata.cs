using CqlConnector.Serialization;

namespace CqlConnector.Cluster.Metadata;

/// <summary>A user-defined type (<c>CREATE TYPE</c>) of a keyspace.</summary>
public sealed class UserTypeMetadata
{
    /// <summary>Creates the description of a user-defined type.</summary>
    public UserTypeMetadata(string keyspace, string name, IReadOnlyList<KeyValuePair<string, CqlType>> fields)
    {
        Keyspace = keyspace;
        Name = name;
        Fields = fields;
        Type = CqlType.Udt(keyspace, name, fields);
    }

    /// <summary>The keyspace the type belongs to.</summary>
    public string Keyspace { get; }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The fields in declaration order, each with its CQL type.</summary>
    public IReadOnlyList<KeyValuePair<string, CqlType>> Fields { get; }

    /// <summary>The type as a <see cref="CqlType"/>, as columns of this type carry it.</summary>
    public CqlType Type { get; }
}
