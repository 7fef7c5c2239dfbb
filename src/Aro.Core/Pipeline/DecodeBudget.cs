using System.Threading.RateLimiting;

namespace Aro.Core.Pipeline;

/// <summary>
/// Bounds by bytes the memory of images being read and decoded at once, over every thread and every batch in
/// preparation: each image takes its estimated cost (<see cref="ImageMemory"/>) before its file is read or its
/// pixels decoded, and gives it back when done. Requests are served first come, first served, so a large image is
/// not starved by a stream of small ones; an image costing more than the whole budget waits until nothing else holds
/// any and then runs alone. Without this, the thread count decided the peak: eight threads decoding images at the
/// pixel limit held 8 x 341 MiB of raw pixels however small the batch.
/// </summary>
internal sealed class DecodeBudget : IDisposable
{
    /// <summary>The budget when the settings leave it open: 1 GiB, or a quarter of what the garbage collector may use if less.</summary>
    public static long DefaultBytes =>
        Math.Clamp(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4, 64L << 20, 1L << 30);

    // ConcurrencyLimiter counts permits as int: one permit is a KiB, so a budget may reach 2 TiB.
    private const int PermitBytes = 1024;
    private readonly ConcurrencyLimiter _limiter;
    private readonly int _permits;

    public DecodeBudget(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        _permits = (int)Math.Clamp((bytes + PermitBytes - 1) / PermitBytes, 1, int.MaxValue);
        Bytes = (long)_permits * PermitBytes;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = _permits,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The budget, rounded up to whole KiB.</summary>
    public long Bytes { get; }

    /// <summary>Waits until <paramref name="bytes"/> (or the whole budget, if more) are free and takes them; dispose the lease to give them back.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        var permits = (int)Math.Clamp((bytes + PermitBytes - 1) / PermitBytes, 1, _permits);
        var lease = await _limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            // The queue is unbounded, so this only happens once the limiter is disposed: the run is ending.
            lease.Dispose();
            throw new OperationCanceledException("the decode budget was closed", cancellationToken);
        }

        return lease;
    }

    public void Dispose() => _limiter.Dispose();
}
