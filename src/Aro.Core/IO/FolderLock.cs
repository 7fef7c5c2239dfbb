namespace Aro.Core.IO;

/// <summary>
/// One writer per folder: a lock file (<see cref="FileName"/>) held open with <see cref="FileShare.None"/> — an
/// exclusive <c>flock</c> on Unix, a share-deny open on Windows — that records who holds it
/// (<see cref="FolderLockOwner"/>). A second process asking for the same folder gets an
/// <see cref="AroInputException"/> (exit 2) at once, naming the holder. The kernel drops the lock of a process that
/// dies (even by SIGKILL); the lock file it leaves behind still names it, and the next acquirer takes it over with a
/// warning. Where locks do not work (some network file systems), a recorded holder that is still running on this
/// machine is refused all the same. Released (the lock file deleted) by <see cref="Dispose"/>.
/// </summary>
public sealed class FolderLock : IDisposable
{
    public const string FileName = ".aro-lock";
    private const int MaxOwnerBytes = 64 * 1024;
    private const int Attempts = 5;

    private readonly FileStream _stream;
    private bool _disposed;

    private FolderLock(string folder, string path, FileStream stream, FolderLockOwner owner, FolderLockOwner? takenOverFrom)
    {
        Folder = folder;
        LockPath = path;
        _stream = stream;
        Owner = owner;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>The locked folder (a full path).</summary>
    public string Folder { get; }

    /// <summary>The lock file.</summary>
    public string LockPath { get; }

    /// <summary>This process, as the lock file records it.</summary>
    public FolderLockOwner Owner { get; }

    /// <summary>The holder of a stale lock this one replaced (a process that died holding it), if any.</summary>
    public FolderLockOwner? TakenOverFrom { get; }

    /// <summary>
    /// Locks <paramref name="folder"/> (creating it if needed) for this process.
    /// </summary>
    /// <param name="folder">The folder to lock.</param>
    /// <param name="purpose">What for, recorded in the lock file and shown to a second acquirer: "aro eval results".</param>
    /// <param name="warn">Told once when a stale lock of a dead process is taken over.</param>
    /// <exception cref="AroInputException">Another process holds the folder, or the folder or lock file cannot be created.</exception>
    public static FolderLock Acquire(string folder, string purpose, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var full = Path.GetFullPath(folder);
        var path = Path.Combine(full, FileName);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"create the folder {full}", path: full);
        }

        for (var attempt = 1; ; attempt++)
        {
            var stream = OpenExclusive(full, path);
            if (!OperatingSystem.IsWindows() && UnixFileStatus.IdentityOf(stream.SafeFileHandle) != UnixFileStatus.IdentityOf(path) && attempt < Attempts)
            {
                // The previous holder deleted the file between our open and our lock: we hold a file nobody else
                // will open. Start again on the path's current file.
                stream.Dispose();
                continue;
            }

            try
            {
                return Claim(full, path, stream, purpose, warn);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
    }

    /// <summary>The owner recorded in <paramref name="folder"/>'s lock file, whether or not it still holds it.</summary>
    public static FolderLockOwner? ReadOwner(string folder)
    {
        var path = Path.Combine(Path.GetFullPath(folder), FileName);
        return ReadOwnerFile(path);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            // Deleted while still locked, so nobody takes over a file that is about to vanish unnoticed.
            File.Delete(LockPath);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            // A lock file left behind is harmless: its lock is released below and the next acquirer takes it over.
        }

        _stream.Dispose();
    }

    private static FileStream OpenExclusive(string folder, string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
        }
        catch (IOException ex) when (FileSystemErrors.Classify(ex) == FileSystemProblem.InUse)
        {
            throw Held(folder, ReadOwnerFile(path), ex);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"create the lock file {path}", path: path);
        }
    }

    private static FolderLock Claim(string folder, string path, FileStream stream, string purpose, Action<string>? warn)
    {
        var previous = FolderLockOwner.Parse(ReadAll(stream));
        if (previous is not null && previous.ProcessId != Environment.ProcessId && previous.IsRunningHere())
        {
            // The file was not locked, yet its holder runs: file locks do not work here. Trust the record.
            throw Held(folder, previous, null);
        }

        var owner = FolderLockOwner.Current(purpose);
        try
        {
            stream.SetLength(0);
            stream.Write(owner.ToJson());
            stream.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            throw FileSystemErrors.ToInputError(ex, $"write the lock file {path}");
        }

        if (previous is not null)
        {
            warn?.Invoke($"{folder}: took over the lock left by {previous.Describe()}, which is no longer running");
        }

        return new FolderLock(folder, path, stream, owner, previous);
    }

    private static byte[] ReadAll(FileStream stream)
    {
        var length = (int)Math.Min(stream.Length, MaxOwnerBytes);
        var buffer = new byte[length];
        stream.Position = 0;
        stream.ReadAtLeast(buffer, length, throwOnEndOfStream: false);
        return buffer;
    }

    private static FolderLockOwner? ReadOwnerFile(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return UnixFileStatus.ReadWithoutLocking(path, MaxOwnerBytes) is { } bytes ? FolderLockOwner.Parse(bytes) : null;
        }

        try
        {
            return FolderLockOwner.Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (FileSystemErrors.IsFileSystemError(ex))
        {
            return null;
        }
    }

    private static AroInputException Held(string folder, FolderLockOwner? owner, Exception? inner)
    {
        var who = owner is null
            ? "another aro process (its lock file does not say which)"
            : owner.ProcessId == Environment.ProcessId ? $"this same process ({owner.Purpose})" : owner.Describe();
        return new AroInputException($"{folder} is in use by {who}. Wait for it to finish, or write to another folder.", inner);
    }
}
