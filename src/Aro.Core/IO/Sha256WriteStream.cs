using System.Security.Cryptography;

namespace Aro.Core.IO;

/// <summary>
/// A write-only stream that passes every byte on to another stream and into a running SHA-256, so a file written in
/// pieces can state the digest of everything written so far (<see cref="CurrentHex"/>) without being read again.
/// The inner stream is left open when this one is disposed.
/// </summary>
public sealed class Sha256WriteStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Feeds bytes already in the file (a prefix being appended to) into the digest without writing them.</summary>
    public void Include(ReadOnlySpan<byte> bytes) => _hash.AppendData(bytes);

    /// <summary>Lowercase hex SHA-256 of every byte included or written so far.</summary>
    public string CurrentHex => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        _hash.AppendData(buffer);
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
