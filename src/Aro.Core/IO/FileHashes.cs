using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Aro.Core.IO;

/// <summary>
/// SHA-256 of files, lower-case hex. Results are remembered per (path, size, modification time) for the life of
/// the process, so a 600 MB graph is hashed once even though run.json and the cache fingerprint both need it. A file
/// replaced during one process by another of the same size and modification time (<c>cp -p</c>) is not read again;
/// an aro process evaluates one run, and a later process hashes afresh.
/// </summary>
public static class FileHashes
{
    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), byte[]> Known = new();

    public static string Sha256(string path) => Convert.ToHexStringLower(Sha256Bytes(path));

    public static byte[] Sha256Bytes(string path)
    {
        var info = new FileInfo(path);
        var key = (info.FullName, info.Length, info.LastWriteTimeUtc);
        return Known.GetOrAdd(key, static k =>
        {
            using var stream = RegularFile.OpenRead(k.Path, "input file", 1 << 20);
            return SHA256.HashData(stream);
        });
    }
}
