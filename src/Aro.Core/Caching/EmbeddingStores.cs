namespace Aro.Core.Caching;

/// <summary>Opens the embedding store of a run: the persistent cache, or a temporary one with <c>--no-cache</c>.</summary>
public static class EmbeddingStores
{
    public static EmbeddingStore Open(byte[] fingerprint, string? cacheDir, bool noCache, Action<string> warn)
    {
        if (noCache)
        {
            var temp = Path.Combine(Path.GetTempPath(), $"aro-run-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
            return new EmbeddingStore(EmbeddingCacheFile.Open(temp, fingerprint, warn, deleteOnDispose: true));
        }

        var path = CacheLocation.FileFor(CacheLocation.Root(cacheDir), fingerprint);
        return new EmbeddingStore(EmbeddingCacheFile.Open(path, fingerprint, warn));
    }

    /// <summary>How run.json names the store.</summary>
    public static string Describe(EmbeddingStore store, bool noCache) =>
        noCache ? "disabled (--no-cache)" : store.File?.Path ?? "unavailable";
}
