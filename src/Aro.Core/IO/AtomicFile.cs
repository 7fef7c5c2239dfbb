namespace Aro.Core.IO;

/// <summary>
/// The one way aro writes an output file: bytes go to a temporary file, are flushed to disk, and the temporary file
/// is renamed over the target. Whoever reads the target sees the old file or the complete new one, never a
/// half-written one (a test kills a writer with SIGKILL to prove it). Disposing without <see cref="Commit"/> deletes
/// the temporary file — unless it is a checkpointed partial file (<see cref="OpenPartial"/>), which stays for a
/// resumed run to continue. The target must be a regular file or absent: a device, FIFO, socket or folder in its
/// place is refused before anything is written.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly bool _keepOnAbandon;
    private bool _committed;

    private AtomicFile(string path, string tempPath, long? resumeAt, bool keepOnAbandon)
    {
        Path = System.IO.Path.GetFullPath(path);
        RefuseSpecialTarget(Path);
        TempPath = tempPath;
        _keepOnAbandon = keepOnAbandon;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(TempPath)!);
        if (resumeAt is { } length)
        {
            _stream = new FileStream(TempPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);
            if (_stream.Length < length)
            {
                _stream.Dispose();
                throw new AroInputException($"{TempPath}: shorter than the {length} bytes its checkpoint records; run again without --resume");
            }

            _stream.SetLength(length);
            _stream.Seek(length, SeekOrigin.Begin);
        }
        else
        {
            _stream = new FileStream(TempPath, keepOnAbandon ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        }
    }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>Where the bytes go until <see cref="Commit"/>.</summary>
    public string TempPath { get; }

    public Stream Stream => _stream;

    /// <summary>A new file for <paramref name="path"/>, written under a unique temporary name beside it.</summary>
    public static AtomicFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var temp = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!,
            $".{System.IO.Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        return new AtomicFile(full, temp, null, keepOnAbandon: false);
    }

    /// <summary>
    /// A file for <paramref name="path"/> written through the partial file <paramref name="partialPath"/>, which survives
    /// an interruption; with <paramref name="resumeAt"/> the partial file is cut to that length and appended to.
    /// </summary>
    public static AtomicFile OpenPartial(string path, string partialPath, long? resumeAt) =>
        new(path, System.IO.Path.GetFullPath(partialPath), resumeAt, keepOnAbandon: true);

    /// <summary>
    /// Only a regular file (or nothing) may be replaced: renaming over <c>/dev/null</c> or <c>/dev/stdout</c> — an
    /// <c>--out /dev/null</c> run as root — would put a regular file where the device was, for every process on
    /// the machine; over a folder the rename fails anyway.
    /// </summary>
    private static void RefuseSpecialTarget(string path)
    {
        var kind = RegularFile.KindOf(path);
        if (kind is not (FileKind.Missing or FileKind.Regular or FileKind.Unknown))
        {
            throw new AroInputException(
                $"cannot write {path}: it is {RegularFile.Describe(kind)}, not a regular file; aro writes results only as regular files " +
                "(each written whole under a temporary name, then renamed over the old one), so name a file or a folder to write to instead");
        }
    }

    /// <summary>Writes a whole file atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes a whole file atomically from asynchronous code.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write)
    {
        using var file = Create(path);
        await write(file.Stream).ConfigureAwait(false);
        file.Commit();
    }

    /// <summary>Writes text atomically as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>Flushes what was written to disk and returns the temporary file's length (a resumable prefix).</summary>
    public long Checkpoint()
    {
        _stream.Flush(flushToDisk: true);
        return _stream.Length;
    }

    /// <summary>Flushes to disk and renames the temporary file over the target.</summary>
    public void Commit()
    {
        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TempPath, Path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        _stream.Dispose();
        if (_keepOnAbandon)
        {
            return;
        }

        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file is harmless and never mistaken for a result.
        }
    }
}
