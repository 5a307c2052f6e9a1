namespace CqlConnector.Connections;

/// <summary>The write side: frames are appended to a pending buffer and flushed by whichever caller finds no flush under way.</summary>
internal sealed partial class CqlPhysicalConnection
{
    private readonly object _writeLock = new();
    private CqlConnector.Serialization.CqlBufferWriter _pending = new(16 * 1024);
    private CqlConnector.Serialization.CqlBufferWriter _flushing = new(16 * 1024);
    private bool _flushInProgress;

    /// <summary>
    /// Queues an encoded frame and, unless another caller is already flushing, writes everything queued. Frames queued
    /// while a write is under way are sent together by the flushing caller in its next write, so under load many
    /// requests share one syscall and no thread is dedicated to writing. A failed write closes the connection; the
    /// requests whose frames were lost are then failed by the reader, so this method never throws for I/O.
    /// </summary>
    private void WriteFrame(ReadOnlySpan<byte> frame)
    {
        lock (_writeLock)
        {
            _pending.WriteRaw(frame);
            if (_flushInProgress)
            {
                return;
            }

            _flushInProgress = true;
        }

        try
        {
            while (true)
            {
                CqlConnector.Serialization.CqlBufferWriter batch;
                lock (_writeLock)
                {
                    if (_pending.Position == 0)
                    {
                        _flushInProgress = false;
                        return;
                    }

                    batch = _pending;
                    _pending = _flushing;
                    _flushing = batch;
                }

                _stream!.Write(batch.WrittenSpan);
                batch.Reset();
            }
        }
        catch (Exception ex)
        {
            lock (_writeLock)
            {
                _flushInProgress = false;
                _pending.Reset();
            }

            Close(new CqlConnectionException($"Writing to {EndPoint} failed: {ex.Message}", EndPoint, ex));
        }
    }
}
