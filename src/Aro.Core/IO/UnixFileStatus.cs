using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Aro.Core.IO;

/// <summary>
/// <c>stat</c>, <c>fstat</c> and an <c>open</c> that takes no lock, through the native shim every .NET runtime ships on
/// Unix (<c>libSystem.Native</c>, the library System.IO itself calls). .NET exposes no file type (device, FIFO,
/// socket) and no inode, and every <see cref="FileStream"/> takes an advisory <c>flock</c>; the shim's
/// <c>FileStatus</c> record has the same layout on every Unix, unlike libc's <c>struct stat</c>.
/// Field offsets: Mode at 4, Size at 16, Dev at 88, Ino at 104 (of a record under 128 bytes; 512 are reserved).
/// </summary>
internal static unsafe partial class UnixFileStatus
{
    private const string Library = "libSystem.Native";
    private const int BufferSize = 512;
    private const int TypeMask = 0xF000;
    private const int OpenReadOnlyCloseOnExec = 0x0010; // PAL_O_RDONLY | PAL_O_CLOEXEC
    private const int NoSuchFile = 2; // ENOENT on Linux and macOS
    private const int NotADirectory = 20; // ENOTDIR on Linux and macOS

    /// <summary>What <paramref name="path"/> names after symbolic links.</summary>
    public static FileKind KindOf(string path)
    {
        var buffer = stackalloc byte[BufferSize];
        if (Stat(path, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoSuchFile or NotADirectory ? FileKind.Missing : FileKind.Unknown;
        }

        return KindOfMode(*(int*)(buffer + 4));
    }

    /// <summary>What an open handle refers to.</summary>
    public static FileKind KindOf(SafeFileHandle handle)
    {
        var buffer = stackalloc byte[BufferSize];
        return FStat(handle, buffer) == 0 ? KindOfMode(*(int*)(buffer + 4)) : FileKind.Unknown;
    }

    /// <summary>The (device, inode) pair of <paramref name="path"/>, or null when it cannot be read.</summary>
    public static (long Device, long Inode)? IdentityOf(string path)
    {
        var buffer = stackalloc byte[BufferSize];
        return Stat(path, buffer) == 0 ? (*(long*)(buffer + 88), *(long*)(buffer + 104)) : null;
    }

    /// <summary>The (device, inode) pair of an open handle, or null when it cannot be read.</summary>
    public static (long Device, long Inode)? IdentityOf(SafeFileHandle handle)
    {
        var buffer = stackalloc byte[BufferSize];
        return FStat(handle, buffer) == 0 ? (*(long*)(buffer + 88), *(long*)(buffer + 104)) : null;
    }

    /// <summary>
    /// Up to <paramref name="maxBytes"/> of a file that another process may hold under an exclusive <c>flock</c>
    /// (which makes every <see cref="FileStream"/> open fail); null when it cannot be read.
    /// </summary>
    public static byte[]? ReadWithoutLocking(string path, int maxBytes)
    {
        var fd = Open(path, OpenReadOnlyCloseOnExec, 0);
        if (fd == -1)
        {
            return null;
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var buffer = new byte[maxBytes];
        try
        {
            var length = RandomAccess.Read(handle, buffer, 0);
            return buffer[..length];
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static FileKind KindOfMode(int mode) => (mode & TypeMask) switch
    {
        0x8000 => FileKind.Regular,
        0x4000 => FileKind.Directory,
        0x1000 => FileKind.Fifo,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    [LibraryImport(Library, EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, byte* output);

    [LibraryImport(Library, EntryPoint = "SystemNative_FStat", SetLastError = true)]
    private static partial int FStat(SafeFileHandle handle, byte* output);

    [LibraryImport(Library, EntryPoint = "SystemNative_Open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial nint Open(string path, int flags, int mode);
}
