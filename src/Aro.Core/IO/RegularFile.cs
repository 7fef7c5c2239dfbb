namespace Aro.Core.IO;

/// <summary>
/// aro reads images, annotations and models only from regular files. A device, named pipe or socket — directly or
/// behind a symbolic link (an image that links to <c>/dev/zero</c>, a cases file that is <c>/dev/stdin</c> or a
/// FIFO) — is refused before it is opened: opening a FIFO for reading waits for a writer forever, and reading
/// <c>/dev/zero</c> never ends.
/// </summary>
public static class RegularFile
{
    /// <summary>What <paramref name="path"/> names once symbolic links are followed.</summary>
    /// <exception cref="ArgumentException">The path holds a NUL character.</exception>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("the path holds a NUL character", nameof(path));
        }

        if (!OperatingSystem.IsWindows())
        {
            return UnixFileStatus.KindOf(path);
        }

        // Windows has no FIFOs or devices in the file system namespace that an ordinary path reaches.
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Missing;
    }

    /// <summary>How a message names <paramref name="kind"/>: "a named pipe (FIFO)", "a folder".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Missing => "nothing (it does not exist)",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "of an unknown kind",
    };

    /// <summary>
    /// Null when <paramref name="path"/> exists and is a regular file (after symbolic links), or when its kind cannot
    /// be read (opening it then says why); otherwise what it is instead, for a message: "does not exist",
    /// "is a folder, not a file", "is a character device, not a regular file".
    /// </summary>
    public static string? Problem(string path) => KindOf(path) switch
    {
        FileKind.Regular or FileKind.Unknown => null,
        FileKind.Missing => "does not exist",
        FileKind.Directory => "is a folder, not a file",
        var kind => $"is {Describe(kind)}, not a regular file{LinkNote(path)}; aro reads only regular files",
    };

    /// <summary>
    /// Refuses a path that exists but is not a regular file (a folder, device, FIFO or socket, also behind symbolic
    /// links) with an <see cref="AroInputException"/> naming <paramref name="what"/> and the path. A missing path
    /// passes: the caller's own open reports it in its own words. Returns <paramref name="path"/>.
    /// </summary>
    /// <param name="path">The file about to be opened.</param>
    /// <param name="what">What it is, for the message: "annotation file", "ONNX graph".</param>
    public static string Require(string path, string what)
    {
        if (KindOf(path) is not (FileKind.Regular or FileKind.Missing or FileKind.Unknown))
        {
            throw new AroInputException($"{what} {path} {Problem(path)}");
        }

        return path;
    }

    /// <summary>
    /// Opens a regular file for reading: <see cref="Require"/> first, then the opened handle is checked again, so
    /// a path swapped for a device after the first check is refused too (one that became a FIFO can still block
    /// in the open itself; only a process racing aro on purpose can do that).
    /// </summary>
    public static FileStream OpenRead(string path, string what, int bufferSize = 4096, FileOptions options = FileOptions.None)
    {
        Require(path, what);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        if (!OperatingSystem.IsWindows() && UnixFileStatus.KindOf(stream.SafeFileHandle) is not (FileKind.Regular or FileKind.Unknown) and var kind)
        {
            stream.Dispose();
            throw new AroInputException($"{what} {path} is {Describe(kind)}, not a regular file; aro reads only regular files");
        }

        return stream;
    }

    private static string LinkNote(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true) is { } target ? $" (a link to {target.FullName})" : "";
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
