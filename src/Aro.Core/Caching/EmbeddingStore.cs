using System.Globalization;

namespace Aro.Core.Caching;

/// <summary>
/// Where encoder outputs live during a run: a bounded in-memory store in front of the persistent cache file (reused
/// by later runs of the same model) and, when that cannot take them (<c>--no-cache</c>, held by another aro, a
/// read-only or full disk, over its size budget), a temporary file deleted at the end. Each distinct input is encoded
/// once per run while memory stays bounded by <see cref="EmbeddingStoreLimits"/>.
/// <para>
/// The store never stops a run: a file that fails is given up with one warning, and the run goes on with what is
/// left, down to memory alone, where a forgotten embedding is simply encoded again.
/// </para>
/// <para>
/// The contract with the evaluation pipeline is <see cref="Hold"/>: a batch holds every key it will read, so an
/// embedding reported as stored cannot be evicted before the batch is scored, even when nothing but memory is
/// left. Memory is therefore <see cref="EmbeddingStoreLimits.MemoryEntries"/> plus the keys of the batches in flight.
/// </para>
/// </summary>
public sealed class EmbeddingStore : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Lock _writeLock = new();
    private readonly Dictionary<EmbeddingKey, Entry> _entries = [];
    private readonly LinkedList<EmbeddingKey> _evictable = new();
    private readonly byte[] _fingerprint;
    private readonly EmbeddingCacheFile? _cache;
    private readonly string _spillFolder;
    private readonly Action<string> _warn;
    private volatile EmbeddingCacheFile? _spill;
    private bool _cacheTakesAppends;
    private bool _spillGivenUp;

    /// <summary>A store over an already opened file and nothing else (no temporary file): for tests and tools.</summary>
    public EmbeddingStore(EmbeddingCacheFile? file, int memoryCapacity = 16384)
        : this([], file, null, EmbeddingStoreLimits.Default with { MemoryEntries = memoryCapacity }, null, _ => { })
    {
        _spillGivenUp = true;
    }

    /// <param name="fingerprint">The model's fingerprint (the temporary file's header).</param>
    /// <param name="cache">The persistent cache, or null (<c>--no-cache</c>, or unavailable: see <paramref name="cacheProblem"/>).</param>
    /// <param name="cacheProblem">
    /// Why the persistent cache is unavailable, when it is, naming it: "embedding cache /c/embeddings.bin is in use by
    /// another aro process" (said once, at construction).
    /// </param>
    /// <param name="limits">The bounds.</param>
    /// <param name="spillFolder">Where the temporary file goes (the system's temporary folder when null).</param>
    /// <param name="warn">Told once when the cache is given up, and once more if the temporary file is.</param>
    public EmbeddingStore(
        byte[] fingerprint, EmbeddingCacheFile? cache, string? cacheProblem, EmbeddingStoreLimits limits, string? spillFolder, Action<string> warn)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(warn);
        _fingerprint = fingerprint;
        _cache = cache;
        Limits = limits with { MemoryEntries = Math.Max(limits.MemoryEntries, EmbeddingStoreLimits.MinMemoryEntries) };
        _spillFolder = spillFolder ?? Path.GetTempPath();
        _warn = warn;
        _cacheTakesAppends = cache is { NotWritableReason: null };
        if (cacheProblem is not null)
        {
            GiveUpCache(cacheProblem);
        }
        else if (cache is { NotWritableReason: { } reason })
        {
            GiveUpCache($"embedding cache {cache.Path} {reason}");
        }
    }

    /// <summary>The persistent cache file, if any.</summary>
    public EmbeddingCacheFile? File => _cache;

    public EmbeddingStoreLimits Limits { get; }

    /// <summary>Why the persistent cache is not taking this run's embeddings, or null when it is (or there is none by choice).</summary>
    public string? CacheProblem { get; private set; }

    /// <summary>The temporary file, once one was needed.</summary>
    public string? SpillPath => _spill?.Path;

    /// <summary>Embeddings in memory now (held ones included).</summary>
    public int InMemory
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count(e => e.Value.Vector is not null);
            }
        }
    }

    /// <summary>Starts a batch's hold (see <see cref="Hold"/>); dispose it once the batch is scored.</summary>
    public EmbeddingHold BeginHold() => new(this);

    /// <summary>
    /// Holds <paramref name="key"/> for <paramref name="hold"/>'s batch and says whether its embedding is stored. Held,
    /// the embedding stays in memory until the hold is released: if stored now it is read into memory at once; if
    /// not, it stays once added (by this batch or one still encoding it).
    /// </summary>
    public bool Hold(EmbeddingKey key, EmbeddingHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        lock (_lock)
        {
            var entry = EntryFor(key);
            if (hold.Keys.Add(key))
            {
                if (entry.Pins++ == 0 && entry.Node is { } node)
                {
                    _evictable.Remove(node);
                    entry.Node = null;
                }
            }

            if (entry.Vector is not null)
            {
                return true;
            }
        }

        if (!ReadFiles(key, out var vector))
        {
            return false;
        }

        lock (_lock)
        {
            var entry = _entries[key]; // pinned, so still there
            entry.Vector ??= vector;
        }

        return true;
    }

    public bool TryGet(EmbeddingKey key, out float[] vector)
    {
        lock (_lock)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Vector is { } known)
            {
                Touch(entry);
                vector = known;
                return true;
            }
        }

        if (ReadFiles(key, out vector))
        {
            Remember(key, vector);
            return true;
        }

        vector = [];
        return false;
    }

    /// <summary>Stores a new embedding: in memory, and in the cache file (or the temporary file) while one takes it.</summary>
    public void Add(EmbeddingKey key, float[] vector)
    {
        Remember(key, vector);
        lock (_writeLock)
        {
            if (_cacheTakesAppends && _cache is not null)
            {
                try
                {
                    if (_cache.TryAppend(key, vector))
                    {
                        return;
                    }

                    GiveUpCache($"embedding cache {_cache.Path} {_cache.NotWritableReason ?? "takes no more embeddings"}");
                }
                catch (IOException)
                {
                    GiveUpCache($"embedding cache {_cache.Path} {_cache.NotWritableReason ?? "cannot be written"}");
                }
            }

            Spill(key, vector);
        }
    }

    /// <summary>True when an earlier run of the same model stored <paramref name="key"/>.</summary>
    public bool IsFromEarlierRun(EmbeddingKey key) => _cache?.IsFromEarlierRun(key) == true;

    public void Dispose()
    {
        _cache?.Dispose();
        _spill?.Dispose();
    }

    internal void Release(EmbeddingHold hold)
    {
        lock (_lock)
        {
            foreach (var key in hold.Keys)
            {
                var entry = _entries[key];
                if (--entry.Pins > 0)
                {
                    continue;
                }

                if (entry.Vector is null)
                {
                    _entries.Remove(key);
                }
                else
                {
                    entry.Node = _evictable.AddFirst(key);
                }
            }

            hold.Keys.Clear();
            Trim();
        }
    }

    private bool ReadFiles(EmbeddingKey key, out float[] vector)
    {
        if (_cache is not null && _cache.TryRead(key, out vector))
        {
            return true;
        }

        var spill = _spill;
        if (spill is not null && spill.TryRead(key, out vector))
        {
            return true;
        }

        vector = [];
        return false;
    }

    private void Remember(EmbeddingKey key, float[] vector)
    {
        lock (_lock)
        {
            var entry = EntryFor(key);
            entry.Vector = vector;
            Touch(entry);
            if (entry.Pins == 0 && entry.Node is null)
            {
                entry.Node = _evictable.AddFirst(key);
            }

            Trim();
        }
    }

    private Entry EntryFor(EmbeddingKey key)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Entry();
            _entries[key] = entry;
        }

        return entry;
    }

    private void Touch(Entry entry)
    {
        if (entry.Node is { } node && node != _evictable.First)
        {
            _evictable.Remove(node);
            _evictable.AddFirst(node);
        }
    }

    private void Trim()
    {
        while (_evictable.Count > Limits.MemoryEntries)
        {
            var last = _evictable.Last!;
            _evictable.RemoveLast();
            _entries.Remove(last.Value);
        }
    }

    private void Spill(EmbeddingKey key, float[] vector)
    {
        if (_spillGivenUp)
        {
            return;
        }

        if (_spill is null)
        {
            var path = Path.Combine(_spillFolder, $"aro-run-{Environment.ProcessId}-{Guid.NewGuid():N}.bin");
            var opened = EmbeddingCacheFile.TryOpen(path, _fingerprint, temporary: true, Limits.SpillMaxBytes, _warn, out var unavailable);
            if (opened is null)
            {
                GiveUpSpill($"the temporary file {path} {unavailable}");
                return;
            }

            _spill = opened;
        }

        try
        {
            if (!_spill.TryAppend(key, vector))
            {
                GiveUpSpill($"the temporary file {_spill.Path} {_spill.NotWritableReason}");
            }
        }
        catch (IOException)
        {
            GiveUpSpill($"the temporary file {_spill.Path} {_spill.NotWritableReason ?? "cannot be written"}");
        }
    }

    private void GiveUpCache(string what)
    {
        _cacheTakesAppends = false;
        if (CacheProblem is not null)
        {
            return;
        }

        CacheProblem = what;
        var kept = _cache is { Count: > 0 }
            ? string.Create(CultureInfo.InvariantCulture, $"its {_cache.Count} embeddings are used, but this run's new ones are not added to it: they are kept")
            : "this run goes on without it, keeping its embeddings";
        _warn(string.Create(CultureInfo.InvariantCulture,
            $"{what}; {kept} in memory (up to {Limits.MemoryEntries} besides the batches in flight) " +
            $"and in a temporary file in {Path.TrimEndingDirectorySeparator(_spillFolder)} (up to {Limits.SpillMaxBytes / (1024 * 1024)} MiB)"));
    }

    private void GiveUpSpill(string what)
    {
        // The file stays open for reading: what it holds is still good, only nothing more is added.
        _spillGivenUp = true;
        _warn(string.Create(CultureInfo.InvariantCulture,
            $"{what}; new embeddings are now kept in memory only (up to {Limits.MemoryEntries} besides the batches in flight): " +
            $"the results are the same, but an embedding forgotten is encoded again when needed"));
    }

    private sealed class Entry
    {
        public float[]? Vector { get; set; }

        /// <summary>Holds of batches in flight; a held entry is never evicted.</summary>
        public int Pins { get; set; }

        /// <summary>Its place in the eviction order, when it is not held.</summary>
        public LinkedListNode<EmbeddingKey>? Node { get; set; }
    }
}
