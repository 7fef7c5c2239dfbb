using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Aro.Core.Caching;

/// <summary>
/// An append-only file of embeddings for one model. Layout: a 64-byte header (magic <c>AROEMB01</c>, the model
/// fingerprint, reserved bytes), then records <c>key (16) | length (4) | floats (4 x length) | check (8)</c>,
/// where <c>check</c> is the first 8 bytes of SHA-256 over the rest of the record.
/// <para>
/// Nothing in it is trusted blindly: a file with another magic or another model's fingerprint is ignored with a
/// warning and replaced; every record's check is verified when the file is opened, and at the first bad or
/// truncated record (a run killed mid-write) the file is cut back to the last good record, with a warning.
/// </para>
/// </summary>
public sealed class EmbeddingCacheFile : IDisposable
{
    public const int HeaderSize = 64;
    private const int MaxLength = 1 << 20;
    private static readonly byte[] Magic = "AROEMB01"u8.ToArray();

    private readonly FileStream _stream;
    private readonly Dictionary<UInt128, (long Offset, int Length)> _index = [];
    private readonly Lock _lock = new();
    private readonly bool _deleteOnDispose;
    private long _initialLength;

    private EmbeddingCacheFile(string path, FileStream stream, bool deleteOnDispose)
    {
        Path = path;
        _stream = stream;
        _deleteOnDispose = deleteOnDispose;
    }

    public string Path { get; }

    /// <summary>Records found valid when the file was opened.</summary>
    public int LoadedRecords { get; private set; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>
    /// Opens (or creates) the cache at <paramref name="path"/> for <paramref name="fingerprint"/>. Problems with an
    /// existing file are reported through <paramref name="warn"/> and never fail the run. Returns null when the
    /// file cannot be used at all (e.g. another aro process holds it), after warning.
    /// </summary>
    public static EmbeddingCacheFile? Open(string path, ReadOnlySpan<byte> fingerprint, Action<string> warn, bool deleteOnDispose = false)
    {
        FileStream stream;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                deleteOnDispose ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warn($"embedding cache {path} cannot be opened ({ex.Message}); running without it");
            return null;
        }

        var file = new EmbeddingCacheFile(path, stream, deleteOnDispose);
        try
        {
            file.Load(fingerprint, warn);
            return file;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>True when the file holds <paramref name="key"/>.</summary>
    public bool Contains(EmbeddingKey key)
    {
        lock (_lock)
        {
            return _index.ContainsKey(key.Value);
        }
    }

    /// <summary>True when <paramref name="key"/> was already in the file when it was opened (an earlier run wrote it).</summary>
    public bool IsFromEarlierRun(EmbeddingKey key)
    {
        lock (_lock)
        {
            return _index.TryGetValue(key.Value, out var entry) && entry.Offset < _initialLength;
        }
    }

    public bool TryRead(EmbeddingKey key, out float[] vector)
    {
        (long Offset, int Length) entry;
        lock (_lock)
        {
            if (!_index.TryGetValue(key.Value, out entry))
            {
                vector = [];
                return false;
            }
        }

        vector = new float[entry.Length];
        var read = RandomAccess.Read(_stream.SafeFileHandle, MemoryMarshal.AsBytes(vector.AsSpan()), entry.Offset);
        return read == entry.Length * 4;
    }

    public void Append(EmbeddingKey key, ReadOnlySpan<float> vector)
    {
        var record = new byte[16 + 4 + (vector.Length * 4) + 8];
        BinaryPrimitives.WriteUInt128LittleEndian(record, key.Value);
        BinaryPrimitives.WriteInt32LittleEndian(record.AsSpan(16), vector.Length);
        MemoryMarshal.AsBytes(vector).CopyTo(record.AsSpan(20));
        Check(record.AsSpan(0, record.Length - 8)).CopyTo(record.AsSpan(record.Length - 8));
        lock (_lock)
        {
            if (_index.ContainsKey(key.Value))
            {
                return;
            }

            var offset = _stream.Length;
            RandomAccess.Write(_stream.SafeFileHandle, record, offset);
            _index[key.Value] = (offset + 20, vector.Length);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (!_deleteOnDispose)
            {
                _stream.Flush(flushToDisk: true);
            }

            _stream.Dispose();
        }
    }

    private void Load(ReadOnlySpan<byte> fingerprint, Action<string> warn)
    {
        var handle = _stream.SafeFileHandle;
        var length = RandomAccess.GetLength(handle);
        var header = new byte[HeaderSize];
        if (length > 0)
        {
            var valid = length >= HeaderSize
                && RandomAccess.Read(handle, header, 0) == HeaderSize
                && header.AsSpan(0, 8).SequenceEqual(Magic)
                && header.AsSpan(8, 32).SequenceEqual(fingerprint);
            if (!valid)
            {
                warn($"embedding cache {Path} is not an aro cache for this model (foreign or corrupt header); ignoring and replacing it");
                length = 0;
            }
        }

        if (length == 0)
        {
            Array.Clear(header);
            Magic.CopyTo(header, 0);
            fingerprint.CopyTo(header.AsSpan(8, 32));
            _stream.SetLength(0);
            RandomAccess.Write(handle, header, 0);
            _initialLength = HeaderSize;
            return;
        }

        var offset = (long)HeaderSize;
        var prefix = new byte[20];
        while (offset < length)
        {
            if (length - offset < 20 || RandomAccess.Read(handle, prefix, offset) != 20)
            {
                break;
            }

            var count = BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(16));
            var recordSize = 20L + (count * 4L) + 8;
            if (count is <= 0 or > MaxLength || offset + recordSize > length)
            {
                break;
            }

            var record = new byte[recordSize];
            if (RandomAccess.Read(handle, record, offset) != recordSize
                || !Check(record.AsSpan(0, record.Length - 8)).SequenceEqual(record.AsSpan(record.Length - 8)))
            {
                break;
            }

            _index[BinaryPrimitives.ReadUInt128LittleEndian(record)] = (offset + 20, count);
            offset += recordSize;
        }

        LoadedRecords = _index.Count;
        _initialLength = offset;
        if (offset < length)
        {
            warn($"embedding cache {Path} is corrupt or truncated after {_index.Count} records; the rest ({length - offset} bytes) is ignored and cut off");
            _stream.SetLength(offset);
        }
    }

    private static byte[] Check(ReadOnlySpan<byte> data) => SHA256.HashData(data)[..8];
}
