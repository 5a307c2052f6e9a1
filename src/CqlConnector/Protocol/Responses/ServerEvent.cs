using System.Net;
using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>
/// An EVENT pushed by a node on a connection REGISTERed for it (§4.2.6; stream id -1): the body is the event type
/// as a [string], then the event's own fields.
/// </summary>
/// <param name="Type">TOPOLOGY_CHANGE, STATUS_CHANGE or SCHEMA_CHANGE.</param>
/// <param name="Change">NEW_NODE / REMOVED_NODE / MOVED_NODE, UP / DOWN, or the schema change type (CREATED, UPDATED, DROPPED).</param>
/// <param name="Address">The node's native-transport address, as the sending node knows it (topology and status events).</param>
/// <param name="SchemaChange">The schema change (schema events).</param>
internal sealed record ServerEvent(string Type, string Change, IPEndPoint? Address, SchemaChange? SchemaChange)
{
    public const string TopologyChange = "TOPOLOGY_CHANGE";
    public const string StatusChange = "STATUS_CHANGE";
    public const string SchemaChangeType = "SCHEMA_CHANGE";

    /// <summary>Parses an EVENT frame (its envelope — tracing id, warnings, custom payload — is skipped first).</summary>
    public static ServerEvent Read(ResponseFrame frame)
    {
        if (frame.Opcode != Opcode.Event)
        {
            throw new CqlProtocolViolationException($"A {frame.Opcode} message arrived where an EVENT was expected.");
        }

        frame.ReadEnvelope();
        return Read(frame.Body);
    }

    /// <summary>Parses an EVENT body.</summary>
    public static ServerEvent Read(ReadOnlySpan<byte> body)
    {
        var reader = new CqlReader(body);
        var type = reader.ReadString();
        switch (type)
        {
            case TopologyChange:
            case StatusChange:
                var change = reader.ReadString();
                return new ServerEvent(type, change, reader.ReadInet(), null);
            case SchemaChangeType:
                var schemaChange = SchemaChange.Read(ref reader);
                return new ServerEvent(type, schemaChange.ChangeType, null, schemaChange);
            default:
                throw new CqlProtocolViolationException(
                    $"The node sent an EVENT of type '{type}', which this client does not know; it only REGISTERs for {TopologyChange}, {StatusChange} and {SchemaChangeType}.");
        }
    }
}
