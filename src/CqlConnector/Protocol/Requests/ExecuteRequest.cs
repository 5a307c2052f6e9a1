using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>EXECUTE: runs a prepared statement by id with bound values.</summary>
internal sealed class ExecuteRequest(byte[] statementId, byte[]? resultMetadataId, QueryParameters parameters) : CqlRequest
{
    public override Opcode Opcode => Opcode.Execute;

    public byte[] StatementId { get; } = statementId;

    public QueryParameters Parameters { get; } = parameters;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        writer.WriteShortBytes(StatementId);
        if (version >= ProtocolVersion.V5)
        {
            writer.WriteShortBytes(resultMetadataId ?? []);
        }

        Parameters.Write(writer, version);
    }
}
