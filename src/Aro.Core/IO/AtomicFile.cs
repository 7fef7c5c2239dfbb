namespace Aro.Core.IO;

/// <summary>
/// A file written under a temporary name beside its target, flushed to disk, then renamed over the target.
/// Whoever reads the target sees the old file or the complete new one, never a half-written one. Disposing
/// without <see cref="Commit"/> deletes the temporary file.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;

    private AtomicFile(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        TempPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _stream = new FileStream(TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
    }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>Where the bytes go until <see cref="Commit"/>.</summary>
    public string TempPath { get; }

    public Stream Stream => _stream;

    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes a whole file atomically.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        using var file = Create(path);
        write(file.Stream);
        file.Commit();
    }

    /// <summary>Writes text atomically as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, string text) =>
        Write(path, stream =>
        {
            var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
            stream.Write(bytes);
        });

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
