namespace Aro.Core.Cases;

/// <summary>
/// A read-only view of a stream that counts the bytes read since <see cref="Restart"/> and fails once they pass a
/// limit: it lets a streaming JSON reader, which buffers a whole record before handing it out, be stopped in the
/// middle of a runaway record instead of buffering all of it.
/// </summary>
internal sealed class ReadCountingStream(Stream inner, long limit) : Stream
{
    private long _sinceRestart;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <summary>Starts counting again (a record ended).</summary>
    public void Restart() => _sinceRestart = 0;

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Counted(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Counted(int read)
    {
        _sinceRestart += read;
        return _sinceRestart > limit ? throw new LimitExceededException() : read;
    }

    /// <summary>More than the limit was read since the last restart.</summary>
    internal sealed class LimitExceededException : IOException
    {
        public LimitExceededException()
            : base("more bytes were read than one record may have")
        {
        }
    }
}
