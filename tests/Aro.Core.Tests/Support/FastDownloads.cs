using System.Security.Cryptography;
using Aro.Core.Download;

namespace Aro.Core.Tests.Support;

/// <summary>Download settings and data for tests: millisecond backoffs, short timeouts, random content.</summary>
public static class FastDownloads
{
    public static DownloadOptions Options { get; } = DownloadOptions.Default with
    {
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
        ResponseTimeout = TimeSpan.FromSeconds(10),
        IdleTimeout = TimeSpan.FromSeconds(10),
        MaxRetries = 3,
        ParallelDownloads = 4,
    };

    public static FileDownloader Downloader() => new(DownloadHttp.Shared, Options);

    /// <summary><paramref name="length"/> random bytes.</summary>
    public static byte[] RandomBytes(int length) => RandomNumberGenerator.GetBytes(length);

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A tiny file that starts like a JPEG (enough for the signature check; not decodable).</summary>
    public static byte[] FakeJpeg(int seed) => [0xFF, 0xD8, 0xFF, 0xE0, (byte)seed, 1, 2, 3, 0xFF, 0xD9];
}
