using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Aro.Core.IO;

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
/// <para>
/// It never fails a run: a file that cannot be opened (held by another aro, a read-only or full disk, not a
/// regular file) is reported to the caller as unavailable with the reason; a file that can be read but not written
/// (read-only) is opened for reading only; appends stop at <see cref="MaxBytes"/>. The caller decides where
/// embeddings go instead (<see cref="EmbeddingStore"/>).
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
    private long _length;

    private EmbeddingCacheFile(string path, FileStream stream, bool deleteOnDispose, long maxBytes, string? readOnlyReason)
    {
        Path = path;
        _stream = stream;
        _deleteOnDispose = deleteOnDispose;
        MaxBytes = maxBytes;
        NotWritableReason = readOnlyReason;
    }

    public string Path { get; }

    /// <summary>Records found valid when the file was opened.</summary>
    public int LoadedRecords { get; private set; }

    /// <summary>The size appends stop at.</summary>
    public long MaxBytes { get; }

    /// <summary>The file's size now.</summary>
    public long Length
    {
        get
        {
            lock (_lock)
            {
                return _length;
            }
        }
    }

    /// <summary>Why nothing can be appended (opened read-only, at its budget), or null while appends are taken.</summary>
    public string? NotWritableReason { get; private set; }

    /// <summary>Test seam: runs before every write of a record, so a test can make one fail like a full disk.</summary>
    internal Action? BeforeAppend { get; set; }

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
        ArgumentNullException.ThrowIfNull(warn);
        var file = TryOpen(path, fingerprint, deleteOnDispose, long.MaxValue, warn, out var unavailable);
        if (file is null)
        {
            warn($"embedding cache {path} {unavailable}; running without it");
        }

        return file;
    }

    /// <summary>
    /// Opens (or creates) the file, for reading only when it exists but cannot be written. Returns null with the
    /// reason ("is in use by another aro process", "cannot be created: the disk is full") when it cannot be used.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="fingerprint">The model's fingerprint the header must carry.</param>
    /// <param name="temporary">Deleted when disposed (a run's own temporary store); never opened read-only.</param>
    /// <param name="maxBytes">Appends stop at this size.</param>
    /// <param name="warn">Told about a foreign or corrupt file (which is then replaced or cut).</param>
    /// <param name="unavailable">Why the file cannot be used, when null is returned.</param>
    public static EmbeddingCacheFile? TryOpen(
        string path, ReadOnlySpan<byte> fingerprint, bool temporary, long maxBytes, Action<string> warn, out string unavailable)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(warn);
        unavailable = "";
        string? readOnly = null;
        FileStream stream;
        try
        {
            if (RegularFile.Problem(path) is { } problem && problem != "does not exist")
            {
                unavailable = problem;
                return null;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16,
                temporary ? FileOptions.DeleteOnClose : FileOptions.None);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            var problem = FileSystemErrors.Classify(ex, path);
            if (problem == FileSystemProblem.InUse)
            {
                unavailable = "is in use by another aro process";
                return null;
            }

            if (temporary || problem is not (FileSystemProblem.ReadOnly or FileSystemProblem.AccessDenied) || !File.Exists(path)
                || OpenForReading(path) is not { } reading)
            {
                unavailable = $"cannot be opened: {FileSystemErrors.Describe(ex, path)}";
                return null;
            }

            stream = reading;
            readOnly = $"cannot be written ({FileSystemErrors.Describe(ex, path)})";
        }
        catch (ArgumentException ex)
        {
            unavailable = $"is not a valid path ({ex.Message})";
            return null;
        }

        var file = new EmbeddingCacheFile(path, stream, temporary, maxBytes, readOnly);
        try
        {
            if (file.Load(fingerprint, warn) is { } unusable)
            {
                stream.Dispose();
                unavailable = unusable;
                return null;
            }
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            stream.Dispose();
            unavailable = $"cannot be prepared: {FileSystemErrors.Describe(ex)}";
            return null;
        }

        if (file.NotWritableReason is null && file._length >= maxBytes)
        {
            file.NotWritableReason = string.Create(CultureInfo.InvariantCulture, $"is {Mib(file._length)}, at its budget of {Mib(maxBytes)}");
        }

        return file;
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
        try
        {
            var read = RandomAccess.Read(_stream.SafeFileHandle, MemoryMarshal.AsBytes(vector.AsSpan()), entry.Offset);
            return read == entry.Length * 4;
        }
        catch (IOException)
        {
            // A disk that fails to read is treated as a missing entry: the embedding is encoded again.
            vector = [];
            return false;
        }
    }

    /// <summary>Appends a record (none when the key is already there).</summary>
    /// <exception cref="InvalidOperationException">The file takes no appends (<see cref="NotWritableReason"/>).</exception>
    public void Append(EmbeddingKey key, ReadOnlySpan<float> vector)
    {
        if (!TryAppend(key, vector))
        {
            throw new InvalidOperationException($"embedding cache {Path} {NotWritableReason}");
        }
    }

    /// <summary>
    /// Appends a record, or returns false, appending nothing, when the file takes no appends: opened read-only, or
    /// the record would take it past <see cref="MaxBytes"/> (<see cref="NotWritableReason"/> then says so).
    /// </summary>
    /// <exception cref="IOException">The write failed (a full disk); the file is cut back to its last record and takes no more appends.</exception>
    public bool TryAppend(EmbeddingKey key, ReadOnlySpan<float> vector)
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
                return true;
            }

            if (NotWritableReason is not null)
            {
                return false;
            }

            var offset = _length;
            if (offset + record.Length > MaxBytes)
            {
                NotWritableReason = string.Create(CultureInfo.InvariantCulture, $"reached its budget of {Mib(MaxBytes)}");
                return false;
            }

            try
            {
                BeforeAppend?.Invoke();
                RandomAccess.Write(_stream.SafeFileHandle, record, offset);
            }
            catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
            {
                NotWritableReason = $"cannot be written ({FileSystemErrors.Describe(ex)})";
                CutBack(offset);
                throw new IOException($"embedding cache {Path} {NotWritableReason}", ex);
            }

            _index[key.Value] = (offset + 20, vector.Length);
            _length = offset + record.Length;
            return true;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            try
            {
                if (!_deleteOnDispose && NotWritableReason is null)
                {
                    _stream.Flush(flushToDisk: true);
                }
            }
            catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
            {
                // The records are written; only their flush to the platter failed. A torn tail is cut at the next open.
            }

            _stream.Dispose();
        }
    }

    private static FileStream? OpenForReading(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            return null;
        }
    }

    /// <summary>Reads the index; returns why the file cannot be used, or null.</summary>
    private string? Load(ReadOnlySpan<byte> fingerprint, Action<string> warn)
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
                if (NotWritableReason is not null)
                {
                    return $"is not an aro cache for this model (foreign or corrupt header) and {NotWritableReason}";
                }

                warn($"embedding cache {Path} is not an aro cache for this model (foreign or corrupt header); ignoring and replacing it");
                length = 0;
            }
        }

        if (length == 0)
        {
            if (NotWritableReason is not null)
            {
                return $"is empty and {NotWritableReason}";
            }

            Array.Clear(header);
            Magic.CopyTo(header, 0);
            fingerprint.CopyTo(header.AsSpan(8, 32));
            _stream.SetLength(0);
            RandomAccess.Write(handle, header, 0);
            _initialLength = HeaderSize;
            _length = HeaderSize;
            return null;
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
        _length = offset;
        if (offset < length)
        {
            if (NotWritableReason is not null)
            {
                warn($"embedding cache {Path} is corrupt or truncated after {_index.Count} records; the rest ({length - offset} bytes) is ignored");
            }
            else
            {
                warn($"embedding cache {Path} is corrupt or truncated after {_index.Count} records; the rest ({length - offset} bytes) is ignored and cut off");
                _stream.SetLength(offset);
            }
        }

        return null;
    }

    private void CutBack(long length)
    {
        try
        {
            _stream.SetLength(length);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            // Best effort: a torn record at the end is cut when the file is next opened.
        }
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB");

    private static byte[] Check(ReadOnlySpan<byte> data) => SHA256.HashData(data)[..8];
}
