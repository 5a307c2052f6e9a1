using System.Buffers;
using CqlConnector.Protocol.Frames;

namespace CqlConnector.Tests.Protocol;

public sealed class FrameBuffersTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(200)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public void A_rented_buffer_fits_and_goes_back(int length)
    {
        var buffer = FrameBuffers.Rent(length);
        Assert.True(buffer.Length >= Math.Max(length, 1));
        FrameBuffers.Return(buffer);
    }

    [Fact]
    public void Buffers_rented_from_the_shared_pool_can_be_given_back()
    {
        // Decompressors rent their output from the shared pool; such buffers, small or large, go back without error.
        FrameBuffers.Return(ArrayPool<byte>.Shared.Rent(300));
        FrameBuffers.Return(ArrayPool<byte>.Shared.Rent(20_000));
    }
}
