using CqlConnector.Serialization;
using CqlConnector.Serialization.Codecs;

namespace CqlConnector.Tests.Serialization;

/// <summary>
/// The per-value hot paths must not allocate beyond the result itself (the driver's budget is ~1 KB per request).
/// Measured on the current thread, after a warm-up call has compiled and cached everything.
/// </summary>
public class HotPathAllocationTests
{
    private static readonly byte[] IntBytes = [0, 0, 0, 7];
    private static readonly byte[] LongBytes = [0, 0, 0, 0, 0, 0, 0, 7];
    private static readonly byte[] GuidBytes = new byte[16];
    private static readonly byte[] BoolBytes = [1];

    [Fact]
    public void Scalar_reads_do_not_allocate()
    {
        var sum = 0L;
        for (var pass = 0; pass < 2; pass++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                sum += CqlValueCodec.Read<int>(IntBytes, CqlType.Int);
                sum += CqlValueCodec.Read<long>(LongBytes, CqlType.Bigint);
                sum += CqlValueCodec.Read<Guid>(GuidBytes, CqlType.Uuid) == Guid.Empty ? 1 : 0;
                sum += CqlValueCodec.Read<bool>(BoolBytes, CqlType.Boolean) ? 1 : 0;
                sum += (long)CqlValueCodec.Read<double>(LongBytes, CqlType.Double);
                sum += CqlValueCodec.Read<DateTimeOffset>(LongBytes, CqlType.Timestamp).Millisecond;
            }

            if (pass == 1)
            {
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        Assert.True(sum > 0);
    }

    [Fact]
    public void Writing_boxed_scalars_does_not_allocate()
    {
        object number = 7;
        object big = 7L;
        object id = Guid.NewGuid();
        object text = "hello";
        using var writer = new CqlBufferWriter(64 * 1024);
        for (var pass = 0; pass < 2; pass++)
        {
            writer.Reset();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++)
            {
                CqlValueCodec.WriteValue(writer, number, CqlType.Int, ProtocolVersion.V4);
                CqlValueCodec.WriteValue(writer, big, CqlType.Bigint, ProtocolVersion.V4);
                CqlValueCodec.WriteValue(writer, id, CqlType.Uuid, ProtocolVersion.V4);
                CqlValueCodec.WriteValue(writer, text, CqlType.Text, ProtocolVersion.V4);
                CqlValueCodec.WriteValue(writer, null, CqlType.Text, ProtocolVersion.V4);
            }

            if (pass == 1)
            {
                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }
    }

    [Fact]
    public void List_of_int_is_read_without_boxing_its_elements()
    {
        var type = CqlType.List(CqlType.Int);
        using var writer = new CqlBufferWriter();
        CqlValueCodec.WriteValue(writer, Enumerable.Range(0, 100).ToArray(), type, ProtocolVersion.V4);
        var bytes = writer.WrittenSpan[4..].ToArray();
        CqlValueCodec.ReadObject(bytes, type);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var list = (List<int>)CqlValueCodec.ReadObject(bytes, type);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(100, list.Count);
        Assert.InRange(allocated, 1, 600); // the List<int> and its 100-int array, not 100 boxes (~2.4 KB)
    }
}
