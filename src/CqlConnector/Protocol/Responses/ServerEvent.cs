using System.Net;
using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>An EVENT pushed by the server on a REGISTERed connection (§4.2.6).</summary>
/// <param name="Type">TOPOLOGY_CHANGE, STATUS_CHANGE or SCHEMA_CHANGE.</param>
/// <param name="Change">NEW_NODE / REMOVED_NODE, UP / DOWN, or the schema change type.</param>
/// <param name="Address">The node concerned (topology and status events).</param>
/// <param name="SchemaChange">The schema change (schema events).</param>
internal sealed record ServerEvent(string Type, string Change, IPEndPoint? Address, SchemaChange? SchemaChange)
{
    public static ServerEvent Read(ReadOnlySpan<byte> body)
    {
        var reader = new CqlReader(body);
        var type = reader.ReadString();
        if (type == "SCHEMA_CHANGE")
        {
            var change = SchemaChange.Read(ref reader);
            return new ServerEvent(type, change.ChangeType, null, change);
        }

        var kind = reader.ReadString();
        return new ServerEvent(type, kind, reader.ReadInet(), null);
    }
}
