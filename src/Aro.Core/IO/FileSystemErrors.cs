namespace Aro.Core.IO;

/// <summary>
/// Turns the <see cref="IOException"/>s and <see cref="UnauthorizedAccessException"/>s of writing and creating
/// files into messages a user can act on ("the disk is full", "the file system is read-only") instead of
/// "unexpected error". .NET reports a Unix failure as an <see cref="IOException"/> whose <c>HResult</c> is the raw
/// <c>errno</c> (or as a more specific type: <see cref="PathTooLongException"/>, <see cref="UnauthorizedAccessException"/>
/// for EACCES); on Windows the <c>HResult</c> is <c>0x8007xxxx</c> around the Win32 error code.
/// </summary>
public static class FileSystemErrors
{
    /// <summary>True for the exception types file-system calls throw for an environment problem.</summary>
    public static bool IsFileSystemError(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <param name="exception">What the call threw.</param>
    /// <param name="path">
    /// The path it was given, if known: .NET reports a file in the middle of a path (ENOTDIR) as a
    /// <see cref="DirectoryNotFoundException"/>, which only a look at the path tells from a missing folder.
    /// </param>
    public static FileSystemProblem Classify(Exception exception, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case PathTooLongException:
                return FileSystemProblem.PathTooLong;
            case FileNotFoundException or DirectoryNotFoundException:
                return path is not null && HasFileAsFolder(path) ? FileSystemProblem.NotAFolder : FileSystemProblem.NotFound;
            case UnauthorizedAccessException:
                return exception.InnerException is IOException inner && Classify(inner) == FileSystemProblem.ReadOnly
                    ? FileSystemProblem.ReadOnly
                    : FileSystemProblem.AccessDenied;
            case IOException:
                return OperatingSystem.IsWindows() ? FromWindows(exception.HResult) : FromErrno(exception.HResult, exception.Message);
            default:
                return FileSystemProblem.Other;
        }
    }

    /// <summary>The failure in a few words: "the disk is full (no space left on the device)".</summary>
    /// <param name="exception">What the call threw.</param>
    /// <param name="path">The path it was given, if known (see <see cref="Classify"/>).</param>
    public static string Describe(Exception exception, string? path = null) => Classify(exception, path) switch
    {
        FileSystemProblem.DiskFull => "the disk is full (no space left on the device, or the disk quota is used up)",
        FileSystemProblem.ReadOnly => "the file system is read-only",
        FileSystemProblem.AccessDenied => "permission denied",
        FileSystemProblem.PathTooLong => "the path, or a name in it, is too long for the file system",
        FileSystemProblem.InUse => "another process holds it locked",
        FileSystemProblem.NotAFolder => "a part of the path is a file, not a folder",
        FileSystemProblem.IsAFolder => "it is a folder, not a file",
        FileSystemProblem.NotFound => "it does not exist",
        _ => exception.Message,
    };

    /// <summary>What a user can do about it.</summary>
    public static string Advice(FileSystemProblem problem) => problem switch
    {
        FileSystemProblem.DiskFull => "free some space, or choose a place on another disk",
        FileSystemProblem.ReadOnly => "choose a writable place",
        FileSystemProblem.AccessDenied => "check its permissions, or choose a place you may write to",
        FileSystemProblem.PathTooLong => "choose a shorter path",
        FileSystemProblem.InUse => "wait for the other process to finish",
        FileSystemProblem.NotAFolder => "choose a folder, not a file",
        FileSystemProblem.IsAFolder => "name a file, not a folder",
        FileSystemProblem.NotFound => "check the path",
        _ => "check the path and the disk",
    };

    /// <summary>
    /// A clean error (exit 2) for a failed file-system call: <c>cannot {action}: {reason}; {advice}.</c>, e.g.
    /// <c>cannot write the results folder /mnt/full/out: the disk is full (...); free some space, or ...</c>.
    /// </summary>
    /// <param name="exception">What the call threw (an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>).</param>
    /// <param name="action">What was being done, naming the path: "write the results folder /mnt/out".</param>
    /// <param name="advice">What to do instead of the default advice for the problem, e.g. "choose another --out".</param>
    /// <param name="path">The path the call was given, if known (see <see cref="Classify"/>).</param>
    public static AroInputException ToInputError(Exception exception, string action, string? advice = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new AroInputException($"cannot {action}: {Describe(exception, path)}; {advice ?? Advice(Classify(exception, path))}", exception);
    }

    /// <summary>True when the nearest existing ancestor of <paramref name="path"/> is a file (or the path itself is one).</summary>
    private static bool HasFileAsFolder(string path)
    {
        try
        {
            for (var current = Path.GetDirectoryName(Path.GetFullPath(path)); current is not null; current = Path.GetDirectoryName(current))
            {
                if (File.Exists(current))
                {
                    return true;
                }

                if (Directory.Exists(current))
                {
                    return false;
                }
            }
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // A path that cannot even be taken apart has no file in it to blame.
        }

        return false;
    }

    private static FileSystemProblem FromErrno(int errno, string message)
    {
        var mac = OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();
        return errno switch
        {
            28 => FileSystemProblem.DiskFull, // ENOSPC
            30 => FileSystemProblem.ReadOnly, // EROFS
            13 or 1 => FileSystemProblem.AccessDenied, // EACCES, EPERM
            20 => FileSystemProblem.NotAFolder, // ENOTDIR
            21 => FileSystemProblem.IsAFolder, // EISDIR
            2 => FileSystemProblem.NotFound, // ENOENT
            122 when !mac => FileSystemProblem.DiskFull, // EDQUOT (Linux)
            69 when mac => FileSystemProblem.DiskFull, // EDQUOT (macOS)
            36 when !mac => FileSystemProblem.PathTooLong, // ENAMETOOLONG (Linux)
            63 when mac => FileSystemProblem.PathTooLong, // ENAMETOOLONG (macOS)
            11 when !mac => FileSystemProblem.InUse, // EWOULDBLOCK (Linux)
            35 when mac => FileSystemProblem.InUse, // EWOULDBLOCK (macOS)

            // Directory.CreateDirectory over an existing file reports EEXIST with this wording.
            17 when message.Contains("already exists", StringComparison.OrdinalIgnoreCase) => FileSystemProblem.NotAFolder,
            _ => FileSystemProblem.Other,
        };
    }

    private static FileSystemProblem FromWindows(int hresult) => (hresult & 0xFFFF) switch
    {
        0x70 or 0x27 => FileSystemProblem.DiskFull, // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
        0x13 => FileSystemProblem.ReadOnly, // ERROR_WRITE_PROTECT
        0x05 => FileSystemProblem.AccessDenied, // ERROR_ACCESS_DENIED
        0x20 or 0x21 => FileSystemProblem.InUse, // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        0xCE or 0x6F => FileSystemProblem.PathTooLong, // ERROR_FILENAME_EXCED_RANGE, ERROR_BUFFER_OVERFLOW
        0x02 or 0x03 => FileSystemProblem.NotFound, // ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND
        0x10B => FileSystemProblem.NotAFolder, // ERROR_DIRECTORY
        _ => FileSystemProblem.Other,
    };
}
