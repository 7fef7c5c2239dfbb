namespace Aro.Core.Caching;

/// <summary>Opens the embedding store of a run: the persistent cache, or only a temporary one with <c>--no-cache</c>.</summary>
public static class EmbeddingStores
{
    /// <summary>
    /// The run's store. Never fails for the cache's sake: a cache that is held by another aro, on a read-only or full
    /// disk, not a regular file, or over its budget is reported once through <paramref name="warn"/>, and the run goes
    /// on with memory and a temporary file (see <see cref="EmbeddingStore"/>).
    /// </summary>
    /// <param name="fingerprint">The model's fingerprint.</param>
    /// <param name="cacheDir"><c>--cache-dir</c>, or null for <see cref="CacheLocation.Root"/>'s default.</param>
    /// <param name="noCache"><c>--no-cache</c>: no persistent cache at all.</param>
    /// <param name="warn">Where the store's warnings go.</param>
    /// <param name="limits">The bounds; <see cref="EmbeddingStoreLimits.FromEnvironment"/> when null.</param>
    /// <param name="spillFolder">Where a temporary file goes; the system's temporary folder when null.</param>
    /// <exception cref="AroInputException">A limit's environment variable holds no valid number.</exception>
    public static EmbeddingStore Open(
        byte[] fingerprint, string? cacheDir, bool noCache, Action<string> warn, EmbeddingStoreLimits? limits = null, string? spillFolder = null)
    {
        limits ??= EmbeddingStoreLimits.FromEnvironment();
        if (noCache)
        {
            return new EmbeddingStore(fingerprint, null, null, limits, spillFolder, warn);
        }

        var path = CacheLocation.FileFor(CacheLocation.Root(cacheDir), fingerprint);
        var file = EmbeddingCacheFile.TryOpen(path, fingerprint, temporary: false, limits.CacheMaxBytes, warn, out var unavailable);
        return new EmbeddingStore(fingerprint, file, file is null ? $"embedding cache {path} {unavailable}" : null, limits, spillFolder, warn);
    }

    /// <summary>How run.json names the store.</summary>
    public static string Describe(EmbeddingStore store, bool noCache)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (noCache)
        {
            return "disabled (--no-cache)";
        }

        return store.CacheProblem is { } problem
            ? $"{problem} (a temporary store was used)"
            : store.File?.Path ?? "unavailable";
    }
}
