namespace Aro.Core.Download;

/// <summary>How hard a download tries.</summary>
/// <param name="MaxRetries">Retries in a row that bring no new bytes before giving up (an attempt that adds bytes resets the count).</param>
/// <param name="MaxAttempts">Attempts per file in all, a bound even for a server that drops every connection after a few bytes.</param>
/// <param name="InitialBackoff">Wait before the first retry; doubled for each further retry in a row.</param>
/// <param name="MaxBackoff">Longest wait between retries (also caps a server's Retry-After).</param>
/// <param name="ResponseTimeout">Longest wait for response headers.</param>
/// <param name="IdleTimeout">Longest wait for the next bytes of a body.</param>
/// <param name="ParallelDownloads">Files fetched at once where there are many (COCO images).</param>
public sealed record DownloadOptions(
    int MaxRetries,
    int MaxAttempts,
    TimeSpan InitialBackoff,
    TimeSpan MaxBackoff,
    TimeSpan ResponseTimeout,
    TimeSpan IdleTimeout,
    int ParallelDownloads)
{
    public static DownloadOptions Default { get; } = new(
        MaxRetries: 5,
        MaxAttempts: 100,
        InitialBackoff: TimeSpan.FromSeconds(1),
        MaxBackoff: TimeSpan.FromSeconds(30),
        ResponseTimeout: TimeSpan.FromSeconds(60),
        IdleTimeout: TimeSpan.FromSeconds(60),
        ParallelDownloads: 8);

    /// <summary>
    /// The most bytes accepted for a file whose size nobody pins (no catalog size, no size from the server's
    /// metadata), unless the request sets its own (<see cref="FileDownloadRequest.MaxSize"/>): 8 GiB. A server that
    /// sends more — one that omits Content-Length and streams forever — is cut off there.
    /// </summary>
    public long MaxUnpinnedBytes { get; init; } = 8L << 30;

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based) of a run without progress.</summary>
    public TimeSpan Backoff(int retry, TimeSpan? serverAsked = null)
    {
        var doubled = InitialBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1));
        var wait = TimeSpan.FromMilliseconds(Math.Min(doubled, MaxBackoff.TotalMilliseconds));
        if (serverAsked is { } asked && asked > wait)
        {
            wait = asked < MaxBackoff ? asked : MaxBackoff;
        }

        return wait;
    }
}
