using System.Diagnostics;

namespace Aro.Cli.Tests.Support;

/// <summary>
/// Runs a program in a private mount namespace (util-linux <c>unshare</c>) where a folder is, for that process
/// alone, a tiny tmpfs (a disk that fills) or a read-only view of itself: real ENOSPC and EROFS, gone with the
/// process, nothing to clean up on the machine. As root <c>unshare -m</c>; otherwise <c>unshare -rm</c> (a user
/// namespace, which unprivileged users may create on most Linux systems).
/// </summary>
public static class PrivateMounts
{
    /// <summary><paramref name="program"/> with <paramref name="folder"/> mounted as an empty tmpfs of <paramref name="size"/> (mount's syntax: "64k").</summary>
    public static ProcessStartInfo WithTinyDisk(string folder, string size, string program, IEnumerable<string> args) =>
        Wrap($"mount -t tmpfs -o size={size} tmpfs \"$0\"", folder, program, args);

    /// <summary><paramref name="program"/> with <paramref name="folder"/> (and what it holds) read-only.</summary>
    public static ProcessStartInfo WithReadOnly(string folder, string program, IEnumerable<string> args) =>
        Wrap("mount --bind \"$0\" \"$0\" && mount -o remount,ro,bind \"$0\"", folder, program, args);

    private static ProcessStartInfo Wrap(string mount, string folder, string program, IEnumerable<string> args)
    {
        Directory.CreateDirectory(folder);
        var inner = ChildProcess.StartInfo(program, args);
        var unshare = Environment.IsPrivilegedProcess ? new[] { "-m" } : ["-r", "-m"];
        var info = ChildProcess.StartInfo("/usr/bin/unshare", [.. unshare, "sh", "-c", $"{mount} && exec \"$@\"", folder, inner.FileName, .. inner.ArgumentList]);
        return info;
    }
}
