using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>A schema change, from a Schema_change result or a SCHEMA_CHANGE event (§4.2.6).</summary>
/// <param name="ChangeType">CREATED, UPDATED or DROPPED.</param>
/// <param name="Target">KEYSPACE, TABLE, TYPE, FUNCTION or AGGREGATE.</param>
/// <param name="Keyspace">The keyspace changed or holding the changed object.</param>
/// <param name="Name">The table, type, function or aggregate; empty for a keyspace.</param>
public sealed record SchemaChange(string ChangeType, string Target, string Keyspace, string Name)
{
    internal static SchemaChange Read(ref CqlReader reader)
    {
        var changeType = reader.ReadString();
        var target = reader.ReadString();
        var keyspace = reader.ReadString();
        var name = string.Empty;
        if (target != "KEYSPACE")
        {
            name = reader.ReadString();
            if (target is "FUNCTION" or "AGGREGATE")
            {
                reader.ReadStringList();
            }
        }

        return new SchemaChange(changeType, target, keyspace, name);
    }
}
