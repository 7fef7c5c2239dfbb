using System.Security.Cryptography;

namespace Aro.Core.IO;

/// <summary>SHA-256 of files, lower-case hex, for provenance and download verification.</summary>
public static class FileHashes
{
    public static string Sha256(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
