using System.Net;
using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Responses;

/// <summary>
/// An EVENT pushed by a node on a connection REGISTERed for it (§4.2.6; stream id -1): the body is the event type
/// as a [string], then the event's own fields.
/// </summary>
internal abstract record ServerEvent
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
        return type switch
        {
            TopologyChange => new TopologyChangeEvent(reader.ReadString(), reader.ReadInet()),
            StatusChange => new StatusChangeEvent(reader.ReadString(), reader.ReadInet()),
            SchemaChangeType => new SchemaChangeEvent(SchemaChange.Read(ref reader)),
            _ => throw new CqlProtocolViolationException(
                $"The node sent an EVENT of type '{type}', which this client does not know; it only REGISTERs for {TopologyChange}, {StatusChange} and {SchemaChangeType}."),
        };
    }
}

/// <summary>A node joined, left or moved in the ring.</summary>
/// <param name="Change">NEW_NODE, REMOVED_NODE or MOVED_NODE.</param>
/// <param name="Address">The node's native-transport address (as the sending node knows it).</param>
internal sealed record TopologyChangeEvent(string Change, IPEndPoint Address) : ServerEvent;

/// <summary>A node went up or down, as the gossip of the sending node sees it.</summary>
/// <param name="Change">UP or DOWN.</param>
/// <param name="Address">The node's native-transport address.</param>
internal sealed record StatusChangeEvent(string Change, IPEndPoint Address) : ServerEvent;

/// <summary>A keyspace, table, type, function or aggregate was created, altered or dropped.</summary>
internal sealed record SchemaChangeEvent(SchemaChange Change) : ServerEvent;
