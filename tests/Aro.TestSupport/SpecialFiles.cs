using System.Diagnostics;
using System.Net.Sockets;

namespace Aro.TestSupport;

/// <summary>Files that are not regular files, made for real: a FIFO (mkfifo), a Unix socket, links to devices.</summary>
public static class SpecialFiles
{
    /// <summary>Makes a named pipe at <paramref name="path"/> with coreutils' mkfifo and returns the path.</summary>
    public static string Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("could not start mkfifo");
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0)
        {
            throw new InvalidOperationException($"mkfifo {path} failed with exit code {mkfifo.ExitCode}");
        }

        return path;
    }

    /// <summary>
    /// The file type coreutils' <c>stat -L</c> reports ("regular file", "character special file", "fifo"): a reference
    /// independent of aro's own file-kind code.
    /// </summary>
    public static string TypeByCoreutils(string path)
    {
        var info = new ProcessStartInfo("stat", ["-L", "--format=%F", path]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var stat = Process.Start(info) ?? throw new InvalidOperationException("could not start stat");
        var type = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return stat.ExitCode == 0 ? type : "missing";
    }

    /// <summary>A listening Unix domain socket at <paramref name="path"/>; dispose to close it.</summary>
    public static Socket UnixSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.Listen();
        return socket;
    }

    /// <summary>A symbolic link at <paramref name="path"/> to <paramref name="target"/>; returns the link's path.</summary>
    public static string Link(string path, string target)
    {
        File.CreateSymbolicLink(path, target);
        return path;
    }
}
