namespace Aro.Core.IO;

/// <summary>Why a file-system call failed, as far as a message needs to know (see <see cref="FileSystemErrors.Classify"/>).</summary>
public enum FileSystemProblem
{
    /// <summary>Anything else: the exception's own message is shown.</summary>
    Other,

    /// <summary>No space left on the device (ENOSPC), or the disk quota is used up (EDQUOT).</summary>
    DiskFull,

    /// <summary>The file system is mounted read-only (EROFS).</summary>
    ReadOnly,

    /// <summary>Permission denied (EACCES, EPERM).</summary>
    AccessDenied,

    /// <summary>The path, or one of its names, is too long (ENAMETOOLONG).</summary>
    PathTooLong,

    /// <summary>Another process holds the file locked (EWOULDBLOCK from <c>flock</c>, a Windows sharing violation).</summary>
    InUse,

    /// <summary>A part of the path that should be a folder is a file (ENOTDIR, or a folder to create exists as a file).</summary>
    NotAFolder,

    /// <summary>A file was expected where there is a folder (EISDIR).</summary>
    IsAFolder,

    /// <summary>The file or folder does not exist.</summary>
    NotFound,
}
