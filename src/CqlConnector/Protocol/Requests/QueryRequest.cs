using CqlConnector.Serialization;

namespace CqlConnector.Protocol.Requests;

/// <summary>QUERY: runs CQL text with optional bound values.</summary>
internal sealed class QueryRequest(string query, QueryParameters parameters) : CqlRequest
{
    public override Opcode Opcode => Opcode.Query;

    public string Query { get; } = query;

    public QueryParameters Parameters { get; } = parameters;

    public override void WriteBody(CqlBufferWriter writer, ProtocolVersion version)
    {
        writer.WriteLongString(Query);
        Parameters.Write(writer, version);
    }
}
